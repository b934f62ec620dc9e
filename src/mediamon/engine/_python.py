"""The pure-Python engine: the same interface and results as the native core, in ``re`` and ``str``.

It is the fall-back where no C compiler built the native core, and the oracle the native
core is tested against (``tests/engine/``). Each function and class here has the native
twin of the same name in ``_native.pyx``; :mod:`mediamon.engine` picks one module and
callers never look at which.

- :class:`CharTable` and :func:`normalize`: a normaliser's table applied with
  ``str.translate`` between the caller's context-rule edits, the length-changing
  characters and whitespace runs found by one regex; the offset map is kept at those
  edits only (:class:`Mapped`).
- :class:`Trie`: normalised keys in a pyahocorasick automaton; every substring hit is
  filtered here to whole words and allowed proclitics, as the native trie walk produces
  them directly.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import random
import re
from collections.abc import Callable, Collection, Iterable, Sequence
from typing import Any, TypeVar

__all__ = [
    "NAME",
    "CharSet",
    "CharTable",
    "Mapped",
    "Trie",
    "crf_viterbi",
    "crf_window",
    "feature_rows",
    "label_hits",
    "latin_words",
    "marked_words",
    "name_hits",
    "nb_column",
    "nb_grams",
    "nb_trials",
    "normalize",
    "resolve",
    "script_tally",
    "token_words",
    "word_tally",
    "words",
]

NAME = "python"

_C = TypeVar("_C", bound=tuple[Any, ...])
_T = TypeVar("_T")


def _class(chars: Iterable[str]) -> str:
    """A regex character class body holding exactly ``chars``."""
    return "".join("\\" + c if c in "\\]^-[" else c for c in sorted(set(chars)))


class CharTable:
    """A normaliser's character table: one-to-one outputs, deletions and expansions, run flags."""

    def __init__(
        self,
        one: dict[int, str | int | None],
        other: dict[str, str],
        spacing: Iterable[str],
        tail: Iterable[str],
        soft: Iterable[str],
    ):
        self.one = {code: (None if value is None else value) for code, value in one.items()}
        self.other = dict(other)
        self.soft = frozenset(soft)
        spacing = frozenset(spacing)
        tail = frozenset(tail)
        alternatives = []
        if spacing and tail:
            alternatives.append(f"(?P<run>[{_class(spacing)}][{_class(tail)}]+)")
        if self.other:
            alternatives.append(f"[{_class(self.other)}]")
        self.pattern = re.compile("|".join(alternatives)) if alternatives else None

    def map(self, char: str) -> str:
        """What the table makes of one character ("" for a deletion)."""
        if char in self.other:
            return self.other[char]
        return char.translate(self.one)


