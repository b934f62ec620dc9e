"""Reading inputs: plain-text dumps, record files, web material, directories, compressed files, stdin.

Which files (directories walked, unsupported formats refused), their bytes (read with the
size cap, decompressed), then the format's parser: dumps through ``text.segment``, record
files through ``io.record_files`` and ``io.records``, web material through ``io.web``.

Every input problem (undecodable bytes, a binary file, a malformed record, an
unreadable file) becomes a :class:`~mediamon.errors.Problem` naming the file and line;
the rest of the input is still read.
"""

from __future__ import annotations

import codecs
import csv
import errno
import os
import re
import stat
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import attrs

from mediamon.corpus import Corpus
from mediamon.errors import InputError, Msg, Problem, UsageError
from mediamon.io import compression as compression_formats
from mediamon.io import detect, web
from mediamon.io.encoding import decode, replace_surrogates
from mediamon.io.record_files import csv_records, json_records, jsonl_records, split_lines, tsv_records
from mediamon.io.records import FIELD_KEYS, Columns, header_like, parse_columns, records_to_articles
from mediamon.io.split import split_article
from mediamon.model import Article, Dropped
from mediamon.text.segment import LineRole, segment_lines
from mediamon.text.settings import SegmentSettings

__all__ = [
    "FORMATS",
    "ArticleStream",
    "Parsed",
    "check_encoding",
    "iter_articles",
    "iter_inputs",
    "read",
    "read_dump",
    "read_file",
    "stream_file",
]

#: Input suffix -> format name.
FORMATS = {
    ".txt": "dump",
    ".text": "dump",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "tsv",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".warc": "warc",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}


@attrs.frozen
class ReadLimits:
    """Caps that keep memory bounded on hostile input (a zip bomb, ``/dev/zero``).

    ``max_bytes``: the most bytes of one input kept, after decompression; what is beyond
    is not read and is reported as a problem naming the file. ``step``: the most bytes one
    decompression call may produce. ``max_article_chars``: the longest article passed on
    (title and body); a longer one is split into parts at paragraph breaks
    (:mod:`mediamon.io.split`), as annotating holds an article's text many times over.
    ``max_dump_lines``: the most lines of a dump segmented at once; a longer dump is segmented
    in parts of about that many lines, each cut after a blank line where one is near, and
    its articles come part by part (segmenting holds a few hundred bytes a line: a 50 MB dump
    of 16 million short lines took 12 GB in one piece).
    """

    max_bytes: int = 256 << 20
    step: int = 1 << 20
    max_article_chars: int = 4_000_000
    max_dump_lines: int = 500_000


#: The limits the readers use.
LIMITS = ReadLimits()

_CHUNK = 1 << 20
STDIN = "-"
_STDIN_LABEL = "<stdin>"


@attrs.frozen
class Parsed:
    """What one input gave: articles, lines set aside, problems."""

    articles: tuple[Article, ...] = ()
    dropped: tuple[Dropped, ...] = ()
    problems: tuple[Problem, ...] = ()


def _format_of(name: str) -> tuple[str, str | None]:
    """(format, compression suffix) from a file name; unknown suffixes read as dumps."""
    suffix, compression = compression_formats.split_suffix(name)
    return FORMATS.get(suffix, "dump"), compression


def _known(name: str) -> bool:
    return compression_formats.split_suffix(name)[0] in FORMATS


def check_encoding(encoding: str | None) -> None:
    """Raise UsageError unless ``encoding`` is None or the name of a text codec."""
    if encoding is None:
        return
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        info = None
    if info is None or not getattr(info, "_is_text_encoding", True):
        raise UsageError(Msg.ENCODING_UNKNOWN.format(encoding=encoding))


# --- which files -------------------------------------------------------------------------


