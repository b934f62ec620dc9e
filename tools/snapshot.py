"""Write mediamon's outputs on every fixture, the sample, Tehran Times and FIGNEWS to a folder.

For changes that must not change behaviour: run it on the commit before and after, on both
engines, and diff the folders (``diff -r``); every file is plain JSON Lines, one record a line.

    python tools/snapshot.py out/snap-before            # native engine (when built)
    MEDIAMON_PURE_PYTHON=1 python tools/snapshot.py out/snap-before-py
    diff -r out/snap-before out/snap-after

It uses only the public API (``mediamon.read``, ``Annotator``, ``annotate_text``,
``Corpus.to_jsonl``, ``Corpus.dropped``), so it runs unchanged across layout moves.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import mediamon

ROOT = Path(__file__).resolve().parents[1]
SHARED = next(
    (up / "shared" / "data" for up in ROOT.parents if (up / "shared" / "data").is_dir()),
    ROOT.parent / "shared" / "data",
)


def inputs() -> list[Path]:
    """Every text and record fixture in the repository, plus the shared real dumps."""
    found = sorted((ROOT / "tests" / "data").rglob("*"))
    paths = [p for p in found if p.is_file() and p.suffix in {".txt", ".jsonl", ".csv", ".json"}]
    paths = [p for p in paths if "gazetteers" not in p.parts and p.name != "dates.json"]
    paths = [p for p in paths if p.name not in {"cases.json", "matching_cases.json", "sample_entities.json"}]
    paths = [p for p in paths if not p.name.endswith(".expected.json")]
    paths.append(ROOT / "examples" / "000_ee85a602ba24a7e5.txt")
    for extra in (SHARED / "dumps" / "tehrantimes" / "page.txt",):
        if extra.exists():
            paths.append(extra)
    return paths


def main(argv: list[str]) -> int:
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    annotator = mediamon.Annotator()
    for path in inputs():
        base = ROOT.parent if path.is_relative_to(ROOT.parent) else SHARED.parents[1]
        name = "__".join(path.relative_to(base).parts).replace(".", "_")
        corpus = mediamon.read(path)
        corpus.annotate(annotator).to_jsonl(out / f"{name}.articles.jsonl")
        with (out / f"{name}.side.jsonl").open("w", encoding="utf-8") as fh:
            for d in corpus.dropped:
                fh.write(json.dumps(repr(d), ensure_ascii=False) + "\n")
            for p in corpus.problems:
                fh.write(json.dumps(str(p), ensure_ascii=False) + "\n")
    fignews = SHARED / "eval" / "fignews" / "FIGNEWS-2024-TEXT-IAA.tsv"
    if not fignews.exists():
        fignews = ROOT / "tests" / "data" / "fignews_sample.tsv"
    with (
        fignews.open(encoding="utf-8", newline="") as fh,
        (out / "fignews.mentions.jsonl").open("w", encoding="utf-8") as dst,
    ):
        for row in csv.DictReader(fh, delimiter="\t"):
            for column in ("Text", "English MT", "Arabic MT"):
                text = row.get(column) or ""
                mentions = annotator.annotate_text(text)
                record = {
                    "id": row.get("ID"),
                    "column": column,
                    "lang": mediamon.detect_language(text),
                    "mentions": [repr(m) for m in mentions],
                }
                dst.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"snapshot written to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
