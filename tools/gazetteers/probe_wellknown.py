"""Probe the bundled gazetteers for well-known news places in sentence frames.

Reads tests/data/gazetteers/wellknown_regions.json (its ``criterion`` says how the list was
chosen), puts every name into the English or Arabic frame and reports each name that no LOC
mention of the right country covers whole: ``missing`` (nothing there) or ``wrong`` (the span
goes to another entity). Run: ``python tools/gazetteers/probe_wellknown.py``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import mediamon

LIST = Path(__file__).resolve().parents[2] / "tests" / "data" / "gazetteers" / "wellknown_regions.json"


def probe(annotator: mediamon.Annotator, data: dict[str, Any]) -> list[str]:
    """'<missing|wrong> <lang> <name> [-> <id>]' for every row name not found whole."""
    out: list[str] = []
    entities = annotator.gazetteer
    for row in data["rows"]:
        for lang in ("en", "ar"):
            for name in row[lang]:
                frame: str = data["frames"][lang]
                text = frame.format(name)
                start = frame.index("{}")
                end = start + len(name)
                got = [m for m in annotator.annotate_text(text) if m.start < end and m.end > start]
                good = [
                    m
                    for m in got
                    if m.start <= start
                    and m.end == end
                    and m.entity_type == "LOC"
                    and (entities[m.entity_id].meta or {}).get("country") in row["country"]
                ]
                if good:
                    continue
                if got:
                    out.append(f"wrong {lang} {name} -> " + ", ".join(f"{m.text}={m.entity_id}" for m in got))
                else:
                    out.append(f"missing {lang} {name}")
    return out


def main() -> int:
    data = json.loads(LIST.read_text(encoding="utf-8"))
    found = probe(mediamon.Annotator(), data)
    names = sum(len(r["en"]) + len(r["ar"]) for r in data["rows"])
    for line in found:
        print(line)
    print(f"{names - len(found)}/{names} names found ({len(data['rows'])} rows)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
