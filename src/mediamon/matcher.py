"""Compiling gazetteers into per-language automata and finding mentions in text.

Each alias goes to the side of its script (Arabic script to the Arabic tables, anything
else to the Latin ones), is normalised with that side's normaliser, and is added to one
Aho–Corasick automaton per side (pyahocorasick), with the extra forms its language asks
for (Arabic ``لل`` assimilation). A scan takes *all* hits, overlapping ones included, and
filters them afterwards -- whole words only, proclitic prefixes only where the language
allows them, short all-capital aliases only in capitals -- because leftmost-longest
automaton modes drop real whole-word matches behind false starts inside words.

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

import attrs

from mediamon import lang as languages
from mediamon.gazetteer import Entity, Gazetteer
from mediamon.model import Mention
from mediamon.typing import Language

__all__ = ["HOW_RANK", "AliasEntry", "Candidate", "CompiledGazetteer", "Conflict", "resolve"]

HOW_RANK = {"exact": 0, "normalised": 1, "clitic": 2, "variant": 3, "surname": 4}
MAX_PREFIX = 4
CASE_SENSITIVE_MAX = 5
VARIANT_MIN_KEY = 5
VARIANT_MIN_KEY_PER = 4
#: Entity types whose Latin names are transliterations worth matching by spelling key.
VARIANT_TYPES = frozenset({"PER", "ORG"})
_LETTERS = re.compile(r"[^\W\d_]")
# A capitalised Latin word (the material of names), with inner apostrophes kept.
CAP_WORD = re.compile(r"(?<![^\W_])[A-Z\u00c0-\u00de\u0100-\u017f][^\W_]*(?:['’ʼ`][^\W_]+)*")
PARTICLE_GAP = re.compile(r"(?:[^\S\n]|[-‐‑–])*(?:(?:al|el|ul|Al|El|AL|EL)(?:[^\S\n]|[-‐‑–])+)?")
PARTICLE_BEFORE = re.compile(r"(?:(?<![^\W_])(?:al|el|ul|Al|El|AL|EL)[\-‐‑– ])$")
POSSESSIVE = re.compile(r"['’ʼ`][sS]$")


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


@attrs.frozen
class Candidate:
    """A possible mention, in original offsets of the field."""

    start: int
    end: int
    how: str
    entity: int
    alias: str
    lang: str

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return (-(self.end - self.start), self.start, HOW_RANK[self.how])


def resolve(candidates: Iterable[Candidate], length: int) -> list[Candidate]:
    """Keep non-overlapping candidates: longest first, ties to the earliest start, then best rule."""
    taken = bytearray(length + 1)
    kept = []
    for cand in sorted(candidates, key=lambda c: c.sort_key):
        if any(taken[cand.start : cand.end]):
            continue
        taken[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
        kept.append(cand)
    kept.sort(key=lambda c: c.start)
    return kept


def _is_word(char: str) -> bool:
    return char.isalnum()


def _case_letters(alias: str) -> str | None:
    """The letters of a short all-capital alias (matched case-sensitively), else None."""
    letters = "".join(_LETTERS.findall(alias))
    if letters and len(letters) <= CASE_SENSITIVE_MAX and letters.isupper() and letters.isascii():
        return letters
    return None


class Side:
    """One language's automaton (and, for Latin script, the transliteration-variant automaton)."""

    def __init__(self, language: Language):
        import ahocorasick

        self.language = language
        self.code = language.code
        self.automaton = ahocorasick.Automaton()
        self.variants = ahocorasick.Automaton()
        self.has_variants = False
        self.size = 0

    def finish(self) -> None:
        if self.size:
            self.automaton.make_automaton()
        if self.has_variants:
            self.variants.make_automaton()


