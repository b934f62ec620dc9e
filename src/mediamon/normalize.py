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

import bisect
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence

import attrs

__all__ = [
    "WHITESPACE_RULE",
    "ContextRule",
    "NormalizedText",
    "Step",
    "TableNormalizer",
    "build_table",
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
    """A change that depends on neighbours (``U.S.`` -> ``us``), as a regex and a replacement."""

    name: str
    pattern: str
    replace: Callable[[re.Match[str]], str]


#: Runs of white space, and odd white space (no-break space, tabs), become one plain space.
WHITESPACE_RULE = ContextRule("whitespace", r"[^\S\n]{2,}|[^\S\n ]", lambda m: " ")


@attrs.frozen(eq=False)
class NormalizedText:
    """Normalised text with the way back: positions in ``text`` map to spans of ``original``."""

    original: str
    text: str
    # Parallel lists, one entry per length-changing edit, in order.
    _orig_starts: Sequence[int] = attrs.field(alias="orig_starts")
    _orig_ends: Sequence[int] = attrs.field(alias="orig_ends")
    _norm_starts: Sequence[int] = attrs.field(alias="norm_starts")
    _norm_ends: Sequence[int] = attrs.field(alias="norm_ends")
    _soft: Sequence[bool] = attrs.field(alias="soft")

    def to_original_start(self, pos: int) -> int:
        """Original index of the character that produced normalised ``pos``."""
        k = bisect.bisect_right(self._norm_starts, pos) - 1
        if k < 0:
            return pos
        if pos < self._norm_ends[k]:
            return self._orig_starts[k]
        return self._orig_ends[k] + (pos - self._norm_ends[k])

    def to_original_end(self, end: int) -> int:
        """Original end (exclusive) of normalised span ending at ``end``, with trailing marks."""
        if end <= 0:
            return 0
        k = bisect.bisect_right(self._norm_starts, end - 1) - 1
        if k >= 0 and end - 1 < self._norm_ends[k]:
            orig = self._orig_ends[k]
        else:
            orig = self.to_original_start(end - 1) + 1
        # Deleted combining marks right after the span belong to its last letter.
        k = bisect.bisect_left(self._orig_starts, orig)
        while k < len(self._orig_starts) and self._orig_starts[k] == orig and self._soft[k]:
            orig = self._orig_ends[k]
            k += 1
        return orig

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original (start, end) of normalised ``[start:end]``."""
        return self.to_original_start(start), self.to_original_end(end)


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
        self._reasons = dict(reasons)
        self._one = str.maketrans({c: r for c, r in mapping.items() if len(r) == 1})
        self._other = {c: r for c, r in mapping.items() if len(r) != 1}
        self._rules = tuple(rules)
        alternatives = [f"(?P<r{i}>{rule.pattern})" for i, rule in enumerate(self._rules)]
        if self._other:
            alternatives.append("[" + "".join(_class_escape(c) for c in sorted(self._other)) + "]")
        self._edit_re = re.compile("|".join(alternatives)) if alternatives else None
        self._soft = frozenset(
            c for c, r in self._other.items() if r == "" and unicodedata.category(c) == "Mn"
        )

    def _replacement(self, match: re.Match[str]) -> str:
        group = match.lastgroup
        if group is not None:
            return self._rules[int(group[1:])].replace(match).translate(self._one)
        return self._other[match.group()]

    def normalize(self, text: str) -> str:
        """The normalised text (idempotent)."""
        if self._edit_re is not None:
            text = self._edit_re.sub(self._replacement, text)
        return text.translate(self._one)

    def normalize_with_map(self, text: str) -> NormalizedText:
        """The normalised text and its offset map back to ``text``."""
        orig_starts: list[int] = []
        orig_ends: list[int] = []
        norm_starts: list[int] = []
        norm_ends: list[int] = []
        soft: list[bool] = []
        if self._edit_re is None:
            return NormalizedText(
                text,
                text.translate(self._one),
                orig_starts,
                orig_ends,
                norm_starts,
                norm_ends,
                soft,
            )
        pieces: list[str] = []
        last = 0
        shift = 0
        for match in self._edit_re.finditer(text):
            start, end = match.span()
            replacement = self._replacement(match)
            if replacement == match.group():
                continue
            pieces.append(text[last:start])
            pieces.append(replacement)
            norm_start = start + shift
            orig_starts.append(start)
            orig_ends.append(end)
            norm_starts.append(norm_start)
            norm_ends.append(norm_start + len(replacement))
            soft.append(replacement == "" and all(c in self._soft for c in match.group()))
            shift += len(replacement) - (end - start)
            last = end
        pieces.append(text[last:])
        out = "".join(pieces).translate(self._one)
        return NormalizedText(text, out, orig_starts, orig_ends, norm_starts, norm_ends, soft)

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


def _class_escape(char: str) -> str:
    return "\\" + char if char in "\\]^-[" else char
