"""Which matching engine runs: the native core when it was built, else pure Python.

The native core (``mediamon.engine._native``, compiled from Cython at install time) and the
pure-Python engine give the same mentions at the same offsets; the native one is several
times faster. ``MEDIAMON_PURE_PYTHON=1`` in the environment, or :func:`use_native`
``(False)``, selects the pure-Python engine, for comparison or debugging. Objects keep
the engine they were built with: set it before creating an ``Annotator``.
"""

from __future__ import annotations

import functools
import os
from types import ModuleType
from typing import Any

__all__ = ["char_set", "core", "name", "use_native"]

_enabled = not os.environ.get("MEDIAMON_PURE_PYTHON")
_module: ModuleType | None = None
_tried = False


def core() -> ModuleType | None:
    """The native module, or None when it is not built or not wanted."""
    global _module, _tried  # noqa: PLW0603 - the import is tried once per process
    if not _enabled:
        return None
    if not _tried:
        _tried = True
        try:
            from mediamon.engine import _native
        except ImportError:
            return None
        _module = _native
    return _module


def char_set(chars: str) -> Any:
    """The native core's set of ``chars`` (made once per string), or None without the core."""
    module = core()
    return None if module is None else _char_set(module, chars)


@functools.lru_cache(maxsize=64)
def _char_set(module: ModuleType, chars: str) -> Any:
    return module.CharSet(chars)


def name() -> str:
    """``"native"`` or ``"python"``: the engine new objects will use."""
    return "native" if core() is not None else "python"


def use_native(enabled: bool) -> bool:
    """Turn the native engine on or off for objects created from now on; returns the old setting."""
    global _enabled  # noqa: PLW0603
    old = _enabled
    _enabled = enabled
    return old
