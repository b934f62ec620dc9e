"""The store's tables, and rows to and from Articles and Mentions.

One file holds everything: ``articles``, ``mentions``, ``entities``, ``aliases``,
``search_text`` and the FTS5 index ``articles_fts`` (see docs/formats.md).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import os
import re
from collections.abc import Iterable, Sequence
from typing import Any

from mediamon.io.encoding import LONE_SURROGATE
from mediamon.model import Article, Mention, Origin

__all__ = ["SCHEMA_VERSION", "STORE_SUFFIXES", "fts5_available"]

#: 2: the index is ``articles_fts`` (content="articles") over Arabic-aware search forms.
SCHEMA_VERSION = "2"
#: Versions :class:`Store` upgrades in place when it opens them writable.
UPGRADABLE = ("1",)
#: File suffixes the command line treats as a store.
STORE_SUFFIXES = (".db", ".sqlite", ".sqlite3")
BATCH = 500
#: Seconds a connection waits for another process's lock before the store is reported locked.
BUSY_TIMEOUT = 5.0
CHUNK = 400  # ids per ``IN (...)`` when loading, under every SQLite's variable limit
TOKEN = re.compile(r"[^\W_]+")
SPACES = re.compile(r"\s+")

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS store_info (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE IF NOT EXISTS articles (
        pk INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        date TEXT,
        date_text TEXT,
        author TEXT,
        source TEXT,
        source_key TEXT,
        url TEXT,
        lang TEXT NOT NULL,
        origin_path TEXT,
        origin_first_line INTEGER,
        origin_last_line INTEGER,
        meta TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS articles_date ON articles (date)",
    "CREATE INDEX IF NOT EXISTS articles_source ON articles (source_key)",
    "CREATE INDEX IF NOT EXISTS articles_lang ON articles (lang)",
    """CREATE TABLE IF NOT EXISTS mentions (
        article_pk INTEGER NOT NULL REFERENCES articles (pk) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        field TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        entity_type TEXT NOT NULL,
        entity_name TEXT NOT NULL,
        lang TEXT NOT NULL,
        alias TEXT NOT NULL,
        how TEXT NOT NULL,
        support TEXT,
        PRIMARY KEY (article_pk, seq)
    )""",
    "CREATE INDEX IF NOT EXISTS mentions_entity ON mentions (entity_id, article_pk)",
    """CREATE TABLE IF NOT EXISTS entities (
        id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        name TEXT NOT NULL,
        meta TEXT NOT NULL DEFAULT '{}'
    )""",
    """CREATE TABLE IF NOT EXISTS aliases (
        entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
        lang TEXT NOT NULL,
        alias TEXT NOT NULL,
        key TEXT NOT NULL,
        PRIMARY KEY (entity_id, lang, alias)
    )""",
    "CREATE INDEX IF NOT EXISTS aliases_key ON aliases (key)",
    """CREATE TABLE IF NOT EXISTS search_text (
        pk INTEGER PRIMARY KEY REFERENCES articles (pk) ON DELETE CASCADE,
        title TEXT NOT NULL,
        body TEXT NOT NULL
    )""",
)

#: The full-text index, named and declared as Datasette and sqlite-utils look for one: a table
#: ``articles_fts`` whose ``content="articles"`` names the table it indexes (its rowid is
#: ``articles.pk``). What it indexes is the *search form* ``search_text`` holds (normalised, the
#: Arabic article and its proclitics cut), written by the triggers on ``search_text``; so a query
#: those tools pass through as typed finds what ``mediamon search`` finds when its words are
#: typed in that form (English words are; see docs/formats.md).
FTS_TABLE = "articles_fts"
FTS_SCHEMA = (
    f"""CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5 (
        title, body, content="articles", content_rowid="pk", tokenize="unicode61 remove_diacritics 2"
    )""",
    f"""CREATE TRIGGER IF NOT EXISTS search_text_ai AFTER INSERT ON search_text BEGIN
        INSERT INTO {FTS_TABLE} (rowid, title, body) VALUES (new.pk, new.title, new.body);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS search_text_ad AFTER DELETE ON search_text BEGIN
        INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rowid, title, body)
        VALUES ('delete', old.pk, old.title, old.body);
    END""",
)
#: Fill the index from ``search_text`` (FTS5's own ``rebuild`` would read the raw ``articles``).
FTS_FILL = (
    f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}) VALUES ('delete-all')",
    f"INSERT INTO {FTS_TABLE} (rowid, title, body) SELECT pk, title, body FROM search_text",
)
#: What a version-1 store had instead (dropped when it is upgraded).
OLD_FTS = (
    "DROP TRIGGER IF EXISTS search_text_ai",
    "DROP TRIGGER IF EXISTS search_text_ad",
    "DROP TABLE IF EXISTS search_fts",
)

ARTICLE_COLUMNS = (
    "pk, id, title, body, date, date_text, author, source, url, lang, "
    "origin_path, origin_first_line, origin_last_line, meta"
)


@functools.cache
def fts5_available() -> bool:
    """Whether this Python's sqlite3 has the FTS5 full-text extension compiled in."""
    import sqlite3

    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("CREATE VIRTUAL TABLE probe USING fts5 (x)")
    except sqlite3.Error:
        return False
    finally:
        conn.close()
    return True


