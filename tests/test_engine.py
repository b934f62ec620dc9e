"""The native core against the pure-Python engine: same normalised text, same offsets, same mentions."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mediamon
from mediamon import engine
from mediamon import lang as languages
from mediamon.errors import UsageError
from tests.conftest import DATA, DUMPS

RULES = DATA / "gazetteers" / "rules.jsonl"
CASES = json.loads((DATA / "matching_cases.json").read_text(encoding="utf-8"))["cases"]

native_only = pytest.mark.skipif(engine.core() is None, reason="native core not built")


@pytest.fixture
def pure_python() -> Iterator[None]:
    old = engine.use_native(False)
    try:
        yield
    finally:
        engine.use_native(old)


def _both(build: object) -> tuple[object, object]:
    """``build()`` with the pure-Python engine, then with the native one."""
    assert callable(build)
    old = engine.use_native(False)
    try:
        python = build()
    finally:
        engine.use_native(old)
    return python, build()


@pytest.mark.skipif(bool(os.environ.get("MEDIAMON_PURE_PYTHON")), reason="pure-Python run asked for")
def test_native_core_is_built() -> None:
    """An install from source compiles the core; a silent fall-back would hide a broken build."""
    assert engine.core() is not None, (
        "the native core is not built: pip install needs Cython and a C compiler"
    )
    assert engine.name() == "native"


def test_use_native_switches_and_returns_old_setting(pure_python: None) -> None:
    assert engine.name() == "python"
    assert engine.core() is None
    assert engine.use_native(True) is False
    assert engine.use_native(False) is True


@pytest.mark.parametrize("case", [c for c in CASES if "xfail" not in c], ids=lambda c: c["rule"])
def test_matching_rules_hold_in_pure_python(pure_python: None, case: dict) -> None:
    annotator = mediamon.Annotator(RULES, default=False)
    mentions = annotator.annotate_text(case["text"])
    assert [[m.text, m.entity_id, m.how] for m in mentions] == case["expect"]


_PIECES = [
    *"ab XY.’'-\u200f\u064e\u0640 \t\n",
    "  ",
    " - ",
    "Iraq’s",
    "U.S.",
    "العراق",
    "بالعراق",
    "للعراق",
    "ﻻَ",
    "Æ",
    "ﬁ",
    "\u0301",
    "\u00a0",
    "Kadhimi",
    "Qassim Soleimani",
    "\U0001d400",
]


@native_only
@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_normalised_text_and_spans_agree(text: str) -> None:
    for code in languages.CODES:
        normalizer = languages.get(code).normalizer
        python, native = _both(lambda n=normalizer: n._normalize_with_map(text))
        assert native.text == python.text == normalizer.normalize(text)
        norm = python.text
        for start in range(len(norm)):
            if not norm[start].isalnum():
                continue
            for end in range(start + 1, len(norm) + 1):
                if norm[end - 1].isalnum():
                    assert native.span(start, end) == python.span(start, end), (code, start, end)


@native_only
@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_normalised_text_agrees_on_any_text(text: str) -> None:
    for code in languages.CODES:
        normalizer = languages.get(code).normalizer
        python, native = _both(lambda n=normalizer: n._normalize_with_map(text))
        assert native.text == python.text


@native_only
@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_mentions_agree(text: str) -> None:
    python, native = _both(lambda: mediamon.Annotator(RULES, default=False).annotate_text(text))
    assert native == python


@native_only
@pytest.mark.parametrize("path", sorted(DUMPS.glob("*.txt")), ids=lambda p: p.name)
def test_mentions_agree_on_labelled_dumps_with_bundled_gazetteers(path: Path) -> None:
    articles = list(mediamon.read_dump(path))
    python, native = _both(lambda: [a.mentions for a in map(mediamon.Annotator().annotate, articles)])
    assert native == python
    assert sum(map(len, native)) > 0  # type: ignore[arg-type]


@native_only
def test_annotator_built_on_one_engine_refuses_the_other() -> None:
    annotator = mediamon.Annotator(RULES, default=False)
    _ = annotator.compiled
    old = engine.use_native(False)
    try:
        with pytest.raises(UsageError, match="new Annotator"):
            annotator.annotate_text("Iraq")
    finally:
        engine.use_native(old)


# -- the trie ---------------------------------------------------------------------------
@pytest.fixture
def core() -> object:
    module = engine.core()
    if module is None:
        pytest.skip("native core not built")
    return module


def _configured(core: object, keys: dict[str, int], prefixes: object = None, **tables: object) -> object:
    """A trie of ``keys`` with every value of kind 0, allowed everywhere unless ``tables`` say otherwise."""
    trie = core.Trie()  # type: ignore[attr-defined]
    for key, value in keys.items():
        trie.add(key, value)
    size = max(keys.values(), default=0) + 1
    trie.configure(
        prefixes,
        tables.get("kinds", bytes(size)),
        tables.get("allowed", b"\x01"),
        tables.get("width", 1),
        list(range(size)),
        [((f"alias{i}", "en"),) for i in range(size)],
        tables.get("letters", [None] * size),
        bytes(size),
        "en",
        tuple,
        lambda surface, letters: surface == letters,
    )
    return trie


def _scan(core: object, keys: dict[str, int], text: str) -> list[tuple[int, int, int, int]]:
    table = core.CharTable({}, {}, set(), set(), set())  # type: ignore[attr-defined]
    return list(_configured(core, keys).scan(core.normalize(table, text, [])))  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("keys", "text", "expect"),
    [
        ({"iraq": 0}, "iraq", [(0, 4, 0, 0)]),
        ({"iraq": 0}, "in iraq.", [(3, 7, 0, 0)]),
        ({"iraq": 0}, "iraqi", []),
        ({"iraq": 0}, "xiraq", []),
        ({"us": 0, "us army": 1}, "us army", [(0, 2, 0, 0), (0, 7, 1, 0)]),
        ({"a": 0}, "a a", [(0, 1, 0, 0), (2, 3, 0, 0)]),
        ({"at&t": 0}, "(at&t)", [(1, 5, 0, 0)]),
        ({"١٢": 0}, "x ١٢ y", [(2, 4, 0, 0)]),
        ({"\U0001d400b": 0}, "\U0001d400b", [(0, 2, 0, 0)]),
        ({}, "anything", []),
    ],
)
def test_trie_scan_keeps_whole_words(core: object, keys: dict[str, int], text: str, expect: list) -> None:
    assert _scan(core, keys, text) == expect


def test_trie_add_get_len_and_growth(core: object) -> None:
    trie = core.Trie()  # type: ignore[attr-defined]
    words = [f"w{i}x{i * 7}" for i in range(5000)]
    for i, word in enumerate(words):
        trie.add(word, i)
    trie.add(words[0], 99)
    assert len(trie) == 5000
    assert trie.get(words[0]) == 99
    assert trie.get(words[4999]) == 4999
    assert trie.get("w1") is None
    assert trie.get("nope", -1) == -1
    with pytest.raises(ValueError):
        trie.add("x", -1)


def test_trie_scan_tokens_aligns_to_tokens(core: object) -> None:
    trie = core.Trie()  # type: ignore[attr-defined]
    trie.add("kazmi", 0)
    trie.add("mstfa kazmi", 1)
    stream = "mstfa kazmi | kazmiy kazmi"
    assert trie.scan_tokens(stream) == [(0, 1, 1), (1, 1, 0), (4, 4, 0)]


def test_trie_scan_respects_proclitic_table(core: object) -> None:
    """``allowed`` decides per kind which proclitics a hit may follow (id 0: none)."""
    prefixes = core.Trie()  # type: ignore[attr-defined]
    prefixes.add("ب", 1)
    prefixes.add("ل", 2)
    # kind 0 (the article form): no proclitic or ب; kind 1 (the assimilated form): ل only
    keys = {"العراق": 0, "لعراق": 1}
    trie = _configured(core, keys, prefixes, kinds=bytes([0, 1]), allowed=bytes([1, 1, 0, 0, 0, 1]), width=3)
    table = core.CharTable({}, {}, set(), set(), set())  # type: ignore[attr-defined]

    def hits(text: str) -> list[tuple[int, int, int, int]]:
        return list(trie.scan(core.normalize(table, text, [])))  # type: ignore[attr-defined]

    assert hits("العراق") == [(0, 6, 0, 0)]
    assert hits("بالعراق") == [(1, 7, 0, 1)]
    assert hits("للعراق") == [(1, 6, 1, 1)]
    assert hits("كالعراق") == []
    assert hits("لعراق") == []


def test_trie_candidates_report_exact_alias_and_check_capitals(core: object) -> None:
    trie = core.Trie()  # type: ignore[attr-defined]
    trie.add("us", 0)
    trie.add("iraq", 1)
    trie.configure(
        None,
        bytes(2),
        b"\x01",
        1,
        [7, 8],
        [(("US", "en"),), (("Iraq", "en"), ("IRAQ", "en"))],
        ["US", None],
        bytes([0, 1]),
        "en",
        tuple,
        lambda surface, letters: surface.replace(".", "") == letters,
    )
    table = core.CharTable({ord(c): c.lower() for c in "AIQRSU"}, {}, set(), set(), set())  # type: ignore[attr-defined]
    found = trie.candidates(core.normalize(table, "US us IRAQ iraq", []))  # type: ignore[attr-defined]
    assert found == [
        (0, 2, "exact", 7, "US", "en", "en", False),
        (6, 10, "exact", 8, "IRAQ", "en", "en", True),
        (11, 15, "normalised", 8, "Iraq", "en", "en", True),
    ]


def test_trie_refuses_scan_before_configure_and_short_tables(core: object) -> None:
    trie = core.Trie()  # type: ignore[attr-defined]
    trie.add("a", 3)
    table = core.CharTable({}, {}, set(), set(), set())  # type: ignore[attr-defined]
    with pytest.raises(ValueError, match="configure"):
        trie.scan(core.normalize(table, "a", []))  # type: ignore[attr-defined]
    with pytest.raises(ValueError):
        trie.configure(None, bytes(1), b"\x01", 1, [0], [(("a", "en"),)], [None], bytes(1), "en", tuple, len)


_WORD_PIECES = [*"aAbZ×ā_1’'` .-", "iPhone", "O’Neil", "xO’Neil", "É", "\u0301", "ß", "McDonald", "Iraq’s"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_WORD_PIECES), max_size=20).map("".join) | st.text(max_size=40))
def test_native_capitalised_words_match_the_regex(text: str) -> None:
    from mediamon.lang import en

    sets = en.LANGUAGE._cap_sets
    if sets is None:
        pytest.skip("native core not built")
    assert sets[0].words(text, sets[1], sets[2]) == en._cap_words(text)


def test_charset_membership(core: object) -> None:
    chars = core.CharSet("aé\U0001d400")  # type: ignore[attr-defined]
    assert "a" in chars
    assert "é" in chars
    assert "\U0001d400" in chars
    assert "b" not in chars
    assert "ab" not in chars


@native_only
@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([*_PIECES, "U.S.", "U.N.", "A.", "X.Y", "’s", "'S", "’t"])).map("".join))
def test_context_rule_triggers_never_skip_a_match(text: str) -> None:
    """A rule's trigger pair is present wherever its pattern matches (else the native path would miss it)."""
    import re

    for code in languages.CODES:
        normalizer = languages.get(code).normalizer
        for rule in normalizer._context:
            if rule.trigger is None or not re.search(rule.pattern, text):
                continue
            first, second = (engine.core().CharSet(chars) for chars in rule.trigger)  # type: ignore[union-attr]
            assert first.pair_in(text, second), (rule.name, text)


