"""Cost of name discovery: ``Annotator(discover=True)`` against ``Annotator()`` and spaCy's tokenizer floor.

One run, the same text for every engine, CPU time (``time.process_time``):

- **gazetteer**: ``Annotator().annotate_text(line)`` on each line (the bundled gazetteers);
- **discover**: ``Annotator(discover=True).annotate_text(line)`` on the same lines;
- **spaCy blank tokenizer** (when spaCy is installed; ``pip install -r benchmarks/requirements.txt``):
  ``spacy.blank("en")`` / ``spacy.blank("ar")`` tokenising the same lines, routed by script.
  Any spaCy NER pipeline has to tokenise first, so this is a floor under what such a
  pipeline costs; no spaCy model package is installed here (the official ones are not on
  the package index), so the small English pipeline itself is not timed.

Text (``--text``): the non-repeating lines of the public dev gold
(``../shared/data/eval/gold/*_dev.jsonl``) by default, else the test dumps in
``tests/data/dumps``. Each engine is primed on two lines (model and tables loaded), then
timed ``--repeat`` times over all lines; the table gives the best time, the spread
(worst/best) and MB/s (10^6 bytes of UTF-8). The ratio line checks the target: discovery
costs at most 2x annotation without it.

    python benchmarks/bench_discover.py [--repeat 3] [--text FILE ...]   # JSON Lines gold or text
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# ``shared/`` beside the repository (``../shared``), or beside a worktree's parent folder.
GOLD_DIRS = tuple(base / "shared" / "data" / "eval" / "gold" for base in (ROOT.parent, ROOT.parent.parent))
_ARABIC = re.compile(r"[\u0600-\u06ff]")


def _lines(paths: list[Path]) -> list[str]:
    out: list[str] = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".jsonl":
            out.extend(json.loads(line)["text"] for line in text.splitlines() if line.strip())
        else:
            out.extend(line for line in text.splitlines() if line.strip())
    return out


def _default_paths() -> list[Path]:
    for folder in GOLD_DIRS:
        files = sorted(folder.glob("*_dev.jsonl"))
        if files:
            return files
    return sorted((ROOT / "tests" / "data" / "dumps").glob("*.txt"))


def _time(run: Callable[[], object], repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        started = time.process_time()
        run()
        times.append(time.process_time() - started)
    return min(times), max(times) / min(times) if min(times) else 1.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--text", nargs="*", type=Path, help="JSON Lines gold or text files")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    paths = args.text or _default_paths()
    lines = _lines(paths)
    size = sum(len(line.encode("utf-8")) for line in lines) / 1e6
    print(f"text: {len(lines)} lines, {size:.2f} MB from {', '.join(p.name for p in paths)}", file=sys.stderr)

    import mediamon

    engines: dict[str, Callable[[str], object]] = {}
    plain = mediamon.Annotator()
    finder = mediamon.Annotator(discover=True)
    engines["mediamon gazetteer"] = plain.annotate_text
    engines["mediamon discover=True"] = finder.annotate_text
    try:
        import spacy

        blank = {"en": spacy.blank("en"), "ar": spacy.blank("ar")}

        def tokenise(line: str) -> object:
            return blank["ar" if _ARABIC.search(line) else "en"](line)

        engines[f"spaCy {spacy.__version__} blank tokenizer"] = tokenise
    except ImportError:
        print("spaCy not installed: its row is left out", file=sys.stderr)

    rows = []
    for name, run in engines.items():
        for line in lines[:2]:
            run(line)  # prime: tables compiled, model opened

        def everything(run: Callable[[str], object] = run) -> None:
            for line in lines:
                run(line)

        best, spread = _time(everything, args.repeat)
        rows.append((name, best, spread))
    print("| engine | CPU s (best) | spread | MB/s |")
    print("|---|---:|---:|---:|")
    for name, best, spread in rows:
        print(f"| {name} | {best:.3f} | {spread:.2f} | {size / best:.2f} |")
    base = rows[0][1]
    print(f"\ndiscovery / gazetteer-only CPU time: {rows[1][1] / base:.2f}x (target <= 2x)")
    if len(rows) > 2:
        print(f"mediamon discover=True vs spaCy blank tokenizer: {rows[2][1] / rows[1][1]:.2f}x the speed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
