"""WARC crawls (``.warc``, ``.warc.gz``) to Articles, streamed record by record with warcio.

Every HTML ``response`` (or ``resource``) record with a 2xx status goes through the HTML
reader, with the record's target URI as ``url`` and its ``WARC-Date`` in
``meta.fetched``; only one record is in memory at a time, so a crawl of any size streams.
Every other record is set aside as ``Dropped`` (reason ``not-html`` for a page that is not
HTML, ``warc-record`` for requests, metadata, redirects and the like), so skipped records
are counted. Origins and set-aside items name the record by its number (1-based) in the
file; ``meta.warc_offset`` is its byte offset. A truncated or damaged crawl keeps the
records read before the damage and reports the offset where it begins.
"""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Iterator
from typing import IO, Any

import attrs

from mediamon.errors import InputError, Msg, Problem
from mediamon.io.html import HtmlSettings, Item, decode_page, html_items
from mediamon.model import Dropped

__all__ = ["warc_items"]

_PAGE_RECORDS = ("response", "resource")
#: Bytes a record may leave after its declared length (the two CRLFs that end a record).
_RECORD_END = 4
#: Bytes of a payload with a vague content type examined before it is read whole.
_SNIFF = 4096


def _size(stream: IO[bytes]) -> int | None:
    try:
        return os.fstat(stream.fileno()).st_size
    except (OSError, AttributeError, ValueError):
        pass
    try:
        here = stream.tell()
        end = stream.seek(0, os.SEEK_END)
        stream.seek(here)
        return end
    except (OSError, ValueError):
        return None


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def warc_items(
    stream: IO[bytes],
    *,
    path: str,
    encoding: str | None = None,
    day_first: bool = True,
    settings: HtmlSettings | None = None,
) -> Iterator[Item]:
    """Articles, set-aside records and problems of one WARC stream, lazily."""
    from warcio.archiveiterator import ArchiveIterator

    from mediamon.io.inputs import LIMITS  # a cycle at import time: inputs reads WARCs through web

    limit = LIMITS.max_bytes
    size = _size(stream)
    records = ArchiveIterator(stream)
    slips = _LengthSlips()
    records.INC_RECORD = slips  # warcio's warning, written to stderr naming no file, becomes a problem
    number = 0
    done = 0  # records read to their end
    end = 0
    said: list[str] = []  # what warcio wrote on standard error (a gzip member damaged part way)
    iterator = iter(records)
    try:
        while True:
            with _stderr_into(said):
                record = next(iterator, None)
                if record is None:
                    break
                number += 1
                record_info = _classify(record)
                payload = _payload(record, record_info, limit)
                # warcio knows a record's offset and length once the record is read to its end.
                records.read_to_end(record)
                offset = records.get_record_offset()
                length = records.get_record_length()
            cut = getattr(record.raw_stream, "limit", 0) > 0
            if payload is not None and len(payload) > limit:
                payload = payload[:limit]
                yield Problem(path, number, Msg.WARC_PAYLOAD_CUT.format(number=number, limit=limit))
            yield from _record(
                record, record_info, payload, number, offset, path, encoding, day_first, settings
            )
            yield from _said(said, path, number)
            for slip_offset, found in slips.take():
                shown = repr(found[:40]) + ("..." if len(found) > 40 else "")
                reason = Msg.WARC_LENGTH.format(number=number, offset=slip_offset, found=shown)
                yield Problem(path, number, reason)
            if cut:
                yield Problem(path, number, Msg.WARC_RECORD_CUT.format(number=number, offset=offset))
                return
            end = offset + length
            done = number
    except Exception as exc:  # warcio raises many kinds (ArchiveLoadFailed, zlib and header errors)
        yield from _said(said, path, done + 1)
        detail = _damage(exc)
        reason = Msg.WARC_DAMAGED.format(offset=end, detail=detail, count=done)
        yield Problem(path, done + 1, reason)
        return
    yield from _said(said, path, None)
    if size is not None and size - end > _RECORD_END and number:
        yield Problem(path, None, Msg.WARC_CUT.format(offset=end, number=number))
    elif not number:
        yield Problem(path, None, Msg.WARC_EMPTY)


@contextlib.contextmanager
def _stderr_into(said: list[str]) -> Iterator[None]:
    """What is written on standard error meanwhile, kept in ``said`` (one item a line): warcio
    writes a damaged gzip member's zlib error there, naming no file, and reads on."""
    buffer = io.StringIO()
    try:
        with contextlib.redirect_stderr(buffer):
            yield
    finally:
        said.extend(line.strip() for line in buffer.getvalue().splitlines() if line.strip())


