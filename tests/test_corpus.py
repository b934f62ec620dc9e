"""Corpus: sequence behaviour, filter, dedupe, entity counts, JSON Lines round trip, stable ids."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mediamon
from mediamon import Article, Corpus, Dropped, Mention, Problem
from mediamon.errors import RecordError
from tests.conftest import DATA
from tests.strategies import articles

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "000_ee85a602ba24a7e5.txt"


def mention(
    field: str, text: str, start: int, end: int, entity: str, etype: str = "LOC", lang: str = "en"
) -> Mention:
    return Mention(field, start, end, text[start:end], entity, etype, entity, lang, text[start:end], "exact")


def art(
    ident: str,
    title: str = "",
    body: str = "",
    *,
    date: str | None = None,
    lang: str = "en",
    source: str | None = None,
    mentions: tuple[tuple[str, int, int, str, str], ...] = (),
    meta: dict[str, Any] | None = None,
) -> Article:
    texts = {"title": title, "body": body}
    return Article(
        id=ident,
        title=title,
        body=body,
        date=dt.date.fromisoformat(date) if date else None,
        date_text=date,
        source=source,
        lang=lang,
        mentions=tuple(mention(f, texts[f], s, e, eid, t) for f, s, e, eid, t in mentions),
        meta=meta or {},
    )


A = art(
    "a",
    "Iraq and Iran",
    "Talks in Baghdad.",
    date="2021-07-01",
    source="Wire",
    mentions=(
        ("title", 0, 4, "country:irq", "LOC"),
        ("title", 9, 13, "country:irn", "LOC"),
        ("body", 9, 16, "city:baghdad", "LOC"),
    ),
)
B = art(
    "b",
    "العراق اليوم",
    "وصل الكاظمي",
    date="2021-07-15",
    lang="ar",
    source="الأخبار",
    mentions=(
        ("title", 0, 6, "country:irq", "LOC"),
        ("body", 4, 11, "per:kadhimi", "PER"),
    ),
)
C = art("c", "Undated note", "Nothing about anyone.", source="wire ")
D = art(
    "d",
    "Late news",
    "Iraq again and Iraq.",
    date="2021-08-01",
    source="Other",
    mentions=(
        ("body", 0, 4, "country:irq", "LOC"),
        ("body", 15, 19, "country:irq", "LOC"),
    ),
)
DROPPED = (Dropped("d.txt", 3, "Share this:", "boilerplate"),)
PROBLEMS = (Problem("bad.json", 2, "bad JSON"),)
CORPUS = Corpus((A, B, C, D), dropped=DROPPED, problems=PROBLEMS)


# --- sequence -------------------------------------------------------------------------------


def test_len_iter_index() -> None:
    assert len(CORPUS) == 4
    assert list(CORPUS) == [A, B, C, D]
    assert CORPUS[0] is A and CORPUS[-1] is D
    assert CORPUS.index(C) == 2 and B in CORPUS
    with pytest.raises(IndexError):
        CORPUS[4]


@pytest.mark.parametrize("index", [slice(1, 3), slice(None, None, -1), slice(0, 0), slice(-2, None)])
def test_slices_are_corpora_that_keep_dropped_and_problems(index: slice) -> None:
    part = CORPUS[index]
    assert isinstance(part, Corpus)
    assert list(part) == [A, B, C, D][index]
    assert part.dropped == DROPPED and part.problems == PROBLEMS


def test_concatenation_and_repr() -> None:
    both = CORPUS[:1] + CORPUS[1:]
    assert list(both) == list(CORPUS)
    assert repr(CORPUS) == "<Corpus: 4 articles, 1 dropped, 1 problems>"


# --- filter ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, "abcd"),
        ({"lang": "ar"}, "b"),
        ({"lang": ["en", "ar"]}, "abcd"),
        ({"lang": "EN"}, "acd"),
        ({"since": "2021-07-15"}, "bd"),
        ({"until": "2021-07-15"}, "ab"),  # inclusive; undated articles fail date filters
        ({"since": dt.date(2021, 7, 1), "until": dt.date(2021, 7, 1)}, "a"),
        ({"since": dt.datetime(2021, 7, 15, 23, 59)}, "bd"),
        ({"source": "Wire"}, "ac"),  # case-insensitive, trimmed
        ({"source": ["Other", "الأخبار"]}, "bd"),
        ({"entity": "country:irq"}, "abd"),
        ({"entity": ["per:kadhimi", "city:baghdad"]}, "ab"),
        ({"type": "PER"}, "b"),
        ({"type": "ORG"}, ""),
        ({"entity": "country:irq", "lang": "en", "since": "2021-07-02"}, "d"),
    ],
)
def test_filter(kwargs: dict[str, Any], expected: str) -> None:
    result = CORPUS.filter(**kwargs)
    assert "".join(a.id for a in result) == expected
    assert result.dropped == DROPPED and result.problems == PROBLEMS


def test_filter_predicate_combines_with_keywords() -> None:
    result = CORPUS.filter(lambda a: len(a.mentions) >= 2, lang="en")
    assert [a.id for a in result] == ["a", "d"]


@pytest.mark.parametrize("bound", ["July 2021", "2021-13-01", ""])
def test_filter_refuses_a_bad_date(bound: str) -> None:
    with pytest.raises(ValueError, match="since"):
        CORPUS.filter(since=bound)


# --- dedupe ---------------------------------------------------------------------------------

LONG = (
    "The delegation arrived in Baghdad on Monday for talks on the withdrawal of foreign forces, "
    "officials said, adding that the meetings would continue through the week and that a joint "
    "statement was expected after the final session with the prime minister and his advisers. "
    "The talks follow months of pressure from parliament, where several blocs have demanded a "
    "timetable, and from armed factions that threatened to escalate if no agreement was reached."
)


@pytest.mark.parametrize(
    ("articles", "kept", "duplicates"),
    [
        # exact duplicate (same id)
        ([art("x", "T", LONG), art("x", "T", LONG)], ["x"], {"x": ["x"]}),
        # same content, different ids
        ([art("x", "T", "short body"), art("y", "T", "short body")], ["x"], {"x": ["y"]}),
        # same normalised title and date, different bodies
        (
            [
                art("x", "Iraq’s PM Visits", "one", date="2021-07-01"),
                art("y", "IRAQ’S pm visits!", "two", date="2021-07-01"),
            ],
            ["x"],
            {"x": ["y"]},
        ),
        # diacritics and tatweel do not make a title different
        (
            [
                art("x", "وصول الكاظمي", "أ", date="2021-07-01"),
                art("y", "وصـول الكاظِمي", "ب", date="2021-07-01"),
            ],
            ["x"],
            {"x": ["y"]},
        ),
        # near-identical bodies (one word changed)
        (
            [art("x", "One", LONG), art("y", "Another", LONG.replace("Monday", "Tuesday"))],
            ["x"],
            {"x": ["y"]},
        ),
        # the same title on different dates is a different article
        (
            [
                art("x", "Daily briefing", "one", date="2021-07-01"),
                art("y", "Daily briefing", "two", date="2021-07-02"),
            ],
            ["x", "y"],
            {},
        ),
        # the same title without dates, different bodies: kept
        ([art("x", "Statement", "first text"), art("y", "Statement", "second text")], ["x", "y"], {}),
        # the same short body under different titles: kept (too little to go on)
        (
            [art("x", "Strike in Basra", "Watch the video."), art("y", "Flood in Mosul", "Watch the video.")],
            ["x", "y"],
            {},
        ),
        # different bodies sharing some sentences: kept
        (
            [art("x", "", LONG), art("y", "", LONG[:100] + " Something else entirely happened today.")],
            ["x", "y"],
            {},
        ),
        # chains: the kept article lists everything, in order, including earlier absorptions
        (
            [art("x", "T", LONG), art("y", "U", LONG, meta={"duplicates": ["w"]}), art("z", "T", LONG)],
            ["x"],
            {"x": ["y", "w", "z"]},
        ),
    ],
    ids=[
        "same-id",
        "same-content",
        "title-date",
        "arabic-title-date",
        "near-body",
        "title-other-date",
        "title-no-date",
        "short-body",
        "partial-overlap",
        "chain",
    ],
)
def test_dedupe(articles: list[Article], kept: list[str], duplicates: dict[str, list[str]]) -> None:
    result = Corpus(articles, dropped=DROPPED, problems=PROBLEMS).dedupe()
    assert [a.id for a in result] == kept
    assert {a.id: list(a.meta["duplicates"]) for a in result if "duplicates" in a.meta} == duplicates
    assert result.dropped == DROPPED and result.problems == PROBLEMS


def test_dedupe_threshold() -> None:
    half = LONG.split()
    other = " ".join(half[: len(half) // 2] + ["different"] * (len(half) // 2))
    corpus = Corpus([art("x", "", LONG), art("y", "", other)])
    assert len(corpus.dedupe()) == 2
    assert len(corpus.dedupe(threshold=0.2)) == 1
    with pytest.raises(ValueError):
        corpus.dedupe(threshold=0)


def test_dedupe_finds_near_duplicates_among_many_articles_sharing_a_boilerplate() -> None:
    """More articles share a site's disclaimer than a sketch hash lists (corpus._POSTING_CAP):
    the disclaimer's hashes stop naming candidates, and each near duplicate still meets its
    original through the words only they share."""
    import random

    from mediamon import corpus as corpus_module

    rng = random.Random(7)
    vocabulary = [f"word{i}" for i in range(3000)]
    disclaimer = " ".join(vocabulary[:120])
    n = 2 * corpus_module._POSTING_CAP
    articles = []
    for i in range(n):
        own = [rng.choice(vocabulary) for _ in range(80)]
        articles.append(art(f"a{i}", f"Story {i}", f"{disclaimer} {' '.join(own)}"))
        own[40] = "changed"
        articles.append(art(f"b{i}", f"Story {i} (updated)", f"{disclaimer} {' '.join(own)}"))
    kept = Corpus(articles).dedupe()
    assert [a.id for a in kept] == [f"a{i}" for i in range(n)]
    assert all(a.meta["duplicates"] == [f"b{i}"] for i, a in enumerate(kept))


def test_dedupe_keeps_distinct_articles_of_the_sample() -> None:
    corpus = mediamon.read(EXAMPLE)
    assert len({a.id for a in corpus}) == len(corpus)
    assert corpus.dedupe() == corpus
    doubled = corpus + corpus
    assert doubled.dedupe().articles == tuple(a.evolve(meta={**a.meta, "duplicates": [a.id]}) for a in corpus)


_WORDS = st.sampled_from(["Iraq", "Baghdad", "talks", "وصل", "العراق", "بغداد", "the", "and", "vote", "x"])
_TEXTS = st.lists(_WORDS, max_size=30).map(" ".join)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(_TEXTS, _TEXTS, st.sampled_from([None, "2021-07-01", "2021-07-02"])), max_size=12))
def test_dedupe_invariants(rows: list[tuple[str, str, str | None]]) -> None:
    corpus = Corpus([art(str(i), t, b, date=d) for i, (t, b, d) in enumerate(rows)])
    once = corpus.dedupe()
    # idempotent, order kept, and every input id is either kept or listed exactly once
    assert once.dedupe() == once
    kept = [a.id for a in once]
    assert kept == sorted(kept, key=int)
    listed = [i for a in once for i in a.meta.get("duplicates", ())]
    assert sorted(kept + listed, key=int) == [a.id for a in corpus]


# --- entity counts --------------------------------------------------------------------------


def test_entity_counts() -> None:
    assert CORPUS.entity_counts() == Counter(
        {"country:irq": 4, "country:irn": 1, "city:baghdad": 1, "per:kadhimi": 1}
    )
    assert CORPUS.entity_counts(by="source") == Counter(
        {
            ("country:irq", "Wire"): 1,
            ("country:irn", "Wire"): 1,
            ("city:baghdad", "Wire"): 1,
            ("country:irq", "الأخبار"): 1,
            ("per:kadhimi", "الأخبار"): 1,
            ("country:irq", "Other"): 2,
        }
    )
    assert CORPUS.entity_counts(by="type")[("per:kadhimi", "PER")] == 1
    assert Corpus().entity_counts() == Counter()
    with pytest.raises(ValueError):
        CORPUS.entity_counts(by="colour")


# --- JSON Lines round trip ------------------------------------------------------------------


def test_round_trip_of_the_annotated_sample(tmp_path: Path) -> None:
    annotator = mediamon.Annotator([DATA / "gazetteers" / "iraq.jsonl"], default=False)
    corpus = mediamon.read(EXAMPLE).annotate(annotator)
    assert sum(len(a.mentions) for a in corpus) > 0
    path = tmp_path / "out.jsonl"
    assert corpus.to_jsonl(path) == len(corpus)
    assert Corpus.from_jsonl(path).articles == corpus.articles
    assert mediamon.read(path).articles == corpus.articles  # read() understands its own output too


@pytest.mark.parametrize("suffix", [".jsonl.gz", ".jsonl.bz2", ".jsonl.xz", ".out"])
def test_round_trip_compressed_or_any_suffix(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"out{suffix}"
    CORPUS.to_jsonl(path)
    assert Corpus.from_jsonl(path).articles == CORPUS.articles


def test_to_jsonl_dash_is_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    CORPUS.to_jsonl("-")
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["a", "b", "c", "d"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(articles(), max_size=5))
def test_jsonl_round_trip_is_exact(tmp_path: Path, items: list[Article]) -> None:
    path = tmp_path / "round.jsonl"
    Corpus(items).to_jsonl(path)
    assert Corpus.from_jsonl(path).articles == tuple(items)
    path.read_bytes().decode("utf-8")  # valid UTF-8 even with lone surrogates in the text


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "bad JSON"),
        ('{"title": "no id"}', "missing 'id'"),
        ('{"id": "x", "date": "yesterday"}', "not an article"),
        (
            '{"id": "x", "title": "ab", "mentions": [{"field": "title", "start": 0, "end": 1, "text": "b", '
            '"entity_id": "e", "entity_type": "T", "entity_name": "n", "lang": "en", "alias": "b", '
            '"how": "exact"}]}',
            "offsets 0..1 hold 'a'",
        ),
        ("[1, 2]", "an article must be an object"),
    ],
)
def test_from_jsonl_names_the_bad_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text('{"id": "ok"}\n\n' + line + "\n", encoding="utf-8")
    with pytest.raises(RecordError, match=message) as info:
        Corpus.from_jsonl(path)
    assert (info.value.path, info.value.line) == (str(path), 3)
    assert str(info.value).startswith(f"{path}:3: ")


def test_from_jsonl_names_the_line_with_bad_utf8(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_bytes(b'{"id": "a"}\n{"id": "\xff"}\n')
    with pytest.raises(RecordError) as info:
        Corpus.from_jsonl(path)
    assert info.value.line == 2


# --- stable ids -----------------------------------------------------------------------------


def test_ids_are_stable_across_runs_and_processes() -> None:
    first = [a.id for a in mediamon.read(EXAMPLE)]
    assert [a.id for a in mediamon.read(EXAMPLE)] == first
    assert len(set(first)) == len(first)
    code = f"import mediamon; print(' '.join(a.id for a in mediamon.read({str(EXAMPLE)!r})))"
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        env={"PYTHONHASHSEED": "12345", "PATH": ""},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == first


def test_ids_do_not_depend_on_the_file_name(tmp_path: Path) -> None:
    copy = tmp_path / "elsewhere.txt"
    copy.write_bytes(EXAMPLE.read_bytes())
    assert [a.id for a in mediamon.read(copy)] == [a.id for a in mediamon.read(EXAMPLE)]


# --- annotate -------------------------------------------------------------------------------


def test_annotate_returns_a_new_corpus_with_valid_mentions() -> None:
    corpus = mediamon.read(EXAMPLE)
    annotator = mediamon.Annotator([DATA / "gazetteers" / "iraq.jsonl"], default=False)
    annotated = corpus.annotate(annotator)
    assert all(a.mentions == () for a in corpus)
    assert [a.id for a in annotated] == [a.id for a in corpus]
    assert annotated.dropped == corpus.dropped
    for article in annotated:
        for m in article.mentions:
            assert getattr(article, m.field)[m.start : m.end] == m.text
    assert annotated.entity_counts()["country:irq"] > 0
