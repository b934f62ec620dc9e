"""The on-disk cache of derived tables: reuse, invalidation, corruption, and the import it saves."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mediamon import cache


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MEDIAMON_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


class Builder:
    """Counts builds, so a test can tell a cache hit from a rebuild."""

    def __init__(self, value: dict[str, str]):
        self.value = value
        self.calls = 0

    def __call__(self) -> dict[str, str]:
        self.calls += 1
        return dict(self.value)


def _decode(data: object) -> dict[str, str] | None:
    return data if isinstance(data, dict) and all(isinstance(v, str) for v in data.values()) else None


def _get(build: Builder, key: dict[str, str] | None = None) -> dict[str, str]:
    return cache.cached("table", key or {"v": "1"}, build, encode=dict, decode=_decode)


def test_second_call_reads_the_file(folder: Path) -> None:
    build = Builder({"a": "b"})
    assert _get(build) == {"a": "b"}
    assert (folder / "table.json").is_file()
    assert _get(build) == {"a": "b"}
    assert build.calls == 1


def test_a_new_key_rebuilds(folder: Path) -> None:
    build = Builder({"a": "b"})
    _get(build, {"v": "1"})
    _get(build, {"v": "2"})
    assert build.calls == 2
    assert json.loads((folder / "table.json").read_text(encoding="utf-8"))["key"]["v"] == "2"


@pytest.mark.parametrize(
    "content",
    ["", "{not json", "[]", '{"key": {"format": "1", "v": "1"}, "value": [1, 2]}', "\x00\xff"],
    ids=["empty", "broken", "wrong-shape", "invalid-value", "binary"],
)
def test_a_bad_file_is_rebuilt_and_rewritten(folder: Path, content: str) -> None:
    folder.mkdir(parents=True)
    (folder / "table.json").write_text(content, encoding="utf-8", errors="surrogateescape")
    build = Builder({"a": "b"})
    assert _get(build) == {"a": "b"}
    assert build.calls == 1
    assert _get(build) == {"a": "b"}
    assert build.calls == 1


@pytest.mark.parametrize("setting", ["off", "OFF", "", "0", "none"])
def test_off_builds_every_time_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, setting: str
) -> None:
    monkeypatch.setenv("MEDIAMON_CACHE_DIR", setting)
    monkeypatch.chdir(tmp_path)
    build = Builder({"a": "b"})
    _get(build)
    _get(build)
    assert build.calls == 2
    assert cache.cache_dir() is None
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_cache_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("MEDIAMON_CACHE_DIR", str(blocker / "cache"))  # a folder inside a file
    build = Builder({"a": "b"})
    assert _get(build) == {"a": "b"}
    assert _get(build) == {"a": "b"}
    assert build.calls == 2


def test_default_location_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("MEDIAMON_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_dir() == tmp_path / "mediamon"


def test_arabic_table_survives_the_round_trip() -> None:
    from mediamon.lang import ar

    built = ar._build_table()
    again = ar._decode_table(json.loads(json.dumps(list(built), ensure_ascii=False)))
    assert again == built
    assert ar._decode_table([{"ab": "c"}, {}]) is None
    assert ar._decode_table({"a": "b"}) is None


def test_a_warm_cache_spares_the_camel_tools_import(folder: Path) -> None:
    code = (
        "import sys, mediamon\n"
        "n = mediamon.ArabicNormalizer()\n"
        "print(n.normalize('الْعِرَاق'), 'camel_tools' in sys.modules)\n"
    )
    env = {**os.environ, "MEDIAMON_CACHE_DIR": str(folder)}
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    second = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert first.stdout.split() == ["العراق", "True"]
    assert second.stdout.split() == ["العراق", "False"]
