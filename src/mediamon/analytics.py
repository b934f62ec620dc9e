"""Counting what a corpus says: entity tables, timelines, co-occurrence, pandas and CSV exports.

Functions here take any iterable of articles so they serve a :class:`~mediamon.Corpus`,
a :class:`~mediamon.Store`'s articles or a plain list alike; ``Corpus`` has thin methods
that call them. Counts are exact: every mention is counted once, and mentions in undated
articles are reported apart rather than dropped.
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib
import io
import itertools
import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, cast

import attrs

from mediamon.errors import Msg
from mediamon.model import MENTION_COLUMNS as MENTION_TABLE_FIELDS
from mediamon.model import Article, Mention

__all__ = [
    "FREQUENCIES",
    "MENTION_COLUMNS",
    "EntityRow",
    "EntityTable",
    "Pair",
    "Timeline",
    "cooccurrence",
    "entity_table",
    "mention_rows",
    "outlet_key",
    "period_start",
    "summary",
    "timeline",
    "to_pandas",
    "write_mentions_csv",
]

#: ``freq`` values: one day, an ISO week starting on Monday, a calendar month.
FREQUENCIES = ("D", "W", "M")
UNITS = ("mentions", "articles")

#: Columns of the one-row-per-mention table (CSV export and ``to_pandas``'s mentions frame).
MENTION_COLUMNS = ("article_id", "date", "source", "source_id", "article_lang", *MENTION_TABLE_FIELDS)


def outlet_key(article: Article) -> str | None:
    """What counts by outlet group on: the outlet's MEDIA id (``meta.source_id``) when it is
    known, so ``الميادين`` and ``Al Mayadeen`` are one outlet; else the ``source`` string."""
    source_id = article.meta.get("source_id")
    if isinstance(source_id, str) and source_id:
        return source_id
    return article.source


def _choices(value: str | Iterable[str] | None) -> frozenset[str] | None:
    if value is None:
        return None
    return frozenset({value} if isinstance(value, str) else value)


@attrs.frozen
class EntityRow(Mapping[str, Any]):
    """One entity's counts: mentions, articles mentioning it, and where the mentions are.

    ``by_lang`` (mention language) and ``by_source`` (the article's outlet: its MEDIA id when
    linked, else its ``source``, ``None`` when unknown; see :func:`outlet_key`) are
    ``(key, mentions)`` pairs, most first; ``dict(row.by_source)`` looks up.
    A row is also a read-only mapping of its field names to values (``row["mentions"]``,
    ``dict(row)``), so ``pandas.DataFrame(rows)`` makes one column per field.
    """

    id: str
    type: str
    name: str
    mentions: int
    articles: int
    by_lang: tuple[tuple[str, int], ...]
    by_source: tuple[tuple[str | None, int], ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: ``by_lang`` as an object, ``by_source`` as ``[outlet, mentions]`` pairs."""
        return {
            "id": self.id,
            "type": self.type,
            "name": self.name,
            "mentions": self.mentions,
            "articles": self.articles,
            "by_lang": dict(self.by_lang),
            "by_source": [list(pair) for pair in self.by_source],
        }

    def __getitem__(self, key: str) -> Any:
        if key not in _ROW_FIELDS:
            raise KeyError(key)
        return getattr(self, key)

    def __iter__(self) -> Iterator[str]:
        return iter(_ROW_FIELDS)

    def __len__(self) -> int:
        return len(_ROW_FIELDS)


_ROW_FIELDS = tuple(field.name for field in attrs.fields(EntityRow))


class EntityTable(list[EntityRow]):
    """The rows of :func:`entity_table`: a list, with a notebook view and frame exports."""

    def to_records(self) -> list[dict[str, Any]]:
        """One JSON-ready dict per row (:meth:`EntityRow.to_dict`)."""
        return [row.to_dict() for row in self]

    def to_pandas(self) -> Any:
        """A DataFrame, one row per entity; ``by_lang``/``by_source`` as dicts (needs pandas)."""
        pd = _pandas()
        columns = list(_ROW_FIELDS)
        frame = pd.DataFrame(
            _utf8_rows(tuple(row[name] for name in columns) for row in self), columns=columns
        )
        for column in ("by_lang", "by_source"):
            frame[column] = [dict(pairs) for pairs in frame[column]]
        return frame

    def _repr_html_(self) -> str:
        from mediamon.interop.notebook import entity_table_html

        return entity_table_html(self)


