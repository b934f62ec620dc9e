"""The web readers' hook into io/inputs.py: which format content says, and one call per format.

Kept apart so that the dispatch in inputs.py stays a few lines: ``content_format`` gives
the format to read (content first, then the suffix) or the problem refusing the input;
``web_items`` reads HTML, WARC or feed bytes; ``iter_warc_file`` streams a WARC from disk.
"""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Callable, Iterable, Iterator

from mediamon.errors import Msg, Problem
from mediamon.io import detect
from mediamon.io.html import Item
from mediamon.model import Article, Dropped

__all__ = [
    "WEB_FORMATS",
    "by_content",
    "content_format",
    "is_warc",
    "iter_warc_file",
    "sort_items",
    "web_items",
]

WEB_FORMATS = detect.WEB_FORMATS


def _refusal(verdict: detect.Verdict, label: str) -> Problem:
    if verdict.binary:
        return Problem(label, None, Msg.BINARY.format(detail=verdict.kind))
    return Problem(label, None, Msg.UNSUPPORTED_KIND.format(kind=verdict.kind))


def content_format(raw: bytes, fmt: str, label: str) -> tuple[str, Problem | None]:
    """The format to read decompressed ``raw`` as (content wins over the suffix's ``fmt``), or a refusal."""
    verdict = detect.sniff(raw[: detect.HEAD_SIZE], markup_suffix=fmt == "html")
    if verdict.refused:
        return fmt, _refusal(verdict, label)
    return verdict.format or fmt, None


def by_content(path: str) -> str | Problem | None:
    """For a file with an unknown suffix found in a directory: the path when its content is a
    web format, the refusal when its content is a known unsupported kind, else None."""
    try:
        verdict = detect.sniff(detect.head_of(path))
    except OSError:
        return None
    if verdict.refused:
        return _refusal(verdict, path)
    return path if verdict.format in WEB_FORMATS else None


def is_warc(path: str) -> bool:
    """Whether a file on disk is a WARC crawl that can be streamed: plain, or gzip-compressed
    (warcio reads gzip members as it goes; other compressions are read through memory)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False  # a pipe (a process substitution) can be read once only: through memory
        with open(path, "rb") as handle:
            head = handle.read(8)
    except OSError:
        return False
    if head.startswith(b"WARC/"):
        return True
    return head.startswith(b"\x1f\x8b") and detect.head_of(path).startswith(b"WARC/")


def iter_warc_file(path: str, *, encoding: str | None, day_first: bool) -> Iterator[Item]:
    """A WARC file's items, streamed from disk (warcio reads gzip members as it goes)."""
    from mediamon.io.warc import warc_items

    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below, after the generator is drained
    except OSError as exc:
        yield Problem(path, None, Msg.UNREADABLE.format(detail=exc.strerror or exc))
        return
    with handle:
        yield from warc_items(handle, path=path, encoding=encoding, day_first=day_first)


def web_items(raw: bytes, label: str, fmt: str, *, encoding: str | None, day_first: bool) -> Iterator[Item]:
    """Items of decompressed bytes in one of the web formats."""
    if fmt == "warc":
        from mediamon.io.warc import warc_items

        yield from warc_items(io.BytesIO(raw), path=label, encoding=encoding, day_first=day_first)
    elif fmt == "feed":
        from mediamon.io.feeds import feed_items

        yield from feed_items(raw, path=label, day_first=day_first)
    else:
        from mediamon.errors import InputError
        from mediamon.io.html import decode_page, html_items

        try:
            text, problems = decode_page(raw, path=label, encoding=encoding)
        except InputError as exc:
            yield exc.problem
            return
        yield from problems
        yield from html_items(text, path=label, day_first=day_first)


def sort_items(
    items: Iterable[Item], on_dropped: Callable[[Dropped], None], on_problem: Callable[[Problem], None]
) -> Iterator[Article]:
    """Web material's items as a stream: the articles, the set-aside lines and problems to the callbacks."""
    for item in items:
        if isinstance(item, Article):
            yield item
        elif isinstance(item, Dropped):
            on_dropped(item)
        else:
            on_problem(item)