def iter_inputs(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
) -> Iterator[str | Problem]:
    """Expand paths into files (directories recursively, sorted); problems are yielded in place.

    A file named explicitly is read whatever its suffix and kind (``/dev/stdin`` and
    process substitutions are pipes); inside directories only regular files with a
    supported suffix are read and everything else is reported.
    """
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    for raw in paths:
        name = os.fspath(raw)
        if name == STDIN:
            yield STDIN
        elif os.path.isdir(name):
            yield from _walk(name)
        elif os.path.exists(name):
            yield name
        elif os.path.islink(name):
            yield Problem(name, None, Msg.BROKEN_SYMLINK)
        else:
            yield Problem(name, None, Msg.NOT_FOUND)


def _unsupported(name: str) -> str:
    suffix, compression = compression_formats.split_suffix(name)
    if not suffix and not compression:
        return Msg.UNSUPPORTED_NO_SUFFIX
    return Msg.UNSUPPORTED_SUFFIX.format(suffix=suffix + (compression or ""))


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a file or directory"


def _walk(top: str) -> Iterator[str | Problem]:
    """Files below ``top`` in sorted order; symbolic-link loops and repeats are reported, not followed.

    Depth-first with an explicit stack of directory listings, so nesting depth is no limit.
    """
    seen: dict[tuple[int, int], str] = {}
    stack: list[tuple[Iterator[os.DirEntry[str]], frozenset[tuple[int, int]]]] = []

    def enter(directory: str, ancestors: frozenset[tuple[int, int]]) -> Problem | None:
        try:
            info = os.stat(directory)
            key = (info.st_dev, info.st_ino)
            if key in ancestors:
                return Problem(directory, None, Msg.SYMLINK_LOOP)
            if key in seen:
                return Problem(directory, None, Msg.SYMLINK_DUPLICATE.format(other=seen[key]))
            with os.scandir(directory) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            return Problem(directory, None, Msg.UNREADABLE.format(detail=exc.strerror or exc))
        seen[key] = directory
        stack.append((iter(entries), ancestors | {key}))
        return None

    problem = enter(top, frozenset())
    if problem is not None:
        yield problem
    while stack:
        entries, ancestors = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        try:
            mode = entry.stat().st_mode
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                reason = Msg.SYMLINK_LOOP
            elif entry.is_symlink() and isinstance(exc, FileNotFoundError):
                reason = Msg.BROKEN_SYMLINK
            else:
                reason = Msg.UNREADABLE.format(detail=exc.strerror or exc)
            yield Problem(entry.path, None, reason)
            continue
        if stat.S_ISDIR(mode):
            problem = enter(entry.path, ancestors)
            if problem is not None:
                yield problem
        elif not _known(entry.name):
            found = web.by_content(entry.path) if stat.S_ISREG(mode) else None
            yield found or Problem(entry.path, None, _unsupported(entry.name))
        elif not stat.S_ISREG(mode):
            yield Problem(entry.path, None, Msg.NOT_REGULAR.format(kind=_kind(mode)))
        else:
            yield entry.path


# --- bytes ---------------------------------------------------------------------------------


def _load_bytes(name: str) -> bytes:
    if name == STDIN:
        stream = sys.stdin
        if stream is None:
            return b""
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            data: bytes = buffer.read(LIMITS.max_bytes + 1)
            return data
        text = stream.read()
        return text.encode("utf-8", "surrogatepass") if isinstance(text, str) else bytes(text)
    with open(name, "rb") as handle:
        return handle.read(LIMITS.max_bytes + 1)  # one byte more: the cap shows


