"""Record files: JSON Lines, JSON (an array, or an object holding one), CSV and TSV, parsed
into raw records with the lines each came from.

A malformed record, or a part of a file that cannot be parsed, becomes a
:class:`~mediamon.errors.Problem` with its line, and reading resumes after it; which keys
mean what is :mod:`mediamon.io.records`' job.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import sys
import threading
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Literal

from mediamon.errors import Msg, Problem
from mediamon.io.records import header_like

__all__ = [
    "JSON",
    "REPEATED_KEYS",
    "Row",
    "csv_records",
    "json_records",
    "jsonl_records",
    "numbered_lines",
    "repeats_reason",
    "split_lines",
    "table_rows",
    "take_repeats",
    "tsv_quoting",
    "tsv_records",
    "without_bom",
]

#: Keys under which a JSON object holds its list of records.
_LIST_KEYS = ("articles", "records", "items", "data", "results", "docs")


def split_lines(text: str) -> list[str]:
    """Lines as an editor numbers them: CRLF, LF and lone CR each end one line."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n")


def numbered_lines(text: str, block: int = 1 << 20) -> Iterator[tuple[int, str]]:
    """(line number, line) of ``text`` as :func:`split_lines` numbers them, split a block of about
    ``block`` characters at a time: a list of every line at once costs a string and a pointer a
    line (gigabytes for a file of millions of short lines)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    number = 0
    start = 0
    length = len(text)
    while start <= length:
        end = text.find("\n", min(start + block, length))
        end = length if end < 0 else end
        for line in text[start:end].split("\n"):
            number += 1
            yield number, line
        start = end + 1


_Record = tuple[dict[str, Any], int, int]
_WS = " \t\r\n"
#: Where a record keeps the earlier values of a key its object names more than once.
REPEATED_KEYS = "repeated_keys"

_repeats = threading.local()
#: Objects that named a key more than once, each with the earlier values of such keys.
_Repeats = list[tuple[dict[str, Any], dict[str, list[Any]]]]


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object; one naming a key more than once (``json`` would keep the last value and
    drop the others without a word) is noted, with the earlier values, for :func:`take_repeats`."""
    out = dict(pairs)
    if len(out) != len(pairs):
        earlier: dict[str, list[Any]] = {}
        last = {key: index for index, (key, _) in enumerate(pairs)}
        for index, (key, value) in enumerate(pairs):
            if last[key] != index:
                earlier.setdefault(key, []).append(value)
        found = getattr(_repeats, "found", None)
        if found is None:
            found = _repeats.found = []
        found.append((out, earlier))
    return out


#: Decodes JSON as ``json`` does, noting objects that repeat a key (:func:`take_repeats`).
JSON = json.JSONDecoder(object_pairs_hook=_object)


def take_repeats() -> _Repeats:
    """The objects that named a key more than once (with each such key's earlier values) since
    the last call, in the order they were decoded (an inner object before the one holding it)."""
    found: _Repeats = getattr(_repeats, "found", None) or []
    _repeats.found = []
    return found


def repeats_reason(earlier: Mapping[str, list[Any]], where: str, outcome: str) -> str:
    """The one-line reason for an object that named the keys of ``earlier`` more than once."""
    keys = ", ".join(f"{key!r} {len(values) + 1} times" for key, values in earlier.items())
    return Msg.JSON_REPEATED_KEYS.format(where=where, keys=keys, outcome=outcome)


def without_bom(line: str) -> str:
    """A line of JSON Lines without a byte-order mark opening it (files joined together)."""
    return line[1:] if line.startswith("\ufeff") else line


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


