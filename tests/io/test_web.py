"""The web readers on our fixtures: HTML pages (io/html.py), feeds (io/feeds.py), data-driven.

Cases are in tests/data/web/cases.json; each page and feed there was written for these
tests (see tests/data/README.md).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

import mediamon
from mediamon.corpus import Corpus
from mediamon.errors import Msg
from mediamon.io.inputs import read_file
from mediamon.model import article_id

WEB = Path(__file__).parents[1] / "data" / "web"
CASES: list[dict[str, Any]] = json.loads((WEB / "cases.json").read_text(encoding="utf-8"))["cases"]


def _check_article(article: mediamon.Article, want: dict[str, Any]) -> None:
    for field in ("title", "date_text", "author", "source", "url", "lang"):
        if field in want:
            assert getattr(article, field) == want[field], field
    if "date" in want:
        assert (article.date.isoformat() if article.date else None) == want["date"]
    if "paragraphs" in want:
        assert len(article.body.split("\n\n")) == want["paragraphs"]
    assert article.body.startswith(want.get("body_starts", ""))
    assert article.body.endswith(want.get("body_ends", ""))
    for text in want.get("body_lacks", ()):
        assert text not in article.body
    for key, value in want.get("meta", {}).items():
        assert article.meta.get(key) == value, key


def _param(case: dict[str, Any]) -> Any:
    marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if case.get("xfail") else []
    return pytest.param(case, id=case["file"], marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_web_fixture_reads_as_expected(case: dict[str, Any]) -> None:
    corpus = mediamon.read(WEB / case["file"])
    assert len(corpus) == len(case["articles"])
    for article, want in zip(corpus, case["articles"], strict=True):
        _check_article(article, want)
        assert article.origin is not None and article.origin.path == str(WEB / case["file"])
        assert article.id == article_id(article.title, article.date_text, article.body)
    reasons = {d.reason for d in corpus.dropped}
    assert set(case["dropped"]) <= reasons
    texts = {d.text for d in corpus.dropped}
    for text in case["dropped_texts"]:
        assert text in texts
    assert len(corpus.problems) == len(case["problems"])
    for problem, want in zip(corpus.problems, case["problems"], strict=True):
        assert want in problem.reason


def _one(name: str) -> Corpus:
    return mediamon.read(WEB / name)


def test_nothing_of_a_page_is_lost_silently() -> None:
    """Every text block of the page is in the article (title, date, body) or set aside."""
    corpus = _one("en_comments.html")
    article = corpus[0]
    kept = f"{article.title} {article.date_text} {article.body}"
    for block in ("Ahmed K.", "J. Miller", "Privacy policy", "3 thoughts on this story"):
        assert block not in kept
        assert block in {d.text for d in corpus.dropped}
    comments = [d for d in corpus.dropped if d.reason == "comment"]
    assert len(comments) == 5
    assert all(d.line > 1 for d in corpus.dropped)


def test_page_set_aside_lines_are_source_lines() -> None:
    lines = (WEB / "ar_news.html").read_text(encoding="utf-8").split("\n")
    for dropped in _one("ar_news.html").dropped:
        assert dropped.text.split()[0] in lines[dropped.line - 1]


def test_html_detected_by_content_whatever_the_suffix(tmp_path: Path) -> None:
    page = tmp_path / "story.txt"
    shutil.copy(WEB / "ar_news.html", page)
    assert [a.title for a in mediamon.read(page)] == [a.title for a in _one("ar_news.html")]


def test_saved_page_without_suffix_in_a_directory_is_read(tmp_path: Path) -> None:
    shutil.copy(WEB / "ar_news.html", tmp_path / "index.php")
    shutil.copy(WEB / "en_comments.html", tmp_path / "b.html")
    corpus = mediamon.read(tmp_path)
    assert [a.lang for a in corpus] == ["en", "ar"]
    assert corpus.problems == ()


def test_compressed_page_and_feed(tmp_path: Path) -> None:
    import gzip

    for name in ("ar_news.html", "feed_atom.xml"):
        (tmp_path / f"{name}.gz").write_bytes(gzip.compress((WEB / name).read_bytes()))
    corpus = mediamon.read(tmp_path)
    assert len(corpus) == 3 and corpus.problems == ()


def test_feed_from_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    raw = (WEB / "feed_rss.xml").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
    corpus = mediamon.read("-")
    assert [a.url for a in corpus] == [a.url for a in _one("feed_rss.xml")]


def test_feed_entries_start_on_their_own_lines(tmp_path: Path) -> None:
    """Each entry's line is counted on from the entry before it (not from the top each time)."""
    gaps = [1, 3, 0, 5, 2] * 40
    parts = ['<?xml version="1.0"?>\n<rss version="2.0"><channel><title>T</title>\n']
    starts = []
    line = 3
    for i, gap in enumerate(gaps):
        starts.append(line)
        parts.append(f"<item><title>Story {i}</title><description>{i}.</description></item>" + "\n" * gap)
        line += gap
    parts.append("</channel></rss>\n")
    corpus = mediamon.read(_write(tmp_path, "f.rss", "".join(parts)))
    assert [a.origin.first_line for a in corpus if a.origin] == starts


