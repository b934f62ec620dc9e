"""Issue 18: a damaged, locked or full store, huge numbers and repeated crawler ids never crash a
command or lose an article silently."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediamon import Article, Corpus, Origin, Store
from mediamon.cli import main
from mediamon.errors import InputError, Msg
from mediamon.store import schema
from mediamon.store.schema import MAX_INTEGER


def articles(n: int = 3) -> list[Article]:
    return [
        Article(
            id=f"a{i}",
            title=f"Talks in Baghdad {i}",
            body=f"Officials met in Baghdad on day {i}.",
            date=dt.date(2024, 1, i + 1),
            date_text=f"2024-01-0{i + 1}",
            lang="en",
            origin=Origin("crawl.jsonl", i + 1, i + 1),
            meta={"n": i},
        )
        for i in range(n)
    ]


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    status = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


def damage(path: Path, column: str, value: Any, article: str = "a1") -> None:
    conn = sqlite3.connect(path)
    conn.execute(f"UPDATE articles SET {column} = ? WHERE id = ?", (value, article))
    conn.commit()
    conn.close()


DAMAGE = [
    ("date", "2024-13-45", "is not an ISO date"),
    ("date", "yesterday", "is not an ISO date"),
    ("date", 3.5, "is not an ISO date"),
    ("meta", "{not json", "is not a JSON object"),
    ("meta", "[1, 2]", "is not a JSON object"),
    ("meta", b"\xff\xfe", "is not a JSON object"),
    ("title", b"T\xff", "title is bytes"),
    ("origin_first_line", "ten", "origin"),
    ("lang", None, ""),
]


@pytest.mark.parametrize(("column", "value", "said"), DAMAGE, ids=[f"{c}={v!r}" for c, v, _ in DAMAGE])
@pytest.mark.parametrize("command", ["stats", "report", "search"])
def test_a_damaged_row_is_one_line_and_the_rest_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], column: str, value: Any, said: str, command: str
) -> None:
    db = tmp_path / "s.db"
    Corpus(articles()).to_sqlite(db)
    if column == "lang":  # NOT NULL: not damage SQLite lets through; use a blob instead
        value, said = b"en", "lang is bytes"
    damage(db, column, value)
    argv: list[str | Path] = {
        "stats": ["stats", db],
        "report": ["report", db, "-o", tmp_path / "r.html", "-q"],
        "search": ["search", db, "Baghdad", "-q"],
    }[command]
    status, out, err = run(capsys, *argv)
    assert "Traceback" not in err
    assert status == 1
    lines = err.strip().splitlines()
    assert (
        len(lines) == 1
        and lines[0].startswith(f"mediamon: {db}: row 2 (article 'a1'): ")
        and said in lines[0]
    )
    if command == "stats":
        assert "articles  3" in out
    elif command == "search":
        assert sorted(line.split()[0] for line in out.splitlines() if not line.startswith(" ")) == [
            "a0",
            "a1",
            "a2",
        ]
    else:
        want = 2 if column == "title" else 3  # the damaged title reads as "T\ufffd"
        assert (tmp_path / "r.html").read_text(encoding="utf-8").count("Talks in ") >= want


def test_a_damaged_row_keeps_what_it_held(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    Corpus(articles()).to_sqlite(db)
    damage(db, "date", "2024-02-30")
    damage(db, "meta", "{broken", article="a2")
    corpus = Corpus.from_sqlite(db)
    assert [a.id for a in corpus] == ["a0", "a1", "a2"]
    assert corpus[1].date is None and corpus[1].date_text == "2024-01-02"
    assert corpus[2].meta == {"unreadable_meta": "{broken"}
    assert [p.reason.split(":")[0] for p in corpus.problems] == [
        "row 2 (article 'a1')",
        "row 3 (article 'a2')",
    ]
    from mediamon.store import read_store

    with pytest.warns(RuntimeWarning) as caught:
        read_store(db)
    assert [str(w.message).split(": ")[1] for w in caught] == ["row 2 (article 'a1')", "row 3 (article 'a2')"]


@settings(max_examples=60, deadline=None)
@given(
    column=st.sampled_from(["date", "meta", "title", "body", "author", "origin_path", "origin_last_line"]),
    value=st.one_of(
        st.text(max_size=20), st.integers(-(2**63), 2**63 - 1), st.floats(), st.binary(max_size=10)
    ),
)
def test_any_value_in_any_column_reads_without_error(
    tmp_path_factory: pytest.TempPathFactory, column: str, value: Any
) -> None:
    db = tmp_path_factory.mktemp("s") / "s.db"
    Corpus(articles()).to_sqlite(db)
    try:
        damage(db, column, value)
    except sqlite3.IntegrityError:
        return  # a NOT NULL column refused it: not a store SQLite lets exist
    corpus = Corpus.from_sqlite(db)
    assert len(corpus) == 3 and len(corpus.problems) <= 1
    corpus.stats()
    with Store(db, readonly=True) as store:
        store.search("Baghdad")


@pytest.mark.parametrize("line", [2**63, 2**64 + 5, 10**40])
def test_origin_lines_beyond_64_bits_are_clamped(tmp_path: Path, line: int) -> None:
    db = tmp_path / "s.db"
    big = articles(1)[0].evolve(origin=Origin("x.jsonl", line, line))
    with Store(db) as store:
        assert store.add([big]) == 1
    (back,) = Corpus.from_sqlite(db)
    assert back.origin == Origin("x.jsonl", MAX_INTEGER, MAX_INTEGER)


def test_origin_lines_beyond_64_bits_from_a_record_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = {
        "id": "x",
        "title": "t",
        "body": "b",
        "origin": {"path": "p", "first_line": 2**70, "last_line": 2**70},
    }
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(record) + "\n", encoding="utf-8")
    status, _out, err = run(capsys, "segment", src, "-o", tmp_path / "s.db", "-q")
    assert status == 0 and "Traceback" not in err
    assert Corpus.from_sqlite(tmp_path / "s.db")[0].origin == Origin("p", MAX_INTEGER, MAX_INTEGER)


def test_a_locked_store_is_reported_as_locked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "s.db"
    Corpus(articles()).to_sqlite(db)
    monkeypatch.setattr(schema, "BUSY_TIMEOUT", 0.05)
    monkeypatch.setattr("mediamon.store.store.BUSY_TIMEOUT", 0.05)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        for argv in (["search", db, "Baghdad"], ["stats", db], ["report", db, "-o", tmp_path / "r.html"]):
            status, _out, err = run(capsys, *argv)
            assert status == 1, argv
            assert Msg.STORE_LOCKED in err and "not an SQLite database" not in err and "Traceback" not in err
        src = tmp_path / "in.jsonl"
        src.write_text('{"id": "n", "title": "t", "body": "b"}\n', encoding="utf-8")
        status, _out, err = run(capsys, "segment", src, "-o", db)
        assert status == 1 and Msg.STORE_LOCKED in err
        with pytest.raises(InputError, match="locked"):
            Store(db, readonly=True)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_full_disk_exits_2_for_a_store_as_for_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLITE_FULL made real with max_page_count (the store cannot grow past a few pages)."""
    real_connect = sqlite3.connect

    def small(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn = real_connect(*args, **kwargs)
        conn.execute("PRAGMA max_page_count = 12")
        return conn

    monkeypatch.setattr(sqlite3, "connect", small)
    src = tmp_path / "in.jsonl"
    lines = [json.dumps({"id": f"r{i}", "title": f"t{i}", "body": "words " * 400}) for i in range(300)]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    status, _out, err = run(capsys, "segment", src, "-o", tmp_path / "s.db", "-q")
    assert "Traceback" not in err
    assert status == 2
    assert err.strip().startswith(f"mediamon: {tmp_path / 's.db'}: cannot write:") and "full" in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("limit", ["1e30", "10**30", "1.5", "-3", "0", "nan"])
def test_search_limit_that_is_not_a_count_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], limit: str
) -> None:
    db = tmp_path / "s.db"
    Corpus(articles()).to_sqlite(db)
    status, _out, err = run(capsys, "search", db, "Baghdad", "--limit", limit)
    assert status == 2 and "limit" in err and "Traceback" not in err and "datatype" not in err


