"""Tests for mediamon.text.dates: the labelled case table, data-file validation, properties."""

from __future__ import annotations

import ast
import datetime
import inspect
import json
import re
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediamon import lang as languages
from mediamon.errors import DataFileError
from mediamon.resources import load_json
from mediamon.text import dates
from mediamon.text.dates import DateMatch, match_date_line, match_relative_date, parse_date
from tests.strategies import hostile_text

CASES_PATH = Path(__file__).parents[1] / "data" / "dates.json"


def _load_cases() -> list[Any]:
    cases = json.loads(CASES_PATH.read_text(encoding="utf-8"))
    params = []
    for number, case in enumerate(cases):
        marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if "xfail" in case else []
        params.append(pytest.param(case, marks=marks, id=f"{number}-{case['note']}"))
    return params


@pytest.mark.parametrize("case", _load_cases())
def test_case_table(case: dict[str, Any]) -> None:
    day_first = case.get("day_first", True)
    expected = datetime.date.fromisoformat(case["date"]) if case["date"] else None
    found = match_date_line(case["text"], day_first=day_first)
    if case["is_line"]:
        assert found == DateMatch(date=expected, text=case["text"].strip())
    else:
        assert found is None
    assert parse_date(case["text"], day_first=day_first) == expected
    relative = match_relative_date(case["text"])
    assert relative == (DateMatch(date=None, text=case["text"].strip()) if case.get("relative") else None)


def test_case_table_is_well_formed() -> None:
    keys = {"text", "date", "is_line", "day_first", "note", "xfail", "relative"}
    for case in json.loads(CASES_PATH.read_text(encoding="utf-8")):
        assert set(case) <= keys, case
        assert {"text", "date", "is_line", "note"} <= set(case), case
        assert case["date"] is None or case["is_line"], case


# --- behaviour beyond the table ------------------------------------------------------


def test_date_match_is_frozen() -> None:
    found = match_date_line("27 Jul 2021")
    assert found is not None
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        found.text = "x"  # type: ignore[misc]


def test_huge_line_is_refused_quickly() -> None:
    line = "12/" * 350_000
    assert match_date_line(line) is None
    assert parse_date(line) is None
    assert match_date_line("7" * 1_000_000) is None


def test_line_limit_is_stricter_than_field_limit() -> None:
    text = (
        "Published: Monday, July 26, 2021 10:00:00 AM GMT+3 | "
        "Updated: Tuesday, July 27, 2021 11:00:00 PM GMT+3"
    )
    assert dates.MAX_LINE < len(text) <= dates.MAX_FIELD
    assert match_date_line(text) is None
    assert parse_date(text) == datetime.date(2021, 7, 26)


def test_surrounding_whitespace_is_ignored() -> None:
    assert match_date_line("\t 27 Jul 2021 \n") == DateMatch(datetime.date(2021, 7, 27), "27 Jul 2021")


# --- data files ----------------------------------------------------------------------


