"""Date recognition and parsing for scraped news, in English and Arabic.

``parse_date`` reads a short date text (a record's date field); ``match_date_line``
decides whether a whole dump line is a date line (the line under a headline that
says when the article was published) and parses it. Both use one grammar, so a line
that ``match_date_line`` resolves always gets the same date from ``parse_date``.

How it works: the text is normalised (NFKC, casefold, then the ``fold`` character
maps of the data files), cut into tokens (numbers, ``d/m/y`` dates, ``hh:mm`` or French ``10h32`` times,
words, punctuation), and every token or data-file phrase gets a one-letter class
(see ``_SHAPE``). A token outside the vocabulary rejects the text at once, which is
what makes running sentences and headlines cheap to turn down. The string of
classes is then matched by one grammar regex written with atomic groups and
possessive quantifiers only, so matching never backtracks; input is length-capped
before any of this.

Resolution rules (a date is never invented):

- Numeric dates are day first (``18/07/2021``) unless ``day_first=False``; a part
  over 12 forces the order; a 4-digit first part means year-month-day (ISO).
- Two-digit years: 00-69 are 2000-2069, 70-99 are 1970-1999.
- A year outside 1900-2100 or an impossible day (31 Feb) gives ``date=None``.
- Month and year only, or day and month only, give ``date=None``.
- Hijri dates (a Hijri month name, or an era marker such as هـ / AH) are recognised
  but not converted: ``date=None``.
- With two dates on one line (Hijri then Gregorian, or published then updated) the
  first Gregorian one is used.
- Relative words (Today, اليوم) are ignored: they never override or supply a date.
- A bare year (``2021``) is not a date.

Data files: ``mediamon/data/<lang>/dates.json`` for each language of ``mediamon.lang.CODES``
and of ``DATE_ONLY_LANGUAGES`` (French, Spanish: their date lines only), one JSON object;
only ``months`` is required, unknown keys are an error:

- ``months``: object, name or abbreviation -> Gregorian month number 1-12.
- ``hijri_months``: object, name -> Hijri month number 1-12 (recognised only).
- ``weekdays``: object, name -> ISO weekday 1-7 (Monday is 1).
- ``relative``: list of relative words to ignore (today, أمس).
- ``prefixes``: list of phrases that may introduce a date (posted on, نشر في).
- ``connectors``: list of small words allowed between parts (of, at, الموافق).
- ``ordinal_suffixes``: list of suffixes glued to a day number (st, th).
- ``meridiem``: list of am/pm markers (am, p.m., ص, م).
- ``time_zones``: list of zone names or phrases (GMT, بتوقيت مكة).
- ``eras``: object with lists ``gregorian`` (AD, م) and ``hijri`` (AH, هـ).
- ``fold``: object, single character -> replacement (maybe empty), applied to
  text and names alike so spelling variants meet (أ إ آ -> ا, ة -> ه, diacritics -> "").
- ``numeric_shapes``: list of numeric date forms accepted besides the built-in ones, each
  written with ``0`` for a digit and one separator (``00.00.00``: the two-digit-year dotted
  stamps of messaging exports). Day and month are still ordered by ``day_first``.
- ``relative_patterns``: list of regular expressions, each a whole date line that dates the
  text only relative to when the page was read ('2 hours ago', 'Updated 5 hours ago',
  'منذ 3 ساعات', 'أمس'); matched case-insensitively against the stripped NFKC line (not
  folded). :func:`match_relative_date` recognises such a line; its day cannot be known
  without the crawl time, so it gives ``date=None``.
- ``_comment``: free text, ignored.

Names may be several words or include punctuation (the Levantine two-word months,
``a.m.``); they are matched token by token after normalisation. A phrase
listed in several categories takes the strongest class (month, Hijri month,
weekday, ordinal, era, meridiem, zone, prefix, relative, connector); one that is
both a meridiem and a Gregorian era marker (م) may serve as either.
"""

from __future__ import annotations

import datetime
import functools
import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple, TypeAlias

import attrs

from mediamon import lang as lang_registry
from mediamon.errors import DataFileError, Msg
from mediamon.resources import data_path, load_json, string_list

__all__ = ["DateMatch", "as_date", "match_date_line", "match_relative_date", "parse_date"]

