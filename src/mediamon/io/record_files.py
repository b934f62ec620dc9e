"""Record files: JSON Lines, JSON (an array, or an object holding one), CSV and TSV, parsed
into raw records with the lines each came from.

A malformed record, or a part of a file that cannot be parsed, becomes a
:class:`~mediamon.errors.Problem` with its line, and reading resumes after it; which keys
mean what is :mod:`mediamon.io.records`' job.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Iterator, Sequence
from typing import Any, Literal

from mediamon.errors import Msg, Problem
from mediamon.io.records import header_like

__all__ = [
    "Row",
    "csv_records",
    "json_records",
    "jsonl_records",
    "split_lines",
    "table_rows",
    "tsv_quoting",
    "tsv_records",
]

#: Keys under which a JSON object holds its list of records.
_LIST_KEYS = ("articles", "records", "items", "data", "results", "docs")


def split_lines(text: str) -> list[str]:
    """Lines as an editor numbers them: CRLF, LF and lone CR each end one line."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n")


_Record = tuple[dict[str, Any], int, int]
_DECODER = json.JSONDecoder()
_WS = " \t\r\n"


def _json_detail(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg} (line {exc.lineno}, column {exc.colno})"
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    return str(exc)


def _line_detail(exc: Exception) -> str:
    """What is wrong with one line of JSON Lines (the line itself is named by the Problem)."""
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg} (column {exc.colno})"
    return _json_detail(exc)


def _as_record(value: Any, path: str, line: int, last: int | None = None) -> _Record | Problem:
    if isinstance(value, dict):
        return value, line, last or line
    kind = "array" if isinstance(value, list) else "null" if value is None else type(value).__name__
    kind = {"str": "string", "int": "number", "float": "number", "bool": "boolean"}.get(kind, kind)
    return Problem(path, line, Msg.NOT_A_RECORD.format(kind=kind))


def jsonl_records(text: str, path: str) -> Iterator[_Record | Problem]:
    """One JSON value a line; a file that is one JSON document spread over lines is read as JSON."""
    lines = split_lines(text)
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except (ValueError, RecursionError) as exc:
            if number == 1 and _whole_json(text):
                yield from json_records(text, path)
                return
            yield Problem(path, number, Msg.BAD_JSON.format(detail=_line_detail(exc)))
            continue
        yield _as_record(value, path, number)


def _whole_json(text: str) -> bool:
    """Whether ``text`` is one JSON document (a pretty-printed object given as JSON Lines)."""
    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return False
    return True


