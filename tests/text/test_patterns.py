"""PatternList: its tables answer what the loop over its patterns answers, on every bundled group."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mediamon.text.patterns import FOLDS_TO_ASCII, PatternList, _top_level_branch, guards
from mediamon.text.segment import SegmentRules

DUMPS = Path(__file__).resolve().parents[1] / "data" / "dumps"
RULES = SegmentRules.default()
GROUPS = {
    name: getattr(RULES, name)
    for name in (
        "boilerplate_patterns",
        "caption_patterns",
        "byline_patterns",
        "poster_patterns",
        "source_patterns",
        "dateline_patterns",
        "body_dateline_patterns",
        "comment_headers",
        "commenter_patterns",
        "comment_date_patterns",
        "title_patterns",
        "end_mark_patterns",
    )
}
# The groups read with ``first`` (their patterns have the named group).
FIRST = {"byline_patterns", "poster_patterns", "source_patterns", "dateline_patterns"}
FIRST |= {"body_dateline_patterns", "commenter_patterns", "title_patterns"}
ALL = tuple(p for group in GROUPS.values() for p in group)
# The groups a line is classified by (``SegmentRules.tables.cues``): all but the two read elsewhere.
CUES = tuple(
    p
    for name, group in GROUPS.items()
    if name not in ("comment_date_patterns", "body_dateline_patterns")
    for p in group
)
LINES = sorted(
    {line.strip() for path in DUMPS.rglob("*.txt") for line in path.read_text("utf-8").splitlines()} - {""}
)
# Pieces of cue lines in both scripts, in other cases, with the characters that fold onto ASCII.
PIECES = [
    *"  :-–—|·•()./…!,0123456789",
    *FOLDS_TO_ASCII,
    *("By", "BY", "by", "Photo", "PHOTO", "İmage", "Getty Images", "GETTY İMAGES", "ſource", "Source"),
    *("posted", "Posted on", "says", "SAYS", "said", "wrote", "comments", "Leave a Reply", "Tags"),
    *("All Rights Reserved", "bookmark the permalink", "you can leave a response", "AFP Photo", "file"),
    *("Baghdad", "Reuters", "Title", "headline", "http://x.y/z", "img_2021.jpg", "123456", "(archive)"),
    *("كتب", "بقلم", "المصدر", "يقول", "قال", "جميع الحقوق محفوظة", "صورة", "(أرشيف)", "تعليق"),
    *("بغداد", "عن"),
]
cue_text = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)


def _first_by_loop(patterns: tuple[re.Pattern[str], ...], text: str, group: str) -> object:
    for pattern in patterns:
        match = pattern.search(text)
        if match is None:
            continue
        name = (match.group(group) if group in pattern.groupindex else match.group(1)).strip(" \t:،,-–|")
        if name:
            return match.re, match.span(), name
    return None


def _first(found: PatternList, text: str, group: str) -> object:
    result = found.first(text, group)
    return None if result is None else (result[0].re, result[0].span(), result[1])


def _same(text: str) -> None:
    for name, patterns in GROUPS.items():
        table = PatternList(patterns)
        assert table.any(text) == any(p.search(text) for p in patterns), (name, text)
        if name not in FIRST:
            continue
        group = "title" if name == "title_patterns" else "name"
        assert _first(table, text, group) == _first_by_loop(patterns, text, group), (name, text)
    assert RULES.tables.cues.any(text) == any(p.search(text) for p in CUES), text


@pytest.mark.parametrize("text", [*LINES[::3], "", " ", "By", "x says:", "Baghdad - Reuters"])
def test_fixture_lines(text: str) -> None:
    _same(text)


@given(cue_text)
def test_cue_like_text(text: str) -> None:
    _same(text)


@given(st.text(max_size=40))
def test_any_text(text: str) -> None:
    _same(text)


@given(cue_text)
def test_a_matching_pattern_passes_its_guards(text: str) -> None:
    lowered = "" if any(c in text for c in FOLDS_TO_ASCII) else text.lower()
    for pattern in ALL:
        if pattern.search(text) is None:
            continue
        uncased, ascii_guard = guards(pattern)
        assert uncased is None or any(n in text for n in uncased), (pattern.pattern, text)
        if lowered and ascii_guard is not None:
            assert any(n in lowered for n in ascii_guard), (pattern.pattern, text)


def test_guards_are_read_off_the_pattern() -> None:
    assert guards(re.compile(r"^(?P<name>[^:]{1,60}?)\s+(?:says|wrote)\s*:$", re.I)) == (
        (":",),
        ("says", "wrote"),
    )
    assert guards(re.compile(r"\b(?:getty images|ap photo)\b", re.I)) == (None, ("getty images", "ap photo"))
    assert guards(re.compile(r"^[\-–—]+x?$", re.I)) == (("-", "–", "—"), ("-", "–", "—"))
    # An optional part, a negated set, a case-sensitive part: no guard from them.
    assert guards(re.compile(r"^(?:posted )?[^:]+$", re.I)) == (None, None)
    assert guards(re.compile(r"(?-i:Iraq) news", re.I))[1] == (" news",)
    assert guards(re.compile(r"Iraq"))[1] is None  # case-sensitive: lower-casing the line is not sound


def test_folds_to_ascii_is_every_character_that_meets_an_ascii_letter() -> None:
    letters = re.compile("[a-z]", re.IGNORECASE)
    found = "".join(
        char
        for code in range(0x80, sys.maxunicode + 1)
        if not 0xD800 <= code <= 0xDFFF
        and (letters.fullmatch(char := chr(code)) or any(c.isascii() for c in char.lower()))
    )
    assert found == FOLDS_TO_ASCII


@pytest.mark.parametrize(
    ("pattern", "branch"),
    [("a|b", True), ("(?:a|b)", False), (r"a\|b", False), ("[|]a", False), ("[]|]", False), ("(a)|b", True)],
)
def test_top_level_branch(pattern: str, branch: bool) -> None:
    assert _top_level_branch(pattern) is branch
