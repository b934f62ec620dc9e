"""``mediamon segment --explain`` and ``--columns`` on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mediamon.cli import main
from tests.conftest import DUMPS


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    status = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_explain_lists_every_line_with_role_and_cue(capsys: pytest.CaptureFixture[str]) -> None:
    dump = DUMPS / "wordpress_comments.txt"
    status, out, err = run(capsys, "segment", "--explain", dump)
    assert status == 0 and not err
    rows = [line.split("\t") for line in out.splitlines()]
    nonblank = [i for i, line in enumerate(dump.read_text(encoding="utf-8").split("\n"), 1) if line.strip()]
    assert [int(r[0].rsplit(":", 1)[1]) for r in rows] == nonblank
    by_line = {int(r[0].rsplit(":", 1)[1]): r for r in rows}
    assert by_line[4][1] == "title" and "header cue" in by_line[4][3]
    assert by_line[6][1] == "date+author"
    assert by_line[16][1] == "dropped:comment"


def test_explain_as_json_lines(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out_path = tmp_path / "why.jsonl"
    status, _, _ = run(capsys, "segment", "--explain", DUMPS / "category_page.txt", "-o", out_path)
    rows = [json.loads(line) for line in out_path.read_text(encoding="utf-8").splitlines()]
    assert status == 0 and list(rows[0]) == ["path", "line", "text", "kind", "role", "cue"]
    assert {r["line"]: r["role"] for r in rows}[5] == "section"


def test_explain_of_a_records_file_is_reported(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    records = tmp_path / "r.jsonl"
    records.write_text('{"title": "T", "body": "B"}\n', encoding="utf-8")
    status, out, err = run(capsys, "segment", "--explain", records)
    assert status == 1 and not out and "not a dump" in err and str(records) in err


def test_columns_flag(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = tmp_path / "noheader.csv"
    data.write_text("Talks Resume,2021-10-06,The talks resume next week in Baghdad officials said.\n")
    status, out, err = run(capsys, "segment", data, "--columns", "title,date,body", "-q")
    (article,) = [json.loads(line) for line in out.splitlines()]
    assert status == 0 and not err and (article["title"], article["date"]) == ("Talks Resume", "2021-10-06")
    status, out, err = run(capsys, "segment", data, "-q")
    assert status == 1 and "first row looks like data" in err and "--columns" in err


def test_bad_columns_flag_is_a_usage_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, _, err = run(capsys, "segment", DUMPS / "category_page.txt", "--columns", "x=nofield")
    assert status == 2 and "--columns" in err and "Traceback" not in err
