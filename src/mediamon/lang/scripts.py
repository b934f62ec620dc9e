"""Writing systems: every script's Unicode ranges, stated once (``data/scripts.json``).

Modules that need to know which characters are Arabic, Latin, Hebrew ... ask here (the
ranges, a regex character class of a script's letters, one character's script) instead of
keeping their own copy of a block's bounds; :func:`letter_counts` counts a text's letters by
script in one pass of the engine (``script_tally``), for language identification.

A code point counts as a letter of a script when it lies in one of the script's blocks and
is a letter (``str.isalpha``) or a vowel sign (Mn, Mc) of a script whose vowel signs count.
Letters outside every listed block are :data:`OTHER`; digits, punctuation and optional marks
(Arabic harakat, Hebrew points) are no script's letters.
"""

from __future__ import annotations

import functools
import itertools
import unicodedata
from collections.abc import Mapping
from typing import NoReturn

import attrs

from mediamon import engine
from mediamon.errors import DataFileError, Msg
from mediamon.resources import CodeRanges, code_ranges, data_path, load_json, range_class, string_list

__all__ = [
    "OTHER",
    "Script",
    "get",
    "groups",
    "letter_class",
    "letter_counts",
    "letter_ranges",
    "names",
    "script_of",
]

#: The name under which letters of no listed script are counted.
OTHER = "other"
_SOURCE = "scripts.json"
_BMP = 0x10000
_SIGN_CATEGORIES = frozenset({"Mn", "Mc"})


@attrs.frozen
class Script:
    """One writing system: its blocks as sorted inclusive code-point ranges."""

    name: str
    blocks: CodeRanges
    vowel_signs: bool = False  # its vowel signs (Mn, Mc) count as letters


@attrs.frozen
class _Table:
    scripts: Mapping[str, Script]
    groups: Mapping[str, tuple[str, ...]]
    # BMP code point -> index into ``names`` (0: not a letter); astral blocks (first, last, index).
    bmp_bytes: bytes
    astral: tuple[tuple[int, int, int], ...]
    names: tuple[str, ...]


def names() -> tuple[str, ...]:
    """The listed scripts, in the table's (tie-breaking) order."""
    return tuple(_table().scripts)


def get(name: str) -> Script:
    """The script called ``name``; KeyError if it is not listed."""
    return _table().scripts[name]


def groups() -> Mapping[str, tuple[str, ...]]:
    """Scripts counted together when choosing a text's majority script (``cjk``: Hangul, kana, Han)."""
    return _table().groups


@functools.cache
def letter_ranges(name: str) -> CodeRanges:
    """The code points of script ``name`` that count as its letters, as sorted inclusive ranges."""
    script = get(name)
    ranges: list[tuple[int, int]] = []
    for first, last in script.blocks:
        for code in range(first, last + 1):
            if _counts_as_letter(chr(code), script.vowel_signs):
                if ranges and ranges[-1][1] == code - 1:
                    ranges[-1] = (ranges[-1][0], code)
                else:
                    ranges.append((code, code))
    return tuple(ranges)


@functools.cache
def letter_class(name: str) -> str:
    """The inside of a regex character class matching the letters of script ``name``."""
    return range_class(letter_ranges(name))


def script_of(char: str) -> str | None:
    """The script of a letter (:data:`OTHER` for a letter of no listed script); None for a
    character that is not a letter (digits, punctuation, spaces, optional marks)."""
    table = _table()
    code = ord(char)
    index = table.bmp_bytes[code] if code < _BMP else _astral_index(table, code)
    return table.names[index] if index else None


def letter_counts(text: str) -> dict[str, int]:
    """How many letters of each script ``text`` holds (only scripts it holds; :data:`OTHER`
    for letters of no listed script): one pass of the engine's ``script_tally`` over a byte
    table of the Basic Multilingual Plane; code points above it one by one."""
    table = _table()
    counts, astral = engine.current().script_tally(text, table.bmp_bytes, len(table.names))
    names = table.names
    out = {names[i]: n for i, n in enumerate(counts) if n and i}
    for code in astral:
        index = _astral_index(table, code)
        if index:
            out[names[index]] = out.get(names[index], 0) + 1
    return out