def test_bundled_data_files_validate() -> None:
    for lang in dates.LANGUAGES:
        data = load_json(f"{lang}/dates.json")
        assert dates._check_language(data, source=f"{lang}/dates.json").entries
    assert dates._vocabulary().phrases
    assert set(languages.CODES) < set(dates.LANGUAGES), "every language's dates, and French/Spanish ones"


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({"months": {"smarch": 13}}, ["'months'", "smarch", "1-12"]),
        ({"months": {"smarch": 0}}, ["'months'", "1-12"]),
        ({"months": {"smarch": "3"}}, ["'months'", "1-12"]),
        ({"months": {"smarch": True}}, ["'months'", "1-12"]),
        ({"months": {"": 1}}, ["'months'", "empty name"]),
        ({"months": {"   ": 1}}, ["'months'", "empty name"]),
        ({"months": {"12": 1}}, ["'months'", "no letters"]),
        ({"months": ["january"]}, ["'months'", "object"]),
        ({"months": {}, "weekdays": {"funday": 8}}, ["'weekdays'", "1-7"]),
        ({"months": {}, "hijri_months": {"x": 13}}, ["'hijri_months'", "1-12"]),
        ({"months": {}, "prefixes": ["posted", ""]}, ["'prefixes'"]),
        ({"months": {}, "relative": "today"}, ["'relative'"]),
        ({"months": {}, "eras": {"julian": ["os"]}}, ["'eras'"]),
        ({"months": {}, "eras": {"hijri": [""]}}, ["'hijri'"]),
        ({"months": {}, "fold": {"ab": "c"}}, ["'fold'"]),
        ({"months": {}, "monthz": {}}, ["unknown key", "'monthz'"]),
        ({"months": {}, "numeric_shapes": ["dd.mm.yy"]}, ["'numeric_shapes'", "dd.mm.yy"]),
        ({"months": {}, "numeric_shapes": ["00/00.00"]}, ["'numeric_shapes'"]),
        ({"months": {}, "numeric_shapes": "00.00.00"}, ["'numeric_shapes'"]),
        ({"months": {}, "relative_patterns": ["(unclosed"]}, ["'relative_patterns'", "(unclosed"]),
        ({"months": {}, "relative_patterns": "ago"}, ["'relative_patterns'"]),
        ({"weekdays": {}}, ["missing key", "'months'"]),
    ],
)
def test_bad_language_data_is_rejected(data: dict[str, Any], words: list[str]) -> None:
    with pytest.raises(DataFileError) as caught:
        dates._check_language(data, source="xx/dates.json")
    message = str(caught.value)
    assert message.startswith("xx/dates.json: ")
    for word in words:
        assert word in message


def test_conflicting_month_numbers_across_files_are_rejected() -> None:
    first = dates._check_language({"months": {"Smarch": 3}}, source="aa/dates.json")
    second = dates._check_language({"months": {"smarch": 4}}, source="bb/dates.json")
    with pytest.raises(DataFileError, match=r"bb/dates.json: .*'smarch'"):
        dates._build([first, second])


def test_names_must_start_with_a_letter_after_folding() -> None:
    language = dates._check_language({"months": {"x": 1}, "fold": {"x": ""}}, source="xx/dates.json")
    with pytest.raises(DataFileError, match="start with a letter"):
        dates._build([language])


def test_fold_applies_to_names_and_text() -> None:
    language = dates._check_language({"months": {"smärch": 3}, "fold": {"ä": "a"}}, source="xx/dates.json")
    vocabulary = dates._build([language])
    assert "smarch" in vocabulary.phrases


def _string_literals(source: str) -> list[str]:
    """String constants of a module, leaving out docstrings (statements that are just a string)."""
    tree = ast.parse(source)
    docstrings = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


def test_code_has_no_month_names() -> None:
    names = set()
    for lang in dates.LANGUAGES:
        names.update(load_json(f"{lang}/dates.json")["months"])
    words = re.compile(r"[^\W\d_]+")
    literals = " ".join(_string_literals(inspect.getsource(dates))).casefold()
    found = set(words.findall(literals))
    assert not {name.casefold() for name in names if " " not in name and len(name) > 2} & found


# --- properties ----------------------------------------------------------------------

