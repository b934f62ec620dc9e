"""The JSON Lines fast path writes what ``json_text(article.to_dict())`` writes, byte for byte."""

from __future__ import annotations

import datetime
import json
import math

import attrs
import pytest
from hypothesis import given

from mediamon import Article, Mention
from mediamon.io.output import _article_line, dumps, json_text
from mediamon.model import ARTICLE_FIELDS, MENTION_FIELDS
from tests.strategies import articles


@given(articles())
def test_the_fast_line_is_the_general_line(article: Article) -> None:
    assert dumps(article) == json_text(article.to_dict())


def test_the_keys_are_the_model_fields_in_order() -> None:
    article = Article("a", "Iraq", "", mentions=(_mention(),))
    line = _article_line(article)
    assert line is not None
    written = json.loads(line)
    assert tuple(written) == ARTICLE_FIELDS
    assert tuple(written["mentions"][0])[: len(MENTION_FIELDS)] == MENTION_FIELDS


def _mention(**changes: object) -> Mention:
    base = Mention("title", 0, 4, "Iraq", "Q796", "LOC", "Iraq", "en", "Iraq", "exact", support="alias")
    return attrs.evolve(base, **changes)


@pytest.mark.parametrize(
    "article",
    [
        Article("a", "Iraq", "", mentions=(_mention(start=False),)),  # a bool offset is JSON false
        Article("a", "Iraq", "", mentions=(_mention(end=4.0),)),
        Article("a", "Iraq", "", mentions=(_mention(wikidata=7),)),
        Article("a", "Iraq", "", date=datetime.datetime(2021, 7, 18, 10, 30)),
        Article("a", "Iraq", "", meta={"score": math.nan, "n": [1, None, True]}),
        Article("a", "Iraq", "", meta={1: "int key", "when": datetime.date(2021, 1, 2)}),
        Article("a", "Iraq\ud800", "", author="x\udfff"),
        Article("a", "Iraq", "", lang=None),  # type: ignore[arg-type]
    ],
)
def test_hand_made_articles_give_the_general_line(article: Article) -> None:
    assert dumps(article) == json_text(article.to_dict())


def test_unexpected_types_take_the_general_path() -> None:
    assert _article_line(Article("a", "Iraq", "", mentions=(_mention(start=True),))) is None
    assert _article_line(Article("a", 3, "")) is None  # type: ignore[arg-type]
    assert _article_line(Article("a", "Iraq", "", meta={"x": math.inf})) is None
    assert _article_line(Article("a", "Iraq", "")) is not None