def test_malformed_feed_keeps_the_entries_read(tmp_path: Path) -> None:
    text = (WEB / "feed_atom.xml").read_text(encoding="utf-8")
    cut = text[: text.index("</entry>") + len("</entry>")] + "\n<entry><title>half"
    path = tmp_path / "cut.atom"
    path.write_text(cut, encoding="utf-8")
    corpus = mediamon.read(path)
    assert [a.title for a in corpus][:1] == ["Foreign minister heads to Muscat for regional talks"]
    assert any("malformed feed" in p.reason for p in corpus.problems)


def _write(directory: Path, name: str, text: str) -> Path:
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


def _nested_page(depth: int) -> str:
    return (
        "<html><head><title>A deep page</title></head><body><p>Before the nest, Beirut.</p>\n"
        + "<div>" * depth
        + "<p>Baghdad hosted talks on Monday with officials from the region.</p>"
        + "</div>" * depth
        + "<p>After the nest, Damascus said more.</p></body></html>"
    )


@pytest.mark.parametrize("depth", [300, 1500])
def test_a_page_nested_past_libxml2s_default_depth_is_read_whole(tmp_path: Path, depth: int) -> None:
    """Unclosed ``<div>`` or ``<font>`` tags nest a scraped page hundreds deep; past 255 the
    default parser stopped, and everything after was lost without a word."""
    corpus = mediamon.read(_write(tmp_path, "deep.html", _nested_page(depth)))
    assert [a.body.split("\n\n") for a in corpus] == [
        [
            "Before the nest, Beirut.",
            "Baghdad hosted talks on Monday with officials from the region.",
            "After the nest, Damascus said more.",
        ]
    ]
    assert not corpus.problems


def test_a_page_nested_deeper_than_the_parser_reads_says_where_it_stopped(tmp_path: Path) -> None:
    corpus = mediamon.read(_write(tmp_path, "deeper.html", _nested_page(3000)))
    assert [a.body for a in corpus] == ["Before the nest, Beirut."]
    cut = [p for p in corpus.problems if p.reason.startswith("the page is read only to this line")]
    assert [p.line for p in cut] == [2] and "XML_PARSE_HUGE" not in cut[0].reason


def test_a_text_node_over_ten_megabytes_is_read(tmp_path: Path) -> None:
    """libxml2's default parser drops a text node over 10 MB, and the rest of the page with it."""
    long_text = ("بببببببببب " * 500_000).strip()  # 5.5 M characters, 10.5 MB of UTF-8
    page = (
        "<html><head><title>T</title></head><body><article><h1>A long one</h1>"
        f"<p>{long_text}</p><p>Baghdad hosted talks on Monday.</p></article></body></html>"
    )
    corpus = mediamon.read(_write(tmp_path, "long.html", page))
    body = "".join(a.body for a in corpus)
    assert "Baghdad hosted talks on Monday." in body and len(body) > len(long_text)


def test_page_with_no_article_text_is_reported_and_its_text_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    corpus = mediamon.read(path)
    assert len(corpus) == 0
    assert [p.reason for p in corpus.problems] == [Msg.HTML_NO_ARTICLE]
    assert [d.text for d in corpus.dropped] == ["Home"]