class Mapped:
    """Normalised text with the way back, kept at length-changing edits only.

    Each edit maps normalised ``[norm_start, norm_end)`` to original ``[orig_start,
    orig_end)``; outside edits the two texts run in step. A deleted combining mark
    (``soft``) belongs to the letter before it, so a span ending at that letter takes it in.
    """

    def __init__(self, original: str, text: str, edits: list[tuple[int, int, int, int, bool]]):
        self.original = original
        self.text = text
        self._orig_starts = [e[0] for e in edits]
        self._orig_ends = [e[1] for e in edits]
        self._norm_starts = [e[2] for e in edits]
        self._norm_ends = [e[3] for e in edits]
        self._soft = [e[4] for e in edits]

    def __len__(self) -> int:
        return len(self.text)

    def to_original_start(self, pos: int) -> int:
        """Original index of the character that produced normalised ``pos``."""
        if pos >= len(self.text):
            return len(self.original)
        if pos < 0:
            return 0
        k = bisect.bisect_right(self._norm_starts, pos) - 1
        if k < 0:
            return pos
        if pos < self._norm_ends[k]:
            return self._orig_starts[k]
        return self._orig_ends[k] + (pos - self._norm_ends[k])

    def to_original_end(self, end: int) -> int:
        """Original end (exclusive) of the normalised span ending at ``end``, trailing marks included."""
        if end <= 0:
            return 0
        if end > len(self.text):
            return len(self.original)
        k = bisect.bisect_right(self._norm_starts, end - 1) - 1
        if k >= 0 and end - 1 < self._norm_ends[k]:
            orig = self._orig_ends[k]
        else:
            orig = self.to_original_start(end - 1) + 1
        k = bisect.bisect_left(self._orig_starts, orig)
        while k < len(self._orig_starts) and self._orig_starts[k] == orig and self._soft[k]:
            orig = self._orig_ends[k]
            k += 1
        return orig

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original (start, end) of normalised ``[start:end]``."""
        return self.to_original_start(start), self.to_original_end(end)


def normalize(table: CharTable, text: str, edits: list[tuple[int, int, str | None]]) -> Mapped:
    """Normalise ``text`` with ``table``; ``edits`` are the context rules' (start, end, replacement).

    ``edits`` are sorted and do not overlap; a replacement of ``None`` leaves its characters
    to the one-to-one table alone. Between edits, a run of a spacing character and at least
    one more spacing or deleted character becomes one space, and deleted or expanding
    characters are applied, each recorded in the map.
    """
    pieces: list[str] = []
    mapped: list[tuple[int, int, int, int, bool]] = []
    out_len = 0
    one = table.one

    def plain(start: int, end: int) -> None:
        nonlocal out_len
        if start >= end:
            return
        if table.pattern is None:
            piece = text[start:end].translate(one)
            pieces.append(piece)
            out_len += len(piece)
            return
        last = start
        for match in table.pattern.finditer(text, start, end):
            s, e = match.span()
            if s > last:
                piece = text[last:s].translate(one)
                pieces.append(piece)
                out_len += len(piece)
            if match.lastgroup == "run":
                replacement = " "
                soft = False
            else:
                replacement = table.other[match.group()]
                soft = replacement == "" and match.group() in table.soft
            if replacement == "":
                mapped.append((s, e, out_len, out_len, soft))
            else:
                for char in replacement:  # each output character spans its whole source
                    mapped.append((s, e, out_len, out_len + 1, False))
                    pieces.append(char)
                    out_len += 1
            last = e
        if last < end:
            piece = text[last:end].translate(one)
            pieces.append(piece)
            out_len += len(piece)

    position = 0
    for start, end, replacement in edits:
        plain(position, start)
        if replacement is None:
            piece = text[start:end].translate(one)
            pieces.append(piece)
            out_len += len(piece)
        elif replacement == "":
            mapped.append((start, end, out_len, out_len, False))
        else:
            for char in replacement:
                mapped.append((start, end, out_len, out_len + 1, False))
                pieces.append(char)
                out_len += 1
        position = end
    plain(position, len(text))
    return Mapped(text, "".join(pieces), mapped)


class CharSet:
    """A set of characters, with the two questions the word-finding loops ask of a text."""

    def __init__(self, chars: Iterable[str]):
        self.chars = frozenset(chars)
        self._search = re.compile(f"[{_class(self.chars)}]").search if self.chars else None
        self._runs: re.Pattern[str] | None = None

    def __contains__(self, char: object) -> bool:
        return char in self.chars

    def any_in(self, text: str) -> bool:
        """Whether ``text`` holds a character of the set."""
        return self._search is not None and self._search(text) is not None

    def pair_in(self, text: str, second: CharSet) -> bool:
        """Whether ``text`` holds a character of the set followed by one of ``second``."""
        chars, follow = self.chars, second.chars
        return any(a in chars and b in follow for a, b in itertools.pairwise(text))

    def runs(self) -> re.Pattern[str]:
        """A pattern matching maximal runs of the set's characters (made on first use)."""
        if self._runs is None:
            self._runs = re.compile(f"[{_class(self.chars)}]+" if self.chars else "(?!)")
        return self._runs


def _after_word(text: str, i: int) -> bool:
    return i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_")


def _word_end(text: str, i: int, joiners: CharSet) -> int:
    """The end of the word at ``i``: letters and digits, with single ``joiners`` between runs."""
    n = len(text)
    j = i + 1
    while j < n and text[j].isalnum():
        j += 1
    while j + 1 < n and text[j] in joiners and text[j + 1].isalnum():
        j += 2
        while j < n and text[j].isalnum():
            j += 1
    return j


