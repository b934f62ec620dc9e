"""``mediamon labels export|import``: the label round trip from the command line."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from mediamon.cli import main
from mediamon.interop.labels import tasks
from tests.interop.test_labels import BASE, CORPUS, export, reviewed


def test_cli_export_then_import(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.jsonl"
    CORPUS.to_jsonl(out)
    gazetteer = tmp_path / "base.jsonl"
    gazetteer.write_text("".join(json.dumps(e.to_dict(), ensure_ascii=False) + "\n" for e in BASE), "utf-8")
    tasks_path, config = tmp_path / "tasks.json", tmp_path / "config.xml"
    assert main(["labels", "export", str(out), "-o", str(tasks_path), "--config", str(config)]) == 0
    assert "2 tasks, 4 predicted spans written" in capsys.readouterr().err
    assert {"LOC", "MEDIA", "PER"} <= {e.get("value") for e in ET.parse(config).iter("Label")}
    exported = json.loads(tasks_path.read_text("utf-8"))
    assert exported == tasks(CORPUS)
    path = export(tmp_path, [reviewed(exported[0], drop=frozenset({"بغداد اليوم"}))])
    patch = tmp_path / "patch.jsonl"
    status = main(["labels", "import", str(path), "-o", str(patch), "-g", str(gazetteer), "--no-default"])
    err = capsys.readouterr().err
    assert (
        status == 0
        and "1 reviewed task of 1: 2 spans confirmed; aliases to add: 0, texts to block: 1, entities: 1"
        in err
    )
    assert json.loads(patch.read_text("utf-8"))["meta"] == {"block_ar": ["بغداد اليوم"]}
    assert main(["gazetteer", "check", str(patch)]) == 0


def test_cli_export_of_an_unannotated_input_says_to_annotate_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = tmp_path / "raw.jsonl"
    raw.write_text(json.dumps({"id": "x", "body": "Iraq"}) + "\n", "utf-8")
    assert main(["labels", "export", str(raw), "-o", str(tmp_path / "t.json")]) == 0
    assert "note: no mentions to review; annotate it first" in capsys.readouterr().err


def test_cli_refuses_an_output_that_is_its_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.jsonl"
    CORPUS.to_jsonl(out)
    assert main(["labels", "export", str(out), "-o", str(out)]) == 2
    assert "Traceback" not in capsys.readouterr().err
