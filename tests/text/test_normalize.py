"""Both normalisers: labelled cases, explanations, offset maps, idempotence."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mediamon
from mediamon.lang import get
from mediamon.text.normalize import NormalizedText
from mediamon.typing import Normalizer
from tests.conftest import DATA
from tests.strategies import normalising_text

CASES = json.loads((DATA / "normalize" / "cases.json").read_text(encoding="utf-8"))["cases"]
NORMALIZERS = {"ar": mediamon.ArabicNormalizer(), "en": mediamon.EnglishNormalizer()}


@pytest.mark.parametrize("case", CASES, ids=[f"{c['lang']}-{c['text'][:12]}" for c in CASES])
def test_case(case: dict) -> None:
    normalizer = NORMALIZERS[case["lang"]]
    assert normalizer.normalize(case["text"]) == case["want"]
    assert normalizer.normalize_with_map(case["text"]).text == case["want"]
    if "steps" in case:
        assert sorted({s.name for s in normalizer.explain(case["text"])}) == sorted(case["steps"])


def test_both_satisfy_the_protocol() -> None:
    for code, normalizer in NORMALIZERS.items():
        assert isinstance(normalizer, Normalizer)
        assert normalizer.lang == code
        assert isinstance(get(code).normalizer, type(normalizer))


def test_explain_says_where_and_what() -> None:
    steps = NORMALIZERS["en"].explain("The U.S. and Kata’ib")
    assert [(s.name, s.start, s.before, s.after) for s in steps if s.name != "lowercase"] == [
        ("dotted-capitals", 4, "U.S.", "us"),
        ("apostrophe", 17, "’", ""),
    ]


def test_span_maps_back_through_deletions_and_expansions() -> None:
    n = NORMALIZERS["ar"].normalize_with_map("في الْعِرَاقِ اليوم")
    i = n.text.index("العراق")
    start, end = n.span(i, i + len("العراق"))
    assert n.original[start:end] == "الْعِرَاقِ"
    n = NORMALIZERS["en"].normalize_with_map("Die Straße in Iraq’s north")
    i = n.text.index("iraq")
    assert n.original[slice(*n.span(i, i + 4))] == "Iraq"
    i = n.text.index("strasse")
    assert n.original[slice(*n.span(i, i + 7))] == "Straße"
    assert n.original[slice(*n.span(i + 4, i + 5))] == "ß"


_TEXT = normalising_text()


@settings(max_examples=400, deadline=None)
@given(_TEXT, st.sampled_from(["ar", "en"]))
def test_idempotent_and_mapped(text: str, code: str) -> None:
    normalizer = NORMALIZERS[code]
    normalized: NormalizedText = normalizer.normalize_with_map(text)
    assert normalized.text == normalizer.normalize(text)
    assert normalizer.normalize(normalized.text) == normalized.text
    previous = 0
    for pos in range(len(normalized.text)):
        start, end = normalized.span(pos, pos + 1)
        assert 0 <= start < end <= len(text)
        assert start >= previous or normalized.to_original_start(pos) == previous
        previous = start
    if normalized.text:
        start, end = normalized.span(0, len(normalized.text))
        whole = normalizer.normalize(text[start:end]).strip() == normalized.text.strip()
        assert whole or start > 0 or end < len(text)


@settings(max_examples=400, deadline=None)
@given(_TEXT | _TEXT.map(lambda t: t.replace(" ", "\u0640.")), st.sampled_from(["ar", "en"]))
def test_shortcuts_change_nothing(text: str, code: str) -> None:
    """The edits' pretest (a text it does not find is left alone by the edits) and the ASCII
    translation as bytes give what the edits' regex and the character table give."""
    normalizer = NORMALIZERS[code]
    edited = normalizer._edit_re.sub(normalizer._replacement, text)
    if normalizer._edit_test is not None and normalizer._edit_test.search(text) is None:
        assert edited == text
    ascii_text = text.encode("ascii", "ignore").decode("ascii")
    assert normalizer._one_to_one(ascii_text) == ascii_text.translate(normalizer._one)


_BROKEN = _TEXT | _TEXT.map(lambda t: t.replace(" ", "\u0640."))


@settings(max_examples=400, deadline=None)
@given(_BROKEN, st.sampled_from(["ar", "en"]), st.integers(1, 3))
def test_keeps_is_a_lower_bound(text: str, code: str, n: int) -> None:
    """``keeps(text, n)`` only where the stripped normal form holds ``n`` characters or more."""
    normalizer = NORMALIZERS[code]
    if normalizer.keeps(text, n):
        assert len(normalizer.normalize(text).strip()) >= n


def test_keeps_answers_for_words_and_not_for_marks() -> None:
    assert NORMALIZERS["ar"].keeps(" في الخرطوم", 2)
    assert NORMALIZERS["en"].keeps("  and then", 2)
    assert not NORMALIZERS["ar"].keeps(" \u0640\u064e\u200f و ", 2)  # tatweel, a mark, a bidi mark
    assert not NORMALIZERS["en"].keeps(" ' . ", 1)


@settings(max_examples=200, deadline=None)
@given(_TEXT, st.sampled_from(["ar", "en"]))
def test_explain_never_raises_and_names_steps(text: str, code: str) -> None:
    for step in NORMALIZERS[code].explain(text):
        assert step.name and text[step.start : step.start + len(step.before)] == step.before


def test_english_normalizer_is_idempotent_for_every_code_point() -> None:
    """Exhaustive (issue 18): NFKC of U+0149, U+1E9A, U+207B, U+208B held characters an earlier step folds."""
    from mediamon import EnglishNormalizer

    normalizer = EnglishNormalizer()
    bad = []
    for code in range(0x110000):
        once = normalizer.normalize(chr(code))
        if normalizer.normalize(once) != once:
            bad.append(f"U+{code:04X}")
    assert bad == []


@pytest.mark.parametrize("code", ["ar", "en"])
def test_a_hashtag_sign_after_any_character_normalises_idempotently(code: str) -> None:
    """Exhaustive (issue 18): whether a sign opens a word was read on the character before as
    written, while normalising writes it otherwise (``_#a`` -> `` #a`` -> `` a``; ``⑴#a``, ``Ŀ#a``)."""
    normalizer = NORMALIZERS[code]
    letter = {"ar": "غزة", "en": "Gaza"}[code]
    bad = []
    # A character the table leaves alone is read the same before and after: only the others can differ.
    changed = [c for c in map(chr, range(0x110000)) if normalizer.normalize(c) != c]
    for char in changed:
        for sign in "#＃":
            once = normalizer.normalize(char + sign + letter)
            if normalizer.normalize(once) != once:
                bad.append(f"U+{ord(char):04X}{sign}")
    assert bad == []