def words(text: str, first: CharSet, joiners: CharSet) -> list[tuple[int, int, str]]:
    """(start, end, word) of the words of ``text`` that begin with a character of ``first``.

    A word is that character and the letters and digits after it, with single ``joiners``
    between runs of them; one that follows a letter, digit or ``_`` is skipped whole.
    """
    out: list[tuple[int, int, str]] = []
    search = first._search
    if search is None:
        return out
    i = 0
    while True:
        found = search(text, i)
        if found is None:
            return out
        i = found.start()
        j = _word_end(text, i, joiners)
        if not _after_word(text, i):
            out.append((i, j, text[i:j]))
        i = j


class Trie:
    """Normalised keys with integer values; hits filtered to whole words and allowed proclitics."""

    def __init__(self) -> None:
        import ahocorasick

        self._automaton = ahocorasick.Automaton()
        self._built = False
        self.size = 0
        self._kinds: bytes | None = None
        self._allowed = b""
        self._width = 1
        self._prefixes: Trie | None = None
        self._max_prefix = 0

    def __len__(self) -> int:
        return self.size

    @property
    def nbytes(self) -> int:
        return int(self._automaton.get_stats()["total_size"])

    def add(self, key: str, value: int) -> None:
        if value < 0:
            raise ValueError("trie values are non-negative")
        if key not in self._automaton:
            self.size += 1
        self._automaton.add_word(key, (value, len(key)))
        self._built = False

    def get(self, key: str, default: int | None = None) -> int | None:
        found = self._automaton.get(key, None)
        return default if found is None else int(found[0])

    def configure(self, prefixes: Trie | None, kinds: bytes, allowed: bytes, width: int) -> None:
        """Set what :meth:`scan` filters hits with: each value's kind, and which proclitics it takes.

        ``allowed[kind * width + proclitic id]`` says whether a kind may follow that proclitic
        (id 0: none; ids are ``prefixes``' values).
        """
        if width < 1 or max(kinds, default=0) * width + width > len(allowed):
            raise ValueError("allowed needs width entries per kind")
        self._prefixes = prefixes
        self._kinds = kinds
        self._allowed = allowed
        self._width = width
        self._max_prefix = 0 if prefixes is None else max(map(len, prefixes._automaton.keys()), default=0)

    def _automaton_ready(self) -> Any:
        if not self._built:
            if self.size:
                self._automaton.make_automaton()
            self._built = True
        return self._automaton

    def scan(self, text: Mapped | Any) -> list[tuple[int, int, int, int]]:
        """Hits of whole keys: (original start, original end, value, proclitic length)."""
        if self._kinds is None:
            raise ValueError("configure() the trie before scanning")
        if not self.size:
            return []
        norm = text.text
        size = len(norm)
        kinds, allowed, width = self._kinds, self._allowed, self._width
        prefixes, max_prefix = self._prefixes, self._max_prefix
        found: list[tuple[int, int, int, tuple[int, int, int, int]]] = []
        for last, (value, length) in self._automaton_ready().iter(norm):
            end = last + 1
            if end < size and norm[end].isalnum():
                continue
            start = end - length
            word_start = start
            while word_start > 0 and norm[word_start - 1].isalnum():
                word_start -= 1
                if start - word_start > max_prefix:
                    break
            cut = start - word_start
            if cut > max_prefix:
                continue
            pid = 0
            if cut:
                prefix_id = None if prefixes is None else prefixes.get(norm[word_start:start])
                if prefix_id is None:
                    continue
                pid = prefix_id
            if not allowed[kinds[value] * width + pid]:
                continue
            o_start, o_end = text.span(start, end)
            found.append((word_start, cut, end, (o_start, o_end, value, cut)))
        found.sort()  # the native walk's order: by word start, then proclitic length, then end
        return [hit for *_, hit in found]

    def scan_tokens(self, stream: str) -> list[tuple[int, int, int]]:
        """Hits of whole keys in a stream of space-separated tokens: (first token, last token, value)."""
        if not self.size:
            return []
        starts: dict[int, int] = {}
        ends: dict[int, int] = {}
        pos = 0
        for i, token in enumerate(stream.split(" ")):
            starts[pos] = i
            ends[pos + len(token)] = i
            pos += len(token) + 1
        out = []
        for last, (value, length) in self._automaton_ready().iter(stream):
            first_token = starts.get(last + 1 - length)
            last_token = ends.get(last + 1)
            if first_token is not None and last_token is not None:
                out.append((first_token, last_token, value))
        out.sort()
        return out


