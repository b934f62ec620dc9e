"""Lazy reading and bounded, order-keeping parallel annotation."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import mediamon
from mediamon.errors import Problem, WorkerError
from mediamon.io import inputs
from mediamon.match.annotate import annotate_all
from mediamon.model import Dropped
from tests.conftest import DATA

SAMPLE = DATA / "dumps" / "sample_en_ar.txt"
IRAQ = DATA / "gazetteers" / "iraq.jsonl"
PER_FILE = 22  # articles in the sample dump


def _tree(tmp_path: Path, copies: int) -> Path:
    folder = tmp_path / "dumps"
    folder.mkdir()
    for i in range(copies):
        (folder / f"d{i:03d}.txt").write_bytes(SAMPLE.read_bytes())
    (folder / "broken.jsonl").write_text('{"title": "ok", "body": "fine"}\n{oops\n', encoding="utf-8")
    return folder


def test_iter_articles_is_lazy_and_matches_read(tmp_path: Path) -> None:
    folder = _tree(tmp_path, 3)
    stream = mediamon.iter_articles(folder)
    first = next(stream)
    assert stream.files == 1  # only the first file has been read so far
    rest = list(stream)
    corpus = mediamon.read(folder)
    assert [a.to_dict() for a in [first, *rest]] == [a.to_dict() for a in corpus]
    assert stream.dropped == list(corpus.dropped)
    assert stream.problems == list(corpus.problems)
    assert any("broken.jsonl:2" in str(p) for p in stream.problems)


def test_callbacks_receive_dropped_lines_and_problems(tmp_path: Path) -> None:
    folder = _tree(tmp_path, 1)
    dropped: list[mediamon.Dropped] = []
    problems: list[mediamon.Problem] = []
    stream = mediamon.iter_articles(folder, on_dropped=dropped.append, on_problem=problems.append)
    assert len(list(stream)) == 23
    assert stream.dropped == [] and stream.problems == []
    assert len(dropped) == 49 and len(problems) == 1


@pytest.mark.parametrize("jobs", [2, 3])
def test_parallel_stream_keeps_order_and_content(tmp_path: Path, jobs: int) -> None:
    annotator = mediamon.Annotator(IRAQ, default=False)
    articles = list(mediamon.iter_articles(_tree(tmp_path, 4)))
    one = [a.to_dict() for a in annotate_all(iter(articles), annotator)]
    many = [a.to_dict() for a in annotate_all(iter(articles), annotator, jobs=jobs, chunk=5)]
    assert many == one


def test_parallel_consumes_its_input_lazily() -> None:
    annotator = mediamon.Annotator(IRAQ, default=False)
    taken = 0

    def source() -> object:
        nonlocal taken
        for article in mediamon.read_dump(SAMPLE):
            for _ in range(20):
                taken += 1
                yield article

    results = annotate_all(source(), annotator, jobs=2, chunk=4)  # type: ignore[arg-type]
    next(results)
    assert taken < 4 * 2 * 2 + 4 + 1  # at most 2 * jobs chunks in flight, plus the one being cut
    results.close()


class _DyingAnnotator(mediamon.Annotator):
    """Kills its worker process on an article titled 'die'."""

    def annotate(self, article: mediamon.Article) -> mediamon.Article:
        if article.title == "die":
            os._exit(3)
        return super().annotate(article)


def test_a_dying_worker_fails_the_run() -> None:
    annotator = _DyingAnnotator(IRAQ, default=False)
    articles = [mediamon.Article(id=str(i), title="die" if i == 7 else "ok", body="Iraq") for i in range(20)]
    with pytest.raises(WorkerError, match="worker process died"):
        list(annotate_all(articles, annotator, jobs=2, chunk=2))


def _records(tmp_path: Path, bad_lines: tuple[int, ...] = ()) -> Path:
    """The sample's articles as a JSON Lines file, lines ``bad_lines`` (1-based) broken."""
    lines = []
    for i, article in enumerate(mediamon.read(SAMPLE), start=1):
        record = {"id": f"r{i}", "title": article.title, "date": article.date_text, "body": article.body}
        lines.append("{oops" if i in bad_lines else json.dumps(record, ensure_ascii=False))
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["records.jsonl", "sample.txt", "empty.jsonl", "missing.txt"])
def test_stream_file_gives_what_read_file_gives(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    if name == "records.jsonl":
        path = _records(tmp_path, bad_lines=(3, 22))
    elif name == "sample.txt":
        path.write_bytes(SAMPLE.read_bytes())
    elif name == "empty.jsonl":
        path.write_bytes(b"\n")
    dropped: list[Dropped] = []
    problems: list[Problem] = []
    articles = tuple(inputs.stream_file(str(path), on_dropped=dropped.append, on_problem=problems.append))
    assert inputs.read_file(str(path)) == inputs.Parsed(articles, tuple(dropped), tuple(problems))


def test_stream_file_parses_records_as_it_is_read(tmp_path: Path) -> None:
    path = _records(tmp_path, bad_lines=(20,))
    problems: list[Problem] = []
    stream = inputs.stream_file(str(path), on_dropped=lambda d: None, on_problem=problems.append)
    first = next(stream)
    assert first.id == "r1" and problems == []  # line 20 not parsed yet
    rest = list(stream)
    assert [p.line for p in problems] == [20] and problems[0].path == str(path)
    assert len(rest) == PER_FILE - 2