def _decompress(raw: bytes, compression: str, label: str) -> tuple[bytes, Problem | None]:
    """Decompressed data (all streams of a multi-stream file); data that is damaged or cut
    short keeps what decompressed before the damage, and the damage is reported."""
    make = compression_formats.FORMATS[compression].decompressor
    chunks: list[bytes] = []
    size = 0
    rest = raw
    try:
        while rest:
            decompressor = make()
            pos = 0
            while pos < len(rest) and not decompressor.eof:
                for chunk in compression_formats.inflate(decompressor, rest[pos : pos + _CHUNK], LIMITS.step):
                    chunks.append(chunk)
                    size += len(chunk)
                    if size > LIMITS.max_bytes:
                        kept = b"".join(chunks)[: LIMITS.max_bytes]
                        return kept, Problem(label, None, Msg.TOO_BIG.format(limit=LIMITS.max_bytes))
                pos += _CHUNK
            if not decompressor.eof:
                raise EOFError("it ends before the end-of-stream marker")
            rest = decompressor.unused_data + rest[pos:]
            if not rest.strip(b"\x00"):  # padding after the last stream
                break
    except compression_formats.ERRORS as exc:
        detail = str(exc) or type(exc).__name__
        reason = Msg.TRUNCATED.format(compression=compression, detail=detail, size=size)
        return b"".join(chunks), Problem(label, None, reason)
    return b"".join(chunks), None


def _sniff(raw: bytes) -> str:
    """The format of standard input (or a pipe): records if it starts with ``{`` or ``[``, a
    table if its first line is a header naming a title or body column, else a dump."""
    text = detect.text_head(raw[:4096]).lstrip(b"\xef\xbb\xbf \t\r\n")
    head = text[:1]
    if head == b"[":
        return "json"
    if head == b"{":
        return "jsonl"  # a single pretty-printed object falls back to JSON (see jsonl_records)
    lines = text.decode("utf-8", "replace").split("\n", 2)
    delimiter, fmt = ("\t", "tsv") if "\t" in lines[0] else (",", "csv")
    rows = [next(csv.reader([line], delimiter=delimiter), []) for line in lines[:2]]
    cells = [cell.strip().casefold() for cell in rows[0]]
    names = {key.casefold() for field in ("title", "body") for key in FIELD_KEYS[field]}
    if (
        len(cells) >= 2
        and len(rows) == 2
        and len(rows[1]) == len(cells)  # a record right under the header: a dump's title has none
        and header_like(cells)
        and all(_COLUMN_NAME.fullmatch(cell) for cell in cells)
        and any(cell in names for cell in cells)
    ):
        return fmt
    return "dump"


#: A column name as a header row writes it: a word or a few, no sentence punctuation.
_COLUMN_NAME = re.compile(r"[\w][\w .@#/-]{0,39}")


def read_file(
    name: str,
    *,
    encoding: str | None = None,
    day_first: bool = True,
    data: bytes | None = None,
    format: str | None = None,
    settings: SegmentSettings | None = None,
    columns: Columns | None = None,
) -> Parsed:
    """Read one input file (or ``-`` for standard input) of any supported format.

    ``format`` (``dump``, ``jsonl``, ``json``, ``csv``, ``tsv``) overrides the suffix.
    Never raises for content or for an unreadable file: those are problems in the result.
    """
    options = {"data": data, "format": format, "settings": settings, "columns": columns}
    return _collect(stream_file, name, encoding=encoding, day_first=day_first, **options)


def _collect(stream: Callable[..., Iterator[Article]], *given: Any, **options: Any) -> Parsed:
    """A stream's articles, set-aside lines and problems, the stream read to its end."""
    dropped: list[Dropped] = []
    problems: list[Problem] = []
    articles = tuple(stream(*given, on_dropped=dropped.append, on_problem=problems.append, **options))
    return Parsed(articles, tuple(dropped), tuple(problems))


