"""Reading inputs: plain-text dumps, record files, directories, compressed files, stdin.

Every input problem (undecodable bytes, a binary file, a malformed record, an
unreadable file) becomes a :class:`~mediamon.errors.Problem` naming the file and line;
the rest of the input is still read.
"""

from __future__ import annotations

import bz2
import csv
import gzip
import io
import json
import lzma
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs

from mediamon.corpus import Corpus
from mediamon.encoding import decode
from mediamon.errors import InputError, Msg, Problem, RecordError
from mediamon.model import Article, Dropped
from mediamon.records import record_to_article
from mediamon.segment import segment_lines

__all__ = ["FORMATS", "Parsed", "iter_inputs", "read", "read_dump", "read_file"]

#: Input suffix -> format name.
FORMATS = {
    ".txt": "dump",
    ".text": "dump",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "tsv",
}
_COMPRESSED = {".gz": gzip.decompress, ".bz2": bz2.decompress, ".xz": lzma.decompress}
_LIST_KEYS = ("articles", "records", "items", "data", "results", "docs")
STDIN = "-"


@attrs.frozen
class Parsed:
    """What one input gave: articles, lines set aside, problems."""

    articles: tuple[Article, ...] = ()
    dropped: tuple[Dropped, ...] = ()
    problems: tuple[Problem, ...] = ()


