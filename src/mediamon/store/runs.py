"""Run bookkeeping for daily monitoring: which input files a store holds, which run added what.

Three tables beside the articles (created on first use, so older stores open unchanged):

- ``runs``: one row per ``annotate``/``segment`` run into the store (start and end time,
  files read and skipped, articles written);
- ``run_files``: each input file stored, keyed by the SHA-256 of its bytes and its size
  (not its name or modification time: a renamed copy is the same file, a file rewritten
  in place with new content is a new one);
- ``run_articles``: the run that first stored each article. An article written outside
  a run, or by a run that was interrupted, is claimed by the next run that finishes.

"New mentions" are the mentions of the articles a run first stored; :meth:`RunLog.new_mentions`
lists them for a watch list of entity ids (or Wikidata QIDs).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from mediamon.errors import Msg, UsageError
from mediamon.model import Mention
from mediamon.store.schema import clean, has_column

if TYPE_CHECKING:
    import sqlite3

__all__ = ["FileKey", "NewMention", "Run", "RunInfo", "RunLog", "file_key"]

RUN_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS runs (
        id INTEGER PRIMARY KEY,
        started TEXT NOT NULL,
        finished TEXT,
        inputs TEXT NOT NULL,
        files_read INTEGER NOT NULL DEFAULT 0,
        files_skipped INTEGER NOT NULL DEFAULT 0,
        articles INTEGER NOT NULL DEFAULT 0
    )""",
    """CREATE TABLE IF NOT EXISTS run_files (
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        path TEXT NOT NULL,
        run_id INTEGER NOT NULL REFERENCES runs (id),
        articles INTEGER NOT NULL,
        PRIMARY KEY (sha256, size)
    )""",
    """CREATE TABLE IF NOT EXISTS run_articles (
        article_pk INTEGER PRIMARY KEY REFERENCES articles (pk) ON DELETE CASCADE,
        run_id INTEGER NOT NULL REFERENCES runs (id)
    )""",
    "CREATE INDEX IF NOT EXISTS run_articles_run ON run_articles (run_id)",
)
_QID = re.compile(r"Q[1-9][0-9]*")


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


@attrs.frozen
class FileKey:
    """What identifies an input file's content: the SHA-256 of its bytes and its size."""

    sha256: str
    size: int


def file_key(data: bytes) -> FileKey:
    """The :class:`FileKey` of a file's bytes."""
    return FileKey(hashlib.sha256(data).hexdigest(), len(data))


@attrs.define
class Run:
    """A run in progress: files it stored (written when the run finishes) and what it skipped."""

    id: int
    known: set[FileKey]
    files: dict[FileKey, tuple[str, int]] = attrs.field(factory=dict)
    skipped: int = 0

    def seen(self, key: FileKey) -> bool:
        """Whether a file with this content is already stored (or was read earlier in this run)."""
        return key in self.known or key in self.files

    def skip(self) -> None:
        self.skipped += 1

    def stored(self, key: FileKey, path: str, articles: int) -> None:
        """Note that the file ``path`` with content ``key`` gave ``articles`` articles."""
        self.files[key] = (path, articles)


@attrs.frozen
class RunInfo:
    """A recorded run: when, over which inputs, files read and skipped, articles written."""

    id: int
    started: str
    finished: str | None
    inputs: tuple[str, ...]
    files_read: int
    files_skipped: int
    articles: int


@attrs.frozen
class NewMention:
    """A mention in an article first stored by run ``run``, with that article's particulars."""

    run: int
    stored: str
    article_id: str
    title: str
    date: str | None
    source: str | None
    url: str | None
    article_lang: str
    mention: Mention

    def to_dict(self) -> dict[str, Any]:
        """A flat JSON object: the run, the article's particulars and the mention's fields."""
        out = attrs.asdict(self, recurse=False)
        out.pop("mention")
        out.update(self.mention.to_dict())
        return out