def stream_file(
    name: str,
    *,
    on_dropped: Callable[[Dropped], None],
    on_problem: Callable[[Problem], None],
    encoding: str | None = None,
    day_first: bool = True,
    data: bytes | None = None,
    format: str | None = None,
    settings: SegmentSettings | None = None,
    columns: Columns | None = None,
    jobs: int = 1,
) -> Iterator[Article]:
    """:func:`read_file` as a stream: the articles of one input as they are made, its set-aside
    lines and problems passed to the callbacks as they are met (the same ones, in the same order).
    ``jobs > 1``: a large dump is segmented with that many worker processes
    (:func:`~mediamon.text.segment.segment_lines`; the same articles).

    Record files (JSON Lines, JSON, CSV, TSV) are parsed record by record as the stream is
    read, so the articles of a large one can be annotated while the rest is still parsed and
    only the articles taken so far are held; a dump is segmented whole (segmentation looks
    at the whole dump) before its first article comes, as is web material.
    """
    label = _STDIN_LABEL if name == STDIN else name
    if data is None and name != STDIN and format is None and web.is_warc(name):
        items = web.iter_warc_file(name, encoding=encoding, day_first=day_first)
        yield from _bounded(web.sort_items(items, on_dropped, on_problem), label, on_problem)
        return
    try:
        raw = _load_bytes(name) if data is None else data
    except OSError as exc:
        reason = Msg.IS_DIRECTORY if isinstance(exc, IsADirectoryError) else None
        on_problem(Problem(label, None, reason or Msg.UNREADABLE.format(detail=exc.strerror or exc)))
        return
    if len(raw) > LIMITS.max_bytes:
        raw = raw[: LIMITS.max_bytes]
        on_problem(Problem(label, None, Msg.TOO_BIG.format(limit=LIMITS.max_bytes)))
    fmt, compression = _format_of(name) if name != STDIN else ("dump", None)
    yield from _parse_stream(
        raw,
        label,
        on_dropped=on_dropped,
        on_problem=on_problem,
        fmt=format or fmt,
        sniff=format is None and (name == STDIN or (not _known(name) and not detect.regular_file(name))),
        compression=compression,
        encoding=encoding,
        day_first=day_first,
        settings=settings,
        columns=columns,
        jobs=jobs,
    )


def _parse_bytes(
    raw: bytes,
    label: str,
    *,
    fmt: str,
    compression: str | None = None,
    encoding: str | None,
    day_first: bool,
    settings: SegmentSettings | None = None,
    explain: list[LineRole] | None = None,
) -> Parsed:
    options = {"compression": compression, "settings": settings, "explain": explain}
    return _collect(_parse_stream, raw, label, fmt=fmt, encoding=encoding, day_first=day_first, **options)


def _parse_stream(
    raw: bytes, label: str, *, on_problem: Callable[[Problem], None], **options: Any
) -> Iterator[Article]:
    """The articles of one input's bytes, none over the size cap (:func:`_bounded`)."""
    yield from _bounded(_parse_items(raw, label, on_problem=on_problem, **options), label, on_problem)


def _bounded(
    articles: Iterable[Article], label: str, on_problem: Callable[[Problem], None]
) -> Iterator[Article]:
    """``articles`` with each one over ``LIMITS.max_article_chars`` split into parts, each split
    reported as a problem of ``label``."""
    for article in articles:
        parts, problem = split_article(article, LIMITS.max_article_chars, label)
        if problem is not None:
            on_problem(problem)
        yield from parts


