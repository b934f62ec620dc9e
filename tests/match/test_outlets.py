"""Outlets linked to MEDIA entities (match/outlets.py) at annotation time; cases in outlet_cases.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import mediamon
from mediamon import Annotator, Article
from mediamon.match.gazetteer import Entity, Gazetteer

DATA = Path(__file__).parents[1] / "data"
CASES: list[dict[str, Any]] = json.loads((DATA / "outlet_cases.json").read_text(encoding="utf-8"))["cases"]


@pytest.fixture(scope="module")
def annotator() -> Annotator:
    return Annotator()


def _article(fields: dict[str, Any]) -> Article:
    return Article(
        id=fields.pop("id", "x"),
        title=fields.pop("title", "Title"),
        body=fields.pop("body", "Body."),
        **fields,
    )


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_outlet_is_linked(annotator: Annotator, case: dict[str, Any]) -> None:
    article = annotator.annotate(_article(dict(case["article"])))
    assert article.meta.get("source_id") == case["source_id"]
    if "source_from" in case:
        assert article.meta["source_from"] == case["source_from"]
    for field in ("source", "author"):
        if field in case:
            assert getattr(article, field) == case[field]
    if "dateline" in case:
        assert article.meta.get("dateline") == case["dateline"]
    if case.get("place"):
        place = article.meta["dateline_place_id"]
        assert annotator.gazetteer[place].type == "LOC"


def test_user_gazetteer_outlet_and_domain_win() -> None:
    mine = Gazetteer(
        [
            Entity.create(
                "media:bugle", "MEDIA", {"en": ["The Village Bugle"]}, meta={"domains": ["bugle.example"]}
            )
        ]
    )
    annotator = Annotator(mine)
    by_url = annotator.annotate(_article({"url": "https://www.bugle.example/2024/x"}))
    assert by_url.meta["source_id"] == "media:bugle" and by_url.source == "The Village Bugle"
    assert annotator.annotate(_article({"source": "the village bugle"})).meta["source_id"] == "media:bugle"


def test_every_bundled_domain_is_owned_by_one_media_entity() -> None:
    owners: dict[str, str] = {}
    for entity in Gazetteer.default(plugins=False):
        for domain in entity.meta.get("domains", ()):
            assert entity.type == "MEDIA"
            assert domain == domain.strip().lower() and not domain.startswith(("http", "www."))
            assert owners.setdefault(domain, entity.id) == entity.id, domain


def test_counts_by_outlet_are_counts_by_id_across_scripts(tmp_path: Path) -> None:
    annotator = Annotator()
    articles = [
        annotator.annotate(_article({"id": "a", "title": "Iraq", "source": "الميادين"})),
        annotator.annotate(_article({"id": "b", "title": "Iraq", "source": "Al Mayadeen"})),
        annotator.annotate(_article({"id": "c", "title": "Iraq", "url": "https://www.almayadeen.net/x"})),
    ]
    corpus = mediamon.Corpus(articles)
    (row,) = [r for r in corpus.entity_table() if r.id == "country:irq"]
    assert row.by_source == (("media:al-mayadeen", 3),)
    # The id travels in JSON Lines and in the store, and the store finds the outlet by it.
    path = tmp_path / "out.jsonl"
    path.write_text(
        "".join(json.dumps(a.to_dict(), ensure_ascii=False) + "\n" for a in corpus), encoding="utf-8"
    )
    assert {a.meta["source_id"] for a in mediamon.read(path)} == {"media:al-mayadeen"}
    store = tmp_path / "s.db"
    corpus.to_sqlite(store)
    with mediamon.Store(store, readonly=True) as opened:
        assert len(opened.articles(source="media:al-mayadeen")) == 3
        assert len(opened.articles(source="al mayadeen")) == 2  # b, and c whose source came from its URL
