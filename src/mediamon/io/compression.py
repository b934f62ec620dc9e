"""Compressed files: the one table of formats mediamon reads and writes (``.gz``, ``.bz2``, ``.xz``).

Every reader and writer asks here: which suffix a name ends with, which format some bytes
start with, an incremental decompressor, a writer around a binary file. A new format is
one row of :data:`FORMATS`.
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import os
import re
import zlib
from collections.abc import Callable, Iterator
from typing import IO, Protocol

import attrs

__all__ = [
    "ERRORS",
    "FORMATS",
    "Decompressor",
    "Format",
    "by_magic",
    "by_name",
    "inflate",
    "open_read",
    "split_suffix",
]


class Decompressor(Protocol):
    """An incremental decompressor (zlib's, bz2's and lzma's objects all are)."""

    @property
    def eof(self) -> bool: ...
    @property
    def unused_data(self) -> bytes: ...
    def decompress(self, data: bytes, max_length: int = ...) -> bytes: ...


@attrs.frozen
class Format:
    """One compression format: its suffix, leading magic bytes, decompressor and writer."""

    suffix: str
    magic: re.Pattern[bytes]
    decompressor: Callable[[], Decompressor]
    writer: Callable[[IO[bytes]], io.BufferedIOBase]
    reader: Callable[[str], IO[bytes]]


def _gzip_decompressor() -> Decompressor:
    return zlib.decompressobj(wbits=31)  # 31: gzip header and trailer


def _gzip_writer(raw: IO[bytes]) -> io.BufferedIOBase:
    # mtime=0 and no file name in the header: the same content gives the same bytes.
    return gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0)


def _bz2_writer(raw: IO[bytes]) -> io.BufferedIOBase:
    return bz2.BZ2File(raw, "wb")


def _xz_writer(raw: IO[bytes]) -> io.BufferedIOBase:
    return lzma.LZMAFile(raw, "wb")


def _gzip_reader(name: str) -> IO[bytes]:
    return gzip.GzipFile(name, "rb")  # type: ignore[return-value]


def _bz2_reader(name: str) -> IO[bytes]:
    return bz2.open(name, "rb")


def _xz_reader(name: str) -> IO[bytes]:
    return lzma.open(name, "rb")


#: Compression suffix -> its format.
FORMATS: dict[str, Format] = {
    ".gz": Format(".gz", re.compile(b"\x1f\x8b"), _gzip_decompressor, _gzip_writer, _gzip_reader),
    # "BZh", a block size digit, then the magic of a first block or of an empty stream.
    ".bz2": Format(
        ".bz2",
        re.compile(b"BZh[1-9](?:1AY&SY|\x17rE8P\x90)"),
        bz2.BZ2Decompressor,
        _bz2_writer,
        _bz2_reader,
    ),
    ".xz": Format(".xz", re.compile(b"\xfd7zXZ\x00"), lzma.LZMADecompressor, _xz_writer, _xz_reader),
}


def inflate(decompressor: Decompressor, data: bytes, step: int) -> Iterator[bytes]:
    """Decompress ``data`` in pieces of at most ``step`` bytes, so that no call inflates unbounded.

    zlib keeps the input it has not used in ``unconsumed_tail``; bz2 and lzma keep it inside
    and say ``needs_input`` when they want more.
    """
    piece = decompressor.decompress(data, step)
    yield piece
    while not decompressor.eof:
        tail = getattr(decompressor, "unconsumed_tail", None)
        if tail is not None:
            if not tail:
                return
            piece = decompressor.decompress(tail, step)
        else:
            if getattr(decompressor, "needs_input", True):
                return
            piece = decompressor.decompress(b"", step)
        yield piece


#: What damaged or truncated compressed data raises while it is read.
ERRORS: tuple[type[Exception], ...] = (OSError, EOFError, lzma.LZMAError, ValueError, zlib.error)


def by_name(name: str) -> str | None:
    """The compression suffix a file name ends with (any case), or None."""
    lower = name.lower()
    return next((suffix for suffix in FORMATS if lower.endswith(suffix)), None)


def split_suffix(name: str) -> tuple[str, str | None]:
    """(format suffix, compression suffix) of a name, lower-case: ``a.JSONL.gz`` -> ``.jsonl``, ``.gz``."""
    lower = os.path.basename(name).lower()
    compression = by_name(lower)
    if compression:
        lower = lower[: -len(compression)]
    return os.path.splitext(lower)[1], compression


def by_magic(raw: bytes) -> str | None:
    """The compression format that ``raw`` starts with, or None."""
    return next((suffix for suffix, fmt in FORMATS.items() if fmt.magic.match(raw)), None)


def open_read(name: str) -> IO[bytes]:
    """A file's bytes, decompressed as its suffix says."""
    compression = by_name(name)
    return FORMATS[compression].reader(name) if compression else open(name, "rb")
