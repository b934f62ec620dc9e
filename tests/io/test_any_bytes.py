"""Issue 18: no byte string makes any reader raise -- dumps, record files, web pages and feeds, and
gazetteer files -- however it is named; what cannot be read is a one-line problem naming the file."""

from __future__ import annotations

import bz2
import gzip
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mediamon
from mediamon.cli import main
from mediamon.errors import GazetteerError
from mediamon.match.gazetteer import Gazetteer, check_file

#: Characters that steer each parser into its corners: JSON, CSV/TSV quoting, markup, line ends.
STRUCTURE = '{}[]":,\t\n\r\\ <>/=!-&;#\'"abcAB01\u00e9\u0628\ud800\x00\x1b'
_STRUCTURED = st.text(st.sampled_from(STRUCTURE), max_size=200).map(
    lambda t: t.encode("utf-8", "surrogatepass")
)
#: Real-looking starts that a fuzzed tail then breaks.
_STARTS = st.sampled_from(
    [
        b'[{"title": "a", "body": "b"},',
        b'{"articles": [{"title": "a"',
        b'title,body\n"a,b\n',
        b'id\ttype\tlang\talias\nq:1\tPER\ten\t"Abu',
        b"id,type,lang,alias\nq:1,PER,en,",
        b'{"id": "q:1", "type": "PER", "names": {"en": [',
        b"<html><body><article><h1>T</h1><p>",
        b'<?xml version="1.0"?><rss><channel><item><title>',
        b"WARC/1.0\r\nWARC-Type: response\r\n",
        b"Headline\n\n07/10/2021\n\n",
        b"+2AA-",
    ]
)
DATA = (
    st.binary(max_size=300)
    | _STRUCTURED
    | st.tuples(_STARTS, st.binary(max_size=60) | _STRUCTURED).map(lambda p: p[0] + p[1])
)
READER_SUFFIXES = [
    ".txt",
    ".jsonl",
    ".json",
    ".csv",
    ".tsv",
    ".html",
    ".xml",
    ".warc",
    "",
    ".jsonl.gz",
    ".csv.bz2",
]
GAZETTEER_SUFFIXES = [".jsonl", ".csv", ".tsv", ".jrc.tsv", ".txt", ".jsonl.gz", ".csv.bz2"]


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    if name.endswith(".gz"):
        data = gzip.compress(data) if data[:1] != b"!" else data  # "!...": a corrupt compressed file
    elif name.endswith(".bz2"):
        data = bz2.compress(data) if data[:1] != b"!" else data
    path.write_bytes(data)
    return path


TARGETS = [("reader", s) for s in READER_SUFFIXES] + [("gazetteer", s) for s in GAZETTEER_SUFFIXES]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=DATA, target=st.sampled_from(TARGETS))
def test_no_byte_string_makes_a_reader_or_gazetteer_loader_raise(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, target: tuple[str, str]
) -> None:
    kind, suffix = target
    path = _write(tmp_path_factory.mktemp(kind), f"in{suffix}", data)
    if kind == "reader":
        corpus = mediamon.read(path)
        for problem in corpus.problems:
            assert problem.path is not None and "\n" not in str(problem)
        for article in corpus:
            article.to_dict()
        return
    problems = check_file(path)
    for problem in problems:
        assert problem.path == str(path) and "\n" not in str(problem)
    try:
        Gazetteer.load(path)
    except GazetteerError as exc:
        assert problems and str(exc.problem) == str(problems[0])
    else:
        assert not problems
    assert main(["gazetteer", "check", str(path)]) == (1 if problems else 0)
