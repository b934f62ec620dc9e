"""A page's own data (io/pagedata.py) and the body-edge furniture of web articles (io/html.py)."""

from __future__ import annotations

from lxml import html

from mediamon.io.html import trim_edges
from mediamon.io.pagedata import page_facts, title_site


def _facts(page: str):  # type: ignore[no-untyped-def]
    return page_facts(html.document_fromstring(page))


def test_site_name_prefers_og_then_json_ld_website() -> None:
    ld = '<script type="application/ld+json">{"@graph": [{"@type": "WebSite", "name": "The Post"}]}</script>'
    assert _facts(f"<html><head>{ld}</head><body>x</body></html>").site_name == "The Post"
    og = '<meta property="og:site_name" content="Post Online">'
    assert _facts(f"<html><head>{og}{ld}</head><body>x</body></html>").site_name == "Post Online"


def test_json_article_with_authors_and_url_from_main_entity() -> None:
    data = (
        '{"@type": "NewsArticle", "headline": "H", "articleBody": "One.\\nTwo.", '
        '"author": [{"name": "A"}, {"name": "B"}], "mainEntityOfPage": {"@id": "https://x.example/a#main"}}'
    )
    page = f'<html><head><script type="application/ld+json">{data}</script></head><body></body></html>'
    article = _facts(page).article
    assert article is not None
    assert (article.title, article.author, article.url) == ("H", "A; B", "https://x.example/a")


def test_bad_or_deep_json_is_skipped() -> None:
    deep = "[" * 5000 + "]" * 5000
    page = (
        '<html><head><script type="application/json">{not json</script>'
        f'<script type="application/json">{deep}</script></head><body>x</body></html>'
    )
    assert _facts(page).article is None


def test_a_name_nested_as_deep_as_json_allows_is_no_crash() -> None:
    """An author or section nested hundreds deep (valid JSON) is read to a bounded depth."""
    name = '{"name": ' * 900 + '"x"' + "}" * 900
    names = "[" * 900 + '"x"' + "]" * 900
    data = (
        f'{{"@type": "NewsArticle", "headline": "H", "author": {name}, '
        f'"articleSection": {names}, "articleBody": "B."}}'
    )
    page = f'<html><head><script type="application/ld+json">{data}</script></head><body></body></html>'
    article = _facts(page).article
    assert article is not None
    assert (article.title, article.body, article.author, article.section) == ("H", "B.", None, None)


def test_title_parts_give_headline_and_site_by_what_the_page_shows() -> None:
    assert title_site(("Site", "A headline"), {"A headline"}) == ("A headline", "Site")
    assert title_site(("A headline", "Site"), {"A headline"}) == ("A headline", "Site")
    assert title_site(("Only",), {"Only"}) == (None, None)
    assert title_site(("A", "B"), {"A", "B"}) == (None, None)


def test_trim_edges_keeps_body_text_and_reads_the_byline() -> None:
    paragraphs = ["Home | News | Sport", "By Jane Roe", "A long paragraph of body text.", "© 2024 The Post"]
    trimmed = trim_edges(paragraphs, "Headline")
    assert trimmed.paragraphs == ["A long paragraph of body text."]
    assert trimmed.author == "Jane Roe"
    assert trimmed.removed == ["Home | News | Sport", "By Jane Roe", "© 2024 The Post"]
    assert trim_edges(["© 2024 The Post"], "Headline").paragraphs == ["© 2024 The Post"]