def _as_record(
    value: Any, path: str, line: int, last: int | None = None, repeats: _Repeats | None = None
) -> Iterator[_Record | Problem]:
    """The record decoded last, with a problem for each object in it that repeated a key
    (``repeats``, default :func:`take_repeats`): the record's own earlier values are kept in its
    ``repeated_keys``, an inner object's are reported."""
    for found, earlier in take_repeats() if repeats is None else repeats:
        if found is value:
            kept = f"the last value is used, the earlier kept in meta.{REPEATED_KEYS}"
            yield Problem(path, line, repeats_reason(earlier, "the record", kept))
            value.setdefault(REPEATED_KEYS, earlier)
        else:
            inner = repeats_reason(earlier, "an object inside the record", "the last value is used")
            yield Problem(path, line, inner)
    if isinstance(value, dict):
        yield value, line, last or line
        return
    kind = "array" if isinstance(value, list) else "null" if value is None else type(value).__name__
    kind = {"str": "string", "int": "number", "float": "number", "bool": "boolean"}.get(kind, kind)
    yield Problem(path, line, Msg.NOT_A_RECORD.format(kind=kind))


def jsonl_records(text: str, path: str) -> Iterator[_Record | Problem]:
    """One JSON value a line; a file that is one JSON document spread over lines is read as JSON."""
    for number, line in numbered_lines(text):
        if not line.strip():
            continue
        take_repeats()
        try:
            value = JSON.decode(without_bom(line))
        except (ValueError, RecursionError) as exc:
            if number == 1 and _whole_json(text):
                yield from json_records(text, path)
                return
            yield Problem(path, number, Msg.BAD_JSON.format(detail=_line_detail(exc)))
            continue
        yield from _as_record(value, path, number)


def _whole_json(text: str) -> bool:
    """Whether ``text`` is one JSON document (a pretty-printed object given as JSON Lines)."""
    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return False
    return True


