"""The Store: one SQLite file of articles and mentions, written in batches, read and searched.

Articles are upserted by id (mentions replaced), one transaction per batch; the tables
are in :mod:`mediamon.store.schema`, query parsing and hits in :mod:`mediamon.store.search`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import math
import os
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any

from mediamon.errors import InputError, Msg, Problem, UsageError
from mediamon.model import Article, Mention, article_id

if TYPE_CHECKING:
    from mediamon.match.gazetteer import Entity, Gazetteer

from mediamon.store.runs import RunLog
from mediamon.store.schema import (
    ARTICLE_COLUMNS,
    BATCH,
    BUSY_TIMEOUT,
    CHUNK,
    FTS_FILL,
    FTS_SCHEMA,
    FTS_TABLE,
    MAX_INTEGER,
    OLD_FTS,
    SCHEMA,
    SCHEMA_VERSION,
    UPGRADABLE,
    add_missing_columns,
    article_from_row,
    clamp,
    clean,
    clean_opt,
    failure_kind,
    fts5_available,
    has_column,
    mention_values,
    source_key,
    uri_path,
)
from mediamon.store.search import (
    MAX_QUERY,
    Hit,
    alias_entities,
    alias_key,
    filters,
    index_form,
    make_hit,
    parse_query,
)

__all__ = ["Store", "read_store", "write_store"]


class Store(RunLog):
    """A mediamon store in one SQLite file: ``Store(path)`` opens it, creating it when needed.

    Runs into it and the files they stored are recorded by :class:`~mediamon.store.runs.RunLog`
    (``begin_run``, ``finish_run``, ``runs``, ``new_mentions``).

    ``readonly=True`` opens an existing store without changing it (UsageError when the
    file is missing). Use as a context manager, or call :meth:`close`. Opened writable, it
    writes its Datasette metadata beside it (``corpus.metadata.json``, store/datasette.py)
    unless ``datasette_metadata=False``.

    ``problems`` collects what this object met and could not take as it was: rows read
    back damaged (a bad date, ``meta`` that is not JSON: the article is still returned,
    see :func:`~mediamon.store.schema.article_from_row`) and articles given an id that a
    different article added through this object already had (see :meth:`add`).
    """

    def __init__(
        self, path: str | os.PathLike[str], *, readonly: bool = False, datasette_metadata: bool = True
    ):
        import sqlite3

        self.path = os.fspath(path)
        self.readonly = readonly
        self.problems: list[Problem] = []
        #: Articles added again through this object unchanged (same id and text): stored once.
        self.repeats = 0
        self._reported: set[int] = set()
        self._session = False
        if readonly and not os.path.isfile(self.path):
            raise UsageError(Msg.NOT_FOUND, path=self.path)
        try:
            if readonly:
                uri = "file:" + uri_path(self.path) + "?mode=ro"
                self._conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT)
            else:
                os.makedirs(os.path.dirname(os.path.abspath(self.path)), exist_ok=True)
                self._conn = sqlite3.connect(self.path, isolation_level=None, timeout=BUSY_TIMEOUT)
        except (sqlite3.Error, OSError) as exc:
            raise UsageError(Msg.STORE_ERROR.format(detail=exc), path=self.path) from exc
        try:
            self._conn.execute("PRAGMA foreign_keys = ON")
            self.fts = self._prepare()
            self._warned = False
        except BaseException:
            self._conn.close()
            raise
        if datasette_metadata and not readonly:
            from mediamon.store.datasette import write_metadata

            write_metadata(self.path)

    # -- opening -------------------------------------------------------------------------

    def _tables(self) -> set[str]:
        import sqlite3

        try:
            rows = self._conn.execute("SELECT name FROM sqlite_master").fetchall()
        except sqlite3.DatabaseError as exc:
            if failure_kind(exc) == "locked":
                raise InputError(Msg.STORE_LOCKED, path=self.path) from exc
            raise InputError(Msg.STORE_NOT_DB.format(detail=exc), path=self.path) from exc
        return {str(name) for (name,) in rows}

    def _prepare(self) -> bool:
        """Check (or create) the schema; return whether full-text search uses FTS5."""
        tables = self._tables()
        if (tables or self.readonly) and "store_info" not in tables:
            raise InputError(Msg.STORE_NOT_OURS, path=self.path)
        upgrade = False
        if tables:
            row = self._conn.execute("SELECT value FROM store_info WHERE key = 'schema'").fetchone()
            found = row[0] if row else None
            if found in UPGRADABLE and self.readonly:
                raise InputError(Msg.STORE_UPGRADE.format(found=found, want=SCHEMA_VERSION), path=self.path)
            if found != SCHEMA_VERSION and found not in UPGRADABLE:
                raise InputError(Msg.STORE_SCHEMA.format(found=found, want=SCHEMA_VERSION), path=self.path)
            upgrade = found != SCHEMA_VERSION
        has_index = FTS_TABLE in tables or (upgrade and "search_fts" in tables)
        available = fts5_available()
        if self.readonly:
            return has_index and available
        if has_index and not available:
            raise InputError(Msg.STORE_NEEDS_FTS5, path=self.path)
        with self._transaction():
            if upgrade:
                self._upgrade()
            for statement in SCHEMA:
                self._conn.execute(statement)
            add_missing_columns(self._conn)
            self._conn.execute(
                "INSERT OR IGNORE INTO store_info (key, value) VALUES ('schema', ?)", (SCHEMA_VERSION,)
            )
            if available:
                for statement in FTS_SCHEMA:
                    self._conn.execute(statement)
                if upgrade or (not has_index and tables):
                    # Upgraded, or made where FTS5 was missing: index what the store holds now.
                    for statement in FTS_FILL:
                        self._conn.execute(statement)
        return available

    def _upgrade(self) -> None:
        """Bring an older store to this version (inside the opening transaction): the old index
        goes, the search forms are recomputed, and the version is recorded."""
        for statement in OLD_FTS:
            self._conn.execute(statement)
        rows = self._conn.execute("SELECT pk, title, body FROM articles").fetchall()
        self._conn.execute("DELETE FROM search_text")
        self._conn.executemany(
            "INSERT INTO search_text (pk, title, body) VALUES (?, ?, ?)",
            [(pk, index_form(title), index_form(body)) for pk, title, body in rows],
        )
        self._conn.execute("UPDATE store_info SET value = ? WHERE key = 'schema'", (SCHEMA_VERSION,))

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        """One transaction: committed when the block ends, rolled back on any error or interrupt."""
        import sqlite3

        if self.readonly:
            raise UsageError(Msg.STORE_ERROR.format(detail="opened read-only"), path=self.path)
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def close(self) -> None:
        """Close the database (idempotent)."""
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<Store {self.path!r}>"

    # -- writing -------------------------------------------------------------------------

    def add(
        self,
        articles: Iterable[Article],
        *,
        gazetteer: Gazetteer | None = None,
        batch: int = BATCH,
        on_problem: Callable[[Problem], None] | None = None,
    ) -> int:
        """Upsert articles by id (mentions replaced), ``batch`` per transaction; return how many.

        An id names one article: adding an article under an id the store holds replaces it
        (a crawler's updated copy, a re-run). But the id is the crawler's, and a crawler may
        give two different articles one id: when an article reaches this object under an id
        that a *different* article (other title, date text or body) was added with earlier
        through the same object (one run), it is stored as ``ID#CONTENT_ID`` (its own
        :func:`~mediamon.model.article_id`; ``meta.crawler_id`` keeps the id), so neither is
        lost; the first is named in the problem (``on_problem`` and :attr:`problems`). A repeat
        of the same article (a file read twice) is stored once and counted in :attr:`repeats`.

        Each mentioned entity goes into ``entities`` with the aliases its mentions
        matched; given the ``gazetteer`` that annotated them, with all its aliases too
        (so a search for an English name finds Arabic articles). If ``articles`` raises
        part-way, the batches before are kept and the one in progress is not written.
        """
        if batch < 1:
            raise ValueError(Msg.BAD_LIMIT.format(value=batch))
        count = 0
        pending: list[Article] = []
        for article in articles:
            pending.append(article)
            if len(pending) >= batch:
                count += self._write_batch(pending, gazetteer, on_problem)
                pending = []
        if pending:
            count += self._write_batch(pending, gazetteer, on_problem)
        return count

    def add_entities(self, entities: Iterable[Entity]) -> int:
        """Record entities and all their aliases (type, name and meta replaced); return how many."""
        count = 0
        with self._transaction():
            for entity in entities:
                self._put_entity(entity)
                count += 1
        return count

    def _write_batch(
        self,
        batch: Sequence[Article],
        gazetteer: Gazetteer | None,
        on_problem: Callable[[Problem], None] | None,
    ) -> int:
        found: list[Problem] = []
        with self._transaction():
            kept = [self._own_id(article, found) for article in batch]
            for article in kept:
                self._put_article(article)
            self._put_mentioned(kept, gazetteer)
        for problem in found:
            self.problems.append(problem)
            if on_problem is not None:
                on_problem(problem)
        return len(batch)

    def _own_id(self, article: Article, found: list[Problem]) -> Article:
        """``article``, or a copy under ``ID#CONTENT_ID`` when a different article was added under
        its id through this object (ids added so far are in a temporary table, not in memory)."""
        conn = self._conn
        if not self._session:
            conn.execute(
                "CREATE TEMP TABLE IF NOT EXISTS added"
                " (id TEXT PRIMARY KEY, content TEXT NOT NULL, line TEXT)"
            )
            self._session = True
        content = article_id(article.title, article.date_text, article.body)
        ident = clean(article.id)
        origin = article.origin
        path, line = (origin.path, origin.first_line) if origin else (self.path, None)
        where = clean(f"{path}:{line}") if origin else None
        row = conn.execute("SELECT content, line FROM added WHERE id = ?", (ident,)).fetchone()
        if row is None:
            conn.execute("INSERT INTO added (id, content, line) VALUES (?, ?, ?)", (ident, content, where))
            return article
        if row[0] == content:
            self.repeats += 1
            return article
        new_id = f"{ident}#{content}"
        renamed = article.evolve(
            id=new_id, meta={**article.meta, "crawler_id": article.meta.get("crawler_id", article.id)}
        )
        again = conn.execute("SELECT 1 FROM added WHERE id = ?", (new_id,)).fetchone()
        if again is not None:  # this article came under this id before, and was renamed then
            self.repeats += 1
            return renamed
        conn.execute("INSERT INTO added (id, content, line) VALUES (?, ?, ?)", (new_id, content, where))
        first = row[1] or "an earlier article"
        found.append(Problem(path, line, Msg.STORE_ID_TAKEN.format(id=article.id, first=first, new=new_id)))
        return renamed

    def _put_article(self, a: Article) -> None:
        origin = a.origin
        values = (
            clean(a.id),
            clean(a.title),
            clean(a.body),
            a.date.isoformat() if a.date else None,
            clean_opt(a.date_text),
            clean_opt(a.author),
            clean_opt(a.source),
            source_key(a.source),
            clean_opt(a.url),
            clean(a.lang),
            clean_opt(origin.path) if origin else None,
            clamp(origin.first_line) if origin else None,
            clamp(origin.last_line) if origin else None,
            clean(json.dumps(dict(a.meta), ensure_ascii=False, default=str)),
        )
        conn = self._conn
        conn.execute(
            "INSERT INTO articles (id, title, body, date, date_text, author, source, source_key, url, lang,"
            " origin_path, origin_first_line, origin_last_line, meta)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET title = excluded.title, body = excluded.body,"
            " date = excluded.date, date_text = excluded.date_text, author = excluded.author,"
            " source = excluded.source, source_key = excluded.source_key, url = excluded.url,"
            " lang = excluded.lang, origin_path = excluded.origin_path,"
            " origin_first_line = excluded.origin_first_line, origin_last_line = excluded.origin_last_line,"
            " meta = excluded.meta",
            values,
        )
        (pk,) = conn.execute("SELECT pk FROM articles WHERE id = ?", (values[0],)).fetchone()
        conn.execute("DELETE FROM mentions WHERE article_pk = ?", (pk,))
        conn.executemany(
            'INSERT INTO mentions (article_pk, seq, field, start, "end", text, entity_id, entity_type,'
            " entity_name, lang, alias, how, support) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(pk, seq, *mention_values(m)) for seq, m in enumerate(a.mentions)],
        )
        conn.execute("DELETE FROM search_text WHERE pk = ?", (pk,))
        conn.execute(
            "INSERT INTO search_text (pk, title, body) VALUES (?, ?, ?)",
            (pk, index_form(values[1]), index_form(values[2])),
        )

    def _put_mentioned(self, batch: Sequence[Article], gazetteer: Gazetteer | None) -> None:
        """Entities named in ``batch``: from the gazetteer when it has them, else from the mentions."""
        aliases: dict[str, set[tuple[str, str]]] = {}
        for article in batch:
            for m in article.mentions:
                seen = aliases.get(m.entity_id)
                if seen is None:
                    known = gazetteer.get(m.entity_id) if gazetteer is not None else None
                    if known is not None:
                        self._put_entity(known)
                    else:
                        # A discovered name (``new:`` id) is marked so it stays apart from gazetteer entities.
                        meta: dict[str, str] = {"source": "discovered"} if m.how == "discovered" else {}
                        if m.wikidata:
                            meta["wikidata"] = m.wikidata
                        self._conn.execute(
                            "INSERT INTO entities (id, type, name, meta) VALUES (?, ?, ?, ?)"
                            " ON CONFLICT (id) DO NOTHING",
                            (
                                clean(m.entity_id),
                                clean(m.entity_type),
                                clean(m.entity_name),
                                json.dumps(meta),
                            ),
                        )
                    seen = aliases[m.entity_id] = {("und", m.entity_name)}
                seen.add((m.lang, m.alias))
        self._put_aliases(
            (entity_id, lang, alias) for entity_id, pairs in aliases.items() for lang, alias in pairs
        )

    def _put_entity(self, entity: Entity) -> None:
        self._conn.execute(
            "INSERT INTO entities (id, type, name, meta) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE"
            " SET type = excluded.type, name = excluded.name, meta = excluded.meta",
            (
                clean(entity.id),
                clean(entity.type),
                clean(entity.name),
                clean(json.dumps(dict(entity.meta), ensure_ascii=False, default=str)),
            ),
        )
        pairs = [("und", entity.name), *entity.aliases()]
        self._put_aliases((entity.id, lang, alias) for lang, alias in pairs)

    def _put_aliases(self, rows: Iterable[tuple[str, str, str]]) -> None:
        self._conn.executemany(
            "INSERT OR IGNORE INTO aliases (entity_id, lang, alias, key) VALUES (?, ?, ?, ?)",
            [(clean(e), clean(lang), clean(alias), alias_key(clean(alias))) for e, lang, alias in rows],
        )

    # -- reading -------------------------------------------------------------------------

    def __len__(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def __contains__(self, article_id: object) -> bool:
        if not isinstance(article_id, str):
            return False
        return self._conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def get(self, article_id: str) -> Article | None:
        """The article with this id, or None."""
        found = self._load("id = ?", [article_id])
        return found[0] if found else None

    def articles(
        self,
        *,
        entity: str | Iterable[str] | None = None,
        since: dt.date | str | None = None,
        until: dt.date | str | None = None,
        lang: str | Iterable[str] | None = None,
        source: str | Iterable[str] | None = None,
        limit: int | None = None,
    ) -> list[Article]:
        """Stored articles in the order first added, narrowed as :meth:`Corpus.filter` narrows.

        ``entity`` keeps articles mentioning that entity (or any of several); ``since`` and
        ``until`` are inclusive dates (undated articles fail them); ``source`` compares
        case-insensitively.
        """
        where, params = filters(entity=entity, since=since, until=until, lang=lang, source=source)
        return self._load(" AND ".join(where), params, limit=None if limit is None else _limit(limit))

    def discovered_ids(self) -> set[str]:
        """Ids of the stored entities that are discovered names, not gazetteer entities."""
        rows = self._conn.execute(
            "SELECT id FROM entities WHERE json_extract(meta, '$.source') = 'discovered'"
        ).fetchall()
        return {str(i) for (i,) in rows}

    def entity_names(self) -> dict[str, tuple[str, str]]:
        """Entity id -> (type, name) for every stored entity."""
        rows = self._conn.execute("SELECT id, type, name FROM entities ORDER BY id").fetchall()
        return {str(i): (str(t), str(n)) for i, t, n in rows}

    def _load(self, where: str, params: Sequence[Any], *, limit: int | None = None) -> list[Article]:
        """Articles (in the order first added) meeting ``where``, with their mentions attached."""
        sql = f"SELECT {ARTICLE_COLUMNS} FROM articles"
        if where:
            sql += f" WHERE {where}"
        sql += " ORDER BY pk" + (f" LIMIT {int(limit)}" if limit is not None else "")
        rows = self._conn.execute(sql, params).fetchall()
        mentions: dict[int, list[Mention]] = {}
        pks = [row[0] for row in rows]
        support = "m.support" if has_column(self._conn, "mentions", "support") else "NULL"
        for start in range(0, len(pks), CHUNK):
            chunk = pks[start : start + CHUNK]
            marks = ", ".join("?" * len(chunk))
            # The entity's Wikidata QID (its meta.wikidata) comes back with each mention.
            for pk, *values in self._conn.execute(
                'SELECT m.article_pk, m.field, m.start, m."end", m.text, m.entity_id, m.entity_type,'
                f" m.entity_name, m.lang, m.alias, m.how, {support},"
                " json_extract(e.meta, '$.wikidata')"
                " FROM mentions m LEFT JOIN entities e ON e.id = m.entity_id"
                f" WHERE m.article_pk IN ({marks}) ORDER BY m.article_pk, m.seq",
                chunk,
            ):
                mentions.setdefault(pk, []).append(Mention(*values))
        out = []
        for row in rows:
            article, faults = article_from_row(row, mentions.get(row[0], ()))
            if faults and row[0] not in self._reported:
                self._reported.add(row[0])
                detail = "; ".join(faults)
                self.problems.append(
                    Problem(
                        self.path, None, Msg.STORE_BAD_ROW.format(pk=row[0], id=article.id, detail=detail)
                    )
                )
            out.append(article)
        return out

    # -- searching -----------------------------------------------------------------------

    def search(
        self,
        query: str,
        *,
        entity: str | Iterable[str] | None = None,
        since: dt.date | str | None = None,
        until: dt.date | str | None = None,
        limit: int = 20,
    ) -> list[Hit]:
        """Articles matching ``query``, newest first (undated last), at most ``limit``.

        The query is normalised as the index is; every word must occur (``"two words"``
        in quotes must occur together). An article also matches when it mentions an
        entity one of whose aliases is the whole query (after normalisation), or whose
        id is the query. ``entity``, ``since`` and ``until`` narrow as in :meth:`articles`.
        """
        if not query or not query.strip():
            raise ValueError(Msg.SEARCH_EMPTY)
        if len(query) > MAX_QUERY:  # SQLite refuses longer LIKE patterns, and no search needs one
            raise ValueError(Msg.SEARCH_TOO_LONG.format(length=len(query), limit=MAX_QUERY))
        query = clean(query)  # the index holds lone surrogates as U+FFFD, as the query must
        limit = _limit(limit)
        if not self.fts and not self._warned:
            warnings.warn(Msg.NO_FTS5, RuntimeWarning, stacklevel=2)
            self._warned = True
        words, phrases = parse_query(query)
        matched = alias_entities(self._conn, query)
        text_sql, text_params = self._text_condition(words, phrases)
        entity_sql = ""
        if matched:
            marks = ", ".join("?" * len(matched))
            entity_sql = f"a.pk IN (SELECT article_pk FROM mentions WHERE entity_id IN ({marks}))"
        if not text_sql and not entity_sql:
            return []
        where, params = filters(entity=entity, since=since, until=until, lang=None, source=None, table="a.")
        either = " OR ".join(s for s in (text_sql, entity_sql) if s)
        sql = (
            f"SELECT a.pk, a.id, ({text_sql or '0'}), ({entity_sql or '0'}) FROM articles a"
            f" WHERE ({either}){''.join(' AND ' + w for w in where)}"
            f" ORDER BY a.date IS NULL, a.date DESC, a.pk LIMIT {int(limit)}"
        )
        # Parameters in the order their placeholders appear: the two flags, then the WHERE.
        both = [*text_params, *matched]
        found = self._conn.execute(sql, [*both, *both, *params]).fetchall()
        if not found:
            return []
        loaded: dict[str, Article] = {}
        for start in range(0, len(found), CHUNK):
            chunk = [row[0] for row in found[start : start + CHUNK]]
            marks = ", ".join("?" * len(chunk))
            loaded.update((a.id, a) for a in self._load(f"pk IN ({marks})", chunk))
        terms = [[w] for w in words] + phrases
        hits = []
        for _pk, ident, by_text, by_entity in found:
            by = tuple(name for name, flag in (("text", by_text), ("entity", by_entity)) if flag)
            hits.append(make_hit(loaded[ident], by, terms, matched))
        return hits

    def _text_condition(self, words: list[str], phrases: list[list[str]]) -> tuple[str, list[str]]:
        """SQL (over ``articles a``) for "the normalised text holds every word and phrase", and its
        parameters; FTS5 when the store has it, else LIKE over ``search_text``."""
        if not words and not phrases:
            return "", []
        if self.fts:
            terms = [f'"{w}"' for w in words] + ['"' + " ".join(p) + '"' for p in phrases]
            return f"a.pk IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?)", [" ".join(terms)]
        parts: list[str] = []
        params: list[str] = []
        for term in [*words, *(" ".join(p) for p in phrases)]:
            pattern = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            parts.append("(title LIKE ? ESCAPE '\\' OR body LIKE ? ESCAPE '\\')")
            params += [pattern, pattern]
        return f"a.pk IN (SELECT pk FROM search_text WHERE {' AND '.join(parts)})", params


def _limit(value: object) -> int:
    """A row limit SQLite takes: a whole number at least 1 (ValueError otherwise); more than its
    64-bit integers hold means all rows."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(Msg.BAD_LIMIT.format(value=value))
    if value < 1 or (isinstance(value, float) and not value.is_integer() and value != math.inf):
        raise ValueError(Msg.BAD_LIMIT.format(value=value))
    return MAX_INTEGER if value >= MAX_INTEGER else int(value)


