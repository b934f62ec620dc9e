"""Articles over the size cap: split into parts, nothing lost, every offset still exact."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediamon import Article, Mention
from mediamon.io import inputs
from mediamon.io.split import split_article

_PARAGRAPH = "Officials in Baghdad met on Monday to discuss the talks."


def _mention(body: str, start: int, end: int) -> Mention:
    return Mention(
        field="body",
        start=start,
        end=end,
        text=body[start:end],
        entity_id="x:1",
        entity_type="LOC",
        entity_name="X",
        lang="en",
        alias=body[start:end],
        how="exact",
    )


def test_an_article_within_the_cap_is_passed_on_as_it_is() -> None:
    article = Article(id="a", title="T", body=_PARAGRAPH)
    parts, problem = split_article(article, 1000, "f.txt")
    assert parts == [article] and parts[0] is article
    assert problem is None


def test_a_long_article_is_cut_at_paragraph_breaks_and_says_so() -> None:
    body = "\n\n".join([_PARAGRAPH] * 40)
    article = Article(id="a", title="Talks", body=body)
    parts, problem = split_article(article, 500, "dump.txt")
    assert "".join(p.body for p in parts) == body
    assert all(len(p.title) + len(p.body) <= 500 for p in parts)
    assert all(p.body.endswith("\n\n") for p in parts[:-1])  # never inside a paragraph
    assert [p.id for p in parts] == ["a"] + [f"a#{k}" for k in range(2, len(parts) + 1)]
    assert parts[0].title == "Talks" and all(p.title == "" for p in parts[1:])
    assert [p.meta["part"] for p in parts] == list(range(1, len(parts) + 1))
    assert {p.meta["parts"] for p in parts} == {len(parts)}
    assert all(p.meta["part_of"] == "a" for p in parts[1:]) and "part_of" not in parts[0].meta
    assert problem is not None and problem.path == "dump.txt"
    assert f"split into {len(parts)} articles" in problem.reason


def test_one_paragraph_without_breaks_is_cut_at_spaces_then_anywhere() -> None:
    words = Article(id="w", title="", body=" ".join(["word"] * 300))
    parts, _ = split_article(words, 100, "f")
    assert all(not p.body.startswith(" ") for p in parts) and all(p.body.endswith(" ") for p in parts[:-1])
    solid = Article(id="s", title="", body="x" * 250)
    parts, _ = split_article(solid, 100, "f")
    assert [len(p.body) for p in parts] == [100, 100, 50]


def test_a_title_over_the_cap_opens_the_body() -> None:
    article = Article(id="t", title="T" * 300, body=_PARAGRAPH)
    parts, problem = split_article(article, 200, "r.jsonl")
    assert "".join(p.body for p in parts) == "T" * 300 + "\n\n" + _PARAGRAPH
    assert all(p.title == "" for p in parts)
    assert problem is not None and "title" in problem.reason


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(["Iraq", "the", "talks", " ", "\n", "\n\n", "Abu Dhabi"]), max_size=120),
    st.integers(min_value=1, max_value=60),
    st.data(),
)
def test_parts_hold_the_body_and_every_mention_exactly(
    words: list[str], limit: int, data: st.DataObject
) -> None:
    body = "".join(words)
    spans = []
    for start in sorted({i for i in range(len(body)) if body.startswith(("Iraq", "Abu Dhabi"), i)}):
        end = start + (4 if body.startswith("Iraq", start) else 9)
        if not spans or start >= spans[-1][1]:
            spans.append((start, end))
    kept = data.draw(st.lists(st.sampled_from(spans), unique=True)) if spans else []
    mentions = tuple(_mention(body, s, e) for s, e in sorted(kept))
    article = Article(id="p", title="Ti", body=body, mentions=mentions)
    parts, _ = split_article(article, limit, "f")
    moved = len(article.title) + len(body) > limit and len(article.title) >= limit
    assert "".join(p.title + p.body for p in parts) == ("Ti\n\n" if moved else "Ti") + body
    if not mentions:  # a cut never falls inside a mention, so a part may hold one longer than the cap
        assert all(len(p.title) + len(p.body) <= limit for p in parts)
    assert sum(len(p.mentions) for p in parts) == len(mentions)
    for part in parts:
        for m in part.mentions:
            assert getattr(part, m.field)[m.start : m.end] == m.text


def test_reading_splits_a_long_record_and_reports_it_by_file_and_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    monkeypatch.setattr(inputs, "LIMITS", inputs.ReadLimits(max_article_chars=300))
    lines = [
        json.dumps({"title": "Short", "body": _PARAGRAPH}),
        json.dumps({"title": "Long", "body": "\n\n".join([_PARAGRAPH] * 20)}),
    ]
    parsed = inputs.read_file("r.jsonl", data="\n".join(lines).encode())
    assert [a.title for a in parsed.articles][:2] == ["Short", "Long"]
    assert len(parsed.articles) > 3
    assert "".join(a.body for a in parsed.articles[1:]) == "\n\n".join([_PARAGRAPH] * 20)
    (problem,) = parsed.problems
    assert (problem.path, problem.line) == ("r.jsonl", 2) and "over the 300-character cap" in problem.reason
