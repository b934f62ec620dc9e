"""Compiling gazetteers into per-language tables and finding mentions in text.

Each alias goes to the side of its script (Arabic script to the Arabic tables, anything
else to the Latin ones), is normalised with that side's normaliser, and is added to one
table per side, with the extra forms its language asks for (Arabic ``لل``
assimilation). With the native core (:mod:`mediamon.engine`) the table is a trie walked
from every word start and from after every allowed proclitic; without it, a
pyahocorasick automaton whose every hit, overlapping ones included, is filtered here.
Either way *all* whole-word candidates are kept until overlaps are resolved, because a
leftmost-longest scan would drop real whole-word matches behind false starts inside
words.

The rules, in the order a user can check them:

- a hit must end at a word boundary, and start at one or after an allowed proclitic;
- an all-capital alias of at most 5 letters (``US``, ``UN``, ``PMU``) matches only when
  the text has the same capitals (``U.S.`` yes, ``us`` no);
- where candidates overlap, the longest (in original characters) wins, ties going to the
  earliest start, then to exact over normalised over clitic over variant matches;
- when two entities share a normalised alias, the one loaded first keeps it (user
  gazetteers are loaded before the bundled ones) and the clash is reported in
  :attr:`CompiledGazetteer.conflicts`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, NamedTuple

import attrs

from mediamon import engine
from mediamon import lang as languages
from mediamon.errors import Msg, UsageError
from mediamon.match.gazetteer import Entity, Gazetteer
from mediamon.model import MENTION_FIELDS, Mention
from mediamon.typing import Language

__all__ = ["HOW_RANK", "AliasEntry", "Candidate", "CompiledGazetteer", "Conflict", "resolve"]

HOW_RANK = {"exact": 0, "normalised": 1, "clitic": 2, "variant": 3, "surname": 4}
CASE_SENSITIVE_MAX = 5
_LETTERS = re.compile(r"[^\W\d_]")


@attrs.frozen
class AliasEntry:
    """What a key in an automaton stands for: an entity and its aliases that normalise to the key.

    ``letters`` is set when every one of those aliases is a short all-capital form, whose
    capitals the text must then repeat.
    """

    entity: int
    aliases: tuple[tuple[str, str], ...]
    kind: str
    letters: str | None
    length: int
    ambiguous: bool = False

    @property
    def alias(self) -> str:
        return self.aliases[0][0]

    @property
    def lang(self) -> str:
        return self.aliases[0][1]

    def best(self, surface: str) -> tuple[str, str, bool]:
        """(alias, lang, exact): the alias written exactly as ``surface`` if any, else the first."""
        for alias, lang in self.aliases:
            if alias == surface:
                return alias, lang, True
        return self.aliases[0][0], self.aliases[0][1], False


@attrs.frozen
class Conflict:
    """A normalised alias claimed by more than one entity; ``kept`` won it."""

    side: str
    key: str
    kept: str
    lost: str


class Candidate(NamedTuple):
    """A possible mention, in original offsets of the field (a tuple: thousands are made per text)."""

    start: int
    end: int
    how: str
    entity: int
    alias: str
    lang: str
    side: str = ""
    ambiguous: bool = False

    @property
    def sort_key(self) -> tuple[int, int, int]:
        """Resolution order: longest first, then earliest start, then best rule."""
        return _rank(self)


def _rank(cand: Candidate) -> tuple[int, int, int]:
    return (cand.start - cand.end, cand.start, HOW_RANK[cand.how])


def resolve(candidates: Iterable[Candidate], length: int) -> list[Candidate]:
    """Keep non-overlapping candidates: longest first, ties to the earliest start, then best rule."""
    core = engine.core()
    if core is not None:
        listed = candidates if isinstance(candidates, list) else list(candidates)
        kept: list[Candidate] = core.resolve(listed, length, HOW_RANK)
        return kept
    ordered = sorted(candidates, key=_rank)
    if len(ordered) < 2:
        return ordered
    taken = bytearray(length + 1)
    kept = []
    for cand in ordered:
        if any(taken[cand.start : cand.end]):
            continue
        taken[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
        kept.append(cand)
    kept.sort(key=lambda c: c.start)
    return kept


# index, kind, (alias, lang) pairs, case letters shared by all of them (else None), all ambiguous
_Pending = tuple[int, str, tuple[tuple[str, str], ...], str | None, bool]


def _ambiguous_aliases(entity: Entity) -> frozenset[tuple[str, str]]:
    """(language, alias) pairs the entity's meta marks as ambiguous (``ambiguous_<lang>`` lists)."""
    out: set[tuple[str, str]] = set()
    for key, value in entity.meta.items():
        if key.startswith("ambiguous_") and isinstance(value, list):
            out.update((key.removeprefix("ambiguous_"), alias) for alias in value if isinstance(alias, str))
    return frozenset(out)