def resolve(candidates: list[_C], length: int, rank: dict[str, int]) -> list[_C]:
    """Non-overlapping candidates, longest first, ties to the earliest start, then the best ``rank[how]``.

    Candidates are tuples starting (start, end, how, ...); the kept ones come back in
    text order; equal candidates keep their input order.
    """
    if len(candidates) < 2:
        return list(candidates)
    for cand in candidates:
        if cand[0] < 0 or cand[1] > length or cand[0] > cand[1]:
            raise ValueError(f"candidate {cand[0]}:{cand[1]} outside a text of length {length}")
    ordered = sorted(candidates, key=lambda c: (c[0] - c[1], c[0], rank[c[2]]))
    taken = bytearray(length + 1)
    kept = []
    for cand in ordered:
        start, end = cand[0], cand[1]
        if any(taken[start:end]):
            continue
        taken[start:end] = b"\x01" * (end - start)
        kept.append(cand)
    kept.sort(key=lambda c: c[0])
    return kept


def name_hits(
    trie: Trie,
    text: str,
    first: CharSet,
    joiners: CharSet,
    cache: dict[str, tuple[str, ...]],
    compute: Callable[[str], tuple[str, ...]],
    joined: Callable[[str, int, int], object],
    endings: Collection[str],
) -> list[tuple[int, int, int]]:
    """Hits of ``trie``'s keys over runs of keyed words: (start, end, value), in text order.

    The words of ``text`` that start with ``first`` get their keys (``cache``, else
    ``compute``); consecutive keyed words form a run unless what stands between them is
    neither one plain space nor ``joined``; a hit is a sequence of consecutive keys of one
    run whose space-joined form is a key of ``trie``, spanning from its first word's start
    to its last word's end (a possessive ending in ``endings`` left out).
    """
    keys: list[str | None] = []
    spans: list[tuple[int, int]] = []
    previous_end = -1
    for start, end, word in words(text, first, joiners):
        found = cache.get(word)
        if found is None:
            found = compute(word)
        if not found:
            continue
        if (
            previous_end >= 0
            and not (start == previous_end + 1 and text[previous_end] == " ")
            and joined(text, previous_end, start) is None
        ):
            keys.append(None)
            spans.append((previous_end, previous_end))
        previous_end = end
        name_end = end - 2 if end - start >= 2 and word[-2:] in endings else end
        for key in found:
            keys.append(key)
            spans.append((start, name_end))
    if not keys:
        return []
    stream = " ".join("|" if key is None else key for key in keys)
    out = []
    for first_token, last_token, value in trie.scan_tokens(stream):
        if any(keys[t] is None for t in range(first_token, last_token + 1)):
            continue
        out.append((spans[first_token][0], spans[last_token][1], value))
    return out


# --- language ID: langdetect's naive-Bayes scoring ---------------------------------------------


def nb_grams(text: str, index: dict[str, int]) -> list[int]:
    """The rows in ``index`` of the 1- to 3-grams of ``text`` (normalised: non-letters are
    spaces), in langdetect's order: a window of the last three characters that restarts
    at each word, no grams inside a run of capitals, the lone space never a gram."""
    out: list[int] = []
    window = " "
    capitals = False
    for ch in text:
        last = window[-1]
        if last == " ":
            window = " "
            capitals = False
            if ch == " ":
                continue
        elif len(window) >= 3:
            window = window[1:]
        window += ch
        capitals = ch.isupper() and (capitals or last.isupper())
        if capitals:
            continue
        for n in range(1, min(3, len(window)) + 1):
            gram = window[-n:]
            if gram != " " and gram in index:
                out.append(index[gram])
    return out


