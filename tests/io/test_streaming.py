"""Lazy reading and bounded, order-keeping parallel annotation."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import mediamon
from mediamon.errors import WorkerError
from mediamon.match.annotate import annotate_all
from tests.conftest import DATA

SAMPLE = DATA / "dumps" / "sample_en_ar.txt"
IRAQ = DATA / "gazetteers" / "iraq.jsonl"


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
