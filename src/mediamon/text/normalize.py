"""The normalisation engine both language normalisers are built on.

A normaliser is a per-character table (built once, lazily, from named steps) plus a
few contextual rules (regular expressions). Characters whose mapping keeps their
length are applied with one ``str.translate`` pass at C speed; only characters that
are deleted or expand, and contextual rules, become *edits*, and the offset map back
to the original text is recorded at those edits alone.

Every change is attributable to a named step, so :meth:`TableNormalizer.explain` can
say why a text was normalised as it was (the way ftfy explains its fixes).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import attrs

from mediamon import engine as engines
from mediamon.engine import Engine

__all__ = [
    "ContextRule",
    "NormalizedText",
    "Step",
    "TableNormalizer",
    "build_table",
    "hashtag_sign_rule",
]


@attrs.frozen
class Step:
    """One explained change: which step turned ``before`` (at ``start`` in the original) into ``after``."""

    name: str
    start: int
    before: str
    after: str


@attrs.frozen
class ContextRule:
    """A change that depends on neighbours (``U.S.`` -> ``us``), as a regex and a replacement.

    ``trigger``, when given, is two strings of characters: every match starts with a
    character of the first followed by one of the second. A text without such a pair is
    not searched (the native engine checks this in C). ``needs``, when given, is characters
    of which every match holds one: a text with none of them is not searched either.
    ``within``, when given, is characters every match is made of only (lookarounds aside):
    any other character is never edited by the rule (see :meth:`TableNormalizer.keeps`).
    """

    name: str
    pattern: str
    replace: Callable[[re.Match[str]], str]
    trigger: tuple[str, str] | None = None
    needs: str | None = None
    within: str | None = None


@attrs.frozen(eq=False)
class NormalizedText:
    """Normalised text with the way back: positions in ``text`` map to spans of ``original``.

    The map is the engine's (:mod:`mediamon.engine`): either engine answers the same.
    """

    original: str
    #: The engine's offset map (``Mapped`` of ``mediamon.engine._native`` or ``_python``).
    mapped: Any = attrs.field(repr=False)

    @property
    def text(self) -> str:
        """The normalised text (made on first use: the scans read the map's buffer, not this)."""
        text: str = self.mapped.text
        return text

    def to_original_start(self, pos: int) -> int:
        """Original index of the character that produced normalised ``pos``."""
        return int(self.mapped.to_original_start(pos))

    def to_original_end(self, end: int) -> int:
        """Original end (exclusive) of normalised span ending at ``end``, with trailing marks."""
        return int(self.mapped.to_original_end(end))

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original (start, end) of normalised ``[start:end]``."""
        start, end = self.mapped.span(start, end)
        return start, end


def build_table(
    chars: Iterable[str], steps: Sequence[tuple[str, Callable[[str], str]]]
) -> tuple[dict[str, str], dict[str, str]]:
    """Run each character through the named steps; return (mapping, step that first changed it)."""
    mapping: dict[str, str] = {}
    reasons: dict[str, str] = {}
    for char in chars:
        out = char
        for name, step in steps:
            changed = "".join(step(c) for c in out)
            if changed != out:
                reasons.setdefault(char, name)
                out = changed
        if out != char:
            mapping[char] = out
    return mapping, reasons


class TableNormalizer:
    """A normaliser from a per-character table plus contextual rules (see the module docstring)."""

    def __init__(
        self,
        lang: str,
        mapping: Mapping[str, str],
        reasons: Mapping[str, str],
        rules: Sequence[ContextRule] = (),
    ):
        self.lang = lang
        #: the last results of normalize_with_map, newest first (at most RECENT_MAPS)
        self._recent: list[tuple[str, Engine, NormalizedText]] = []
        self._tables: dict[str, Any] = {}
        self._searches: dict[str, tuple[tuple[re.Pattern[str], Any, Any, Any], ...]] = {}
        self._reasons = dict(reasons)
        mapping = {c: r if len(r) <= 1 else r.replace(" ", "") or " " for c, r in mapping.items()}
        self._one = str.maketrans({c: r for c, r in mapping.items() if len(r) == 1})
        self._other = {c: r for c, r in mapping.items() if len(r) != 1}
        self._rules = (*rules, _space_rule(mapping))
        self._context = tuple(rules)
        self._spacing, self._deleted = _space_sets(mapping)
        alternatives = [f"(?P<r{i}>{rule.pattern})" for i, rule in enumerate(self._rules)]
        if self._other:
            alternatives.append("[" + "".join(_class_escape(c) for c in sorted(self._other)) + "]")
        self._edit_re = re.compile("|".join(alternatives)) if alternatives else None
        self._edit_test = _edit_test(self._context, self._spacing, self._deleted, self._other)
        # ASCII maps to ASCII one to one here (the usual case): an ASCII text is translated as bytes
        ascii_one = {c: self._one.get(c, c) for c in range(128)}
        self._ascii: bytes | None = None
        if all(isinstance(r, int) or r.isascii() for r in ascii_one.values()):
            self._ascii = bytes(r if isinstance(r, int) else ord(r) for r in ascii_one.values())
            self._ascii += bytes(range(128, 256))
        self._soft = frozenset(
            c for c, r in self._other.items() if r == "" and unicodedata.category(c) == "Mn"
        )

    def _replacement(self, match: re.Match[str]) -> str:
        group = match.lastgroup
        if group is not None:
            return self._rules[int(group[1:])].replace(match).translate(self._one_codes)
        return self._other[match.group()]

    @functools.cached_property
    def _one_codes(self) -> list[int]:
        """The one-to-one table as a list, code point -> its output's, up to the last one the
        table changes: ``str.translate`` reads it without the ``KeyError`` a dict raises for
        each character it leaves (most) nor a string made per character; a code point beyond
        it is left as well."""
        codes = list(range(max(self._one, default=-1) + 1))
        for code, out in self._one.items():
            codes[code] = out if isinstance(out, int) else ord(out)
        return codes

    @functools.cached_property
    def _lookup(self) -> Any:
        """The one-to-one table as a numpy array over the Basic Multilingual Plane."""
        import numpy as np

        table = np.arange(0x10000, dtype=np.uint32)
        for code, out in self._one.items():
            if code < 0x10000:
                table[code] = out if isinstance(out, int) else ord(out)
        return table

    def _one_to_one(self, text: str) -> str:
        """Apply the length-keeping table: ``str.translate`` for short texts, numpy for long ones.

        ``str.translate`` with a dict runs at about 20 MB/s on non-ASCII text; a numpy
        look-up over UTF-32 code units is several times faster once the text is long
        enough to pay for the conversion.
        """
        if text.isascii():
            if self._ascii is not None:
                return text.encode("ascii").translate(self._ascii).decode("ascii")
            return text.translate(self._one_codes)
        if len(text) < NUMPY_MIN:
            return text.translate(self._one_codes)
        import numpy as np

        codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        mapped = self._lookup[np.minimum(codes, 0xFFFF)]
        astral = codes > 0xFFFF
        if astral.any():
            mapped = np.where(astral, codes, mapped)
        return str(mapped.astype(np.uint32).tobytes().decode("utf-32-le", "surrogatepass"))

    def normalize(self, text: str) -> str:
        """The normalised text (idempotent)."""
        if self._edit_re is not None and (self._edit_test is None or self._edit_test.search(text)):
            text = self._edit_re.sub(self._replacement, text)
        return self._one_to_one(text)

    def char_by_char(self, text: str) -> str | None:
        """``normalize(text)`` when no edit applies to ``text`` (no context rule, whitespace run,
        deletion nor expansion: each character is mapped to one by the table alone, so the
        normal form keeps the length of ``text`` and each prefix of ``text`` normalises to the
        prefix of it); None when one may (then only :meth:`normalize` tells)."""
        if self._edit_re is not None and (self._edit_test is None or self._edit_test.search(text)):
            return None
        return self._one_to_one(text)

    @functools.cached_property
    def _fragile(self) -> frozenset[str] | None:
        """Characters whose normal form may be empty or whitespace, or that a rule may edit; None
        when a rule does not say what its matches are made of (``ContextRule.within``)."""
        if any(rule.within is None for rule in self._rules):
            return None
        fragile = {" ", *self._spacing, *self._deleted, *self._other}
        for rule in self._rules:
            fragile.update(rule.within or "")
        one = self._one.items()
        fragile.update(chr(code) for code, out in one if not isinstance(out, str) or out.isspace())
        return frozenset(fragile)

    def keeps(self, text: str, n: int) -> bool:
        """Whether ``normalize(text).strip()`` is sure to hold at least ``n`` characters, told
        without normalising: ``text`` holds ``n`` characters no rule edits and the table maps
        one to one onto characters that are not whitespace (each stays, as one character of
        the normal form; the first few characters of most texts answer). False means unsure."""
        fragile = self._fragile
        if fragile is None:
            return False
        for char in text:
            if char not in fragile and not char.isspace():
                n -= 1
                if n <= 0:
                    return True
        return False

    def context_edits(self, text: str, engine: Engine | None = None) -> bool:
        """Whether a context rule (one that reads a character's neighbours: a word broken by
        tatweels and dots, a hashtag's sign) changes ``text``: its words normalised one at a
        time then differ from the words of its normal form."""
        return any(edit[2] is not None for edit in self._edits(text, engine or engines.current()))

    def normalize_with_map(self, text: str, engine: Engine | None = None) -> NormalizedText:
        """The normalised text and its offset map back to ``text``, made by ``engine`` (default: current).

        The last :data:`RECENT_MAPS` results are kept: matching asks again for the same
        texts (the prominent-surname scan of each field after the gazetteer scan of all an
        article's fields: its title and body), and the map is immutable.
        """
        engine = engine or engines.current()
        recent = self._recent
        for last in recent:
            if last[0] is text and last[1] is engine:
                return last[2]
        mapped = engine.normalize(self._table(engine), text, self._edits(text, engine))
        result = NormalizedText(text, mapped)
        recent.insert(0, (text, engine, result))
        del recent[RECENT_MAPS:]
        return result

    def _table(self, engine: Engine) -> Any:
        """This normaliser's character table in ``engine``, made once per engine."""
        table = self._tables.get(engine.NAME)
        if table is None:
            other = {c: r.translate(self._one) for c, r in self._other.items()}
            spacing = {" ", *self._spacing}
            table = engine.CharTable(dict(self._one), other, spacing, spacing | self._deleted, self._soft)
            self._tables[engine.NAME] = table
        return table

    def _rule_searches(self, engine: Engine) -> tuple[tuple[re.Pattern[str], Any, Any, Any], ...]:
        """The context rules' regexes, each searched on its own, with their triggers in ``engine``.

        One regex per rule runs several times faster than their alternation (a scan that
        can skip to the rule's first character); a rule's trigger pair (two character sets
        of the engine) and its ``needs`` set, checked first, skip texts it cannot match.
        Made once per engine.
        """
        searches = self._searches.get(engine.NAME)
        if searches is None:
            searches = tuple(
                (
                    re.compile(rule.pattern),
                    *(
                        (None, None)
                        if rule.trigger is None
                        else (
                            engines.char_set(rule.trigger[0], engine),
                            engines.char_set(rule.trigger[1], engine),
                        )
                    ),
                    None if rule.needs is None else engines.char_set(rule.needs, engine),
                )
                for rule in self._context
            )
            self._searches[engine.NAME] = searches
        return searches

    def _edits(self, text: str, engine: Engine) -> list[tuple[int, int, str | None]]:
        """The context rules' edits of ``text``: sorted, non-overlapping (start, end, replacement).

        A replacement of None marks a match whose replacement is the match itself: its
        characters are left to the table.
        """
        found: list[tuple[int, int, int, re.Match[str]]] = []
        for index, (pattern, first, second, needs) in enumerate(self._rule_searches(engine)):
            if first is not None and not first.pair_in(text, second):
                continue
            if needs is not None and not needs.any_in(text):
                continue
            if pattern.search(text) is not None:  # most texts have none: a search is cheaper
                found.extend((m.start(), index, m.end(), m) for m in pattern.finditer(text))
        edits: list[tuple[int, int, str | None]] = []
        if found:
            found.sort(key=lambda f: (f[0], f[1]))
            reach = 0
            for start, index, end, match in found:
                if start < reach:
                    continue
                replacement = self._context[index].replace(match).translate(self._one_codes)
                changed = replacement != match.group()
                edits.append((start, end, replacement.translate(self._one_codes) if changed else None))
                reach = end
        return edits

    def sources(self, chars: Iterable[str]) -> frozenset[str] | None:
        """Characters of a text that can put one of ``chars`` into its normalised form, or None
        when no such bound holds (a context rule without a trigger may write anything).

        A text holding none of them normalises to a text holding none of ``chars``: a side
        whose keys all start with such characters has nothing to find in it. The first
        characters of the context rules' triggers are included, since their replacements
        are written by code.
        """
        wanted = frozenset(chars)
        out = {c for c in wanted if ord(c) not in self._one and c not in self._other}
        out.update(chr(code) for code, one in self._one.items() if one in wanted)
        out.update(c for c, more in self._other.items() if wanted & set(more.translate(self._one)))
        for rule in self._context:
            if rule.trigger is None:
                return None
            out.update(rule.trigger[0])
        return frozenset(out)

    def explain(self, text: str) -> list[Step]:
        """Each change the normaliser makes to ``text``, named by the step that made it."""
        steps: list[Step] = []
        edited: set[int] = set()
        if self._edit_re is not None:
            for match in self._edit_re.finditer(text):
                if match.lastgroup is not None:
                    after = self._replacement(match)
                    if after != match.group():
                        steps.append(
                            Step(
                                self._rules[int(match.lastgroup[1:])].name,
                                match.start(),
                                match.group(),
                                after,
                            )
                        )
                        edited.update(range(match.start(), match.end()))
        for i, char in enumerate(text):
            if i in edited:
                continue
            other = self._other.get(char)
            after = char.translate(self._one) if other is None else other
            if after != char:
                steps.append(Step(self._reasons.get(char, "table"), i, char, after))
        steps.sort(key=lambda s: s.start)
        return steps


NUMPY_MIN = 2048
#: Results ``normalize_with_map`` keeps, by text identity: the fields of one article (its
#: title and body), each asked for again by the prominent-surname scan.
RECENT_MAPS = 2


def hashtag_sign_rule(signs: str, letter_class: str, letters: str, mapping: Mapping[str, str]) -> ContextRule:
    """``hashtag-sign``: a sign of ``signs`` opening a word before a letter (``letters``, the
    inside of a character class) is deleted (``قطاع #غزة`` -> ``قطاع غزة``, ``northern #Gaza
    Strip`` -> ``northern gaza strip``); after a letter, a digit, ``_`` or another sign it
    stays (``حماس#غزة``, ``##Gaza``). ``letter_class`` is the inside of a character class of
    the ``letters``.

    Characters the table deletes (``mapping`` to ``""``: bidi marks) may stand between the
    sign and the letter, and are skipped when the character before the sign is read; that
    character is read as the table writes it (the last character of its mapping: ``_`` and
    ``ǃ`` become a space and ``!`` in English, ``⑴`` becomes ``(1)``), so normalised text
    gives the same answer (idempotence). Linear: each sign looks ahead over its own run of
    such characters and back over the run before it.
    """
    deleted = frozenset(c for c, r in mapping.items() if r == "")
    deleted_class = re.escape("".join(sorted(deleted)))
    pattern = f"[{re.escape(signs)}](?=[{deleted_class}]*+[{letter_class}])"

    def replace(match: re.Match[str]) -> str:
        text, i = match.string, match.start()
        while i > 0 and text[i - 1] in deleted:
            i -= 1
        before = mapping.get(text[i - 1], text[i - 1])[-1:] if i > 0 else ""
        return match.group() if before.isalnum() or before == "_" or (before and before in signs) else ""

    return ContextRule(
        "hashtag-sign", pattern, replace, trigger=(signs, signs + "".join(deleted) + letters), within=signs
    )


def _space_sets(mapping: Mapping[str, str]) -> tuple[set[str], set[str]]:
    """(spacing characters other than the plain space and newline, deleted characters)."""
    spacing = {c for c, r in mapping.items() if r == " "}
    spacing |= {c for c in map(chr, range(0x3001)) if c.isspace()}
    spacing -= {"\n", " "}
    deleted = {c for c, r in mapping.items() if r == ""}
    return spacing, deleted


def _edit_test(
    rules: Sequence[ContextRule], spacing: Iterable[str], deleted: Iterable[str], other: Iterable[str]
) -> re.Pattern[str] | None:
    """A regex found in every text that ``normalize``'s edits change: each rule's trigger pair,
    the whitespace rule's (a spacing character, then a spacing or deleted one) and any
    character of more or fewer than one (most words have none, and the test is cheaper than
    the edits' search); None when a rule has no trigger."""
    if any(rule.trigger is None for rule in rules):
        return None
    space = "".join(_class_escape(c) for c in sorted({" ", *spacing}))
    tail = "".join(_class_escape(c) for c in sorted({" ", *spacing, *deleted}))

    def chars(found: Iterable[str]) -> str:
        return "".join(_class_escape(c) for c in sorted(set(found)))

    triggers = [rule.trigger for rule in rules if rule.trigger is not None]
    pairs = [f"[{chars(first)}][{chars(second)}]" for first, second in triggers]
    pairs.append(f"[{space}][{tail}]")
    if other:
        pairs.append(f"[{chars(other)}]")
    return re.compile("|".join(pairs))


def _space_rule(mapping: Mapping[str, str]) -> ContextRule:
    """Any run of spacing and deleted characters starting with a space becomes exactly one space.

    This keeps normalisation idempotent (a dash or a deleted mark between two spaces must
    not leave two spaces) and lets ``al - Kadhimi`` meet ``al Kadhimi``. A run starts at
    its first spacing character: deleted characters before it need no help, since
    deleting them cannot bring two spaces together. A lone spacing character is left to
    the table, so the common single space costs nothing here, and every match starts
    with a character class, so the scan stays fast and linear.
    """
    spacing, deleted = _space_sets(mapping)
    other = "".join(_class_escape(c) for c in sorted(spacing))
    tail = " " + other + "".join(_class_escape(c) for c in sorted(deleted))
    return ContextRule(
        "whitespace", f"[ {other}][{tail}]++", lambda m: " ", within=" " + "".join(spacing | deleted)
    )


def _class_escape(char: str) -> str:
    return "\\" + char if char in "\\]^-[" else char