def nb_trials(
    probs: Any,
    width: int,
    rows: list[int],
    seed: int,
    trials: int,
    alpha: float,
    alpha_width: float,
    limit: int,
    converged: float,
    base_freq: float,
) -> list[float]:
    """langdetect's seeded trials: per trial, start from equal probabilities over ``width``
    languages and multiply in a randomly drawn n-gram's row (smoothed by ``alpha``, varied per
    trial) until one language passes ``converged`` (checked every fifth draw) or ``limit``
    draws; the mean of the trials' end probabilities. ``probs`` is row-major, ``rows`` the
    text's n-grams as row numbers (one per occurrence)."""
    if not rows or width <= 0 or trials <= 0:
        raise ValueError("nb_trials needs rows, languages and trials")
    height = len(probs) // width
    if any(not 0 <= r < height for r in rows):
        raise IndexError("row out of range")
    table = {r: probs[r * width : (r + 1) * width] for r in set(rows)}
    draw = random.Random(seed)
    total = [0.0] * width
    for _ in range(trials):
        prob = [1.0 / width] * width
        weight = (alpha + draw.gauss(0.0, 1.0) * alpha_width) / base_freq
        smoothed: dict[int, list[float]] = {}  # row -> weight + its probabilities, this trial
        i = 0
        while True:
            r = draw.choice(rows)
            row = smoothed.get(r)
            if row is None:
                row = smoothed[r] = [weight + q for q in table[r]]
            prob = list(map(operator.mul, prob, row))
            if i % 5 == 0:
                sump = 0.0
                for p in prob:  # in order, as the native loop adds (not math.fsum)
                    sump += p
                prob = [p / sump for p in prob]
                if max(prob) > converged or i >= limit:
                    break
            i += 1
        total = [s + p / trials for s, p in zip(total, prob, strict=True)]
    return total


def nb_column(
    probs: Any, width: int, column: int, index: dict[str, int], freq: dict[str, int], totals: list[int]
) -> None:
    """Fill one language's column of ``probs`` (row-major, ``width`` columns, rows from
    ``index``): each 1- to 3-gram's count over the total count of n-grams of its length."""
    for gram, count in freq.items():
        if 1 <= len(gram) <= 3:
            probs[index[gram] * width + column] = count / totals[len(gram) - 1]


# --- language ID: letters by script, function words ---------------------------------------------

_NON_ASCII = re.compile("[^\x00-\x7f]+")
_FEW = 64  # non-ASCII characters up to which counting them one by one beats numpy


@functools.lru_cache(maxsize=8)
def _ascii_part(table: bytes) -> tuple[bytes, tuple[int, ...]]:
    """``table``'s first 128 slots as a ``bytes.translate`` table, and the slots they hold."""
    head = table[:128]
    return head + bytes(128), tuple(sorted(set(head)))


def script_tally(text: str, table: bytes, slots: int) -> tuple[list[int], list[int]]:
    """How many characters of ``text`` fall on each slot of ``table`` (one byte per code point
    of the Basic Multilingual Plane), and the code points above it, in order.

    ASCII by ``bytes.translate`` and ``bytes.count``; a few other characters one by one; many
    by a numpy look-up over the code points."""
    if len(table) < 0x10000:
        raise ValueError("the table must cover the Basic Multilingual Plane")
    counts = [0] * max(slots, 256)
    astral: list[int] = []
    rest = "" if text.isascii() else "".join(_NON_ASCII.findall(text))
    if len(rest) <= _FEW:
        mapping, present = _ascii_part(table)
        ascii_slots = text.encode("ascii", "ignore").translate(mapping)
        for slot in present:
            counts[slot] += ascii_slots.count(slot)
        for code in map(ord, rest):
            if code < 0x10000:
                counts[table[code]] += 1
            else:
                astral.append(code)
    else:
        import numpy as np

        codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        plane = codes < 0x10000
        found = np.bincount(np.frombuffer(table, dtype=np.uint8)[codes[plane]], minlength=256).tolist()
        counts = [int(n) for n in found]
        astral = codes[~plane].tolist()
    if any(counts[slots:]):
        raise ValueError("a table slot beyond slots")
    return counts[:slots], astral


def word_tally(
    text: str, window: int, letters: CharSet, vocabulary: dict[str, int], languages: int
) -> tuple[int, int, list[int]]:
    """The words (maximal runs of ``letters``) of the first ``window`` characters of ``text``:
    how many, how many are lower case (``str.islower``), and per language how many of them,
    lower-cased, are its function words (``vocabulary``: word -> bit mask of languages)."""
    found = letters.runs().findall(text[:window])
    masks = [mask for mask in map(vocabulary.get, map(str.lower, found)) if mask]
    hits = [sum((mask >> k) & 1 for mask in masks) for k in range(languages)]
    return len(found), sum(map(str.islower, found)), hits


