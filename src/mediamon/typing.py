"""The small protocols the parts of mediamon meet at.

A language module (``mediamon.lang.ar``, ``mediamon.lang.en``) satisfies
:class:`Language`; its normaliser satisfies :class:`Normalizer`. Core code depends on
these protocols only, never on a language module.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from mediamon.text.normalize import NormalizedText, Step

__all__ = ["Language", "Normalizer"]


@runtime_checkable
class Normalizer(Protocol):
    """Maps text to a matching form, keeping a way back to original offsets."""

    lang: str

    def normalize(self, text: str) -> str:
        """The normalised text alone (idempotent: normalising it again changes nothing)."""
        ...

    def normalize_with_map(self, text: str) -> NormalizedText:
        """The normalised text with its offset map back to ``text``."""
        ...

    def explain(self, text: str) -> list[Step]:
        """The named steps that changed ``text``, in order: why it was normalised as it was."""
        ...


class Language(Protocol):
    """What mediamon needs from a language: a code, a normaliser, and matching hooks."""

    code: str
    name: str
    #: The longest proclitic chain that may stand before a name (0: whole words only).
    max_prefix: int

    @property
    def proclitics(self) -> frozenset[str]:
        """Every proclitic chain :meth:`prefix_ok` may accept (empty: whole words only)."""
        ...

    @property
    def normalizer(self) -> Normalizer: ...

    def owns(self, text: str) -> bool:
        """Whether ``text`` has letters this language's tables should see (its script)."""
        ...

    def alias_forms(self, normalized_alias: str) -> Iterable[tuple[str, str]]:
        """Extra (form, how) keys under which a normalised alias is indexed (e.g. clitic forms)."""
        ...

    def prefix_ok(self, prefix: str, form_how: str) -> bool:
        """Whether ``prefix`` (the letters of the word before a hit) may attach to a hit of that kind."""
        ...

    def alias_variant(self, normalized_alias: str, entity_type: str) -> str | None:
        """The spelling-variant key of an alias, or None where the language matches no variants."""
        ...

    def variant_stream(self, text: str) -> tuple[list[str], list[tuple[int, int]]]:
        """Variant keys of the name words of ``text`` with their spans (``|`` separates runs)."""
        ...

    def variant_hits(self, text: str, table: object) -> list[tuple[int, int, int]] | None:
        """(start, end, value) of a native variant table's keys over the name runs of ``text``.

        The native core's one-pass form of :meth:`variant_stream` followed by a token scan;
        None when the language has no such pass (the caller then uses ``variant_stream``).
        """
        ...

    def name_start(self, text: str, start: int) -> int:
        """Where a name found at ``start`` begins (taking in a particle such as ``al-``)."""
        ...

    def surname_key(self, alias: str) -> str | None:
        """The key of a full-name alias's surname, or None when it has none usable alone."""
        ...

    def surname_spans(self, text: str, keys: Collection[str]) -> Iterator[tuple[int, int, str]]:
        """(start, end, key) of surname occurrences in ``text`` for the given keys."""
        ...
