"""Datasette on a store with no configuration: the metadata written beside it, and ``?_search=``
through Datasette's own test client (Datasette is a test extra)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest

import mediamon
from mediamon import Article, Corpus, Store
from mediamon.cli import main
from mediamon.store.datasette import datasette_metadata, metadata_path
from tests.store.test_interop import GAZETTEER, RAW, needs_fts5

TITLED = Article(id="titled", title="Iraq talks", body="Talks on Iraq resumed.", lang="en")


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    corpus = Corpus([TITLED, *RAW]).annotate(mediamon.Annotator([GAZETTEER], default=False))
    path = tmp_path_factory.mktemp("datasette") / "corpus.db"
    corpus.to_sqlite(path, gazetteer=GAZETTEER)
    return path


def test_metadata_is_written_beside_the_store(store_path: Path) -> None:
    path = store_path.with_name("corpus.metadata.json")
    assert metadata_path(store_path) == path
    written = json.loads(path.read_text("utf-8"))
    assert written == datasette_metadata("corpus")
    tables = written["databases"]["corpus"]["tables"]
    assert tables["articles"]["fts_table"] == "articles_fts" and tables["articles"]["label_column"] == "title"
    assert "entity_name" in tables["mentions"]["facets"] and tables["search_text"] == {"hidden": True}


def test_a_metadata_file_mediamon_did_not_write_is_left_alone(tmp_path: Path) -> None:
    theirs = tmp_path / "mine.metadata.json"
    theirs.write_text('{"title": "my own"}', "utf-8")
    with pytest.warns(UserWarning, match="not mediamon's metadata; left as it is"):
        Corpus(RAW).to_sqlite(tmp_path / "mine.db")
    assert theirs.read_text("utf-8") == '{"title": "my own"}'
    Corpus(RAW[:1]).to_sqlite(tmp_path / "other.db")
    Corpus(RAW[1:]).to_sqlite(tmp_path / "other.db", append=True)  # ours: rewritten, no warning
    assert json.loads((tmp_path / "other.metadata.json").read_text("utf-8"))["source"] == "mediamon"


def test_annotate_into_a_store_writes_the_metadata(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = tmp_path / "in.jsonl"
    records.write_text("".join(json.dumps({"id": a.id, "body": a.body}) + "\n" for a in RAW), "utf-8")
    assert main(["annotate", str(records), "-o", str(tmp_path / "run.db"), "-q"]) == 0
    assert json.loads((tmp_path / "run.metadata.json").read_text("utf-8"))["databases"].keys() == {"run"}


def get(store: Path, url: str) -> Any:
    from datasette.app import Datasette

    metadata = json.loads(metadata_path(store).read_text("utf-8"))

    async def fetch() -> Any:
        response = await Datasette([str(store)], metadata=metadata).client.get(url)
        assert response.status_code == 200, response.text
        return response.json()

    return asyncio.run(fetch())


@needs_fts5
@pytest.mark.parametrize("query", ["soleimani", "airport", "سليماني", "عراق"])
def test_datasette_search_finds_the_text_hits_of_mediamon_search(store_path: Path, query: str) -> None:
    pytest.importorskip("datasette")
    rows = get(store_path, f"/corpus/articles.json?_search={query}&_shape=array&_col=id")
    with Store(store_path, readonly=True) as store:
        text_hits = {h.article.id for h in store.search(query, limit=100) if "text" in h.by}
    assert {r["id"] for r in rows} == text_hits and text_hits


@needs_fts5
def test_datasette_serves_the_metadata_facets_and_hides_the_index_tables(store_path: Path) -> None:
    pytest.importorskip("datasette")
    page = get(store_path, "/corpus/articles.json?_size=1")
    assert set(page["facet_results"]) >= {"source", "lang", "date"}
    database = get(store_path, "/corpus.json")
    hidden = {t["name"] for t in database["tables"] if t["hidden"]}
    assert {"search_text", "store_info", "articles_fts"} <= hidden
    assert {"articles", "mentions", "entities"}.isdisjoint(hidden)
    mentions = get(store_path, "/corpus/mentions.json?_labels=on&_size=1&_shape=objects")
    assert mentions["rows"][0]["article_pk"] == {"value": 1, "label": "Iraq talks"}  # by its title
