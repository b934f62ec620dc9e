"""The spaCy component, Docs and DocBin from a corpus, and displaCy dicts (needs spaCy: a test extra)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from mediamon import Annotator, Article, Corpus, Entity, Gazetteer
from mediamon.interop.spans import displacy_options

spacy = pytest.importorskip("spacy")
from spacy import displacy  # noqa: E402
from spacy.tokens import DocBin  # noqa: E402

ENTITIES = [
    Entity.create("country:irq", "LOC", {"en": ["Iraq"], "ar": ["العراق"]}, meta={"wikidata": "Q796"}),
    Entity.create("loc:baghdad", "LOC", {"en": ["Baghdad"], "ar": ["بغداد"]}),
    Entity.create("per:kadhimi", "PER", {"en": ["Mustafa al-Kadhimi"], "ar": ["مصطفى الكاظمي"]}),
]
GAZETTEER = Gazetteer(ENTITIES, name="spacy-test")
ANNOTATOR = Annotator([GAZETTEER], default=False)


@pytest.fixture(scope="module")
def gazetteer_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("gaz") / "test.jsonl"
    path.write_text("".join(json.dumps(e.to_dict(), ensure_ascii=False) + "\n" for e in ENTITIES), "utf-8")
    return path


def pipeline(code: str, gazetteer_file: Path, **config: object) -> spacy.language.Language:
    nlp = spacy.blank(code)
    nlp.add_pipe("mediamon", config={"gazetteers": [str(gazetteer_file)], "default": False, **config})
    return nlp


def test_component_sets_spans_ents_and_attributes(gazetteer_file: Path) -> None:
    doc = pipeline("en", gazetteer_file)("Mustafa al-Kadhimi flew from Baghdad to Iraq's south.")
    spans = doc.spans["mediamon"]
    assert [(s.text, s.label_, s.kb_id_) for s in spans] == [
        ("Mustafa al-Kadhimi", "PER", "per:kadhimi"),
        ("Baghdad", "LOC", "loc:baghdad"),
        ("Iraq", "LOC", "country:irq"),
    ]
    assert [e.text for e in doc.ents] == [s.text for s in spans]
    iraq = spans[2]
    assert iraq._.mediamon_how == "exact" and iraq._.mediamon_wikidata == "Q796"
    assert iraq._.mediamon_name == "Iraq" and iraq._.mediamon_alias == "Iraq"
    assert doc.text[slice(*iraq._.mediamon_chars)] == "Iraq"
    assert [m["entity_id"] for m in doc._.mediamon_mentions] == [s.kb_id_ for s in spans]


def test_arabic_clitic_span_expands_to_the_token_and_keeps_the_exact_offsets(gazetteer_file: Path) -> None:
    text = "زار الكاظمي والعراق وبغداد"
    doc = pipeline("ar", gazetteer_file)(text)
    start = text.index("العراق")
    assert doc.char_span(start, start + len("العراق")) is None  # why expansion is needed
    by_id = {s.kb_id_: s for s in doc.spans["mediamon"]}
    iraq, baghdad = by_id["country:irq"], by_id["loc:baghdad"]
    assert (iraq.text, baghdad.text) == ("والعراق", "وبغداد")  # the whole token, clitic included
    assert doc.text[slice(*iraq._.mediamon_chars)] == "العراق"  # the name alone
    assert doc.text[slice(*baghdad._.mediamon_chars)] == "بغداد"
    assert iraq._.mediamon_how == "clitic"


def test_existing_entities_are_kept_unless_overwrite_ents(gazetteer_file: Path) -> None:
    for overwrite, want in ((False, ["Baghdad International"]), (True, ["Baghdad"])):
        nlp = spacy.blank("en")
        ruler = nlp.add_pipe("entity_ruler")
        ruler.add_patterns([{"label": "FAC", "pattern": "Baghdad International"}])
        nlp.add_pipe(
            "mediamon",
            config={"gazetteers": [str(gazetteer_file)], "default": False, "overwrite_ents": overwrite},
        )
        doc = nlp("Baghdad International opened.")
        assert [e.text for e in doc.ents] == want
        assert [s.text for s in doc.spans["mediamon"]] == ["Baghdad"]


def test_ents_leave_out_overlaps_but_spans_keep_every_mention(gazetteer_file: Path) -> None:
    nlp = pipeline("en", gazetteer_file, spans_key="mm", set_ents=False)
    doc = nlp("Iraq and Baghdad.")
    assert [s.text for s in doc.spans["mm"]] == ["Iraq", "Baghdad"] and not doc.ents


def test_component_is_found_through_the_entry_point_without_importing_mediamon(gazetteer_file: Path) -> None:
    code = (
        "import json, spacy\n"
        "nlp = spacy.blank('en')\n"
        f"nlp.add_pipe('mediamon', config={{'gazetteers': [{str(gazetteer_file)!r}], 'default': False}})\n"
        "doc = nlp('Iraq')\n"
        "print(json.dumps([s.kb_id_ for s in doc.spans['mediamon']]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == ["country:irq"]


def test_pipeline_config_round_trips(gazetteer_file: Path, tmp_path: Path) -> None:
    nlp = pipeline("en", gazetteer_file, lang="en")
    nlp.to_disk(tmp_path / "model")
    doc = spacy.load(tmp_path / "model")("Baghdad")
    assert [s.kb_id_ for s in doc.spans["mediamon"]] == ["loc:baghdad"]


ARTICLES = Corpus(
    [
        Article(id="a1", title="Kadhimi in Baghdad", body="Mustafa al-Kadhimi visited Iraq.", lang="en",
                date=dt.date(2021, 3, 1), source="Wire"),
        Article(id="a2", title="الكاظمي", body="زار مصطفى الكاظمي والعراق", lang="ar"),
        Article(id="a3", title="", body="Nothing here.", lang="en"),
        Article(id="a4", title="Iraq", body="", lang="und"),  # spaCy has no "und": blank("xx")
    ]
).annotate(ANNOTATOR)  # fmt: skip


def test_corpus_to_spacy_places_each_article_s_own_mentions() -> None:
    docs = list(ARTICLES.to_spacy())
    assert [d.text for d in docs] == [a.text for a in ARTICLES]
    assert [d.lang_ for d in docs] == ["en", "ar", "en", "xx"]
    for doc, article in zip(docs, ARTICLES, strict=True):
        spans = doc.spans["mediamon"]
        assert len(spans) == len(article.mentions) == len(doc._.mediamon_mentions)
        for span in spans:
            assert doc.text[slice(*span._.mediamon_chars)] in span.text
        assert sorted(doc.text[slice(*s._.mediamon_chars)] for s in spans) == sorted(
            m.text for m in article.mentions
        )
        assert doc._.mediamon_article["id"] == article.id
    assert docs[0]._.mediamon_article == {
        "id": "a1", "lang": "en", "source": "Wire", "date": "2021-03-01", "url": None
    }  # fmt: skip


def test_to_spacy_takes_one_pipeline_or_one_per_language() -> None:
    english = spacy.blank("en")
    assert {d.lang_ for d in ARTICLES.to_spacy(english)} == {"en"}
    docs = list(ARTICLES.to_spacy({"ar": spacy.blank("ar")}))
    assert [d.lang_ for d in docs] == ["en", "ar", "en", "xx"]


def test_docbin_round_trip_keeps_spans_and_attributes(tmp_path: Path) -> None:
    path = tmp_path / "corpus.spacy"
    assert ARTICLES.to_docbin(path) == 4
    docs = list(DocBin().from_disk(path).get_docs(spacy.blank("xx").vocab))
    assert [d.text for d in docs] == [a.text for a in ARTICLES]
    arabic = docs[1]
    iraq = next(s for s in arabic.spans["mediamon"] if s.kb_id_ == "country:irq")
    start = arabic.text.index("العراق")
    assert iraq.text == "والعراق" and tuple(iraq._.mediamon_chars) == (start, start + len("العراق"))
    assert arabic._.mediamon_article["id"] == "a2"
    assert [e.kb_id_ for e in docs[0].ents] == [m["entity_id"] for m in docs[0]._.mediamon_mentions]


def test_to_displacy_renders_with_exact_spans_and_rtl_for_arabic() -> None:
    english, arabic = ARTICLES[0].to_displacy(), ARTICLES[1].to_displacy()
    assert [english["text"][e["start"] : e["end"]] for e in english["ents"]] == [
        "Kadhimi", "Baghdad", "Mustafa al-Kadhimi", "Iraq"
    ]  # fmt: skip
    assert english["settings"]["direction"] == "ltr" and arabic["settings"]["direction"] == "rtl"
    assert [arabic["text"][e["start"] : e["end"]] for e in arabic["ents"]][-1] == "العراق"
    page = displacy.render(arabic, style="ent", manual=True, page=True)
    assert '<html lang="ar">' in page and 'class="entities" style="line-height: 2.5; direction: rtl"' in page
    assert "https://www.wikidata.org/wiki/Q796" in page
    assert displacy.render(english, style="ent", manual=True).count("<mark") == 4
    coloured = displacy.render(english, style="ent", manual=True, options=displacy_options())
    assert coloured.count("background: #fde2e4") == 2  # the two PER mentions


def test_to_displacy_escapes_what_displacy_does_not() -> None:
    hostile = Entity.create("x:<script>", '<img src=x onerror="alert(1)">', {"en": ["Zorbia"]})
    article = Corpus([Article(id="h", title="", body="Zorbia <b>now</b>", lang="en")]).annotate(
        Annotator([Gazetteer([hostile])], default=False)
    )[0]
    markup = displacy.render(article.to_displacy(), style="ent", manual=True)
    assert "<img" not in markup and "<script>" not in markup and "<b>" not in markup
    assert "&lt;img" in markup and "&lt;b&gt;now" in markup
