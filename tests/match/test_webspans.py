"""Address masks (match/webspans.py): the cases as a table, and the invariants of the spans."""

from __future__ import annotations

import itertools
import json
from typing import NamedTuple

import pytest
from hypothesis import given
from hypothesis import strategies as st

import mediamon
from mediamon.match.webspans import outside, web_spans
from tests.conftest import DATA
from tests.strategies import hostile_text

CASES = json.loads((DATA / "webspan_cases.json").read_text(encoding="utf-8"))["cases"]


@pytest.fixture(scope="module")
def annotator() -> mediamon.Annotator:
    return mediamon.Annotator(discover=True)


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['kind']}:{c['text'][:24]}")
def test_masked_addresses(case: dict) -> None:
    assert [case["text"][a:b] for a, b in web_spans(case["text"])] == case["masked"], case["why"]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['kind']}:{c['text'][:24]}")
def test_no_mention_inside_an_address(case: dict) -> None:
    found = mediamon.Annotator().annotate_text(case["text"])
    assert [m.text for m in found] == case["mentions"], case["why"]


def test_discovered_names_skip_addresses(annotator: mediamon.Annotator) -> None:
    text = "Watch https://t.example.co/AbCdEf123 and mail Desk.Team@Example.Org now."
    assert [m for m in annotator.annotate_text(text) if m.how == "discovered"] == []


def test_article_fields_are_masked() -> None:
    article = mediamon.Article(
        id="a", title="Talks in Cairo", body="Source: https://example.com/cairo-talks/egypt", lang="en"
    )
    found = mediamon.Annotator().annotate(article).mentions
    assert [(m.field, m.text) for m in found] == [("title", "Cairo")]


class _Item(NamedTuple):
    start: int
    end: int


@given(hostile_text(80))
def test_spans_are_ordered_disjoint_and_inside(text: str) -> None:
    spans = web_spans(text)
    assert all(0 <= a < b <= len(text) for a, b in spans)
    assert all(b1 <= a2 for (_, b1), (a2, _) in itertools.pairwise(spans))


@given(
    st.lists(st.tuples(st.integers(0, 50), st.integers(1, 8)), max_size=8),
    st.lists(st.tuples(st.integers(0, 50), st.integers(1, 8)), max_size=8),
)
def test_outside_keeps_exactly_what_overlaps_no_span(items: list, spans: list) -> None:
    disjoint: list[tuple[int, int]] = []
    for start, size in sorted(spans):
        if not disjoint or start >= disjoint[-1][1]:
            disjoint.append((start, start + size))
    mentions = [_Item(s, s + n) for s, n in items]
    expect = [m for m in mentions if not any(a < m.end and m.start < b for a, b in disjoint)]
    assert outside(mentions, disjoint) == expect