def _same_letters(surface: str, letters: str) -> bool:
    """Whether the letters of ``surface`` are exactly ``letters`` (capitals included)."""
    return "".join(_LETTERS.findall(surface)) == letters


def _case_letters(alias: str) -> str | None:
    """The letters of a short alias written with capitals (``US``, ``MoD``), matched case-sensitively."""
    letters = "".join(_LETTERS.findall(alias))
    capitals = sum(c.isupper() for c in letters)
    if (
        letters
        and len(letters) <= CASE_SENSITIVE_MAX
        and letters.isascii()
        and (capitals >= 2 or letters.isupper())
    ):
        return letters
    return None


class Side:
    """One language's tables: its aliases and, for Latin script, the transliteration-variant keys.

    With the native core (:mod:`mediamon.engine`) they are tries walked from word starts;
    without it, pyahocorasick automata whose hits are filtered in Python.
    """

    def __init__(self, language: Language):
        self.language = language
        self.code = language.code
        self.core: Any = engine.core()
        self.entries: list[AliasEntry] = []
        self.variant_entries: list[AliasEntry] = []
        self.automaton: Any
        self.variants: Any
        if self.core is not None:
            self.automaton = self.core.Trie()
            self.variants = self.core.Trie()
        else:
            import ahocorasick

            self.automaton = ahocorasick.Automaton()
            self.variants = ahocorasick.Automaton()
        self.has_variants = False
        self.size = 0

    def add(self, key: str, entry: AliasEntry) -> None:
        self._store(self.automaton, self.entries, key, entry)
        self.size += 1

    def add_variant(self, key: str, entry: AliasEntry) -> None:
        self._store(self.variants, self.variant_entries, key, entry)
        self.has_variants = True

    def _store(self, table: Any, entries: list[AliasEntry], key: str, entry: AliasEntry) -> None:
        """A trie keeps an index into ``entries``; an automaton keeps the entry itself."""
        if self.core is not None:
            table.add(key, len(entries))
            entries.append(entry)
        else:
            table.add_word(key, entry)

    def finish(self) -> None:
        if self.core is not None:
            self._finish_native()
            return
        if self.size:
            self.automaton.make_automaton()
        if self.has_variants:
            self.variants.make_automaton()

    def _finish_native(self) -> None:
        """What the native scan filters and reports hits with (see ``_native.Trie.configure``)."""
        entries = self.entries
        kinds = sorted({entry.kind for entry in entries})
        kind_id = {kind: i for i, kind in enumerate(kinds)}
        proclitics = ["", *sorted(self.language.proclitics)]
        prefixes = None
        if len(proclitics) > 1:
            prefixes = self.core.Trie()
            for pid, prefix in enumerate(proclitics[1:], start=1):
                prefixes.add(prefix, pid)
        if entries:
            self.automaton.configure(
                prefixes,
                bytes(kind_id[entry.kind] for entry in entries),
                bytes(bool(self.language.prefix_ok(p, kind)) for kind in kinds for p in proclitics),
                len(proclitics),
                [entry.entity for entry in entries],
                [entry.aliases for entry in entries],
                [entry.letters for entry in entries],
                bytes(entry.ambiguous for entry in entries),
                self.code,
                Candidate,
                _same_letters,
            )
        # The trie's columns now hold all the scan needs; the entry objects can go.
        self.entries = []


