"""Ordered lists of cue patterns compiled into tables that answer "does any of them match?" cheaply.

The segmenter tries a data file's patterns on every short line, and almost every line matches
none of them. A :class:`PatternList` keeps the patterns in their order (the first match still
decides what a line is) and answers :meth:`~PatternList.any` with two tables:

- a **keyword guard** per pattern: literal text any match must contain, read off the parsed
  pattern (``:`` for ``^NAME says:$``, one of ``-–—`` for a dateline, ``getty images`` or
  ``afp photo`` ... for an agency credit). A plain substring test rules the pattern out on
  most lines before the regex engine is asked; the guard is sound for case-insensitive
  patterns because uncased characters only match themselves, and lower-cased ASCII text is
  compared only with lower-cased ASCII literals (a line holding one of the four characters
  outside ASCII that case-fold onto ASCII letters skips the letter guards);
- **combined regexes** over the unguarded patterns anchored at the line start (``^...``),
  one per group of patterns whose matches can open with the same characters (read off the
  parsed pattern, :func:`first_test`): the line's first character picks the few groups that
  can match, each tried once at position 0, instead of one search per pattern. Patterns that
  cannot be combined without changing what they match (a top-level ``|``, a back-reference,
  other flags) keep their own search; a combined unanchored search is no faster than the
  loop, as each pattern alone keeps the regex engine's literal-prefix scan. An anchored
  pattern opening with a long scan (``^[^:]{1,60}? says:$``) that has a guard stays out
  of it: the guard is cheaper than the scan.

The guards also sort the patterns by the lines they can match: on an ASCII line the patterns
whose guards need other characters are not looked at, nor, on a line without Latin letters,
those whose guards need Latin words.
"""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from mediamon.memo import make_room

# The regex parser (private to ``re``, stable since 3.11): the guards are read off its tree.
_parser: Any = importlib.import_module("re._parser")

__all__ = ["PatternList"]

# A named group, turned into a plain group in the combined regex (names may repeat across patterns).
_NAMED_GROUP = re.compile(r"\(\?P<\w+>")
# What a pattern must not contain to be combined: a back-reference or a group-conditional
# (they refer to groups by name or number, which combining renumbers) or inline flags.
_REFERS = re.compile(r"\(\?P=|\(\?\(|\\[1-9]|\(\?[aiLmsux]+\)")


def _top_level_branch(pattern: str) -> bool:
    """Whether ``pattern`` has a ``|`` outside every group and character class."""
    depth = 0
    in_class = False
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            if char == "]":
                in_class = False
        elif char == "[":
            in_class = True
            # A ']' right after '[' or '[^' is a literal member, not the end of the class.
            if pattern[i + 1 : i + 2] == "^":
                i += 1
            if pattern[i + 1 : i + 2] == "]":
                i += 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return True
        i += 1
    return False


#: Characters outside ASCII that match an ASCII letter case-insensitively, or lower-case to one
#: (İ ı ſ and the Kelvin sign; tests/text/test_patterns.py checks the list against Unicode).
FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"
_FOLDS_TO_ASCII = re.compile(f"[{FOLDS_TO_ASCII}]")
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")

#: Any-of literal strings a match must contain (a guard), or None for no guard.
Guard = tuple[str, ...] | None


def _uncased(char: str) -> bool:
    return char.lower() == char == char.upper()


def _literal(code: int, letters: bool) -> str | None:
    """A pattern literal as guard text: uncased as it is; with ``letters``, an ASCII letter
    lower-cased (compared with lower-cased ASCII text); None for any other character."""
    char = chr(code)
    if _uncased(char):
        return char
    if letters and char.isascii():
        return char.lower()
    return None


def _best(candidates: list[tuple[str, ...]]) -> Guard:
    """The most selective guard: the one whose shortest string is longest (space alone is none)."""
    useful = [c for c in candidates if c and all(s.strip() for s in c)]
    return max(useful, key=lambda c: min(len(s.strip()) for s in c), default=None)


