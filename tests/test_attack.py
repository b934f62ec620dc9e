"""Issue 18: outputs that alias inputs, hostile text on a terminal, bounded memory, strict JSON."""

from __future__ import annotations

import gzip
import json
import math
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediamon.cli import main
from mediamon.cli.common import LINE_MAX, visible
from mediamon.io import inputs
from mediamon.io.output import json_text

DUMP = "Iraq news\n\nBaghdad talks resume\nOfficials in Baghdad met on Monday to resume the talks.\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    status = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def files(tmp_path: Path) -> Path:
    (tmp_path / "dump.txt").write_text(DUMP, encoding="utf-8")
    (tmp_path / "crawl.jsonl").write_text(
        json.dumps({"id": "a", "title": "Baghdad", "body": "Talks in Baghdad."}) + "\n", encoding="utf-8"
    )
    os.link(tmp_path / "crawl.jsonl", tmp_path / "hard.jsonl")
    os.symlink(tmp_path / "crawl.jsonl", tmp_path / "soft.jsonl")
    (tmp_path / "dir").mkdir()
    os.link(tmp_path / "crawl.jsonl", tmp_path / "dir" / "inside.jsonl")
    return tmp_path


ALIASES = [
    ("segment", "{d}/dump.txt", "-o", "{d}/out.jsonl", "--dropped", "{d}/dump.txt"),
    ("segment", "{d}/crawl.jsonl", "-o", "{d}/crawl.jsonl"),
    ("segment", "{d}/crawl.jsonl", "-o", "{d}/./crawl.jsonl"),
    ("segment", "{d}/crawl.jsonl", "-o", "{d}/missing/../crawl.jsonl"),
    ("annotate", "{d}/crawl.jsonl", "-o", "{d}/no/such/../../hard.jsonl"),
    ("segment", "{d}/crawl.jsonl", "-o", "{d}/hard.jsonl"),
    ("segment", "{d}/crawl.jsonl", "-o", "{d}/soft.jsonl"),
    ("segment", "{d}/dir", "-o", "{d}/crawl.jsonl"),
    ("segment", "{d}/dump.txt", "-o", "{d}/x.jsonl", "--dropped", "{d}/x.jsonl"),
    ("annotate", "{d}/dump.txt", "-o", "{d}/new.jsonl", "--dropped", "{d}/new.jsonl"),
    ("annotate", "{d}/soft.jsonl", "-o", "{d}/hard.jsonl"),
    ("report", "{d}/crawl.jsonl", "-o", "{d}/crawl.jsonl"),
    ("report", "{d}/dir", "-o", "{d}/soft.jsonl"),
]


