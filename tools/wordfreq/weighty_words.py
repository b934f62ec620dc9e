"""Derive the weighty places whose Arabic one-word alias is also a frequent ordinary word.

Issue 14's trap13 class: a country, a capital or a place the ambiguity model weighs ``heavy``
or ``big`` (``mediamon.match.support.entity_weight``: a country or region by id prefix, a
capital by ``meta.capital``, a first-level division or a place of ``heavy_population``) is
never ambiguous by frequency, so its alias is trusted wherever the text writes it. Some of
those aliases are ordinary words (قطر "diameter", المغرب "sunset", الرباط "the bandage"). This
script walks the bundled gazetteers (``Gazetteer.bundled()``), takes every Arabic alias of one
word of such an entity, and keeps it when the word, or its form with the article toggled
(written with or without ``ال``), is at least ``--zipf`` (``town_word_zipf``, 3.3) in the
bundled word-frequency table (``data/ar/word_frequency.json``, the Zipf values the support model
reads) and the alias's own form at least ``town_zipf``: a name is written one way (مصر, never
المصر), an ordinary word both ways (قطر / القطر "the diameter", رياض / الرياض "gardens").

The output (``src/mediamon/data/ar/weighty_words.json``) lists each alias's normalised key with
the entity, its weight, the two Zipf values and why it was kept; mediamon reads only the keys
(``SupportModel``: reason ``weighty``) and ``tests/match/test_weighty_words.py`` checks the file
is what this script writes from the bundled data.

    python tools/wordfreq/weighty_words.py            # rewrite the data file
    python tools/wordfreq/weighty_words.py --check    # exit 1 when the file is stale
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from mediamon import lang as languages  # noqa: E402
from mediamon.match.gazetteer import Gazetteer  # noqa: E402
from mediamon.match.support import (  # noqa: E402
    NEVER_WORD_PREFIXES,
    SupportSettings,
    _forms,
    entity_weight,
    word_frequencies,
)

OUT = ROOT / "src" / "mediamon" / "data" / "ar" / "weighty_words.json"
SIDE = "ar"
#: both forms at least this frequent: an ordinary word, not a name written two ways by chance
DEFAULT_ZIPF = 3.3


def weight_class(entity: Any, settings: SupportSettings) -> str | None:
    """``country``, ``region``, ``capital`` or ``big`` for the entities of the class, else None."""
    if entity.type != "LOC":
        return None
    prefix = entity.id.split(":")[0]
    if prefix in NEVER_WORD_PREFIXES:
        return "country" if prefix == "country" else "region"
    if (entity.meta or {}).get("capital"):
        return "capital"
    return "big" if entity_weight(entity, settings) == "big" else None


def derive(zipf_floor: float = DEFAULT_ZIPF) -> dict[str, Any]:
    """The class as a JSON-ready mapping (deterministic: sorted by key, then entity id)."""
    settings = SupportSettings()
    table = word_frequencies(SIDE)
    forms = _forms(SIDE)
    article = forms.article
    rows: dict[str, list[dict[str, Any]]] = {}
    for entity in Gazetteer.bundled():
        weight = weight_class(entity, settings)
        if weight is None:
            continue
        for lang, alias in entity.aliases():
            if lang != SIDE:
                continue
            key = languages.key(SIDE, alias)
            if not key or " " in key:
                continue
            toggled = key.removeprefix(article) if key.startswith(article) else article + key
            own, other = table.get(key, 0.0), table.get(toggled, 0.0)
            if own < settings.town_zipf or other < zipf_floor:
                continue
            entry = {
                "entity": entity.id,
                "weight": weight,
                "zipf": own,
                "toggled": toggled,
                "toggled_zipf": other,
            }
            if entry not in rows.setdefault(key, []):
                rows[key].append(entry)
    words = {k: sorted(v, key=lambda e: str(e["entity"])) for k, v in sorted(rows.items())}
    return {
        "_doc": (
            "Arabic one-word aliases of countries, regions, capitals and places of a million or "
            "first-level divisions (the weights the support model never reads as words by "
            "frequency) whose form with the article toggled is also a frequent word (Zipf >= "
            "min_toggled_zipf): an ordinary noun, adjective or verb written both ways, as a name "
            "is not. Written by "
            "tools/wordfreq/weighty_words.py from the bundled gazetteers and "
            "data/ar/word_frequency.json; mediamon reads the keys (support reason 'weighty')."
        ),
        "source": "tools/wordfreq/weighty_words.py",
        "min_toggled_zipf": zipf_floor,
        "words": words,
    }


def render(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when the data file is stale")
    parser.add_argument("--zipf", type=float, default=DEFAULT_ZIPF)
    args = parser.parse_args(argv)
    text = render(derive(args.zipf))
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("up to date" if same else f"stale: rerun {Path(__file__).name}")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(json.loads(text)['words'])} words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
