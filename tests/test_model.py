"""Article, Mention, Origin, Dropped: round trips, validation, hashing, stable ids."""

from __future__ import annotations

import datetime as dt
import pickle
from typing import Any

import pytest

from mediamon.model import Article, Dropped, Mention, Origin, article_id

MENTION = Mention("body", 4, 8, "Iraq", "country:irq", "LOC", "Iraq", "en", "Iraq", "exact")
ARTICLE = Article(
    id="x1",
    title="Vote",
    body="The Iraq vote.",
    date=dt.date(2021, 10, 6),
    date_text="October 6, 2021",
    author="A",
    source="S",
    url="https://example.org",
    lang="en",
    mentions=(MENTION,),
    origin=Origin("d.txt", 1, 7),
    meta={"k": [1, {"n": None}]},
)


def test_article_dict_round_trip() -> None:
    assert Article.from_dict(ARTICLE.to_dict()) == ARTICLE


def test_contract_fields_in_the_output_schema() -> None:
    assert list(ARTICLE.to_dict()) == [
        "id",
        "title",
        "body",
        "date",
        "date_text",
        "author",
        "source",
        "url",
        "lang",
        "origin",
        "meta",
        "mentions",
    ]
    assert ARTICLE.to_dict()["origin"] == {"path": "d.txt", "first_line": 1, "last_line": 7}
    assert list(ARTICLE.to_dict()["mentions"][0]) == [
        "field",
        "start",
        "end",
        "text",
        "entity_id",
        "entity_type",
        "entity_name",
        "lang",
        "alias",
        "how",
    ]


def test_articles_are_hashable_and_equal_articles_hash_alike() -> None:
    twin = Article.from_dict(ARTICLE.to_dict())
    assert hash(twin) == hash(ARTICLE)
    assert len({ARTICLE, twin}) == 1


def test_meta_is_read_only_and_articles_pickle() -> None:
    with pytest.raises(TypeError):
        ARTICLE.meta["k"] = 2  # type: ignore[index]
    assert pickle.loads(pickle.dumps(ARTICLE)) == ARTICLE


def test_article_id_is_stable() -> None:
    """Pinned: changing the id recipe changes every stored id, so it must be deliberate."""
    assert article_id("Title", None, "Body") == article_id("Title", "", "Body") == "d1ca4857cee988a7"
    assert article_id("عنوان", "6 أيلول 2021", "نص") == "7b75ca24112491aa"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (("ab", None, "c"), ("a", None, "bc")),  # field boundaries count
        (("t", "d", "b"), ("t", None, "b")),
        (("t", None, "b"), ("t", None, "b ")),
    ],
)
def test_article_id_separates_fields(a: tuple[str, str | None, str], b: tuple[str, str | None, str]) -> None:
    assert article_id(*a) != article_id(*b)


@pytest.mark.parametrize(
    ("mention", "reason"),
    [
        (MENTION, None),
        (Mention("title", 0, 4, "Vote", "e", "T", "n", "en", "a", "exact"), None),
        (
            Mention("body", 4, 9, "Iraq", "e", "T", "n", "en", "a", "exact"),
            "offsets 4..9 hold 'Iraq ', not 'Iraq'",
        ),
        (
            Mention("body", 40, 44, "Iraq", "e", "T", "n", "en", "a", "exact"),
            "offsets 40..44 outside the body",
        ),
        (Mention("body", 5, 4, "", "e", "T", "n", "en", "a", "exact"), "offsets 5..4 outside the body"),
        (Mention("text", 0, 1, "T", "e", "T", "n", "en", "a", "exact"), "field must be 'title' or 'body'"),
    ],
)
def test_mention_check(mention: Mention, reason: str | None) -> None:
    got = mention.check(ARTICLE)
    assert got == reason if reason is None else got is not None and got.startswith(reason)


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"id": None}, None),
        ({"date": "06/10/2021"}, ValueError),
        ({"title": ["x"]}, TypeError),
        ({"author": 3}, TypeError),
        ({"meta": [1]}, TypeError),
        ({"mentions": {"a": 1}}, TypeError),
        ({"mentions": [{**MENTION.to_dict(), "end": 9}]}, ValueError),
        ({"mentions": [{**MENTION.to_dict(), "start": True}]}, TypeError),
        ({"origin": {"path": "p"}}, KeyError),
    ],
)
def test_from_dict_refuses_bad_values(change: dict[str, Any], error: type[Exception] | None) -> None:
    data = {**ARTICLE.to_dict(), **change}
    if "id" in change:
        del data["id"]
    with pytest.raises(error or KeyError):
        Article.from_dict(data)


def test_text_joins_title_and_body() -> None:
    assert ARTICLE.text == "Vote\n\nThe Iraq vote."
    assert ARTICLE.evolve(body="").text == "Vote"
    assert ARTICLE.evolve(title="").text == "The Iraq vote."


def test_dropped_to_dict() -> None:
    assert Dropped("p", 3, "Share this:", "boilerplate").to_dict() == {
        "path": "p",
        "line": 3,
        "text": "Share this:",
        "reason": "boilerplate",
        "article_id": None,
    }


def test_article_fields_name_every_attribute_once() -> None:
    """``ARTICLE_FIELDS`` is the output order of exactly the Article's attributes."""
    import attrs

    from mediamon.model import ARTICLE_FIELDS

    assert sorted(ARTICLE_FIELDS) == sorted(f.name for f in attrs.fields(Article))
    assert tuple(Article("x", "t", "b").to_dict()) == ARTICLE_FIELDS
