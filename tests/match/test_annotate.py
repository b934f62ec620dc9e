"""The matching rules as tables, the Annotator interface, and its invariants."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mediamon
from mediamon.match.annotate import annotate_all, chunked
from mediamon.match.compile import CASE_SENSITIVE_MAX, HOW_RANK, case_letters
from tests.conftest import DATA
from tests.strategies import matching_text

RULES = DATA / "gazetteers" / "rules.jsonl"
CASES = json.loads((DATA / "matching_cases.json").read_text(encoding="utf-8"))["cases"]


@pytest.fixture(scope="module")
def annotator() -> mediamon.Annotator:
    return mediamon.Annotator(RULES, default=False)


def _case_params() -> list[object]:
    params = []
    for i, case in enumerate(CASES):
        marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else []
        params.append(pytest.param(case, id=f"{i}-{case['rule']}", marks=marks))
    return params


@pytest.mark.parametrize("case", _case_params())
def test_matching_rule(annotator: mediamon.Annotator, case: dict) -> None:
    mentions = annotator.annotate_text(case["text"])
    assert [[m.text, m.entity_id, m.how] for m in mentions] == case["expect"]
    for m in mentions:
        assert case["text"][m.start : m.end] == m.text


def test_every_rule_has_positive_and_negative_cases() -> None:
    rules = {c["rule"] for c in CASES}
    for rule in rules - {"cross-script", "variant-precision"}:
        assert any(c["expect"] for c in CASES if c["rule"] == rule), rule
    for rule in ("whole-word", "clitic", "case", "surname"):
        assert any(not c["expect"] for c in CASES if c["rule"] == rule), rule


def test_variant_precision_on_look_alike_pairs(annotator: mediamon.Annotator) -> None:
    """Names that must stay apart, and spellings that must meet, measured together."""
    apart = [
        "Fahmi Hassan",
        "Fuad Hassan",
        "Fahmi Hussein",
        "Mustafa al-Kadhim",
        "Qais Soleimani",
        "Bashar al-Assadi",
        "Hassan Soleimani",
        "Mustafa al-Kazem",
    ]
    meet = [
        "Mustafa al-Kadhemi",
        "Qasem Soleimani",
        "Qassim Soleimani",
        "Qasim Sulaimani",
        "Bashar al-Asad",
        "Mohamed al-Halboosi",
        "Mahmoud al-Rubaie",
        "Kazem al-Fartousi",
    ]
    false_hits = [t for t in apart if any(m.how == "variant" for m in annotator.annotate_text(t))]
    found = [t for t in meet if any(m.how == "variant" for m in annotator.annotate_text(t))]
    assert false_hits == []
    assert found == meet


def test_mention_records_alias_and_language(annotator: mediamon.Annotator) -> None:
    (m,) = annotator.annotate_text("بالعراق")
    assert (m.alias, m.lang, m.entity_name, m.entity_type) == ("العراق", "ar", "Iraq", "LOC")
    (m,) = annotator.annotate_text("Erdoğan")
    assert m.alias == "Erdoğan" and m.lang == "en"


def test_annotate_article_title_and_body(annotator: mediamon.Annotator) -> None:
    article = mediamon.Article(
        id="a1", title="Al-Kadhimi in Washington", body="Mustafa al-Kadhimi met the UN.\n\nفي العراق"
    )
    done = annotator.annotate(article)
    got = [(m.field, m.text, m.entity_id, m.how) for m in done.mentions]
    assert got == [
        ("title", "Al-Kadhimi", "per:mustafa-al-kadhimi", "surname"),
        ("body", "Mustafa al-Kadhimi", "per:mustafa-al-kadhimi", "exact"),
        ("body", "UN", "org:un", "exact"),
        ("body", "العراق", "country:irq", "exact"),
    ]
    for m in done.mentions:
        assert getattr(done, m.field)[m.start : m.end] == m.text


def test_lang_hint_restricts_to_one_side(annotator: mediamon.Annotator) -> None:
    text = "Iraq العراق"
    assert [m.text for m in annotator.annotate_text(text, lang="ar")] == ["العراق"]
    assert [m.text for m in annotator.annotate_text(text, lang="en")] == ["Iraq"]


def test_user_gazetteer_wins_alias_clash(tmp_path: Path) -> None:
    mine = tmp_path / "mine.jsonl"
    mine.write_text('{"id": "loc:my-iraq", "type": "LOC", "names": {"en": ["Iraq"]}}\n', encoding="utf-8")
    annotator = mediamon.Annotator([mine, RULES], default=False)
    (m,) = annotator.annotate_text("Iraq")
    assert m.entity_id == "loc:my-iraq"
    assert any(c.key == "iraq" and c.kept == "loc:my-iraq" for c in annotator.compiled.conflicts)


def test_corpus_annotate_jobs_gives_identical_output() -> None:
    corpus = mediamon.read_dump(DATA / "dumps" / "sample_en_ar.txt")
    annotator = mediamon.Annotator(DATA / "gazetteers" / "iraq.jsonl", default=False)
    one = corpus.annotate(annotator)
    two = corpus.annotate(annotator, jobs=2)
    assert [a.to_dict() for a in one] == [a.to_dict() for a in two]
    assert sum(len(a.mentions) for a in one) > 100
    assert list(annotate_all([], annotator, jobs=2)) == []


def test_sample_dump_variants_found_with_test_gazetteer() -> None:
    """The sample's own spelling variants meet the test gazetteer's one spelling."""
    corpus = mediamon.read_dump(DATA / "dumps" / "sample_en_ar.txt")
    annotator = mediamon.Annotator(DATA / "gazetteers" / "iraq.jsonl", default=False)
    found = {(m.text, m.entity_id) for a in corpus.annotate(annotator) for m in a.mentions}
    for text, entity in [
        ("Mustafa al-Kadhemi", "per:mustafa-al-kadhimi"),
        ("Mahmoud al-Rubaie", "per:mahmoud-al-rubaei"),
        ("Qassim Soleimani", "per:qassem-soleimani"),
        ("Kataib Hezbollah", "org:kataib-hezbollah"),
        ("Asa’ib Ahl al-Haq", "org:asaib-ahl-al-haq"),
        ("Hashd al-Sha’abi", "org:popular-mobilization-forces"),
        ("العراق", "country:irq"),
        ("Iraq", "country:irq"),
    ]:
        assert (text, entity) in found, text


@settings(max_examples=300, deadline=None)
@given(matching_text())
def test_offsets_map_back_and_never_overlap(text: str) -> None:
    annotator = mediamon.Annotator(RULES, default=False)
    mentions = annotator.annotate_text(text)
    previous_end = 0
    for m in mentions:
        assert text[m.start : m.end] == m.text
        assert m.start >= previous_end
        assert m.how in HOW_RANK
        previous_end = m.end


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_annotator_never_raises(text: str) -> None:
    annotator = mediamon.Annotator(RULES, default=False)
    for m in annotator.annotate_text(text):
        assert text[m.start : m.end] == m.text


@given(
    st.lists(st.integers(min_value=0, max_value=50), max_size=30),
    st.integers(min_value=1, max_value=6),
    st.one_of(st.none(), st.integers(min_value=1, max_value=120)),
)
def test_chunks_keep_order_and_end_at_either_bound(
    lengths: list[int], size: int, characters: int | None
) -> None:
    articles = [mediamon.Article(id=str(i), title="", body="x" * n) for i, n in enumerate(lengths)]
    chunks = list(chunked(articles, size, characters))
    assert [a for chunk in chunks for a in chunk] == articles
    for chunk in chunks:
        assert 1 <= len(chunk) <= size
        held = [len(a.body) for a in chunk]
        if characters is not None:
            assert sum(held[:-1]) < characters  # it ends at the first article that reaches the bound
        if chunk is not chunks[-1]:
            assert len(chunk) == size or (characters is not None and sum(held) >= characters)


def _case_letters_by_definition(alias: str) -> str | None:
    """``case_letters`` as its docstring defines it: every letter read, then the tests."""
    letters = "".join(re.findall(r"[^\W\d_]", alias))
    capitals = sum(map(str.isupper, letters)) >= 2 or letters.isupper()
    short = len(letters) <= CASE_SENSITIVE_MAX
    return letters if letters and short and letters.isascii() and capitals else None


@given(st.text(alphabet="aAbBzZ19 .-'\u00e9\u00c9\u00df\u01c5\ufb00\u0639\u0663", max_size=10))
def test_case_letters_shortcut_answers_as_the_definition(alias: str) -> None:
    """The early exits (no letter, a first letter outside ASCII, no capital) change no answer."""
    assert case_letters(alias) == _case_letters_by_definition(alias)