def _parse_items(
    raw: bytes,
    label: str,
    *,
    on_dropped: Callable[[Dropped], None],
    on_problem: Callable[[Problem], None],
    fmt: str,
    sniff: bool = False,
    compression: str | None = None,
    encoding: str | None,
    day_first: bool,
    settings: SegmentSettings | None = None,
    columns: Columns | None = None,
    explain: list[LineRole] | None = None,
    jobs: int = 1,
) -> Iterator[Article]:
    sniffed = compression_formats.by_magic(raw)
    if compression and sniffed != compression:
        on_problem(Problem(label, None, Msg.NOT_COMPRESSED.format(compression=compression)))
    compression = sniffed
    packed = raw  # a gzip-compressed WARC is read as it is, so record offsets are the file's
    if compression:
        raw, problem = _decompress(raw, compression, label)
        if problem is not None:
            on_problem(problem)
    if sniff:
        fmt = _sniff(raw)
    if not raw or raw.isspace():
        on_problem(Problem(label, None, Msg.EMPTY))
        return
    fmt, refused = web.content_format(raw, fmt, label)
    if refused is not None:
        on_problem(refused)
        return
    if fmt in web.WEB_FORMATS:
        found = web.web_items(
            packed if fmt == "warc" and compression == ".gz" else raw,
            label,
            fmt,
            encoding=encoding,
            day_first=day_first,
        )
        yield from web.sort_items(found, on_dropped, on_problem)
        return
    try:
        decoded = decode(raw, path=label, encoding=encoding)
    except InputError as exc:
        on_problem(exc.problem)
        return
    for problem in decoded.problems:
        on_problem(problem)
    if not decoded.text.strip():
        on_problem(Problem(label, None, Msg.EMPTY))
        return
    if fmt == "dump":
        text = decoded.text
        del decoded  # the text is in the articles now
        parts = _dump_parts(text, LIMITS.max_dump_lines)
        for index, (before, part) in enumerate(parts):
            if index == 1:
                lines = text.count("\n") + 1
                on_problem(
                    Problem(label, None, Msg.DUMP_IN_PARTS.format(lines=lines, limit=LIMITS.max_dump_lines))
                )
            roles: list[LineRole] | None = [] if explain is not None else None
            articles, dropped = segment_lines(
                split_lines(part),
                path=label,
                day_first=day_first,
                settings=settings,
                explain=roles,
                jobs=jobs,
            )
            if explain is not None and roles is not None:
                explain.extend(attrs.evolve(role, line=role.line + before) for role in roles)
            for one in dropped:
                on_dropped(attrs.evolve(one, line=one.line + before) if before else one)
            for article in articles:
                yield _moved(article, before)
        return
    if fmt in ("csv", "tsv"):
        names = columns if columns is not None and not isinstance(columns, Mapping) else None
        records = (csv_records if fmt == "csv" else tsv_records)(decoded.text, label, names)
    else:
        records = {"jsonl": jsonl_records, "json": json_records}[fmt](decoded.text, label)
    yield from records_to_articles(
        records, path=label, on_problem=on_problem, day_first=day_first, columns=columns
    )


