"""Quality gates for the bundled gazetteers: size, coverage, common words, false hits, recall.

The figures asserted here were measured with ``benchmarks/eval_entities.py`` (which this
file imports for the scoring) and are reported in ``docs/evaluation.md``. Each bound is the
measured figure minus a small margin. Where a target is not met, one test asserts what is
achieved and a separate ``xfail(strict=True)`` test asserts the target and says what
misses; when the data or the matcher improves, the strict xfail fails and the bound is to be
raised to the new measurement.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import mediamon
from mediamon import Gazetteer
from tests.conftest import DATA

ROOT = Path(__file__).resolve().parents[1]
EVAL = DATA / "eval"
BUNDLED_DIR = Path(mediamon.__file__).parent / "data" / "gazetteers"
ARAB_LEAGUE = {
    "DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR",
    "MA", "OM", "PS", "QA", "SA", "SO", "SD", "SY", "TN", "AE", "YE",
}  # fmt: skip
ARABIC = re.compile("[\u0600-\u06ff]")


def _load_benchmark() -> ModuleType:
    path = ROOT / "benchmarks" / "eval_entities.py"
    spec = importlib.util.spec_from_file_location("eval_entities", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("eval_entities", module)
    spec.loader.exec_module(module)
    return module


ev = _load_benchmark()


@pytest.fixture(scope="module")
def bundled() -> Gazetteer:
    return Gazetteer.bundled()


@pytest.fixture(scope="module")
def annotator() -> mediamon.Annotator:
    return mediamon.Annotator()


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


# Measured: the Arabic article is taken as a proclitic before names that have none
# (ال + سورية, ال + تركية, ال + مان in ألمان), and a Turkish town keeps سويدية/السويدية.
KNOWN_DEMONYM_HITS = {
    "ألمان -> مان loc:geonames-2284647",
    "التركية -> تركية country:tur",
    "التشيلي -> تشيلي country:chl",
    "الجيبوتي -> جيبوتي country:dji",
    "الزيمبابوي -> زيمبابوي country:zwe",
    "السورية -> سورية country:syr",
    "السويدية -> السويدية loc:geonames-301975",
    "الصربية -> صربية country:srb",
    "سويدية -> سويدية loc:geonames-301975",
}


def test_demonym_forms_give_no_new_mentions(annotator: mediamon.Annotator, bundled: Gazetteer) -> None:
    hits = set(_demonym_hits(annotator, bundled))
    assert hits <= KNOWN_DEMONYM_HITS, (
        f"new demonym forms found as mentions: {sorted(hits - KNOWN_DEMONYM_HITS)}"
    )


@pytest.mark.xfail(
    strict=True,
    reason="9 demonym forms are found as places: the article proclitic is accepted before a "
    "name that lacks it (السورية -> Syria, التركية -> Turkey, ألمان -> Man), and "
    "loc:geonames-301975 has the aliases سويدية/السويدية ('Swedish')",
)
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
    """The matcher's rule 3: all capitals and at most five letters."""
    letters = [c for c in alias if c.isalpha()]
    return 0 < len(letters) <= 5 and all(c.isupper() for c in letters)


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


# Measured on the committed data (see docs/evaluation.md for the fix of each).
KNOWN_COMMON_WORD_ALIASES = {
    "loc:geonames-1270022 حصار",  # Hisar, India: "siege"
    "loc:geonames-145449 آباده",  # Abadeh, Iran: = إبادة "extermination" after normalisation
    "loc:geonames-48918 آباده",
    "loc:geonames-172503 سفيرة",  # As Safirah, Syria: "ambassador (f.)"
    "loc:geonames-172955 رقه",  # Raqqa: "tenderness"
    "loc:geonames-1808198 هزه",  # Heze, China: "tremor"
    "loc:geonames-250441 امان",  # Amman: "safety"
    "loc:geonames-293207 يهود",  # Yehud, Israel: "Jews"
    "loc:geonames-2998324 ليل",  # Lille: "night"
    "loc:geonames-379251 بحري",  # Khartoum North: "maritime"
    "loc:geonames-401118 شوط",  # Showt, Iran: "half (of a match)"
    "loc:geonames-56335 جوهر",  # Jawhar, Somalia: "essence"
    "loc:geonames-173480 ميادين",  # Al-Mayadin: "squares", and ال + ميادين
    "org:uk-ministry-of-defence MoD",  # "mod"
    "media:the-guardian The Guardian",
    "media:the-independent The Independent",
    "media:the-national The National",
}


def test_no_new_common_word_aliases(bundled: Gazetteer) -> None:
    found = set(_common_word_aliases(bundled))
    assert found <= KNOWN_COMMON_WORD_ALIASES, (
        f"unmarked common-word aliases: {sorted(found - KNOWN_COMMON_WORD_ALIASES)}"
    )