def _required(items: Any, letters: bool) -> Guard:
    """A guard for a parsed sequence: literal text every match of it contains."""
    candidates: list[tuple[str, ...]] = []
    run: list[str] = []
    for op, av in items:
        name = str(op)
        if name == "LITERAL" and (char := _literal(av, letters)) is not None:
            run.append(char)
            continue
        if run:
            candidates.append(("".join(run),))
            run = []
        found: Guard = None
        if name == "SUBPATTERN":
            _, add_flags, del_flags, sub = av
            if not (add_flags | del_flags) & re.IGNORECASE:
                found = _required(sub, letters)
        elif name in ("ATOMIC_GROUP",):
            found = _required(av, letters)
        elif name == "ASSERT" and av[0] == 1:  # a lookahead holds on the text too
            found = _required(av[1], letters)
        elif name in _REPEATS and av[0] >= 1:
            found = _required(av[2], letters)
        elif name == "BRANCH":
            alternatives = [_required(seq, letters) for seq in av[1]]
            if all(alt is not None for alt in alternatives):
                found = tuple(s for alt in alternatives if alt is not None for s in alt)
        elif name == "IN" and all(str(kind) == "LITERAL" for kind, _ in av):
            chars = [_literal(code, letters) for _, code in av]
            if all(char is not None for char in chars):
                found = tuple(char for char in chars if char is not None)
        if found is not None:
            candidates.append(found)
    if run:
        candidates.append(("".join(run),))
    return _best(candidates)


@functools.lru_cache(maxsize=1024)
def _tree(pattern: re.Pattern[str]) -> Any:
    """The parsed pattern (parsed once: a pattern stands in its group's list and in the union)."""
    return _parser.parse(pattern.pattern, pattern.flags)


@functools.lru_cache(maxsize=1024)
def guards(pattern: re.Pattern[str]) -> tuple[Guard, Guard]:
    """(uncased, ascii): literal text every match contains -- uncased characters only, for any
    line; and lower-cased ASCII letters allowed too, for a lower-cased line without any of
    :data:`FOLDS_TO_ASCII`. None where no such text is found (or the pattern is case-sensitive
    for the second: lower-casing the line would not be sound)."""
    tree = _tree(pattern)
    ascii_guard = _required(tree, letters=True) if pattern.flags & re.IGNORECASE else None
    return _required(tree, letters=False), ascii_guard


def _slow_start(pattern: re.Pattern[str]) -> bool:
    """Whether the pattern opens (after ``^``) with a repetition of a broad class -- a lazy or a
    long scan that a line's first character does not end -- rather than with a literal or a set."""
    items = list(_tree(pattern))
    while items:
        op, av = items[0]
        name = str(op)
        if name == "AT":
            items = items[1:]
        elif name == "SUBPATTERN":
            items = list(av[3])
        elif name == "MIN_REPEAT":
            return True
        elif name in _REPEATS:
            inner = list(av[2])
            broad = bool(inner) and str(inner[0][0]) in ("ANY", "NOT_LITERAL", "IN") and av[1] > 1
            if broad and str(inner[0][0]) == "IN":
                broad = any(str(kind) == "NEGATE" for kind, _ in inner[0][1])
            return broad
        else:
            return False
    return False


_CATEGORIES = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
}
#: The first characters a parsed item's matches can open with, as character-class sources (None:
#: any character), and whether the item can match the empty string.
_Firsts = tuple[list[str] | None, bool]


def _class_source(items: Any) -> str | None:
    """An ``IN`` item's members as the source of a character class; None for a member not read here."""
    parts: list[str] = []
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            parts.append(re.escape(chr(av)))
        elif name == "RANGE":
            parts.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif name == "NEGATE" and not parts:
            parts.append("^")
        elif name == "CATEGORY" and str(av) in _CATEGORIES:
            parts.append(_CATEGORIES[str(av)])
        else:
            return None
    return f"[{''.join(parts)}]" if parts and parts != ["^"] else None


