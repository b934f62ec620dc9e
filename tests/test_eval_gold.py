"""The gold-set scorer of ``benchmarks/eval_gold.py`` on small hand-made cases (no ../shared)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import load_benchmark

eg = load_benchmark("eval_gold")
Span = eg.Span


def test_strict_needs_same_type_start_and_end() -> None:
    units = [("Iraq and Baghdad and Paris Hilton", "en")]
    gold = [Span(0, 0, 4, "LOC"), Span(0, 9, 16, "LOC"), Span(0, 21, 33, "PER")]
    pred = [Span(0, 0, 4, "LOC"), Span(0, 9, 16, "ORG"), Span(0, 21, 26, "LOC")]
    scores = eg.score(units, gold, pred)
    assert scores.rows["LOC"]["tp"] == 1
    assert scores.rows["LOC"]["pred"] == 2
    assert scores.rows["micro"]["R"] == pytest.approx(1 / 3)
    assert scores.convention_loc == 0
    assert scores.false_hits[("ORG", "Baghdad")] == 1
    assert scores.misses[("PER", "Paris Hilton")] == 1


def test_arabic_proclitic_start_and_unscored_gold() -> None:
    text = "والعراق ومصر"
    units = [(text, "ar")]
    gold = [Span(0, 0, 7, "LOC"), Span(0, 8, 12, "GROUP")]
    pred = [Span(0, 1, 7, "LOC"), Span(0, 9, 12, "LOC")]
    scores = eg.score(units, gold, pred)
    assert scores.rows["LOC"]["tp"] == 1
    assert scores.rows["LOC"]["pred"] == 1  # the hit on unscored gold is left out
    assert scores.rows["LOC"]["P"] == 1.0


def test_role_convention_is_counted() -> None:
    units = [("Sweden beat England", "en")]
    gold = [Span(0, 0, 6, "ORG"), Span(0, 12, 19, "ORG")]
    pred = [Span(0, 0, 6, "LOC"), Span(0, 12, 19, "LOC")]
    scores = eg.score(units, gold, pred)
    assert scores.convention_loc == 2
    assert scores.confused[("ORG", "LOC")] == 2


def test_span_convention_and_unlabelled_hits_are_counted() -> None:
    units = [("South Africa and Egypt and Chad", "en")]
    gold = [Span(0, 6, 12, "LOC"), Span(0, 28, 32, "ORG")]
    pred = [Span(0, 0, 12, "LOC"), Span(0, 17, 22, "LOC"), Span(0, 28, 32, "LOC")]
    scores = eg.score(units, gold, pred)
    assert (scores.bounds_loc, scores.unlabelled_loc, scores.convention_loc) == (1, 1, 1)


def test_load_gold_checks_offsets(tmp_path: Path) -> None:
    good = {
        "id": "a",
        "lang": "en",
        "text": "In Rome.",
        "entities": [{"start": 3, "end": 7, "type": "LOC", "text": "Rome"}],
    }
    bad = {**good, "entities": [{"start": 2, "end": 7, "type": "LOC", "text": "Rome"}]}
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps(good) + "\n\n" + json.dumps(bad) + "\n", encoding="utf-8")
    with pytest.raises(SystemExit, match=r"g\.jsonl:3: bad line"):
        eg.load_gold(path)
    path.write_text(json.dumps(good) + "\n", encoding="utf-8")
    units, gold = eg.load_gold(path)
    assert units == [("In Rome.", "en")]
    assert gold == [Span(0, 3, 7, "LOC")]