#: SQLite's primary result codes that the command line tells apart (``sqlite3.Error.sqlite_errorcode``).
_LOCKED_CODES = (5, 6)  # SQLITE_BUSY, SQLITE_LOCKED
_FULL_CODES = (13,)  # SQLITE_FULL


def failure_kind(exc: BaseException) -> str:
    """``"locked"`` (another process holds the store), ``"full"`` (no space) or ``"other"``."""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        code &= 0xFF  # an extended code's low byte is its primary code
        if code in _LOCKED_CODES:
            return "locked"
        if code in _FULL_CODES:
            return "full"
    return "other"


def clean(value: str) -> str:
    """Text SQLite can hold: lone surrogates (never in text read from files) become U+FFFD."""
    return LONE_SURROGATE.sub("\ufffd", value) if LONE_SURROGATE.search(value) else value


def clean_opt(value: str | None) -> str | None:
    return None if value is None else clean(value)


def uri_path(path: str) -> str:
    from urllib.parse import quote

    return quote(os.path.abspath(path))


def source_key(source: str | None) -> str | None:
    return None if source is None else clean(source).strip().casefold()


def mention_values(m: Mention) -> tuple[Any, ...]:
    return (
        m.field,
        clamp(m.start),
        clamp(m.end),
        clean(m.text),
        clean(m.entity_id),
        clean(m.entity_type),
        clean(m.entity_name),
        clean(m.lang),
        clean(m.alias),
        clean(m.how),
        clean_opt(m.support),
    )


#: SQLite's integers are 64-bit: a line number or offset beyond them (no file has 2**63 lines; such a
#: number can only come from a forged record) is stored as the largest, never an OverflowError.
MAX_INTEGER = 2**63 - 1


def clamp(value: int) -> int:
    """An integer SQLite can hold: beyond 64 bits, the nearest end of the range."""
    return max(-MAX_INTEGER - 1, min(MAX_INTEGER, value))


def _text(value: Any, name: str, faults: list[str], default: str | None) -> str | None:
    """A text column as text (SQLite lets any column hold any type: another tool may have written it)."""
    if value is None or isinstance(value, str):
        return default if value is None else value
    faults.append(f"{name} is {type(value).__name__}, not text; read as text")
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def article_from_row(row: Sequence[Any], mentions: Iterable[Mention]) -> tuple[Article, list[str]]:
    """The Article of an ``articles`` row, and what in the row could not be read as written.

    A damaged row (a date that is not ISO, ``meta`` that is not a JSON object, a value of the
    wrong type) still gives its article: a bad date reads as undated (``date_text`` keeps what
    was written), bad ``meta`` as ``{"unreadable_meta": TEXT}``, a bad origin as none.
    """
    _pk, ident, title, body, date, date_text, author, source, url, lang, path, first, last, meta = row
    faults: list[str] = []
    day: dt.date | None = None
    if date is not None and date != "":
        with contextlib.suppress(ValueError):
            day = dt.date.fromisoformat(date) if isinstance(date, str) else None
        if day is None:
            faults.append(f"date {date!r} is not an ISO date; read as undated")
    try:
        values = json.loads(meta) if isinstance(meta, str | bytes) else None
    except (ValueError, RecursionError):
        values = None
    if not isinstance(values, dict):
        faults.append(f"meta {str(meta)[:40]!r} is not a JSON object; kept as meta['unreadable_meta']")
        values = {"unreadable_meta": meta if isinstance(meta, str) else str(meta)}
    origin = None
    if path is not None:
        if isinstance(path, str) and isinstance(first, int) and isinstance(last, int):
            origin = Origin(path, first, last)
        else:
            faults.append(f"origin ({path!r}, {first!r}, {last!r}) is not a path and two lines; left out")
    article = Article(
        id=_text(ident, "id", faults, "") or "",
        title=_text(title, "title", faults, "") or "",
        body=_text(body, "body", faults, "") or "",
        date=day,
        date_text=_text(date_text, "date_text", faults, None),
        author=_text(author, "author", faults, None),
        source=_text(source, "source", faults, None),
        url=_text(url, "url", faults, None),
        lang=_text(lang, "lang", faults, "und") or "und",
        mentions=tuple(mentions),
        origin=origin,
        meta=values,
    )
    return article, faults


def add_missing_columns(conn: Any) -> None:
    """Columns added to a table after stores were first written (``mentions.support``)."""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(mentions)")}
    if columns and "support" not in columns:
        conn.execute("ALTER TABLE mentions ADD COLUMN support TEXT")


def has_column(conn: Any, table: str, column: str) -> bool:
    """Whether ``table`` has ``column`` (a store written before the column existed has not)."""
    return any(row[1] == column for row in conn.execute(f"PRAGMA table_info({table})"))