def _item_firsts(op: Any, av: Any) -> _Firsts:
    name = str(op)
    if name == "LITERAL":
        return [re.escape(chr(av))], False
    if name == "NOT_LITERAL":
        return [f"[^{re.escape(chr(av))}]"], False
    if name == "IN":
        source = _class_source(av)
        return ([source] if source is not None else None), False
    if name in ("AT", "ASSERT", "ASSERT_NOT"):
        return [], True  # zero-width: the first character is the next item's
    if name == "SUBPATTERN":
        _, add_flags, del_flags, sub = av
        return _seq_firsts(sub) if not add_flags | del_flags else (None, True)
    if name == "ATOMIC_GROUP":
        return _seq_firsts(av)
    if name in _REPEATS:
        found, empty = _seq_firsts(av[2])
        return found, empty or av[0] == 0
    if name == "BRANCH":
        union: list[str] = []
        empty = False
        for seq in av[1]:
            found, nullable = _seq_firsts(seq)
            if found is None:
                return None, True
            union += found
            empty = empty or nullable
        return union, empty
    return None, True  # ANY, a back-reference, a conditional: any character


def _seq_firsts(items: Any) -> _Firsts:
    """The first characters of a parsed sequence's matches (see :data:`_Firsts`)."""
    union: list[str] = []
    for op, av in items:
        found, empty = _item_firsts(op, av)
        if found is None:
            return None, True
        union += found
        if not empty:
            return union, False
    return union, True


