"""What notebooks show: ``_repr_html_`` of Corpus, Article, entity tables and timelines, escaped."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mediamon import Annotator, Article, Corpus, Entity, Gazetteer, Mention
from mediamon.analytics import EntityRow, EntityTable
from mediamon.interop import notebook

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>&amp;"\''
ENTITIES = [
    Entity.create("country:irq", "LOC", {"en": ["Iraq"], "ar": ["العراق"]}),
    Entity.create('x:"><svg onload=alert(1)>', "<b>ORG</b>", {"en": ["Zorbia"]}, name=HOSTILE),
]
ANNOTATOR = Annotator([Gazetteer(ENTITIES)], default=False)
CORPUS = Corpus(
    [
        Article(id=HOSTILE, title=f"Iraq {HOSTILE}", body=f"Zorbia and Iraq. {HOSTILE}", lang="en",
                source=HOSTILE, date=dt.date(2021, 1, 4), date_text="4 Jan"),
        Article(id="ar1", title="العراق اليوم", body="زار الوفد العراق.", lang="ar",
                date=dt.date(2021, 1, 6)),
        Article(id="u1", title="", body="Iraq again.", lang="und"),
    ]
).annotate(ANNOTATOR)  # fmt: skip

ALLOWED = {"table", "thead", "tbody", "tr", "th", "td", "div", "span", "mark", "svg", "rect", "title"}


class Tags(HTMLParser):
    """Every tag and attribute of a fragment, and its text (entities decoded)."""

    def __init__(self, markup: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def assert_safe(markup: str) -> Tags:
    parsed = Tags(markup)
    assert {tag for tag, _ in parsed.tags} <= ALLOWED
    for _, attrs in parsed.tags:
        assert not any(name.startswith("on") for name in attrs)
    return parsed


@pytest.mark.parametrize(
    "obj",
    [CORPUS, CORPUS[0], CORPUS[1], CORPUS.entity_table(), CORPUS.timeline(), CORPUS.timeline(freq="W")],
    ids=["corpus", "article", "arabic-article", "entity-table", "timeline", "timeline-weeks"],
)
def test_every_repr_is_markup_of_our_tags_only_whatever_the_input(obj: object) -> None:
    parsed = assert_safe(obj._repr_html_())  # type: ignore[attr-defined]
    shown = "".join(parsed.text) + "".join(str(a.get("title")) for _, a in parsed.tags)
    if obj is not CORPUS[1] and not hasattr(obj, "periods"):
        assert HOSTILE[:40] in shown  # shown as text, not run


def test_corpus_table_lists_articles_with_counts() -> None:
    parsed = assert_safe(CORPUS._repr_html_())
    assert sum(1 for tag, _ in parsed.tags if tag == "tr") == 1 + len(CORPUS)
    assert "3 articles; 0 lines dropped, 0 problems" in "".join(parsed.text)


def test_corpus_table_shows_the_first_rows_and_says_how_many_more() -> None:
    many = Corpus([Article(id=str(i), title=f"t{i}", body="b") for i in range(notebook.MAX_ROWS + 5)])
    parsed = assert_safe(many._repr_html_())
    assert sum(1 for tag, _ in parsed.tags if tag == "tr") == 1 + notebook.MAX_ROWS
    assert f"{notebook.MAX_ROWS + 5} articles, the first {notebook.MAX_ROWS} shown" in "".join(parsed.text)


def test_article_marks_each_mention_and_is_rtl_for_arabic() -> None:
    for article, way in ((CORPUS[0], "ltr"), (CORPUS[1], "rtl")):
        parsed = assert_safe(article._repr_html_())
        assert parsed.tags[0] == ("div", {"dir": way, "lang": article.lang, "style": "max-width:50em"})
        marks = [attrs for tag, attrs in parsed.tags if tag == "mark"]
        assert len(marks) == len(article.mentions)
        assert all(
            m.entity_id in (attrs["title"] or "") for m, attrs in zip(article.mentions, marks, strict=True)
        )


def test_undetermined_article_direction_follows_its_letters() -> None:
    assert 'dir="rtl"' in Article(id="x", title="", body="زار الوفد العراق", lang="und")._repr_html_()
    assert 'dir="ltr"' in CORPUS[2]._repr_html_()


@given(st.text(alphabet=st.sampled_from("<>&\"' aIrq\nالعراق"), max_size=60))
def test_article_text_comes_back_exactly_from_the_markup(body: str) -> None:
    article = ANNOTATOR.annotate(Article(id="h", title="", body=body, lang="und"))
    parsed = assert_safe(article._repr_html_())
    assert body in "".join(parsed.text)


def test_long_body_is_cut_with_a_note() -> None:
    article = Article(id="l", title="", body="Iraq. " * 1000, lang="en")
    text = "".join(assert_safe(notebook.article_html(ANNOTATOR.annotate(article))).text)
    assert f"({6000 - notebook.MAX_BODY:,} more characters)" in text


def test_entity_table_rows_are_mappings_pandas_takes_directly() -> None:
    pd = pytest.importorskip("pandas")
    table = CORPUS.entity_table()
    assert isinstance(table, EntityTable) and isinstance(table, list)
    frame = pd.DataFrame(table)
    assert list(frame.columns) == ["id", "type", "name", "mentions", "articles", "by_lang", "by_source"]
    assert frame.loc[0, "id"] == "country:irq" and frame.loc[0, "mentions"] == 5
    typed = table.to_pandas()
    assert typed.loc[0, "by_lang"] == {"en": 3, "ar": 2}
    assert table.to_records() == [row.to_dict() for row in table]


def test_entity_row_keeps_its_attributes_and_is_a_read_only_mapping() -> None:
    row = CORPUS.entity_table()[0]
    assert row.id == row["id"] and dict(row)["mentions"] == row.mentions and len(row) == 7
    assert "by_lang" in row and "nope" not in row
    with pytest.raises(KeyError):
        row["nope"]
    again = EntityRow(**dict(row))
    assert again == row and hash(again) == hash(row)


def test_entity_table_top_is_a_table_too() -> None:
    assert isinstance(CORPUS.entity_table(top=1), EntityTable)


@pytest.mark.parametrize("freq", ["D", "W", "M"])
def test_a_timeline_from_year_1_to_9999_draws_at_most_max_bars(freq: str) -> None:
    """attack15: two articles dated 0001-01-01 and 9999-12-31 made a daily timeline's markup a
    bar per day: 350 MB of SVG (1.7 GB peak). Runs of periods now share a bar; counts add up."""
    mention = Mention("body", 0, 4, "Iraq", "loc:iraq", "LOC", "Iraq", "en", "Iraq", "exact")
    far = [dt.date(1, 1, 1), dt.date(1, 1, 2), dt.date(9999, 12, 31)]
    corpus = Corpus(
        [Article(id=str(i), title="t", body="Iraq", date=d, mentions=(mention,)) for i, d in enumerate(far)]
    )
    timeline = corpus.timeline(freq=freq)
    markup = timeline._repr_html_()
    parsed = assert_safe(markup)
    bars = [attrs for tag, attrs in parsed.tags if tag == "rect"]
    assert 1 < len(bars) <= notebook.MAX_BARS and len(markup) < 200_000
    text = "".join(parsed.text)
    per_bar = -(-len(timeline) // notebook.MAX_BARS)
    assert f"0001-01-01 to {timeline.periods[per_bar - 1][0].isoformat()}: 2" in text
    assert f"{len(timeline):,} periods (a bar per {per_bar:,} " in text


def test_timeline_draws_a_bar_per_period_with_its_count() -> None:
    timeline = CORPUS.timeline()
    parsed = assert_safe(timeline._repr_html_())
    assert sum(1 for tag, _ in parsed.tags if tag == "rect") == len(timeline) == 3
    text = "".join(parsed.text)
    assert "2021-01-04: 3" in text and "2021-01-05: 0" in text  # Iraq (title), Zorbia, Iraq
    assert "mentions per day: 2021-01-04 to 2021-01-06, 3 periods" in text and "1 undated" in text
