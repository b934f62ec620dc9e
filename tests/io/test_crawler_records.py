"""Records as real crawlers write them: the field map data file, whole-file checks, ``columns=``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import mediamon
from mediamon.errors import Msg, UsageError
from mediamon.io.records import FIELD_KEYS, check_columns, header_like, parse_columns

CONTRACT = {
    "title": ("title", "headline"),
    "body": ("body", "text", "content", "article"),
    "date": ("date", "published", "published_at", "pubdate"),
    "author": ("author", "byline"),
    "source": ("source", "outlet", "site", "publisher"),
    "url": ("url", "link"),
    "lang": ("lang", "language"),
    "id": ("id",),
}
BODY = "The minister said the talks would resume next week in Baghdad, officials confirmed."


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_contract_keys_come_first_in_the_field_map() -> None:
    for field, keys in CONTRACT.items():
        assert FIELD_KEYS[field][: len(keys)] == keys


def test_news_please_record(tmp_path: Path) -> None:
    record = {
        "authors": ["Jane Roe", "Omar Khalil"],
        "date_download": "2021-10-07 10:00:00",
        "date_modify": None,
        "date_publish": "2021-10-06 08:30:00",
        "description": "Short summary.",
        "language": "en",
        "maintext": BODY,
        "source_domain": "example.org",
        "title": "Talks to Resume",
        "url": "https://example.org/talks",
    }
    (article,) = mediamon.read(write(tmp_path, "np.jsonl", json.dumps(record) + "\n"))
    assert (article.title, article.body, str(article.date), article.author, article.source, article.url) == (
        "Talks to Resume",
        BODY,
        "2021-10-06",
        "Jane Roe, Omar Khalil",
        "example.org",
        "https://example.org/talks",
    )
    assert article.lang == "en"
    assert article.meta == {
        "date_download": "2021-10-07 10:00:00",
        "date_modify": None,
        "description": "Short summary.",
    }


def test_trafilatura_record_source_is_a_url(tmp_path: Path) -> None:
    record = {
        "title": "Talks to Resume",
        "author": "Jane Roe",
        "hostname": "example.org",
        "sitename": "Example Wire",
        "date": "2021-10-06",
        "source": "https://example.org/talks",
        "raw_text": BODY,
        "text": BODY,
    }
    (article,) = mediamon.read(write(tmp_path, "t.json", json.dumps([record])))
    assert (article.url, article.source, article.body) == ("https://example.org/talks", "Example Wire", BODY)
    assert "source" not in article.meta and article.meta["hostname"] == "example.org"


def test_crawler_csv_columns(tmp_path: Path) -> None:
    text = f'article_title,article_date,article_content\nTalks to Resume,2021-10-06,"{BODY}"\n'
    (article,) = mediamon.read(write(tmp_path, "c.csv", text))
    assert (article.title, str(article.date), article.body) == ("Talks to Resume", "2021-10-06", BODY)


def test_a_record_set_without_title_or_body_keys_is_one_problem_naming_the_keys(tmp_path: Path) -> None:
    lines = "".join(json.dumps({"headline_x": f"T{i}", "story_x": BODY}) + "\n" for i in range(5))
    corpus = mediamon.read(write(tmp_path, "r.jsonl", lines))
    assert len(corpus) == 0
    (problem,) = corpus.problems
    assert (
        "'headline_x'" in problem.reason
        and "'story_x'" in problem.reason
        and problem.path.endswith("r.jsonl")
    )
    fixed = mediamon.read(tmp_path / "r.jsonl", columns={"headline_x": "title", "story_x": "body"})
    assert [a.title for a in fixed] == [f"T{i}" for i in range(5)] and not fixed.problems


def test_csv_without_a_header_is_reported_and_columns_say_what_is_what(tmp_path: Path) -> None:
    rows = "".join(f'Headline number {i},2021-10-0{i + 1},"{BODY}"\n' for i in range(3))
    path = write(tmp_path, "noheader.csv", rows)
    corpus = mediamon.read(path)
    reasons = [p.reason for p in corpus.problems]
    assert reasons[0].startswith("the first row looks like data") and str(corpus.problems[0]).startswith(
        str(path)
    )
    fixed = mediamon.read(path, columns="title,date,body")
    assert [a.title for a in fixed] == [f"Headline number {i}" for i in range(3)] and not fixed.problems
    assert str(fixed[2].date) == "2021-10-03"


def test_shifted_csv_header_is_reported(tmp_path: Path) -> None:
    rows = "".join(f'x{i},2021-10-0{i + 1},"{BODY}",Headline {i}\n' for i in range(3))
    path = write(tmp_path, "shift.csv", "id,title,date,body\n" + rows)
    corpus = mediamon.read(path)
    (problem,) = [p for p in corpus.problems if "shifted" in p.reason]
    assert (
        "title column 'title' holds dates" in problem.reason
        and "date column 'date' holds long text" in problem.reason
    )
    fixed = mediamon.read(path, columns="id,date,body,title")
    assert [a.title for a in fixed] == [f"Headline {i}" for i in range(3)] and not fixed.problems


def test_good_csv_is_not_reported(tmp_path: Path) -> None:
    corpus = mediamon.read(write(tmp_path, "ok.csv", f'title,date,body\nTalks,2021-10-06,"{BODY}"\n'))
    assert len(corpus) == 1 and not corpus.problems


@pytest.mark.parametrize(
    ("value", "want"),
    [
        ("title,date,body", ["title", "date", "body"]),
        ("story=body, when=date", {"story": "body", "when": "date"}),
        ({"a": "title"}, {"a": "title"}),
    ],
)
def test_parse_columns(value: str, want: object) -> None:
    assert parse_columns(value) == want


@pytest.mark.parametrize("value", ["story=bodyy", "a,b,c", "title,x=body"])
def test_bad_columns_are_a_usage_error(value: str) -> None:
    with pytest.raises(UsageError, match="--columns"):
        parse_columns(value)


def test_header_like_and_check_columns() -> None:
    assert header_like(["title", "Published At", "body"])
    assert not header_like(["Talks to Resume", "2021-10-06", BODY])
    assert (
        check_columns([{"title": "2021-10-06", "body": BODY}] * 3, None) == "title column 'title' holds dates"
    )
    assert check_columns([{"title": "2021-10-06", "body": BODY}] * 2, None) is None  # too few to judge
    assert check_columns([{"title": "Talks", "body": BODY}] * 3, None) is None


def test_messages_name_the_flag() -> None:
    assert "--columns" in Msg.NO_TEXT_KEYS and "--columns" in Msg.CSV_NO_HEADER


def test_a_lang_column_without_language_codes_is_reported(tmp_path: Path) -> None:
    rows = "".join(f'Headline {i},"{BODY}",en,2021-10-0{i + 1}\n' for i in range(3))
    corpus = mediamon.read(write(tmp_path, "swap.csv", "title,body,date,lang\n" + rows))
    (problem,) = corpus.problems
    assert "lang column 'lang' holds no language codes" in problem.reason
    fixed = mediamon.read(tmp_path / "swap.csv", columns={"date": "lang", "lang": "date"})
    assert {a.lang for a in fixed} == {"en"} and str(fixed[0].date) == "2021-10-01" and not fixed.problems
