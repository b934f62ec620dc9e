"""mediamon.lang.scripts: the one table of script ranges, letter counts by script."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediamon.errors import DataFileError
from mediamon.lang import scripts

KNOWN = [
    ("a", "latin"),
    ("é", "latin"),
    ("ب", "arabic"),
    ("\u0870", "arabic"),  # Arabic Extended-B: the block starts at U+0870, not U+08A0
    ("ڤ", "arabic"),
    ("ש", "hebrew"),
    ("ж", "cyrillic"),
    ("λ", "greek"),
    ("ह", "devanagari"),
    ("ि", "devanagari"),  # a vowel sign counts in Devanagari
    ("한", "hangul"),
    ("か", "kana"),
    ("東", "han"),
    ("\U00020000", "han"),
    ("ก", "thai"),
    ("ა", "georgian"),
    ("Ա", "armenian"),
    ("ሀ", "ethiopic"),
    ("অ", "bengali"),
    ("த", "tamil"),
    ("ᚠ", scripts.OTHER),  # runic: a letter of no listed script
    ("1", None),
    ("١", None),  # Arabic-Indic digit
    ("ً", None),  # fathatan: an optional mark
    ("ְ", None),  # Hebrew point
    ("،", None),
    ("😀", None),
    (" ", None),
]


@pytest.mark.parametrize(("char", "script"), KNOWN)
def test_script_of(char: str, script: str | None) -> None:
    assert scripts.script_of(char) == script


@pytest.mark.parametrize("name", ["arabic", "latin", "hebrew", "devanagari", "thai", "han"])
def test_letter_class_matches_exactly_the_letters(name: str) -> None:
    pattern = re.compile(f"[{scripts.letter_class(name)}]")
    for first, last in scripts.get(name).blocks:
        for code in range(first, min(last, first + 4000) + 1):
            char = chr(code)
            assert bool(pattern.fullmatch(char)) == (scripts.script_of(char) == name), hex(code)


def test_groups_and_names() -> None:
    assert scripts.groups() == {"cjk": ("hangul", "kana", "han")}
    assert scripts.names()[:2] == ("arabic", "latin")
    assert scripts.OTHER not in scripts.names()


def _reference(text: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for char in text:
        script = scripts.script_of(char)
        if script is not None:
            out[script] = out.get(script, 0) + 1
    return out


ALPHABET = "abcXYZé ءابتپ ًٌ ١٢ אבש ְ абв αβ हिंदी 東京かな한국 กข ქა Աբ ᚠ 😀𠀀 9_.,!’–"


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(ALPHABET), max_size=400))
def test_letter_counts_match_a_per_character_count(text: str) -> None:
    # Short texts take the one-by-one path, long non-ASCII ones the numpy path, ASCII the byte table.
    assert scripts.letter_counts(text) == _reference(text)


def test_letter_counts_of_long_texts_on_every_path() -> None:
    for text in ("Gaza " * 50, "غزة Gaza " * 100, "Gaza’s “war” — " * 30, "😀𠀀 غزة " * 40):
        assert scripts.letter_counts(text) == _reference(text)


def _with_scripts(monkeypatch: pytest.MonkeyPatch, change: Mapping[str, Any]) -> Iterator[None]:
    original = scripts.load_json("scripts.json")
    monkeypatch.setattr(scripts, "load_json", lambda name: {**original, **change})
    scripts._table.cache_clear()
    try:
        yield
    finally:
        monkeypatch.undo()
        scripts._table.cache_clear()


ONLY_LATIN = {"scripts": {"latin": ["U+0041-U+005A"]}, "vowel_signs_counted": [], "groups": {}}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {**ONLY_LATIN, "scripts": {"latin": ["U+0041-U+005A"], "greek": ["U+0050-U+0060"]}},
            "listed for both",
        ),
        ({**ONLY_LATIN, "scripts": {"latin": ["U+0041-U+005A", "nonsense"]}}, "neither one character nor"),
        ({"scripts": {}}, "'scripts' must map"),
        ({"vowel_signs_counted": ["klingon"]}, "unknown scripts"),
        ({"groups": {"cjk": ["han", "klingon"]}}, "'groups'"),
    ],
)
def test_a_bad_table_is_reported_with_the_file(
    monkeypatch: pytest.MonkeyPatch, change: Mapping[str, Any], message: str
) -> None:
    for _ in _with_scripts(monkeypatch, change):
        with pytest.raises(DataFileError, match=message) as caught:
            scripts.names()
        assert "scripts.json" in str(caught.value)