@pytest.mark.xfail(
    strict=True,
    reason="17 unmarked default aliases are very common words (حصار, إبادة/آباده, يهود, ليل, "
    "أمان, رقة, بحري, شوط, جوهر, سفيرة, هزة, ميادين, MoD, The National/Guardian/Independent)",
)
def test_no_default_alias_is_a_common_word(bundled: Gazetteer) -> None:
    assert _common_word_aliases(bundled) == []


# -- false hits in ordinary text ------------------------------------------------------

# Measured: 13 mentions in 466 KB of pydoc_data.topics (2.8 per 100 KB: mod x9 -> MoD,
# Mode x2 -> Modi by the variant rule, mississippi, UK).
MAX_EN_PER_100KB = 5.0
# Measured: 4 mentions (شوط x2, ليل, طاطا from بطاطا) in 9.8 KB of everyday Arabic.
MAX_AR_MENTIONS = 4


def _fired(hits: Counter[tuple[str, str]]) -> str:
    return ", ".join(f"{n}x {text!r} -> {eid}" for (text, eid), n in hits.most_common())


def test_false_hits_in_ordinary_english(annotator: mediamon.Annotator) -> None:
    per_100kb, hits, kb = ev.ordinary_hits(annotator, ev.english_ordinary_text())
    assert kb > 200
    assert per_100kb <= MAX_EN_PER_100KB, f"{per_100kb:.1f} per 100 KB: {_fired(hits)}"


def test_false_hits_in_ordinary_arabic(annotator: mediamon.Annotator) -> None:
    _, hits, kb = ev.ordinary_hits(annotator, ev.arabic_ordinary_text())
    assert kb >= 5
    assert sum(hits.values()) <= MAX_AR_MENTIONS, _fired(hits)


@pytest.mark.xfail(
    strict=True,
    reason="شوط -> Showt (Iran), ليل -> Lille, بطاطا -> ب + طاطا (Tata, Morocco) in everyday Arabic",
)
def test_no_false_hits_in_ordinary_arabic(annotator: mediamon.Annotator) -> None:
    _, hits, _ = ev.ordinary_hits(annotator, ev.arabic_ordinary_text())
    assert not hits, _fired(hits)


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
    ("recall", "global"): 0.911,  # 438 gold mentions
    ("recall", "regional"): 0.949,  # 138
    ("precision", "all"): 0.909,  # 583 predicted
    ("recall", "all"): 0.920,  # 576
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


@pytest.mark.xfail(
    strict=True,
    reason="recall of global mentions is 91.1%: Baghdad/Damascus/Beirut go to the same-named "
    "governorate (13), 'US military'/'US air force'/'US embassy in Baghdad' swallow the country and "
    "the city (17), كابول and المملكة الهاشمية are not aliases, 'Hussein Fuad' reversed",
)
def test_sample_recall_global_meets_target(scored: tuple[list[Any], list[Any]]) -> None:
    gold_items, _ = scored
    assert _rate(gold_items, scope="global") >= TARGETS[("recall", "global")], _misses(
        gold_items, scope="global"
    )


@pytest.mark.xfail(
    strict=True,
    reason="precision is 90.9%: governorates for same-named cities (14), org:us-army for 'US military'"
    "/'القوات الأميركية' (17), the Arabic article taken as a proclitic (السورية x3, البحري), "
    "common-word aliases of foreign towns (جوهر, حصار, هزة, سدة), generic phrases (Arab countries, "
    "المنطقة العربية, the national)",
)
def test_sample_precision_meets_target(scored: tuple[list[Any], list[Any]]) -> None:
    _, pred_items = scored
    assert _rate(pred_items) >= TARGETS[("precision", "all")], _misses(pred_items)


# -- FIGNEWS cross-lingual agreement (the 150-post sample in the repository) -----------

# Measured on tests/data/fignews_sample.tsv: 35.8% with one side per column, 48.0% for whole
# columns (on the full 1,500-post file: 41.5% and 49.1%; see docs/evaluation.md).
MIN_AGREEMENT = {True: 0.34, False: 0.46}


@pytest.mark.parametrize("lang_hint", [True, False], ids=["one-side-per-column", "whole-column"])
def test_fignews_sample_agreement(annotator: mediamon.Annotator, lang_hint: bool) -> None:
    rows = ev.read_fignews(DATA / "fignews_sample.tsv")
    assert len(rows) == 150
    agreement = ev.fignews_agreement(annotator, rows, lang_hint=lang_hint)
    one_side = (agreement.only_en + agreement.only_ar).most_common(8)
    assert agreement.jaccard >= MIN_AGREEMENT[lang_hint], (
        f"{agreement.jaccard:.3f}; one side only: {one_side}"
    )
