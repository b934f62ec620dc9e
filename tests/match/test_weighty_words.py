"""The weighty class (data/ar/weighty_words.json): derived from the bundled data, as its tool writes it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from mediamon.errors import DataFileError
from mediamon.match import support
from mediamon.match.support import weighty_words

TOOL = Path(__file__).resolve().parents[2] / "tools" / "wordfreq" / "weighty_words.py"


def _tool() -> object:
    spec = importlib.util.spec_from_file_location("weighty_words_tool", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_data_file_is_what_the_tool_derives() -> None:
    tool = _tool()
    assert tool.OUT.read_text(encoding="utf-8") == tool.render(tool.derive())  # type: ignore[attr-defined]


def test_every_word_is_frequent_both_ways_and_of_a_weighty_place() -> None:
    tool = _tool()
    data = tool.derive()  # type: ignore[attr-defined]
    table = support.word_frequencies("ar")
    assert data["words"] and set(data["words"]) == weighty_words("ar")
    for key, rows in data["words"].items():
        assert " " not in key
        for row in rows:
            assert row["weight"] in ("country", "region", "capital", "big")
            assert table[key] >= support.SupportSettings().town_zipf
            assert table[row["toggled"]] >= data["min_toggled_zipf"]
    # a country's name written one way only is no ordinary word (مصر, never المصر)
    assert "مصر" not in data["words"] and "قطر" in data["words"]


def test_a_malformed_file_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(support.resources, "optional_json", lambda name: {"words": {"two words": []}})
    support.weighty_words.cache_clear()
    try:
        with pytest.raises(DataFileError):
            weighty_words("ar")
    finally:
        monkeypatch.undo()
        support.weighty_words.cache_clear()
