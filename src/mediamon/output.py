"""Writing articles: JSON Lines (default), a JSON array, or CSV/TSV, chosen by suffix.

Files are written atomically; ``-`` (or no path) writes to standard output.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Iterable
from typing import IO

from mediamon.atomic import atomic_write
from mediamon.errors import Msg, UsageError
from mediamon.model import Article

__all__ = ["OUTPUT_FORMATS", "output_format", "write_articles"]

OUTPUT_FORMATS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "tsv",
}
_CSV_COLUMNS = (
    "id",
    "title",
    "body",
    "date",
    "date_text",
    "author",
    "source",
    "url",
    "lang",
    "origin",
    "meta",
    "mentions",
)


def output_format(path: str | os.PathLike[str] | None) -> str:
    """The output format for a path (``jsonl`` for stdout); UsageError for an unknown suffix."""
    if path is None or os.fspath(path) == "-":
        return "jsonl"
    suffix = os.path.splitext(os.fspath(path))[1].lower()
    if suffix not in OUTPUT_FORMATS:
        raise UsageError(Msg.USAGE_OUTPUT.format(suffix=suffix or os.fspath(path)), path=os.fspath(path))
    return OUTPUT_FORMATS[suffix]


def dumps(article: Article) -> str:
    """One article as a JSON Lines line (no trailing newline)."""
    return json.dumps(article.to_dict(), ensure_ascii=False, default=str)


def write_stream(articles: Iterable[Article], handle: IO[str], fmt: str) -> int:
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
    else:
        writer = csv.writer(handle, delimiter="\t" if fmt == "tsv" else ",", lineterminator="\n")
        writer.writerow(_CSV_COLUMNS)
        for article in articles:
            row = article.to_dict()
            row["date_text"] = article.date_text
            writer.writerow(
                json.dumps(row[c], ensure_ascii=False, default=str)
                if isinstance(row[c], dict | list)
                else row[c]
                for c in _CSV_COLUMNS
            )
            count += 1
    return count


def write_articles(articles: Iterable[Article], path: str | os.PathLike[str] | None = None) -> int:
    """Write articles to ``path`` (format by suffix; stdout for ``-``/None); return how many."""
    fmt = output_format(path)
    if path is None or os.fspath(path) == "-":
        count = write_stream(articles, sys.stdout, fmt)
        sys.stdout.flush()
        return count
    with atomic_write(path) as handle:
        return write_stream(articles, handle, fmt)
