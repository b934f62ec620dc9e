"""The segment/annotate pipeline streams: output grows in a temporary file, memory holds one file,
an interrupted run leaves nothing, and every format and ``--jobs`` gives the same result."""

from __future__ import annotations

import io
import json
import os
import sys
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import mediamon
from mediamon.cli import main, pipeline
from mediamon.errors import Msg
from mediamon.io import inputs
from mediamon.io.output import ArticleWriter, open_writer, write_articles
from mediamon.match.annotate import Annotator
from mediamon.model import Article
from mediamon.store import read_store
from tests.conftest import DATA

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "000_ee85a602ba24a7e5.txt"
IRAQ = DATA / "gazetteers" / "iraq.jsonl"
PER_FILE = 22  # articles in the sample dump


def _inputs(tmp_path: Path, copies: int = 4) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(copies):
        (folder / f"d{i}.txt").write_bytes(EXAMPLE.read_bytes())
    return folder


def _spy_reads(monkeypatch: pytest.MonkeyPatch, before_each: Callable[[int], None]) -> None:
    """Call ``before_each(n)`` before the n-th file (from 0) is read (each is streamed)."""
    real = inputs.stream_file
    calls = [0]

    def spy(name: str, **kwargs: Any) -> Iterator[mediamon.Article]:
        before_each(calls[0])
        calls[0] += 1
        return real(name, **kwargs)

    monkeypatch.setattr(inputs, "stream_file", spy)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.parametrize("name", ["out.jsonl", "out.json", "out.csv"])
def test_output_grows_in_a_temporary_file_and_appears_at_the_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    folder = _inputs(tmp_path)
    out = tmp_path / name
    seen: list[tuple[bool, int]] = []

    def look(_: int) -> None:
        temps = [p for p in tmp_path.iterdir() if p.name.startswith(f".{name}.") and p.name.endswith(".tmp")]
        assert len(temps) == 1
        seen.append((out.exists(), temps[0].stat().st_size))

    _spy_reads(monkeypatch, look)
    assert main(["annotate", str(folder), "-g", str(IRAQ), "--no-default", "-o", str(out), "-q"]) == 0
    assert [exists for exists, _ in seen] == [False] * 4
    sizes = [size for _, size in seen]
    assert sizes == sorted(sizes) and sizes[-1] > sizes[1] > 0  # written as it goes
    assert out.exists() and _leftovers(tmp_path) == []
    monkeypatch.undo()
    expected = tmp_path / f"expected{out.suffix}"
    annotator = mediamon.Annotator([IRAQ], default=False)
    write_articles(map(annotator.annotate, mediamon.read(folder)), expected)
    assert out.read_bytes() == expected.read_bytes()


def test_memory_holds_one_file_of_articles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _inputs(tmp_path, copies=5)
    written: weakref.WeakSet[mediamon.Article] = weakref.WeakSet()
    alive: list[int] = []
    real_write = ArticleWriter.write

    def write(self: ArticleWriter, article: mediamon.Article) -> None:
        written.add(article)
        real_write(self, article)

    monkeypatch.setattr(ArticleWriter, "write", write)
    _spy_reads(monkeypatch, lambda n: alive.append(len(written)))
    status = main(["annotate", str(folder), "-g", str(IRAQ), "--no-default", "-o", str(tmp_path / "o.jsonl")])
    assert status == 0
    assert len(alive) == 5
    # When a file is read, at most the articles of the one before are still alive, never the corpus.
    assert max(alive) <= PER_FILE
    assert "110 articles" in capsys.readouterr().err


def test_interrupted_run_leaves_no_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _inputs(tmp_path)
    out, dropped = tmp_path / "out.jsonl", tmp_path / "dropped.jsonl"

    def interrupt(n: int) -> None:
        if n == 2:
            raise KeyboardInterrupt

    _spy_reads(monkeypatch, interrupt)
    status = main(["segment", str(folder), "-o", str(out), "--dropped", str(dropped)])
    assert status == 130
    assert "mediamon: interrupted" in capsys.readouterr().err
    assert not out.exists() and not dropped.exists() and _leftovers(tmp_path) == []


def test_a_worker_that_dies_fails_the_run_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import multiprocessing

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the patched reader reaches workers only when they are forked")
    folder = _inputs(tmp_path)
    real = Annotator.annotate

    def dying(self: Annotator, article: Article) -> Article:
        if article.origin is not None and article.origin.path.endswith("d2.txt"):
            os._exit(3)  # only workers annotate with --jobs: the reading process lives on
        return real(self, article)

    monkeypatch.setattr(Annotator, "annotate", dying)
    out = tmp_path / "out.jsonl"
    argv = ["annotate", str(folder), "-g", str(IRAQ), "--no-default", "--jobs", "2", "-o", str(out)]
    status = main(argv)
    err = capsys.readouterr().err
    assert status == 1
    assert Msg.WORKER_DIED.split("(")[0] in err and "Traceback" not in err
    assert not out.exists() and _leftovers(tmp_path) == []


