"""Language support, one module per language (``mediamon.lang.ar``, ``mediamon.lang.en``).

Core code never imports a language module directly: it asks this registry, which
imports the module on first use. Each module exposes ``LANGUAGE``, an object that
satisfies :class:`mediamon.typing.Language`.
"""

from __future__ import annotations

import functools
import importlib
from typing import cast

from mediamon.typing import Language, NameFinder

__all__ = ["CODES", "FALLBACK", "finder", "get", "languages"]

#: Languages with a normaliser and matching tables, in routing order.
CODES: tuple[str, ...] = ("ar", "en")
#: The side that takes aliases and text no other language claims (Latin-script rules
#: fold case in Greek and Cyrillic too).
FALLBACK = "en"


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