def _most_first(counts: Counter[Any]) -> tuple[tuple[Any, int], ...]:
    """Counter items, largest count first, ties in key order (``None`` first) so output is stable."""
    return tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0] is not None, kv[0] or "")))


def entity_table(
    articles: Iterable[Article],
    *,
    type: str | Iterable[str] | None = None,
    top: int | None = None,
) -> EntityTable:
    """A row per mentioned entity, most-mentioned first (then most articles, then id).

    ``type`` keeps entities of that type (or types); ``top`` keeps the first rows. Type
    and name are those of the entity's first mention.
    """
    types = _choices(type)
    mentions: Counter[str] = Counter()
    in_articles: Counter[str] = Counter()
    by_lang: dict[str, Counter[str]] = {}
    by_source: dict[str, Counter[str | None]] = {}
    labels: dict[str, tuple[str, str]] = {}
    for article in articles:
        seen: set[str] = set()
        for m in article.mentions:
            if types is not None and m.entity_type not in types:
                continue
            labels.setdefault(m.entity_id, (m.entity_type, m.entity_name))
            mentions[m.entity_id] += 1
            by_lang.setdefault(m.entity_id, Counter())[m.lang] += 1
            by_source.setdefault(m.entity_id, Counter())[outlet_key(article)] += 1
            seen.add(m.entity_id)
        in_articles.update(seen)
    order = sorted(mentions, key=lambda e: (-mentions[e], -in_articles[e], e))
    rows = [
        EntityRow(
            id=e,
            type=labels[e][0],
            name=labels[e][1],
            mentions=mentions[e],
            articles=in_articles[e],
            by_lang=_most_first(by_lang[e]),
            by_source=_most_first(by_source[e]),
        )
        for e in order
    ]
    return EntityTable(rows if top is None else rows[: max(top, 0)])


def period_start(date: dt.date, freq: str) -> dt.date:
    """The first day of the period holding ``date``: itself (D), its ISO week's Monday (W), the 1st (M)."""
    if freq == "D":
        return date
    if freq == "W":
        return date - dt.timedelta(days=date.weekday())
    if freq == "M":
        return date.replace(day=1)
    raise ValueError(Msg.BAD_FREQ.format(freq=freq))


def _next_period(start: dt.date, freq: str) -> dt.date:
    if freq == "D":
        return start + dt.timedelta(days=1)
    if freq == "W":
        return start + dt.timedelta(days=7)
    return dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)


def period_range(first: dt.date, last: dt.date, freq: str) -> Iterator[dt.date]:
    """Every period start from the period of ``first`` to that of ``last``, inclusive."""
    current, end = period_start(first, freq), period_start(last, freq)
    while current <= end:
        yield current
        if current == end:  # the next period may lie past 9999-12-31, which a date cannot hold
            return
        current = _next_period(current, freq)


@attrs.frozen
class Timeline:
    """Counts per period: ``periods`` holds every period from the first to the last counted one,
    zeros included, as ``(period start, count)`` pairs; ``undated`` counts what had no date.
    """

    freq: str
    unit: str
    periods: tuple[tuple[dt.date, int], ...]
    undated: int

    @property
    def counts(self) -> dict[dt.date, int]:
        """Period start -> count (the same numbers as ``periods``)."""
        return dict(self.periods)

    @property
    def dated(self) -> int:
        """Everything counted in a period (``dated + undated`` is the whole count)."""
        return sum(n for _, n in self.periods)

    def __iter__(self) -> Iterator[tuple[dt.date, int]]:
        return iter(self.periods)

    def __len__(self) -> int:
        return len(self.periods)

    def _repr_html_(self) -> str:
        from mediamon.interop.notebook import timeline_html

        return timeline_html(self)


def _check_freq(freq: str) -> str:
    upper = freq.upper() if isinstance(freq, str) else freq
    if upper not in FREQUENCIES:
        raise ValueError(Msg.BAD_FREQ.format(freq=freq))
    return str(upper)