class CompiledGazetteer:
    """A gazetteer compiled for matching: per-side automata, entities by index, conflicts."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.entities: list[Entity] = list(gazetteer)
        self.conflicts: list[Conflict] = []
        self.sides: dict[str, Side] = {code: Side(languages.get(code)) for code in languages.CODES}
        owners: dict[tuple[str, str], int] = {}
        pending: dict[tuple[str, str], tuple[int, str, list[tuple[str, str]], list[str | None]]] = {}
        variant_owners: dict[str, int] = {}
        arabic = self.sides["ar"].language
        latin = self.sides["en"]
        for index, entity in enumerate(self.entities):
            for lang_code, alias in entity.aliases():
                side = self.sides["ar"] if arabic.owns(alias) else latin
                normalized = side.language.normalizer.normalize(alias).strip()
                if not normalized or not any(c.isalnum() for c in normalized):
                    continue
                letters = _case_letters(alias)
                for form, kind in side.language.alias_forms(normalized):
                    key = (side.code, form)
                    owner = owners.get(key)
                    if owner is None:
                        owners[key] = index
                        pending[key] = (index, kind, [(alias, lang_code)], [letters])
                    elif owner == index:
                        pending[key][2].append((alias, lang_code))
                        pending[key][3].append(letters)
                    else:
                        self.conflicts.append(Conflict(side.code, form, self.entities[owner].id, entity.id))
                if side is latin and letters is None:
                    vkey = _alias_variant_key(normalized, entity.type)
                    if vkey and vkey not in variant_owners:
                        variant_owners[vkey] = index
                        latin.variants.add_word(
                            vkey, AliasEntry(index, ((alias, lang_code),), "variant", None, len(vkey))
                        )
                        latin.has_variants = True
        for (code, form), (index, kind, aliases, letter_sets) in pending.items():
            letters = letter_sets[0] if len(set(letter_sets)) == 1 else None
            self.sides[code].automaton.add_word(
                form, AliasEntry(index, tuple(aliases), kind, letters, len(form))
            )
            self.sides[code].size += 1
        for side in self.sides.values():
            side.finish()

    def __len__(self) -> int:
        return len(self.entities)

    # -- scanning -------------------------------------------------------------------
    def scan(self, text: str, *, sides: Sequence[str] | None = None) -> list[Candidate]:
        """All filtered candidates in ``text`` (one paragraph), in original offsets."""
        out: list[Candidate] = []
        for code, side in self.sides.items():
            if sides is not None and code not in sides:
                continue
            if not side.language.owns(text):
                continue
            if side.size:
                out.extend(self._scan_side(side, text))
            if side.has_variants:
                out.extend(self._scan_variants(side, text))
        return out

    def _scan_side(self, side: Side, text: str) -> Iterator[Candidate]:
        normalized = side.language.normalizer.normalize_with_map(text)
        norm = normalized.text
        size = len(norm)
        prefix_ok = side.language.prefix_ok
        for last, entry in side.automaton.iter(norm):
            end = last + 1
            if end < size and _is_word(norm[end]):
                continue
            start = end - entry.length
            word_start = start
            while word_start > 0 and _is_word(norm[word_start - 1]):
                word_start -= 1
                if start - word_start > MAX_PREFIX:
                    break
            prefix = norm[word_start:start]
            if len(prefix) > MAX_PREFIX or not prefix_ok(prefix, entry.kind):
                continue
            o_start, o_end = normalized.span(start, end)
            surface = text[o_start:o_end]
            if entry.letters is not None and "".join(_LETTERS.findall(surface)) != entry.letters:
                continue
            alias, lang, exact = entry.best(surface)
            how = "clitic" if prefix else "exact" if exact else "normalised"
            yield Candidate(o_start, o_end, how, entry.entity, alias, lang)

    def _scan_variants(self, side: Side, text: str) -> Iterator[Candidate]:
        keys, spans = variant_stream(text, side.language)
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
            o_start, o_end = spans[first_token][0], spans[last_token][1]
            particle = PARTICLE_BEFORE.search(text, max(0, o_start - 3), o_start)
            if particle:
                o_start = particle.start()
            yield Candidate(o_start, o_end, "variant", entry.entity, entry.alias, entry.lang)


def _alias_variant_key(normalized: str, entity_type: str) -> str | None:
    """The variant key of a Latin alias, when it is safe to match by key.

    People's and organisations' names are keyed; other names only when they have two
    words or more: one-word place names are too close to ordinary capitalised words
    (``Minister`` would meet ``El Menstir``).
    """
    from mediamon.lang.en import variant_key

    if entity_type not in VARIANT_TYPES and len([t for t in normalized.split() if t not in _particles()]) < 2:
        return None
    tokens = normalized.split()
    particles = _particles()
    if any(not t.isalpha() or not t.isascii() for t in tokens):
        return None
    words = [t for t in tokens if t not in particles]
    if not words:
        return None
    key = " ".join(variant_key(w) for w in words)
    if len(words) == 1:
        minimum = VARIANT_MIN_KEY_PER if entity_type == "PER" else VARIANT_MIN_KEY
        if len(key) < minimum:
            return None
    return key


@functools.cache
def _particles() -> frozenset[str]:
    from mediamon.lang.en import LANGUAGE

    return LANGUAGE.particles


@functools.lru_cache(maxsize=100_000)
def word_keys(word: str) -> tuple[str, ...]:
    from mediamon.lang.en import LANGUAGE, variant_key

    pieces = LANGUAGE.normalizer.normalize(word).split()
    particles = _particles()
    out = []
    for i, piece in enumerate(pieces):
        if piece in particles or (piece == "s" and i > 0) or not piece.isascii() or not piece.isalpha():
            continue
        out.append(variant_key(piece))
    return tuple(out)


def variant_stream(text: str, language: Language) -> tuple[list[str], list[tuple[int, int]]]:
    """Variant keys of the capitalised words of ``text``, with "|" between separate name runs."""
    keys: list[str] = []
    spans: list[tuple[int, int]] = []
    previous_end = -1
    particles = _particles()
    for match in CAP_WORD.finditer(text):
        word = match.group()
        if word.lower() in particles:
            continue
        found = word_keys(word)
        if not found:
            continue
        if previous_end >= 0:
            gap = PARTICLE_GAP.fullmatch(text, previous_end, match.start())
            if gap is None:
                keys.append("|")
                spans.append((previous_end, previous_end))
        start, end = match.span()
        possessive = POSSESSIVE.search(word)
        if possessive:
            end -= 2
        for key in found:
            keys.append(key)
            spans.append((start, end))
        previous_end = match.end()
    return keys, spans


def to_mentions(
    candidates: Iterable[Candidate],
    compiled: CompiledGazetteer,
    text: str,
    field: str,
    offset: int = 0,
) -> list[Mention]:
    """Mentions from resolved candidates of one paragraph starting at ``offset`` in its field."""
    out = []
    for cand in candidates:
        entity = compiled.entities[cand.entity]
        out.append(
            Mention(
                field=field,
                start=cand.start + offset,
                end=cand.end + offset,
                text=text[cand.start : cand.end],
                entity_id=entity.id,
                entity_type=entity.type,
                entity_name=entity.name,
                lang=cand.lang,
                alias=cand.alias,
                how=cand.how,
            )
        )
    return out