def split_lines(text: str) -> list[str]:
    """Lines as an editor numbers them: CRLF, LF and lone CR each end one line."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _format_of(name: str) -> tuple[str, str | None]:
    """(format, compression suffix) from a file name; unknown suffixes read as dumps."""
    lower = name.lower()
    compression = next((s for s in _COMPRESSED if lower.endswith(s)), None)
    if compression:
        lower = lower[: -len(compression)]
    suffix = os.path.splitext(lower)[1]
    return FORMATS.get(suffix, "dump"), compression


def _known(name: str) -> bool:
    lower = name.lower()
    for suffix in _COMPRESSED:
        if lower.endswith(suffix):
            lower = lower[: -len(suffix)]
    return os.path.splitext(lower)[1] in FORMATS


def iter_inputs(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
) -> Iterator[str | Problem]:
    """Expand paths into files (directories recursively, sorted); problems are yielded in place."""
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
        else:
            yield Problem(name, None, Msg.NOT_FOUND)


def _walk(top: str) -> Iterator[str | Problem]:
    seen: set[tuple[int, int]] = set()

    def visit(directory: str) -> Iterator[str | Problem]:
        try:
            stat = os.stat(directory)
        except OSError as exc:
            yield Problem(directory, None, Msg.UNREADABLE.format(detail=exc.strerror or exc))
            return
        key = (stat.st_dev, stat.st_ino)
        if key in seen:
            yield Problem(directory, None, Msg.SYMLINK_LOOP)
            return
        seen.add(key)
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as exc:
            yield Problem(directory, None, Msg.UNREADABLE.format(detail=exc.strerror or exc))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                yield from visit(entry.path)
            elif _known(entry.name):
                yield entry.path
            elif entry.is_file() or entry.is_symlink():
                yield Problem(entry.path, None, Msg.UNSUPPORTED_SUFFIX.format(suffix=Path(entry.name).suffix))

    yield from visit(top)


def _load_bytes(name: str) -> bytes:
    if name == STDIN:
        return sys.stdin.buffer.read()
    with open(name, "rb") as handle:
        return handle.read()


def read_file(
    name: str, *, encoding: str | None = None, day_first: bool = True, data: bytes | None = None
) -> Parsed:
    """Read one input file (or ``-`` for standard input) of any supported format."""
    label = "<stdin>" if name == STDIN else name
    try:
        raw = _load_bytes(name) if data is None else data
    except OSError as exc:
        return Parsed(problems=(Problem(label, None, Msg.UNREADABLE.format(detail=exc.strerror or exc)),))
    fmt, compression = _format_of(name)
    if compression:
        try:
            raw = _COMPRESSED[compression](raw)
        except (OSError, EOFError, lzma.LZMAError, ValueError) as exc:
            return Parsed(
                problems=(
                    Problem(label, None, Msg.UNREADABLE.format(detail=f"bad {compression} data: {exc}")),
                )
            )
    if name == STDIN:
        fmt = _sniff(raw)
    if not raw.strip():
        return Parsed(problems=(Problem(label, None, Msg.EMPTY),))
    try:
        decoded = decode(raw, path=label, encoding=encoding)
    except InputError as exc:
        return Parsed(problems=(exc.problem,))
    problems = list(decoded.problems)
    if not decoded.text.strip():
        return Parsed(problems=(*problems, Problem(label, None, Msg.EMPTY)))
    if fmt == "dump":
        articles, dropped = segment_lines(split_lines(decoded.text), path=label, day_first=day_first)
        return Parsed(tuple(articles), tuple(dropped), tuple(problems))
    records = {
        "jsonl": _jsonl_records,
        "json": _json_records,
        "csv": _csv_records,
        "tsv": _tsv_records,
    }[fmt]
    articles = []
    for item in records(decoded.text, label):
        if isinstance(item, Problem):
            problems.append(item)
            continue
        record, first, last = item
        try:
            articles.append(
                record_to_article(record, path=label, line=first, last_line=last, day_first=day_first)
            )
        except RecordError as exc:
            problems.append(exc.problem)
    return Parsed(tuple(articles), (), tuple(problems))


def _sniff(raw: bytes) -> str:
    head = raw.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if head == b"[":
        return "json"
    if head == b"{":
        first = raw.lstrip().split(b"\n", 1)[0].strip()
        return "jsonl" if first.endswith(b"}") else "json"
    return "dump"


_Record = tuple[dict[str, Any], int, int]


def _as_record(value: Any, path: str, line: int) -> _Record | Problem:
    if isinstance(value, dict):
        return value, line, line
    kind = "array" if isinstance(value, list) else type(value).__name__
    return Problem(path, line, Msg.NOT_A_RECORD.format(kind=kind))


def _jsonl_records(text: str, path: str) -> Iterator[_Record | Problem]:
    for number, line in enumerate(split_lines(text), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Problem(path, number, Msg.BAD_JSON.format(detail=f"{exc.msg} (column {exc.colno})"))
            continue
        except RecursionError:
            yield Problem(path, number, Msg.BAD_JSON.format(detail="nested too deeply"))
            continue
        yield _as_record(value, path, number)


def _json_records(text: str, path: str) -> Iterator[_Record | Problem]:
    """A JSON file: an array of records, an object holding one, or a single record."""
    decoder = json.JSONDecoder()
    try:
        start = len(text) - len(text.lstrip())
        if text[start : start + 1] == "[":
            yield from _json_array(decoder, text, start + 1, path)
            return
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        yield Problem(path, exc.lineno, Msg.BAD_JSON.format(detail=f"{exc.msg} (column {exc.colno})"))
        return
    except RecursionError:
        yield Problem(path, 1, Msg.BAD_JSON.format(detail="nested too deeply"))
        return
    if isinstance(value, dict):
        for key in _LIST_KEYS:
            if isinstance(value.get(key), list):
                for index, item in enumerate(value[key]):
                    yield (
                        _as_record(item, path, 1)
                        if isinstance(item, dict)
                        else Problem(
                            path,
                            None,
                            f"{key}[{index}]: " + Msg.NOT_A_RECORD.format(kind=type(item).__name__),
                        )
                    )
                return
    yield _as_record(value, path, 1)


def _json_array(decoder: json.JSONDecoder, text: str, pos: int, path: str) -> Iterator[_Record | Problem]:
    """Decode array elements one at a time so each record knows its line."""
    line, counted = 1, 0
    length = len(text)
    while True:
        while pos < length and text[pos] in " \t\r\n,":
            pos += 1
        if pos >= length:
            yield Problem(path, text.count("\n") + 1, Msg.BAD_JSON.format(detail="unterminated array"))
            return
        if text[pos] == "]":
            return
        line += text.count("\n", counted, pos)
        counted = pos
        try:
            value, end = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            yield Problem(path, exc.lineno, Msg.BAD_JSON.format(detail=f"{exc.msg} (column {exc.colno})"))
            return
        except RecursionError:
            yield Problem(path, line, Msg.BAD_JSON.format(detail="nested too deeply"))
            return
        last = line + text.count("\n", pos, end)
        item = _as_record(value, path, line)
        yield (item[0], line, last) if not isinstance(item, Problem) else item
        pos = end


def _csv_records(text: str, path: str, delimiter: str = ",") -> Iterator[_Record | Problem]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] | None = None
    last_end = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Problem(path, reader.line_num, Msg.CSV_ERROR.format(detail=exc))
            last_end = reader.line_num
            continue
        first, last_end = last_end + 1, reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = [h.strip().lstrip("\ufeff") for h in row]
            continue
        record: dict[str, Any] = {}
        if len(row) != len(header):
            detail = "missing fields left empty" if len(row) < len(header) else "extra fields kept in meta"
            yield Problem(path, first, Msg.CSV_RAGGED.format(got=len(row), want=len(header), detail=detail))
            if len(row) > len(header):
                record["extra_fields"] = row[len(header) :]
        for key, cell in zip(header, row, strict=False):
            if key and cell != "":
                record[key] = cell
        yield record, first, last_end


def _tsv_records(text: str, path: str) -> Iterator[_Record | Problem]:
    return _csv_records(text, path, delimiter="\t")


def read(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    encoding: str | None = None,
    day_first: bool = True,
    progress: bool | None = False,
) -> Corpus:
    """Read dumps and record files (files, directories, compressed, ``-`` for stdin) into a Corpus."""
    from tqdm import tqdm

    articles: list[Article] = []
    dropped: list[Dropped] = []
    problems: list[Problem] = []
    items = list(iter_inputs(paths))
    for item in tqdm(items, desc="reading", unit="file", disable=not progress, file=sys.stderr):
        if isinstance(item, Problem):
            problems.append(item)
            continue
        parsed = read_file(item, encoding=encoding, day_first=day_first)
        articles.extend(parsed.articles)
        dropped.extend(parsed.dropped)
        problems.extend(parsed.problems)
    return Corpus(tuple(articles), dropped=tuple(dropped), problems=tuple(problems))


def read_dump(
    path_or_text: str | os.PathLike[str] | bytes,
    *,
    encoding: str | None = None,
    day_first: bool = True,
) -> Corpus:
    """Split one plain-text dump into Articles.

    A ``Path`` (or a one-line string naming an existing file) is read from disk, ``bytes``
    are decoded, and any other string is the dump's text itself.
    """
    if isinstance(path_or_text, bytes):
        parsed = _dump_from_bytes(path_or_text, "<bytes>", encoding, day_first)
    elif isinstance(path_or_text, os.PathLike) or (
        "\n" not in path_or_text and len(path_or_text) < 4096 and os.path.isfile(path_or_text)
    ):
        name = os.fspath(path_or_text)
        try:
            raw = _load_bytes(name)
        except OSError as exc:
            raise InputError(Msg.UNREADABLE.format(detail=exc.strerror or exc), path=name) from exc
        parsed = _dump_from_bytes(raw, name, encoding, day_first)
    else:
        articles, dropped = segment_lines(split_lines(path_or_text), path="<text>", day_first=day_first)
        parsed = Parsed(tuple(articles), tuple(dropped))
    return Corpus(parsed.articles, dropped=parsed.dropped, problems=parsed.problems)


def _dump_from_bytes(raw: bytes, label: str, encoding: str | None, day_first: bool) -> Parsed:
    if not raw.strip():
        return Parsed(problems=(Problem(label, None, Msg.EMPTY),))
    try:
        decoded = decode(raw, path=label, encoding=encoding)
    except InputError as exc:
        return Parsed(problems=(exc.problem,))
    articles, dropped = segment_lines(split_lines(decoded.text), path=label, day_first=day_first)
    return Parsed(tuple(articles), tuple(dropped), decoded.problems)
