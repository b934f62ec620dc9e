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

import os
from collections.abc import Iterator
from typing import IO, Any

from mediamon.errors import InputError, Msg, Problem
from mediamon.io.html import HtmlSettings, Item, decode_page, html_items
from mediamon.model import Dropped

__all__ = ["warc_items"]

_PAGE_RECORDS = ("response", "resource")
#: Bytes a record may leave after its declared length (the two CRLFs that end a record).
_RECORD_END = 4


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

    size = _size(stream)
    records = ArchiveIterator(stream)
    number = 0
    end = 0
    try:
        for record in records:
            number += 1
            # The payload first: warcio's offset and length are known once the record is read.
            payload = record.content_stream().read() if record.rec_type in _PAGE_RECORDS else b""
            records.read_to_end(record)
            offset = records.get_record_offset()
            cut = getattr(record.raw_stream, "limit", 0) > 0
            yield from _record(record, payload, number, offset, path, encoding, day_first, settings)
            if cut:
                yield Problem(path, number, Msg.WARC_RECORD_CUT.format(number=number, offset=offset))
                return
            end = offset + records.get_record_length()
    except Exception as exc:  # warcio raises many kinds (ArchiveLoadFailed, zlib and header errors)
        detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        reason = Msg.WARC_DAMAGED.format(offset=end, detail=detail, count=max(number - 1, 0))
        yield Problem(path, number or None, reason)
        return
    if size is not None and size - end > _RECORD_END and number:
        yield Problem(path, None, Msg.WARC_CUT.format(offset=end, number=number))
    elif not number:
        yield Problem(path, None, Msg.WARC_EMPTY)


def _record(
    record: Any,
    payload: bytes,
    number: int,
    offset: int,
    path: str,
    encoding: str | None,
    day_first: bool,
    settings: HtmlSettings | None,
) -> Iterator[Item]:
    headers = record.rec_headers
    uri = headers.get_header("WARC-Target-URI")
    kind = record.rec_type
    http = record.http_headers
    content_type = (
        (http.get_header("Content-Type") if http is not None else None) or record.content_type or ""
    )
    status = http.get_statuscode() if http is not None and kind == "response" else "200"
    label = f"{kind} {uri or '-'}"
    if kind not in _PAGE_RECORDS or not str(status).startswith("2"):
        yield Dropped(
            path, number, f"{label} ({status if kind == 'response' else content_type or kind})", "warc-record"
        )
        return
    if "html" not in content_type.lower():
        from mediamon.io.detect import sniff

        if sniff(payload[:4096]).format != "html":
            yield Dropped(path, number, f"{label} ({content_type or 'no content type'})", "not-html")
            return
    try:
        text, problems = decode_page(payload, path=path, encoding=encoding, charset=_charset(content_type))
    except InputError as exc:
        yield Problem(path, number, exc.reason)
        return
    for problem in problems:
        yield Problem(path, number, problem.reason)
    meta = {"format": "warc", "warc_offset": offset}
    fetched = headers.get_header("WARC-Date")
    if fetched:
        meta["fetched"] = fetched
    extra = {} if settings is None else {"settings": settings}
    yield from html_items(text, path=path, url=uri, meta=meta, day_first=day_first, record=number, **extra)
