"""Name discovery on hostile text: never raises, mentions are the original's slices, both engines alike."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import mediamon
from mediamon import Mention, engine
from mediamon import lang as languages
from mediamon.cli import main
from mediamon.match.discover import _Crossing, _overlaps_sorted
from tests.strategies import HOSTILE_PIECES, hostile_text


@pytest.fixture(scope="module")
def annotators() -> tuple[mediamon.Annotator, mediamon.Annotator | None]:
    """A discovering annotator on the engine in use and, when the native one is built, on pure Python."""
    native = mediamon.Annotator(discover=True)
    if not engine.native_built():
        return native, None
    old = engine.use_native(False)
    try:
        pure = mediamon.Annotator(discover=True)
    finally:
        engine.use_native(old)
    return native, pure


@settings(max_examples=150, deadline=None)
@given(text=hostile_text())
@example(text="President Joe\ud800 Biden said")  # found: UnicodeEncodeError from the feature names
@example(text="محمد\udfff بن سلمان")
def test_discovery_on_hostile_text_never_raises_and_maps_back(
    annotators: tuple[mediamon.Annotator, mediamon.Annotator | None], text: str
) -> None:
    native, pure = annotators
    found = native.annotate_text(text)
    for mention in found:
        assert text[mention.start : mention.end] == mention.text
    if pure is not None:
        old = engine.use_native(False)
        try:
            assert pure.annotate_text(text) == found
        finally:
            engine.use_native(old)


_SPAN = st.tuples(st.integers(0, 40), st.integers(0, 12)).map(lambda s: (s[0], s[0] + s[1]))


@settings(max_examples=300, deadline=None)
@given(st.lists(_SPAN, max_size=12), _SPAN, st.sets(st.integers(0, 11)))
def test_crossing_finds_every_overlapping_mention(
    spans: list[tuple[int, int]], query: tuple[int, int], removed: set[int]
) -> None:
    """The bisection finds what a scan of all finds (nested, equal and empty spans too)."""
    mentions = [Mention("body", s, e, "x", "id", "LOC", "x", "en", "x", "exact") for s, e in spans]
    crossing = _Crossing(mentions)
    crossing.removed.update(removed)
    start, end = query
    expect = [i for i, m in enumerate(mentions) if i not in removed and m.start < end and start < m.end]
    assert sorted(crossing.crossed(start, end)) == expect
    assert crossing.kept() == [m for i, m in enumerate(mentions) if i not in removed]


@settings(max_examples=300, deadline=None)
@given(st.lists(_SPAN.filter(lambda s: s[0] < s[1]), max_size=12), _SPAN)
def test_overlaps_sorted_is_a_scan_of_disjoint_spans(
    spans: list[tuple[int, int]], query: tuple[int, int]
) -> None:
    disjoint: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if not disjoint or disjoint[-1][1] <= s:
            disjoint.append((s, e))
    start, end = query
    assert _overlaps_sorted(start, end, disjoint) == any(s < end and start < e for s, e in disjoint)


def test_an_article_of_many_mentions_and_surnames_keeps_every_one() -> None:
    """The crowded texts bench_scaling.py times (discover-mentions, discover-surnames; quadratic
    before, 3.6-3.9x a doubling): every gazetteer mention and every surname is still found."""
    annotator = mediamon.Annotator(discover=True)
    text = "Iraq العراق " * 300
    found = annotator.annotate_text(text)
    assert sum(m.text == "Iraq" for m in found) == 300 and sum(m.text == "العراق" for m in found) == 300
    text = "Opposition leader Kofi Dembele said on Monday in Baghdad. " + "Dembele said in Iraq. " * 300
    found = annotator.annotate_text(text)
    people = {m.entity_id for m in found if m.how == "discovered"}
    assert sum(m.text == "Dembele" for m in found) == 300 and len(people) == 1
    assert sum(m.text == "Iraq" for m in found) == 300


def test_a_record_with_lone_surrogates_annotates_with_discovery_at_the_command_line(tmp_path: Path) -> None:
    """Found: ``mediamon annotate --discover`` of a record holding ``"\\ud800"`` ended in a traceback."""
    source = tmp_path / "records.jsonl"
    source.write_text(
        json.dumps(
            {"id": "a", "title": "President Joe\ud800 Biden", "body": "Kofi Dembele\udfff said in Baghdad."}
        )
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    assert main(["annotate", str(source), "--discover", "-o", str(out)]) == 0
    (article,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    for mention in article["mentions"]:
        assert article[mention["field"]][mention["start"] : mention["end"]] == mention["text"]
    assert any(mention["text"] == "Baghdad" for mention in article["mentions"])


@pytest.fixture(scope="module")
def finders() -> dict[str, tuple[Any, Any]]:
    """Per language, a finder on the native engine and one whose model and tokens are pure Python."""
    out = {}
    for code in ("ar", "en"):
        native = type(languages.finder(code))()
        old = engine.use_native(False)
        try:
            pure = type(languages.finder(code))()
            pure.model  # noqa: B018 - read on the pure-Python engine
        finally:
            engine.use_native(old)
        out[code] = (native, pure)
    return out


@pytest.mark.skipif(not engine.native_built(), reason="native core not built")
@settings(max_examples=200, deadline=None)
@given(text=hostile_text(60) | st.lists(st.sampled_from(HOSTILE_PIECES), max_size=150).map("".join))
@example(text=" " + "\u064e" * 40 + " محمد بن سلمان")
def test_both_engines_find_the_same_names_in_hostile_text(
    finders: dict[str, tuple[Any, Any]], text: str
) -> None:
    for native, pure in finders.values():
        found = native.find(text, [])
        old = engine.use_native(False)
        try:
            assert pure.find(text, []) == found
        finally:
            engine.use_native(old)
        assert all(0 <= start < end <= len(text) for start, end, _ in found)
