"""Record files whose JSON names a key more than once, or that were joined together (a byte-order
mark opening each JSON line, a CSV header repeated): no value dropped without a word, no header
read as a record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mediamon
from mediamon.errors import Msg
from mediamon.io.inputs import read_file
from mediamon.io.record_files import numbered_lines, split_lines
from mediamon.match.gazetteer import Gazetteer, GazetteerError, check_file

BOM = "\ufeff"
RECORD_TWICE = '{"title": "A title", "body": "first body", "body": "second body"}'
KEPT = "the last value is used, the earlier kept in meta.repeated_keys"

CASES = [
    pytest.param("x.jsonl", RECORD_TWICE + "\n", 1, id="jsonl"),
    pytest.param("x.json", "[\n" + RECORD_TWICE + "\n]\n", 2, id="json array"),
    pytest.param("x.json", RECORD_TWICE + "\n", 1, id="json object"),
    pytest.param("x.json", '{"articles": [\n' + RECORD_TWICE + "\n]}\n", 2, id="json wrapper"),
    pytest.param(
        "x.json", "[\n" + RECORD_TWICE.replace("A title", "x" * 10_000) + "\n]", 2, id="beyond a window"
    ),
]


def _written(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def read(tmp_path: Path, name: str, text: str) -> mediamon.Corpus:
    return mediamon.read(_written(tmp_path / name, text))


@pytest.mark.parametrize(("name", "text", "line"), CASES)
def test_a_key_named_twice_keeps_both_values_and_is_reported(
    tmp_path: Path, name: str, text: str, line: int
) -> None:
    corpus = read(tmp_path, name, text)
    (article,) = corpus.articles
    assert article.body == "second body"
    assert article.meta["repeated_keys"] == {"body": ["first body"]}
    assert [(p.line, p.reason) for p in corpus.problems] == [
        (line, f"the record names 'body' 2 times; {KEPT}")
    ]


def test_an_inner_object_naming_a_key_twice_is_reported_once(tmp_path: Path) -> None:
    inner = '{"title": "T", "body": "B", "tags": {"a": 1, "a": 2}}'
    corpus = read(tmp_path, "x.json", "[" + inner + ", " + inner.replace('"T"', '"U"' + " " * 5000) + "]")
    assert len(corpus.articles) == 2
    reasons = [p.reason for p in corpus.problems]
    assert reasons == ["an object inside the record names 'a' 2 times; the last value is used"] * 2


def test_a_wrapper_naming_its_list_twice_gives_the_records_of_both(tmp_path: Path) -> None:
    text = (
        '{"articles": [{"title": "A", "body": "a"}],\n"site": "s", "articles": "none",\n'
        '"articles": [{"title": "B", "body": "b"},\n{"title": "C", "body": "c"}]}\n'
    )
    corpus = read(tmp_path, "x.json", text)
    assert [(a.title, a.origin.first_line) for a in corpus.articles] == [("A", 1), ("B", 3), ("C", 4)]


def test_json_lines_joined_with_a_bom_on_each_line_are_all_read(tmp_path: Path) -> None:
    """Was ``bad JSON: Unexpected UTF-8 BOM`` for every line after the first: the records lost."""
    lines = [BOM + json.dumps({"title": f"T{i}", "body": f"Body {i}."}) for i in range(3)]
    for name in ("x.jsonl", "x.json"):
        corpus = read(tmp_path, name, "\n".join(lines) + "\n")
        assert [a.title for a in corpus.articles] == ["T0", "T1", "T2"], name
        assert corpus.problems == (), name


@pytest.mark.parametrize(("name", "sep"), [("x.csv", ","), ("x.tsv", "\t")])
@pytest.mark.parametrize("bom", ["", BOM], ids=["no bom", "bom"])
def test_csv_files_joined_together_read_the_repeated_header_as_a_header(
    tmp_path: Path, name: str, sep: str, bom: str
) -> None:
    """Was read as one more record: an article titled ``title`` with the body ``body``."""
    part = f"title{sep}body\nA title{sep}A body.\n"
    corpus = read(tmp_path, name, part + bom + part.replace("A ", "B "))
    assert [(a.title, a.body) for a in corpus.articles] == [("A title", "A body."), ("B title", "B body.")]
    assert [(p.line, p.reason) for p in corpus.problems] == [(3, Msg.CSV_HEADER_AGAIN)]


def test_a_row_like_the_given_columns_is_still_a_record(tmp_path: Path) -> None:
    corpus = mediamon.read(_written(tmp_path / "x.csv", "A,x\nA,x\nB,y\n"), columns="title,body")
    assert [a.title for a in corpus.articles] == ["A", "B"] and corpus.problems == ()


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["title", "body", "source", "x"]), st.text("ab", min_size=1, max_size=5)),
        min_size=1,
        max_size=8,
    )
)
def test_no_value_of_a_repeated_key_is_lost(pairs: list[tuple[str, str]]) -> None:
    members = [("title", "t"), *pairs]
    text = "{" + ", ".join(f"{json.dumps(k)}: {json.dumps('v' + v)}" for k, v in members) + "}"
    with_keys = read_file("x.jsonl", data=text.encode())
    kept = json.dumps([a.to_dict() for a in with_keys.articles], ensure_ascii=False)
    for _, value in pairs:
        assert json.dumps("v" + value)[1:-1] in kept
    repeated = len(members) != len({k for k, _ in members})
    assert bool(with_keys.problems) == repeated


def test_a_gazetteer_entry_naming_a_key_twice_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "g.jsonl"
    path.write_text(
        '{"id": "x:1", "type": "LOC", "names": {"en": ["Alpha"]}}\n'
        '{"id": "x:2", "type": "LOC", "names": {"en": ["Beta"], "en": ["Gamma"]}}\n'
        '{"id": "x:3", "type": "LOC", "names": {"en": ["Delta"]}, "names": {"ar": ["دلتا"]}}\n',
        encoding="utf-8",
    )
    assert [(p.line, p.reason) for p in check_file(path)] == [
        (2, "an object inside the entry names 'en' 2 times; write each key once"),
        (3, "the entry names 'names' 2 times; write each key once"),
    ]
    with pytest.raises(GazetteerError) as caught:
        Gazetteer.load(path)
    want = "an object inside the entry names 'en' 2 times; write each key once"
    assert str(caught.value) == f"{path}:2: {want}"


@settings(max_examples=300, deadline=None)
@given(st.text("ab\r\n", max_size=40), st.integers(1, 8))
def test_lines_numbered_a_block_at_a_time_are_the_split_lines(text: str, block: int) -> None:
    """JSON Lines (records and gazetteers) are split a block at a time: a list of every line of
    a file of millions of short lines took gigabytes."""
    assert list(numbered_lines(text, block)) == list(enumerate(split_lines(text), start=1))
