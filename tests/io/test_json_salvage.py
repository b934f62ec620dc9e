"""Issue 18: a `.json` file that is not quite JSON gives every readable record and names the rest
with its line (JSON Lines with broken lines, a wrapper object with trailing junk, many bad elements)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mediamon
from mediamon.io.record_files import json_records

RECORDS = [{"id": f"r{i}", "title": f"Title {i}", "body": f"Body text number {i}."} for i in range(5)]


def read(tmp_path: Path, text: str, name: str = "x.json") -> mediamon.Corpus:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return mediamon.read(path)


@pytest.mark.parametrize("broken", [{1}, {1, 3}, {1, 5}, {2}, {5}, {1, 2}])
def test_json_lines_in_a_json_file_with_broken_lines(tmp_path: Path, broken: set[int]) -> None:
    lines = [json.dumps(r) for r in RECORDS]
    for number in broken:
        lines[number - 1] = lines[number - 1][:-7]  # cut inside the last string
    corpus = read(tmp_path, "\n".join(lines) + "\n")
    assert [a.id for a in corpus] == [r["id"] for n, r in enumerate(RECORDS, 1) if n not in broken]
    assert [a.origin.first_line for a in corpus if a.origin] == [n for n in range(1, 6) if n not in broken]
    assert [p.line for p in corpus.problems] == sorted(broken)
    assert all("bad JSON" in p.reason for p in corpus.problems)


@pytest.mark.parametrize("key", ["articles", "records", "items", "data", "results", "docs"])
@pytest.mark.parametrize("junk", ["garbage", "}", '{"x": ', "]", "<html>", '{"id": "extra"}'])
def test_a_wrapper_with_trailing_junk_keeps_its_records(tmp_path: Path, key: str, junk: str) -> None:
    text = json.dumps({"source": "crawler", key: RECORDS}, indent=1) + "\n" + junk + "\n"
    junk_line = text.count("\n", 0, text.rindex(junk)) + 1
    corpus = read(tmp_path, text)
    assert [a.id for a in corpus] == [r["id"] for r in RECORDS]
    assert [(p.line, "after the end of the document" in p.reason) for p in corpus.problems] == [
        (junk_line, True)
    ]


def test_a_wrapper_on_one_line_with_junk_names_the_column(tmp_path: Path) -> None:
    text = json.dumps({"articles": RECORDS}) + " trailing"
    corpus = read(tmp_path, text)
    assert len(corpus) == 5
    (problem,) = corpus.problems
    assert problem.line == 1 and f"column {text.index('trailing') + 1}" in problem.reason


@settings(max_examples=60, deadline=None)
@given(
    n=st.integers(min_value=1, max_value=40),
    broken=st.sets(st.integers(min_value=0, max_value=39)),
    indent=st.sampled_from([None, 1, 2]),
    how=st.sampled_from(["colon", "quote", "junk"]),
)
def test_an_array_with_many_broken_elements_keeps_every_good_one_at_its_line(
    n: int, broken: set[int], indent: int | None, how: str
) -> None:
    records = [{"id": f"r{i}", "title": f"T {i}", "body": "b " * (i % 7)} for i in range(n)]
    broken = {b for b in broken if b < n}
    parts = []
    for i, record in enumerate(records):
        element = json.dumps(record, indent=indent)
        if i in broken:
            element = {
                "colon": element.replace('"title":', '"title"', 1),
                "quote": element.replace('"T ', "T ", 1),
                "junk": element.replace('"id"', '"id" junk', 1),
            }[how]
        parts.append(element)
    text = "[\n" + ",\n".join(parts) + "\n]\n"
    starts = []
    pos = 2
    for element in parts:
        starts.append(text.count("\n", 0, pos) + 1)
        pos += len(element) + 2
    items = list(json_records(text, "x.json"))
    got = [(item[0]["id"], item[1]) for item in items if isinstance(item, tuple)]
    assert got == [(f"r{i}", starts[i]) for i in range(n) if i not in broken]
    problems = [item for item in items if not isinstance(item, tuple)]
    # A run of broken elements is one problem: "skipped to the next record at line N" (or "the
    # rest of the array is skipped"), its line inside the run's first element.
    runs = [i for i in sorted(broken) if i - 1 not in broken]
    assert len(problems) == len(runs)
    for problem, index in zip(problems, runs, strict=True):
        end = starts[index + 1] if index + 1 < n else text.count("\n")
        assert starts[index] <= (problem.line or 0) <= end
        after = min((i for i in range(index, n) if i not in broken), default=None)
        if after is None:
            assert "the rest of the array is skipped" in problem.reason
        else:
            assert f"skipped to the next record at line {starts[after]}" in problem.reason
