"""Writing articles: JSON Lines (default), a JSON array, CSV/TSV, or an SQLite store, chosen by suffix.

Files are written atomically (optionally compressed: ``out.jsonl.gz``); ``-`` (or no
path) writes to standard output. Output is UTF-8 whatever the locale. A store
(``.db``, ``.sqlite``, ``.sqlite3``) is added to rather than replaced: articles are
upserted by id, a transaction per batch (see :mod:`mediamon.store`).
"""

from __future__ import annotations

import contextlib
import csv
import datetime
import io
import json
import math
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import IO, TYPE_CHECKING, Any

from mediamon.errors import Msg, Problem, UsageError
from mediamon.io import compression
from mediamon.io.atomic import atomic_write, is_special
from mediamon.io.encoding import LONE_SURROGATE
from mediamon.model import ARTICLE_FIELDS, Article, Mention

if TYPE_CHECKING:
    from mediamon.match.gazetteer import Gazetteer
    from mediamon.store import Store

__all__ = [
    "OUTPUT_FORMATS",
    "ArticleWriter",
    "dumps",
    "json_text",
    "open_writer",
    "output_format",
    "render",
    "write_articles",
    "write_stream",
]

OUTPUT_FORMATS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "tsv",
    ".db": "sqlite",
    ".sqlite": "sqlite",
    ".sqlite3": "sqlite",
}
_CSV_COLUMNS = ARTICLE_FIELDS
STDOUT = "-"
# json.dumps(..., ensure_ascii=False, default=str) builds this encoder on every call.
_ENCODER = json.JSONEncoder(ensure_ascii=False, default=str, allow_nan=False)


#: Names that mean standard output itself (written through, never replaced by a rename).
_STDOUT_NAMES = frozenset({STDOUT, "/dev/stdout"})


def _is_stdout(path: str | os.PathLike[str] | None) -> bool:
    return path is None or os.fspath(path) in _STDOUT_NAMES


def _compression(name: str) -> str | None:
    lower = name.lower()
    return compression.by_name(lower)


def output_format(path: str | os.PathLike[str] | None) -> str:
    """The output format for a path (``jsonl`` for stdout); UsageError for an unknown suffix.

    A compression suffix is looked through: ``out.csv.gz`` is compressed CSV.
    """
    if _is_stdout(path):
        return "jsonl"
    assert path is not None
    name = os.fspath(path)
    compression = _compression(name)
    base = name[: -len(compression)] if compression else name
    suffix = os.path.splitext(os.path.basename(base))[1].lower()
    if suffix not in OUTPUT_FORMATS and is_special(name):  # /dev/null, a pipe: JSON Lines
        return "jsonl"
    if suffix not in OUTPUT_FORMATS:
        shown = (suffix + (compression or "")) or os.path.basename(name) or name
        raise UsageError(Msg.USAGE_OUTPUT.format(suffix=shown), path=name)
    if OUTPUT_FORMATS[suffix] == "sqlite" and compression:
        raise UsageError(Msg.STORE_COMPRESSED.format(suffix=suffix + compression), path=name)
    return OUTPUT_FORMATS[suffix]


def _escape_surrogate(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def _finite(value: Any) -> Any:
    """``value`` with every NaN or infinite float replaced by its name as a string (JSON has none)."""
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(v) for v in value]
    return value


def json_text(value: Any, *, indent: int | None = None) -> str:
    """``value`` as strict JSON on one line (or indented), UTF-8-safe.

    Lone surrogates become ``\\uXXXX`` escapes; NaN and infinities (which a record may
    hold, as Python's reader accepts them) become the strings ``"NaN"``, ``"Infinity"``,
    ``"-Infinity"``, so the output is always valid JSON.
    """
    encoder = (
        _ENCODER
        if indent is None
        else json.JSONEncoder(ensure_ascii=False, default=str, allow_nan=False, indent=indent)
    )
    try:
        line = encoder.encode(value)
    except ValueError:
        line = encoder.encode(_finite(value))
    try:
        line.encode("utf-8")  # fails only on a lone surrogate; 5x cheaper than searching for one
    except UnicodeEncodeError:
        return LONE_SURROGATE.sub(_escape_surrogate, line)
    return line


