"""The daily loop: incremental runs into a store, watch lists, Wikidata QIDs carried through."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from mediamon.cli import main
from mediamon.match.annotate import Annotator
from mediamon.model import Article, Mention
from mediamon.store import Store
from tests.conftest import DATA

GAZ = (
    '{"id": "org:acme", "type": "ORG", "name": "Acme Corporation", "names": {"en": ["Acme Corporation"]},'
    ' "meta": {"wikidata": "Q123456"}}\n'
    '{"id": "per:jane-roe", "type": "PER", "name": "Jane Roe", "names": {"en": ["Jane Roe"]}}\n'
)
DAY1 = "Acme Corporation opens a plant\n\nJane Roe said Acme Corporation would hire.\n"
DAY2 = "Jane Roe resigns\n\nJane Roe left on Monday; nobody else was named.\n"


def records(path: Path, *texts: str) -> None:
    rows = [{"title": t.split("\n")[0], "body": t.split("\n\n", 1)[1], "date": "2026-01-02"} for t in texts]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    status = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "in").mkdir()
    (tmp_path / "gaz.jsonl").write_text(GAZ, encoding="utf-8")
    (tmp_path / "ids.txt").write_text("# watched\nper:jane-roe  the CEO\nQ123456\n", encoding="utf-8")
    records(tmp_path / "in" / "day1.jsonl", DAY1)
    return tmp_path


def annotate(capsys: pytest.CaptureFixture[str], folder: Path, *extra: str) -> tuple[int, str, str]:
    return run(
        capsys,
        "annotate",
        "--incremental",
        "--no-default",
        "-g",
        folder / "gaz.jsonl",
        "-o",
        folder / "corpus.db",
        folder / "in",
        *extra,
    )


def test_second_run_skips_stored_files_and_reads_only_the_new_one(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    status, _, err = annotate(capsys, folder)
    assert status == 0
    assert "1 file read, 0 skipped (already stored), 1 article" in err
    records(folder / "in" / "day2.jsonl", DAY2)
    status, _, err = annotate(capsys, folder)
    assert "1 file read, 1 skipped (already stored), 1 article" in err
    # A renamed copy is the same content; a file rewritten with new content is read again.
    shutil.copy(folder / "in" / "day1.jsonl", folder / "in" / "copy.jsonl")
    status, _, err = annotate(capsys, folder)
    assert "0 files read, 3 skipped" in err
    records(folder / "in" / "day1.jsonl", DAY1, DAY2.replace("Monday", "Tuesday"))
    status, _, err = annotate(capsys, folder)
    assert "1 file read, 2 skipped" in err
    with Store(folder / "corpus.db", readonly=True) as store:
        assert [(r.files_read, r.files_skipped) for r in store.runs()] == [(1, 0), (1, 1), (0, 3), (1, 2)]


def test_same_size_different_content_is_not_skipped(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    annotate(capsys, folder)
    path = folder / "in" / "day1.jsonl"
    path.write_text(path.read_text(encoding="utf-8").replace("plant", "PLANT"), encoding="utf-8")
    _, _, err = annotate(capsys, folder)
    assert "1 file read, 0 skipped" in err


def test_watch_lists_only_the_new_runs_mentions_as_table_and_json(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    status, out, _ = annotate(capsys, folder, "--watch", folder / "ids.txt")
    assert status == 0
    assert out.startswith("3 new mentions of 2 of 2 watched entities, in run 1")
    assert "org:acme      Q123456  2 " in out
    records(folder / "in" / "day2.jsonl", DAY2)
    status, out, _ = annotate(capsys, folder, "--watch", folder / "ids.txt", "--alerts", "-")
    alert = json.loads(out)
    assert alert["run"] == 2 and alert["count"] == 2
    assert {m["entity_id"] for m in alert["mentions"]} == {"per:jane-roe"}
    assert all(m["title"] == "Jane Roe resigns" for m in alert["mentions"])
    # The watch command lists the same from the store alone, and since any run.
    status, out, _ = run(capsys, "watch", folder / "corpus.db", "--watch", folder / "ids.txt")
    assert status == 0 and out.startswith("2 new mentions of 1 of 2 watched entities, in run 2")
    status, out, _ = run(capsys, "watch", folder / "corpus.db", "--watch", folder / "ids.txt", "--since", "0")
    assert out.startswith("5 new mentions of 2 of 2 watched entities, since run 0")


def test_unknown_watched_id_is_reported_by_file(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    (folder / "ids.txt").write_text("per:nobody\n", encoding="utf-8")
    status, out, err = annotate(capsys, folder, "--watch", folder / "ids.txt")
    assert status == 1
    assert "ids.txt: no entity 'per:nobody' in the gazetteers" in err
    assert out.startswith("0 new mentions")


def test_incremental_and_watch_need_a_store(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    status, _, err = run(capsys, "annotate", "--incremental", "-o", folder / "out.jsonl", folder / "in")
    assert status == 2 and "--incremental needs a store" in err
    status, _, err = run(capsys, "watch", folder / "none.db", "--watch", folder / "ids.txt")
    assert status == 2


def test_store_new_mentions_api(tmp_path: Path) -> None:
    annotator = Annotator([str(DATA / "gazetteers" / "iraq.jsonl")], default=False)
    first = annotator.annotate(Article(id="a1", title="Anbar", body="Anbar and Babil.", lang="en"))
    second = annotator.annotate(Article(id="a2", title="Babil", body="Babil again.", lang="en"))
    with Store(tmp_path / "c.db") as store:
        one = store.begin_run(["a"])
        store.add([first])
        store.finish_run(one, articles=1)
        two = store.begin_run(["b"])
        store.add([second, first])  # re-adding an article does not make it new again
        store.finish_run(two, articles=2)
        assert [m.mention.text for m in store.new_mentions()] == ["Babil", "Babil"]
        assert [m.mention.text for m in store.new_mentions(since=0, entities=["adm:iq-anbar"])] == [
            "Anbar",
            "Anbar",
        ]
        assert store.new_mentions(since="2999-01-01") == []
        assert len(store.new_mentions(since=store.runs()[0].started)) == 5
        assert store.new_mentions(entities=[]) == []


def test_wikidata_from_gazetteer_reaches_mentions_rows_and_store(tmp_path: Path) -> None:
    gaz = tmp_path / "gaz.jsonl"
    gaz.write_text(GAZ, encoding="utf-8")
    article = Annotator([str(gaz)], default=False).annotate(Article(id="d1", title="", body=DAY1, lang="en"))
    qids = {m.entity_id: m.wikidata for m in article.mentions}
    assert qids == {"org:acme": "Q123456", "per:jane-roe": None}
    acme = next(m for m in article.mentions if m.entity_id == "org:acme")
    assert acme.to_dict()["wikidata"] == "Q123456"
    assert "wikidata" not in next(m for m in article.mentions if m.wikidata is None).to_dict()
    assert Mention.from_dict(acme.to_dict()) == acme
    with Store(tmp_path / "c.db") as store:
        store.add([article])  # no gazetteer given: the QID comes from the mentions
        assert store.articles()[0].mentions == article.mentions


def test_bad_qid_in_gazetteer_is_a_problem(tmp_path: Path) -> None:
    from mediamon.errors import GazetteerError
    from mediamon.match.gazetteer import Gazetteer

    gaz = tmp_path / "gaz.jsonl"
    gaz.write_text(GAZ.replace("Q123456", "wd:123"), encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"meta\.wikidata must be a Wikidata QID"):
        Gazetteer.load(gaz)


def test_bundled_gazetteers_carry_wikidata_qids() -> None:
    from mediamon.match.gazetteer import Gazetteer, wikidata_of

    gazetteer = Gazetteer.bundled()
    qids = {e.id: wikidata_of(e.meta) for e in gazetteer if wikidata_of(e.meta)}
    assert qids["country:irq"] == "Q796"
    assert qids["per:donald-trump"] == "Q22686"
    assert len(qids) == len(set(qids.values()))  # one entity per item
    # They are the curated table's, written by the build (never hand-edited into the data).
    table = Path(__file__).resolve().parents[2] / "tools" / "gazetteers" / "curated" / "wikidata.tsv"
    rows = [line.split("\t") for line in table.read_text(encoding="utf-8").splitlines()]
    assert qids == {row[0]: row[1] for row in rows if row[0] and not row[0].startswith("#")}
    assert qids["country:tur"] == "Q43" and qids["loc:geonames-323786"] == "Q3640"  # Ankara
    article = Annotator().annotate(Article(id="x", title="", body="Baghdad, Iraq", lang="en"))
    assert {m.wikidata for m in article.mentions} >= {"Q796", "Q1530"}
