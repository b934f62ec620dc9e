"""The SQLite store: exact round trips, upserts, transactions per batch, bilingual search, the CLI."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mediamon
from mediamon import Article, Corpus, Entity, Gazetteer, Mention, Origin, Store
from mediamon.cli import main
from mediamon.errors import InputError, Msg, UsageError
from mediamon.io.output import output_format, write_articles
from mediamon.store import SCHEMA_VERSION, fts5_available, search_form
from mediamon.store import store as store_module
from mediamon.store.schema import clean
from tests.strategies import articles

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "000_ee85a602ba24a7e5.txt"

KADHIMI = Entity.create(
    "per:mustafa-al-kadhimi",
    "PER",
    {
        "en": ["Mustafa al-Kadhimi", "Kadhimi", "Mustafa Abdellatif Mishatti"],
        "ar": ["مصطفى الكاظمي", "الكاظمي"],
    },
)
USA = Entity.create("country:usa", "LOC", {"en": ["United States", "US"], "ar": ["الولايات المتحدة"]})
BAGHDAD = Entity.create("city:baghdad", "LOC", {"en": ["Baghdad"], "ar": ["بغداد"]})
GAZETTEER = Gazetteer([KADHIMI, USA, BAGHDAD], name="test")


@pytest.fixture(scope="module")
def annotator() -> mediamon.Annotator:
    return mediamon.Annotator([GAZETTEER], default=False)


def make(ident: str, title: str, body: str, date: str | None, lang: str, **extra: Any) -> Article:
    return Article(
        id=ident,
        title=title,
        body=body,
        date=dt.date.fromisoformat(date) if date else None,
        date_text=date,
        lang=lang,
        **extra,
    )


RAW = [
    # Arabic, the name spelt with ya.
    make("ar-ya", "لقاء في بغداد", "التقى رئيس الوزراء مصطفى الكاظمي بالوفد الأمريكي.", "2021-07-01", "ar"),
    # Arabic, the name spelt with alef maqsura and a diacritic.
    make("ar-maqsura", "", "قال الكاظِمى إن الانسحاب سيكتمل.", "2021-07-05", "ar", source="المنار"),
    # English only.
    make(
        "en",
        "Kadhimi in Washington",
        "Prime Minister Mustafa al-Kadhimi met officials of the United States.",
        "2021-07-26",
        "en",
        source="Al Mayadeen",
        url="https://example.org/a",
    ),
    # Unrelated, undated.
    make("ar-other", "", "أمطار غزيرة في بغداد.", None, "ar"),
    # "minister" and "prime" apart: not the phrase.
    make("en-apart", "", "The minister said prime time television was us and them.", "2021-06-01", "en"),
]


@pytest.fixture(scope="module")
def corpus(annotator: mediamon.Annotator) -> Corpus:
    return Corpus(RAW).annotate(annotator)


@pytest.fixture
def db(tmp_path: Path, corpus: Corpus) -> Iterator[Store]:
    with Store(tmp_path / "test.db") as store:
        store.add(corpus, gazetteer=GAZETTEER)
        yield store


def rich_articles() -> list[Article]:
    """Articles using every field: mentions in both fields, nested meta, origin, missing values."""
    mention = Mention("title", 0, 4, "Iraq", "country:irq", "LOC", "Iraq", "en", "Iraq", "exact")
    return [
        Article(
            id="r1",
            title="Iraq votes",
            body="Line one.\n\nالعراق\tينتخب",
            date=dt.date(2021, 10, 10),
            date_text="October 10, 2021",
            author="Staff",
            source="Outlet",
            url="http://example.com/x?a=1&b=2",
            lang="en",
            mentions=(mention, evolve(mention, field="body", start=11, end=17, text="العراق", lang="ar")),
            origin=Origin("dumps/a.txt", 3, 19),
            meta={"duplicates": ["x", "y"], "score": 0.5, "flag": True, "nested": {"k": [1, None]}},
        ),
        Article(id="r2", title="", body="بلا عنوان", lang="ar"),
        Article(id="r3", title="Only a title", body="", lang="und", meta={"empty": {}}),
    ]


def evolve(mention: Mention, **changes: Any) -> Mention:
    return attrs.evolve(mention, **changes)


def test_round_trip_reproduces_articles_exactly(tmp_path: Path) -> None:
    articles = rich_articles()
    path = tmp_path / "rich.db"
    assert Corpus(articles).to_sqlite(path) == 3
    back = Corpus.from_sqlite(path)
    assert back.articles == tuple(articles)
    assert [dict(a.meta) for a in back] == [dict(a.meta) for a in articles]
    assert back[0].mentions == articles[0].mentions


def test_round_trip_of_the_annotated_sample(tmp_path: Path) -> None:
    corpus = mediamon.read(EXAMPLE).annotate()
    path = tmp_path / "sample.sqlite"
    corpus.to_sqlite(path)
    assert Corpus.from_sqlite(path).articles == corpus.articles


def test_to_sqlite_replaces_and_appends(tmp_path: Path) -> None:
    first, second, third = rich_articles()
    path = tmp_path / "c.db"
    Corpus([first, second]).to_sqlite(path)
    Corpus([third]).to_sqlite(path)
    assert [a.id for a in Corpus.from_sqlite(path)] == ["r3"]
    Corpus([first, third]).to_sqlite(path, append=True)
    assert [a.id for a in Corpus.from_sqlite(path)] == ["r3", "r1"]
    # No temporary file left; the Datasette metadata beside the store (store/datasette.py).
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.db", "c.metadata.json"]


def test_adding_the_same_article_twice_keeps_one_row_with_new_mentions(tmp_path: Path) -> None:
    first, second, _ = rich_articles()
    with Store(tmp_path / "u.db") as store:
        store.add([first, second])
        changed = first.evolve(mentions=first.mentions[:1], title="Iraq votes", meta={"v": 2})
        assert store.add([changed]) == 1
        assert len(store) == 2
        assert [a.id for a in store.articles()] == ["r1", "r2"]  # keeps its place
        assert store.get("r1") == changed
        assert "r1" in store and "nope" not in store and 5 not in store
        assert store.get("nope") is None
        count = store._conn.execute("SELECT count(*) FROM mentions").fetchone()[0]
        assert count == 1
        texts = store._conn.execute("SELECT count(*) FROM search_text").fetchone()[0]
        assert texts == 2


def table_counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        tables = ("articles", "mentions", "entities", "aliases", "search_text")
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    finally:
        conn.close()


def test_an_error_from_the_input_keeps_the_batches_before(tmp_path: Path, corpus: Corpus) -> None:
    path = tmp_path / "b.db"

    def articles() -> Iterator[Article]:
        yield from corpus.articles[:3]
        raise RuntimeError("the crawler died")

    with Store(path) as store, pytest.raises(RuntimeError):
        store.add(articles(), batch=2)
    with Store(path, readonly=True) as store:
        assert [a.id for a in store.articles()] == ["ar-ya", "ar-maqsura"]


@pytest.mark.parametrize("error", [RuntimeError("disk on fire"), KeyboardInterrupt()])
def test_a_failure_inside_a_batch_leaves_the_store_as_before(
    tmp_path: Path, corpus: Corpus, monkeypatch: pytest.MonkeyPatch, error: BaseException
) -> None:
    path = tmp_path / "t.db"
    with Store(path) as store:
        store.add(corpus.articles[:2])
    before = table_counts(path)
    calls = 0
    original = Store._put_article

    def flaky(self: Store, article: Article) -> None:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise error
        original(self, article)

    monkeypatch.setattr(Store, "_put_article", flaky)
    with Store(path) as store, pytest.raises(type(error)):
        store.add(corpus.articles[2:], gazetteer=GAZETTEER)
    monkeypatch.undo()
    assert table_counts(path) == before
    with Store(path) as store:
        assert [h.article.id for h in store.search("Washington")] == []
        assert store.add(corpus.articles[2:]) == 3
        assert [h.article.id for h in store.search("Washington")] == ["en"]


def test_fts5_detection_is_right_and_used() -> None:
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("CREATE VIRTUAL TABLE probe USING fts5 (x)")
        compiled = True
    except sqlite3.OperationalError:
        compiled = False
    finally:
        conn.close()
    assert fts5_available() is compiled


def test_the_store_uses_fts5_when_sqlite_has_it(db: Store) -> None:
    if not fts5_available():
        pytest.skip("this Python's sqlite3 has no FTS5 (the LIKE fallback is tested separately)")
    assert db.fts
    names = {r[0] for r in db._conn.execute("SELECT name FROM sqlite_master")}
    assert {"articles_fts", "articles_date", "articles_source", "mentions_entity", "aliases_key"} <= names


SEARCHES = [
    # (query, expected ids newest first, how each matched)
    ("الكاظمي", ["en", "ar-maqsura", "ar-ya"], [("entity",), ("text", "entity"), ("text", "entity")]),
    ("الكاظمى", ["en", "ar-maqsura", "ar-ya"], [("entity",), ("text", "entity"), ("text", "entity")]),
    ("الكَاظِمي", ["en", "ar-maqsura", "ar-ya"], [("entity",), ("text", "entity"), ("text", "entity")]),
    ("Kadhimi", ["en", "ar-maqsura", "ar-ya"], [("text", "entity"), ("entity",), ("entity",)]),
    ("KADHIMI", ["en", "ar-maqsura", "ar-ya"], [("text", "entity"), ("entity",), ("entity",)]),
    # the last words of an alias name its entity too
    ("al Kadhimi", ["en", "ar-maqsura", "ar-ya"], [("text", "entity"), ("entity",), ("entity",)]),
    ("mustafa al-kadhimi", ["en", "ar-maqsura", "ar-ya"], [("text", "entity"), ("entity",), ("entity",)]),
    ("per:mustafa-al-kadhimi", ["en", "ar-maqsura", "ar-ya"], [("entity",)] * 3),
    ('"prime minister"', ["en"], [("text",)]),
    ("prime minister", ["en", "en-apart"], [("text",), ("text",)]),
    ("بغداد", ["ar-ya", "ar-other"], [("text", "entity"), ("text", "entity")]),
    # Words match in any case; but only "US" in capitals is the country's alias, not the pronoun.
    ("US", ["en", "en-apart"], [("entity",), ("text",)]),
    ("us", ["en-apart"], [("text",)]),
    ("nothing-here", [], []),
    ("...", [], []),
]


@pytest.mark.parametrize(("query", "ids", "how"), SEARCHES)
def test_search_meets_spellings_and_aliases_across_scripts(
    db: Store, query: str, ids: list[str], how: list[tuple[str, ...]]
) -> None:
    hits = db.search(query)
    assert [h.article.id for h in hits] == ids
    assert [h.by for h in hits] == how


def test_search_without_the_gazetteer_still_knows_the_aliases_that_matched(
    tmp_path: Path, corpus: Corpus
) -> None:
    with Store(tmp_path / "plain.db") as store:
        store.add(corpus)
        # Aliases seen in mentions are known ("Mustafa al-Kadhimi" matched in English) ...
        assert [h.article.id for h in store.search("Mustafa al-Kadhimi")] == ["en", "ar-maqsura", "ar-ya"]
        # ... but an alias no text used is not, until the entity is added with all its aliases.
        assert [h.article.id for h in store.search("Mustafa Abdellatif Mishatti")] == []
        assert store.add_entities([KADHIMI]) == 1
        found = store.search("mustafa abdellatif mishatti")
        assert [h.article.id for h in found] == ["en", "ar-maqsura", "ar-ya"]
        assert store.entity_names()["per:mustafa-al-kadhimi"] == ("PER", "Mustafa al-Kadhimi")


@pytest.mark.parametrize(
    ("query", "field", "snippet"),
    [
        ("الكاظمى", "body", "التقى رئيس الوزراء مصطفى [الكاظمي] بالوفد الأمريكي."),
        ("الكاظمي", "body", "قال [الكاظِمى] إن الانسحاب سيكتمل."),  # the original spelling, diacritic kept
        (
            '"prime minister"',
            "body",
            "[Prime Minister] Mustafa al-Kadhimi met officials of the United States.",
        ),
        ("washington", "title", "Kadhimi in [Washington]"),
    ],
)
def test_snippets_point_into_the_original_text(db: Store, query: str, field: str, snippet: str) -> None:
    hits = [h for h in db.search(query) if "text" in h.by]
    wanted = {"الكاظمى": "ar-ya", "الكاظمي": "ar-maqsura"}.get(query, "en")
    hit = next(h for h in hits if h.article.id == wanted)
    assert hit.field == field
    assert getattr(hit.article, field)[hit.start : hit.end] in snippet
    assert hit.snippet() == snippet


def test_entity_only_hit_snippet_shows_the_mention(db: Store) -> None:
    hit = next(h for h in db.search("Kadhimi") if h.article.id == "ar-ya")
    assert hit.by == ("entity",)
    assert "[مصطفى الكاظمي]" in hit.snippet()
    assert hit.snippet(width=5).startswith("…")


def test_search_filters_and_limit(db: Store) -> None:
    assert [h.article.id for h in db.search("Kadhimi", since="2021-07-02")] == ["en", "ar-maqsura"]
    assert [h.article.id for h in db.search("Kadhimi", until=dt.date(2021, 7, 2))] == ["ar-ya"]
    assert [h.article.id for h in db.search("بغداد", entity="per:mustafa-al-kadhimi")] == ["ar-ya"]
    assert [h.article.id for h in db.search("Kadhimi", limit=1)] == ["en"]
    with pytest.raises(ValueError, match="empty query"):
        db.search("  ")
    with pytest.raises(ValueError, match="limit"):
        db.search("x", limit=0)
    with pytest.raises(ValueError, match="not an ISO date"):
        db.search("x", since="July")


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"entity": "per:mustafa-al-kadhimi"},
        {"entity": ["city:baghdad", "country:usa"]},
        {"since": "2021-07-02"},
        {"until": "2021-07-05"},
        {"lang": "AR"},
        {"lang": ["en"], "since": "2021-06-15"},
        {"source": " al mayadeen "},
        {"source": ["المنار", "Al Mayadeen"]},
    ],
)
def test_store_articles_filter_like_corpus_filter(db: Store, corpus: Corpus, kwargs: dict[str, Any]) -> None:
    assert db.articles(**kwargs) == list(corpus.filter(**kwargs))


def test_articles_limit(db: Store) -> None:
    assert [a.id for a in db.articles(limit=2)] == ["ar-ya", "ar-maqsura"]
    with pytest.raises(ValueError):
        db.articles(limit=0)


def test_like_fallback_without_fts5(tmp_path: Path, corpus: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "fts5_available", lambda: False)
    path = tmp_path / "nofts.db"
    with Store(path) as store:
        store.add(corpus, gazetteer=GAZETTEER)
        assert not store.fts
        with pytest.warns(RuntimeWarning, match="FTS5"):
            hits = store.search("الكاظمى")
        assert [h.article.id for h in hits] == ["en", "ar-maqsura", "ar-ya"]
        assert [h.article.id for h in store.search('"prime minister"')] == ["en"]
    names = {r[0] for r in sqlite3.connect(path).execute("SELECT name FROM sqlite_master")}
    assert "articles_fts" not in names
    monkeypatch.undo()
    if fts5_available():
        # Opened where FTS5 exists, the store builds its index from what it holds.
        with Store(path) as store, warnings.catch_warnings():
            warnings.simplefilter("error")
            assert store.fts
            assert [h.article.id for h in store.search("الكاظمى")] == ["en", "ar-maqsura", "ar-ya"]


def test_search_form_folds_both_scripts() -> None:
    assert search_form("الكاظمى Kata’ib al-Kadhimi") == search_form("الكاظمي Kataib Al Kadhimi")


def test_lone_surrogates_are_stored_as_replacement_characters(tmp_path: Path) -> None:
    article = Article("s", "bad \ud800 title", "body", lang="en")
    with Store(tmp_path / "s.db") as store:
        store.add([article])
        assert store.articles()[0].title == "bad \ufffd title"


def test_files_that_are_not_stores_are_refused(tmp_path: Path) -> None:
    text = tmp_path / "notes.db"
    text.write_text("hello, this is not a database at all" * 20, encoding="utf-8")
    with pytest.raises(InputError) as info:
        Store(text)
    assert info.value.path == str(text) and "not an SQLite database" in info.value.reason
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(InputError) as info:
        Store(other)
    assert info.value.reason == Msg.STORE_NOT_OURS
    with pytest.raises(UsageError) as missing:
        Store(tmp_path / "missing.db", readonly=True)
    assert missing.value.reason == Msg.NOT_FOUND
    assert not (tmp_path / "missing.db").exists()
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE store_info (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    conn.execute("INSERT INTO store_info VALUES ('schema', '99')")
    conn.commit()
    conn.close()
    with pytest.raises(InputError) as info:
        Store(other)
    assert info.value.reason == Msg.STORE_SCHEMA.format(found="99", want=SCHEMA_VERSION)


def test_readonly_store_refuses_writes(tmp_path: Path, corpus: Corpus) -> None:
    path = tmp_path / "ro.db"
    corpus.to_sqlite(path)
    with Store(path, readonly=True) as store, pytest.raises(UsageError):
        store.add(corpus)


@pytest.mark.parametrize("name", ["x.db", "X.SQLITE", "dir.v2/x.sqlite3"])
def test_store_output_suffixes(name: str) -> None:
    assert output_format(name) == "sqlite"


def test_store_output_cannot_be_compressed_or_stdout(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as info:
        output_format(tmp_path / "x.db.gz")
    assert info.value.reason == Msg.STORE_COMPRESSED.format(suffix=".db.gz")
    with pytest.raises(UsageError) as info:
        write_articles([], None, format="sqlite")
    assert info.value.reason == Msg.STORE_STDOUT


def test_write_articles_adds_to_a_store(tmp_path: Path) -> None:
    first, second, third = rich_articles()
    path = tmp_path / "w.db"
    assert write_articles([first, second], path) == 2
    assert Corpus([third]).write(path) == 1
    assert [a.id for a in Corpus.from_sqlite(path)] == ["r1", "r2", "r3"]


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    status = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_cli_annotate_to_a_store_then_search(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "corpus.db"
    status, out, _ = run(capsys, "annotate", EXAMPLE, "-o", path, "-q")
    assert (status, out) == (0, "")
    reference = mediamon.read(EXAMPLE).annotate()
    assert Corpus.from_sqlite(path).articles == reference.articles
    # Running again adds nothing new: the same ids are upserted.
    assert run(capsys, "annotate", EXAMPLE, "-o", path, "-q")[0] == 0
    assert len(Corpus.from_sqlite(path)) == len(reference)
    # The bundled gazetteer's Arabic alias finds the English articles naming Biden.
    status, out, err = run(capsys, "search", path, "بايدن", "--limit", "50")
    assert status == 0
    biden = {a.id for a in reference.filter(entity="per:joe-biden")}
    lines = out.splitlines()
    found = {line.split()[0] for line in lines[::2]}
    assert found == biden
    assert all(line.startswith("    ") for line in lines[1::2])
    assert err.strip() == f"mediamon: {len(biden)} hits"
    status, out, _ = run(capsys, "search", path, "Kadhimi", "--since", "2021-07-27", "--json", "-q")
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows and all(r["date"] >= "2021-07-27" for r in rows)
    assert {"id", "date", "source", "title", "url", "lang", "by", "snippet"} == set(rows[0])
    assert "[Kadhimi]" in rows[0]["snippet"] or "Kadhimi]" in rows[0]["snippet"]


@pytest.mark.parametrize(
    ("argv", "status", "message"),
    [
        (["search", "{missing}", "x"], 2, Msg.NOT_FOUND),
        (["search", "{db}", "x", "--limit", "0"], 2, Msg.BAD_LIMIT.format(value=0)),
        (["search", "{db}", "x", "--since", "July"], 2, Msg.USAGE_DATE.format(name="since", value="July")),
        (["search", "{db}", " "], 2, Msg.SEARCH_EMPTY),
        (["search", "{db}", "x" * 3000], 2, Msg.SEARCH_TOO_LONG.format(length=3000, limit=2000)),
        (["search", "{text}", "x"], 1, "not an SQLite database"),
        (["annotate", "{example}", "-o", "{tmp}/x.db.xz"], 2, Msg.STORE_COMPRESSED.format(suffix=".db.xz")),
    ],
)
def test_cli_store_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], status: int, message: str
) -> None:
    db = tmp_path / "ok.db"
    Corpus(rich_articles()).to_sqlite(db)
    text = tmp_path / "text.db"
    text.write_text("not a database, just words " * 40, encoding="utf-8")
    names = {"missing": tmp_path / "missing.db", "db": db, "text": text, "example": EXAMPLE, "tmp": tmp_path}
    got, _, err = run(capsys, *(a.format(**names) for a in argv))
    assert got == status
    assert message in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_a_new_store_gets_its_folders(tmp_path: Path) -> None:
    path = tmp_path / "new" / "folder" / "x.db"
    with Store(path) as store:
        assert store.add(rich_articles()[:1]) == 1
    assert Corpus.from_sqlite(path)[0].id == "r1"


def test_a_query_with_a_lone_surrogate_reads_as_the_store_holds_it(tmp_path: Path) -> None:
    """A lone surrogate (a JSON ``\\ud800`` escape) has no UTF-8 form: the store holds it as
    U+FFFD, and a query or an entity filter holding one is read the same way, not a crash."""
    db = tmp_path / "s.db"
    Corpus([Article(id="a", title="Zorbtown \ud800 news", body="Zorbtown \ud800 again")]).to_sqlite(db)
    with Store(db) as store:
        assert [h.article.id for h in store.search("Zorbtown \ud800")] == ["a"]
        assert store.search("Zorbtown", entity="x\udfff") == []


def test_an_origin_path_with_a_lone_surrogate_is_stored(tmp_path: Path) -> None:
    """attack15: the id check's record of where an article came from held the origin's path as
    given; a lone surrogate in it (a hand-made ``Origin``) was a ``UnicodeEncodeError``."""
    article = Article(id="a", title="t", body="b", origin=Origin("in\ud800.txt", 3, 4))
    Corpus([article]).to_sqlite(tmp_path / "s.db")
    (back,) = Corpus.from_sqlite(tmp_path / "s.db")
    assert back.origin == Origin("in\ufffd.txt", 3, 4)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(articles(), max_size=4))
def test_any_articles_are_stored_and_read_back(tmp_path: Path, listed: list[Article]) -> None:
    """Whatever the articles hold (lone surrogates in any field, NUL, empty text), a store takes
    them and gives each back, its texts with U+FFFD for a lone surrogate."""
    db = tmp_path / "any.db"
    db.unlink(missing_ok=True)
    Corpus(listed).to_sqlite(db)
    back = {(a.title, a.body) for a in Corpus.from_sqlite(db)}
    assert {(clean(a.title), clean(a.body)) for a in listed} == back
