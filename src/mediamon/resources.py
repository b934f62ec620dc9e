"""Loading the package's data files (month names, boilerplate phrases, character maps).

Data lives under ``mediamon/data/<lang>/`` as JSON, the way dateparser and camel-tools
keep language data: users can read and extend it, and it is validated on load, so a
broken file fails with its name and what is wrong rather than deep inside a parser.
Nothing is read at import time; every loader is cached.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from importlib import resources
from typing import Any

from mediamon.errors import DataFileError, Msg

__all__ = [
    "char_map",
    "char_set",
    "code_ranges",
    "compile_patterns",
    "data_path",
    "load_json",
    "range_chars",
    "range_class",
    "string",
    "string_list",
]

CodeRanges = tuple[tuple[int, int], ...]


def data_path(name: str) -> str:
    """The file-system path (as text) of a bundled data file, for messages."""
    return str(resources.files("mediamon").joinpath("data").joinpath(name))


@functools.cache
def load_json(name: str) -> Mapping[str, Any]:
    """Load ``mediamon/data/<name>`` (a JSON object); raise DataFileError naming the file."""
    ref = resources.files("mediamon").joinpath("data").joinpath(name)
    try:
        text = ref.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(Msg.DATA_FILE.format(detail=str(exc)), path=data_path(name)) from exc
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataFileError(
            Msg.DATA_FILE.format(detail=exc.msg), path=data_path(name), line=exc.lineno
        ) from exc
    if not isinstance(value, dict):
        raise DataFileError(Msg.DATA_FILE.format(detail="top level must be an object"), path=data_path(name))
    return value


def optional_json(name: str) -> Mapping[str, Any]:
    """A bundled data file a language may lack ({} then); a broken one raises DataFileError."""
    if not resources.files("mediamon").joinpath("data").joinpath(name).is_file():
        return {}
    return load_json(name)


def string_list(data: Mapping[str, Any], key: str, *, source: str, required: bool = False) -> tuple[str, ...]:
    """``data[key]`` checked to be a list of non-empty strings (missing means empty unless required)."""
    value = data.get(key)
    if value is None:
        if required:
            raise DataFileError(Msg.DATA_FILE.format(detail=f"missing key {key!r}"), path=source)
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataFileError(
            Msg.DATA_FILE.format(detail=f"{key!r} must be a list of non-empty strings"), path=source
        )
    return tuple(value)


def string(data: Mapping[str, Any], key: str, *, source: str) -> str:
    """``data[key]`` checked to be a non-empty string (required)."""
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise DataFileError(Msg.DATA_FILE.format(detail=f"{key!r} must be a non-empty string"), path=source)
    return value


def compile_patterns(
    patterns: tuple[str, ...], *, source: str, key: str, flags: int = re.IGNORECASE
) -> tuple[re.Pattern[str], ...]:
    """Compile regular expressions from a data file, naming the file and key on error."""
    compiled = []
    for pattern in patterns:
        try:
            compiled.append(re.compile(pattern, flags))
        except re.error as exc:
            raise DataFileError(
                Msg.DATA_FILE.format(detail=f"{key!r}: bad pattern {pattern!r}: {exc}"), path=source
            ) from exc
    return tuple(compiled)


_RANGE = re.compile(r"^U\+([0-9A-Fa-f]{4,6})(?:-U\+([0-9A-Fa-f]{4,6}))?$")


def code_ranges(data: Mapping[str, Any], key: str, *, source: str) -> CodeRanges:
    """Inclusive code-point ranges listed under ``key``: single characters or ``U+XXXX[-U+YYYY]``."""
    out: list[tuple[int, int]] = []
    for item in string_list(data, key, source=source):
        match = _RANGE.match(item)
        if match:
            first = int(match.group(1), 16)
            last = int(match.group(2) or match.group(1), 16)
            if last < first or last > 0x10FFFF:
                raise DataFileError(Msg.DATA_FILE.format(detail=f"{key!r}: bad range {item!r}"), path=source)
            out.append((first, last))
        elif len(item) == 1:
            out.append((ord(item), ord(item)))
        else:
            raise DataFileError(
                Msg.DATA_FILE.format(detail=f"{key!r}: {item!r} is neither one character nor a U+ range"),
                path=source,
            )
    return tuple(out)


def char_set(data: Mapping[str, Any], key: str, *, source: str) -> tuple[str, ...]:
    """Characters listed under ``key``: single characters or ``U+XXXX[-U+YYYY]`` ranges."""
    return tuple(range_chars(code_ranges(data, key, source=source)))


def range_chars(ranges: CodeRanges) -> str:
    """Every character of the inclusive code-point ``ranges``."""
    return "".join(chr(code) for first, last in ranges for code in range(first, last + 1))


def range_class(ranges: CodeRanges) -> str:
    """The inside of a regex character class for ``ranges`` (``A-Z...``)."""
    return "".join(f"{chr(first)}-{chr(last)}" for first, last in ranges)


def char_map(data: Mapping[str, Any], key: str, *, source: str) -> dict[str, str]:
    """A ``{character: replacement}`` object under ``key``, checked."""
    value = data.get(key, {})
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and len(k) == 1 and isinstance(v, str) for k, v in value.items()
    ):
        raise DataFileError(
            Msg.DATA_FILE.format(detail=f"{key!r} must map single characters to strings"),
            path=source,
        )
    return dict(value)