class CompiledGazetteer:
    """A gazetteer compiled for matching: per-side automata, entities by index, conflicts."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.entities: list[Entity] = list(gazetteer)
        self.conflicts: list[Conflict] = []
        self._surname_keys: dict[tuple[str, str], str | None] = {}
        self.sides: dict[str, Side] = {code: Side(languages.get(code)) for code in languages.CODES}
        # Per side: normalised key -> (entity index, kind, its aliases, case letters, ambiguous).
        pending: dict[str, dict[str, _Pending]] = {code: {} for code in self.sides}
        variant_owners: dict[tuple[str, str], int] = {}
        fallback = self.sides[languages.FALLBACK]
        for index, entity in enumerate(self.entities):
            ambiguous = _ambiguous_aliases(entity)
            strict = entity.meta.get("strict") is True
            for lang_code, alias in entity.aliases():
                side = next((s for s in self.sides.values() if s.language.owns(alias)), fallback)
                normalized = side.language.normalizer.normalize(alias).strip()
                if not normalized or not any(c.isalnum() for c in normalized):
                    continue
                letters = _case_letters(alias)
                unsure = (lang_code, alias) in ambiguous
                forms = [(normalized, "strict")] if strict else side.language.alias_forms(normalized)
                keys = pending[side.code]
                for form, kind in forms:
                    held = keys.get(form)
                    if held is None:
                        keys[form] = (index, kind, ((alias, lang_code),), letters, unsure)
                    elif held[0] == index:
                        same_case = letters if held[3] == letters else None
                        keys[form] = (
                            index,
                            held[1],
                            (*held[2], (alias, lang_code)),
                            same_case,
                            held[4] and unsure,
                        )
                    else:
                        self.conflicts.append(Conflict(side.code, form, self.entities[held[0]].id, entity.id))
                keyable = letters is None and not unsure and not strict
                vkey = side.language.alias_variant(normalized, entity.type) if keyable else None
                if vkey and (side.code, vkey) not in variant_owners:
                    variant_owners[(side.code, vkey)] = index
                    entry = AliasEntry(index, ((alias, lang_code),), "variant", None, len(vkey))
                    side.add_variant(vkey, entry)
        for code, keys in pending.items():
            side = self.sides[code]
            while keys:
                form, (index, kind, aliases, letters, unsure) = keys.popitem()
                side.add(form, AliasEntry(index, aliases, kind, letters, len(form), unsure))
        for side in self.sides.values():
            side.finish()

    def __len__(self) -> int:
        return len(self.entities)

    @functools.cached_property
    def labels(self) -> list[tuple[str, str, str]]:
        """(id, type, name) of each entity, by index: what a mention reports of it."""
        return [(entity.id, entity.type, entity.name) for entity in self.entities]

    @functools.cached_property
    def persons(self) -> bytes:
        """1 at the index of each person entity (surname coreference follows only people)."""
        return bytes(entity.type == "PER" for entity in self.entities)

    def surname_key(self, side: str, alias: str) -> str | None:
        """The side's language's surname key of a person alias, computed once per alias."""
        keys = self._surname_keys
        if (side, alias) not in keys:
            keys[(side, alias)] = languages.get(side).surname_key(alias)
        return keys[(side, alias)]

    # -- scanning -------------------------------------------------------------------
    def scan(self, text: str, *, sides: Sequence[str] | None = None) -> list[Candidate]:
        """All filtered candidates in ``text`` (one paragraph), in original offsets."""
        out: list[Candidate] = []
        for code, side in self.sides.items():
            if sides is not None and code not in sides:
                continue
            if code != languages.FALLBACK and not side.language.owns(text):
                continue
            if side.size:
                if side.core is not None:
                    out.extend(self._scan_native(side, text))
                else:
                    out.extend(self._scan_side(side, text))
            if side.has_variants:
                out.extend(self._scan_variants(side, text))
        return out

    def _scan_native(self, side: Side, text: str) -> list[Candidate]:
        """The native scan: the same filters as :meth:`_scan_side`, in C."""
        mapped = side.language.normalizer.normalize_with_map(text).native
        if mapped is None:
            raise UsageError(Msg.ENGINE_SWITCHED)
        found: list[Candidate] = side.automaton.candidates(mapped)
        return found

    def _scan_side(self, side: Side, text: str) -> Iterator[Candidate]:
        """The pure-Python scan: every automaton hit, filtered here."""
        normalized = side.language.normalizer.normalize_with_map(text)
        norm = normalized.text
        size = len(norm)
        prefix_ok = side.language.prefix_ok
        max_prefix = side.language.max_prefix
        for last, entry in side.automaton.iter(norm):
            end = last + 1
            if end < size and norm[end].isalnum():
                continue
            start = end - entry.length
            word_start = start
            while word_start > 0 and norm[word_start - 1].isalnum():
                word_start -= 1
                if start - word_start > max_prefix:
                    break
            prefix = norm[word_start:start]
            if len(prefix) > max_prefix or not prefix_ok(prefix, entry.kind):
                continue
            o_start, o_end = normalized.span(start, end)
            surface = text[o_start:o_end]
            if entry.letters is not None and not _same_letters(surface, entry.letters):
                continue
            alias, lang, exact = entry.best(surface)
            how = "clitic" if prefix else "exact" if exact else "normalised"
            yield Candidate(o_start, o_end, how, entry.entity, alias, lang, side.code, entry.ambiguous)

    def _scan_variants(self, side: Side, text: str) -> Iterator[Candidate]:
        if side.core is not None:
            hits = side.language.variant_hits(text, side.variants)
            if hits is None:  # a language without a native name pass
                keys, spans = side.language.variant_stream(text)
                stream = " ".join(keys)
                hits = [(spans[a][0], spans[b][1], v) for a, b, v in side.variants.scan_tokens(stream)]
            entries = side.variant_entries
            for start, end, value in hits:
                entry = entries[value]
                o_start = side.language.name_start(text, start)
                yield Candidate(o_start, end, "variant", entry.entity, entry.alias, entry.lang, side.code)
            return
        keys, spans = side.language.variant_stream(text)
        if not keys:
            return
        stream = " ".join(keys)
        starts: dict[int, int] = {}
        ends: dict[int, int] = {}
        pos = 0
        for i, key in enumerate(keys):
            starts[pos] = i
            ends[pos + len(key)] = i
            pos += len(key) + 1
        for last, entry in side.variants.iter(stream):
            first_token = starts.get(last + 1 - entry.length)
            last_token = ends.get(last + 1)
            if first_token is None or last_token is None:
                continue
            o_start = side.language.name_start(text, spans[first_token][0])
            o_end = spans[last_token][1]
            yield Candidate(o_start, o_end, "variant", entry.entity, entry.alias, entry.lang, side.code)


def to_mentions(
    candidates: Iterable[Candidate],
    compiled: CompiledGazetteer,
    text: str,
    field: str,
    offset: int = 0,
) -> list[Mention]:
    """Mentions from resolved candidates of one paragraph starting at ``offset`` in its field."""
    labels = compiled.labels
    core = engine.core()
    if core is not None:
        listed = candidates if isinstance(candidates, list) else list(candidates)
        made: list[Mention] = core.mentions(Mention, MENTION_FIELDS, listed, labels, text, field, offset)
        return made
    return [
        Mention(field, start + offset, end + offset, text[start:end], *labels[entity], lang, alias, how)
        for start, end, how, entity, alias, lang, *_ in candidates
    ]