@pytest.mark.parametrize("limit", [10**30, 1e30, float("inf"), 2**63])
def test_store_limits_beyond_64_bits_mean_all(tmp_path: Path, limit: float) -> None:
    db = tmp_path / "s.db"
    Corpus(articles()).to_sqlite(db)
    with Store(db, readonly=True) as store:
        assert len(store.search("Baghdad", limit=limit)) == 3  # type: ignore[arg-type]
        assert len(store.articles(limit=limit)) == 3  # type: ignore[arg-type]
        for bad in (0, -1, 1.5, float("nan"), True, "3"):
            with pytest.raises(ValueError, match="limit"):
                store.search("Baghdad", limit=bad)  # type: ignore[arg-type]


# -- one crawler id on two different articles ----------------------------------------------------


def test_two_different_records_with_one_id_are_both_stored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "crawl.jsonl"
    rows = [
        {"id": "42", "title": "Talks in Baghdad", "body": "Officials met."},
        {"id": "7", "title": "Other", "body": "Other text."},
        {"id": "42", "title": "Floods in Basra", "body": "Rain fell."},
        {"id": "42", "title": "Talks in Baghdad", "body": "Officials met."},
    ]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    db = tmp_path / "s.db"
    status, _out, err = run(capsys, "segment", src, "-o", db)
    assert status == 1
    stored = Corpus.from_sqlite(db)
    assert sorted(a.title for a in stored) == ["Floods in Basra", "Other", "Talks in Baghdad"]
    renamed = next(a for a in stored if a.title == "Floods in Basra")
    assert renamed.id.startswith("42#") and renamed.meta["crawler_id"] == "42"
    problems = [line for line in err.splitlines() if "crawl.jsonl:" in line]
    assert len(problems) == 1
    assert f"{src}:3: id '42' is also the id of a different article ({src}:1)" in problems[0]
    assert "4 articles" in err and "1 repeat of an article stored once" in err
    # A second run of the same input gives the same ids: the store is unchanged.
    status, _out, _err = run(capsys, "segment", src, "-o", db, "-q")
    assert sorted(a.id for a in Corpus.from_sqlite(db)) == sorted(a.id for a in stored)


@settings(max_examples=40, deadline=None)
@given(picks=st.lists(st.tuples(st.sampled_from("abc"), st.sampled_from("xyz")), min_size=1, max_size=30))
def test_no_article_is_lost_to_a_repeated_id(
    tmp_path_factory: pytest.TempPathFactory, picks: list[tuple[str, str]]
) -> None:
    """Any ids on any texts, in batches of 4: every distinct (id, text) is stored once."""
    made = [
        Article(id=ident, title=text, body=text * 3, origin=Origin("c.jsonl", n + 1, n + 1))
        for n, (ident, text) in enumerate(picks)
    ]
    db = tmp_path_factory.mktemp("s") / "s.db"
    seen: list[Any] = []
    with Store(db) as store:
        store.add(made, batch=4, on_problem=seen.append)
    stored = Corpus.from_sqlite(db)
    assert sorted((a.meta.get("crawler_id", a.id), a.title) for a in stored) == sorted(set(picks))
    # Each (id, text) after the first with its id is reported once; repeats are counted.
    assert len(seen) == len(set(picks)) - len({i for i, _ in picks})
    assert store.repeats == len(picks) - len(set(picks))