def timeline(
    articles: Iterable[Article],
    entity_id: str | Iterable[str] | None = None,
    freq: str = "D",
    *,
    unit: str = "mentions",
    first: dt.date | None = None,
    last: dt.date | None = None,
) -> Timeline:
    """Mentions (or, with ``unit="articles"``, articles) per day, ISO week or month.

    ``entity_id`` (one id or several) counts only those entities' mentions, and with
    ``unit="articles"`` only articles mentioning one of them; ``None`` counts all.
    Periods run from the first to the last dated count, widened to cover ``first`` and
    ``last`` when given (so several timelines can share an axis). Counts in undated
    articles go to ``undated``.
    """
    freq = _check_freq(freq)
    if unit not in UNITS:
        raise ValueError(Msg.BAD_UNIT.format(unit=unit, units=", ".join(UNITS)))
    wanted = _choices(entity_id)
    counts: Counter[dt.date] = Counter()
    undated = 0
    for article in articles:
        hits = sum(1 for m in article.mentions if wanted is None or m.entity_id in wanted)
        if unit == "articles":
            hits = 1 if hits or (wanted is None) else 0
        if not hits:
            continue
        if article.date is None:
            undated += hits
        else:
            counts[period_start(article.date, freq)] += hits
    bounds = [*counts, *(d for d in (first, last) if d is not None)]
    if not bounds:
        return Timeline(freq, unit, (), undated)
    start, end = min(bounds), max(bounds)
    periods = tuple((p, counts.get(p, 0)) for p in period_range(start, end, freq))
    return Timeline(freq, unit, periods, undated)


@attrs.frozen
class Pair:
    """Two entities named in the same articles: ``first < second`` by id; ``articles`` counts them."""

    first: str
    second: str
    articles: int


def cooccurrence(
    articles: Iterable[Article], min_count: int = 1, *, per_article: int | None = None
) -> list[Pair]:
    """Entity pairs mentioned in the same article, each article counted once per pair.

    Sorted by count (most first), then by the two ids; pairs seen in fewer than
    ``min_count`` articles are left out. An article naming k entities has k(k-1)/2 pairs:
    ``per_article`` bounds the cost (the report's 4,000-place article would make 8 million)
    by pairing only each article's ``per_article`` most-mentioned entities (ties by id).
    """
    if min_count < 1:
        raise ValueError(Msg.BAD_MIN_COUNT.format(value=min_count))
    counts: Counter[tuple[str, str]] = Counter()
    for article in articles:
        named = Counter(m.entity_id for m in article.mentions)
        if per_article is not None and len(named) > per_article:
            top = sorted(named, key=lambda e: (-named[e], e))[:per_article]
            ids = sorted(top)
        else:
            ids = sorted(named)
        counts.update(itertools.combinations(ids, 2))
    pairs = [Pair(a, b, n) for (a, b), n in counts.items() if n >= min_count]
    pairs.sort(key=lambda p: (-p.articles, p.first, p.second))
    return pairs


def mention_rows(articles: Iterable[Article]) -> Iterator[tuple[Any, ...]]:
    """One tuple per mention in :data:`MENTION_COLUMNS` order (the date as ISO text or None)."""
    for article in articles:
        date = article.date.isoformat() if article.date else None
        for m in article.mentions:
            yield _mention_row(article, date, m)


def _mention_row(article: Article, date: str | None, m: Mention) -> tuple[Any, ...]:
    return (
        article.id,
        date,
        article.source,
        article.meta.get("source_id"),
        article.lang,
        m.field,
        m.start,
        m.end,
        m.text,
        m.entity_id,
        m.entity_type,
        m.entity_name,
        m.lang,
        m.alias,
        m.how,
        m.support,
        m.wikidata,
        m.role,
    )