def write_store(
    articles: Iterable[Article],
    path: str | os.PathLike[str],
    *,
    gazetteer: Gazetteer | None = None,
    replace: bool = False,
) -> int:
    """Add articles to the store at ``path`` (created if missing); return how many were written.

    ``replace=True`` builds a new store beside ``path`` and renames it over the old one
    when complete, so ``path`` holds exactly these articles (or, after a failure, what
    it held before).
    """
    from mediamon.store.datasette import write_metadata

    name = os.fspath(path)
    if not replace:
        with Store(name) as store:
            return store.add(articles, gazetteer=gazetteer)
    import tempfile
    from pathlib import Path

    from mediamon.io.atomic import _new_file_mode

    target = os.path.realpath(name)
    folder = os.path.dirname(target) or "."
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".tmp", dir=folder)
    os.close(fd)
    try:
        with Store(tmp, datasette_metadata=False) as store:
            count = store.add(articles, gazetteer=gazetteer)
        os.chmod(tmp, _new_file_mode(Path(target)))
        os.replace(tmp, target)
    except BaseException:
        for leftover in (tmp, tmp + "-journal"):
            with contextlib.suppress(OSError):
                os.unlink(leftover)
        raise
    write_metadata(name)
    return count


def read_store(
    path: str | os.PathLike[str], *, on_problem: Callable[[Problem], None] | None = None
) -> list[Article]:
    """Every article of the store at ``path``, in the order first added (the store is not changed).

    A damaged row still gives its article; what could not be read is reported to ``on_problem``
    (one :class:`Problem` a row, naming the store and the row), or warned about without one.
    """
    with Store(path, readonly=True) as store:
        articles = store.articles()
    for problem in store.problems:
        if on_problem is None:
            warnings.warn(str(problem), RuntimeWarning, stacklevel=2)
        else:
            on_problem(problem)
    return articles