def dumps(article: Article) -> str:
    """One article as a JSON Lines line (no trailing newline).

    Lone surrogates (only a hand-made ``str`` can hold them) are written as JSON ``\\uXXXX``
    escapes, which are valid UTF-8 and read back as the same code points; a high surrogate
    followed by a low one reads back as the one character the pair encodes.
    """
    line = _article_line(article)
    if line is None:
        return json_text(article.to_dict())
    try:
        line.encode("utf-8")  # as in json_text
    except UnicodeEncodeError:
        return LONE_SURROGATE.sub(_escape_surrogate, line)
    return line


# --- the JSON Lines fast path -------------------------------------------------------------
# ``json_text(article.to_dict())`` written out by hand: the same bytes, without the dicts (a
# mention's dict costs more to build and to walk than its text costs to write). Strings go
# through the json module's own string encoder; a field of a type the path does not expect
# (a hand-made Article) sends the article down the general path. The keys are written in the
# order of ``ARTICLE_FIELDS`` and ``MENTION_FIELDS`` (tests/io/test_output_fast.py holds the
# two paths to the same bytes).
_string: Callable[[str], str] = json.encoder.encode_basestring


def _text_or_null(value: str | None) -> str:
    return "null" if value is None else _string(value)


def _mention_json(m: Mention) -> str:
    if type(m.start) is not int or type(m.end) is not int:
        raise TypeError("offsets")
    out = (
        f'{{"field": {_string(m.field)}, "start": {m.start}, "end": {m.end}, "text": {_string(m.text)},'
        f' "entity_id": {_string(m.entity_id)}, "entity_type": {_string(m.entity_type)},'
        f' "entity_name": {_string(m.entity_name)}, "lang": {_string(m.lang)},'
        f' "alias": {_string(m.alias)}, "how": {_string(m.how)}'
    )
    if m.support is not None:
        out += f', "support": {_string(m.support)}'
    if m.wikidata is not None:
        out += f', "wikidata": {_string(m.wikidata)}'
    if m.role is not None:
        out += f', "role": {_string(m.role)}'
    return out + "}"


def _article_line(a: Article) -> str | None:
    """``a`` as its JSON Lines line, or None when a value needs the general path (an unexpected
    type, a float that is not finite, a circular ``meta``)."""
    try:
        origin = a.origin
        if origin is None:
            where = "null"
        elif type(origin.first_line) is int and type(origin.last_line) is int:
            where = (
                f'{{"path": {_string(origin.path)}, "first_line": {origin.first_line},'
                f' "last_line": {origin.last_line}}}'
            )
        else:
            return None
        date = a.date
        if date is not None and not isinstance(date, datetime.date):
            return None
        return (
            f'{{"id": {_string(a.id)}, "title": {_string(a.title)}, "body": {_string(a.body)},'
            f' "date": {"null" if date is None else _string(date.isoformat())},'
            f' "date_text": {_text_or_null(a.date_text)}, "author": {_text_or_null(a.author)},'
            f' "source": {_text_or_null(a.source)}, "url": {_text_or_null(a.url)},'
            f' "lang": {_text_or_null(a.lang)}, "origin": {where}, "meta": {_ENCODER.encode(dict(a.meta))},'
            f' "mentions": [{", ".join(map(_mention_json, a.mentions))}]}}'
        )
    except (AttributeError, TypeError, ValueError):
        return None


