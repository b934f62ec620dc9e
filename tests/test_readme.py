"""The README's Python tour runs as written (on the bundled sample dump)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_readme_python_blocks_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
    assert len(blocks) >= 4
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    (tmp_path / "out").mkdir()
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {}
    exec(compile("import mediamon\n" + "\n".join(blocks), "README.md", "exec"), namespace)
    assert len(namespace["corpus"]) == 22  # type: ignore[arg-type]
    assert (tmp_path / "out" / "articles.jsonl").exists()
