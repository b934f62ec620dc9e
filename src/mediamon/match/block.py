"""Blocked texts: what an entity's ``meta.block_<lang>`` lists is never a mention of it.

The way to fix a false hit without editing a bundled gazetteer: a patch file (in any
gazetteer format, loaded with ``-g``) names the entity and the text that wrongly matched;
the annotator drops candidates of that entity whose text, normalised the way aliases
are, is blocked, before overlaps are resolved, so a shorter name under a blocked one
still matches. Rules that derive a text (clitic, variant, surname) are blocked alike,
since the comparison is on the text found, not on the alias.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from mediamon import lang as languages
from mediamon.match.compile import Candidate
from mediamon.match.gazetteer import BLOCK_PREFIX, Entity
from mediamon.typing import Language

__all__ = ["BLOCK_PREFIX", "Blocklist", "blocked_texts", "language_of"]


def language_of(text: str) -> Language:
    """The language side whose script ``text`` is in (the fallback side for others), as for aliases."""
    fallback = languages.get(languages.FALLBACK)
    return next((side for side in languages.languages() if side.owns(text)), fallback)


def _key(text: str) -> str:
    return language_of(text).normalizer.normalize(text).strip()


def blocked_texts(meta: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(language, text) pairs an entity's meta blocks (``block_<lang>`` lists of strings)."""
    return [
        (key.removeprefix(BLOCK_PREFIX), text)
        for key, value in meta.items()
        if key.startswith(BLOCK_PREFIX) and isinstance(value, list)
        for text in value
        if isinstance(text, str) and text.strip()
    ]


class Blocklist:
    """The blocked texts of a compiled gazetteer's entities, by entity index."""

    def __init__(self, entities: Iterable[Entity]):
        self._keys: dict[int, frozenset[str]] = {}
        for index, entity in enumerate(entities):
            keys = frozenset(_key(text) for _, text in blocked_texts(entity.meta))
            if keys:
                self._keys[index] = keys

    def __bool__(self) -> bool:
        return bool(self._keys)

    def keep(self, text: str, candidates: Sequence[Candidate]) -> list[Candidate]:
        """``candidates`` of ``text`` less those whose entity blocks the text they cover."""
        keys = self._keys
        return [
            c for c in candidates if c.entity not in keys or _key(text[c.start : c.end]) not in keys[c.entity]
        ]
