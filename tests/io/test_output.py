"""Writers: format by suffix, atomic replacement, standard output, read-back of every format."""

from __future__ import annotations

import csv
import gzip
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

import mediamon
from mediamon import Article, Corpus
from mediamon.errors import Msg, UsageError
from mediamon.io.output import dumps, output_format, write_articles
from tests.conftest import DATA

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "000_ee85a602ba24a7e5.txt"


@pytest.fixture(scope="module")
def annotated() -> Corpus:
    annotator = mediamon.Annotator([DATA / "gazetteers" / "iraq.jsonl"], default=False)
    return mediamon.read(EXAMPLE).annotate(annotator)


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("out.jsonl", "jsonl"),
        ("out.ndjson", "jsonl"),
        ("out.json", "json"),
        ("out.csv", "csv"),
        ("out.tsv", "tsv"),
        ("OUT.JSONL", "jsonl"),
        ("dir.v2/out.csv", "csv"),
        ("out.jsonl.gz", "jsonl"),
        ("out.tsv.xz", "tsv"),
        ("-", "jsonl"),
        (None, "jsonl"),
    ],
)
def test_output_format_by_suffix(name: str | None, fmt: str) -> None:
    assert output_format(name) == fmt


@pytest.mark.parametrize(
    ("name", "shown"),
    [("out.txt", ".txt"), ("out.xml", ".xml"), ("out", "out"), ("out.gz", ".gz"), ("out.jsonl.zip", ".zip")],
)
def test_unknown_output_suffix_is_a_usage_error(tmp_path: Path, name: str, shown: str) -> None:
    with pytest.raises(UsageError) as info:
        write_articles([], tmp_path / name)
    assert info.value.reason == Msg.USAGE_OUTPUT.format(suffix=shown)
    assert not (tmp_path / name).exists()


@pytest.mark.parametrize(
    "name", ["out.jsonl", "out.ndjson", "out.json", "out.csv", "out.tsv", "out.jsonl.gz", "out.csv.bz2"]
)
def test_every_format_reads_back_as_the_same_articles(tmp_path: Path, annotated: Corpus, name: str) -> None:
    path = tmp_path / name
    assert write_articles(annotated, path) == len(annotated)
    again = mediamon.read(path)
    assert again.problems == ()
    assert again.articles == annotated.articles


def test_jsonl_is_one_article_a_line_with_the_contract_keys(tmp_path: Path, annotated: Corpus) -> None:
    path = tmp_path / "out.jsonl"
    annotated.write(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(annotated) == 22
    first = json.loads(lines[0])
    keys = "id title body date date_text author source url lang origin meta mentions"
    assert list(first) == keys.split()
    assert first["date"] == "2021-10-06" and first["origin"]["first_line"] == 1
    arabic = next(i for i, a in enumerate(annotated) if a.lang == "ar")
    assert annotated[arabic].title in lines[arabic]  # Arabic is written as itself, not as \\u escapes


def test_json_is_one_array(tmp_path: Path, annotated: Corpus) -> None:
    path = tmp_path / "out.json"
    annotated.write(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert [d["id"] for d in data] == [a.id for a in annotated]
    write_articles([], path)
    assert json.loads(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(("name", "delimiter"), [("out.csv", ","), ("out.tsv", "\t")])
def test_csv_has_a_header_and_json_cells(
    tmp_path: Path, annotated: Corpus, name: str, delimiter: str
) -> None:
    path = tmp_path / name
    annotated.write(path)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=delimiter))
    assert len(rows) == len(annotated)
    assert rows[0]["title"] == annotated[0].title and rows[0]["body"] == annotated[0].body
    assert json.loads(rows[0]["mentions"]) == [m.to_dict() for m in annotated[0].mentions]
    assert json.loads(rows[0]["origin"]) == annotated[0].origin.to_dict()  # type: ignore[union-attr]


def test_compressed_output_is_deterministic(tmp_path: Path, annotated: Corpus) -> None:
    a, b = tmp_path / "a.jsonl.gz", tmp_path / "b.jsonl.gz"
    annotated.write(a)
    annotated.write(b)
    assert a.read_bytes() == b.read_bytes()
    assert gzip.decompress(a.read_bytes()).decode("utf-8").count("\n") == len(annotated)


@pytest.mark.parametrize("target", ["-", None])
def test_stdout(capsys: pytest.CaptureFixture[str], annotated: Corpus, target: str | None) -> None:
    assert write_articles(annotated[:3], target) == 3
    out = capsys.readouterr().out
    assert [json.loads(line)["id"] for line in out.splitlines()] == [a.id for a in annotated[:3]]


def test_stdout_is_utf8_whatever_the_locale(monkeypatch: pytest.MonkeyPatch, annotated: Corpus) -> None:
    raw = io.BytesIO()
    monkeypatch.setattr("sys.stdout", io.TextIOWrapper(raw, encoding="ascii"))
    arabic = [a for a in annotated if a.lang == "ar"][:1]
    write_articles(arabic, "-")
    assert json.loads(raw.getvalue().decode("utf-8"))["title"] == arabic[0].title


def _failing(articles: list[Article], after: int) -> Iterator[Article]:
    for i, article in enumerate(articles):
        if i == after:
            raise RuntimeError("crash mid-write")
        yield article


@pytest.mark.parametrize("name", ["out.jsonl", "out.json", "out.csv", "out.jsonl.gz"])
def test_crash_mid_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, annotated: Corpus, name: str
) -> None:
    path = tmp_path / name
    write_articles(annotated[:2], path)
    before = path.read_bytes()
    with pytest.raises(RuntimeError, match="crash mid-write"):
        write_articles(_failing(list(annotated), after=len(annotated) // 2), path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_crash_before_the_first_write_creates_nothing(tmp_path: Path, annotated: Corpus) -> None:
    path = tmp_path / "new" / "out.jsonl"
    with pytest.raises(RuntimeError):
        write_articles(_failing(list(annotated), after=0), path)
    assert not path.exists() and list(path.parent.iterdir()) == []


def test_lone_surrogates_are_written_as_escapes_and_read_back() -> None:
    article = Article(id="s", title="a\ud800b", body="\udfff")
    line = dumps(article)
    line.encode("utf-8")  # valid UTF-8
    assert '"a\\ud800b"' in line
    assert Article.from_dict(json.loads(line)) == article


def test_a_surrogate_pair_reads_back_as_its_character(tmp_path: Path) -> None:
    path = tmp_path / "pair.jsonl"
    Corpus([Article(id="p", title="\ud83d\ude00", body="")]).to_jsonl(path)
    assert Corpus.from_jsonl(path)[0].title == "😀"


def test_lone_surrogates_in_csv_do_not_crash(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    write_articles([Article(id="s", title="a\ud800b", body="")], path)
    assert "a\\ud800b" in path.read_text(encoding="utf-8")
