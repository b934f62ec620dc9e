"""The register model (data/ar/register.json, tools/sense/register.py) and the sense decision of
the weighty class it feeds (SupportModel._sense: support ``register``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import mediamon
from mediamon.errors import DataFileError
from mediamon.match import support
from mediamon.match.support import register_model, weighty_words
from mediamon.model import Mention
from tests.conftest import DATA, load_script

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / "tools" / "sense" / "register.py"
SHIPPED = ROOT / "src" / "mediamon" / "data" / "ar" / "register.json"

#: ordinary prose of four sentences (a gardening column), none reading as news
GARDEN = (
    "حين يأتي الربيع تمتلئ الرياض بالنحل. والنحل صديق البستاني. "
    "فلا ترش المبيد وقت تفتح الأزهار. واسق النباتات في الصباح الباكر."
)
#: news of four sentences
NEWS = (
    "أعلنت وزارة الخارجية أمس أن الوزير سيزور العاصمة الأسبوع المقبل. وقال المتحدث باسم الوزارة "
    "إن المحادثات ستتناول التعاون الاقتصادي. وأضاف أن الرياض تدعم الحل السياسي. وأكد مسؤول آخر أن "
    "الاتفاق قريب."
)


def _tool() -> Any:
    return load_script(TOOL, "register_tool")


def test_the_shipped_model_is_valid_and_names_its_provenance() -> None:
    data = json.loads(SHIPPED.read_text(encoding="utf-8"))
    assert data["source"] == "tools/sense/register.py" and "CC BY-SA 3.0" in data["licence"]
    model = register_model("ar")
    assert model is not None and model.weights == data["weights"]
    assert 0.0 < model.min_news_share < 1.0 and model.min_sentences >= 1
    assert model.sentence_threshold <= model.threshold
    # the model reads the words around a weighty word, never the word (nor its toggled form)
    tool = _tool()
    assert not set(model.weights) & tool.class_words()
    assert weighty_words("ar") <= tool.class_words()


def test_the_file_is_written_byte_for_byte_as_the_tool_renders_it() -> None:
    # re-rendering the shipped data reproduces the file (sorted keys, indent 0, one final newline)
    data = json.loads(SHIPPED.read_text(encoding="utf-8"))
    text = json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n"
    assert SHIPPED.read_text(encoding="utf-8") == text


def test_training_gives_news_words_positive_and_prose_words_negative_log_odds() -> None:
    tool = _tool()
    news = [{"الوزير", "أعلن"}, {"الوزير", "الحكومة"}, {"أعلن", "الحكومة"}]
    prose = [{"الحديقة", "الورد"}, {"الورد", "النحل"}, {"الحديقة", "النحل"}]
    weights = tool.train(news, prose, 2)
    assert weights["الوزير"] > 0 > weights["الورد"]
    assert tool.score(weights, {"الوزير", "الحكومة"}) > 0 > tool.score(weights, {"الورد"})
    train, held = tool.split(iter([{"a"}, {"b"}, {"c"}, {"d"}, {"e"}]), 5)
    assert held == [{"e"}] and len(train) == 4


def test_a_text_reads_as_news_by_the_share_of_its_sentences() -> None:
    model = register_model("ar")
    assert model is not None
    annotator = mediamon.Annotator(DATA / "gazetteers" / "support.jsonl", default=False)
    sm = annotator.support
    assert sm._reads_as_news(NEWS, "ar")
    assert not sm._reads_as_news(GARDEN, "ar")
    # too short to tell: its sentences decide
    assert sm._reads_as_news("تمتلئ الرياض بالنحل.", "ar")
    assert sm._reads_as_news("any English text at all. Two. Three. Four.", "en")  # no model: as before


def test_the_development_traps_do_not_read_as_news_and_the_sample_dumps_articles_do() -> None:
    sm = mediamon.Annotator(DATA / "gazetteers" / "support.jsonl", default=False).support
    for path in sorted((DATA / "eval").glob("ordinary_ar*.txt")):
        if "_trap_g" not in path.name and "_held_out" not in path.name:  # measured only
            assert not sm._reads_as_news(path.read_text(encoding="utf-8"), "ar"), path.name
    bodies = [a.body for a in mediamon.read(ROOT / "examples" / "000_ee85a602ba24a7e5.txt") if a.lang == "ar"]
    assert bodies and all(sm._reads_as_news(body, "ar") for body in bodies)


def _loaded(monkeypatch: pytest.MonkeyPatch, data: dict) -> object:
    """``register_model("ar")`` read from ``data`` (the exception it raises, if any)."""
    monkeypatch.setattr(support.resources, "optional_json", lambda name: data)
    support.register_model.cache_clear()
    try:
        return register_model("ar")
    except DataFileError as error:
        return error
    finally:
        monkeypatch.undo()
        support.register_model.cache_clear()


@pytest.mark.parametrize(
    "data",
    [
        {
            "weights": {"كلمة": "x"},
            "threshold": 0,
            "min_news_share": 0.3,
            "min_sentences": 4,
            "sentence_threshold": -4,
        },
        {"weights": {}, "threshold": 0, "min_news_share": 1.5, "min_sentences": 4, "sentence_threshold": -4},
        {"weights": {}, "threshold": 0, "min_news_share": 0.3, "sentence_threshold": -4},
        {"weights": [], "threshold": 0, "min_news_share": 0.3, "min_sentences": 4, "sentence_threshold": -4},
    ],
)
def test_a_malformed_file_is_refused(monkeypatch: pytest.MonkeyPatch, data: dict) -> None:
    assert isinstance(_loaded(monkeypatch, data), DataFileError)


def test_no_file_no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _loaded(monkeypatch, {}) is None


def test_a_discovered_place_that_is_a_weighty_word_is_dropped_outside_news() -> None:
    sm = mediamon.Annotator(DATA / "gazetteers" / "support.jsonl", default=False).support

    def place(text: str, word: str, typ: str = "LOC") -> Mention:
        start = text.index(word)
        end = start + len(word)
        return Mention("body", start, end, word, "new:loc:x", typ, word, "ar", word, "discovered")

    garden = GARDEN + " وفي الريف يسقي الناس في الفجر."
    assert sm.ordinary_word(garden, place(garden, "الريف"))  # the countryside, in a gardening column
    assert sm.ordinary_word(garden, place(garden, "الرياض"))
    assert not sm.ordinary_word(garden, place(garden, "الرياض", "PER"))  # places only
    assert not sm.ordinary_word(garden, place(garden, "النحل"))  # no weighty word
    assert not sm.ordinary_word(NEWS, place(NEWS, "الرياض"))  # news: the name finder's call
