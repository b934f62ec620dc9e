"""Compiling gazetteers into per-language tables and finding mentions in text.

Each alias goes to the side of its script (Arabic script to the Arabic tables, anything
else to the Latin ones), is normalised with that side's normaliser, and is added to one
table per side, with the extra forms its language asks for (Arabic ``لل``
assimilation). The table is the engine's trie (:mod:`mediamon.engine`), which gives
every whole-word hit, after allowed proclitics, overlapping ones included: *all*
candidates are kept until overlaps are resolved, because a leftmost-longest scan would
drop real whole-word matches behind false starts inside words.

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
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

import attrs

from mediamon import engine as engines
from mediamon import lang as languages
from mediamon.engine import Engine
from mediamon.match.gazetteer import Entity, Gazetteer, wikidata_of
from mediamon.model import Mention
from mediamon.typing import Language

__all__ = ["HOW_RANK", "Candidate", "CompiledGazetteer", "Conflict", "case_letters", "resolve", "to_mentions"]

HOW_RANK = {"exact": 0, "normalised": 1, "clitic": 2, "variant": 3, "surname": 4}
CASE_SENSITIVE_MAX = 5
_LETTERS = re.compile(r"[^\W\d_]")


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
    #: What let an ambiguous alias through (match/support.py); None for the rest.
    support: str | None = None


#: Makes a Candidate from all its fields without the Python-level ``__new__`` (thousands per text).
_make_candidate = tuple.__new__


def resolve(candidates: Iterable[Candidate], length: int, engine: Engine | None = None) -> list[Candidate]:
    """Keep non-overlapping candidates: longest first, ties to the earliest start, then best rule."""
    listed = candidates if isinstance(candidates, list) else list(candidates)
    kept: list[Candidate] = (engine or engines.current()).resolve(listed, length, HOW_RANK)
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


def case_letters(alias: str) -> str | None:
    """The letters of a short alias written with capitals (``US``, ``MoD``), matched case-sensitively."""
    first = _LETTERS.search(alias)
    if first is None or not first.group().isascii() or alias.islower():
        return None  # no letter, a letter outside ASCII (every Arabic alias), or no capital at all
    letters = "".join(_LETTERS.findall(alias, first.start()))
    if (
        letters
        and len(letters) <= CASE_SENSITIVE_MAX
        and letters.isascii()
        and (sum(map(str.isupper, letters)) >= 2 or letters.isupper())
    ):
        return letters
    return None


class Side:
    """One language's tables: its aliases and, where the language has them, transliteration-variant keys.

    The tables are the engine's tries (:mod:`mediamon.engine`), chosen when the side is
    built and kept for its life. A trie's value indexes the side's columns (entity, aliases,
    case letters, ambiguity), from which :meth:`candidates` makes what it reports.
    """

    def __init__(self, language: Language, engine: Engine):
        self.language = language
        self.code = language.code
        self.engine = engine
        self.table: Any = self.engine.Trie()
        self.variants: Any = self.engine.Trie()
        self._kinds: list[str] = []
        self.entities: list[int] = []
        self.aliases: list[tuple[tuple[str, str], ...]] = []
        self.letters: list[str | None] = []
        self.ambiguous = bytearray()
        #: further entities of a key several entities share (a city and its club: برشلونة), per row
        self.others: list[tuple[tuple[int, tuple[tuple[str, str], ...], str | None, bool], ...]] = []
        self.variant_entries: list[tuple[int, str, str]] = []
        self.size = 0
        #: what the engine's ``label_hits`` reads by trie value (the lists above, shared)
        self._columns = (self.entities, self.aliases, self.letters, self.ambiguous, self.others)
        #: a character each key holds, its first letter (else digit): a hit's normalised text holds it
        self._firsts: set[str] = set()
        #: characters of a text the side can find anything in (None: any text); see finish()
        self.reach: Any = None

    @property
    def has_variants(self) -> bool:
        return bool(self.variant_entries)

    def add(
        self,
        key: str,
        entity: int,
        aliases: tuple[tuple[str, str], ...],
        kind: str,
        letters: str | None,
        ambiguous: bool,
        others: tuple[tuple[int, tuple[tuple[str, str], ...], str | None, bool], ...] = (),
    ) -> None:
        """Index ``key`` for an entity's ``aliases`` (alias, lang) that normalise to it.

        ``kind`` says which proclitics the key takes (the language's ``alias_forms``);
        ``letters`` is set when every one of the aliases is a short all-capital form, whose
        capitals the text must then repeat; ``ambiguous`` when all of them are marked so.
        ``others``: (entity, aliases, letters, ambiguous) of further entities with the key;
        each hit is a candidate of each of them too (the support stage decides between them).
        """
        self.table.add(key, self.size)
        for char in key:  # the key's first letter (a loop: no generator made once per key)
            if char.isalpha():
                self._firsts.add(char)
                break
        else:
            self._firsts.add(next(c for c in key if c.isalnum()))  # else its first digit
        self._kinds.append(kind)
        self.entities.append(entity)
        self.aliases.append(aliases)
        self.letters.append(letters)
        self.ambiguous.append(ambiguous)
        self.others.append(others)
        self.size += 1

    def add_variant(self, key: str, entity: int, alias: str, lang: str) -> None:
        self.variants.add(key, len(self.variant_entries))
        self.variant_entries.append((entity, alias, lang))

    def finish(self) -> None:
        """Tell the trie which proclitics each kind of key takes (see ``Trie.configure``)."""
        kinds = sorted(set(self._kinds))
        kind_id = {kind: i for i, kind in enumerate(kinds)}
        proclitics = ["", *sorted(self.language.proclitics)]
        prefixes = None
        if len(proclitics) > 1:
            prefixes = self.engine.Trie()
            for pid, prefix in enumerate(proclitics[1:], start=1):
                prefixes.add(prefix, pid)
        self.table.configure(
            prefixes,
            bytes(kind_id[kind] for kind in self._kinds),
            bytes(bool(self.language.prefix_ok(p, kind)) for kind in kinds or [""] for p in proclitics),
            len(proclitics),
        )
        self._kinds = []
        reach = self.language.normalizer.sources(self._firsts)
        variants = self.language.variants
        if reach is not None and variants is not None and self.variant_entries:
            reach = reach | frozenset(variants.starts)
        self.reach = None if reach is None else self.engine.CharSet(reach)
        self._firsts = set()

    def may_match(self, text: str) -> bool:
        """Whether ``text`` holds a character from which a hit of the side can come (else it is
        skipped: the Latin side has nothing to find in an Arabic paragraph)."""
        return self.reach is None or bool(self.reach.any_in(text))

    def candidates(self, text: str) -> list[Candidate]:
        """The filtered candidates of the side's aliases in ``text``, in original offsets.

        The engine's trie gives whole-word hits after allowed proclitics, and its
        ``label_hits`` makes them candidates in the same call: a short all-capital alias
        must meet its capitals, and each hit is labelled ``clitic`` after a proclitic,
        ``exact`` when the surface is written as one of the key's aliases, else
        ``normalised``.
        """
        mapped = self.language.normalizer.normalize_with_map(text, self.engine).mapped
        found: list[Candidate] = self.engine.label_hits(
            self.table, mapped, text, self._columns, self.code, Candidate, _same_letters
        )
        return found

    def variant_candidates(self, text: str) -> list[Candidate]:
        """Candidates of the transliteration-variant keys over the name runs of ``text``."""
        variants = self.language.variants
        if variants is None or not self.variant_entries:
            return []
        out = []
        for start, end, value in variants.hits(text, self.variants, self.engine):
            entity, alias, lang = self.variant_entries[value]
            out.append(Candidate(start, end, "variant", entity, alias, lang, self.code))
        return out


class CompiledGazetteer:
    """A gazetteer compiled for matching: per-side automata, entities by index, conflicts."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.entities: list[Entity] = list(gazetteer)
        self.conflicts: list[Conflict] = []
        self._surname_keys: dict[tuple[str, str], str | None] = {}
        #: The engine every table of this gazetteer is built and scanned with.
        self.engine = engines.current()
        self.sides = {code: Side(languages.get(code), self.engine) for code in languages.CODES}
        # Per side: normalised key -> [(entity index, kind, its aliases, case letters, ambiguous)],
        # the first entity first (a key shared by several entities keeps them all).
        pending: dict[str, dict[str, list[_Pending]]] = {code: {} for code in self.sides}
        variant_owners: dict[tuple[str, str], int] = {}
        fallback = self.sides[languages.FALLBACK]
        owners = [(side, side.language.owns) for side in self.sides.values()]
        for index, entity in enumerate(self.entities):
            ambiguous = _ambiguous_aliases(entity)
            strict = entity.meta.get("strict") is True
            for lang_code, alias in entity.aliases():
                side = fallback
                for found, owns in owners:  # a loop, not next() over a generator: once per alias
                    if owns(alias):
                        side = found
                        break
                # the side's key (lang.key: normalised, stripped), kept in the side's shared key
                # cache, where the support stage's tables read their aliases' keys again
                normalized = languages.key(side.code, alias)
                if not normalized or not any(map(str.isalnum, normalized)):
                    continue
                letters = case_letters(alias)
                unsure = (lang_code, alias) in ambiguous
                forms = [(normalized, "strict")] if strict else side.language.alias_forms(normalized)
                keys = pending[side.code]
                for form, kind in forms:
                    entries = keys.setdefault(form, [])
                    held = None
                    for i, entry in enumerate(entries):  # most keys have one entity: a loop, no generator
                        if entry[0] == index:
                            held = i
                            break
                    if held is None:
                        if entries:
                            self.conflicts.append(
                                Conflict(side.code, form, self.entities[entries[0][0]].id, entity.id)
                            )
                        entries.append((index, kind, ((alias, lang_code),), letters, unsure))
                    else:
                        old = entries[held]
                        same_case = letters if old[3] == letters else None
                        entries[held] = (
                            index,
                            old[1],
                            (*old[2], (alias, lang_code)),
                            same_case,
                            old[4] and unsure,
                        )
                keyable = letters is None and not unsure and not strict
                variants = side.language.variants
                vkey = variants.alias_key(normalized, entity.type) if keyable and variants else None
                if vkey and (side.code, vkey) not in variant_owners:
                    variant_owners[(side.code, vkey)] = index
                    side.add_variant(vkey, index, alias, lang_code)
        for code, keys in pending.items():
            side = self.sides[code]
            while keys:
                form, ((index, kind, aliases, letters, unsure), *rest) = keys.popitem()
                others = tuple((e[0], e[2], e[3], e[4]) for e in rest)
                side.add(form, index, aliases, kind, letters, unsure, others)
        for side in self.sides.values():
            side.finish()

    def __len__(self) -> int:
        return len(self.entities)

    @functools.cached_property
    def labels(self) -> list[tuple[str, str, str, str | None]]:
        """(id, type, name, Wikidata QID) of each entity, by index: what a mention reports of it."""
        return [(entity.id, entity.type, entity.name, wikidata_of(entity.meta)) for entity in self.entities]

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
        if not text:
            return out  # an empty field (most record titles): no side has anything to find
        for code, side in self.sides.items():
            if sides is not None and code not in sides:
                continue
            if (code != languages.FALLBACK and not side.language.owns(text)) or not side.may_match(text):
                continue
            if side.size:
                out.extend(side.candidates(text))
            out.extend(side.variant_candidates(text))
        return out


def to_mentions(
    candidates: Iterable[Candidate], compiled: CompiledGazetteer, text: str, field: str
) -> list[Mention]:
    """Mentions of ``field`` from resolved candidates found in its ``text``."""
    labels = compiled.labels
    out = []
    for start, end, how, entity, alias, lang, _side, _ambiguous, support in candidates:
        entity_id, entity_type, entity_name, qid = labels[entity]
        # positional, in Mention's field order (field, start, end, text, entity_id, entity_type,
        # entity_name, lang, alias, how, support, wikidata): keywords cost more per mention
        out.append(
            Mention(
                field,
                start,
                end,
                text[start:end],
                entity_id,
                entity_type,
                entity_name,
                lang,
                alias,
                how,
                support,
                qid,
            )
        )
    return out