def crf_viterbi(
    weights: Sequence[float], trans: Sequence[float], labels: int, ids: list[int], ends: list[int]
) -> list[int]:
    """The best label sequence (label indexes) of a linear-chain CRF, as CRFsuite decodes it.

    Item ``t`` holds the attribute rows ``ids[ends[t - 1]:ends[t]]``; its score for label
    ``j`` is the sum of ``weights[row * labels + j]`` over them, added in that order.
    ``trans[i * labels + j]`` scores label ``i`` followed by ``j``; ties go to the lowest label.
    """
    if not ends:
        return []
    if len(weights) % labels or len(trans) != labels * labels:
        raise ValueError("weights and transitions must be rows of `labels` scores")
    states = []
    start = 0
    for stop in ends:
        if stop < start or stop > len(ids):
            raise ValueError("item ends must rise within the attribute rows")
        state = [0.0] * labels
        for row in ids[start:stop]:
            if row < 0 or (row + 1) * labels > len(weights):
                raise ValueError("attribute row out of range")
            base = row * labels
            for j in range(labels):
                state[j] += weights[base + j]
        states.append(state)
        start = stop
    rows = [trans[i * labels : (i + 1) * labels] for i in range(labels)]
    alpha = list(states[0])
    back: list[list[int]] = [[]]
    for state in states[1:]:
        step = []
        scores = []
        for j in range(labels):
            column = [alpha[i] + rows[i][j] for i in range(labels)]
            best = column.index(max(column))  # the first of equal scores, as CRFsuite keeps it
            step.append(best)
            scores.append(column[best] + state[j])
        back.append(step)
        alpha = scores
    label = alpha.index(max(alpha))
    out = [label]
    for step in reversed(back[1:]):
        label = step[label]
        out.append(label)
    return out[::-1]


def feature_rows(
    feats: dict[str, str],
    table: dict[str, dict[str, tuple[bytes, ...]]],
    slots: tuple[tuple[int, tuple[str, ...]], ...],
) -> tuple[bytes, tuple[bytes, ...]]:
    """A word's features as the model rows :func:`crf_window` reads: ``(own, near)``.

    ``table`` maps a feature key, then its value, to the rows of ``key=value`` (bytes of one
    C int, or ``b""`` where the model lacks it): index 0 as the word's own feature, then as
    each neighbour offset sees it. ``own`` joins index 0 of every feature found, in
    ``feats``' order; ``near`` holds per ``(index, keys)`` of ``slots`` the rows at that
    index of the features found among ``keys``, in ``keys``' order.
    """
    hits = {
        key: rows for key, value in feats.items() if (rows := table.get(key, _NO_ROWS).get(value)) is not None
    }
    own = b"".join([rows[0] for rows in hits.values()])
    return own, tuple(b"".join([hits[key][slot] for key in keys if key in hits]) for slot, keys in slots)


#: The rows of a feature key the model does not know (shared, never written).
_NO_ROWS: dict[str, tuple[bytes, ...]] = {}


def crf_window(
    weights: Sequence[float],
    trans: Sequence[float],
    labels: int,
    words: Sequence[tuple[Any, ...]],
    keep: list[int],
    extra: dict[int, bytes],
    fixed: tuple[int, int, int, int],
) -> list[int]:
    """:func:`crf_viterbi` over the items of the tokens ``keep``, built from cached word rows.

    ``words`` holds one tuple ``(own, near, form, after, ...)`` per token: its own rows, the
    rows its neighbours see at offsets -1, +1, -2, +2 (a tuple of four), its form, and the
    rows of the bigrams it ends keyed by the previous form; rows are bytes of C ints. An
    item is, in this order: the ``bias`` row, the word's own rows, its neighbours' rows
    for it, its bigram row (or ``BOS`` first), ``EOS`` last, ``gap`` when the token before
    it is not kept, then ``extra[i]`` (rows as bytes). ``fixed`` is ``(bias, bos, eos,
    gap)``, ``-1`` for a row the model lacks.
    """

    def rows(data: bytes) -> list[int]:
        return list(memoryview(data).cast("i"))

    bias, bos, eos, gap = fixed
    ids: list[int] = []
    ends: list[int] = []
    last = len(words) - 1
    previous = -2
    for i in keep:
        if not 0 <= i <= last:
            raise IndexError("kept token out of range")
        own, _, _, after = words[i][:4]
        item = [bias] if bias >= 0 else []
        item += rows(own)
        item += rows(words[i - 1][1][0]) if i > 0 else ()
        item += rows(words[i + 1][1][1]) if i < last else ()
        item += rows(words[i - 2][1][2]) if i > 1 else ()
        item += rows(words[i + 2][1][3]) if i < last - 1 else ()
        bigram = after.get(words[i - 1][2]) if i > 0 else bos if bos >= 0 else None
        item += [bigram] if bigram is not None else []
        item += [eos] if i == last and eos >= 0 else []
        item += [gap] if previous != i - 1 and gap >= 0 else []
        item += rows(extra[i]) if i in extra else []
        previous = i
        ids += item
        ends.append(len(ids))
    return crf_viterbi(weights, trans, labels, ids, ends)