class _Lines:
    """Line numbers and columns of positions in a text, counted from the last position asked
    for (forward or back), so a pass over the text costs its length, however many are asked."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.line = 1
        self.start = 0  # where the line of ``pos`` starts

    def at(self, pos: int) -> int:
        text = self.text
        if pos >= self.pos:
            crossed = text.count("\n", self.pos, pos)
            if crossed:
                self.line += crossed
                self.start = text.rfind("\n", self.pos, pos) + 1
        else:
            crossed = text.count("\n", pos, self.pos)
            if crossed:
                self.line -= crossed
                self.start = text.rfind("\n", 0, pos) + 1
        self.pos = pos
        return self.line

    def column(self, pos: int) -> int:
        self.at(pos)
        return pos - self.start + 1


def _skip_ws(text: str, pos: int) -> int:
    length = len(text)
    while pos < length and text[pos] in _WS:
        pos += 1
    return pos


#: The first window :func:`_decode_at` reads; it grows fourfold until the value fits.
_WINDOW = 4096


class _Fault:
    """Why a JSON value did not decode, and where (a position in the whole text)."""

    def __init__(self, msg: str, pos: int) -> None:
        self.msg = msg
        self.pos = pos


def _decode_at(text: str, pos: int) -> tuple[Any, int] | _Fault:
    """The JSON value at ``pos`` and where it ends, or why it is not one.

    Decoded from a window of the text that grows until the value fits: ``JSONDecodeError``
    counts the lines from the start of what it was given, so decoding in the whole text
    would make each bad element cost the text before it (quadratic in a file of many).
    """
    size, length = _WINDOW, len(text)
    while True:
        whole = pos + size >= length
        chunk = text if whole and pos == 0 else text[pos : pos + size]
        take_repeats()  # what an attempt cut short by its window noted is noted again
        try:
            value, end = JSON.raw_decode(chunk)
        except json.JSONDecodeError as exc:
            cut = exc.msg.startswith("Unterminated string") or exc.pos >= len(chunk) - 1
            if whole or not cut:
                return _Fault(exc.msg, pos + exc.pos)
        except RecursionError:
            return _Fault("nested too deeply", pos)
        else:
            if whole or end < len(chunk):  # a number ending at the window's end may go on
                return value, pos + end
        size *= 4


def _fault_detail(fault: _Fault, lines: _Lines) -> str:
    if fault.msg == "nested too deeply":
        return fault.msg
    return f"{fault.msg} (line {lines.at(fault.pos)}, column {lines.column(fault.pos)})"


def json_records(text: str, path: str) -> Iterator[_Record | Problem]:
    """A JSON file: an array of records, an object holding one, a single record, or JSON Lines.

    What cannot be parsed is salvaged around: JSON Lines in a ``.json`` file whose first line
    is broken are read line by line; a wrapper object followed by junk gives its records and
    one problem for the junk.
    """
    start = _skip_ws(text, 0)
    if text[start : start + 1] == "[":
        yield from _json_array(text, start + 1, path)
        return
    decoded = _decode_at(text, start)
    if isinstance(decoded, _Fault):
        pos = _list_member(text, start, None)
        if pos is not None:  # a wrapper object whose list has a bad record: read the others
            yield from _json_array(text, pos + 1, path, nested=True)
            return
        if _json_lines_like(text):  # JSON Lines in a .json file, its first line broken
            yield from _jsonl_records_strict(text, path)
            return
        lines = _Lines(text)
        yield Problem(path, lines.at(decoded.pos), Msg.BAD_JSON.format(detail=_fault_detail(decoded, lines)))
        return
    value, end = decoded
    repeats = take_repeats()
    rest = _skip_ws(text, end)
    if isinstance(value, dict):
        # A wrapper naming its list twice ({"articles": [...], "articles": [...]}): every list is read.
        repeated = next((earlier for found, earlier in repeats if found is value), {})
        for key in _LIST_KEYS:
            if isinstance(value.get(key), list):
                pos = _list_member(text, start, key)
                if pos is not None:
                    for nth in range(1, len(repeated.get(key, ())) + 2):
                        yield from _json_array(text, pos + 1, path, nested=True)
                        pos = _list_member(text, start, key, nth)
                        if pos is None:
                            break
                    if rest < len(text):
                        yield _trailing(text, rest, path)
                    return
    if rest < len(text):
        yield from _jsonl_records_strict(text, path)  # JSON Lines in a .json file
        return
    last = text.count("\n", 0, len(text.rstrip())) + 1
    yield from _as_record(value, path, _Lines(text).at(start), last, repeats)


def _trailing(text: str, pos: int, path: str) -> Problem:
    lines = _Lines(text)
    line = lines.at(pos)
    return Problem(path, line, Msg.JSON_TRAILING_DOC.format(column=lines.column(pos)))


def _json_lines_like(text: str) -> bool:
    """Whether most non-blank lines of ``text`` are each a JSON object on their own."""
    objects = lines = 0
    for _, line in numbered_lines(text):
        if not line.strip():
            continue
        lines += 1
        stripped = line.strip()
        if stripped.startswith("{") and stripped.endswith("}"):
            with contextlib.suppress(ValueError, RecursionError):
                objects += isinstance(json.loads(stripped), dict)
    return lines > 1 and 2 * objects > lines


def _jsonl_records_strict(text: str, path: str) -> Iterator[_Record | Problem]:
    """JSON Lines without the fall-back to a whole JSON document."""
    for number, line in numbered_lines(text):
        if not line.strip():
            continue
        take_repeats()
        try:
            value = JSON.decode(without_bom(line))
        except (ValueError, RecursionError) as exc:
            yield Problem(path, number, Msg.BAD_JSON.format(detail=_line_detail(exc)))
            continue
        yield from _as_record(value, path, number)


def _list_member(text: str, start: int, want: str | None, skip: int = 0) -> int | None:
    """Position of the ``[`` opening member ``want`` of the top-level object at ``start``
    (after ``skip`` such members: an object may name one key more than once).

    With ``want=None``, the first member named in ``_LIST_KEYS`` whose value is an array.
    Members before it are decoded one by one; None when that fails or nothing matches.
    """
    if text[start : start + 1] != "{":
        return None
    pos = start + 1
    while True:
        pos = _skip_ws(text, pos)
        if text[pos : pos + 1] != '"':
            return None
        decoded = _decode_at(text, pos)
        if isinstance(decoded, _Fault):
            return None
        key, pos = decoded
        pos = _skip_ws(text, pos)
        if text[pos : pos + 1] != ":":
            return None
        pos = _skip_ws(text, pos + 1)
        if text[pos : pos + 1] == "[" and (key == want or (want is None and key in _LIST_KEYS)):
            if not skip:
                return pos
            skip -= 1
        decoded = _decode_at(text, pos)
        if isinstance(decoded, _Fault):
            return None
        pos = _skip_ws(text, decoded[1])
        if text[pos : pos + 1] != ",":
            return None
        pos += 1


_NEXT_OBJECT = re.compile(r"[\[,][ \t\r\n]*(?=\{)")
_RESYNC_ATTEMPTS = 1000


def _resync(text: str, pos: int) -> int | None:
    """The start of the next array element that decodes as an object, after a bad one at ``pos``."""
    for attempt, match in enumerate(_NEXT_OBJECT.finditer(text, pos + 1)):
        if attempt >= _RESYNC_ATTEMPTS:
            return None
        decoded = _decode_at(text, match.end())
        if isinstance(decoded, _Fault):
            continue
        after = _skip_ws(text, decoded[1])
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
                yield Problem(path, lines.at(end), Msg.JSON_TRAILING.format(column=lines.column(end)))
            return
        if text[pos] == ",":
            pos += 1
            continue
        line = lines.at(pos)
        decoded = _decode_at(text, pos)
        if isinstance(decoded, _Fault):
            where = lines.at(decoded.pos) if decoded.msg != "nested too deeply" else line
            detail = _fault_detail(decoded, lines)
            resume = _resync(text, pos)
            if resume is None:
                yield Problem(path, where, Msg.JSON_REST_SKIPPED.format(detail=detail))
                return
            yield Problem(path, where, Msg.JSON_SKIPPED.format(detail=detail, line=lines.at(resume)))
            pos = resume
            continue
        value, end = decoded
        yield from _as_record(value, path, line, line + text.count("\n", pos, end))
        pos = _skip_ws(text, end)
        if text[pos : pos + 1] == "{":
            detail = f"missing ',' before the record at column {lines.column(pos)}; read it anyway"
            yield Problem(path, lines.at(pos), Msg.BAD_JSON.format(detail=detail))
        elif pos < length and text[pos] not in ",]":
            where = lines.at(pos)
            detail = f"expected ',' or ']' after a record (line {where}, column {lines.column(pos)})"
            resume = _resync(text, pos - 1)
            if resume is None:
                yield Problem(path, where, Msg.JSON_REST_SKIPPED.format(detail=detail))
                return
            yield Problem(path, where, Msg.JSON_SKIPPED.format(detail=detail, line=lines.at(resume)))
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
    header_row: list[str] | None = None  # the header as written, to know it when it comes again
    for item in table_rows(text, path, delimiter=delimiter, quoting=quoting):
        if isinstance(item, Problem):
            yield item
            continue
        row, first, last = item
        if not any(cell.strip() for cell in row):
            continue
        if header_row is not None and _cells(row) == header_row:
            yield Problem(path, first, Msg.CSV_HEADER_AGAIN)
            continue
        if header is None:
            if names is None and header_like(row):
                header_row = _cells(row)
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


def _cells(row: list[str]) -> list[str]:
    """A row's cells trimmed, a byte-order mark opening one removed (files joined together)."""
    return [cell.strip().lstrip("\ufeff").strip() for cell in row]


def _header(row: list[str]) -> list[str]:
    """Column names: trimmed, a BOM removed, blanks named ``column_N``, repeats numbered ``name.2``."""
    names: list[str] = []
    taken: set[str] = set()
    tried: dict[str, int] = {}  # base -> the last repeat number tried (those below stay taken)
    for index, cell in enumerate(_cells(row), start=1):
        name = cell or f"column_{index}"
        base, n = name, tried.get(name, 1)
        if n > 1:
            name = f"{base}.{n}"
        while name in taken:
            n += 1
            name = f"{base}.{n}"
        tried[base] = n
        names.append(name)
        taken.add(name)
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
