"""The small protocols the parts of mediamon meet at.

A language module (``mediamon.lang.ar``, ``mediamon.lang.en``) satisfies
:class:`Language`; its normaliser satisfies :class:`Normalizer`. Core code depends on
these protocols only, never on a language module.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    from mediamon.engine import Engine
    from mediamon.text.normalize import NormalizedText, Step

__all__ = ["Language", "NameFinder", "Normalizer", "Variants"]


@runtime_checkable
class Normalizer(Protocol):
    """Maps text to a matching form, keeping a way back to original offsets."""

    lang: str

    def normalize(self, text: str) -> str:
        """The normalised text alone (idempotent: normalising it again changes nothing)."""
        ...

    def normalize_with_map(self, text: str, engine: Engine | None = None) -> NormalizedText:
        """The normalised text with its offset map back to ``text`` (made by ``engine``, default current)."""
        ...

    def explain(self, text: str) -> list[Step]:
        """The named steps that changed ``text``, in order: why it was normalised as it was."""
        ...

    def sources(self, chars: Iterable[str]) -> frozenset[str] | None:
        """Characters of a text that can put one of ``chars`` into its normalised form (None: any)."""
        ...

    def keeps(self, text: str, n: int) -> bool:
        """Whether the stripped normal form of ``text`` surely holds ``n`` characters (False: unsure)."""
        ...

    def context_edits(self, text: str, engine: Engine | None = None) -> bool:
        """Whether a rule that reads neighbours changes ``text`` (word-by-word normalisation then differs)."""
        ...

    def char_by_char(self, text: str) -> str | None:
        """``normalize(text)`` when each character is mapped on its own (its prefixes normalise to
        the normal form's prefixes), None when an edit may apply."""
        ...


class Variants(Protocol):
    """Matching by transliteration key: Kadhimi and Kadhemi meet (a language may have none)."""

    def alias_key(self, normalized_alias: str, entity_type: str) -> str | None:
        """The variant key of a normalised alias, or None where it is not safe to match by key."""
        ...

    def hits(self, text: str, table: Any, engine: Engine) -> list[tuple[int, int, int]]:
        """(start, end, value) of ``table``'s keys (an ``engine`` trie of variant keys) in ``text``."""
        ...

    @property
    def starts(self) -> str:
        """The characters a hit's first word starts with: a text holding none of them has no hits."""
        ...


class Language(Protocol):
    """What mediamon needs from a language: a code, a normaliser, and matching hooks."""

    code: str
    name: str

    @property
    def proclitics(self) -> frozenset[str]:
        """Every proclitic chain :meth:`prefix_ok` may accept (empty: whole words only)."""
        ...

    @property
    def search_prefixes(self) -> frozenset[str]:
        """Letters search strips from the front of a normalised word (the article with what may
        precede it), so ``بالعراق`` and ``العراق`` index alike (empty: words are kept whole)."""
        ...

    @property
    def normalizer(self) -> Normalizer: ...

    @property
    def variants(self) -> Variants | None:
        """The language's transliteration-variant matching, or None."""
        ...

    def owns(self, text: str) -> bool:
        """Whether ``text`` has letters this language's tables should see (its script)."""
        ...

    def alias_forms(self, normalized_alias: str) -> Iterable[tuple[str, str]]:
        """Extra (form, how) keys under which a normalised alias is indexed (e.g. clitic forms)."""
        ...

    def prefix_ok(self, prefix: str, form_how: str) -> bool:
        """Whether ``prefix`` (the letters of the word before a hit) may attach to a hit of that kind."""
        ...

    def surname_key(self, alias: str) -> str | None:
        """The key of a full-name alias's surname, or None when it has none usable alone."""
        ...

    def surname_spans(self, text: str, keys: Collection[str]) -> Iterator[tuple[int, int, str]]:
        """(start, end, key) of surname occurrences in ``text`` for the given keys."""
        ...


class NameFinder(Protocol):
    """A language's finder of names no gazetteer lists (``mediamon.lang.<code>.names.FINDER``)."""

    lang: str

    def find(self, text: str, known: Sequence[tuple[int, int, str]] = ()) -> list[tuple[int, int, str]]:
        """(start, end, type) of PER/ORG/LOC names in ``text``; ``known``: gazetteer hits, the same way."""
        ...

    def name_key(self, name: str) -> str:
        """The key a name's provisional id is made of: the same for its spelling variants."""
        ...

    def skeleton(self, name: str) -> str:
        """A script-neutral consonant key, so a name's Arabic and Latin spellings can be paired."""
        ...

    def may_contain(self, text: str, start: int, end: int, entity_type: str) -> bool:
        """Whether the name found at ``start:end`` may replace gazetteer places inside it."""
        ...

    def may_replace(self, text: str, start: int, end: int, entity_type: str, inner: Sequence[Any]) -> bool:
        """Whether the name found at ``start:end`` may replace the gazetteer mentions ``inner``
        it strictly contains (places, by default when :meth:`may_contain` allows)."""
        ...

    def headlines(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of the headline lines of ``text`` (title case), where names are unreliable."""
        ...
