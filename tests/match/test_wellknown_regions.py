"""The well-known news places of tests/data/gazetteers/wellknown_regions.json are found whole.

The list (its ``criterion`` key says how it was chosen) is probed by
tools/gazetteers/probe_wellknown.py in an English and an Arabic sentence frame; every name must
be covered by a LOC mention of the row's country (a longer name wins over the place inside it:
أرض الصومال is Somaliland, غلاف غزة the Gaza Envelope, KwaZulu-Natal no Natal in Brazil).
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import mediamon
from tests.conftest import DATA

ROOT = Path(__file__).resolve().parents[2]
_SPEC = importlib.util.spec_from_file_location(
    "probe_wellknown", ROOT / "tools" / "gazetteers" / "probe_wellknown.py"
)
assert _SPEC is not None and _SPEC.loader is not None
PROBE = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(PROBE)
LIST = json.loads((DATA / "gazetteers" / "wellknown_regions.json").read_text(encoding="utf-8"))


def test_every_listed_place_is_found_whole() -> None:
    assert PROBE.probe(mediamon.Annotator(), LIST) == []


def test_the_list_covers_both_scripts_and_the_clashes() -> None:
    rows = LIST["rows"]
    assert len(rows) >= 50
    assert all(r["en"] and r["ar"] and r["country"] for r in rows)
    names = {n for r in rows for n in r["ar"] + r["en"]}
    assert {"أرض الصومال", "غلاف غزة", "KwaZulu-Natal", "غور الأردن"} <= names


def test_the_probe_reports_a_wrong_entity() -> None:
    bad = {"frames": LIST["frames"], "rows": [{"country": ["IL"], "en": ["Gaza"], "ar": []}]}
    assert PROBE.probe(mediamon.Annotator(), bad) == ["wrong en Gaza -> Gaza=loc:geonames-281133"]
