"""The matching engine: one interface, two implementations, chosen here and nowhere else.

``_native`` (Cython, compiled when the package is installed) and ``_python`` (``re``,
``str.translate``, pyahocorasick) are modules with the same names and the same results:
``CharTable`` and ``normalize`` (a normaliser's table applied with an offset map back to
the original), ``Trie`` (normalised keys, hits only at whole words and allowed
proclitics), ``CharSet``, ``words``, ``resolve``, ``name_hits`` and ``label_hits`` (a side's trie hits as
labelled candidates, one call per text); for language ID
``script_tally`` (letters by script), ``word_tally`` (function words) and ``nb_column``,
``nb_grams``, ``nb_trials`` (langdetect's naive-Bayes model and seeded trials); for name
discovery ``marked_words`` and ``latin_words`` (the finders' tokens), ``token_words`` (their
words, gazetteer tags and the tokens tagged, one call per text), ``crf_viterbi`` and
``crf_window`` (the tagger's decoder), ``feature_rows`` (a new word's features as model
rows). :func:`current` gives the one in use; objects that
match text (a compiled gazetteer's sides) keep the one they were built with, so switching
affects only what is built afterwards.

``MEDIAMON_PURE_PYTHON=1`` in the environment, or :func:`use_native` ``(False)``, selects
the pure-Python engine, for comparison or debugging; without a built core it is the only one.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Collection, Iterable
from types import ModuleType
from typing import Any, Protocol, cast

__all__ = ["Engine", "char_set", "current", "name", "native_built", "use_native"]


class Engine(Protocol):
    """What both implementations provide (see the module docstring and ``_native.pyi``)."""

    NAME: str
    CharTable: Callable[..., Any]
    Trie: Callable[[], Any]
    CharSet: Callable[[Iterable[str]], Any]

    def normalize(self, table: Any, text: str, edits: list[tuple[int, int, str | None]]) -> Any: ...

    def words(self, text: str, first: Any, joiners: Any) -> list[tuple[int, int, str]]: ...

    def resolve(self, candidates: list[Any], length: int, rank: dict[str, int]) -> list[Any]: ...

    def label_hits(
        self,
        trie: Any,
        mapped: Any,
        text: str,
        columns: tuple[Any, ...],
        code: str,
        kind: type[Any],
        same_letters: Callable[[str, str], bool],
    ) -> list[Any]: ...

    def name_hits(
        self,
        trie: Any,
        text: str,
        first: Any,
        joiners: Any,
        cache: dict[str, tuple[str, ...]],
        compute: Callable[[str], tuple[str, ...]],
        joined: Callable[[str, int, int], object],
        endings: Collection[str],
    ) -> list[tuple[int, int, int]]: ...

    # Language ID (mediamon.text.langid, mediamon.lang.scripts).
    def script_tally(self, text: str, table: bytes, slots: int) -> tuple[list[int], list[int]]: ...

    def word_tally(
        self, text: str, window: int, letters: Any, vocabulary: dict[str, int], languages: int
    ) -> tuple[int, int, list[int]]: ...

    def nb_column(
        self,
        probs: Any,
        width: int,
        column: int,
        index: dict[str, int],
        freq: dict[str, int],
        totals: list[int],
    ) -> None: ...

    def nb_grams(self, text: str, index: dict[str, int]) -> list[int]: ...

    def nb_trials(
        self,
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
    ) -> list[float]: ...

    def crf_viterbi(
        self, weights: Any, trans: Any, labels: int, ids: list[int], ends: list[int]
    ) -> list[int]: ...

    def marked_words(
        self,
        text: str,
        marks: Any,
        cache: dict[str, Any],
        compute: Callable[[str], Any],
        make: Callable[[tuple[int, int, int, str]], Any],
    ) -> list[Any] | None: ...

    def latin_words(self, text: str, make: Callable[[tuple[int, int, int, str]], Any]) -> list[Any]: ...

    #: ``(tokens, spans, cache, kind_at, kind, word) -> (words, gz, keep)`` (``_python.token_words``).
    token_words: Callable[
        [
            list[Any],
            list[tuple[int, int, str]],
            dict[str, Any],
            int,
            Callable[[str], int],
            Callable[[str], Any],
        ],
        tuple[list[Any], list[str], list[int]],
    ]

    def feature_rows(
        self,
        feats: dict[str, str],
        table: dict[str, dict[str, tuple[bytes, ...]]],
        slots: tuple[tuple[int, tuple[str, ...]], ...],
    ) -> tuple[bytes, tuple[bytes, ...]]: ...

    def crf_window(
        self,
        weights: Any,
        trans: Any,
        labels: int,
        words: list[Any],
        keep: list[int],
        extra: dict[int, bytes],
        fixed: tuple[int, int, int, int],
    ) -> list[int]: ...


_want_native = not os.environ.get("MEDIAMON_PURE_PYTHON")


@functools.cache
def _load(native: bool) -> ModuleType:
    if native:
        try:
            from mediamon.engine import _native
        except ImportError:
            pass
        else:
            return _native
    from mediamon.engine import _python

    return _python


def current() -> Engine:
    """The engine new objects are built with: the native core when built and wanted."""
    return cast(Engine, _load(_want_native))


def char_set(chars: str, engine: Engine | None = None) -> Any:
    """``engine``'s (default: the current one's) set of ``chars``, made once per engine and string."""
    engine = engine or current()
    return _char_set(engine.NAME, chars)


@functools.lru_cache(maxsize=64)
def _char_set(engine: str, chars: str) -> Any:
    return _load(engine == "native").CharSet(chars)


def native_built() -> bool:
    """Whether the native core was compiled and imports."""
    return bool(_load(True).NAME == "native")


def name() -> str:
    """``"native"`` or ``"python"``: the engine new objects will use."""
    return current().NAME


def use_native(enabled: bool) -> bool:
    """Turn the native engine on or off for objects created from now on; returns the old setting."""
    global _want_native  # noqa: PLW0603 - the one process-wide choice
    old = _want_native
    _want_native = enabled
    return old