def _astral_index(table: _Table, code: int) -> int:
    char = chr(code)
    for first, last, index in table.astral:
        if first <= code <= last:
            return index if _counts_as_letter(char, table.scripts[table.names[index]].vowel_signs) else 0
    return table.names.index(OTHER) if char.isalpha() else 0


# --- loading ---------------------------------------------------------------------------------


def _bad(detail: str) -> NoReturn:
    raise DataFileError(Msg.DATA_FILE.format(detail=detail), path=data_path(_SOURCE))


def _counts_as_letter(char: str, vowel_signs: bool) -> bool:
    return char.isalpha() or (vowel_signs and unicodedata.category(char) in _SIGN_CATEGORIES)


@functools.cache
def _table() -> _Table:
    """Load and check ``data/scripts.json``; build the look-up table (on first use, ~10 ms)."""
    source = data_path(_SOURCE)
    raw = load_json(_SOURCE)
    listed = raw.get("scripts")
    if not isinstance(listed, dict) or not listed:
        _bad("'scripts' must map script names to lists of code-point ranges")
    with_signs = set(string_list(raw, "vowel_signs_counted", source=source))
    if not with_signs <= set(listed):
        _bad(f"'vowel_signs_counted': unknown scripts {sorted(with_signs - set(listed))}")
    scripts: dict[str, Script] = {}
    for name in listed:
        if not isinstance(name, str) or not name.isidentifier() or name == OTHER:
            _bad(f"'scripts': bad script name {name!r}")
        blocks = tuple(sorted(code_ranges(listed, name, source=source)))
        scripts[name] = Script(name=name, blocks=blocks, vowel_signs=name in with_signs)
    spans = sorted((first, last, name) for name, script in scripts.items() for first, last in script.blocks)
    for (_, last, name), (first, _, other) in itertools.pairwise(spans):
        if first <= last:
            _bad(f"'scripts': U+{first:04X} is listed for both {name!r} and {other!r}")
    raw_groups = raw.get("groups", {})
    if not isinstance(raw_groups, dict):
        _bad("'groups' must be an object")
    grouped: dict[str, tuple[str, ...]] = {}
    seen: set[str] = set()
    for group in raw_groups:
        members = string_list(raw_groups, group, source=source, required=True)
        if group in scripts or group == OTHER or not set(members) <= set(scripts) or seen & set(members):
            _bad(f"'groups': {group!r} must be a new name grouping listed scripts, each in one group")
        seen.update(members)
        grouped[group] = members
    table_names = ("", *scripts, OTHER)
    if len(table_names) > 255:
        _bad("'scripts': more than 254 scripts")
    # One byte per BMP code point: 1 where str.isalpha, then each script's blocks re-marked.
    alpha = bytes(map(str.isalpha, "".join(map(chr, range(_BMP)))))
    bmp = bytearray(alpha.translate(bytes([0, len(table_names) - 1]) + bytes(254)))
    astral: list[tuple[int, int, int]] = []
    for index, script in enumerate(scripts.values(), start=1):
        marks = bytes([0, index]) + bytes(254)
        for first, last in script.blocks:
            if last >= _BMP:
                astral.append((max(first, _BMP), last, index))
            if first >= _BMP:
                continue
            top = min(last, _BMP - 1) + 1
            letters = bytearray(alpha[first:top])
            if script.vowel_signs:
                for code in range(first, top):
                    if unicodedata.category(chr(code)) in _SIGN_CATEGORIES:
                        letters[code - first] = 1
            bmp[first:top] = letters.translate(marks)
    return _Table(
        scripts=scripts,
        groups=grouped,
        bmp_bytes=bytes(bmp),
        astral=tuple(astral),
        names=table_names,
    )
