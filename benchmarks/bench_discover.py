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

``--before SRC`` measures another checkout's ``src`` folder too (e.g. main's, its native core
built), each tree in a worker process of its own (``PYTHONPATH``) primed the same way; every
part is timed on both trees, in alternating order, and the discovery cost ratio of each tree
is printed with the ratio of the two (CPU time of each worker).

    python benchmarks/bench_discover.py [--repeat 3] [--text FILE ...]   # JSON Lines gold or text
    python benchmarks/bench_discover.py --repeat 5 --before /tmp/base/src
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
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
    parser.add_argument("--before", metavar="SRC", help="also measure this src folder (another checkout's)")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    paths = args.text or _default_paths()
    lines = _lines(paths)
    size = _mb(lines)
    if args.worker:
        return _worker(lines, args.repeat)
    print(f"text: {len(lines)} lines, {size:.2f} MB from {', '.join(p.name for p in paths)}", file=sys.stderr)
    if args.before:
        return _compare(paths, args.repeat, Path(args.before).resolve())

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


def _parts(lines: list[str], repeat: int) -> list[list[str]]:
    return [lines[i :: repeat + 1] for i in range(repeat + 1)]


def _worker(lines: list[str], repeat: int) -> int:
    """``--worker``: prime both annotators on part 0, then for each part number read on stdin
    print the CPU seconds of each on that part (one JSON line)."""
    import mediamon

    runs = {
        "gazetteer": mediamon.Annotator().annotate_text,
        "discover": mediamon.Annotator(discover=True).annotate_text,
    }
    parts = _parts(lines, repeat)
    for run in runs.values():
        _cpu(run, parts[0])
    print(json.dumps({"src": mediamon.__file__}), flush=True)
    for request in sys.stdin:
        part = parts[int(request)]
        print(json.dumps({name: _cpu(run, part) for name, run in runs.items()}), flush=True)
    return 0


def _compare(paths: list[Path], repeat: int, before: Path) -> int:
    """``--before``: the discovery cost ratio of two trees, each part timed on both."""
    trees = {"before": before, "after": ROOT / "src"}
    command = [sys.executable, __file__, "--worker", "--repeat", str(repeat), "--text", *map(str, paths)]
    workers = {}
    for name, src in trees.items():
        env = {**os.environ, "PYTHONPATH": str(src)}
        workers[name] = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env
        )
    ratios: dict[str, list[float]] = {name: [] for name in trees}
    for name, worker in workers.items():
        assert worker.stdout is not None
        print(f"{name}: {json.loads(worker.stdout.readline())['src']}")
    for k in range(1, repeat + 1):
        order = list(workers) if k % 2 else list(reversed(workers))
        for name in order:
            worker = workers[name]
            assert worker.stdin is not None and worker.stdout is not None
            worker.stdin.write(f"{k}\n")
            worker.stdin.flush()
            times = json.loads(worker.stdout.readline())
            ratios[name].append(times["discover"] / times["gazetteer"])
            print(
                f"part {k} {name}: gazetteer {times['gazetteer']:.3f} s, discover {times['discover']:.3f} s"
            )
    for worker in workers.values():
        assert worker.stdin is not None
        worker.stdin.close()
        worker.wait()
    print("| tree | discovery / gazetteer-only CPU time, median | range |")
    print("|---|---:|---:|")
    for name, got in ratios.items():
        print(f"| {name} | {statistics.median(got):.2f}x | {min(got):.2f}-{max(got):.2f} |")
    pairs = [b / a for b, a in zip(ratios["before"], ratios["after"], strict=True)]
    print(
        f"\ndiscovery cost ratio before / after: {statistics.median(pairs):.2f}x "
        f"({min(pairs):.2f}-{max(pairs):.2f}, per part)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
