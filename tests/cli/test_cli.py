"""The mediamon command: subcommands, exit statuses (0 / 1 / 2), one-line messages, outputs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import mediamon
from mediamon.cli import main
from mediamon.errors import Msg
from tests.conftest import DATA

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "000_ee85a602ba24a7e5.txt"
IRAQ = DATA / "gazetteers" / "iraq.jsonl"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    status = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


def assert_no_traceback(err: str) -> None:
    assert "Traceback" not in err and 'File "' not in err


def test_segment_sample_gives_22_articles(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "segment", EXAMPLE)
    assert status == 0
    articles = [json.loads(line) for line in out.splitlines()]
    assert len(articles) == 22
    assert articles[0]["origin"] == {"path": str(EXAMPLE), "first_line": 1, "last_line": 37}
    assert all(a["mentions"] == [] for a in articles)
    assert err.splitlines() == ["mediamon: 22 articles, 49 lines set aside"]


def test_segment_to_a_file_in_each_format(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    reference = mediamon.read(EXAMPLE)
    for name in ("out.jsonl", "out.json", "out.csv", "out.tsv"):
        status, out, _ = run(capsys, "segment", EXAMPLE, "-o", tmp_path / name, "-q")
        assert (status, out) == (0, "")
        assert mediamon.read(tmp_path / name).articles == reference.articles


def test_dropped_file_lists_the_lines_set_aside(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    dropped = tmp_path / "dropped.jsonl"
    status, _, _ = run(capsys, "segment", EXAMPLE, "-o", tmp_path / "out.jsonl", "--dropped", dropped)
    assert status == 0
    rows = [json.loads(line) for line in dropped.read_text(encoding="utf-8").splitlines()]
    expected = mediamon.read(EXAMPLE).dropped
    assert rows == [d.to_dict() for d in expected]
    assert len(rows) == 49 and {"path", "line", "text", "reason", "article_id"} <= set(rows[0])
    lines = EXAMPLE.read_text(encoding="utf-8").split("\n")
    assert all(lines[r["line"] - 1].strip() == r["text"] for r in rows)


def test_stdin_input(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(EXAMPLE.read_bytes())))
    status, out, _ = run(capsys, "segment", "-")
    assert status == 0 and len(out.splitlines()) == 22


# --- exit status 2: usage errors ------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        ([], "the following arguments are required: COMMAND"),
        (["segment"], "the following arguments are required: INPUT"),
        (["annotate", "{example}", "--jobs", "0"], Msg.USAGE_JOBS.format(jobs=0)),
        (["annotate", "{example}", "--jobs", "-3"], Msg.USAGE_JOBS.format(jobs=-3)),
        (["annotate", "{example}", "--jobs", "two"], "invalid int value: 'two'"),
        (["segment", "{example}", "-o", "out.xml"], Msg.USAGE_OUTPUT.format(suffix=".xml")),
        (["segment", "{example}", "-o", "out"], Msg.USAGE_OUTPUT.format(suffix="out")),
        (["annotate", "{example}", "--no-default"], Msg.USAGE_NO_DEFAULT),
        (["annotate", "{example}", "-g", "missing.jsonl"], f"missing.jsonl: {Msg.NOT_FOUND}"),
        (
            ["segment", "{example}", "--encoding", "klingon-8"],
            Msg.ENCODING_UNKNOWN.format(encoding="klingon-8"),
        ),
        (["gazetteer"], "the following arguments are required: ACTION"),
        (["segment", "{example}", "--bogus-flag"], "unrecognized arguments: --bogus-flag"),
    ],
)
def test_usage_errors_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], message: str
) -> None:
    argv = [a.replace("{example}", str(EXAMPLE)) for a in argv]
    argv = [str(tmp_path / a) if a.startswith(("out", "missing")) else a for a in argv]
    status, out, err = run(capsys, *argv)
    assert status == 2
    assert out == ""
    assert len(err.splitlines()) == 1, err
    assert message in err
    assert_no_traceback(err)
    assert list(tmp_path.iterdir()) == []  # nothing written


def test_unwritable_output_is_a_usage_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "taken.jsonl").mkdir()
    status, _, err = run(capsys, "segment", EXAMPLE, "-o", tmp_path / "taken.jsonl")
    assert status == 2
    assert (
        err.strip()
        == f"mediamon: {tmp_path / 'taken.jsonl'}: {Msg.CANNOT_WRITE.format(detail='Is a directory')}"
    )


def test_help_and_version_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--version")
    engine = mediamon.engine.name()
    assert status == 0 and out.strip() == f"mediamon {mediamon.__version__} ({engine} matching engine)"
    status, out, _ = run(capsys, "annotate", "--help")
    assert status == 0 and "--no-default" in out


# --- exit status 1: input problems, good part still written --------------------------------


def test_input_problems_exit_1_and_the_good_part_is_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    records = tmp_path / "records.jsonl"
    records.write_text('{"title": "Good one"}\n{"title": \n{"title": "Good two"}\n', encoding="utf-8")
    image = tmp_path / "image.txt"
    image.write_bytes(PNG)
    missing = tmp_path / "missing.txt"
    out = tmp_path / "out.jsonl"
    status, stdout, err = run(capsys, "segment", EXAMPLE, records, image, missing, "-o", out)
    assert status == 1
    assert stdout == ""
    titles = [json.loads(line)["title"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(titles) == 24 and titles[-2:] == ["Good one", "Good two"]
    lines = err.splitlines()
    assert lines[:3] == [
        f"mediamon: {records}:2: " + Msg.BAD_JSON.format(detail="Expecting value (column 11)"),
        f"mediamon: {image}: " + Msg.BINARY.format(detail="PNG image"),
        f"mediamon: {missing}: {Msg.NOT_FOUND}",
    ]
    assert lines[3] == "mediamon: 24 articles, 49 lines set aside, 3 problems"
    assert_no_traceback(err)


def test_bad_gazetteer_content_exits_1_with_file_and_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "type": "LOC", "names": {"en": ["X"]}}\n{"id": "y"\n', encoding="utf-8")
    status, out, err = run(capsys, "annotate", EXAMPLE, "-g", bad, "--no-default")
    assert status == 1 and out == ""
    assert err.startswith(f"mediamon: {bad}:2: ")
    assert_no_traceback(err)


# --- annotate -------------------------------------------------------------------------------


def test_annotate_with_a_gazetteer_finds_mentions(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "ann.jsonl"
    status, _, err = run(capsys, "annotate", EXAMPLE, "-g", IRAQ, "--no-default", "-o", out)
    assert status == 0
    corpus = mediamon.Corpus.from_jsonl(out)
    ids = {json.loads(line)["id"] for line in IRAQ.read_text(encoding="utf-8").splitlines()}
    mentions = [m for a in corpus for m in a.mentions]
    assert len(corpus) == 22 and mentions
    assert {m.entity_id for m in mentions} <= ids
    assert {"country:irq", "country:usa"} <= {m.entity_id for m in mentions}
    assert f", {len(mentions)} mentions" in err


def test_jobs_2_gives_the_same_bytes_as_jobs_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"jobs{jobs}.jsonl"
        status, _, _ = run(
            capsys, "annotate", EXAMPLE, EXAMPLE, "-g", IRAQ, "--no-default", "--jobs", jobs, "-o", out
        )
        assert status == 0
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] and outputs[0]


# --- stats ----------------------------------------------------------------------------------


def _mention(text: str, entity: str, etype: str, name: str, lang: str) -> dict[str, object]:
    return {
        "field": "title",
        "start": 0,
        "end": len(text),
        "text": text,
        "entity_id": entity,
        "entity_type": etype,
        "entity_name": name,
        "lang": lang,
        "alias": text,
        "how": "exact",
    }


@pytest.fixture
def stats_file(tmp_path: Path) -> Path:
    iraq = _mention("Iraq", "country:irq", "LOC", "Iraq", "en")
    iraq_ar = _mention("العراق", "country:irq", "LOC", "Iraq", "ar")
    un = _mention("UN", "org:un", "ORG", "United Nations", "en")
    rows = [
        {
            "id": "1",
            "title": "Iraq",
            "body": "",
            "lang": "en",
            "source": "Wire",
            "date": "2021-07-01",
            "mentions": [iraq],
        },
        {"id": "2", "title": "العراق", "body": "", "lang": "ar", "source": "الأخبار", "mentions": [iraq_ar]},
        {
            "id": "3",
            "title": "UN",
            "body": "",
            "lang": "en",
            "source": "Wire",
            "date": "2021-08-02",
            "mentions": [un],
        },
        {"id": "4", "title": "Nothing", "body": "", "lang": "en"},
    ]
    path = tmp_path / "out.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def test_stats_json_counts(capsys: pytest.CaptureFixture[str], stats_file: Path) -> None:
    status, out, _ = run(capsys, "stats", stats_file, "--json")
    assert status == 0
    assert json.loads(out) == {
        "articles": 4,
        "mentions": 3,
        "dates": ["2021-07-01", "2021-08-02"],
        "languages": {"en": 3, "ar": 1},
        "sources": {"Wire": 2, "الأخبار": 1, "(unknown)": 1},
        "entities": [
            {"id": "country:irq", "type": "LOC", "name": "Iraq", "mentions": 2},
            {"id": "org:un", "type": "ORG", "name": "United Nations", "mentions": 1},
        ],
    }


def test_stats_text(capsys: pytest.CaptureFixture[str], stats_file: Path) -> None:
    status, out, _ = run(capsys, "stats", stats_file)
    assert status == 0
    lines = [line.split() for line in out.splitlines()]
    assert ["articles", "4"] in lines and ["mentions", "3"] in lines
    assert ["3", "en"] in lines and ["1", "ar"] in lines
    assert ["2", "Wire"] in lines and ["1", "الأخبار"] in lines
    assert ["2", "country:irq", "LOC", "Iraq"] in lines and [
        "1",
        "org:un",
        "ORG",
        "United",
        "Nations",
    ] in lines


def test_stats_of_a_missing_file_exits_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, _, err = run(capsys, "stats", tmp_path / "none.jsonl")
    assert status == 1 and f"{tmp_path / 'none.jsonl'}: {Msg.NOT_FOUND}" in err


# --- gazetteer check ------------------------------------------------------------------------


def test_gazetteer_check(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, out, _ = run(capsys, "gazetteer", "check", IRAQ)
    assert status == 0 and out.startswith(f"{IRAQ}: ok, ")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "type": "LOC", "names": {"en": [""]}}\n', encoding="utf-8")
    status, out, err = run(capsys, "gazetteer", "check", IRAQ, bad)
    assert status == 1
    assert err.splitlines() == [f"mediamon: {bad}:1: {Msg.GAZ_EMPTY_ALIAS}"]


# --- as a program ---------------------------------------------------------------------------


@pytest.mark.parametrize("module", ["mediamon", "mediamon.cli"])
def test_python_dash_m(module: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", module, "segment", "-", "-q"],
        input=EXAMPLE.read_bytes(),
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 22 and result.stderr == b""


def test_usage_error_as_a_program_has_no_traceback() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mediamon", "annotate", str(EXAMPLE), "--jobs", "0"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr == f"mediamon: {Msg.USAGE_JOBS.format(jobs=0)}\n"


def test_closed_pipe_is_quiet() -> None:
    """``mediamon segment ... | head -1``: the reader goes away; no traceback, no complaint."""
    with subprocess.Popen(
        [sys.executable, "-m", "mediamon", "segment", str(EXAMPLE), str(EXAMPLE), "-q"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.readline()
        process.stdout.close()
        err = process.stderr.read().decode()
        process.wait()
    assert process.returncode == 0
    assert err == ""
