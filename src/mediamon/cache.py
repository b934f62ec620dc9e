"""An on-disk cache for tables derived from other libraries, so that a process need not rebuild them.

The Arabic character table is computed with camel-tools' own functions, and importing
camel-tools alone takes about 0.4 s. The table depends only on what it was built from
(camel-tools' version, our data file, the Unicode version), so it is kept as JSON under
the user's cache directory and used for as long as those stay the same; every worker
process and every command then starts without the import.

``MEDIAMON_CACHE_DIR`` moves the cache; ``MEDIAMON_CACHE_DIR=off`` turns it off. A
cache file that cannot be read, or is not what it should be, is rebuilt; one that
cannot be written is skipped. Files are written atomically.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from mediamon.io.atomic import atomic_write

__all__ = ["cache_dir", "cached"]

T = TypeVar("T")
FORMAT = 1


def cache_dir() -> Path | None:
    """Where cached tables live, or None when caching is off."""
    setting = os.environ.get("MEDIAMON_CACHE_DIR")
    if setting is not None:
        return None if setting.strip().lower() in ("", "off", "0", "none") else Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "mediamon"


def cached(
    name: str,
    key: Mapping[str, str],
    build: Callable[[], T],
    *,
    encode: Callable[[T], Any],
    decode: Callable[[Any], T | None],
) -> T:
    """``build()``'s result, from ``name``'s cache file when it was built under the same ``key``.

    ``encode`` turns the result into JSON data; ``decode`` turns the data back, or
    returns None when it is not valid (the result is then rebuilt and the file
    rewritten).
    """
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}.json"
    stamp = {"format": str(FORMAT), **key}
    with contextlib.suppress(OSError, ValueError):
        held = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(held, dict) and held.get("key") == stamp:
            value = decode(held.get("value"))
            if value is not None:
                return value
    value = build()
    with contextlib.suppress(OSError), atomic_write(path) as out:
        json.dump({"key": stamp, "value": encode(value)}, out, ensure_ascii=False)
    return value