def _said(said: list[str], path: str, number: int | None) -> Iterator[Problem]:
    """What warcio wrote on standard error while reading record ``number``, as its problems."""
    for line in said:
        yield Problem(path, number, Msg.WARC_READER_SAID.format(number=number or "-", detail=line))
    said.clear()


class _LengthSlips:
    """Stands in for warcio's warning text (``ArchiveIterator.INC_RECORD``, written to standard
    error naming no file) when a record is not followed by the blank lines that end it: the
    byte offset and the line found there are kept, to be reported as a problem of the record."""

    def __init__(self) -> None:
        self._found: list[tuple[int, bytes]] = []

    def format(self, offset: int, line: bytes) -> str:
        self._found.append((offset, line.rstrip(b"\r\n")))
        return ""

    def take(self) -> list[tuple[int, bytes]]:
        found, self._found = self._found, []
        return found


#: Errors warcio lets through from its own code when a record's headers lack what it reads
#: (a response without WARC-Target-URI gives "'NoneType' object has no attribute ..."): their
#: text describes warcio's internals, not the file, so the reason names the headers instead.
_INTERNAL_ERRORS = (AttributeError, TypeError, KeyError, IndexError)


def _damage(exc: Exception) -> str:
    """The one-line detail of a WARC read error for :data:`Msg.WARC_DAMAGED`."""
    if isinstance(exc, _INTERNAL_ERRORS):
        return f"a record's headers are malformed or lack a required field ({type(exc).__name__} in warcio)"
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


@attrs.frozen
class _Info:
    """What a record is: its label and content type, and whether (``read``) its payload is
    read whole (``page``), its start examined first (``sniff``), or left unread (``skip``)."""

    label: str
    content_type: str
    read: str
    reason: str = "warc-record"


#: Content types that are pages, and ones that say nothing about what the payload is.
_HTML_TYPES = ("html",)
_VAGUE_TYPES = ("", "text/plain", "application/octet-stream", "binary/octet-stream", "unknown")


def _classify(record: Any) -> _Info:
    """Decide from the headers alone whether a record's payload needs reading."""
    kind = record.rec_type
    http = record.http_headers
    content_type = (
        (http.get_header("Content-Type") if http is not None else None) or record.content_type or ""
    )
    status = http.get_statuscode() if http is not None and kind == "response" else "200"
    label = f"{kind} {record.rec_headers.get_header('WARC-Target-URI') or '-'}"
    if kind not in _PAGE_RECORDS or not str(status).startswith("2"):
        return _Info(
            f"{label} ({status if kind == 'response' else content_type or kind})", content_type, "skip"
        )
    bare = content_type.split(";")[0].strip().lower()
    if any(t in bare for t in _HTML_TYPES):
        return _Info(label, content_type, "page")
    if bare in _VAGUE_TYPES:
        return _Info(label, content_type, "sniff", "not-html")
    return _Info(f"{label} ({content_type})", content_type, "skip", "not-html")


def _payload(record: Any, info: _Info, limit: int) -> bytes | None:
    """The payload of a page record (one record in memory at a time); None when it is not a page.

    At most ``limit`` bytes and one more are read, decoded: a payload with a content encoding
    (gzip) may inflate without bound, and the byte more tells the caller it was cut.
    """
    if info.read == "skip":
        return None
    stream = record.content_stream()
    if info.read == "sniff":
        from mediamon.io.detect import sniff

        head: bytes = stream.read(_SNIFF)
        if sniff(head).format != "html":
            return None
        rest: bytes = stream.read(max(limit + 1 - len(head), 0))
        return head + rest
    data: bytes = stream.read(limit + 1)
    return data


def _record(
    record: Any,
    info: _Info,
    payload: bytes | None,
    number: int,
    offset: int,
    path: str,
    encoding: str | None,
    day_first: bool,
    settings: HtmlSettings | None,
) -> Iterator[Item]:
    if payload is None:
        label = (
            info.label if info.read != "sniff" else f"{info.label} ({info.content_type or 'no content type'})"
        )
        yield Dropped(path, number, label, info.reason)
        return
    try:
        text, problems = decode_page(
            payload, path=path, encoding=encoding, charset=_charset(info.content_type)
        )
    except InputError as exc:
        yield Problem(path, number, exc.reason)
        return
    for problem in problems:
        yield Problem(path, number, problem.reason)
    meta = {"format": "warc", "warc_offset": offset}
    fetched = record.rec_headers.get_header("WARC-Date")
    if fetched:
        meta["fetched"] = fetched
    extra = {} if settings is None else {"settings": settings}
    uri = record.rec_headers.get_header("WARC-Target-URI")
    yield from html_items(text, path=path, url=uri, meta=meta, day_first=day_first, record=number, **extra)
