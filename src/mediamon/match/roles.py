"""Roles of place mentions: a place's name standing for a sports side (``Mention.role``).

A country, a first-level division (England) or a city names a national team or a club
in a match report: ``Sweden defeated South Korea 1 – 0``, ``Tunisia's goalkeeper``,
``فازت نيجيريا على النيجر 2 - صفر``. The mention stays the place entity with its type
(the contract ties ``entity_type`` to the entity); the annotator sets ``role="team"``
on it, and whoever wants the sports side as an organisation (a gold that types by role)
reads that field (``benchmarks/eval_gold.py --roles``).

The decision is per sentence, from each language's ``data/<lang>/roles.json``:

- the sentence is about a match: one of its words is a ``sport`` word, or it holds a
  ``score`` (``2 – 1``, ``3 - صفر``);
- the words around the name put it in a side's place: a ``side_before`` word or pair
  right before it (``defeated``, ``lost to``, ``مرمى``, ``فازت على``), a ``side_after``
  verb right after it (``Sweden had``, ``England won``), a ``side_nouns`` word right
  after it or within three words after its ``'s`` (``Panama coach``, ``Sweden's first
  victory``), a score right before or after it, a ``side_prepositions`` word before it
  with a ``sport`` word among the three words before that (``a third goal for Belgium``),
  or a ``side_proclitics`` letter glued to it (Arabic ``ل``: ``هدفين لانجلترا``);
- no ``place_before`` word right before it (``in Sochi``, ``في الدوحة``) and no
  ``place_proclitics`` letter glued to it (``بالدوحة``): a place word wins.

Two cues read the names around it: a city with a country's name in parentheses right after
it is a club of a draw or a table (``بوردو (فرنسا) - ايندهوفن (هولندا)``), and a name with only
a ``side_prepositions`` word between it and a side is that side's opponent (``واوغندا على
ليسوتو 3 - صفر``), both only where no cue of its own decided.

Names joined by ``coordination`` words only (``Sweden, Belgium, England win``) share one
verdict: a place word on any of them keeps all places, else a side cue on any makes all
sides. ``skip`` words (``the``) are passed over when reading the word before. A word before
the name that starts with a ``word_proclitics`` letter (Arabic و, ف: ``وتقدمت``) is also read
without it, when the word as written is no cue.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable, Sequence

import attrs

from mediamon import lang as languages
from mediamon import resources
from mediamon.errors import DataFileError, Msg
from mediamon.match.gazetteer import Entity
from mediamon.memo import make_room
from mediamon.model import Mention
from mediamon.text.patterns import first_test

__all__ = ["ROLES", "ROLE_KINDS", "RoleCues", "RoleModel", "role_cues"]

#: The roles a mention can have (``Mention.role``).
ROLES = ("team",)
#: ``meta.kind`` of the places whose name can stand for a side.
ROLE_KINDS = frozenset({"country", "admin1", "city"})
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*|&")
_SENTENCE_END = re.compile(r"[.!?؟]\s|\n")
_POSSESSIVE = re.compile(r"['’]s?\b")
_JOIN = re.compile(r"[\s,،]*")
#: A parenthesis opening right after a name, and one closing right after the next
_OPEN = re.compile(r"\s*\(\s*")
_CLOSE = re.compile(r"\s*\)")
#: How far before and after a mention its cues are read (characters)
_REACH = 80
#: How many characters before a name its last words are first read from (see _last_words)
_TAIL = 48
#: How far back from a name its sentence's start is looked for (characters)
_BACK = 400
#: The longest text between two names of one coordination (", and ")
_JOIN_REACH = 8
#: Each sentence's match test within one text, by (language, start, end)
_Gates = dict[tuple[str, int, int], bool]
#: Answers each score test keeps (see _remembered)
_SCORE_CACHE = 16_384
_LISTS = (
    "sport",
    "side_before",
    "side_after",
    "side_nouns",
    "side_prepositions",
    "side_proclitics",
    "place_proclitics",
    "place_before",
    "skip",
    "coordination",
    "word_proclitics",
)


@attrs.frozen
class RoleCues:
    """One language's role cues (``data/<lang>/roles.json``), normalised."""

    sport: frozenset[str] = frozenset()
    score: re.Pattern[str] | None = None
    side_before: frozenset[str] = frozenset()
    side_after: frozenset[str] = frozenset()
    side_nouns: frozenset[str] = frozenset()
    side_prepositions: frozenset[str] = frozenset()
    side_proclitics: frozenset[str] = frozenset()
    place_proclitics: frozenset[str] = frozenset()
    place_before: frozenset[str] = frozenset()
    skip: frozenset[str] = frozenset()
    coordination: frozenset[str] = frozenset()
    word_proclitics: frozenset[str] = frozenset()
    #: every character a score can open with (``text.patterns.first_test``; None: any): a window
    #: next to a name without one holds no score, and its score test is skipped
    score_first: re.Pattern[str] | None = None

    def __bool__(self) -> bool:
        return bool(self.sport or self.score)