@native_only
@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30) | st.lists(st.sampled_from(_PIECES), max_size=10).map("".join))
def test_script_ownership_agrees(text: str) -> None:
    from mediamon.lang import ar

    python, native = _both(lambda: ar.LANGUAGE.owns(text))
    assert native == python


def test_native_mentions_equal_attrs_mentions(core: object) -> None:
    """Mentions made without ``__init__`` need Mention to stay a plain frozen attrs class."""
    import attrs

    from mediamon.match.compile import Candidate
    from mediamon.model import MENTION_FIELDS, Mention

    fields = attrs.fields(Mention)
    assert len(MENTION_FIELDS) == 10
    assert all(f.validator is None and f.converter is None for f in fields)
    labels = [("Q1", "LOC", "Iraq"), ("Q2", "PER", "Mustafa al-Kadhimi")]
    cands = [
        Candidate(0, 4, "exact", 0, "Iraq", "en", "en"),
        Candidate(9, 16, "variant", 1, "Kadhimi", "en", "en"),
    ]
    text = "Iraq and Kadhemi"
    made = core.mentions(Mention, MENTION_FIELDS, cands, labels, text, "body", 10)  # type: ignore[attr-defined]
    assert made == [
        Mention("body", 10, 14, "Iraq", "Q1", "LOC", "Iraq", "en", "Iraq", "exact"),
        Mention("body", 19, 26, "Kadhemi", "Q2", "PER", "Mustafa al-Kadhimi", "en", "Kadhimi", "variant"),
    ]
    assert hash(made[0]) == hash(Mention("body", 10, 14, "Iraq", "Q1", "LOC", "Iraq", "en", "Iraq", "exact"))