def write_stream(articles: Iterable[Article], handle: IO[str], fmt: str) -> int:
    """Write articles to an open text stream in format ``fmt``; return how many."""
    count = 0
    if fmt == "jsonl":
        for article in articles:
            handle.write(dumps(article) + "\n")
            count += 1
    elif fmt == "json":
        handle.write("[")
        for article in articles:
            handle.write(("\n" if count == 0 else ",\n") + dumps(article))
            count += 1
        handle.write("\n]\n")
    elif fmt in ("csv", "tsv"):
        writer = _csv_writer(handle, fmt)
        writer.writerow(_CSV_COLUMNS)
        for article in articles:
            _csv_row(writer, article)
            count += 1
    elif fmt == "sqlite":
        raise UsageError(Msg.STORE_STDOUT)
    else:
        raise UsageError(Msg.USAGE_OUTPUT.format(suffix=fmt))
    return count


def write_articles(
    articles: Iterable[Article],
    path: str | os.PathLike[str] | None = None,
    *,
    format: str | None = None,
) -> int:
    """Write articles to ``path`` (format by suffix, or ``format``; stdout for ``-``/None); return how many.

    A file is replaced atomically: if writing fails part-way (an error from ``articles``
    included) the old file is left as it was and no temporary file remains. A store is
    added to, one transaction per batch.
    """
    fmt = format or output_format(path)
    if fmt == "sqlite":
        if _is_stdout(path):
            raise UsageError(Msg.STORE_STDOUT)
        assert path is not None
        from mediamon.store import write_store

        return write_store(articles, path)
    if _is_stdout(path):
        return _write_stdout(articles, fmt)
    assert path is not None
    # Text that cannot be UTF-8 (lone surrogates in CSV cells) is written as a visible escape.
    compression = _compression(os.fspath(path))
    with atomic_write(path, errors="backslashreplace", compression=compression) as handle:
        return write_stream(articles, handle, fmt)