def _dump_parts(text: str, limit: int) -> Iterator[tuple[int, str]]:
    """(lines before, part) for a dump's text: the whole text when it has at most ``limit`` lines,
    else parts of about ``limit`` lines, each ending after a blank line when one comes within a
    tenth of ``limit`` lines past the limit (so an article is seldom cut in two)."""
    start = 0
    before = 0
    length = len(text)
    while start < length:
        pos = start
        for _ in range(limit):
            found = text.find("\n", pos)
            if found < 0:
                pos = length
                break
            pos = found + 1
        else:
            blank = _BLANK_LINE.search(text, pos - 1, _window_end(text, pos, limit // 10))
            pos = blank.end() if blank is not None else pos
        if pos >= length or (start == 0 and pos >= length):
            yield before, text[start:]
            return
        part = text[start:pos]
        yield before, part
        before += part.count("\n")
        start = pos


_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _window_end(text: str, pos: int, lines: int) -> int:
    """Where ``lines`` more lines from ``pos`` end (the end of the text when it has fewer)."""
    for _ in range(lines):
        found = text.find("\n", pos)
        if found < 0:
            return len(text)
        pos = found + 1
    return pos


def _moved(article: Article, lines: int) -> Article:
    """``article`` as read from a part of a dump that starts ``lines`` lines into it."""
    origin = article.origin
    if not lines or origin is None:
        return article
    return article.evolve(
        origin=attrs.evolve(origin, first_line=origin.first_line + lines, last_line=origin.last_line + lines)
    )


# --- public entry points -------------------------------------------------------------------


def read(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    encoding: str | None = None,
    day_first: bool = True,
    progress: bool | None = False,
    settings: SegmentSettings | None = None,
    columns: str | Columns | None = None,
) -> Corpus:
    """Read dumps and record files (files, directories, compressed, ``-`` for stdin) into a Corpus.

    Never raises for input content or for a missing or unreadable file: each becomes a
    Problem in ``corpus.problems`` and the rest is read. An unknown ``encoding`` name is
    a UsageError. ``settings`` are the dump segmenter's thresholds; ``columns`` says what
    the columns of record files are (``"title,date,body"`` in order, or ``{"story": "body"}``).
    """
    stream = iter_articles(
        paths, encoding=encoding, day_first=day_first, progress=progress, settings=settings, columns=columns
    )
    articles = tuple(stream)
    return Corpus(articles, dropped=tuple(stream.dropped), problems=tuple(stream.problems))


class ArticleStream(Iterator[Article]):
    """Articles read lazily, one input file at a time.

    Memory holds one file's articles at most, so inputs larger than memory stream
    through. What the reader sets aside and the problems it meets are collected in
    ``dropped`` and ``problems`` as the stream advances (complete once it is exhausted);
    ``on_dropped`` and ``on_problem`` callbacks receive them as they come instead of
    collecting them, for runs that must stay bounded.
    """

    def __init__(
        self,
        paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
        *,
        encoding: str | None = None,
        day_first: bool = True,
        progress: bool | None = False,
        on_dropped: Callable[[Dropped], None] | None = None,
        on_problem: Callable[[Problem], None] | None = None,
        settings: SegmentSettings | None = None,
        columns: str | Columns | None = None,
    ):
        check_encoding(encoding)
        self._settings = settings
        self._columns = parse_columns(columns)
        self.dropped: list[Dropped] = []
        self.problems: list[Problem] = []
        self.files = 0
        self._on_dropped = on_dropped or self.dropped.append
        self._on_problem = on_problem or self.problems.append
        self._articles = self._generate(paths, encoding, day_first, progress)

    def __iter__(self) -> ArticleStream:
        return self

    def __next__(self) -> Article:
        return next(self._articles)

    def _generate(
        self,
        paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
        encoding: str | None,
        day_first: bool,
        progress: bool | None,
    ) -> Iterator[Article]:
        from tqdm import tqdm

        bar = tqdm(desc="reading", unit="file", disable=not progress, file=sys.stderr)
        try:
            for item in iter_inputs(paths):
                if isinstance(item, Problem):
                    self._on_problem(item)
                    continue
                if item != STDIN and web.is_warc(item):
                    self.files += 1
                    bar.update()
                    for one in web.iter_warc_file(item, encoding=encoding, day_first=day_first):
                        if isinstance(one, Article):
                            yield from _bounded((one,), item, self._on_problem)
                        elif isinstance(one, Dropped):
                            self._on_dropped(one)
                        else:
                            self._on_problem(one)
                    continue
                self.files += 1
                bar.update()
                # Streamed: what a file sets aside goes out as it is met, not held to its end
                # (a dump of millions of set-aside lines held them all).
                yield from stream_file(
                    item,
                    on_dropped=self._on_dropped,
                    on_problem=self._on_problem,
                    encoding=encoding,
                    day_first=day_first,
                    settings=self._settings,
                    columns=self._columns,
                )
        finally:
            bar.close()


def iter_articles(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    encoding: str | None = None,
    day_first: bool = True,
    progress: bool | None = False,
    on_dropped: Callable[[Dropped], None] | None = None,
    on_problem: Callable[[Problem], None] | None = None,
    settings: SegmentSettings | None = None,
    columns: str | Columns | None = None,
) -> ArticleStream:
    """Like :func:`read`, lazily: an iterator of Articles with ``dropped`` and ``problems``."""
    return ArticleStream(
        paths,
        encoding=encoding,
        day_first=day_first,
        progress=progress,
        on_dropped=on_dropped,
        on_problem=on_problem,
        settings=settings,
        columns=columns,
    )


def read_dump(
    path_or_text: str | os.PathLike[str] | bytes,
    *,
    encoding: str | None = None,
    day_first: bool = True,
    settings: SegmentSettings | None = None,
) -> Corpus:
    """Split one plain-text dump into Articles.

    A ``Path`` (or a one-line string naming an existing file, or one that looks like a
    file name, such as ``"dump.txt"``) is read from disk, compressed or not; ``bytes`` are
    decoded; any other string is the dump's text itself. A file that is missing or
    cannot be read raises InputError; problems with its content are in ``problems``.
    ``settings`` are the segmenter's thresholds (:class:`SegmentSettings`).
    """
    parsed = _dump(path_or_text, encoding=encoding, day_first=day_first, settings=settings)
    return Corpus(parsed.articles, dropped=parsed.dropped, problems=parsed.problems)


def explain_dump(
    path_or_text: str | os.PathLike[str] | bytes,
    *,
    encoding: str | None = None,
    day_first: bool = True,
    settings: SegmentSettings | None = None,
) -> list[LineRole]:
    """Why each non-blank line of a dump got its role: one :class:`LineRole` a line, in order
    (what :func:`read_dump` would do with the same arguments; ``mediamon segment --explain``)."""
    explained: list[LineRole] = []
    _dump(path_or_text, encoding=encoding, day_first=day_first, settings=settings, explain=explained)
    return explained


def _dump(
    path_or_text: str | os.PathLike[str] | bytes,
    *,
    encoding: str | None,
    day_first: bool,
    settings: SegmentSettings | None,
    explain: list[LineRole] | None = None,
) -> Parsed:
    check_encoding(encoding)
    options: dict[str, Any] = {
        "encoding": encoding,
        "day_first": day_first,
        "settings": settings,
        "explain": explain,
    }
    if isinstance(path_or_text, bytes):
        return _parse_bytes(path_or_text, "<bytes>", fmt="dump", **options)
    if isinstance(path_or_text, os.PathLike) or _names_file(path_or_text):
        name = os.fspath(path_or_text)
        if os.path.isdir(name):
            raise InputError(Msg.IS_DIRECTORY, path=name)
        try:
            with open(name, "rb") as handle:
                raw = handle.read()
        except FileNotFoundError as exc:
            raise InputError(Msg.NOT_FOUND, path=name) from exc
        except OSError as exc:
            raise InputError(Msg.UNREADABLE.format(detail=exc.strerror or exc), path=name) from exc
        return _parse_bytes(
            raw, name, fmt="dump", compression=compression_formats.split_suffix(name)[1], **options
        )
    text, problems = _clean_text(path_or_text, "<text>")
    articles, dropped = segment_lines(
        split_lines(text), path="<text>", day_first=day_first, settings=settings, explain=explain
    )
    return Parsed(tuple(articles), tuple(dropped), tuple(problems))


def _names_file(text: str) -> bool:
    """Whether a string given to read_dump is a file name rather than a dump's text."""
    if len(text) >= 4096 or "\n" in text or "\r" in text or not text.strip():
        return False
    if os.path.isfile(text):
        return True
    # A missing "dump.txt" is a mistake to report, not a one-line dump to parse.
    return _known(text) and not any(c.isspace() for c in text)


def _clean_text(text: str, label: str) -> tuple[str, list[Problem]]:
    """Text given as ``str``: NULs removed and lone surrogates replaced, as decoding does for bytes.

    Surrogates are handled as for decoded bytes (:func:`mediamon.io.encoding.replace_surrogates`).
    """
    problems: list[Problem] = []
    if "\x00" in text:
        line = len(split_lines(text[: text.index("\x00")]))
        problems.append(Problem(label, line, Msg.NUL_REMOVED_TEXT.format(count=text.count("\x00"))))
        text = text.replace("\x00", "")
    text, surrogates = replace_surrogates(text, label)
    problems.extend(surrogates)
    return text, problems