@pytest.mark.parametrize("split", [False, True], ids=["whole-files", "files-split"])
def test_dropped_and_problems_stream_in_input_order_with_jobs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], split: bool
) -> None:
    if split:  # every file read by the parent and shared out in chunks of two articles
        monkeypatch.setattr(pipeline, "SPLIT_BYTES", 0)
        monkeypatch.setattr(pipeline, "CHUNK_ARTICLES", 2)
    folder = _inputs(tmp_path, copies=3)
    (folder / "bad.jsonl").write_text('{"title": "ok", "body": "fine"}\n{oops\n', encoding="utf-8")
    results = []
    for jobs in ("1", "2"):
        out, dropped = tmp_path / f"out{jobs}.jsonl", tmp_path / f"dropped{jobs}.jsonl"
        argv = ["annotate", str(folder), str(tmp_path / "missing.txt"), "-g", str(IRAQ), "--no-default"]
        status = main([*argv, "--jobs", jobs, "-o", str(out), "--dropped", str(dropped)])
        err = capsys.readouterr().err
        results.append((status, out.read_bytes(), dropped.read_bytes(), err))
    assert results[0] == results[1]
    status, _, dropped_bytes, err = results[0]
    assert status == 1
    lines = err.splitlines()
    assert lines[0].startswith(f"mediamon: {folder / 'bad.jsonl'}:2: ")
    assert lines[1] == f"mediamon: {tmp_path / 'missing.txt'}: {Msg.NOT_FOUND}"
    assert lines[2].startswith(f"mediamon: {3 * PER_FILE + 1} articles")
    rows = [json.loads(line) for line in dropped_bytes.decode("utf-8").splitlines()]
    assert len(rows) == 3 * len(mediamon.read(EXAMPLE).dropped)


@pytest.mark.parametrize("suffix", [".json", ".csv", ".tsv", ".jsonl.gz"])
def test_jobs_2_gives_the_same_bytes_in_every_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    folder = _inputs(tmp_path, copies=3)
    outputs = []
    for jobs in ("1", "2", "2-split"):
        if jobs == "2-split":
            monkeypatch.setattr(pipeline, "SPLIT_BYTES", 0)
        out = tmp_path / f"out{jobs}{suffix}"
        argv = ["annotate", str(folder), "-g", str(IRAQ), "--no-default", "--jobs", jobs[0], "-o", str(out)]
        assert main(argv) == 0
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2] and outputs[0]


def test_jobs_share_out_one_file_at_article_boundaries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import multiprocessing

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the patched annotator reaches workers only when they are forked")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "one.txt").write_bytes(EXAMPLE.read_bytes())
    real = Annotator.annotate
    pids = tmp_path / "pids"

    def noting(self: Annotator, article: Article) -> Article:
        with pids.open("a", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()}\n")
        return real(self, article)

    monkeypatch.setattr(pipeline, "SPLIT_BYTES", 1000)  # the sample is split, not sent whole
    monkeypatch.setattr(pipeline, "CHUNK_ARTICLES", 2)
    monkeypatch.setattr(Annotator, "annotate", noting)
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.jsonl"
        argv = ["annotate", str(folder), "-g", str(IRAQ), "--no-default", "--jobs", jobs, "-o", str(out)]
        assert main(argv) == 0
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] and outputs[0].count(b"\n") == PER_FILE
    with_jobs = pids.read_text(encoding="utf-8").split()[PER_FILE:]
    assert len(with_jobs) == PER_FILE
    # The first chunk is annotated here, before the workers start (what it builds on first
    # use is then shared); the rest of the one file went to both workers.
    assert with_jobs[:2] == [str(os.getpid())] * 2
    in_workers = with_jobs[2:]
    assert str(os.getpid()) not in in_workers and len(set(in_workers)) == 2


@pytest.mark.parametrize("split", [False, True], ids=["whole-files", "files-split"])
def test_store_output_is_added_in_batches_with_jobs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], split: bool
) -> None:
    if split:
        monkeypatch.setattr(pipeline, "SPLIT_BYTES", 0)
    folder = _inputs(tmp_path, copies=2)
    stored = []
    for jobs in ("1", "2"):
        db = tmp_path / f"out{jobs}.db"
        argv = ["annotate", str(folder), "-g", str(IRAQ), "--no-default", "--jobs", jobs, "-o", str(db)]
        assert main(argv) == 0
        stored.append([a.to_dict() for a in read_store(db)])
    assert stored[0] == stored[1]
    assert len(stored[0]) == PER_FILE  # the second copy has the same ids: upserted
    assert any(a["mentions"] for a in stored[0])