@pytest.mark.parametrize("argv", ALIASES, ids=[" ".join(a) for a in ALIASES])
def test_an_output_that_is_an_input_is_refused_before_anything_is_written(
    files: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    before = {p: p.read_bytes() for p in files.rglob("*") if p.is_file()}
    status, _out, err = run(capsys, *(a.format(d=files) for a in argv))
    assert status == 2
    assert "refused" in err and "Traceback" not in err
    assert {p: p.read_bytes() for p in files.rglob("*") if p.is_file()} == before


@settings(max_examples=30, deadline=None)
@given(
    names=st.lists(st.sampled_from(["a.jsonl", "./a.jsonl", "h.jsonl", "s.jsonl", "b.jsonl"]), min_size=1),
    out=st.sampled_from(["a.jsonl", "./a.jsonl", "h.jsonl", "s.jsonl", "b.jsonl", "gone/../a.jsonl"]),
)
def test_no_output_aliasing_an_input_is_ever_accepted(
    tmp_path_factory: pytest.TempPathFactory, names: list[str], out: str
) -> None:
    from mediamon.cli.common import check_outputs
    from mediamon.errors import UsageError

    d = tmp_path_factory.mktemp("alias")
    (d / "a.jsonl").write_text('{"id": "x", "body": "b"}\n', encoding="utf-8")
    os.link(d / "a.jsonl", d / "h.jsonl")
    os.symlink(d / "a.jsonl", d / "s.jsonl")
    ins = [str(d / n) for n in names]
    same = {"a.jsonl", "./a.jsonl", "h.jsonl", "s.jsonl", "gone/../a.jsonl"}  # gone/ does not exist
    aliased = out in same and any(n in same for n in names)
    if aliased:
        with pytest.raises(UsageError):
            check_outputs(ins, [("-o", str(d / out))])
    else:
        check_outputs(ins, [("-o", str(d / out))])


def test_devices_and_stdout_are_accepted_as_outputs(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "segment", files / "dump.txt", "-o", os.devnull, "-q")[0] == 0
    status, out, _ = run(
        capsys, "segment", files / "dump.txt", "-o", files / "o.jsonl", "--dropped", "-", "-q"
    )
    assert status == 0
    assert not (files / "-").exists()
    assert all(json.loads(line)["reason"] for line in out.splitlines())


HOSTILE = [
    "\x1b]0;owned\x07",
    "\x1b[2J",
    "\x1b]52;c;ZXZpbA==\x07",
    "a\nmediamon: forged",
    "\x9b31m",
    "\ud800",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_visible_leaves_no_control_character(text: str) -> None:
    shown = visible(text)
    assert shown.isprintable()
    assert shown.encode("utf-8")


@given(st.text())
def test_visible_is_printable_for_any_text(text: str) -> None:
    shown = visible(text)
    assert "\n" not in shown and "\x1b" not in shown
    shown.encode("utf-8")


def test_a_problem_quoting_huge_input_is_one_line_of_bounded_length(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A gazetteer alias of 100,000 ``!`` or a WARC line of megabytes came back whole in one
    ``mediamon:`` line; the line keeps its start (file and line) and its end (what was done)."""
    gazetteer = tmp_path / "g.jsonl"
    entry = {"id": "x:1", "type": "PER", "names": {"en": ["!" * 100_000]}}
    gazetteer.write_text(json.dumps(entry) + "\n", encoding="utf-8")
    status, _, err = run(capsys, "gazetteer", "check", gazetteer)
    (line,) = err.splitlines()
    assert status == 1 and len(line) <= len("mediamon: ") + LINE_MAX
    assert line.startswith(f"mediamon: {gazetteer}:1: alias '!!!") and "characters left out" in line
    assert line.endswith("!!' has no letters or digits (tatweel and other modifiers do not count)")
    crawl = tmp_path / "c.warc"
    crawl.write_bytes(
        b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n\r\n\r\n" + b"J" * 3_000_000
    )
    status, _, err = run(capsys, "segment", crawl, "-o", tmp_path / "out.jsonl")
    assert status == 1 and max(len(line) for line in err.splitlines()) <= len("mediamon: ") + LINE_MAX
    assert "kept the 1 record(s) before it" in err


def test_stats_prints_hostile_titles_and_names_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = "\x1b]0;t\x07"
    record = {"id": "1", "title": "x", "body": "y", "source": bad + "\ud800"}
    path = tmp_path / f"a{bad}\nmediamon: forged.jsonl"
    path.write_text(json.dumps(record) + "\n{bad\n", encoding="utf-8")
    status, out, err = run(capsys, "stats", path)
    assert status == 1
    assert "\x1b" not in out + err
    assert all(line.startswith("mediamon: ") for line in err.splitlines())
    status, out, _ = run(capsys, "stats", path, "--json")
    assert json.loads(out)["sources"]


def test_nan_and_infinity_are_written_as_valid_json() -> None:
    text = json_text({"a": math.nan, "b": [math.inf, -math.inf], "c": 1.5})
    assert json.loads(text, parse_constant=pytest.fail) == {
        "a": "NaN",
        "b": ["Infinity", "-Infinity"],
        "c": 1.5,
    }


def test_nan_in_a_record_round_trips_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "in.jsonl").write_text('{"id": "1", "body": "b", "score": NaN}\n', encoding="utf-8")
    run(capsys, "segment", tmp_path / "in.jsonl", "-o", tmp_path / "out.jsonl", "-q")
    line = (tmp_path / "out.jsonl").read_text(encoding="utf-8")
    json.loads(line, parse_constant=pytest.fail)


@pytest.mark.parametrize("compress", [gzip.compress, None], ids=["gzip", "plain"])
def test_inputs_beyond_the_size_cap_are_cut_and_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, compress: object
) -> None:
    monkeypatch.setattr(inputs, "LIMITS", inputs.ReadLimits(max_bytes=1 << 16, step=1 << 12))
    data = (DUMP * 5000).encode()
    path = tmp_path / ("big.txt.gz" if compress else "big.txt")
    path.write_bytes(gzip.compress(data) if compress else data)
    parsed = inputs.read_file(str(path))
    assert any("only the first 65536" in p.reason for p in parsed.problems)
    assert parsed.articles


@pytest.mark.parametrize("alias", ["\u0640", "\u0640\u0640\u0640", "\u0640 \u0640", "\u02b0\u0640"])
def test_an_alias_of_only_tatweel_or_modifiers_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], alias: str
) -> None:
    path = tmp_path / "g.jsonl"
    entity = {"id": "loc:x", "type": "LOC", "names": {"ar": [alias]}}
    path.write_text(json.dumps(entity, ensure_ascii=False) + "\n", encoding="utf-8")
    status, _, err = run(capsys, "gazetteer", "check", path)
    assert status == 1
    assert "g.jsonl:1:" in err and "no letters or digits" in err


@pytest.mark.parametrize("freq", ["D", "W", "M"])
def test_the_last_representable_date_in_timeline_and_report(freq: str) -> None:
    import datetime as dt

    import mediamon
    from mediamon.report import render_report

    last = [dt.date(9999, 12, 31), dt.date(9999, 12, 27), dt.date(9999, 12, 1)]
    corpus = mediamon.Corpus(
        [mediamon.Article(id=str(i), title="t", body="Talks in Baghdad", date=d) for i, d in enumerate(last)]
    ).annotate()
    periods = corpus.timeline(freq=freq).periods
    assert sum(n for _, n in periods) == 3
    assert "9999" in render_report(list(corpus))


@settings(max_examples=40, deadline=None)
@given(
    data=st.binary(max_size=300)
    | st.text(max_size=80).map(lambda t: t.encode("utf-8", "surrogatepass"))
    | st.sampled_from([b'{"title": "a \\ud800 b", "body": "x"}\n', b'{"id": 1, "score": NaN}\n', b"+2AA-"]),
    suffix=st.sampled_from([".txt", ".jsonl", ".json", ".csv", ".tsv", ".jsonl.gz", ".txt.bz2"]),
    command=st.sampled_from(["segment", "stats"]),
)
def test_no_byte_string_makes_a_command_raise(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, suffix: str, command: str
) -> None:
    d = tmp_path_factory.mktemp("bytes")
    path = d / f"in{suffix}"
    path.write_bytes(data)
    argv = [command, str(path)] + (["-o", str(d / "out.jsonl"), "-q"] if command == "segment" else [])
    assert main(argv) in (0, 1)


@pytest.mark.parametrize("name", ["in.jsonl", "in\udcff.jsonl", "in\x1b[2J.jsonl"])
def test_report_of_lone_surrogates_and_odd_file_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    path = os.path.join(os.fsencode(tmp_path), os.fsencode(name))
    with open(path, "wb") as handle:
        handle.write(b'{"id": "1", "title": "bad \\ud800 title", "body": "Talks in Baghdad"}\n')
    out = tmp_path / "r.html"
    status, _, err = run(capsys, "report", os.fsdecode(path), "-o", out)
    assert status == 0, err
    assert "\ufffd" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("incremental", [False, True], ids=["store", "incremental"])
def test_a_file_name_that_is_not_utf8_annotates_into_a_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], incremental: bool
) -> None:
    """Was a ``UnicodeEncodeError`` traceback: the name's undecodable bytes (lone surrogates in
    Python) went into SQLite as the article's origin and the run's list of files."""
    folder = os.path.join(os.fsencode(tmp_path), b"in\xff")
    os.mkdir(folder)
    with open(os.path.join(folder, b"\xfe\xff.jsonl"), "wb") as handle:
        handle.write(b'{"id": "1", "title": "Talks", "body": "Talks in Baghdad today."}\n')
    store = tmp_path / "out.db"
    options = ["--incremental"] if incremental else []
    status, _, err = run(capsys, "annotate", "-q", *options, os.fsdecode(folder), "-o", store)
    assert (status, err) == (0, "")
    status, out, err = run(capsys, "search", store, "Baghdad")
    assert status == 0 and "Talks" in out
    if incremental:  # the second run knows the file by its content
        status, _, err = run(capsys, "annotate", "--incremental", os.fsdecode(folder), "-o", store)
        assert status == 0 and "1 skipped" in err


@pytest.mark.parametrize("suffix", [".jsonl.gz", ".csv.gz"])
def test_a_corrupt_compressed_gazetteer_is_one_line_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    row = '{"id": "loc:x", "type": "LOC", "names": {"en": ["Foo"]}}\n' * 200
    data = gzip.compress(row.encode())
    path = tmp_path / f"g{suffix}"
    path.write_bytes(data[:20] + b"garbage" + data[27:])
    status, _, err = run(capsys, "gazetteer", "check", path)
    assert status == 1
    assert "Traceback" not in err and f"g{suffix}" in err