# fmt: off
_FRAGMENTS = [
    "Jul", "July", "Sept.", "MARCH", "27", "2021", "21", "1442", "99", "7", "/", "-", ".", ",",
    "،", ":", "|", "(", ")", "+", "10:15", "10:00:00", "AM", "p.m.", "GMT", "T", "Z", "+0300",
    "1st", "th", "of", "Today", "Updated:", "Posted on", "18/07/2021", "2021-07-18", "31/02/2021",
    "°", "%", "troops", "\x00", "\u200f", "\u0640", "\u064e", "\t", "\n",
    "اليوم", "نشر في", "آخر تحديث", "م", "هـ", "ص", "نيسان", "كانون", "تشرين الأول", "أيلول",
    "يونية", "جويلية", "رمضان", "الموافق", "الثلاثاء", "الإثنين", "١٢", "۱۲", "٢٠٢١",
]
# fmt: on
_ALPHABET = st.characters(
    codec=None,
    categories=("L", "M", "N", "P", "S", "Z", "Cc", "Cf"),
)
_TEXTS = st.one_of(
    st.text(max_size=120),
    st.text(alphabet=_ALPHABET, max_size=120),
    st.text(alphabet="0123456789٠١٢٣٤٥٦٧٨٩۰۱۲/-.:, T", max_size=40),
    st.lists(st.sampled_from(_FRAGMENTS), max_size=12).map(" ".join),
    st.lists(st.sampled_from(_FRAGMENTS), max_size=12).map("".join),
)


@settings(max_examples=600)
@given(_TEXTS, st.booleans())
def test_never_raises_and_agrees_with_parse_date(text: str, day_first: bool) -> None:
    found = match_date_line(text, day_first=day_first)
    parsed = parse_date(text, day_first=day_first)
    if found is not None:
        assert found.text == text.strip()
        if found.date is not None:
            assert parsed == found.date
    if parsed is not None:
        assert re.search(r"\d", text), "a date needs digits: nothing is invented"
        assert dates.MIN_YEAR <= parsed.year <= dates.MAX_YEAR


_DATES = st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 12, 31))


def _month_names(kind: str = "months") -> dict[int, list[str]]:
    names: dict[int, list[str]] = {}
    for lang in dates.LANGUAGES:
        for name, number in load_json(f"{lang}/dates.json")[kind].items():
            names.setdefault(number, []).append(name)
    return names


@settings(max_examples=300)
@given(_DATES, st.data())
def test_round_trip_through_every_month_name(day: datetime.date, data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(_month_names()[day.month]))
    layouts = ["{d} {m} {y}", "{m} {d}, {y}", "{m} {d} {y}", "{y} {m} {d}"]
    layout = data.draw(st.sampled_from(layouts))
    text = layout.format(d=day.day, m=name, y=day.year)
    assert parse_date(text) == day
    assert match_date_line(text) == DateMatch(day, text)


@given(_DATES, st.booleans())
def test_round_trip_numeric(day: datetime.date, day_first: bool) -> None:
    iso = day.isoformat()
    assert parse_date(iso, day_first=day_first) == day
    first, second = (day.day, day.month) if day_first else (day.month, day.day)
    assert parse_date(f"{first}/{second}/{day.year}", day_first=day_first) == day
    assert parse_date(f"{first:02d}.{second:02d}.{day.year}", day_first=day_first) == day


class _EveryWord(frozenset[str]):
    """A vocabulary that takes every word: no text is rejected before tokenising."""

    def issuperset(self, other: object) -> bool:
        return True


@settings(max_examples=500, deadline=None)
@given(_TEXTS | hostile_text(), st.booleans())
def test_rejecting_unknown_words_first_changes_nothing(text: str, day_first: bool) -> None:
    """The early test (a word outside the date vocabulary rejects the text) answers what
    tokenising and classifying answer, on any text (hostile pieces too)."""
    text = text.strip()[: dates.MAX_FIELD]
    fast = dates._analyse.__wrapped__(text, day_first)
    every = attrs.evolve(dates._vocabulary(), words=_EveryWord())
    original = dates._vocabulary
    dates._vocabulary = lambda: every  # type: ignore[assignment]
    try:
        slow = dates._analyse.__wrapped__(text, day_first)
    finally:
        dates._vocabulary = original
    assert fast == slow


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_ascii_normalised_as_the_general_path(text: str) -> None:
    """The ASCII shortcut of ``_analyse``: ``_normalise`` is ``lower`` on ASCII text."""
    vocabulary = dates._vocabulary()
    assert vocabulary.ascii_kept
    assert dates._normalise(text, vocabulary.fold) == text.lower()
