"""Language support, one module per language (``mediamon.lang.ar``, ``mediamon.lang.en``).

Core code never imports a language module directly: it asks this registry, which
imports the module on first use. Each module exposes ``LANGUAGE``, an object that
satisfies :class:`mediamon.typing.Language`.
"""

from __future__ import annotations

import functools
import importlib
from typing import cast

from mediamon.memo import make_room
from mediamon.typing import Language, NameFinder

__all__ = ["CODES", "FALLBACK", "finder", "get", "key", "key_cache", "languages"]

#: Languages with a normaliser and matching tables, in routing order.
CODES: tuple[str, ...] = ("ar", "en")
#: The side that takes aliases and text no other language claims (Latin-script rules
#: fold case in Greek and Cyrillic too).
FALLBACK = "en"
_KEYS: dict[str, dict[str, str]] = {}


@functools.cache
def get(code: str) -> Language:
    """The language support object for an ISO 639-1 code (``KeyError`` when unsupported)."""
    if code not in CODES:
        raise KeyError(code)
    module = importlib.import_module(f"mediamon.lang.{code}")
    return cast(Language, module.LANGUAGE)


def languages() -> tuple[Language, ...]:
    """All supported languages."""
    return tuple(get(code) for code in CODES)


@functools.cache
def finder(code: str) -> NameFinder | None:
    """The name finder of a language (``mediamon.lang.<code>.names``), or None when it has none."""
    if code not in CODES:
        raise KeyError(code)
    try:
        module = importlib.import_module(f"mediamon.lang.{code}.names")
    except ModuleNotFoundError as exc:
        if exc.name != f"mediamon.lang.{code}.names":
            raise
        return None
    return cast(NameFinder, module.FINDER)


def key_cache(code: str) -> dict[str, str]:
    """Text -> its :func:`key` for language ``code``, as far as asked so far (read it, never write it)."""
    keys = _KEYS.get(code)
    if keys is None:
        get(code)  # KeyError when unsupported
        keys = _KEYS[code] = {}
    return keys


def key(code: str, text: str) -> str:
    """The language's normalised form of a short text (a word, an alias), stripped; cached.

    The support stage, the role pass and the block list key the same words of a text:
    one cache for all of them normalises each word once.
    """
    keys = key_cache(code)
    found = keys.get(text)
    if found is None:
        make_room(keys)  # bounded memory on a long stream (mediamon.memo)
        found = keys[text] = get(code).normalizer.normalize(text).strip()
    return found