def test_stdin_with_jobs(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(EXAMPLE.read_bytes())))
    status = main(["annotate", "-", "-g", str(IRAQ), "--no-default", "--jobs", "2"])
    out = capsys.readouterr().out
    assert status == 0 and len(out.splitlines()) == PER_FILE


@pytest.mark.parametrize("name", ["a.jsonl", "a.json", "a.csv", "a.tsv", "a.json.gz"])
@pytest.mark.parametrize("count", [0, 1, 5])
def test_open_writer_writes_what_write_articles_writes(tmp_path: Path, name: str, count: int) -> None:
    articles = list(mediamon.read(EXAMPLE))[:count]
    with open_writer(tmp_path / name) as writer:
        for article in articles:
            writer.write(article)
    assert writer.count == count
    expected = tmp_path / f"expected-{name}"
    write_articles(articles, expected)
    assert (tmp_path / name).read_bytes() == expected.read_bytes()


def test_open_writer_leaves_nothing_when_the_block_fails(tmp_path: Path) -> None:
    target = tmp_path / "a.jsonl"
    with pytest.raises(RuntimeError), open_writer(target) as writer:
        writer.write(next(iter(mediamon.read(EXAMPLE))))
        raise RuntimeError("stop")
    assert list(tmp_path.iterdir()) == []


def _record_file(folder: Path, copies: int, bad: tuple[int, ...]) -> Path:
    """The sample's articles ``copies`` times as one JSON Lines file (distinct ids), lines ``bad`` broken."""
    lines = []
    for copy in range(copies):
        for i, article in enumerate(mediamon.read(EXAMPLE), start=1):
            record = {"id": f"c{copy}-{i}", "title": article.title, "body": article.body}
            lines.append(json.dumps(record, ensure_ascii=False))
    for number in bad:
        lines[number - 1] = "{oops"
    path = folder / "big.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("kind", ["many-files", "one-record-file", "one-dump"])
def test_jobs_2_equals_jobs_1_on_many_files_and_on_one_large_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    # Small thresholds stand for the real ones: the one file is split and streamed in chunks of
    # three articles, and its bad lines (first chunk, middle, last line) are met as it is parsed.
    monkeypatch.setattr(pipeline, "SPLIT_BYTES", 1000 if kind != "many-files" else pipeline.SPLIT_BYTES)
    monkeypatch.setattr(pipeline, "CHUNK_ARTICLES", 3)
    bad = (2, 30, 3 * PER_FILE)
    folder = _inputs(tmp_path, copies=3 if kind == "many-files" else 0)
    if kind == "many-files":
        _record_file(folder, 1, bad=(2,))
    elif kind == "one-record-file":
        _record_file(folder, 3, bad)
    else:
        (folder / "one.txt").write_bytes(EXAMPLE.read_bytes())
    results = []
    for jobs in ("1", "2"):
        out, dropped = tmp_path / f"out{jobs}.jsonl", tmp_path / f"dropped{jobs}.jsonl"
        argv = ["annotate", str(folder), "-g", str(IRAQ), "--no-default", "--jobs", jobs]
        status = main([*argv, "-o", str(out), "--dropped", str(dropped)])
        results.append((status, out.read_bytes(), dropped.read_bytes(), capsys.readouterr().err))
    assert results[0] == results[1] and results[0][1]
    err = results[0][3].splitlines()
    if kind == "one-record-file":
        assert [line.split(": ")[1] for line in err[:-1]] == [f"{folder / 'big.jsonl'}:{n}" for n in bad]
        assert err[-1].startswith(f"mediamon: {3 * PER_FILE - len(bad)} articles")
    elif kind == "many-files":
        assert err[0].startswith(f"mediamon: {folder / 'big.jsonl'}:2: ")


def test_a_large_record_file_is_noted_in_the_store_once_with_jobs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from mediamon.store import Store

    monkeypatch.setattr(pipeline, "SPLIT_BYTES", 1000)
    monkeypatch.setattr(pipeline, "CHUNK_ARTICLES", 4)
    folder = tmp_path / "in"
    folder.mkdir()
    _record_file(folder, 2, bad=())
    counts = []
    for jobs in ("1", "2"):
        db = tmp_path / f"out{jobs}.db"
        argv = ["annotate", str(folder), "-g", str(IRAQ), "--no-default", "--jobs", jobs, "-o", str(db)]
        assert main(argv) == 0
        again = main([*argv, "--incremental"])  # the file is known: skipped
        assert again == 0 and "1 skipped" in capsys.readouterr().err
        with Store(db) as store:
            counts.append(len(list(store.articles())))
    assert counts == [2 * PER_FILE, 2 * PER_FILE]