class _Lines:
    """Line numbers of positions in a text, counted incrementally for increasing positions."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.line = 1

    def at(self, pos: int) -> int:
        if pos < self.pos:
            self.pos, self.line = 0, 1
        self.line += self.text.count("\n", self.pos, pos)
        self.pos = pos
        return self.line


def _skip_ws(text: str, pos: int) -> int:
    length = len(text)
    while pos < length and text[pos] in _WS:
        pos += 1
    return pos


def json_records(text: str, path: str) -> Iterator[_Record | Problem]:
    """A JSON file: an array of records, an object holding one, a single record, or JSON Lines."""
    start = _skip_ws(text, 0)
    if text[start : start + 1] == "[":
        yield from _json_array(text, start + 1, path)
        return
    try:
        value = json.loads(text)
    except (ValueError, RecursionError) as exc:
        if isinstance(exc, json.JSONDecodeError) and exc.msg == "Extra data":
            yield from _jsonl_records_strict(text, path)  # JSON Lines in a .json file
            return
        pos = _list_member(text, start, None)
        if pos is not None:  # a wrapper object whose list has a bad record: read the others
            yield from _json_array(text, pos + 1, path, nested=True)
            return
        line = exc.lineno if isinstance(exc, json.JSONDecodeError) else 1
        yield Problem(path, line, Msg.BAD_JSON.format(detail=_json_detail(exc)))
        return
    if isinstance(value, dict):
        for key in _LIST_KEYS:
            if isinstance(value.get(key), list):
                pos = _list_member(text, start, key)
                if pos is not None:
                    yield from _json_array(text, pos + 1, path, nested=True)
                    return
    yield _as_record(value, path, _Lines(text).at(start), text.count("\n", 0, len(text.rstrip())) + 1)


def _jsonl_records_strict(text: str, path: str) -> Iterator[_Record | Problem]:
    """JSON Lines without the fall-back to a whole JSON document."""
    for number, line in enumerate(split_lines(text), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except (ValueError, RecursionError) as exc:
            yield Problem(path, number, Msg.BAD_JSON.format(detail=_line_detail(exc)))
            continue
        yield _as_record(value, path, number)


def _list_member(text: str, start: int, want: str | None) -> int | None:
    """Position of the ``[`` opening member ``want`` of the top-level object at ``start``.

    With ``want=None``, the first member named in ``_LIST_KEYS`` whose value is an array.
    Members before it are decoded one by one; None when that fails or nothing matches.
    """
    if text[start : start + 1] != "{":
        return None
    pos = start + 1
    try:
        while True:
            pos = _skip_ws(text, pos)
            if text[pos : pos + 1] != '"':
                return None
            key, pos = _DECODER.raw_decode(text, pos)
            pos = _skip_ws(text, pos)
            if text[pos : pos + 1] != ":":
                return None
            pos = _skip_ws(text, pos + 1)
            if text[pos : pos + 1] == "[" and (key == want or (want is None and key in _LIST_KEYS)):
                return pos
            _, pos = _DECODER.raw_decode(text, pos)
            pos = _skip_ws(text, pos)
            if text[pos : pos + 1] != ",":
                return None
            pos += 1
    except (ValueError, RecursionError):
        return None


_NEXT_OBJECT = re.compile(r"[\[,][ \t\r\n]*(?=\{)")
_RESYNC_ATTEMPTS = 1000


def _resync(text: str, pos: int) -> int | None:
    """The start of the next array element that decodes as an object, after a bad one at ``pos``."""
    for attempt, match in enumerate(_NEXT_OBJECT.finditer(text, pos + 1)):
        if attempt >= _RESYNC_ATTEMPTS:
            return None
        try:
            _, end = _DECODER.raw_decode(text, match.end())
        except (ValueError, RecursionError):
            continue
        after = _skip_ws(text, end)
        if text[after : after + 1] in (",", "]"):
            return match.end()
    return None


def _json_array(text: str, pos: int, path: str, *, nested: bool = False) -> Iterator[_Record | Problem]:
    """Decode array elements one at a time, so each record knows its lines and a bad one
    costs only itself: decoding resumes at the next element that is an object."""
    lines = _Lines(text)
    length = len(text)
    while True:
        pos = _skip_ws(text, pos)
        if pos >= length:
            yield Problem(path, lines.at(length), Msg.BAD_JSON.format(detail="unterminated array"))
            return
        if text[pos] == "]":
            end = _skip_ws(text, pos + 1)
            if end < length and not nested:
                line = lines.at(end)
                column = end - text.rfind("\n", 0, end)
                yield Problem(path, line, Msg.JSON_TRAILING.format(column=column))
            return
        if text[pos] == ",":
            pos += 1
            continue
        line = lines.at(pos)
        try:
            value, end = _DECODER.raw_decode(text, pos)
        except (ValueError, RecursionError) as exc:
            where = exc.lineno if isinstance(exc, json.JSONDecodeError) else line
            detail = _json_detail(exc)
            resume = _resync(text, pos)
            if resume is None:
                yield Problem(path, where, Msg.JSON_REST_SKIPPED.format(detail=detail))
                return
            yield Problem(path, where, Msg.JSON_SKIPPED.format(detail=detail, line=lines.at(resume)))
            pos = resume
            continue
        yield _as_record(value, path, line, line + text.count("\n", pos, end))
        pos = _skip_ws(text, end)
        if text[pos : pos + 1] == "{":
            column = pos - text.rfind("\n", 0, pos)
            detail = f"missing ',' before the record at column {column}; read it anyway"
            yield Problem(path, lines.at(pos), Msg.BAD_JSON.format(detail=detail))
        elif pos < length and text[pos] not in ",]":
            column = pos - text.rfind("\n", 0, pos)
            detail = f"expected ',' or ']' after a record (line {lines.at(pos)}, column {column})"
            resume = _resync(text, pos - 1)
            if resume is None:
                yield Problem(path, lines.at(pos), Msg.JSON_REST_SKIPPED.format(detail=detail))
                return
            yield Problem(path, lines.at(pos), Msg.JSON_SKIPPED.format(detail=detail, line=lines.at(resume)))
            pos = resume


#: One row of a table: its cells, and its first and last line (a quoted field may hold line breaks).
Row = tuple[list[str], int, int]


def table_rows(
    text: str,
    path: str,
    *,
    delimiter: str = ",",
    quoting: Literal[0, 1, 2, 3] = csv.QUOTE_MINIMAL,
) -> Iterator[Row | Problem]:
    """The rows of a CSV or TSV text, each with its lines; the one row reader of record files
    and gazetteers.

    Quoting is read strictly: a quote that never closes, or closes before other text
    (``"Abu Ali`` on one line, closed by the next quote rows later), would swallow the
    lines after it into one field. Such a row is a problem naming its first line; that
    line is read as it stands (the quote a character like any other) and reading
    resumes on the next line, so no later row is lost.
    """
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    lines = io.StringIO(text, newline="").readlines()
    total = len(lines)
    start = 0  # lines before ``start`` are read
    while start < total:
        reader = csv.reader(
            (lines[i] for i in range(start, total)), delimiter=delimiter, quoting=quoting, strict=True
        )
        done = 0  # lines the reader has taken, counted from ``start``
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                first = start + done + 1
                yield Problem(path, first, Msg.CSV_UNPAIRED_QUOTE.format(detail=exc))
                plain = next(csv.reader([lines[first - 1]], delimiter=delimiter, quoting=csv.QUOTE_NONE), [])
                yield plain, first, first
                start = first
                break
            yield row, start + done + 1, start + reader.line_num
            done = reader.line_num


def csv_records(
    text: str,
    path: str,
    names: Sequence[str] | None = None,
    delimiter: str = ",",
    quoting: Literal[0, 1, 2, 3] = csv.QUOTE_MINIMAL,
) -> Iterator[_Record | Problem]:
    """Rows after a header row; quoted fields may hold newlines, so a record knows its first and last line.

    ``names`` (``columns=`` in order) replace the header: the first row is then skipped when it
    reads as column names and kept as data otherwise. Without them, a first row that reads
    as data is reported (it is still taken as the header).
    """
    header: list[str] | None = None
    for item in table_rows(text, path, delimiter=delimiter, quoting=quoting):
        if isinstance(item, Problem):
            yield item
            continue
        row, first, last = item
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            if names is not None:
                header = _header([*names, *([""] * (len(row) - len(names)))])
                if header_like(row):
                    continue
            else:
                header = _header(row)
                if not header_like(row):
                    shown = ", ".join(repr(cell[:30]) for cell in row[:3])
                    yield Problem(path, first, Msg.CSV_NO_HEADER.format(detail=shown))
                continue
        record: dict[str, Any] = {}
        if len(row) != len(header):
            detail = "missing fields left empty" if len(row) < len(header) else "extra fields kept in meta"
            yield Problem(path, first, Msg.CSV_RAGGED.format(got=len(row), want=len(header), detail=detail))
            if len(row) > len(header):
                record["extra_fields"] = row[len(header) :]
        for key, cell in zip(header, row, strict=False):
            if cell != "":
                record[key] = cell
        yield record, first, last


def _header(row: list[str]) -> list[str]:
    """Column names: trimmed, a BOM removed, blanks named ``column_N``, repeats numbered ``name.2``."""
    names: list[str] = []
    for index, cell in enumerate(row, start=1):
        name = cell.strip().lstrip("\ufeff").strip() or f"column_{index}"
        base, n = name, 1
        while name in names:
            n += 1
            name = f"{base}.{n}"
        names.append(name)
    return names


_CSV_QUOTED = re.compile(r'"(?:[^"]|"")*""(?:[^"]|"")*"')
#: A cell that opens a quote and never closes it on its line (the quote holds a line break).
_OPEN_QUOTE = re.compile(r'"(?:[^"]|"")*')


def tsv_quoting(text: str) -> Literal[0, 1, 2, 3]:
    """Whether a TSV file uses CSV quoting, or is the plain kind where ``"`` is just a character.

    Plain TSV (one record a line, no quoting) is common, and reading it with quoting would
    eat the quote marks a text starts with, or whole lines after an unpaired one. Quoting is
    used only when the file shows it: a cell quoted with doubled quotes inside, or a row
    that breaks apart at a quote when read plainly (a quoted tab or newline).
    """
    rows = csv.reader(io.StringIO(text, newline=""), delimiter="\t", quoting=csv.QUOTE_NONE)
    width: int | None = None
    unclosed = False
    for row in rows:
        if not any(cell.strip() for cell in row):
            continue
        if width is None:
            width = len(row)
        starts_quoted = any(cell.startswith('"') for cell in row)
        if starts_quoted and (len(row) != width or any(_CSV_QUOTED.fullmatch(cell) for cell in row)):
            return csv.QUOTE_MINIMAL
        unclosed = unclosed or any(_OPEN_QUOTE.fullmatch(cell) for cell in row)
    if unclosed and width is not None and _same_width_quoted(text, width):
        # A cell opened a quote its line does not close (a quoted newline), and read with
        # quoting every row has the header's width: the file quotes.
        return csv.QUOTE_MINIMAL
    return csv.QUOTE_NONE


def _same_width_quoted(text: str, width: int) -> bool:
    """Whether every non-blank row has ``width`` cells when the text is read with CSV quoting."""
    try:
        rows = csv.reader(io.StringIO(text, newline=""), delimiter="\t", quoting=csv.QUOTE_MINIMAL)
        return all(len(row) == width for row in rows if any(cell.strip() for cell in row))
    except csv.Error:
        return False


def tsv_records(text: str, path: str, names: Sequence[str] | None = None) -> Iterator[_Record | Problem]:
    return csv_records(text, path, names, delimiter="\t", quoting=tsv_quoting(text))
