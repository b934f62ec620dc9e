"""record_to_article: the contract's key mapping, first present wins, unknown keys to meta."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mediamon
from mediamon.errors import Msg, Problem, RecordError
from mediamon.io.inputs import read_file
from mediamon.io.records import FIELD_KEYS, language_code, record_to_article
from mediamon.model import Article, Mention, Origin, article_id


def convert(record: dict[str, Any], **kwargs: Any) -> Article:
    return record_to_article(record, path="r.jsonl", line=3, **kwargs)


# Every alias of every field, one at a time: (field, key).
ALIASES = [(field, key) for field, keys in FIELD_KEYS.items() for key in keys]
VALUES = {
    "title": "A title",
    "body": "A body.",
    "date": "2021-10-06",
    "author": "A. Writer",
    "source": "Example Wire",
    "url": "https://example.org/a",
    "lang": "ar",
    "id": "rec-1",
}


@pytest.mark.parametrize(("field", "key"), ALIASES)
def test_every_alias_fills_its_field(field: str, key: str) -> None:
    record = {"title": "T"} if field != "title" else {"body": "B"}
    record[key] = VALUES[field]
    article = convert(record)
    got = article.date.isoformat() if field == "date" and article.date else getattr(article, field)
    assert got == VALUES[field]
    assert key not in article.meta


@pytest.mark.parametrize(("field", "keys"), [(f, k) for f, k in FIELD_KEYS.items() if len(k) > 1])
def test_first_present_key_wins_and_the_others_go_to_meta(field: str, keys: tuple[str, ...]) -> None:
    values = {key: f"{field}-{i}" if field != "lang" else ("en", "ar", "fr")[i] for i, key in enumerate(keys)}
    if field == "date":
        values = {key: f"2021-10-{i + 1:02d}" for i, key in enumerate(keys)}
    record: dict[str, Any] = (
        {"title": "T", "body": "B", **values} if field not in ("title", "body") else values
    )
    article = convert(record)
    got = article.date.isoformat() if field == "date" and article.date else getattr(article, field)
    assert got == values[keys[0]]
    assert {k: article.meta[k] for k in keys[1:]} == {k: values[k] for k in keys[1:]}


@pytest.mark.parametrize(
    ("record", "field", "expected"),
    [
        ({"title": None, "headline": "H"}, "title", "H"),  # null counts as absent
        ({"body": None, "text": None, "content": "C"}, "body", "C"),
        ({"Title": "Capitalised", "body": "b"}, "title", "Capitalised"),
        ({"HEADLINE": "Upper", "body": "b"}, "title", "Upper"),
        ({" Text ": "spaced key", "title": "t"}, "body", "spaced key"),
        ({"Title": "folded", "title": "exact"}, "title", "exact"),  # an exact name wins
        ({"title": "  padded  ", "body": "\n body \n"}, "title", "padded"),
        ({"title": "t", "author": "  "}, "author", None),
        ({"title": "t", "id": 17}, "id", "17"),
        ({"title": 2021, "body": 3.5}, "body", "3.5"),
        ({"title": "t", "date": "October 6, 2021"}, "date_text", "October 6, 2021"),
        ({"title": "t", "date": "not a date"}, "date", None),
        ({"title": "t", "date": "not a date"}, "date_text", "not a date"),
        ({"title": "t", "date": "2021-10-06"}, "date", dt.date(2021, 10, 6)),
    ],
)
def test_mapping_details(record: dict[str, Any], field: str, expected: object) -> None:
    assert getattr(convert(record), field) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("ar", "ar"),
        ("AR", "ar"),
        ("ar-IQ", "ar"),
        ("en_US", "en"),
        ("Arabic", "ar"),
        ("english", "en"),
        ("ara", "ar"),
        ("eng", "en"),
        ("العربية", "ar"),
        ("fr", "fr"),
        ("und", "und"),
        ("Klingon", None),
        ("zz", None),
        ("", None),
    ],
)
def test_language_code(value: str, expected: str | None) -> None:
    assert language_code(value) == expected


def test_unrecognised_language_is_detected_and_kept_in_meta() -> None:
    article = convert({"title": "وصل رئيس الوزراء إلى بغداد", "language": "Arabish"})
    assert article.lang == "ar"
    assert article.meta == {"language": "Arabish"}


def test_missing_language_is_detected() -> None:
    assert convert({"title": "The prime minister arrived in Baghdad on Monday"}).lang == "en"


def test_unknown_keys_go_to_meta_with_their_values() -> None:
    record = {"title": "t", "tags": ["a", "b"], "score": 0.5, "nested": {"k": [1, None]}, "empty": None}
    assert dict(convert(record).meta) == {
        "tags": ["a", "b"],
        "score": 0.5,
        "nested": {"k": [1, None]},
        "empty": None,
    }


def test_null_mapped_keys_do_not_go_to_meta() -> None:
    assert dict(convert({"title": "t", "url": None, "Author": None}).meta) == {}


def test_id_defaults_to_the_content_hash() -> None:
    article = convert({"title": "t", "body": "b", "date": "6 Oct 2021"})
    assert article.id == article_id("t", "6 Oct 2021", "b")


def test_origin_is_the_records_lines() -> None:
    assert convert({"title": "t"}, last_line=5).origin == Origin("r.jsonl", 3, 5)


@pytest.mark.parametrize("record", [{}, {"title": ""}, {"body": " \n "}, {"title": None, "body": None}])
def test_no_title_or_body_raises_with_file_and_line(record: dict[str, Any]) -> None:
    with pytest.raises(RecordError) as info:
        convert(record)
    assert info.value.problem == Problem("r.jsonl", 3, Msg.NO_TEXT_FIELDS)


@pytest.mark.parametrize(
    ("key", "value"), [("title", ["x"]), ("body", {"a": 1}), ("author", True), ("id", [1])]
)
def test_non_text_values_raise(key: str, value: object) -> None:
    with pytest.raises(RecordError, match=f"field '{key}'"):
        convert({"title": "t", "body": "b", key: value})


# --- mediamon's own output reads back -------------------------------------------------------

MENTION = {
    "field": "title",
    "start": 0,
    "end": 4,
    "text": "Iraq",
    "entity_id": "country:irq",
    "entity_type": "LOC",
    "entity_name": "Iraq",
    "lang": "en",
    "alias": "Iraq",
    "how": "exact",
}
OWN = {
    "id": "abc",
    "title": "Iraq votes",
    "body": "Body.",
    "date": "2021-10-06",
    "date_text": "October 6, 2021",
    "author": None,
    "source": "Wire",
    "url": None,
    "lang": "en",
    "origin": {"path": "dump.txt", "first_line": 4, "last_line": 9},
    "meta": {"posted_by": "x"},
    "mentions": [MENTION],
}


def test_own_output_reads_back_exactly() -> None:
    article = convert(OWN)
    assert article.to_dict() == OWN


def test_own_output_from_csv_cells_reads_back() -> None:
    record = {
        k: json.dumps(v) if isinstance(v, dict | list) else ("" if v is None else v) for k, v in OWN.items()
    }
    record = {k: v for k, v in record.items() if v != ""}  # the CSV reader leaves empty cells out
    assert convert(record).to_dict() == OWN


@pytest.mark.parametrize(
    ("mention", "detail"),
    [
        ({**MENTION, "end": 5}, "offsets 0..5 hold 'Iraq ', not 'Iraq'"),
        ({**MENTION, "start": 40, "end": 44}, "offsets 40..44 outside the title (10 characters)"),
        ({**MENTION, "field": "summary"}, "field must be 'title' or 'body', not 'summary'"),
        ({k: v for k, v in MENTION.items() if k != "alias"}, "missing 'alias'"),
        ({**MENTION, "start": "0"}, "mention 'start' must be int, not str"),
    ],
)
def test_bad_mentions_are_left_out_and_reported(mention: dict[str, Any], detail: str) -> None:
    problems: list[Problem] = []
    article = convert({**OWN, "mentions": [MENTION, mention]}, on_problem=problems.append)
    assert article.mentions == (Mention.from_dict(MENTION),)
    assert problems == [Problem("r.jsonl", 3, Msg.BAD_MENTION.format(index=1, detail=detail))]
    with pytest.raises(RecordError):
        convert({**OWN, "mentions": [mention]})


def test_text_carrying_mentions_is_not_trimmed() -> None:
    mention = {**MENTION, "field": "body", "start": 1, "end": 5}
    article = convert({**OWN, "body": " Iraq ", "mentions": [mention]})
    assert article.body == " Iraq " and len(article.mentions) == 1


def test_bad_own_origin_goes_to_meta() -> None:
    article = convert({**OWN, "origin": {"path": "x"}})
    assert article.origin == Origin("r.jsonl", 3, 3)
    assert article.meta["origin"] == {"path": "x"}


def test_bad_mentions_through_read_are_problems_and_the_article_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "own.jsonl"
    path.write_text(json.dumps({**OWN, "mentions": [{**MENTION, "end": 9}]}) + "\n", encoding="utf-8")
    corpus = mediamon.read(path)
    assert [a.id for a in corpus] == ["abc"] and corpus[0].mentions == ()
    assert [(p.path, p.line) for p in corpus.problems] == [(str(path), 1)]


def _resolve_per_record(record: dict[Any, Any], columns: dict[str, str] | None) -> list[tuple[str, str]]:
    """The field map walked for one record alone (what the per-shape table must give)."""
    from mediamon.io.records import FIELDS

    mapped = _mapped_keys()
    out = []
    for field in FIELDS:
        named = [key for key, want in (columns or {}).items() if want == field]
        for key in (*named, *FIELD_KEYS[field]):
            # the key as written, else the record's first key written in another case or spacing
            other = (
                k for k in record if isinstance(k, str) and k not in mapped and k.strip().casefold() == key
            )
            actual = key if key in record else next(other, None)
            if actual is not None and record[actual] is not None:
                out.append((field, actual))
    return out


def _mapped_keys() -> frozenset[str]:
    return frozenset(key for keys in FIELD_KEYS.values() for key in keys)


_KEY_NAMES = st.sampled_from(
    [
        "title",
        "Title",
        " TITLE ",
        "body",
        "Text",
        "text ",
        "date",
        "Date",
        "url",
        "source",
        "lang",
        "id",
        "x",
        3,
    ]
)


@settings(max_examples=200, deadline=None)
@given(
    keys=st.lists(_KEY_NAMES, min_size=1, max_size=6, unique=True),
    nulls=st.lists(st.lists(st.booleans(), min_size=6, max_size=6), min_size=1, max_size=4),
    columns=st.sampled_from([None, {"x": "body"}, {"Title": "source"}]),
)
def test_keys_resolved_once_per_shape_as_per_record(
    keys: list[Any], nulls: list[list[bool]], columns: dict[str, str] | None
) -> None:
    # Records of one set of keys share their resolved keys; which values are null still counts.
    from mediamon.io.records import _resolve

    for pattern in nulls:
        record = {key: None if null else "v" for key, null in zip(keys, pattern, strict=False)}
        assert _resolve(record, columns) == _resolve_per_record(record, columns)


@pytest.mark.parametrize(
    ("records", "want"),
    [
        pytest.param(
            [{f"k{i}_{j}": "v" for j in range(5)} for i in range(20_000)],
            "'k3_4' and 99,980 more); say",
            id="100,000 distinct keys",
        ),
        pytest.param(
            [{"x" * 5000: "v", "ok": "w"}], f"{'x' * 60!r}..., 'ok'); say", id="a key of 5,000 characters"
        ),
    ],
)
def test_the_no_text_problem_is_one_readable_line_however_many_keys(
    records: list[dict[str, str]], want: str
) -> None:
    """Was one line listing every key seen: 1.1 MB for 20,000 records of 5 keys each."""
    data = "".join(json.dumps(record) + "\n" for record in records).encode()
    (problem,) = read_file("x.jsonl", data=data).problems
    assert want in problem.reason and len(problem.reason) < 2000 and "\n" not in problem.reason
    assert "--columns k0_0=body" in problem.reason or "--columns ok=body" in problem.reason
