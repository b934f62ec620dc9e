"""Where the matcher's time goes, stage by stage, and the same for another checkout in the same run.

``Annotator.annotate_text`` per paragraph over real text that does not repeat (the FIGNEWS
posts' English and Arabic machine translations, cut to ``--mb``; the sample's paragraphs
without shared data), on the gazetteer ``bench_annotate.py --quick`` uses (the bundled
entities plus ``--entities`` synthetic ones, written once by ``make_gazetteer.py``), and
each stage of it timed alone on the same paragraphs: the scan (both sides, variants), the
support stage, the surname pass and the Mention objects. CPU time, best of ``--repeat``
passes after a warm-up pass; µs per paragraph.

``--before SRC`` runs the same measurement on another tree's ``src/`` (for example ``git
archive main src | tar -x -C /tmp/main`` plus the built ``engine/_native*.so``), each round
running the two one after the other in fresh processes, so both see the same load; the
table gives the medians of the rounds and after/before.

    python benchmarks/bench_stages.py
    python benchmarks/bench_stages.py --before /tmp/main/src --rounds 3
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
STAGES = ("annotate_text", "scan", "support", "surnames", "mentions")
LABELS = {
    "annotate_text": "annotate_text, whole call",
    "scan": "scan: both sides, variants",
    "support": "support stage",
    "surnames": "surname pass",
    "mentions": "Mention objects",
}


def measure(megabytes: float, entities: int, repeat: int) -> dict[str, float]:
    """µs per paragraph of each stage, in this process (whatever ``mediamon`` imports)."""
    sys.path.insert(0, str(HERE))
    import bench_annotate as bench

    import mediamon
    from mediamon.match.compile import to_mentions
    from mediamon.match.gazetteer import Gazetteer

    bench.TEXT = "fignews" if bench.FIGNEWS.exists() else "sample"
    args = argparse.Namespace(
        entities=entities, aliases=None, no_bundled=False, gazetteer=None, regenerate=False
    )
    annotator = mediamon.Annotator(Gazetteer.load(bench.ensure_gazetteer(args)), default=False)
    texts = bench.paragraphs(megabytes)
    for text in texts:
        annotator.annotate_text(text)
    compiled, support = annotator.compiled, annotator.support
    raw = [{"body": compiled.scan(t)} for t in texts]
    supported = [support.apply({"body": t}, r) for t, r in zip(texts, raw, strict=True)]
    found = [annotator._with_surnames({"body": t}, s, None) for t, s in zip(texts, supported, strict=True)]
    loops = {
        "annotate_text": lambda: [annotator.annotate_text(t) for t in texts],
        "scan": lambda: [compiled.scan(t) for t in texts],
        "support": lambda: [support.apply({"body": t}, r) for t, r in zip(texts, raw, strict=True)],
        "surnames": lambda: [
            annotator._with_surnames({"body": t}, s, None) for t, s in zip(texts, supported, strict=True)
        ],
        "mentions": lambda: [
            to_mentions(f["body"], compiled, t, "body") for t, f in zip(texts, found, strict=True)
        ],
    }
    out = {}
    for name, loop in loops.items():
        best = min(_timed(loop) for _ in range(repeat))
        out[name] = best / len(texts) * 1e6
    out["paragraphs"] = len(texts)
    out["mentions_found"] = sum(len(annotator.annotate_text(t)) for t in texts)
    return out


def _timed(loop: object) -> float:
    assert callable(loop)
    start = time.process_time()
    loop()
    return time.process_time() - start


def _run(src: str | None, args: argparse.Namespace) -> dict[str, float]:
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = src + os.pathsep + env.get("PYTHONPATH", "")
    command = [sys.executable, __file__, "--worker", "--mb", str(args.mb)]
    command += ["--entities", str(args.entities), "--repeat", str(args.repeat)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0, help="megabytes of text (default 1)")
    parser.add_argument("--entities", type=int, default=20000, help="synthetic entities (default 20000)")
    parser.add_argument("--repeat", type=int, default=5, help="timed passes per stage, best kept")
    parser.add_argument("--rounds", type=int, default=3, help="fresh processes per tree, median kept")
    parser.add_argument("--before", help="another tree's src/ to measure in the same run")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(measure(args.mb, args.entities, args.repeat)))
        return 0
    trees = {"after": None} if args.before is None else {"before": args.before, "after": None}
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
    for _ in range(args.rounds):
        for name, src in trees.items():
            runs[name].append(_run(src, args))
    medians = {name: {k: statistics.median(r[k] for r in rs) for k in rs[0]} for name, rs in runs.items()}
    first = next(iter(medians.values()))
    size = f"{int(first['paragraphs'])} paragraphs, {args.mb} MB"
    print(f"# {size}; CPU µs per paragraph, median of {args.rounds}")
    header = "| stage | " + " | ".join(trees) + (" | after / before |" if args.before else " |")
    print(header)
    print("|---|" + "---:|" * (len(trees) + (1 if args.before else 0)))
    for stage in STAGES:
        cells = [f"{medians[name][stage]:.1f}" for name in trees]
        if args.before:
            cells.append(f"{medians['after'][stage] / medians['before'][stage]:.2f}x")
        print(f"| {LABELS[stage]} | " + " | ".join(cells) + " |")
    for name in trees:
        print(f"# {name}: {int(medians[name]['mentions_found'])} mentions")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
