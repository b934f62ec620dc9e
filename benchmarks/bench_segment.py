"""Benchmark dump segmentation (``segment_lines``): MB/s of CPU time, before and after in one run.

Input: sample-like dumps that do not repeat one another -- the sample dump (``examples/``), the
twelve Tehran Times articles as files (``../shared/data/dumps/tehrantimes/files``, when there),
and the repository's labelled dumps (``tests/data/dumps``, held-out ones included) less the two
that copy the others (the sample again, the joined Tehran Times page).

Each measurement is a fresh interpreter (``PYTHONPATH=SRC`` for ``--before SRC``) that primes
the segmenter on a small made-up dump (the cue tables and date vocabulary are built there, not
timed), then segments every input once, so no cache holds a line before it is first seen.
Printed, per tree, medians and ranges of ``--repeat`` runs, the trees alternating each round:

- **segmentation**: CPU time of ``segment_lines`` with ``detect_language`` replaced by a
  constant (language ID is its own stage, ``text/langid.py``), dates included -- the figure
  the >= 15 MB/s target is about;
- **with language ID**: the same calls as shipped, in processes of their own;
- whether the articles and dropped lines of the two trees are identical (language ID in);
- **output** (``--output``): writing JSON Lines, ``render(article, "jsonl")``, for the
  articles of ``bench_pipeline.py``'s mixed dumps (the sample, Tehran Times, the FIGNEWS
  records), annotated with the bundled gazetteers beforehand (not timed); in the same process
  the general path ``json_text(article.to_dict())`` and, when installed, ``orjson.dumps`` of
  the same dicts, with whether their bytes are the same.

    python benchmarks/bench_segment.py --repeat 5
    python benchmarks/bench_segment.py --repeat 5 --before /tmp/main/src
    python benchmarks/bench_segment.py --repeat 5 --before /tmp/main/src --output
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench_pipeline import ROOT, SAMPLE, TEHRAN, build_dumps

DUMPS = ROOT / "tests" / "data" / "dumps"
# The labelled dumps that repeat other inputs: the sample itself, and the Tehran Times files joined.
COPIES = {"sample_en_ar.txt", "tehrantimes_page.txt"}
PRIMER = (
    "Ministers meet in Cairo\n\nBy Jane Roe | 12 March 2021\n\n"
    "The ministers met on Friday to talk about trade and water, officials said.\n"
)


def inputs() -> list[Path]:
    paths = [SAMPLE]
    if TEHRAN.is_dir():
        paths += sorted(TEHRAN.glob("*.txt"))
    paths += [p for p in sorted(DUMPS.rglob("*.txt")) if p.name not in COPIES]
    return paths


def worker(mode: str, paths: list[str]) -> dict[str, Any]:
    """In this process: prime, then segment every input once; CPU seconds and a digest.

    ``mode`` ``stub``: language ID replaced by a constant (segmentation alone); ``real``: as
    shipped (the digest of articles and dropped lines is taken from this one)."""
    from mediamon.io.inputs import split_lines
    from mediamon.text import segment

    texts = [(path, Path(path).read_text(encoding="utf-8")) for path in paths]
    if mode == "stub":
        segment.detect_language = lambda text: "und"  # type: ignore[assignment]
    segment.segment_lines(split_lines(PRIMER), path="primer")
    digest = hashlib.blake2b(digest_size=16)
    total = 0.0
    for path, text in texts:
        start = time.process_time()
        articles, dropped = segment.segment_lines(split_lines(text), path=path)
        total += time.process_time() - start
        for item in (*articles, *dropped):
            digest.update(
                json.dumps(item.to_dict(), ensure_ascii=False, sort_keys=True, default=str).encode()
            )
    return {"seconds": total, "digest": digest.hexdigest()}


def output_worker(folder: str) -> dict[str, Any]:
    """In this process: annotate the mixed dumps of ``folder``, then time writing them."""
    import mediamon
    from mediamon.io import output

    articles = list(mediamon.read(folder).annotate(mediamon.Annotator()))
    ways: dict[str, Callable[[Any], bytes]] = {
        "render": lambda a: output.render(a, "jsonl").encode(),
        "json_text(to_dict())": lambda a: (output.json_text(a.to_dict()) + "\n").encode(),
    }
    try:
        import orjson

        ways["orjson.dumps(to_dict())"] = lambda a: orjson.dumps(a.to_dict()) + b"\n"
    except ImportError:
        pass
    seconds: dict[str, float] = {}
    written: dict[str, bytes] = {}
    for name, write in ways.items():
        for a in articles[:20]:
            write(a)  # primed
        best = float("inf")
        for _ in range(3):
            start = time.process_time()
            lines = [write(a) for a in articles]
            best = min(best, time.process_time() - start)
        seconds[name], written[name] = best, b"".join(lines)
    first = written["render"]
    return {
        "articles": len(articles),
        "mentions": sum(len(a.mentions) for a in articles),
        "bytes": len(first),
        "seconds": seconds,
        "same": {name: data == first for name, data in written.items()},
        "digest": hashlib.blake2b(first, digest_size=16).hexdigest(),
    }


def run(mode: str, paths: list[Path], src: str | None) -> dict[str, Any]:
    env = None if src is None else {**os.environ, "PYTHONPATH": src}
    command = [sys.executable, __file__, "--worker", mode, *map(str, paths)]
    done = subprocess.run(command, capture_output=True, text=True, check=True, env=env)
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def cell(size: float, values: list[float]) -> str:
    rates = [size / v for v in values]
    return f"{statistics.median(rates):.2f} MB/s ({min(rates):.2f}-{max(rates):.2f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--repeat", type=int, default=5, help="fresh-interpreter runs per tree")
    parser.add_argument("--before", metavar="SRC", help="also measure this src folder (another checkout's)")
    parser.add_argument("--output", action="store_true", help="also time JSON Lines writing")
    parser.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        if args.worker[0] == "output":
            print(json.dumps(output_worker(args.worker[1])))
        else:
            print(json.dumps(worker(args.worker[0], args.worker[1:])))
        return
    paths = inputs()
    size = sum(p.stat().st_size for p in paths) / 1e6
    trees: dict[str, str | None] = {"after": None}
    if args.before:
        trees = {"before": str(Path(args.before).resolve()), "after": None}
    print(f"input: {len(paths)} dumps, {size:.3f} MB (10^6 bytes), each segmented once per fresh process")
    modes = {"stub": "segmentation (language ID a constant)", "real": "segmentation with language ID"}
    found = {(name, mode): [] for name in trees for mode in modes}  # type: dict[tuple[str, str], list[dict[str, Any]]]
    for _ in range(args.repeat):
        for mode in modes:
            for name, src in trees.items():
                found[name, mode].append(run(mode, paths, src))
    names = list(trees)
    print(f"\n| MB/s of CPU time, median (range) of {args.repeat} | " + " | ".join(names) + " |")
    print("|---|" + "---:|" * len(names))
    for mode, label in modes.items():
        cells = [cell(size, [r["seconds"] for r in found[n, mode]]) for n in names]
        print(f"| {label} | " + " | ".join(cells) + " |")
    if len(names) == 2:
        for mode, label in modes.items():
            before, after = (statistics.median(r["seconds"] for r in found[n, mode]) for n in names)
            print(f"after / before, {label}: {before / after:.2f}x faster")
        digests = {r["digest"] for n in names for r in found[n, "real"]}
        print(f"articles and dropped lines identical (with language ID): {len(digests) == 1}")
    if args.output:
        output_table(trees, args.repeat)


def output_table(trees: dict[str, str | None], repeat: int) -> None:
    """The output rows: each tree's ``render`` and, in the same processes, the other encoders."""
    with tempfile.TemporaryDirectory(prefix="mediamon-bench-segment-") as tmp:
        folder = Path(tmp) / "dumps"
        build_dumps(folder)
        found: dict[str, list[dict[str, Any]]] = {name: [] for name in trees}
        for _ in range(repeat):
            for name, src in trees.items():
                found[name].append(run("output", [folder], src))
    first = found[next(iter(trees))][0]
    size = first["bytes"] / 1e6
    print(
        f"\noutput: {first['articles']} articles, {first['mentions']} mentions,"
        f" {size:.2f} MB of JSON Lines; best of 3 passes per process, median (range) of {repeat}"
    )
    print("| tree | encoder | MB/s | same bytes as render |")
    print("|---|---|---:|---|")
    for name in trees:
        for way in first["seconds"]:
            rates = [size / r["seconds"][way] for r in found[name]]
            shown = f"{statistics.median(rates):.1f} ({min(rates):.1f}-{max(rates):.1f})"
            print(f"| {name} | {way} | {shown} | {found[name][0]['same'][way]} |")
    if len(trees) == 2:
        before, after = (statistics.median(r["seconds"]["render"] for r in found[n]) for n in trees)
        print(f"after / before, render: {before / after:.2f}x faster")
        digests = {r["digest"] for n in trees for r in found[n]}
        print(f"output bytes identical: {len(digests) == 1}")


if __name__ == "__main__":
    main()