_NAME_PIECES = [*" .-,\n", " al-", " Al ", "Mustafa", "Kadhimi", "Kadhemi’s", "Qassim", "Soleimani"]
_NAME_PIECES += ["Hezbollah", "Hizbullah", "the", "Iraq", "iPhone", "O’Neil", "MUSTAFA"]


@native_only
@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_NAME_PIECES), max_size=16).map("".join))
def test_one_pass_name_hits_equal_runs_then_token_scan(text: str) -> None:
    """``name_hits`` is ``variant_stream`` + ``scan_tokens`` in one pass: same hits, same spans."""
    from mediamon.lang import en

    annotator = mediamon.Annotator(RULES, default=False)
    table = annotator.compiled.sides["en"].variants
    keys, spans = en.LANGUAGE.variant_stream(text)
    expected = [(spans[a][0], spans[b][1], v) for a, b, v in table.scan_tokens(" ".join(keys))]
    assert en.LANGUAGE.variant_hits(text, table) == expected


@native_only
def test_languages_without_a_native_name_pass_use_the_stream(monkeypatch: pytest.MonkeyPatch) -> None:
    from mediamon.lang import en

    text = "Prime Minister Mustafa al-Kadhemi met Qasem Soleimani’s aides."
    native = mediamon.Annotator(RULES, default=False).annotate_text(text)
    monkeypatch.setattr(en.English, "variant_hits", lambda self, text, table: None)
    assert mediamon.Annotator(RULES, default=False).annotate_text(text) == native
    assert any(m.how == "variant" for m in native)
