"""Corpus analytics: entity table, timelines, co-occurrence, pandas and CSV exports (exact counts)."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediamon import Article, Corpus, Mention
from mediamon.analytics import (
    MENTION_COLUMNS,
    Pair,
    cooccurrence,
    entity_table,
    period_start,
    timeline,
    write_mentions_csv,
)
from mediamon.errors import Msg
from mediamon.store.schema import clean
from tests.strategies import articles

D = dt.date


def mentions_of(field: str, text: str, found: list[tuple[str, str, str]], lang: str = "en") -> list[Mention]:
    """Mentions of each (needle, entity id, type) at its successive occurrences in ``text``."""
    out: list[Mention] = []
    seen: dict[str, int] = {}
    for needle, entity, etype in found:
        start = text.index(needle, seen.get(needle, 0))
        seen[needle] = start + 1
        end = start + len(needle)
        name = entity.split(":")[1]
        out.append(Mention(field, start, end, needle, entity, etype, name, lang, needle, "exact"))
    return out


def article(
    ident: str,
    title: str,
    body: str,
    *,
    date: dt.date | None,
    source: str | None,
    lang: str = "en",
    in_title: list[tuple[str, str, str]] | None = None,
    in_body: list[tuple[str, str, str]] | None = None,
) -> Article:
    mentions = mentions_of("title", title, in_title or [], lang)
    mentions += mentions_of("body", body, in_body or [], lang)
    return Article(ident, title, body, date=date, source=source, lang=lang, mentions=tuple(mentions))


DAYS = [D(2021, 3, day) for day in range(1, 9)]
IRQ, IRN, BGD = ("country:irq", "LOC"), ("country:irn", "LOC"), ("city:baghdad", "LOC")

CORPUS = Corpus(
    [
        # Monday 1 March 2021: Iraq twice (title and body), Iran, Baghdad.
        article(
            "a1",
            "Iraq and Iran",
            "Talks in Baghdad. Iraq again.",
            date=D(2021, 3, 1),
            source="Outlet A",
            in_title=[("Iraq", *IRQ), ("Iran", *IRN)],
            in_body=[("Baghdad", *BGD), ("Iraq", *IRQ)],
        ),
        # Wednesday of the same ISO week, Arabic.
        article(
            "a2",
            "",
            "العراق وإيران",
            date=D(2021, 3, 3),
            source="المنار",
            lang="ar",
            in_body=[("العراق", *IRQ), ("إيران", *IRN)],
        ),
        # The next Monday: a new week.
        article("a3", "Iraq.", "", date=D(2021, 3, 8), source="Outlet A", in_title=[("Iraq", *IRQ)]),
        # Undated, no outlet.
        article("a4", "", "Iran and Iraq", date=None, source=None, in_body=[("Iran", *IRN), ("Iraq", *IRQ)]),
        # A dated article with no mentions at all.
        article("a5", "Weather", "Sunny.", date=D(2021, 4, 15), source="Outlet B"),
    ]
)


def test_entity_table_counts_mentions_articles_languages_and_outlets() -> None:
    rows = CORPUS.entity_table()
    assert [(r.id, r.type, r.mentions, r.articles) for r in rows] == [
        ("country:irq", "LOC", 5, 4),
        ("country:irn", "LOC", 3, 3),
        ("city:baghdad", "LOC", 1, 1),
    ]
    iraq = rows[0]
    assert iraq.name == "irq"
    assert iraq.by_lang == (("en", 4), ("ar", 1))
    assert iraq.by_source == (("Outlet A", 3), (None, 1), ("المنار", 1))
    assert dict(iraq.by_source)[None] == 1
    assert iraq.to_dict()["by_lang"] == {"en": 4, "ar": 1}
    # The table agrees with the existing counters.
    assert {r.id: r.mentions for r in rows} == dict(CORPUS.entity_counts())
    assert sum(r.mentions for r in rows) == sum(len(a.mentions) for a in CORPUS)


@pytest.mark.parametrize(
    ("kwargs", "ids"),
    [
        ({"top": 1}, ["country:irq"]),
        ({"top": 0}, []),
        ({"type": "PER"}, []),
        ({"type": ["LOC"], "top": 2}, ["country:irq", "country:irn"]),
    ],
)
def test_entity_table_options(kwargs: dict[str, Any], ids: list[str]) -> None:
    assert [r.id for r in entity_table(CORPUS, **kwargs)] == ids


@pytest.mark.parametrize(
    ("day", "freq", "start"),
    [
        (D(2021, 3, 7), "D", D(2021, 3, 7)),
        (D(2021, 3, 7), "W", D(2021, 3, 1)),  # Sunday belongs to the week starting Monday 1 March
        (D(2021, 3, 8), "W", D(2021, 3, 8)),
        (D(2021, 1, 1), "W", D(2020, 12, 28)),  # ISO week 53 of 2020
        (D(2021, 12, 31), "M", D(2021, 12, 1)),
        (D(2024, 2, 29), "M", D(2024, 2, 1)),
    ],
)
def test_period_start(day: dt.date, freq: str, start: dt.date) -> None:
    assert period_start(day, freq) == start


def test_daily_timeline_is_dense_and_keeps_undated_apart() -> None:
    line = CORPUS.timeline()
    assert line.freq == "D" and line.unit == "mentions"
    assert line.periods[0] == (D(2021, 3, 1), 4)
    assert line.periods[-1] == (D(2021, 3, 8), 1)
    assert len(line) == 8  # every day from 1 to 8 March, zeros included
    assert line.counts[D(2021, 3, 2)] == 0
    assert line.counts[D(2021, 3, 3)] == 2
    assert line.undated == 2
    assert line.dated + line.undated == sum(len(a.mentions) for a in CORPUS)


@pytest.mark.parametrize(
    ("entity", "freq", "unit", "periods", "undated"),
    [
        (None, "W", "mentions", [(D(2021, 3, 1), 6), (D(2021, 3, 8), 1)], 2),
        (None, "M", "mentions", [(D(2021, 3, 1), 7)], 2),
        ("country:irq", "W", "mentions", [(D(2021, 3, 1), 3), (D(2021, 3, 8), 1)], 1),
        (["country:irn", "city:baghdad"], "w", "mentions", [(D(2021, 3, 1), 3)], 1),
        ("country:irq", "D", "articles", list(zip(DAYS, [1, 0, 1, 0, 0, 0, 0, 1], strict=True)), 1),
        # Counting articles without an entity counts every article, mentions or not.
        (None, "M", "articles", [(D(2021, 3, 1), 3), (D(2021, 4, 1), 1)], 1),
        ("org:nobody", "D", "mentions", [], 0),
    ],
)
def test_timeline_cases(
    entity: str | list[str] | None, freq: str, unit: str, periods: list[tuple[dt.date, int]], undated: int
) -> None:
    line = timeline(CORPUS, entity, freq, unit=unit)
    assert list(line) == periods
    assert line.undated == undated


def test_timeline_months_roll_over_the_year_and_bounds_widen() -> None:
    corpus = Corpus(
        [
            article("x", "Iraq", "", date=D(2020, 12, 31), source=None, in_title=[("Iraq", *IRQ)]),
            article("y", "Iraq", "", date=D(2021, 1, 1), source=None, in_title=[("Iraq", *IRQ)]),
        ]
    )
    assert list(corpus.timeline(freq="M")) == [(D(2020, 12, 1), 1), (D(2021, 1, 1), 1)]
    wide = timeline(corpus, freq="M", first=D(2020, 11, 5), last=D(2021, 2, 1))
    assert [p for p, _ in wide] == [D(2020, 11, 1), D(2020, 12, 1), D(2021, 1, 1), D(2021, 2, 1)]
    assert wide.dated == 2


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: CORPUS.timeline(freq="Y"), Msg.BAD_FREQ.format(freq="Y")),
        (lambda: timeline(CORPUS, unit="x"), Msg.BAD_UNIT.format(unit="x", units="mentions, articles")),
        (lambda: CORPUS.cooccurrence(0), Msg.BAD_MIN_COUNT.format(value=0)),
        (lambda: period_start(D(2021, 1, 1), "Q"), Msg.BAD_FREQ.format(freq="Q")),
    ],
)
def test_bad_arguments_say_what_is_allowed(call: Any, message: str) -> None:
    with pytest.raises(ValueError) as info:
        call()
    assert str(info.value) == message


def test_cooccurrence_counts_each_article_once_per_pair() -> None:
    assert CORPUS.cooccurrence() == [
        Pair("country:irn", "country:irq", 3),
        Pair("city:baghdad", "country:irn", 1),
        Pair("city:baghdad", "country:irq", 1),
    ]
    assert cooccurrence(CORPUS, min_count=2) == [Pair("country:irn", "country:irq", 3)]
    assert cooccurrence(CORPUS, min_count=4) == []


def test_filter_by_entity_and_type() -> None:
    assert [a.id for a in CORPUS.filter(entity="city:baghdad")] == ["a1"]
    assert [a.id for a in CORPUS.filter(entity=["country:irn", "city:baghdad"])] == ["a1", "a2", "a4"]
    assert [a.id for a in CORPUS.filter(type="LOC")] == ["a1", "a2", "a3", "a4"]
    assert len(CORPUS.filter(type="PER")) == 0


def test_mentions_csv_has_one_row_per_mention(tmp_path: Path) -> None:
    path = tmp_path / "mentions.csv"
    assert CORPUS.to_csv(path) == 9
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == MENTION_COLUMNS
    assert len(rows) == 9
    assert rows[0] == {
        "article_id": "a1",
        "date": "2021-03-01",
        "source": "Outlet A",
        "source_id": "",
        "article_lang": "en",
        "field": "title",
        "start": "0",
        "end": "4",
        "text": "Iraq",
        "entity_id": "country:irq",
        "entity_type": "LOC",
        "entity_name": "irq",
        "lang": "en",
        "alias": "Iraq",
        "how": "exact",
        "support": "",
        "wikidata": "",
        "role": "",
    }
    undated = [r for r in rows if r["article_id"] == "a4"]
    assert [(r["date"], r["source"], r["text"]) for r in undated] == [("", "", "Iran"), ("", "", "Iraq")]
    arabic = [r["text"] for r in rows if r["article_lang"] == "ar"]
    assert arabic == ["العراق", "إيران"]


def test_mentions_tsv_and_atomic_failure(tmp_path: Path) -> None:
    path = tmp_path / "mentions.tsv"
    write_mentions_csv(CORPUS, path)
    assert path.read_text(encoding="utf-8").splitlines()[0] == "\t".join(MENTION_COLUMNS)
    before = path.read_bytes()

    def broken() -> Any:
        yield CORPUS[0]
        raise RuntimeError("source failed")

    with pytest.raises(RuntimeError):
        write_mentions_csv(broken(), path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mentions.tsv"]


def test_to_pandas_frames_match_the_counts() -> None:
    pytest.importorskip("pandas", reason="pandas is not installed (pip install '.[pandas]')")
    articles, mentions = CORPUS.to_pandas()
    assert list(articles["id"]) == ["a1", "a2", "a3", "a4", "a5"]
    assert list(mentions.columns) == list(MENTION_COLUMNS)
    assert len(mentions) == 9
    assert str(articles["date"].dtype).startswith("datetime64")
    assert articles["date"].isna().tolist() == [False, False, False, True, False]
    assert articles["mentions"].tolist() == [4, 2, 1, 2, 0]
    assert mentions.groupby("entity_id").size().to_dict() == dict(CORPUS.entity_counts())
    assert mentions["date"].isna().sum() == 2
    assert articles["origin_first_line"].isna().all()


@settings(max_examples=80, deadline=None)
@given(st.lists(articles(), max_size=4))
def test_frames_of_any_articles_hold_lone_surrogates_as_replacement_characters(
    listed: list[Article],
) -> None:
    """attack15: pandas 3's ``str`` columns are Arrow's UTF-8; a lone surrogate in a title, an id or
    an entity name made ``to_pandas()`` and ``entity_table().to_pandas()`` raise
    ``UnicodeEncodeError``. They now hold U+FFFD, as ``to_arrow()`` and the store do."""
    pytest.importorskip("pandas", reason="pandas is not installed (pip install '.[pandas]')")
    corpus = Corpus(listed)
    frame, mentions = corpus.to_pandas()
    assert list(frame["title"]) == [clean(a.title) for a in listed]
    assert list(mentions["entity_id"]) == [clean(m.entity_id) for a in listed for m in a.mentions]
    table = corpus.entity_table().to_pandas()
    assert list(table["name"]) == [clean(row.name) for row in corpus.entity_table()]


def test_to_pandas_without_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes ``import pandas`` fail
    with pytest.raises(ImportError) as info:
        CORPUS.to_pandas()
    assert str(info.value) == Msg.NEEDS_EXTRA.format(what="to_pandas()", module="pandas", extra="pandas")
    assert "mediamon[pandas]" in str(info.value)


def test_empty_corpus() -> None:
    empty = Corpus()
    assert empty.entity_table() == []
    assert list(empty.timeline(freq="W")) == [] and empty.timeline().undated == 0
    assert empty.cooccurrence() == []


def test_arrow_parquet_and_polars_exports_keep_every_article_and_mention(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    parquet = pytest.importorskip("pyarrow.parquet")
    article = Article(
        id="a1",
        title="Kadhimi in Baghdad",
        body="العراق",
        date=dt.date(2021, 7, 1),
        lang="en",
        meta={"section": "World"},
        mentions=(Mention("title", 0, 7, "Kadhimi", "per:k", "PER", "Kadhimi", "en", "Kadhimi", "exact"),),
    )
    undated = Article(id="a2", title="", body="x", lang="en")
    corpus = Corpus([article, undated])
    table, mentions = corpus.to_arrow()
    assert table.num_rows == 2 and mentions.num_rows == 1
    assert table.column("date").type == pa.date32()
    assert table.column("date").to_pylist() == [dt.date(2021, 7, 1), None]
    assert json.loads(table.column("meta")[0].as_py()) == {"section": "World"}
    assert mentions.column("start").type == pa.int64()
    assert mentions.column("entity_id").to_pylist() == ["per:k"]
    paths = corpus.to_parquet(tmp_path / "out")
    assert parquet.read_table(paths[1]).equals(mentions)
    assert parquet.read_table(paths[0]).column("id").to_pylist() == ["a1", "a2"]
    pytest.importorskip("polars")
    frames = corpus.to_polars()
    assert frames[0].shape == (2, table.num_columns) and frames[1]["entity_id"].to_list() == ["per:k"]


def test_parquet_holds_a_lone_surrogate_as_the_replacement_character(tmp_path: Path) -> None:
    """Arrow strings are UTF-8: a lone surrogate (a JSON ``\\ud800`` escape read back) becomes
    U+FFFD, one code point for one, so mention offsets stay right; nothing raises."""
    parquet = pytest.importorskip("pyarrow.parquet")
    mention = Mention("body", 6, 10, "Iraq", "country:irq", "LOC", "Iraq", "en", "Iraq", "exact")
    article = Article(id="s1", title="t\ud800", body="\udcff and Iraq", lang="en", mentions=(mention,))
    paths = Corpus([article]).to_parquet(tmp_path / "out")
    table = parquet.read_table(paths[0])
    assert table.column("title").to_pylist() == ["t\ufffd"]
    body = table.column("body").to_pylist()[0]
    assert body == "\ufffd and Iraq" and body[6:10] == "Iraq"
    assert parquet.read_table(paths[1]).column("text").to_pylist() == ["Iraq"]


def test_parquet_files_are_written_whole_or_not_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write that fails part way leaves no partial file and the file before it untouched."""
    parquet = pytest.importorskip("pyarrow.parquet")
    corpus = Corpus([Article(id="a1", title="Iraq", body="x", lang="en")])
    paths = corpus.to_parquet(tmp_path / "out")
    before = paths[0].read_bytes()

    def fail(_table: object, where: Any) -> None:  # writes part of a file, then the disk is full
        if isinstance(where, (str, os.PathLike)):
            Path(where).write_bytes(b"PAR1 part")
        else:
            where.write(b"PAR1 part")
        raise OSError("disk full")

    monkeypatch.setattr(parquet, "write_table", fail)
    with pytest.raises(OSError, match="disk full"):
        Corpus([Article(id="b", title="Syria", body="y", lang="en")]).to_parquet(tmp_path / "out")
    assert paths[0].read_bytes() == before
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["articles.parquet", "mentions.parquet"]