DATE_ONLY_LANGUAGES: tuple[str, ...] = ("fr", "es")
"""Languages mediamon has no ``lang/`` module for whose dates are still read: bilingual Maghreb,
Lebanese and Gulf sites print French (and Spanish) date lines over Arabic or English articles
('Publié le 4 décembre 2026 à 10h32', 'Actualizado el 4 de diciembre de 2026')."""

LANGUAGES: tuple[str, ...] = (*lang_registry.CODES, *DATE_ONLY_LANGUAGES)
"""Languages whose ``data/<lang>/dates.json`` is loaded (all of them, always)."""

MAX_LINE = 80
"""Longest stripped line ``match_date_line`` considers; date lines are short."""

MAX_FIELD = 200
"""Longest stripped text ``parse_date`` considers."""

MIN_YEAR = 1900
MAX_YEAR = 2100
PIVOT = 70
"""Two-digit years below this are 20xx, the others 19xx."""

_DATA_NAME = "{lang}/dates.json"

# First token -> (phrase tokens, class, value), longest phrase first.
_Phrases: TypeAlias = Mapping[str, tuple[tuple[tuple[str, ...], str, int], ...]]

_DIGIT = re.compile(r"\d")
# The word tokens of _TOKEN: maximal runs of letters (no other token holds a letter).
_LETTERS = re.compile(r"[^\W\d_]+")
_INVISIBLE = re.compile("[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_TOKEN = re.compile(
    r"(?P<date>\d{1,4}(?P<delim>[/.\-])\d{1,2}(?P=delim)\d{1,4}(?!\d))"
    r"|(?P<time>\d{1,2}(?::\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?|h\d{2})(?!\d))"
    r"|(?P<num>\d+)"
    r"|(?P<word>[^\W\d_]+)"
    r"|(?P<punct>\S)"
)

