"""The engine interface: both implementations give the same normalised text, offsets, hits and mentions."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mediamon
from mediamon import engine
from mediamon import lang as languages
from mediamon.engine import _python
from tests.conftest import DATA, DUMPS
from tests.strategies import MATCHING_PIECES, matching_text

RULES = DATA / "gazetteers" / "rules.jsonl"
CASES = json.loads((DATA / "matching_cases.json").read_text(encoding="utf-8"))["cases"]

native_only = pytest.mark.skipif(not engine.native_built(), reason="native core not built")


def _native() -> ModuleType:
    from mediamon.engine import _native

    return _native


@pytest.fixture
def pure_python() -> Iterator[None]:
    old = engine.use_native(False)
    try:
        yield
    finally:
        engine.use_native(old)


@pytest.fixture(params=["python", "native"])
def impl(request: pytest.FixtureRequest) -> ModuleType:
    """Each engine implementation in turn (the native one when built)."""
    if request.param == "python":
        return _python
    if not engine.native_built():
        pytest.skip("native core not built")
    return _native()


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
    assert engine.native_built(), "the native core is not built: pip install needs Cython and a C compiler"
    assert engine.name() == "native"


def test_use_native_switches_and_returns_old_setting(pure_python: None) -> None:
    assert engine.name() == "python"
    assert engine.current() is _python
    assert engine.use_native(True) is False
    assert engine.use_native(False) is True


def test_both_implementations_have_the_same_interface() -> None:
    names = {"NAME", "CharSet", "CharTable", "Mapped", "Trie", "name_hits", "normalize", "resolve", "words"}
    assert names <= set(dir(_python))
    if engine.native_built():
        assert names <= set(dir(_native()))


@pytest.mark.parametrize("case", [c for c in CASES if "xfail" not in c], ids=lambda c: c["rule"])
def test_matching_rules_hold_in_pure_python(pure_python: None, case: dict) -> None:
    annotator = mediamon.Annotator(RULES, default=False)
    mentions = annotator.annotate_text(case["text"])
    assert [[m.text, m.entity_id, m.how] for m in mentions] == case["expect"]


@native_only
@settings(max_examples=400, deadline=None)
@given(matching_text(30))
def test_normalised_text_and_spans_agree(text: str) -> None:
    for code in languages.CODES:
        normalizer = languages.get(code).normalizer
        python, native = _both(lambda n=normalizer: n.normalize_with_map(text))
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
        python, native = _both(lambda n=normalizer: n.normalize_with_map(text))
        assert native.text == python.text


@native_only
@settings(max_examples=200, deadline=None)
@given(matching_text())
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
@pytest.mark.skipif(bool(os.environ.get("MEDIAMON_PURE_PYTHON")), reason="pure-Python run asked for")
def test_annotator_keeps_the_engine_it_was_built_with() -> None:
    annotator = mediamon.Annotator(RULES, default=False)
    before = annotator.annotate_text("Iraq and بالعراق")
    old = engine.use_native(False)
    try:
        assert annotator.compiled.engine.NAME == "native"
        assert annotator.annotate_text("Iraq and بالعراق") == before
    finally:
        engine.use_native(old)


# -- the trie ---------------------------------------------------------------------------
@pytest.fixture
def core(impl: ModuleType) -> ModuleType:
    return impl


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


def test_side_candidates_report_exact_alias_and_check_capitals(impl: ModuleType) -> None:
    old = engine.use_native(impl.NAME == "native")
    try:
        gazetteer = mediamon.Gazetteer(name="t")
        gazetteer.add(mediamon.Entity("Q7", "LOC", "United States", {"en": ("US",)}))
        gazetteer.add(mediamon.Entity("Q8", "LOC", "Iraq", {"en": ("Iraq", "IRAQ")}))
        found = mediamon.Annotator(gazetteer, default=False).annotate_text("US us IRAQ iraq")
    finally:
        engine.use_native(old)
    assert [(m.start, m.end, m.how, m.entity_id, m.alias) for m in found] == [
        (0, 2, "exact", "Q7", "US"),
        (6, 10, "exact", "Q8", "IRAQ"),
        (11, 15, "normalised", "Q8", "Iraq"),
    ]


def test_trie_refuses_scan_before_configure_and_short_tables(core: object) -> None:
    trie = core.Trie()  # type: ignore[attr-defined]
    trie.add("a", 3)
    table = core.CharTable({}, {}, set(), set(), set())  # type: ignore[attr-defined]
    with pytest.raises(ValueError, match="configure"):
        trie.scan(core.normalize(table, "a", []))  # type: ignore[attr-defined]
    with pytest.raises(ValueError):
        trie.configure(None, bytes(1), b"", 1)


_WORD_PIECES = [*"aAbZ×ā_1’'` .-", "iPhone", "O’Neil", "xO’Neil", "É", "\u0301", "ß", "McDonald", "Iraq’s"]


@native_only
@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_WORD_PIECES), max_size=20).map("".join) | st.text(max_size=40))
def test_capitalised_words_agree(text: str) -> None:
    from mediamon.lang import en

    native = _native()
    found = [
        impl.words(text, impl.CharSet(en._CAP_CHARS), impl.CharSet(en._CAP_JOINERS))
        for impl in (_python, native)
    ]
    assert found[0] == found[1]


def test_charset_membership(core: object) -> None:
    chars = core.CharSet("aé\U0001d400")  # type: ignore[attr-defined]
    assert "a" in chars
    assert "é" in chars
    assert "\U0001d400" in chars
    assert "b" not in chars
    assert "ab" not in chars


@native_only
@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([*MATCHING_PIECES, "U.N.", "A.", "X.Y", "’s", "'S", "’t"])).map("".join))
def test_context_rule_triggers_never_skip_a_match(text: str) -> None:
    """A rule's trigger pair, and one of its ``needs`` characters, are present wherever its
    pattern matches (else the rule would be skipped where it applies)."""
    import re

    for code in languages.CODES:
        normalizer = languages.get(code).normalizer
        for rule in normalizer._context:
            if not re.search(rule.pattern, text):
                continue
            if rule.needs is not None:
                assert any(char in text for char in rule.needs), (rule.name, text)
            if rule.trigger is None:
                continue
            first, second = (engine.char_set(chars) for chars in rule.trigger)
            assert first.pair_in(text, second), (rule.name, text)
        for rule in normalizer._rules:  # the whitespace rule too
            if rule.within is not None:  # every match is made of these characters only
                for match in re.finditer(rule.pattern, text):
                    assert set(match.group()) <= set(rule.within), (rule.name, text, match)


@native_only
@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30) | matching_text(10))
def test_script_ownership_agrees(text: str) -> None:
    from mediamon.lang import ar

    python, native = _both(lambda: ar.LANGUAGE.owns(text))
    assert native == python


_NAME_PIECES = [*" .-,\n", " al-", " Al ", "Mustafa", "Kadhimi", "Kadhemi’s", "Qassim", "Soleimani"]
_NAME_PIECES += ["Hezbollah", "Hizbullah", "the", "Iraq", "iPhone", "O’Neil", "MUSTAFA"]


@native_only
@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_NAME_PIECES), max_size=16).map("".join))
def test_name_hits_agree(text: str) -> None:
    """The one-pass native ``name_hits`` and the pure runs-then-token-scan give the same hits and spans."""
    from mediamon.lang import en

    hits = []
    for impl in (_python, _native()):
        old = engine.use_native(impl.NAME == "native")
        try:
            table = mediamon.Annotator(RULES, default=False).compiled.sides["en"].variants
            hits.append(en.LANGUAGE.hits(text, table, impl))
        finally:
            engine.use_native(old)
    assert hits[0] == hits[1]


@native_only
@settings(max_examples=200, deadline=None)
@given(matching_text(20))
def test_side_candidates_agree(text: str) -> None:
    """``label_hits`` (a side's trie hits as labelled candidates, one call) is the same in both engines."""

    def build() -> list[object]:
        compiled = mediamon.Annotator(RULES, default=False).compiled
        return [compiled.sides[code].candidates(text) for code in languages.CODES]

    python, native = _both(build)
    assert native == python


@settings(max_examples=300, deadline=None)
@given(matching_text(20) | st.text(max_size=40))
def test_a_side_skipped_for_its_missing_characters_had_nothing_to_find(text: str) -> None:
    """``Side.may_match`` only says no where the side's candidates and variants are empty."""
    compiled = mediamon.Annotator(RULES, default=False).compiled
    for side in compiled.sides.values():
        if not side.may_match(text):
            assert side.candidates(text) == []
            assert side.variant_candidates(text) == []
