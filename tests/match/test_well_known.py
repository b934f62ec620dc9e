"""Every country, capital and well-known entity of the reference list is found in both scripts.

``tests/data/gazetteers/well_known.json`` (written by tools/gazetteers/well_known_fixture.py
from pycountry, CLDR and GeoNames, plus the hand-written curated/well_known_names.json)
lists the names; its ``known_missing`` is exactly what the bundled data does not find yet,
so a new gap fails and a closed one must be struck from the list.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

import mediamon
from tests.conftest import DATA

REFERENCE = json.loads((DATA / "gazetteers" / "well_known.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def annotator() -> mediamon.Annotator:
    return mediamon.Annotator()


def _whole(annotator: mediamon.Annotator, text: str) -> set[str]:
    """Ids of the mentions that cover all of ``text`` (a leading descriptor word may stay out)."""
    return {
        m.entity_id
        for m in annotator.annotate_text(text)
        if m.end == len(text) and (m.start == 0 or text[m.start - 1] == " ")
    }


def gaps(annotator: mediamon.Annotator) -> list[str]:
    """'<what>: <text>' for every reference name the bundled data does not find whole."""
    entities = annotator.gazetteer
    country_of: dict[str, str] = {}
    capital_of: dict[str, set[str]] = {}
    for e in entities:
        meta: dict[str, Any] = e.meta or {}
        if e.id.startswith("country:") and isinstance(meta.get("country"), str):
            country_of.setdefault(meta["country"], e.id)
        if meta.get("capital") and isinstance(meta.get("country"), str):
            capital_of.setdefault(meta["country"], set()).add(e.id)
    out = []
    for row in REFERENCE["countries"]:
        want = country_of.get(row["iso"])
        for lang in ("en", "ar"):
            if lang in row and (want is None or want not in _whole(annotator, row[lang])):
                out.append(f"country {row['iso']} {lang}: {row[lang]}")
        capital = row["capital_en"]
        # A city-state's capital is named like the country (Singapore, Monaco): either counts.
        accept = capital_of.get(row["iso"], set()) | ({want} if want and capital == row.get("en") else set())
        if capital and not (_whole(annotator, capital) & accept):
            out.append(f"capital {row['iso']} en: {capital}")
        for eid in sorted(capital_of.get(row["iso"], ())):
            if not entities[eid].names.get("ar"):
                out.append(f"capital {row['iso']} ar: {eid} has no Arabic alias")
    for eid, *texts in REFERENCE["names"]:
        for text in texts:
            if eid not in _whole(annotator, text):
                out.append(f"name {eid}: {text}")
    return out


def test_reference_list_is_found_except_the_known_gaps(annotator: mediamon.Annotator) -> None:
    found = gaps(annotator)
    assert sorted(found) == sorted(REFERENCE["known_missing"])


def test_reference_list_is_large() -> None:
    assert len(REFERENCE["countries"]) > 240
    assert {"US", "RU", "CN", "GB", "FR", "IQ", "SD"} <= {c["iso"] for c in REFERENCE["countries"]}
