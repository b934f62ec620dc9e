"""The store's tables, and rows to and from Articles and Mentions.

One file holds everything: ``articles``, ``mentions``, ``entities``, ``aliases``,
``search_text`` and the FTS5 index ``articles_fts`` (see docs/formats.md).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import re
from collections.abc import Iterable, Sequence
from typing import Any

from mediamon.model import Article, Mention, Origin

__all__ = ["SCHEMA_VERSION", "STORE_SUFFIXES", "fts5_available"]

#: 2: the index is ``articles_fts`` (content="articles") over Arabic-aware search forms.
SCHEMA_VERSION = "2"
#: Versions :class:`Store` upgrades in place when it opens them writable.
UPGRADABLE = ("1",)
#: File suffixes the command line treats as a store.
STORE_SUFFIXES = (".db", ".sqlite", ".sqlite3")
BATCH = 500
CHUNK = 400  # ids per ``IN (...)`` when loading, under every SQLite's variable limit
TOKEN = re.compile(r"[^\W_]+")
SPACES = re.compile(r"\s+")
SURROGATE = re.compile("[\ud800-\udfff]")

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


def clean(value: str) -> str:
    """Text SQLite can hold: lone surrogates (never in text read from files) become U+FFFD."""
    return SURROGATE.sub("\ufffd", value) if SURROGATE.search(value) else value


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
        m.start,
        m.end,
        clean(m.text),
        clean(m.entity_id),
        clean(m.entity_type),
        clean(m.entity_name),
        clean(m.lang),
        clean(m.alias),
        clean(m.how),
        clean_opt(m.support),
    )


def article_from_row(row: Sequence[Any], mentions: Iterable[Mention]) -> Article:
    _pk, ident, title, body, date, date_text, author, source, url, lang, path, first, last, meta = row
    return Article(
        id=ident,
        title=title,
        body=body,
        date=dt.date.fromisoformat(date) if date else None,
        date_text=date_text,
        author=author,
        source=source,
        url=url,
        lang=lang,
        mentions=tuple(mentions),
        origin=Origin(path, first, last) if path is not None else None,
        meta=json.loads(meta),
    )


def add_missing_columns(conn: Any) -> None:
    """Columns added to a table after stores were first written (``mentions.support``)."""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(mentions)")}
    if columns and "support" not in columns:
        conn.execute("ALTER TABLE mentions ADD COLUMN support TEXT")


def has_column(conn: Any, table: str, column: str) -> bool:
    """Whether ``table`` has ``column`` (a store written before the column existed has not)."""
    return any(row[1] == column for row in conn.execute(f"PRAGMA table_info({table})"))
