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


def test_span_convention_and_unlabelled_hits_are_classed() -> None:
    units = [("South Africa and Egypt and Chad", "en")]
    gold = [Span(0, 6, 12, "LOC"), Span(0, 28, 32, "ORG")]
    pred = [Span(0, 0, 12, "LOC"), Span(0, 17, 22, "LOC"), Span(0, 28, 32, "LOC")]
    scores = eg.score(units, gold, pred)
    assert scores.convention_loc == 1
    assert scores.by_class("LOC") == {"bounds": 1, "unlabelled": 1, "other type": 1}


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


def test_held_out_traps_are_g_and_those_named_held_out() -> None:
    # trap G and every ``*_held_out*`` file are held out; H (written as a development set) is not
    names = [name for name, _ in eg.ordinary_texts() if "_trap_" in name]
    held = sorted(name.split(" ")[0] for name in names if name.endswith("(held out)"))
    want = sorted(n.split(" ")[0] for n in names if "_trap_g" in n or "_held_out" in n)
    assert held == want
    assert "tests/data/eval/ordinary_ar_trap_g.txt" in held
    assert not any("_trap_h" in n for n in held)


def test_false_hits_are_classed_by_the_gold_around_them() -> None:
    text = "حركة حماس ورئيس الجيش اللبناني والجيش اللبناني في الكويت ومرحبا"
    units = [(text, "ar")]

    def at(word: str, start: int = 0) -> tuple[int, int]:
        s = text.index(word, start)
        return s, s + len(word)

    army = at("الجيش اللبناني")
    army2 = at("الجيش اللبناني", army[1])
    gold = [
        Span(0, *at("حماس"), "ORG"),  # the gold leaves the descriptor out
        Span(0, *army, "ORG"),  # typed here, not at its second mention
        Span(0, *at("الكويت"), "LOC"),
    ]
    pred = [
        Span(0, *at("حركة حماس"), "ORG"),
        Span(0, *army, "ORG"),
        Span(0, *army2, "ORG"),
        Span(0, *at("الكويت"), "ORG"),
        Span(0, *at("مرحبا"), "ORG"),
    ]
    scores = eg.score(units, gold, pred)
    assert scores.rows["ORG"]["tp"] == 1
    assert scores.by_class("ORG") == {"bounds": 1, "typed elsewhere": 1, "other type": 1, "unlabelled": 1}
    assert [c for _, c, *_ in scores.false_list] == [
        "bounds",
        "typed elsewhere",
        "other type",
        "unlabelled",
    ]