@functools.lru_cache(maxsize=8)
def _marked_word(marks: frozenset[str]) -> re.Pattern[str]:
    """A word with ``marks`` inside it, or one other non-space character."""
    body = _class(marks)
    if not body:
        return re.compile(r"[^\W_]+|[^\w\s]")
    # A run of marks that no letter or digit follows is taken whole (``marks``) and split by
    # the caller: tried at each of its characters, the word would rescan the run (quadratic).
    return re.compile(f"(?:[{body}]*+[^\\W_])++[{body}]*+|(?P<marks>[{body}]++)|[^\\w\\s]")


#: One character that is neither a word character nor a space (a token alone).
_LONE = re.compile(r"[^\w\s]")


def marked_words(
    text: str,
    marks: CharSet,
    cache: dict[str, tuple[str, int] | None],
    compute: Callable[[str], tuple[str, int] | None],
    make: Callable[[tuple[int, int, int, str]], _T],
) -> list[_T] | None:
    """The words of ``text`` as ``make((start, end, name_start, word))``, ``word`` looked up per form.

    A word is letters and digits with characters of ``marks`` before, between and after
    them, or any one other character that is not a space. Each written form is looked up
    in ``cache`` (``compute(form)`` on a miss): ``(word, cut)`` gives a token whose name
    starts ``cut`` characters in, ``("", 0)`` none, and ``None`` makes the result None.
    """
    out = []
    for match in _marked_word(marks.chars).finditer(text):
        start, end = match.span()
        if match.lastgroup == "marks":  # no letter or digit after the run: each character alone
            spans = [(k, k + 1) for k in range(start, end) if _LONE.match(text, k)]
        else:
            spans = [(start, end)]
        for start, end in spans:
            written = text[start:end]
            found = cache[written] if written in cache else compute(written)
            if found is None:
                return None
            word, cut = found
            if word:
                out.append(make((start, end, start + cut, word)))
    return out


#: A Latin-script token: two or more capital-and-full-stop pairs (``U.S.``), a word (letters
#: and digits, hyphenated parts, inner apostrophes as in ``O'Neil`` but not a possessive
#: ``'s``), a possessive ``'s`` alone, or one other character that is not a space.
_LATIN_WORD = re.compile(
    r"(?:[A-Z]\.){2,}|[^\W_]+(?:[-‐][^\W_]+)*(?:['’](?![sS]\b)[^\W_]+)*|['’][sS]\b|[^\w\s]"
)


def latin_words(text: str, make: Callable[[tuple[int, int, int, str]], _T]) -> list[_T]:
    """The tokens of a Latin-script ``text`` as ``make((start, end, start, form))`` (see ``_LATIN_WORD``)."""
    return [make((m.start(), m.end(), m.start(), m.group())) for m in _LATIN_WORD.finditer(text)]


# --- matching: a side's trie hits as labelled candidates ---------------------------------------


def label_hits(
    trie: Trie,
    mapped: Mapped,
    text: str,
    columns: tuple[Any, ...],
    code: str,
    kind: type[_C],
    same_letters: Callable[[str, str], bool],
) -> list[_C]:
    """``trie``'s hits in ``mapped`` (the normalised ``text``) as labelled candidates, in one call.

    ``columns`` are a side's (entities, aliases, case letters, ambiguous flags, others) by
    trie value; each hit gives a ``kind`` tuple (start, end, how, entity, alias, lang, code,
    ambiguous, None) for the key's entity and for each further entity of the key. A hit
    whose entity wants capitals (``letters``) the surface lacks (``same_letters``) gives
    none; ``how`` is ``clitic`` after a proclitic, ``exact`` when the surface is one of the
    key's aliases (that alias reported), else ``normalised`` (the first alias reported).
    """
    entities, aliases, letters, ambiguous, others = columns
    out: list[_C] = []
    for start, end, value, cut in trie.scan(mapped):
        surface = text[start:end]
        _label(
            out,
            kind,
            start,
            end,
            cut,
            surface,
            entities[value],
            aliases[value],
            letters[value],
            ambiguous[value],
            code,
            same_letters,
        )
        for entity, pairs, wanted, unsure in others[value]:
            _label(out, kind, start, end, cut, surface, entity, pairs, wanted, unsure, code, same_letters)
    return out


