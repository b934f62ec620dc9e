"""Web and e-mail addresses: spans of a text that hold no mention.

A URL's path repeats the headline's words (``/news/iraq-syria-border-clash``) and an
address names its host (``desk@reuters.com``); counted as mentions they would inflate
every entity a link names and let a slug support an ambiguous place. The annotator drops
gazetteer candidates and discovered names that overlap an address, before the support
stage. A link a translation broke at spaces leaves pieces that are masked too: a long
hyphen slug, a path piece, and the word right after an address that continues its path
(``continuations``). The patterns are data (``data/web_spans.json``).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from typing import Protocol, TypeVar

import attrs

from mediamon.errors import DataFileError, Msg
from mediamon.resources import compile_patterns, data_path, load_json, string, string_list

__all__ = ["WebSpans", "outside", "web_spans"]

_SOURCE = "web_spans.json"

Span = tuple[int, int]


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


_S = TypeVar("_S", bound=_Spanned)


@attrs.frozen
class WebSpans:
    """What a text holding an address holds (``markers``), where addresses can be
    (``trigger``), the characters of the word holding one (``word``), one pattern
    joining every kind of address, and the patterns of a word that continues a mask
    (``continuations``, matched at its end; group 1 is the word)."""

    markers: tuple[str, ...]
    trigger: re.Pattern[str]
    word: re.Pattern[str]
    pattern: re.Pattern[str]
    continuations: tuple[re.Pattern[str], ...] = ()

    @classmethod
    @functools.cache
    def bundled(cls) -> WebSpans:
        """The rules of ``data/web_spans.json`` (validated on first use)."""
        data = load_json(_SOURCE)
        source = data_path(_SOURCE)
        patterns = string_list(data, "patterns", source=source, required=True)
        (trigger,) = compile_patterns((string(data, "trigger", source=source),), source=source, key="trigger")
        word_chars = string(data, "word_chars", source=source) + "+"
        (word,) = compile_patterns((word_chars,), source=source, key="word_chars", flags=0)
        compile_patterns(patterns, source=source, key="patterns")  # a bad one is named on error
        joined = re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
        continuations = compile_patterns(
            string_list(data, "continuations", source=source), source=source, key="continuations", flags=0
        )
        if any(c.groups < 1 for c in continuations):
            raise DataFileError(
                Msg.DATA_FILE.format(detail="each 'continuations' pattern needs a group: the word masked"),
                path=source,
            )
        markers = string_list(data, "markers", source=source, required=True)
        return cls(markers, trigger, word, joined, continuations)

    def find(self, text: str) -> list[Span]:
        """The (start, end) spans of the addresses in ``text``, in order and disjoint.

        Linear in the text: each word around a trigger hit is searched once, and the scan
        goes on after it.
        """
        spans: list[Span] = []
        for marker in self.markers:  # a loop: no generator made once per field of every article
            if marker in text:
                break
        else:
            return spans
        word = self.word
        pos = 0
        while (hit := self.trigger.search(text, pos)) is not None:
            left = hit.start()
            while left > pos and word.fullmatch(text, left - 1, left):
                left -= 1
            right_match = word.match(text, hit.start())
            right = max(right_match.end() if right_match else hit.end(), hit.end())
            piece = text[left:right]
            spans.extend(
                (left + m.start(), left + m.end())
                for m in self.pattern.finditer(piece)
                if m.end() > m.start()
            )
            pos = right
        return self._continued(text, spans) if spans and self.continuations else spans

    def _continued(self, text: str, spans: list[Span]) -> list[Span]:
        """``spans`` with the words that continue them (``continuations``), merged where they
        meet a later span: still in order and disjoint. Linear: a continuation is matched
        once at each mask's end and only reads forward over spaces and one word."""
        out: list[Span] = []
        for start, end in spans:
            if out and start < out[-1][1]:  # an address inside the last continuation: one mask
                last = out.pop()
                out.append((last[0], max(end, last[1])))
            else:
                out.append((start, end))
            while True:
                found = None
                for pattern in self.continuations:  # a loop: few patterns, no generator per mask
                    found = pattern.match(text, out[-1][1])
                    if found is not None:
                        break
                if found is None:
                    break
                out.append((found.start(1), found.end(1)))
        return out


def web_spans(text: str) -> list[Span]:
    """The addresses in ``text`` by the bundled rules (see :class:`WebSpans`)."""
    return WebSpans.bundled().find(text)


def outside(items: Sequence[_S], spans: Sequence[Span]) -> list[_S]:
    """``items`` (anything with ``start``/``end``) that overlap none of ``spans``.

    ``spans`` are in order and disjoint (as :meth:`WebSpans.find` gives them), so each item
    is checked against the one span that could hold it.
    """
    if not spans:
        return list(items)
    ends = [end for _, end in spans]
    kept = []
    for item in items:
        k = bisect.bisect_right(ends, item.start)  # the first span ending after the item starts
        if k == len(spans) or spans[k][0] >= item.end:
            kept.append(item)
    return kept