class RunLog:
    """The run bookkeeping half of :class:`~mediamon.store.Store` (a mixin over its connection)."""

    _conn: sqlite3.Connection
    readonly: bool
    path: str

    def _transaction(self) -> contextlib.AbstractContextManager[None]:
        raise NotImplementedError

    def _has_runs(self) -> bool:
        row = self._conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'run_articles'").fetchone()
        return row is not None

    def begin_run(self, inputs: Sequence[str]) -> Run:
        """Record the start of a run over ``inputs``; the returned :class:`Run` knows the stored files."""
        with self._transaction():
            for statement in RUN_SCHEMA:
                self._conn.execute(statement)
            cursor = self._conn.execute(
                "INSERT INTO runs (started, inputs) VALUES (?, ?)",
                (_now(), clean(json.dumps(list(inputs), ensure_ascii=False))),
            )
        known = {FileKey(str(s), int(n)) for s, n in self._conn.execute("SELECT sha256, size FROM run_files")}
        assert cursor.lastrowid is not None
        return Run(int(cursor.lastrowid), known)

    def finish_run(self, run: Run, *, articles: int) -> RunInfo:
        """Record the files ``run`` stored, claim the articles no run has claimed, and close it."""
        with self._transaction():
            self._conn.executemany(
                "INSERT OR REPLACE INTO run_files (sha256, size, path, run_id, articles)"
                " VALUES (?, ?, ?, ?, ?)",
                [(k.sha256, k.size, clean(path), run.id, n) for k, (path, n) in run.files.items()],
            )
            self._conn.execute(
                "INSERT INTO run_articles (article_pk, run_id) SELECT pk, ? FROM articles"
                " WHERE pk NOT IN (SELECT article_pk FROM run_articles)",
                (run.id,),
            )
            self._conn.execute(
                "UPDATE runs SET finished = ?, files_read = ?, files_skipped = ?, articles = ? WHERE id = ?",
                (_now(), len(run.files), run.skipped, articles, run.id),
            )
        return next(info for info in self.runs() if info.id == run.id)

    def runs(self) -> list[RunInfo]:
        """Every recorded run, oldest first (an interrupted one has ``finished`` None)."""
        if not self._has_runs():
            return []
        rows = self._conn.execute(
            "SELECT id, started, finished, inputs, files_read, files_skipped, articles FROM runs ORDER BY id"
        ).fetchall()
        return [RunInfo(i, s, f, tuple(json.loads(ins)), r, k, a) for i, s, f, ins, r, k, a in rows]

    def new_mentions(
        self,
        *,
        since: int | dt.datetime | dt.date | str | None = None,
        entities: Iterable[str] | None = None,
    ) -> list[NewMention]:
        """Mentions in articles first stored after ``since``, of ``entities`` (ids or Wikidata QIDs).

        ``since`` is a run id (mentions from later runs), a date or time (ISO text or
        ``datetime``: runs started at or after it), or None: the mentions the latest
        finished run added. ``entities`` None lists every entity's. Ordered by run,
        article (in the order stored) and position.
        """
        if not self._has_runs():
            return []
        where = ["r.finished IS NOT NULL"]
        params: list[Any] = []
        if since is None:
            where.append("r.id = (SELECT max(id) FROM runs WHERE finished IS NOT NULL)")
        elif isinstance(since, bool):
            raise TypeError(f"since must be a run id, a date or a time, not {since!r}")
        elif isinstance(since, int):
            where.append("r.id > ?")
            params.append(since)
        else:
            where.append("r.started >= ?")
            params.append(_since_text(since))
        if entities is not None:
            wanted = sorted({e.strip() for e in entities if e.strip()})
            if not wanted:
                return []
            marks = ", ".join("?" * len(wanted))
            qids = [w for w in wanted if _QID.fullmatch(w)]
            condition = f"m.entity_id IN ({marks})"
            if qids:
                condition += f" OR json_extract(e.meta, '$.wikidata') IN ({', '.join('?' * len(qids))})"
            where.append(f"({condition})")
            params += [*wanted, *qids]
        support = "m.support" if has_column(self._conn, "mentions", "support") else "NULL"
        sql = (
            "SELECT r.id, r.finished, a.id, a.title, a.date, a.source, a.url, a.lang,"
            ' m.field, m.start, m."end", m.text, m.entity_id, m.entity_type, m.entity_name, m.lang,'
            f" m.alias, m.how, {support}, json_extract(e.meta, '$.wikidata')"
            " FROM run_articles ra JOIN runs r ON r.id = ra.run_id"
            " JOIN articles a ON a.pk = ra.article_pk JOIN mentions m ON m.article_pk = a.pk"
            " LEFT JOIN entities e ON e.id = m.entity_id"
            f" WHERE {' AND '.join(where)} ORDER BY r.id, a.pk, m.seq"
        )
        # Eight article columns, then the mention's fields (its entity's QID last).
        return [_new_mention(row) for row in self._conn.execute(sql, params)]


def _new_mention(row: Sequence[Any]) -> NewMention:
    run, stored, ident, title, date, source, url, lang = row[:8]
    return NewMention(run, stored, ident, title, date, source, url, lang, Mention(*row[8:]))


def _since_text(since: dt.datetime | dt.date | str) -> str:
    """``since`` as the ISO text runs are stamped with (UTC); UsageError for text that is no date."""
    if isinstance(since, str):
        try:
            parsed = dt.datetime.fromisoformat(since.strip().replace("Z", "+00:00"))
        except ValueError as exc:
            raise UsageError(Msg.USAGE_SINCE.format(value=since)) from exc
        since = parsed
    if not isinstance(since, dt.datetime):
        since = dt.datetime.combine(since, dt.time(), tzinfo=dt.UTC)
    elif since.tzinfo is None:
        since = since.replace(tzinfo=dt.UTC)
    return since.astimezone(dt.UTC).isoformat(timespec="microseconds")