def _label(
    out: list[Any],
    kind: type,
    start: int,
    end: int,
    cut: int,
    surface: str,
    entity: int,
    pairs: tuple[tuple[str, str], ...],
    wanted: str | None,
    ambiguous: bool | int,
    code: str,
    same_letters: Callable[[str, str], bool],
) -> None:
    """Append the candidate of one entity's hit (see :func:`label_hits`)."""
    if wanted is not None and not same_letters(surface, wanted):
        return
    for pair in pairs:
        if pair[0] == surface:
            how = "clitic" if cut else "exact"
            break
    else:
        pair = pairs[0]
        how = "clitic" if cut else "normalised"
    out.append(tuple.__new__(kind, (start, end, how, entity, pair[0], pair[1], code, bool(ambiguous), None)))


#: A token's kind (``match/discover.py``): a name may start on it, or it may join two such tokens.
CANDIDATE, JOINER = 2, 1


def gazetteer_tags(tokens: Sequence[tuple[Any, ...]], spans: Sequence[tuple[int, int, str]]) -> list[str]:
    """Per token ``(start, end, ...)``, ``B-<type>``/``I-<type>`` of the span of ``spans`` (the
    gazetteer's ``(start, end, type)``, sorted and disjoint) covering it, else ``""``."""
    tags = [""] * len(tokens)
    k = 0
    for i, token in enumerate(tokens):
        while k < len(spans) and spans[k][1] <= token[0]:
            k += 1
        if k < len(spans) and spans[k][0] < token[1]:
            start, _, typ = spans[k]
            tags[i] = ("B-" if start >= token[0] else "I-") + typ
    return tags


def kept_tokens(kinds: Sequence[int], gz: Sequence[str]) -> list[int]:
    """Indexes of the tokens worth tagging: candidates, gazetteer hits (``gz``), and a joiner
    between two of them."""
    size = len(kinds)
    out = []
    for i, kind in enumerate(kinds):
        if kind == CANDIDATE or gz[i]:
            out.append(i)
        elif (
            kind == JOINER
            and 0 < i < size - 1
            and (kinds[i - 1] == CANDIDATE or gz[i - 1])
            and (kinds[i + 1] == CANDIDATE or gz[i + 1])
        ):
            out.append(i)  # a joiner between two of them
    return out


def token_words(
    tokens: Sequence[tuple[Any, ...]],
    spans: Sequence[tuple[int, int, str]],
    cache: dict[str, tuple[Any, ...]],
    kind_at: int,
    kind: Callable[[str], int],
    word: Callable[[str], tuple[Any, ...]],
) -> tuple[list[Any], list[str], list[int]]:
    """A text's tokens ``(start, end, name_start, form)`` as discovery tags them: ``(words, gz, keep)``.

    ``gz``: :func:`gazetteer_tags` of ``spans`` (sorted). A token's kind is field ``kind_at``
    of its form's word in ``cache``, else ``kind(form)``; ``keep``: :func:`kept_tokens`. A
    token's word is its form's in ``cache``, else ``word(form)`` when an item reads it (a
    kept token or one of those one and two away from it), else None (no item reads it).
    """
    gz = gazetteer_tags(tokens, spans)
    words: list[Any] = [cache.get(t[3]) for t in tokens]
    kinds = [kind(t[3]) if w is None else w[kind_at] for w, t in zip(words, tokens, strict=True)]
    keep = kept_tokens(kinds, gz)
    size = len(tokens)
    for i in keep:
        for j in range(max(i - 2, 0), min(i + 3, size)):
            if words[j] is None:
                words[j] = word(tokens[j][3])
    return words, gz, keep
