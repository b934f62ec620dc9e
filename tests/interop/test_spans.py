"""Mention offsets in ``Article.text``: every mention lands on its own text, whatever the fields."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mediamon import Article, Mention
from mediamon.interop.spans import text_spans

TEXT = st.text(alphabet=st.sampled_from("ab والعراق\n"), max_size=20)


@st.composite
def articles(draw: st.DrawFn) -> Article:
    fields = {"title": draw(TEXT), "body": draw(TEXT)}
    mentions = []
    for field, text in fields.items():
        for _ in range(draw(st.integers(0, 3))):
            start = draw(st.integers(0, len(text)))
            end = draw(st.integers(start, len(text)))
            mentions.append(
                Mention(field, start, end, text[start:end], "x:e", "LOC", "E", "en", "e", "exact")
            )
    return Article(id="a", mentions=mentions, **fields)


@given(articles())
def test_each_mention_lands_on_its_text_in_article_text(article: Article) -> None:
    placed = list(text_spans(article))
    assert len(placed) == len(article.mentions)
    assert all(article.text[start:end] == m.text for start, end, m in placed)
    assert [s for s, _, _ in placed] == sorted(s for s, _, _ in placed)
