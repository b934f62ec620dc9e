"""The store as other tools see it: Arabic-aware search cases, sqlite-utils' and Datasette's
full-text detection, the upgrade of a version-1 store, and ``mediamon stats`` on a store."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import mediamon
from mediamon import Article, Corpus, Entity, Gazetteer, Store
from mediamon.errors import InputError, Msg
from mediamon.store import SCHEMA_VERSION, fts5_available

CASES = json.loads((Path(__file__).parents[1] / "data" / "search" / "arabic_queries.json").read_text("utf-8"))

SOLEIMANI = Entity.create("per:qasem-soleimani", "PER", {"en": ["Qasem Soleimani"], "ar": ["قاسم سليماني"]})
IRAQ = Entity.create("country:irq", "LOC", {"en": ["Iraq"], "ar": ["العراق"]})
GAZETTEER = Gazetteer([SOLEIMANI, IRAQ], name="interop-test")


def make(ident: str, body: str, date: str, lang: str) -> Article:
    return Article(id=ident, title="", body=body, date=dt.date.fromisoformat(date), date_text=date, lang=lang)


RAW = [
    make("ar-iraq", "أمطار غزيرة في العراق، بسم الله.", "2021-06-01", "ar"),
    make("ar-withdrawal", "بدأ الانسحاب الكامل من قواعد بالعراق وغادرت القوات.", "2021-07-01", "ar"),
    make("ar-soleimani", "ذكرى اغتيال قاسم سليماني.", "2021-01-03", "ar"),
    make("en-soleimani", "Qasem Soleimani was killed near the airport.", "2021-01-04", "en"),
]

needs_fts5 = pytest.mark.skipif(not fts5_available(), reason="this Python's sqlite3 has no FTS5")


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    corpus = Corpus(RAW).annotate(mediamon.Annotator([GAZETTEER], default=False))
    path = tmp_path_factory.mktemp("interop") / "corpus.db"
    corpus.to_sqlite(path, gazetteer=GAZETTEER)
    return path


@pytest.mark.parametrize("case", CASES["cases"], ids=[c["query"] for c in CASES["cases"]])
def test_arabic_aware_search_cases(store_path: Path, case: dict[str, Any]) -> None:
    with Store(store_path, readonly=True) as store:
        assert [h.article.id for h in store.search(case["query"])] == case["ids"], case["why"]


@needs_fts5
@pytest.mark.parametrize("query", ["soleimani", "airport", "عراق", "سليماني", "انسحاب قوات"])
def test_sqlite_utils_search_finds_the_text_hits_of_mediamon_search(store_path: Path, query: str) -> None:
    sqlite_utils = pytest.importorskip("sqlite_utils")
    db = sqlite_utils.Database(store_path)
    table = db["articles"]
    assert table.detect_fts() == "articles_fts"
    found = {row["id"] for row in table.search(query)}
    with Store(store_path, readonly=True) as store:
        text_hits = {h.article.id for h in store.search(query, limit=100) if "text" in h.by}
    assert found == text_hits and found


@needs_fts5
def test_datasette_search_sql_finds_the_same_rows(store_path: Path) -> None:
    # Datasette's ``_search`` filters ``rowid in (select rowid from <fts> where <fts> match ?)``
    # on the FTS table it detects with this query (its ``detect_fts``).
    conn = sqlite3.connect(store_path)
    (fts,) = conn.execute(
        "SELECT name FROM sqlite_master WHERE rootpage = 0 AND ("
        """sql LIKE '%VIRTUAL TABLE%USING FTS%content="articles"%'"""
        " OR sql LIKE '%VIRTUAL TABLE%USING FTS%content=[articles]%')"
    ).fetchone()
    rows = conn.execute(
        f"SELECT id FROM articles WHERE rowid IN (SELECT rowid FROM [{fts}] WHERE [{fts}] MATCH ?)",
        ['"soleimani"'],
    ).fetchall()
    assert {r[0] for r in rows} == {"en-soleimani"}


@needs_fts5
def test_a_version_1_store_is_upgraded_or_refused_in_one_line(tmp_path: Path, store_path: Path) -> None:
    old = tmp_path / "old.db"
    old.write_bytes(store_path.read_bytes())
    conn = sqlite3.connect(old)
    conn.executescript(
        "DROP TRIGGER search_text_ai; DROP TRIGGER search_text_ad; DROP TABLE articles_fts;"
        "CREATE VIRTUAL TABLE search_fts USING fts5 (title, body, content='search_text', content_rowid='pk');"
        "INSERT INTO search_fts (search_fts) VALUES ('rebuild');"
        "UPDATE store_info SET value = '1' WHERE key = 'schema';"
    )
    conn.commit()
    conn.close()
    with pytest.raises(InputError) as info:
        Store(old, readonly=True)
    assert info.value.reason == Msg.STORE_UPGRADE.format(found="1", want=SCHEMA_VERSION)
    assert "\n" not in info.value.reason
    with Store(old) as store:
        assert [h.article.id for h in store.search("بالعراق")] == ["ar-withdrawal", "ar-iraq"]
    names = {r[0] for r in sqlite3.connect(old).execute("SELECT name FROM sqlite_master")}
    assert "articles_fts" in names and "search_fts" not in names


def test_stats_reads_a_store(store_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mediamon", "stats", str(store_path), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["articles"] == len(RAW)
    assert {row["id"] for row in result["entities"]} == {"per:qasem-soleimani", "country:irq"}