def first_test(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A regex matching every character a match of ``pattern`` can open with (more, perhaps; never
    fewer), compiled with the pattern's flags so that case is compared as the pattern compares it;
    None when any character can, or the pattern can match the empty string."""
    found, empty = _seq_firsts(_tree(pattern))
    if found is None or empty:
        return None
    return re.compile("|".join(found) or "(?!)", pattern.flags)


def _combinable(pattern: re.Pattern[str], flags: int) -> bool:
    source = pattern.pattern
    return (
        source.startswith("^")
        and pattern.flags == flags
        and not flags & re.MULTILINE
        and not _top_level_branch(source[1:])
        and _REFERS.search(source) is None
    )


#: A group of joined patterns: the test of the characters their matches can open with (None: any
#: character) and the patterns as one regex matching at position 0.
_Group = tuple[re.Pattern[str] | None, re.Pattern[str]]


def _combine(patterns: Sequence[re.Pattern[str]], flags: int) -> tuple[_Group, ...] | None:
    """Anchored ``patterns`` grouped by the characters their matches can open with
    (:func:`first_test`), each group one regex tried at position 0; None if one fails to compile.

    A line's first character picks the groups to try (a few, of some 40): a case-insensitive
    literal gives the regex engine no quick first-character check of its own, so one regex over
    every pattern enters each of them on every line."""
    bodies: dict[str, tuple[re.Pattern[str] | None, list[str]]] = {}
    for pattern in patterns:
        test = first_test(pattern)
        key = "" if test is None else test.pattern
        bodies.setdefault(key, (test, []))[1].append(_NAMED_GROUP.sub("(", pattern.pattern[1:]))
    try:
        return tuple(
            (test, re.compile("|".join(f"(?:{body})" for body in group), flags))
            for test, group in bodies.values()
        )
    except re.error:  # pragma: no cover - every combinable pattern compiled on its own
        return None


@attrs.frozen
class PatternList:
    """Patterns tried in order; :meth:`any` and :meth:`first` give what the loop over them gives."""

    patterns: tuple[re.Pattern[str], ...]
    #: Whether to build the tables; without them :meth:`any` is the plain loop (building them
    #: costs more than they save on a list consulted only on the few lines another let through).
    tables: bool = True
    #: The unguarded anchored patterns in groups by their first characters (:func:`_combine`).
    _groups: tuple[_Group, ...] = attrs.field(init=False, eq=False, repr=False)
    #: The regexes of the groups a line's first character allows, by that character (made on
    #: first sight of it, from the groups' tests).
    _by_first: dict[str, tuple[re.Pattern[str], ...]] = attrs.field(init=False, eq=False, repr=False)
    #: The other patterns with their guards (uncased, ascii), searched one by one.
    _rest: tuple[_Guarded, ...] = attrs.field(init=False, eq=False, repr=False)
    #: ``_rest`` less the patterns no ASCII line can match.
    _ascii: tuple[_Guarded, ...] = attrs.field(init=False, eq=False, repr=False)
    #: ``_rest`` less the patterns no line without Latin letters can match.
    _unlatin: tuple[_Guarded, ...] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        flags = next((p.flags for p in self.patterns if p.pattern.startswith("^")), 0)
        # An anchored pattern that opens with a long scan (``^[^:]{1,60}?...``) costs the combined
        # regex that scan on every line: with a guard that holds for any line it stays out, and
        # the guard rules it out on most lines for the cost of a substring test.
        joined = [
            p
            for p in self.patterns
            if self.tables and _combinable(p, flags) and (not _slow_start(p) or guards(p)[0] is None)
        ]
        groups = _combine(joined, flags)
        if groups is None:
            joined, groups = [], ()
        object.__setattr__(self, "_groups", groups)
        # Filled as first characters are met: a run meets few of them (a dump's lines open with
        # some dozens), and answering every ASCII and Arabic character up front cost more.
        object.__setattr__(self, "_by_first", {})
        unguarded = (None, None)
        rest = tuple(
            (p, *(guards(p) if self.tables else unguarded)) for p in self.patterns if p not in joined
        )
        object.__setattr__(self, "_rest", rest)
        # On an ASCII line a guard of non-ASCII text fails; on a line without Latin letters (nor
        # a character that folds onto one) a guard of Latin words fails: drop them up front.
        object.__setattr__(self, "_ascii", tuple(r for r in rest if _possible(r, str.isascii)))
        object.__setattr__(self, "_unlatin", tuple(r for r in rest if _possible(r, _unlatin)))

    @classmethod
    def union(cls, *lists: Sequence[re.Pattern[str]]) -> PatternList:
        """One list of every pattern of ``lists``: false from :meth:`any` rules them all out."""
        return cls(tuple(p for patterns in lists for p in patterns))

    def any(self, text: str) -> bool:
        """Whether some pattern matches somewhere in ``text`` (``any(p.search(text) ...)``)."""
        if self._groups:
            if not text:
                allowed = tuple(regex for test, regex in self._groups if test is None)
            else:
                try:
                    allowed = self._by_first[text[0]]
                except KeyError:
                    allowed = self._for_first(text[0])
            for regex in allowed:
                if regex.match(text) is not None:
                    return True
        lowered: str | None = None
        if text.isascii():
            rest = self._ascii
        elif _LATIN.search(text) is None:
            rest, lowered = self._unlatin, ""
        else:
            rest = self._rest
        # The guards' substring tests are written out here: this loop runs on every short line.
        for pattern, uncased, ascii_guard in rest:
            if uncased is not None:
                for needle in uncased:
                    if needle in text:
                        break
                else:
                    continue
            if ascii_guard is not None:
                if lowered is None:
                    lowered = "" if _FOLDS_TO_ASCII.search(text) else text.lower()
                if lowered:
                    for needle in ascii_guard:
                        if needle in lowered:
                            break
                    else:
                        continue
            if pattern.search(text) is not None:
                return True
        return False

    def _for_first(self, char: str) -> tuple[re.Pattern[str], ...]:
        make_room(self._by_first, _FIRSTS_MAX)
        found = tuple(regex for test, regex in self._groups if test is None or test.match(char))
        self._by_first[char] = found
        return found

    def first(self, text: str, group: str = "name") -> tuple[re.Match[str], str] | None:
        """The first pattern's match whose ``group`` (else group 1) is non-empty once trimmed,
        and that group trimmed; None when there is none."""
        if not self.any(text):
            return None
        for pattern in self.patterns:
            match = pattern.search(text)
            if match is None:
                continue
            name = (match.group(group) if group in pattern.groupindex else match.group(1)).strip(" \t:،,-–|")
            if name:
                return match, name
        return None


#: How many first characters a list remembers before it starts again (bounded on any input).
_FIRSTS_MAX = 4096
_Guarded = tuple[re.Pattern[str], Guard, Guard]
# A Latin letter, or a character that matches or lower-cases to one.
_LATIN = re.compile(f"[A-Za-z{FOLDS_TO_ASCII}]")


def _unlatin(text: str) -> bool:
    return _LATIN.search(text) is None


def _possible(guarded: _Guarded, kind: Callable[[str], bool]) -> bool:
    """Whether a line of ``kind`` (ASCII, or without Latin letters) can pass the pattern's guards:
    each guard needs one of its strings, and a string holding a character that no such line has
    cannot be found in it (a string of ``kind`` itself can)."""
    _, uncased, ascii_guard = guarded
    return all(guard is None or any(kind(needle) for needle in guard) for guard in (uncased, ascii_guard))
