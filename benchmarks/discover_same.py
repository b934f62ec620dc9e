"""Whether name discovery finds the same mentions as a saved run: the check behind speed work.

A change meant to make ``Annotator(discover=True)`` cheaper must not change what it finds.
This script annotates a fixed set of real texts with discovery on and writes every
mention (gazetteer and discovered, all fields) as JSON Lines (``--save FILE``), or
compares them with such a file (``--check FILE``: exit status 1 and the first
differences when any text's mentions differ). Run ``--save`` on the branch before the
change (or on main), ``--check`` after it.

Texts (each line or article annotated on its own, as ``bench_discover.py`` does):

- every line of the gold files (``../shared/data/eval/gold/*.jsonl``: dev and training);
- the articles of the sample dumps (``../shared/data/dumps/*.txt``), each field;
- the FIGNEWS texts (``../shared/data/eval/fignews/*.tsv``: the text and both translations).

    python benchmarks/discover_same.py --save /tmp/before.jsonl
    python benchmarks/discover_same.py --check /tmp/before.jsonl [--pure-python]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# ``shared/`` beside the repository (``../shared``), or beside a worktree's parent folder.
SHARED = tuple(base / "shared" / "data" for base in (ROOT.parent, ROOT.parent.parent))
FIGNEWS_COLUMNS = ("Text", "English MT", "Arabic MT")
SHOWN = 5


def _shared() -> Path:
    for folder in SHARED:
        if (folder / "eval" / "gold").is_dir():
            return folder
    raise SystemExit("no shared data folder (../shared/data) found")


def _texts(shared: Path) -> Iterator[tuple[str, dict[str, str]]]:
    """(name, {field: text}) of every text checked, in a fixed order."""
    import mediamon

    for path in sorted((shared / "eval" / "gold").glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            if line.strip():
                yield f"{path.name}:{n}", {"body": json.loads(line)["text"]}
    for path in sorted((shared / "dumps").glob("*.txt")):
        for n, article in enumerate(mediamon.read_dump(path)):
            yield f"{path.name}:{n}", {"title": article.title, "body": article.body}
    for path in sorted((shared / "eval" / "fignews").glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for n, row in enumerate(csv.DictReader(handle, delimiter="\t")):
                for column in FIGNEWS_COLUMNS:
                    if row.get(column):
                        yield f"{path.name}:{n}:{column}", {"body": row[column]}


def _run() -> Iterator[dict[str, object]]:
    import mediamon

    annotator = mediamon.Annotator(discover=True)
    for name, fields in _texts(_shared()):
        mentions = []
        for field, text in fields.items():
            if text:
                mentions.extend([field, *m.to_dict().values()] for m in annotator.annotate_text(text))
        yield {"text": name, "mentions": mentions}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="write the mentions found to this file")
    group.add_argument("--check", type=Path, help="compare the mentions found with this file")
    parser.add_argument("--pure-python", action="store_true", help="use the pure-Python engine")
    args = parser.parse_args(argv)
    if args.pure_python:
        from mediamon import engine

        engine.use_native(False)
    rows = list(_run())
    found = sum(len(r["mentions"]) for r in rows)  # type: ignore[arg-type]
    discovered = sum(1 for r in rows for m in r["mentions"] if "discovered" in m)  # type: ignore[attr-defined]
    print(f"{len(rows)} texts, {found} mentions, {discovered} discovered", file=sys.stderr)
    if args.save:
        args.save.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
        )
        return 0
    saved = [json.loads(line) for line in args.check.read_text(encoding="utf-8").splitlines()]
    differ = [(old, new) for old, new in zip(saved, rows, strict=False) if old != new]
    if len(saved) != len(rows):
        print(f"{len(saved)} texts saved, {len(rows)} now", file=sys.stderr)
    for old, new in differ[:SHOWN]:
        print(f"{old['text']}:\n  before {old['mentions']}\n  after  {new['mentions']}")
    print(f"{len(differ)} of {len(rows)} texts differ", file=sys.stderr)
    return 1 if differ or len(saved) != len(rows) else 0


if __name__ == "__main__":
    raise SystemExit(main())
