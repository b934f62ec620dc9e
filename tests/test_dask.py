"""mediamon.dask: the same mentions as Annotator.annotate, on dask's process scheduler and a local cluster."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("dask.bag")

import dask
import dask.bag as db

import mediamon
from mediamon import dask as mdask
from tests.conftest import DATA

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "000_ee85a602ba24a7e5.txt"
IRAQ = DATA / "gazetteers" / "iraq.jsonl"
RECORDS = [
    {"id": "r1", "title": "Baghdad talks", "body": "Iraq and Iran met in Baghdad.", "source": "Wire"},
    {"id": "r2", "headline": "زيارة", "text": "وصل الوفد إلى بغداد من العراق", "published": "2021-07-18"},
    {"title": "No id here", "content": "The United States and Iraq.", "lang": "en"},
    {"id": "r4", "title": "Nothing", "body": "No entity at all."},
]


def _expected_from_records() -> list[dict[str, Any]]:
    annotator = mediamon.Annotator([IRAQ], default=False)
    return [annotator.annotate(_record_article(record)).to_dict() for record in RECORDS]


def _record_article(record: dict[str, Any]) -> mediamon.Article:
    from mediamon.io.records import record_to_article

    return record_to_article(record, path="x", line=1).evolve(origin=None)


def test_records_bag_matches_annotator_on_the_process_scheduler() -> None:
    bag = db.from_sequence(RECORDS, npartitions=2)
    result = mdask.annotate_bag(bag, [IRAQ], default=False).compute(scheduler="processes", num_workers=2)
    assert result == _expected_from_records()
    assert any(r["mentions"] for r in result)
    json.dumps(result)  # the output schema is JSON-ready


def test_read_bag_one_partition_per_file(tmp_path: Path) -> None:
    records = tmp_path / "records.jsonl"
    records.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS), encoding="utf-8")
    bag = mdask.read_bag([EXAMPLE, records])
    assert bag.npartitions == 2
    articles = bag.compute(scheduler="sync")
    assert [a.to_dict() for a in articles] == [a.to_dict() for a in mediamon.read([EXAMPLE, records])]


def test_read_bag_takes_a_glob(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_bytes(EXAMPLE.read_bytes())
    bag = mdask.read_bag(str(tmp_path / "*.txt"))
    assert bag.npartitions == 2
    assert bag.count().compute(scheduler="sync") == 2 * len(mediamon.read(EXAMPLE))


def test_articles_bag_matches_annotator_with_default_gazetteers() -> None:
    corpus = mediamon.read(EXAMPLE)
    annotator = mediamon.Annotator()
    expected = [annotator.annotate(a).to_dict() for a in corpus]
    bag = db.from_sequence(list(corpus), npartitions=3)
    result = mdask.annotate_bag(bag).compute(scheduler="processes", num_workers=2)
    assert result == expected


def test_annotator_is_built_once_per_process() -> None:
    mdask._ANNOTATORS.clear()
    corpus = mediamon.read(EXAMPLE)
    specs = mdask._spec([IRAQ])
    first = mdask.annotate_partition(corpus.articles[:2], specs, False)
    second = mdask.annotate_partition(corpus.articles[2:4], specs, False)
    assert len(mdask._ANNOTATORS) == 1 and len(first) == len(second) == 2


def test_to_dataframe_has_one_row_per_mention() -> None:
    pytest.importorskip("dask.dataframe")
    corpus = mediamon.read(EXAMPLE)
    annotator = mediamon.Annotator([IRAQ], default=False)
    expected = [(a.id, m.entity_id, m.start) for a in map(annotator.annotate, corpus) for m in a.mentions]
    bag = mdask.annotate_bag(db.from_sequence(list(corpus), npartitions=2), [IRAQ], default=False)
    with dask.config.set(scheduler="sync"):
        frame = mdask.to_dataframe(bag).compute()
    assert list(frame.columns) == list(mdask.MENTION_COLUMNS)
    assert list(zip(frame.article_id, frame.entity_id, frame.start, strict=True)) == expected


def test_local_cluster_gives_the_same_output() -> None:
    distributed = pytest.importorskip("distributed")
    corpus = mediamon.read(EXAMPLE)
    annotator = mediamon.Annotator([IRAQ], default=False)
    expected = [annotator.annotate(a).to_dict() for a in corpus]
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        bag = mdask.read_bag(EXAMPLE).repartition(npartitions=2)
        result = client.compute(mdask.annotate_bag(bag, [IRAQ], default=False)).result()
        records = client.compute(
            mdask.annotate_bag(db.from_sequence(RECORDS, npartitions=2), [IRAQ], default=False)
        ).result()
    assert result == expected
    assert records == _expected_from_records()


def test_read_bag_takes_web_inputs(tmp_path: Path) -> None:
    """Pages, feeds and pages under an unknown suffix read as read() reads them, one partition each."""
    import shutil

    web = DATA / "web"
    for name in ("ar_news.html", "feed_atom.xml"):
        shutil.copy(web / name, tmp_path / name)
    shutil.copy(web / "en_comments.html", tmp_path / "story.php")
    bag = mdask.read_bag(tmp_path)
    assert bag.npartitions == 3
    articles = bag.compute(scheduler="sync")
    assert [a.to_dict() for a in articles] == [a.to_dict() for a in mediamon.read(tmp_path)]
    assert {a.meta["format"] for a in articles} == {"html", "feed"}