def write_mentions_csv(articles: Iterable[Article], path: str | os.PathLike[str]) -> int:
    """Write one row per mention (:data:`MENTION_COLUMNS`) atomically; return how many rows.

    Tab-separated for a ``.tsv`` name; a further ``.gz``/``.bz2``/``.xz`` compresses.
    """
    from mediamon.io import compression as compressions
    from mediamon.io.atomic import atomic_write

    name = os.fspath(path)
    compression = compressions.by_name(name)
    base = name[: -len(compression)] if compression else name
    delimiter = "\t" if base.lower().endswith(".tsv") else ","
    count = 0
    with atomic_write(name, errors="backslashreplace", compression=compression) as handle:
        writer = csv.writer(handle, delimiter=delimiter, lineterminator="\n")
        writer.writerow(MENTION_COLUMNS)
        for row in mention_rows(articles):
            writer.writerow("" if value is None else value for value in row)
            count += 1
    return count


def _pandas() -> Any:
    """pandas, imported on first use; ImportError naming the extra to install when it is missing."""
    return _module("pandas", "to_pandas()", "pandas")


def article_values(listed: Sequence[Article]) -> dict[str, Any]:
    """The one-row-per-article columns (:data:`ARTICLE_TABLE_COLUMNS`) as plain lists, which
    :func:`to_pandas` and :func:`to_arrow` type their own way."""
    return {
        "id": [a.id for a in listed],
        "title": [a.title for a in listed],
        "body": [a.body for a in listed],
        "date": [a.date for a in listed],
        "date_text": [a.date_text for a in listed],
        "author": [a.author for a in listed],
        "source": [a.source for a in listed],
        "source_id": [a.meta.get("source_id") for a in listed],
        "url": [a.url for a in listed],
        "lang": [a.lang for a in listed],
        "origin_path": [a.origin.path if a.origin else None for a in listed],
        "origin_first_line": [a.origin.first_line if a.origin else None for a in listed],
        "origin_last_line": [a.origin.last_line if a.origin else None for a in listed],
        "meta": [dict(a.meta) for a in listed],
        "mentions": [len(a.mentions) for a in listed],
    }


def _utf8_columns(values: Mapping[str, list[Any]]) -> dict[str, list[Any]]:
    """``values`` with each text a UTF-8 string can hold. Arrow strings (and so pandas' ``str``
    columns, Arrow-backed since pandas 3) are UTF-8, which a lone surrogate (only a hand-made
    ``str`` holds one) has no form in: it becomes U+FFFD, as in the store (one code point for
    one: offsets stay right). Values that are not text (``meta``'s dicts) are left as they are."""
    from mediamon.store.schema import clean

    return {k: [clean(v) if isinstance(v, str) else v for v in column] for k, column in values.items()}


