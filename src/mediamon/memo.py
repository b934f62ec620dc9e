"""Memos of per-word results whose memory stays bounded on any stream.

The support stage, the role rules and the name finders remember what they computed for a
word form (its normalised key, its features, an alias's ambiguity), segmentation what it
made of a short line, the cue patterns which groups a first character opens. A stream's
vocabulary grows without end (names, numbers, typos), so each memo is emptied when it
reaches its limit (:data:`LIMIT` unless the caller names its own); it refills at once with
the words of the text at hand.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from typing import Any, Generic, TypeVar

__all__ = ["LIMIT", "LastText", "LineVerdicts", "make_room"]

_T = TypeVar("_T")

#: Entries a memo holds before it is emptied.
LIMIT = 100_000


def make_room(memo: dict[Any, Any], limit: int | None = None) -> None:
    """Empty ``memo`` when it holds ``limit`` (default :data:`LIMIT`) entries; call before adding one."""
    if len(memo) >= (LIMIT if limit is None else limit):
        memo.clear()


class LastText(Generic[_T]):
    """What ``build`` made of the last text asked about (by identity, not by comparing the
    text): per-find tests over a whole text (``is the word written in lower case anywhere
    else?``) read the text once, not once per find, which was quadratic in the text. One
    state object, swapped whole, so threads sharing the memo never mix two texts."""

    def __init__(self, build: Callable[[str], _T]) -> None:
        self._build = build
        self._last: tuple[str, _T] | None = None

    def __call__(self, text: str) -> _T:
        last = self._last
        if last is not None and last[0] is text:
            return last[1]
        value = self._build(text)
        self._last = (text, value)
        return value


_LINE_BREAK = re.compile("\n")


class LineVerdicts:
    """A test of a line (``verdict``) asked of the line around a position of a text, each line
    read once: the finds of one line ask in turn, and finding a long line's ends and reading
    its words once per find was quadratic in the line. Remembers the last text asked about."""

    def __init__(self, verdict: Callable[[str], bool]) -> None:
        self._verdict = verdict
        self._lines: LastText[tuple[list[int], dict[int, bool]]] = LastText(
            lambda text: ([m.start() for m in _LINE_BREAK.finditer(text)], {})
        )

    def bounds(self, text: str, pos: int) -> tuple[int, int]:
        """The start and end (before its line break) of the line holding ``pos``."""
        return _line_bounds(self._lines(text)[0], len(text), pos)

    def __call__(self, text: str, pos: int) -> bool:
        breaks, verdicts = self._lines(text)
        start, end = _line_bounds(breaks, len(text), pos)
        found = verdicts.get(start)
        if found is None:
            found = verdicts[start] = self._verdict(text[start:end])
        return found


def _line_bounds(breaks: list[int], size: int, pos: int) -> tuple[int, int]:
    """The line holding ``pos`` in a text of ``size`` characters with line breaks at ``breaks``."""
    k = bisect.bisect_left(breaks, pos)  # the line's break, the first at or after pos
    return (breaks[k - 1] + 1 if k else 0), (breaks[k] if k < len(breaks) else size)
