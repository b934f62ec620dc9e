"""Quality gates for the bundled gazetteers: size, coverage, common words, false hits, recall.

The figures asserted here were measured with ``benchmarks/eval_entities.py`` (which this
file imports for the scoring) and are reported in ``docs/evaluation.md``. Each bound is the
measured figure minus a small margin, and the issue's targets are asserted as well; a failing
assertion lists what was missed or what fired.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import mediamon
from mediamon import Gazetteer
from tests.conftest import DATA, load_benchmark

ROOT = Path(__file__).resolve().parents[2]
EVAL = DATA / "eval"
BUNDLED_DIR = Path(mediamon.__file__).parent / "data" / "gazetteers"
ARAB_LEAGUE = {
    "DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR",
    "MA", "OM", "PS", "QA", "SA", "SO", "SD", "SY", "TN", "AE", "YE",
}  # fmt: skip
ARABIC = re.compile("[\u0600-\u06ff]")


ev = load_benchmark("eval_entities")


@pytest.fixture(scope="module")
def bundled() -> Gazetteer:
    return Gazetteer.bundled()


@pytest.fixture(scope="module")
def annotator() -> mediamon.Annotator:
    return mediamon.Annotator()


# -- curated aliases as a table (tests/data/bundled_alias_cases.json) -------------------
ALIAS_CASES = json.loads((DATA / "bundled_alias_cases.json").read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", ALIAS_CASES, ids=lambda c: f"{c['rule']}:{c['text'][:24]}")
def test_curated_alias_cases(annotator: mediamon.Annotator, case: dict[str, Any]) -> None:
    found = [[m.text, m.entity_id] for m in annotator.annotate_text(case["text"])]
    assert found == case["expect"], case["why"]


# -- size, ids, coverage ----------------------------------------------------------------


def test_size(bundled: Gazetteer) -> None:
    assert len(bundled) >= 5000
    assert bundled.alias_count() >= 25000


def _raw_ids() -> Iterator[tuple[str, str]]:
    for path in sorted(BUNDLED_DIR.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield path.name, json.loads(line)["id"]


def test_ids_unique_across_all_files() -> None:
    """Gazetteer.merge would silently join two rows with one id, so the files are read raw."""
    counts = Counter(entity_id for _, entity_id in _raw_ids())
    assert {i: n for i, n in counts.items() if n > 1} == {}
    assert len(counts) > 5000


def test_every_country_has_english_and_arabic(bundled: Gazetteer) -> None:
    countries = [e for e in bundled if e.id.startswith("country:")]
    assert len(countries) >= 249
    assert [e.id for e in countries if not (e.names.get("en") and e.names.get("ar"))] == []


def test_every_arab_league_place_has_english_and_arabic(bundled: Gazetteer) -> None:
    places = [e for e in bundled if e.type == "LOC" and e.meta.get("country") in ARAB_LEAGUE]
    assert len(places) > 1500
    assert [e.id for e in places if not (e.names.get("en") and e.names.get("ar"))] == []


# -- demonyms -------------------------------------------------------------------------


def test_organisations_have_both_spellings(bundled: Gazetteer) -> None:
    """The build gives an organisation's English alias with Organization or Programme the other
    spelling too (news writes both: World Health Organisation)."""
    twins = (("Organization", "Organisation"), ("Programme", "Program"))
    lacking = []
    for entity in bundled:
        if entity.type not in ("ORG", "MEDIA"):
            continue
        names = set(entity.names.get("en", []))
        for alias in names:
            words = alias.split(" ")
            for one, other in (*twins, *((b, a) for a, b in twins)):
                if one in words and " ".join(other if w == one else w for w in words) not in names:
                    lacking.append((entity.id, alias))
    assert not lacking
    who = bundled["org:who"].names["en"]
    assert {"World Health Organization", "World Health Organisation"} <= set(who)


def test_demonyms_are_opt_in(bundled: Gazetteer) -> None:
    assert not any(e.type == "DEMONYM" or e.id.startswith("demonym:") for e in bundled)
    demonyms = Gazetteer.bundled(include=["demonyms.jsonl"])
    assert len(demonyms) >= 100
    assert {e.type for e in demonyms} == {"DEMONYM"}
    assert all(e.meta["country"] in bundled for e in demonyms)
    iraqi = demonyms["demonym:irq"]
    assert "Iraqi" in iraqi.names["en"] and "العراقي" in iraqi.names["ar"]


def _demonym_hits(annotator: mediamon.Annotator, bundled: Gazetteer) -> list[str]:
    """Demonym forms that, written alone, give a mention with the default annotator.

    Excluded: forms spelled exactly like one of the country's own aliases (تشيلي, سورية,
    السعودية: no gazetteer can tell them apart without context) and English phrases that
    contain the country's name ("Myanmar nationals").
    """
    en, ar = mediamon.EnglishNormalizer(), mediamon.ArabicNormalizer()

    def key(alias: str) -> str:
        return ar.normalize(alias) if ARABIC.search(alias) else en.normalize(alias)

    out = []
    for demonym in Gazetteer.bundled(include=["demonyms.jsonl"]):
        country = bundled[demonym.meta["country"]]
        own = {key(a) for _, a in country.aliases()}
        for _, alias in demonym.aliases():
            if key(alias) in own or any(f" {k} " in f" {key(alias)} " for k in own):
                continue
            mentions = annotator.annotate_text(alias)
            if mentions:
                out.append(f"{alias} -> " + ", ".join(f"{m.text} {m.entity_id}" for m in mentions))
    return sorted(out)


def test_demonym_forms_are_not_mentions(annotator: mediamon.Annotator, bundled: Gazetteer) -> None:
    assert _demonym_hits(annotator, bundled) == []


# -- common words ---------------------------------------------------------------------


def _words(name: str) -> set[str]:
    text = (EVAL / name).read_text(encoding="utf-8")
    return {w for line in text.splitlines() for w in line.split("#")[0].split()}


def test_common_word_lists_are_substantial() -> None:
    assert len(_words("common_words_en.txt")) >= 300
    assert len(_words("common_words_ar.txt")) >= 300


CLITIC_CHAINS = ("و", "ف", "ب", "ك", "ل", "ال", "وال", "فال", "بال", "كال", "لل", "ولل")


def _case_sensitive(alias: str) -> bool:
    """The matcher's rule 3: at most five letters, all capitals or two capitals or more."""
    letters = [c for c in alias if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    return 0 < len(letters) <= 5 and (capitals >= 2 or capitals == len(letters))


def _common_word_aliases(bundled: Gazetteer) -> list[str]:
    """Unmarked default aliases that are very common words.

    English: the alias, case folded, is a common word or "the" + one (the matcher finds
    "The National" in "the national grid"); short all-capital aliases are exempt. Arabic:
    the normalised alias is a common word, or a proclitic chain + the alias is one (the
    matcher strips proclitics, so ميادين is found inside الميادين).
    """
    en, ar = mediamon.EnglishNormalizer(), mediamon.ArabicNormalizer()
    common_en = {en.normalize(w) for w in _words("common_words_en.txt")}
    common_ar = {ar.normalize(w) for w in _words("common_words_ar.txt")}
    chains = [ar.normalize(c) for c in CLITIC_CHAINS]
    out = []
    for entity in bundled:
        for lang, alias in entity.aliases():
            if alias in entity.meta.get(f"ambiguous_{lang}", ()):
                continue
            if ARABIC.search(alias):
                key = ar.normalize(alias)
                if key in common_ar or any(c + key in common_ar for c in chains):
                    out.append(f"{entity.id} {alias}")
            elif not _case_sensitive(alias):
                key = en.normalize(alias)
                if key in common_en or (key.startswith("the ") and key[4:] in common_en):
                    out.append(f"{entity.id} {alias}")
    return sorted(out)


# Kept on purpose: in news, bare حماس is the movement far more often than "enthusiasm".
DELIBERATE = {"org:hamas حماس"}


def test_no_default_alias_is_a_common_word(bundled: Gazetteer) -> None:
    assert sorted(set(_common_word_aliases(bundled)) - DELIBERATE) == []


# -- false hits in ordinary text ------------------------------------------------------

# Measured: 2 mentions in 466 KB of pydoc_data.topics (0.4 per 100 KB: mississippi, UK).
MAX_EN_PER_100KB = 1.5


def _fired(hits: Counter[tuple[str, str]]) -> str:
    return ", ".join(f"{n}x {text!r} -> {eid}" for (text, eid), n in hits.most_common())


def test_false_hits_in_ordinary_english(annotator: mediamon.Annotator) -> None:
    per_100kb, hits, kb = ev.ordinary_hits(annotator, ev.english_ordinary_text())
    assert kb > 200
    assert per_100kb <= MAX_EN_PER_100KB, f"{per_100kb:.1f} per 100 KB: {_fired(hits)}"


def test_no_false_hits_in_ordinary_arabic(annotator: mediamon.Annotator) -> None:
    _, hits, kb = ev.ordinary_hits(annotator, ev.arabic_ordinary_text())
    assert kb >= 5
    assert not hits, _fired(hits)


# Measured (benchmarks/eval_gold.py, each file as one text; all mentions, any type): the prose
# written to hold place-like words. A rise is a regression; docs/evaluation.md section 6.
TRAP_PROSE_MAX = {
    "ordinary_ar_more.txt": 5,
    "ordinary_en_more.txt": 9,
    # the tuning twins of the held-out *_trap_b files (no row for those: they are measured only)
    "ordinary_ar_trap_a.txt": 7,
    "ordinary_en_trap_a.txt": 3,
    # trap13's development text of weighty words (55 on main e1d71ae, 17 after that round)
    "ordinary_ar_trap_j.txt": 17,
}


@pytest.mark.parametrize("name", sorted(TRAP_PROSE_MAX))
def test_place_hits_in_trap_prose_do_not_rise(annotator: mediamon.Annotator, name: str) -> None:
    text = (DATA / "eval" / name).read_text(encoding="utf-8")
    fired = Counter((m.text, m.entity_id) for m in annotator.annotate_text(text) if m.entity_type == "LOC")
    assert sum(fired.values()) <= TRAP_PROSE_MAX[name], _fired(fired)


# -- recall and precision on the hand-labelled sample ----------------------------------


@pytest.fixture(scope="module")
def scored(annotator: mediamon.Annotator) -> tuple[list[Any], list[Any]]:
    gold_items, pred_items = ev.score_sample(annotator)
    return gold_items, pred_items


def test_gold_labels_are_valid(bundled: Gazetteer) -> None:
    gold = ev.load_gold()
    articles = ev.sample_articles(gold)
    assert len(gold) >= 8
    assert sum(a["lang"] == "ar" for a in gold) >= 3 and sum(a["lang"] == "en" for a in gold) >= 5
    for art, article in zip(gold, articles, strict=True):
        assert art["lang"] == article.lang
        for m in art["mentions"]:
            assert getattr(article, m.field)[m.start : m.end] == m.text, (art["index"], m)
            assert m.entity_id.startswith("missing:") or m.entity_id in bundled, m.entity_id
            assert m.type in {"LOC", "PER", "ORG", "MEDIA"} and m.scope in {"global", "regional"}
            if m.entity_id in bundled:
                assert bundled[m.entity_id].type == m.type, m


def _rate(items: list[Any], **where: str) -> float:
    chosen = [i for i in items if all(getattr(i, k) == v for k, v in where.items())]
    assert chosen, where
    return sum(i.overlap_ok for i in chosen) / len(chosen)


def _misses(items: list[Any], **where: str) -> str:
    chosen = [i for i in items if all(getattr(i, k) == v for k, v in where.items()) and not i.overlap_ok]
    return ", ".join(
        f"{n}x {t!r} {e}" for (t, e), n in Counter((i.text, i.entity_id) for i in chosen).most_common()
    )


# Measured (overlap scoring, docs/evaluation.md), each asserted minus a margin of two points.
MEASURED = {
    ("recall", "global"): 0.975,  # 438 gold mentions
    ("recall", "regional"): 0.949,  # 138
    ("precision", "all"): 0.981,  # 569 predicted
    ("recall", "all"): 0.969,  # 576
}
MARGIN = 0.02
TARGETS = {("recall", "global"): 0.95, ("recall", "regional"): 0.85, ("precision", "all"): 0.95}


@pytest.mark.parametrize("what", sorted(MEASURED))
def test_sample_measured(scored: tuple[list[Any], list[Any]], what: tuple[str, str]) -> None:
    gold_items, pred_items = scored
    kind, scope = what
    items = gold_items if kind == "recall" else pred_items
    where = {} if scope == "all" else {"scope": scope}
    got = _rate(items, **where)
    assert got >= MEASURED[what] - MARGIN, f"{kind} {scope} {got:.3f}; misses: {_misses(items, **where)}"


def test_sample_recall_regional_meets_target(scored: tuple[list[Any], list[Any]]) -> None:
    gold_items, _ = scored
    assert _rate(gold_items, scope="regional") >= TARGETS[("recall", "regional")]


def test_sample_recall_global_meets_target(scored: tuple[list[Any], list[Any]]) -> None:
    gold_items, _ = scored
    assert _rate(gold_items, scope="global") >= TARGETS[("recall", "global")], _misses(
        gold_items, scope="global"
    )


def test_sample_precision_meets_target(scored: tuple[list[Any], list[Any]]) -> None:
    _, pred_items = scored
    assert _rate(pred_items) >= TARGETS[("precision", "all")], _misses(pred_items)


# -- FIGNEWS cross-lingual agreement (the 150-post sample in the repository) -----------

# Measured on tests/data/fignews_sample.tsv: 76.0% with one side per column, 87.2% for whole
# columns (on the full 1,500-post file: 78.5% and 85.1%; see docs/evaluation.md).
MIN_AGREEMENT = {True: 0.73, False: 0.84}


@pytest.mark.parametrize("lang_hint", [True, False], ids=["one-side-per-column", "whole-column"])
def test_fignews_sample_agreement(annotator: mediamon.Annotator, lang_hint: bool) -> None:
    rows = ev.read_fignews(DATA / "fignews_sample.tsv")
    assert len(rows) == 150
    agreement = ev.fignews_agreement(annotator, rows, lang_hint=lang_hint)
    one_side = (agreement.only_en + agreement.only_ar).most_common(8)
    assert agreement.jaccard >= MIN_AGREEMENT[lang_hint], (
        f"{agreement.jaccard:.3f}; one side only: {one_side}"
    )


NICKNAMES = [
    ("وتأهل العنابي الى الدور الثاني بعد فوزه امس.", "org:national-team-qat"),
    ("واجه النشامى منتخبا قويا في الجولة الاولى.", "org:national-team-jor"),
    ("حقق أسود الأطلس فوزا مستحقا.", "org:national-team-mar"),
    ("The Atlas Lions won again.", "org:national-team-mar"),
]


def test_nicknames_that_are_ordinary_words_are_left_out(annotator: mediamon.Annotator) -> None:
    """Only nicknames no ordinary text uses: الفراعنة is also the pharaohs of history."""
    found = annotator.annotate_text("حكم الفراعنة مصر قرونا طويلة قبل الميلاد.")
    assert not any(m.entity_id.startswith("org:national-team-") for m in found)


DEPARTMENTS = [
    ("The Home Office said the scheme would end.", "org:uk-home-office"),
    ("The Justice Department opened an inquiry.", "org:us-justice-department"),
    ("وقالت وزارة الزراعة الأمريكية ان المحصول تراجع.", "org:us-agriculture-department"),
]


@pytest.mark.parametrize(("text", "eid"), [*NICKNAMES, *DEPARTMENTS])
def test_curated_names_are_found(annotator: mediamon.Annotator, text: str, eid: str) -> None:
    """National teams by their nicknames, government departments by the press's forms."""
    assert eid in {m.entity_id for m in annotator.annotate_text(text)}


def test_a_bare_department_of_another_country_is_not_the_us_one(annotator: mediamon.Annotator) -> None:
    """Only US-style names (``Justice Department``, ``US Department of …``) are the US's: ``the
    Department of Education`` of another country's article is not linked."""
    found = annotator.annotate_text("Ireland's Department of Education published figures.")
    assert not any(m.entity_id.startswith("org:us-") for m in found)