@functools.cache
def role_cues(code: str) -> RoleCues:
    """The cues of language ``code`` (empty when it has no ``roles.json``)."""
    name = f"{code}/roles.json"
    data = resources.optional_json(name)
    if not data:
        return RoleCues()
    source = resources.data_path(name)
    unknown = set(data) - {*_LISTS, "score", "_doc"}
    if unknown:
        raise DataFileError(Msg.DATA_FILE.format(detail=f"unknown keys {sorted(unknown)}"), path=source)
    normalize = languages.get(code).normalizer.normalize
    sets = {
        key: frozenset(
            " ".join(normalize(w).split()) for w in resources.string_list(data, key, source=source)
        )
        for key in _LISTS
    }
    score = data.get("score")
    if score is not None and not isinstance(score, str):
        raise DataFileError(Msg.DATA_FILE.format(detail="'score' must be a regular expression"), path=source)
    patterns = resources.compile_patterns((score,), source=source, key="score", flags=0) if score else ()
    score = patterns[0] if patterns else None
    return RoleCues(score=score, score_first=first_test(score) if score else None, **sets)


class RoleModel:
    """Sets ``role="team"`` on place mentions that stand for a sports side (module docstring)."""

    def __init__(self, entities: Sequence[Entity]):
        self._kinds = frozenset(
            e.id for e in entities if e.type == "LOC" and e.meta.get("kind") in ROLE_KINDS
        )
        self._countries = frozenset(
            e.id for e in entities if e.type == "LOC" and e.meta.get("kind") == "country"
        )
        self._sport: dict[str, dict[str, bool]] = {}
        #: per language, a written word -> its key as a cue (``_bare``), as ``_local`` reads it
        self._bares: dict[str, dict[str, str]] = {}

    def key(self, code: str, word: str) -> str:
        """The language's normalised form of one word (cached)."""
        found = languages.key_cache(code).get(word)
        return languages.key(code, word) if found is None else found

    def apply(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """``mentions`` of ``text`` with ``role`` set where the sentence makes a place a side."""
        chosen = [i for i, m in enumerate(mentions) if m.entity_id in self._kinds and role_cues(m.lang)]
        if not chosen:
            return mentions
        gates: _Gates = {}
        ends = _Ends(text)
        verdicts = {i: self.verdict(text, mentions[i], gates, ends) for i in chosen}
        for i in chosen:
            if verdicts[i] is None and self._with_its_country(text, mentions, i, gates, ends):
                verdicts[i] = "side"
        for i in reversed(chosen):  # right to left: a side's opponent may have one in turn
            if verdicts[i] is None and self._facing_a_side(text, mentions, i, verdicts):
                verdicts[i] = "side"
        out = list(mentions)
        for group in self._groups(text, mentions, chosen):
            found = [verdicts[i] for i in group]
            if "place" in found or "side" not in found:
                continue
            for i in group:
                out[i] = attrs.evolve(out[i], role="team")
        return out

    def _groups(self, text: str, mentions: Sequence[Mention], chosen: Sequence[int]) -> list[list[int]]:
        """The chosen mentions in runs joined only by coordination words (and punctuation)."""
        groups: list[list[int]] = []
        for i in chosen:
            if groups:
                last = mentions[groups[-1][-1]]
                between = text[last.end : mentions[i].start]
                if last.end <= mentions[i].start and len(between) <= _JOIN_REACH:
                    cues = role_cues(mentions[i].lang)
                    words = [self.key(mentions[i].lang, w) for w in _WORD.findall(between)]
                    joined = not _JOIN.sub("", _WORD.sub("", between))
                else:
                    joined, words = False, []
                if joined and len(words) <= 1 and all(w in cues.coordination for w in words):
                    groups[-1].append(i)
                    continue
            groups.append([i])
        return groups

    def _with_its_country(
        self, text: str, mentions: Sequence[Mention], i: int, gates: _Gates, ends: _Ends
    ) -> bool:
        """A city's name with a country's in parentheses right after it, in a sentence about a
        match: a club in a draw or a table (``بوردو (فرنسا) - ايندهوفن (هولندا)``, ``Lyon (France)``)."""
        m = mentions[i]
        if i + 1 >= len(mentions) or m.entity_id in self._countries:
            return False
        nxt = mentions[i + 1]
        if nxt.entity_id not in self._countries or not _OPEN.fullmatch(text, m.end, nxt.start):
            return False
        if not _CLOSE.match(text, nxt.end):
            return False
        return self._gate(m.lang, text, _sentence(text, m.start, m.end, ends), gates)

    def _facing_a_side(
        self, text: str, mentions: Sequence[Mention], i: int, verdicts: dict[int, str | None]
    ) -> bool:
        """A name with only a ``side_prepositions`` word between it and the next name, a side
        (``واوغندا على ليسوتو 3 - صفر``: Lesotho is one by the score, Uganda its opponent)."""
        if i + 1 >= len(mentions) or verdicts.get(i + 1) != "side":
            return False
        m, nxt = mentions[i], mentions[i + 1]
        between = text[m.end : nxt.start]
        words = _WORD.findall(between)
        if len(words) != 1 or _WORD.sub("", between).strip():
            return False
        return self.key(m.lang, words[0]) in role_cues(m.lang).side_prepositions

    def _has_sport_word(self, code: str, text: str) -> bool:
        """Whether one of the words of ``text`` is a ``sport`` word of language ``code``."""
        cues = role_cues(code)
        known = self._sport.setdefault(code, {})
        for word in set(_WORD.findall(text)):
            hit = known.get(word)
            if hit is None:
                make_room(known)
                hit = known[word] = _bare(cues, self.key(code, word)) in cues.sport
            if hit:
                return True
        return False

    def _about_a_match(self, code: str, sentence: str) -> bool:
        """Whether a sentence has a sport word or a score (the gate of every side cue)."""
        cues = role_cues(code)
        if cues.score and cues.score.search(sentence):
            return True
        return self._has_sport_word(code, sentence)

    def verdict(
        self, text: str, m: Mention, gates: _Gates | None = None, ends: _Ends | None = None
    ) -> str | None:
        """``"place"``, ``"side"`` or None (no cue) for one place mention in its sentence
        (``gates`` caches each sentence's match test, ``ends`` its end, across the mentions
        of one text)."""
        code = m.lang
        found = self._local(text, m, *_window(text, m.start, m.end))
        if found != "side":
            return found  # a place word needs no gate: a sentence's names share it
        sentence = _sentence(text, m.start, m.end, ends or _Ends(text))  # most names need none
        return found if self._gate(code, text, sentence, gates) else None

    def _gate(self, code: str, text: str, sentence: tuple[int, int], gates: _Gates | None) -> bool:
        """The match test of one sentence of ``text``, cached in ``gates`` when given."""
        gate = None if gates is None else gates.get((code, *sentence))
        if gate is None:
            gate = self._about_a_match(code, text[sentence[0] : sentence[1]])
            if gates is not None:
                gates[(code, *sentence)] = gate
        return gate

    def _local(self, text: str, m: Mention, begin: int, end: int) -> str | None:
        """The verdict of the words around one mention, before the sentence's match test."""
        code = m.lang
        cues = role_cues(code)
        begin = max(begin, m.start - _REACH)
        end = min(end, m.end + _REACH)
        glued = _glued(text, begin, m.start)
        if glued:
            if glued[-1] in cues.place_proclitics:
                return "place"
            if glued[-1] in cues.side_proclitics:
                return "side"
        head = text[begin : m.start - len(glued)]
        bares = self._bares.get(code)
        if bares is None:
            bares = self._bares[code] = {}
        before: list[str] = []
        for w in _last_words(head, 5):  # each word keyed and stripped once (a loop: no generator)
            bare = bares.get(w)
            if bare is None:
                make_room(bares)
                bare = bares[w] = _bare(cues, self.key(code, w))
            before.append(bare)
        while before and before[-1] in cues.skip:
            before.pop()
        last = before[-1] if before else ""
        pair = " ".join(before[-2:]) if len(before) >= 2 else ""
        if pair in cues.side_before:
            return "side"
        if last in cues.place_before:
            return "place"
        if last in cues.side_before:
            return "side"
        if last in cues.side_prepositions and any(w in cues.sport for w in before[-4:-1]):
            return "side"
        tail = text[m.end : end]
        opens = cues.score_first
        if cues.score and (_ends_with(cues.score, head, opens) or _starts_with(cues.score, tail, opens)):
            return "side"
        possessive = _POSSESSIVE.match(tail)
        if possessive:
            after = itertools.islice(_WORD.finditer(tail, possessive.end()), 3)
            return "side" if any(self.key(code, w.group()) in cues.side_nouns for w in after) else None
        if not tail[:1].isspace():
            return None
        first = _WORD.search(tail)  # only the first word after the name counts here
        if first is not None:
            word = self.key(code, first.group())
            if word in cues.side_after or word in cues.side_nouns:
                return "side"
        return None


def _bare(cues: RoleCues, word: str) -> str:
    """``word``, or ``word`` without a leading ``word_proclitics`` letter when only that form
    is a cue (``وتقدمت`` is read as ``تقدمت``; ``وفي``, itself a cue, stays)."""
    if not cues.word_proclitics or len(word) < 3 or word[0] not in cues.word_proclitics:
        return word
    if word in cues.side_before or word in cues.place_before or word in cues.side_prepositions:
        return word
    rest = word[1:]
    cue = rest in cues.side_before or rest in cues.place_before or rest in cues.side_prepositions
    return rest if cue or rest in cues.sport else word


class _Ends:
    """Where the next sentence end starts at or after a position of one text, remembering the
    last answer: the mentions of a text come in order, and every position from the last
    query up to the end it found has that same end, so a long text with no sentence end is
    searched once, not once per mention."""

    def __init__(self, text: str):
        self.text = text
        self.since = -1  # the last query's position
        self.found: int | None = None  # where the end found from there starts (None: no end)
        self._ends: list[int] | None = None  # where each sentence end of the text ends, in order

    def after(self, pos: int) -> int | None:
        """The start of the first sentence end at or after ``pos`` (None: none)."""
        if not (self.since <= pos and (self.found is None or pos <= self.found)) or self.since < 0:
            match = _SENTENCE_END.search(self.text, pos)
            self.since, self.found = pos, match.start() if match else None
        return self.found

    def begin(self, pos: int) -> int:
        """Where the sentence holding ``pos`` starts: the end of the last sentence end found by
        ``_SENTENCE_END.finditer(text, max(0, pos - _BACK), pos)``, 0 when none is.

        The text's sentence ends are found once, in order (a name's window read once per
        name was most of the role pass). A search from a later start finds the same ends:
        a match is one or two characters, a stop and a space or a line break, and only a
        line break (``.\n``'s second character) ends a match that could also start one
        place later; so the window holds the end ``e`` of a match of the whole text's scan
        when ``e <= pos`` and its last possible start (``e - 1`` after a line break, else
        ``e - 2``) is in the window, and the last such end is found by bisection."""
        ends = self._ends
        if ends is None:
            ends = self._ends = [found.end() for found in _SENTENCE_END.finditer(self.text)]
        i = bisect.bisect_right(ends, pos) - 1
        if i < 0:
            return 0
        last = ends[i]
        first = last - 1 if self.text[last - 1] == "\n" else last - 2
        return last if first >= max(0, pos - _BACK) else 0


def _sentence(text: str, start: int, end: int, ends: _Ends) -> tuple[int, int]:
    """The bounds of the sentence around ``text[start:end]`` (line breaks and stops end one)."""
    after = ends.after(end)
    return ends.begin(start), after + 1 if after is not None else len(text)


def _last_words(text: str, count: int) -> list[str]:
    """``_WORD.findall(text)[-count:]``, read off the last ``_TAIL`` characters when they hold
    more than ``count`` words: a scan from inside a word ends that word where a scan of the
    whole text does (``_WORD`` reads nothing before where it starts), so only the first word
    of the shorter scan can differ."""
    words = _WORD.findall(text, max(0, len(text) - _TAIL))
    if len(words) > count or len(text) <= _TAIL:
        return words[-count:]
    return _WORD.findall(text)[-count:]


def _window(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence around ``text[start:end]`` clipped to ``_REACH`` characters
    either side (what :meth:`RoleModel._local` reads), found near the name only: the sentence
    ends of a scan from ``max(0, start - _REACH - 2)`` that end ``_REACH`` or fewer characters
    before it are those of a scan of the whole text (see ``_Ends.begin``), and the first
    sentence end after it that starts within ``_REACH - 1`` characters fits a search that stops
    ``_REACH + 1`` characters after it."""
    begin = max(0, start - _REACH)
    for found in _SENTENCE_END.finditer(text, max(0, begin - 2), start):
        begin = max(begin, found.end())
    after = _SENTENCE_END.search(text, end, end + _REACH + 1)
    return begin, min(after.start() + 1 if after is not None else len(text), end + _REACH)


def _glued(text: str, begin: int, start: int) -> str:
    """Letters glued to the front of a mention (an Arabic proclitic), "" when a space precedes it."""
    i = start
    while i > begin and text[i - 1].isalpha():
        i -= 1
    return text[i:start]


def _ends_with(pattern: re.Pattern[str], head: str, first: re.Pattern[str] | None = None) -> bool:
    """Whether a score ends ``head``; ``first``: the characters a score opens with (None: any)."""
    window = head.rstrip()[-20:]
    if first is not None and first.search(window) is None:
        return False  # no character a match could start at (most windows: no digit)
    return _remembered(_SCORE_ENDS, pattern, window, _score_ends)


def _starts_with(pattern: re.Pattern[str], tail: str, first: re.Pattern[str] | None = None) -> bool:
    """Whether ``tail`` opens with a score (see :func:`_ends_with`)."""
    window = tail[:20]
    if first is not None and first.search(window) is None:
        return False
    return _remembered(_SCORE_STARTS, pattern, window, _score_starts)


def _remembered(
    table: dict[re.Pattern[str], dict[str, bool]],
    pattern: re.Pattern[str],
    window: str,
    test: Callable[[re.Pattern[str], str], bool],
) -> bool:
    """``test(pattern, window)``, kept in ``table`` (emptied at ``_SCORE_CACHE`` windows)."""
    known = table.setdefault(pattern, {})
    found = known.get(window)
    if found is None:
        make_room(known, _SCORE_CACHE)
        found = known[window] = test(pattern, window)
    return found


# The score tests read the 20 characters next to a name, which recur (``the foreign minister
# of``, a hashtag's ``#``): each answer is kept, by pattern, in a plain dict of strings and
# booleans, which the garbage collector does not track (an lru_cache's entries it does, and
# thousands more tracked objects brought a full collection into a pass).
_SCORE_ENDS: dict[re.Pattern[str], dict[str, bool]] = {}
_SCORE_STARTS: dict[re.Pattern[str], dict[str, bool]] = {}


def _score_ends(pattern: re.Pattern[str], last: str) -> bool:
    """Whether a match of ``pattern`` in ``last`` ends at its end."""
    size = len(last)
    for found in pattern.finditer(last):  # noqa: SIM110 - a loop: no generator made once per call
        if found.end() == size:
            return True
    return False


def _score_starts(pattern: re.Pattern[str], first: str) -> bool:
    """Whether ``first`` opens with a match of ``pattern`` (after spaces)."""
    found = pattern.search(first)
    return found is not None and not first[: found.start()].strip()
