"""Invariants of detection and of the web readers on arbitrary bytes (hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mediamon.io.detect import sniff
from mediamon.io.html import html_items
from mediamon.model import Article, Dropped

_MARKUP = st.lists(
    st.sampled_from(
        ["<html>", "<body>", "<p>", "</p>", "<article>", "</article>", "<h1>", "x y", "نص عربي", "\n"]
    ),
    max_size=40,
).map("".join)


@given(st.binary(max_size=512))
def test_sniff_never_raises_and_refuses_with_a_kind(data: bytes) -> None:
    verdict = sniff(data)
    assert verdict.format is None or verdict.kind is None
    assert not verdict.binary or verdict.kind


@settings(max_examples=40, deadline=None)
@given(_MARKUP)
def test_html_items_never_raise_and_keep_blocks_non_blank(text: str) -> None:
    for item in html_items(text, path="p.html"):
        if isinstance(item, Dropped):
            assert item.text.strip() and item.line >= 1
        elif isinstance(item, Article):
            assert item.title or item.body