def _utf8_rows(rows: Iterable[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """The rows of :func:`mention_rows` with each text as :func:`_utf8_columns` makes it."""
    from mediamon.store.schema import clean

    return [tuple(clean(v) if isinstance(v, str) else v for v in row) for row in rows]


def to_pandas(articles: Iterable[Article]) -> tuple[Any, Any]:
    """Two DataFrames: articles (one row each) and mentions (one row each, :data:`MENTION_COLUMNS`).

    Dates are ``datetime64`` columns (``NaT`` when undated), origin lines nullable
    integers; ``meta`` stays a dict per row and ``mentions`` counts each article's.
    """
    pd = _pandas()
    listed = list(articles)
    values = _utf8_columns(article_values(listed))
    values["date"] = pd.to_datetime(values["date"])
    for column in ("origin_first_line", "origin_last_line"):
        values[column] = pd.array(values[column], "Int64")
    frame = pd.DataFrame(values)
    rows = _utf8_rows(mention_rows(listed))
    mentions = pd.DataFrame(rows, columns=list(MENTION_COLUMNS))
    mentions["date"] = pd.to_datetime(mentions["date"], format="ISO8601")  # mention_rows writes ISO dates
    for column in ("start", "end"):
        mentions[column] = mentions[column].astype("int64")
    return frame, mentions


def _module(name: str, what: str, extra: str) -> Any:
    """An optional module, imported on first use; ImportError naming the extra when it is missing."""
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        raise ImportError(Msg.NEEDS_EXTRA.format(what=what, module=name, extra=extra)) from exc


#: Columns of the one-row-per-article Arrow table (``meta`` as JSON text, dates as ``date32``).
ARTICLE_TABLE_COLUMNS = (
    "id", "title", "body", "date", "date_text", "author", "source", "source_id", "url", "lang",
    "origin_path", "origin_first_line", "origin_last_line", "meta", "mentions",
)  # fmt: skip


def to_arrow(articles: Iterable[Article]) -> tuple[Any, Any]:
    """Two pyarrow Tables: articles (:data:`ARTICLE_TABLE_COLUMNS`) and mentions
    (:data:`MENTION_COLUMNS`); typed columns (``date32``, ``int64``), ``meta`` as JSON text."""
    pa = _module("pyarrow", "to_arrow()", "arrow")
    listed = list(articles)
    values = article_values(listed)
    values["meta"] = [json.dumps(meta, ensure_ascii=False, default=str) for meta in values["meta"]]
    values = _utf8_columns(values)
    types = {"date": pa.date32(), "origin_first_line": pa.int64(), "origin_last_line": pa.int64()}
    table = pa.table({k: pa.array(v, type=types.get(k, pa.string() if k != "mentions" else pa.int64()))
                      for k, v in values.items()})  # fmt: skip
    rows = _utf8_rows(mention_rows(listed))
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in MENTION_COLUMNS]
    ints = {"start", "end"}
    mentions = pa.table(
        {
            name: pa.array(
                [dt.date.fromisoformat(v) if v else None for v in column] if name == "date" else list(column),
                type=pa.date32() if name == "date" else pa.int64() if name in ints else pa.string(),
            )
            for name, column in zip(MENTION_COLUMNS, columns, strict=True)
        }
    )
    return table, mentions


def write_parquet(articles: Iterable[Article], folder: str | os.PathLike[str]) -> tuple[Path, Path]:
    """Write ``articles.parquet`` and ``mentions.parquet`` (the :func:`to_arrow` tables) in
    ``folder`` (created if missing); return their paths."""
    from mediamon.io.atomic import atomic_write

    parquet = _module("pyarrow.parquet", "to_parquet()", "arrow")
    table, mentions = to_arrow(articles)
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    paths = out / "articles.parquet", out / "mentions.parquet"
    for data, path in zip((table, mentions), paths, strict=True):
        # each file whole or not at all: pyarrow writes the binary stream under the text one
        with atomic_write(path) as handle:
            parquet.write_table(data, cast("io.TextIOWrapper", handle).buffer)
    return paths


def to_polars(articles: Iterable[Article]) -> tuple[Any, Any]:
    """Two polars DataFrames made from the :func:`to_arrow` tables (needs polars installed)."""
    pl = _module("polars", "to_polars()", "arrow")
    table, mentions = to_arrow(articles)
    return pl.from_arrow(table), pl.from_arrow(mentions)


def summary(articles: Iterable[Article], top: int = 20) -> dict[str, Any]:
    """Counts at a glance: articles, mentions, date range, languages, outlets, the ``top`` entities.

    What ``mediamon stats`` prints (``--json`` prints this dict): languages and outlets most
    frequent first, an outlet-less article under ``(unknown)``, the date range as ISO dates
    (None when no article is dated).
    """
    langs: Counter[str] = Counter()
    sources: Counter[str] = Counter()
    entities: Counter[str] = Counter()
    names: dict[str, tuple[str, str]] = {}
    first: dt.date | None = None
    last: dt.date | None = None
    count = 0
    for article in articles:
        count += 1
        langs[article.lang] += 1
        sources[article.source or "(unknown)"] += 1
        if article.date is not None:
            first = article.date if first is None or article.date < first else first
            last = article.date if last is None or article.date > last else last
        for m in article.mentions:
            entities[m.entity_id] += 1
            names.setdefault(m.entity_id, (m.entity_type, m.entity_name))
    return {
        "articles": count,
        "mentions": sum(entities.values()),
        "dates": [first.isoformat(), last.isoformat()] if first and last else None,
        "languages": dict(langs.most_common()),
        "sources": dict(sources.most_common()),
        "entities": [
            {"id": eid, "type": names[eid][0], "name": names[eid][1], "mentions": n}
            for eid, n in entities.most_common(top)
        ],
    }