# Punctuation folded to the class character used in the shape string.
_PUNCT = {
    **dict.fromkeys(",،;؛", ","),
    ".": ".",
    **dict.fromkeys("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
    **dict.fromkeys("|•·‖¦", "|"),
    "/": "/",
    ":": ":",
    **dict.fromkeys("([{", "("),
    **dict.fromkeys(")]}", ")"),
    "+": "+",
}

# Token classes: D numeric date, T time, n 1-2 digit number, y 4-digit number,
# M month, H Hijri month, W weekday, P prefix, R relative word, f connector,
# o ordinal suffix, a meridiem, g Gregorian era, h Hijri era, b meridiem or
# Gregorian era (م), z time zone, i the ISO 'T' between date and time, and the
# punctuation characters of _PUNCT.
# One month name, or two for the same month ("M/M", "M-M", "M (M)").
_MON = r"M\.?+(?:[/(\-]M\.?+\)?+)?+"
# A date, alternatives in order (first match wins, no backtracking into it):
# D; n M y (day may carry an ordinal and 'of', the year a connector: '4 de diciembre de 2026');
# M n y; y M n; Hijri (n H y, H n y);
# then the dates without a day or a year: n M, M n, M y. An era marker may follow.
_DATE = rf"""(?>
      D
    | no?+[.,]?+f?+{_MON},?+f?+[yn]
    | {_MON}no?+,?+[yn]
    | y[-,/]?+{_MON}[-,/]?+no?+
    | (?:no?+[.,]?+f?+)?+H,?+(?:no?+,?+)?+y?+
    | no?+[.,]?+f?+{_MON}
    | {_MON}no?+
    | {_MON},?+y
)[gbh]?+"""
# A time (with meridiem, zone, offset), a zone alone, or any filler.
_TIME = r"i?+T[ab]?+(?:z(?:[+\-][ynT])?+|[+\-][yT])?+"
_EXTRA = rf"(?:{_TIME}|z(?:[+\-][ynT])?+|[PRWfgbha,.\-|/:()])*+"
_SHAPE = re.compile(
    rf"""
    (?:{_TIME}|[PRWf,.\-|/:()])*+
    (?P<d1>{_DATE}) {_EXTRA}
    (?:(?P<d2>{_DATE}) {_EXTRA})?+
    """,
    re.VERBOSE,
)

_PRIORITY = "MHWohbgazPRf"
_LIST_KEYS = {
    "relative": "R",
    "prefixes": "P",
    "connectors": "f",
    "ordinal_suffixes": "o",
    "meridiem": "a",
    "time_zones": "z",
}
_NUMBERED_KEYS = {"months": ("M", 12), "hijri_months": ("H", 12), "weekdays": ("W", 7)}
_ERA_KEYS = {"gregorian": "g", "hijri": "h"}
_KNOWN_KEYS = {
    *_LIST_KEYS,
    *_NUMBERED_KEYS,
    "eras",
    "fold",
    "numeric_shapes",
    "relative_patterns",
    "_comment",
}
# A numeric_shapes entry: three digit runs (written 0) between one repeated separator.
_SHAPE_FORM = re.compile(r"0{1,4}(?P<delim>[/.\-])0{1,2}(?P=delim)0{1,4}")
_DIGITS = re.compile(r"\d")


@attrs.frozen
class DateMatch:
    """A line that is, as a whole, a date expression, and the day it names.

    ``date`` is None when the expression names no single Gregorian day: a Hijri
    date (not converted), month and year only, an impossible day, a year outside
    1900-2100. ``text`` is the line as written, stripped.
    """

    date: datetime.date | None
    text: str


def parse_date(text: str, *, day_first: bool = True) -> datetime.date | None:
    """Parse a short date text (a record's date field, a date line); None if it cannot be parsed.

    Accepts what ``match_date_line`` accepts (up to ``MAX_FIELD`` characters) and
    never invents a date: a relative word alone, a Hijri or partial date gives None.
    """
    stripped = text.strip()
    if len(stripped) > MAX_FIELD:
        return None
    found = _analyse(stripped, day_first)
    return found.date if found is not None else None


def match_date_line(line: str, *, day_first: bool = True) -> DateMatch | None:
    """A DateMatch when the whole line is a date expression, else None.

    The line may add a weekday, a relative word, a time and zone, a prefix such as
    'Posted on' or 'نشر في', and separators; running text that merely contains a
    date is not a date line. Cheap on the lines that are not dates: longer than
    ``MAX_LINE`` or digit-free lines are turned down before any parsing.
    """
    stripped = line.strip()
    if len(stripped) > MAX_LINE:
        return None
    return _analyse(stripped, day_first)


def match_relative_date(line: str) -> DateMatch | None:
    """A DateMatch with ``date=None`` when the whole line is a relative date ('2 hours ago',
    'منذ 3 ساعات', 'أمس': a data file's ``relative_patterns``), else None.

    The day such a line names depends on when the page was read, which a dump does not say,
    so it is never resolved; the line is still a date line (its text is the article's
    ``date_text``).
    """
    stripped = line.strip()
    if len(stripped) > MAX_LINE:
        return None
    pattern = _vocabulary().relative
    if pattern is None or pattern.fullmatch(unicodedata.normalize("NFKC", stripped)) is None:
        return None
    return DateMatch(date=None, text=stripped)


# --- recognition -----------------------------------------------------------------


class _Token(NamedTuple):
    """A token (a tuple: every short line with a digit is tokenised)."""

    kind: str  # date, time, num, word or punct
    text: str  # normalised; punctuation folded to its class character
    start: int
    end: int


class _Item(NamedTuple):
    """A classified token or phrase: its class character and, for parts of a date, its value."""

    cls: str
    value: int = 0
    text: str = ""


@functools.lru_cache(maxsize=4096)
def _analyse(text: str, day_first: bool) -> DateMatch | None:
    """The core of both public functions: ``text`` is stripped and already length-capped.

    Cached: the same date line heads many articles of one dump."""
    if not text or _DIGIT.search(text) is None:
        return None
    vocabulary = _vocabulary()
    if text.isascii() and vocabulary.ascii_kept:
        normalised = text.lower()  # _normalise on ASCII text (tests/text/test_dates.py)
    else:
        normalised = _normalise(text, vocabulary.fold)
    # A word outside the vocabulary rejects the text (see _classify): find out before tokenising.
    if not vocabulary.words.issuperset(_LETTERS.findall(normalised)):
        return None
    tokens = _tokenise(normalised)
    items = _classify(tokens, vocabulary.phrases, vocabulary.shapes)
    if items is None:
        return None
    shape = _SHAPE.fullmatch("".join(item.cls for item in items))
    if shape is None:
        return None
    for group in ("d1", "d2"):
        start, end = shape.span(group)
        if start < 0:
            continue
        hijri, date = _resolve(items[start:end], day_first)
        if not hijri:
            return DateMatch(date=date, text=text)
    return DateMatch(date=None, text=text)


def _normalise(text: str, fold: Mapping[int, str]) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return _INVISIBLE.sub("", text.translate(fold))


def _tokenise(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    for found in _TOKEN.finditer(text):
        kind = found.lastgroup or "punct"
        value = found.group()
        if kind == "punct":
            value = _PUNCT.get(value, value)
        tokens.append(_Token(kind, value, found.start(), found.end()))
        _dotted_time(tokens)
    return tokens


def _dotted_time(tokens: list[_Token]) -> None:
    """A time written with a dot ("2024 10.42 GMT", "2025, 10.42am"), right after a 4-digit
    year (a comma, dash or bar between allowed), as one time token.

    Only after a year, so that a decimal number or a ``d.m`` pair stays what it was."""
    if len(tokens) < 4:
        return
    year, hours, dot, minutes = tokens[-4:]
    if year.kind == "punct" and year.text in ",-|" and len(tokens) >= 5:
        year = tokens[-5]
    if not (
        year.kind == "num"
        and len(year.text) == 4
        and hours.kind == "num"
        and len(hours.text) <= 2
        and int(hours.text) <= 23
        and dot.text == "."
        and minutes.kind == "num"
        and len(minutes.text) == 2
        and int(minutes.text) <= 59
        and hours.end == dot.start
        and dot.end == minutes.start
    ):
        return
    tokens[-3:] = [_Token("time", f"{hours.text}:{minutes.text}", hours.start, minutes.end)]


def _classify(tokens: Sequence[_Token], phrases: _Phrases, shapes: frozenset[str]) -> list[_Item] | None:
    """One item per token or phrase; None as soon as a token is outside the vocabulary."""
    items: list[_Item] = []
    count = len(tokens)
    i = 0
    while i < count:
        token = tokens[i]
        step = 1
        glued = i > 0 and tokens[i - 1].end == token.start
        if token.kind == "num":
            digits = len(token.text)
            if digits > 4 or digits == 3:
                return None
            items.append(_Item("y" if digits == 4 else "n", int(token.text), token.text))
        elif token.kind == "date":
            if not (_plausible_numeric(token.text) or _DIGITS.sub("0", token.text) in shapes):
                return None
            items.append(_Item("D", 0, token.text))
        elif token.kind == "time":
            items.append(_Item("T"))
        elif token.kind == "punct":
            if token.text not in _PUNCT:
                return None
            items.append(_Item(token.text))
        # ISO 8601 syntax, not language: 2021-07-18T10:00:00Z
        elif (
            token.text == "t"
            and glued
            and tokens[i - 1].kind == "date"
            and i + 1 < count
            and tokens[i + 1].kind == "time"
            and tokens[i + 1].start == token.end
        ):
            items.append(_Item("i"))
        elif token.text == "z" and glued and tokens[i - 1].kind == "time":
            items.append(_Item("z"))
        else:
            found = _lookup(tokens, i, phrases)
            if found is None:
                return None
            cls, value, step = found
            if cls == "o" and not (glued and items and items[-1].cls == "n"):
                return None
            items.append(_Item(cls, value))
        i += step
    return items


def _lookup(
    tokens: Sequence[_Token],
    i: int,
    phrases: _Phrases,
) -> tuple[str, int, int] | None:
    """The longest phrase starting at token ``i``: (class, value, token count)."""
    candidates = phrases.get(tokens[i].text)
    if candidates is None:
        return None
    for words, cls, value in candidates:
        size = len(words)
        if i + size <= len(tokens) and all(tokens[i + k].text == words[k] for k in range(1, size)):
            return cls, value, size
    return None


def _plausible_numeric(text: str) -> bool:
    """Whether an ``a/b/c`` token looks like a date: 4-digit year first, or 2/4-digit year last."""
    sep = _separator(text)
    first, _, last = text.split(sep)
    if len(first) == 4:
        return len(last) <= 2
    if len(first) == 3:
        return False
    if sep == ".":
        return len(last) == 4
    return len(last) in (2, 4)


def _separator(text: str) -> str:
    """The delimiter of a numeric date token (its first non-digit)."""
    return next((char for char in text if not char.isdigit()), "/")


# --- resolution ------------------------------------------------------------------


def _resolve(items: Sequence[_Item], day_first: bool) -> tuple[bool, datetime.date | None]:
    """Resolve one date group: (is it Hijri, the Gregorian day or None)."""
    parts: list[_Item] = []
    month: int | None = None
    for item in items:
        if item.cls in "Hh":
            return True, None
        if item.cls == "M":
            if month is not None and month != item.value:
                return False, None  # نيسان/مايو: two different months
            if month is None:
                parts.append(item)
            month = item.value
        elif item.cls in "nyD":
            parts.append(item)
    order = "".join(part.cls for part in parts)
    if order == "D":
        return False, _numeric(parts[0].text, day_first)
    if order in ("nMy", "nMn"):
        day, year = parts[0], parts[2]
    elif order in ("Mny", "Mnn"):
        day, year = parts[1], parts[2]
    elif order == "yMn":
        day, year = parts[2], parts[0]
    else:
        return False, None
    full_year = _year(year.text)
    if full_year is None or month is None:
        return False, None
    return False, _make_date(full_year, month, day.value)


def _numeric(text: str, day_first: bool) -> datetime.date | None:
    first, middle, last = text.split(_separator(text))
    if len(first) == 4:
        return _make_date(int(first), int(middle), int(last))
    year = _year(last)
    if year is None:
        return None
    day, month = (int(first), int(middle)) if day_first else (int(middle), int(first))
    if month > 12 >= day:
        day, month = month, day
    return _make_date(year, month, day)


def _year(digits: str) -> int | None:
    if len(digits) == 4:
        return int(digits)
    if len(digits) == 2:
        short = int(digits)
        return short + (2000 if short < PIVOT else 1900)
    return None


def _make_date(year: int, month: int, day: int) -> datetime.date | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


# --- data files ------------------------------------------------------------------


@attrs.frozen
class _Language:
    """One validated data file: its fold map and its (name, class, value) entries, as written."""

    source: str
    fold: Mapping[str, str]
    entries: tuple[tuple[str, str, int], ...]
    shapes: frozenset[str] = frozenset()
    relative: tuple[str, ...] = ()


@attrs.frozen
class _Vocabulary:
    """All languages merged: the translate table and the phrase table keyed by first token."""

    fold: Mapping[int, str]
    phrases: _Phrases
    #: Extra numeric date forms (``numeric_shapes``, digits written 0).
    shapes: frozenset[str]
    #: Every word of every phrase, and the ISO letters ``t`` and ``z``: a text with another word
    #: is no date.
    words: frozenset[str]
    #: Whether the fold table leaves ASCII as it is: then :func:`_normalise` is ``lower`` on ASCII
    #: text (NFKC leaves ASCII alone, casefold is lower there, and no invisible character is ASCII).
    ascii_kept: bool = False
    #: Every language's ``relative_patterns`` in one alternation (None when there are none).
    relative: re.Pattern[str] | None = None


def _fail(source: str, detail: str) -> DataFileError:
    return DataFileError(Msg.DATA_FILE.format(detail=detail), path=source)


def _check_language(data: Mapping[str, Any], *, source: str) -> _Language:
    """Validate one language's ``dates.json`` (schema in the module docstring)."""
    unknown = sorted(set(data) - _KNOWN_KEYS)
    if unknown:
        raise _fail(source, f"unknown key(s) {', '.join(map(repr, unknown))}")
    entries: list[tuple[str, str, int]] = []
    for key, (cls, top) in _NUMBERED_KEYS.items():
        numbered = data.get(key)
        if numbered is None and key == "months":
            raise _fail(source, f"missing key {key!r}")
        if numbered is None:
            continue
        if not isinstance(numbered, dict):
            raise _fail(source, f"{key!r} must be an object of name -> number")
        for name, number in numbered.items():
            _check_name(name, key=key, source=source)
            if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= top:
                raise _fail(source, f"{key!r}: number for {name!r} must be 1-{top}, not {number!r}")
            entries.append((name, cls, number))
    for key, cls in _LIST_KEYS.items():
        for name in string_list(data, key, source=source):
            _check_name(name, key=key, source=source)
            entries.append((name, cls, 0))
    eras = data.get("eras", {})
    if not isinstance(eras, dict) or set(eras) - set(_ERA_KEYS):
        raise _fail(source, "'eras' must be an object with lists 'gregorian' and 'hijri'")
    for key, cls in _ERA_KEYS.items():
        for name in string_list(eras, key, source=source):
            _check_name(name, key=f"eras.{key}", source=source)
            entries.append((name, cls, 0))
    fold = data.get("fold", {})
    if not isinstance(fold, dict) or not all(
        isinstance(k, str) and len(k) == 1 and isinstance(v, str) for k, v in fold.items()
    ):
        raise _fail(source, "'fold' must be an object of single character -> string")
    shapes = string_list(data, "numeric_shapes", source=source)
    for shape in shapes:
        if not _SHAPE_FORM.fullmatch(shape):
            raise _fail(source, f"'numeric_shapes': {shape!r} is not a form such as '00.00.00'")
    relative = string_list(data, "relative_patterns", source=source)
    for pattern in relative:
        try:
            re.compile(pattern)
        except re.error as exc:
            detail = f"'relative_patterns': {pattern!r} is not a regular expression: {exc}"
            raise _fail(source, detail) from exc
    return _Language(
        source=source,
        fold=dict(fold),
        entries=tuple(entries),
        shapes=frozenset(shapes),
        relative=tuple(relative),
    )


def _check_name(name: object, *, key: str, source: str) -> None:
    if not isinstance(name, str) or not name.strip():
        raise _fail(source, f"{key!r}: empty name")
    if not any(char.isalpha() for char in name):
        raise _fail(source, f"{key!r}: name {name!r} has no letters")


def _build(languages: Sequence[_Language]) -> _Vocabulary:
    """Merge validated languages: one fold table, one phrase table, conflicts reported."""
    fold: dict[str, str] = {}
    for language in languages:
        for char, replacement in language.fold.items():
            if fold.get(char, replacement) != replacement:
                raise _fail(language.source, f"'fold': {char!r} folds differently in another file")
            fold[char] = replacement
    table = str.maketrans(fold)
    merged: dict[tuple[str, ...], tuple[str, int]] = {}
    for language in languages:
        for name, cls, value in language.entries:
            tokens = _tokenise(_normalise(name, table))
            words = tuple(token.text for token in tokens)
            if not tokens or tokens[0].kind != "word":
                raise _fail(language.source, f"name {name!r} must start with a letter")
            merged[words] = _combine(merged.get(words), (cls, value), name, language.source)
    phrases: dict[str, list[tuple[tuple[str, ...], str, int]]] = {}
    for words, (cls, value) in merged.items():
        phrases.setdefault(words[0], []).append((words, cls, value))
    relative = [f"(?:{pattern})" for language in languages for pattern in language.relative]
    return _Vocabulary(
        relative=re.compile("|".join(relative), re.IGNORECASE) if relative else None,
        shapes=frozenset().union(*(language.shapes for language in languages)),
        words=frozenset({"t", "z"}.union(*merged)),
        fold=table,
        ascii_kept=not any(code < 128 for code in table),
        phrases={
            first: tuple(sorted(found, key=lambda entry: -len(entry[0]))) for first, found in phrases.items()
        },
    )


def _combine(old: tuple[str, int] | None, new: tuple[str, int], name: str, source: str) -> tuple[str, int]:
    """The class of a phrase listed more than once (see the module docstring)."""
    if old is None or old == new:
        return new
    if old[0] == new[0] and old[0] in "MHW":
        raise _fail(source, f"{name!r} is given the numbers {old[1]} and {new[1]}")
    if {old[0], new[0]} in ({"a", "g"}, {"b", "a"}, {"b", "g"}):
        return ("b", 0)
    return min(old, new, key=lambda entry: _PRIORITY.index(entry[0]))


@functools.cache
def _vocabulary() -> _Vocabulary:
    languages = []
    for lang in LANGUAGES:
        name = _DATA_NAME.format(lang=lang)
        languages.append(_check_language(load_json(name), source=data_path(name)))
    return _build(languages)


def as_date(value: datetime.date | str | None, name: str) -> datetime.date | None:
    """A filter bound as a date: a date, a datetime (its date) or ISO text; ValueError otherwise."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(value.strip())
    except (AttributeError, ValueError) as exc:
        raise ValueError(Msg.USAGE_DATE.format(name=name, value=value)) from exc