def test_cli_reads_web_inputs_in_a_directory_with_and_without_jobs(tmp_path: Path) -> None:
    import subprocess
    import sys

    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("ar_news.html", "liveblog.html", "feed_rss.xml", "sitemap.xml"):
        shutil.copy(WEB / name, folder / name)
    runs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.jsonl"
        done = subprocess.run(
            [sys.executable, "-m", "mediamon", "annotate", "-q", "--jobs", jobs, str(folder), "-o", str(out)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 1  # the sitemap is refused; the rest is written
        assert done.stderr.count("\n") == 1 and "sitemap.xml: unsupported input: a sitemap" in done.stderr
        runs.append(out.read_text(encoding="utf-8"))
    assert runs[0] == runs[1]
    rows = [json.loads(line) for line in runs[0].splitlines()]
    assert len(rows) == 1 + 3 + 2
    assert {r["meta"].get("source_id") for r in rows if r["meta"]["format"] == "feed"} == {
        "media:al-mayadeen"
    }


@pytest.mark.parametrize("name", ["ar_news.html", "en_comments.html", "liveblog.html"])
def test_truncated_page_still_reads(tmp_path: Path, name: str) -> None:
    """A page cut anywhere gives articles or problems, never an exception."""
    raw = (WEB / name).read_bytes()
    for cut in range(0, len(raw), max(1, len(raw) // 12)):
        path = tmp_path / f"cut{cut}.html"
        path.write_bytes(raw[:cut])
        corpus = mediamon.read(path)
        assert len(corpus) or corpus.problems
        for article in corpus:
            assert article.id == article_id(article.title, article.date_text, article.body)


def test_a_trafilatura_failure_is_a_problem_and_the_run_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    from mediamon.io import html

    def fail(page: object, url: str | None) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(html, "_extract", fail)
    corpus = mediamon.read([WEB / "ar_news.html", WEB / "feed_atom.xml"])
    assert len(corpus) == 2  # the feed still read
    assert corpus.problems[0].reason == Msg.HTML_UNREADABLE.format(detail="trafilatura: boom")


def test_article_with_a_row_of_teaser_cards_is_one_article(tmp_path: Path) -> None:
    """Teaser cards under a long article are not a listing page (they hold less of its text)."""
    body = "".join(f"<p>{'Paragraph of the article body with words. ' * 8}{n}</p>" for n in range(4))
    cards = "".join(
        f'<div class="card"><h3><a href="/s/{n}">Story {n}</a></h3><p>Teaser {n}.</p></div>' for n in range(5)
    )
    path = tmp_path / "story.html"
    head = "<head><title>A story - Site</title></head>"
    page = f"<html>{head}<body><h1>A story</h1>{body}{cards}</body></html>"
    path.write_text(page, encoding="utf-8")
    corpus = mediamon.read(path)
    assert len(corpus) == 1 and corpus.problems == ()
    assert corpus[0].source == "Site" and corpus[0].title == "A story"


#: Codecs Python has that cannot be a page's: they do not read ASCII markup as ASCII.
NOT_PAGE_CODECS = ["utf-16", "utf-32", "utf-7", "unicode_escape", "punycode", "cp037", "rot13", "base64"]
PAGE_TEXT = "Le ministre a rencontré la délégation lundi, +AGE- et \\u0041 compris, pour parler du commerce."


@pytest.mark.parametrize("charset", [*NOT_PAGE_CODECS, "idna", "undefined", "no-such-codec"])
def test_a_page_declaring_a_codec_that_cannot_read_it_is_read_by_detection(charset: str) -> None:
    """``<meta charset="punycode">`` was a ``UnicodeError`` traceback; ``utf-7`` and
    ``unicode_escape`` turned ``+AGE-`` and ``\\u0041`` into other text."""
    page = (
        f"<html><head><meta charset='{charset}'><title>T</title></head><body><article>"
        f"<h1>Un titre ici</h1><p>{PAGE_TEXT}</p><p>{PAGE_TEXT}</p></article></body></html>"
    )
    parsed = read_file("x.html", data=page.encode("utf-8"))
    (article,) = parsed.articles
    assert article.title == "Un titre ici" and PAGE_TEXT in article.body


@pytest.mark.parametrize(
    "declared", [c for c in NOT_PAGE_CODECS if c not in ("utf-16", "utf-32")] + ["undefined"]
)
def test_a_feed_declaring_a_codec_that_cannot_read_it_is_read_by_detection(declared: str) -> None:
    """feedparser stopped with a ``UnicodeError`` (``punycode``, ``undefined``) or garbled the text."""
    feed = (
        f'<?xml version="1.0" encoding="{declared}"?>\n<rss version="2.0"><channel><title>t</title>'
        f"<item><title>Un titre</title><description>{PAGE_TEXT}</description></item></channel></rss>"
    )
    parsed = read_file("x.rss", data=feed.encode("utf-8"))
    assert [(a.title, a.body) for a in parsed.articles] == [("Un titre", PAGE_TEXT)]
    assert [(p.line, p.reason) for p in parsed.problems] == [
        (1, Msg.FEED_CHARSET.format(declared=declared, used="utf-8"))
    ]


def test_a_feed_declaring_an_unknown_encoding_reads_as_before() -> None:
    feed = (
        '<?xml version="1.0" encoding="no-such-codec"?><rss version="2.0"><channel><title>t</title>'
        f"<item><title>Un titre</title><description>{PAGE_TEXT}</description></item></channel></rss>"
    )
    parsed = read_file("x.rss", data=feed.encode("utf-8"))
    assert [a.body for a in parsed.articles] == [PAGE_TEXT] and parsed.problems == ()


def test_a_feed_reader_failure_is_a_problem_naming_the_feed(monkeypatch: pytest.MonkeyPatch) -> None:
    import feedparser

    def fail(*args: object, **kwargs: object) -> None:
        raise UnicodeError("decoding failed")

    monkeypatch.setattr(feedparser, "parse", fail)
    feed = b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>x</title></item></channel></rss>'
    parsed = read_file("x.rss", data=feed)
    assert parsed.articles == ()
    assert [str(p) for p in parsed.problems] == [
        "x.rss: " + Msg.FEED_FAILED.format(detail="UnicodeError: decoding failed")
    ]