def _write_stdout(articles: Iterable[Article], fmt: str) -> int:
    """Write to standard output as UTF-8, whatever the locale says."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        count = write_stream(articles, sys.stdout, fmt)
        sys.stdout.flush()
        return count
    out = io.TextIOWrapper(buffer, encoding="utf-8", errors="backslashreplace", newline="")
    try:
        count = write_stream(articles, out, fmt)
        out.flush()
    finally:
        out.detach()
    return count


# --- streaming -----------------------------------------------------------------------------


def render(article: Article, fmt: str) -> str:
    """One article as the text a writer of format ``fmt`` puts in the file for it.

    JSON Lines: the line with its newline; JSON: the array element without separators;
    CSV/TSV: the row with its newline. Worker processes can render, the writer only
    copies (:meth:`ArticleWriter.write_rendered`).
    """
    if fmt == "jsonl":
        return dumps(article) + "\n"
    if fmt == "json":
        return dumps(article)
    if fmt in ("csv", "tsv"):
        buffer = io.StringIO()
        _csv_row(_csv_writer(buffer, fmt), article)
        return buffer.getvalue()
    raise UsageError(Msg.USAGE_OUTPUT.format(suffix=fmt))


def _csv_writer(handle: IO[str], fmt: str) -> Any:
    """A csv writer for ``csv`` or ``tsv`` output."""
    return csv.writer(handle, delimiter="\t" if fmt == "tsv" else ",", lineterminator="\n")


def _csv_row(writer: Any, article: Article) -> None:
    row = article.to_dict()
    writer.writerow(json_text(row[c]) if isinstance(row[c], dict | list) else row[c] for c in _CSV_COLUMNS)


class ArticleWriter:
    """Writes articles one at a time, in any output format; made by :func:`open_writer`.

    Nothing is held back but a store's current batch, so memory stays bounded whatever
    the number of articles. ``count`` is how many have been written.
    """

    def __init__(
        self,
        fmt: str,
        handle: IO[str] | None = None,
        store: Store | None = None,
        *,
        gazetteer: Gazetteer | None = None,
        batch: int = 500,
        on_problem: Callable[[Problem], None] | None = None,
    ):
        self.format = fmt
        self._on_problem = on_problem
        self.count = 0
        self._handle = handle
        self._store = store
        self._gazetteer = gazetteer
        self._batch = batch
        self._pending: list[Article] = []
        if handle is not None and fmt in ("csv", "tsv"):
            handle.write(render_header(fmt))
        elif handle is not None and fmt == "json":
            handle.write("[")

    @property
    def repeats(self) -> int:
        """Articles a store was given again unchanged in this run (stored once; 0 for files)."""
        return self._store.repeats if self._store is not None else 0

    @property
    def renders(self) -> bool:
        """Whether :meth:`write_rendered` is accepted (every format but a store)."""
        return self._handle is not None

    def write(self, article: Article) -> None:
        """Write one article (a store's are added a batch at a time)."""
        if self._handle is None:
            self._pending.append(article)
            if len(self._pending) >= self._batch:
                self._flush_batch()
            return
        self.write_rendered(render(article, self.format))

    def write_rendered(self, text: str) -> None:
        """Write one article already rendered with :func:`render` in this writer's format."""
        assert self._handle is not None, "a store takes articles, not rendered text"
        if self.format == "json":
            self._handle.write(("\n" if self.count == 0 else ",\n") + text)
        else:
            self._handle.write(text)
        self.count += 1

    def _flush_batch(self) -> None:
        if self._pending and self._store is not None:
            self.count += self._store.add(
                self._pending,
                gazetteer=self._gazetteer,
                batch=len(self._pending),
                on_problem=self._on_problem,
            )
        self._pending = []

    def close(self) -> None:
        """Finish the output: a JSON array's closing bracket, a store's last batch."""
        if self._handle is None:
            self._flush_batch()
        elif self.format == "json":
            self._handle.write("\n]\n")


def render_header(fmt: str) -> str:
    """The CSV/TSV header line (empty for other formats)."""
    if fmt not in ("csv", "tsv"):
        return ""
    buffer = io.StringIO()
    _csv_writer(buffer, fmt).writerow(_CSV_COLUMNS)
    return buffer.getvalue()


@contextlib.contextmanager
def open_writer(
    path: str | os.PathLike[str] | None = None,
    *,
    format: str | None = None,
    gazetteer: Gazetteer | None = None,
    on_problem: Callable[[Problem], None] | None = None,
) -> Iterator[ArticleWriter]:
    """A streaming writer for ``path`` (format by suffix, or ``format``; stdout for ``-``/None).

    A file is written to a temporary file renamed over ``path`` only when the block ends
    without an error, so an interrupted run leaves no partial output. A store is added
    to a batch (one transaction) at a time, recording ``gazetteer``'s aliases; what it
    reports (two different articles under one id, see :meth:`Store.add`) goes to ``on_problem``.
    """
    fmt = format or output_format(path)
    if fmt == "sqlite":
        if _is_stdout(path):
            raise UsageError(Msg.STORE_STDOUT)
        assert path is not None
        from mediamon.store import Store

        with Store(path) as store:
            writer = ArticleWriter(fmt, store=store, gazetteer=gazetteer, on_problem=on_problem)
            yield writer
            writer.close()
        return
    if fmt not in ("jsonl", "json", "csv", "tsv"):
        raise UsageError(Msg.USAGE_OUTPUT.format(suffix=fmt))
    if _is_stdout(path):
        with _stdout_text() as out:
            writer = ArticleWriter(fmt, out)
            yield writer
            writer.close()
        return
    assert path is not None
    compression = _compression(os.fspath(path))
    with atomic_write(path, errors="backslashreplace", compression=compression) as handle:
        writer = ArticleWriter(fmt, handle)
        yield writer
        writer.close()


@contextlib.contextmanager
def _stdout_text() -> Iterator[IO[str]]:
    """Standard output as a UTF-8 text stream, whatever the locale says."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    out = io.TextIOWrapper(buffer, encoding="utf-8", errors="backslashreplace", newline="")
    try:
        yield out
        out.flush()
    finally:
        out.detach()
