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
``tests/data/dumps``. No line is timed twice: the lines are dealt into ``--repeat`` + 1
parts (every part holds both languages); each engine is primed on part 0 (tables built,
model opened, and its per-word memos holding a text's worth of words, as in a stream),
then each repeat times every engine on the next part, engines interleaved so they share
the machine's noise. A repeated text would time the memos instead of the work: the first
version of this script timed all lines three times and reported the best, a warm pass.
The table gives MB/s per engine (10^6 bytes of UTF-8 per CPU second; the best part, and
the spread best/worst); the ratio line checks the target on each part, discovery costs
at most 2x annotation without it (median, min-max).

    python benchmarks/bench_discover.py [--repeat 3] [--text FILE ...]   # JSON Lines gold or text
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
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


def _cpu(run: Callable[[str], object], lines: list[str]) -> float:
    started = time.process_time()
    for line in lines:
        run(line)
    return time.process_time() - started


def _mb(lines: list[str]) -> float:
    return sum(len(line.encode("utf-8")) for line in lines) / 1e6


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--text", nargs="*", type=Path, help="JSON Lines gold or text files")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    paths = args.text or _default_paths()
    lines = _lines(paths)
    size = _mb(lines)
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

    parts = [lines[i :: args.repeat + 1] for i in range(args.repeat + 1)]
    for run in engines.values():
        _cpu(run, parts[0])  # prime on text that is never timed
    speeds: dict[str, list[float]] = {name: [] for name in engines}
    ratios: list[float] = []
    for part in parts[1:]:
        times = {name: _cpu(run, part) for name, run in engines.items()}
        for name, spent in times.items():
            speeds[name].append(_mb(part) / spent if spent else float("inf"))
        names = list(engines)
        ratios.append(times[names[1]] / times[names[0]])
    print(
        f"parts: {args.repeat} timed of {min(_mb(p) for p in parts[1:]):.2f}-"
        f"{max(_mb(p) for p in parts[1:]):.2f} MB, primed on {_mb(parts[0]):.2f} MB"
    )
    print("| engine | MB/s (best part) | spread | MB/s (median) |")
    print("|---|---:|---:|---:|")
    for name, got in speeds.items():
        print(f"| {name} | {max(got):.2f} | {max(got) / min(got):.2f} | {statistics.median(got):.2f} |")
    print(
        f"\ndiscovery / gazetteer-only CPU time: {statistics.median(ratios):.2f}x "
        f"({min(ratios):.2f}-{max(ratios):.2f}; target <= 2x)"
    )
    if len(speeds) > 2:
        names = list(speeds)
        versus = statistics.median(speeds[names[1]]) / statistics.median(speeds[names[2]])
        print(f"mediamon discover=True vs spaCy blank tokenizer: {versus:.2f}x the speed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
