"""``mediamon annotate --jobs N``: wall-clock speed-up and CPU cost against ``--jobs 1``.

Three inputs of ``--mb`` MB each (default 20), built by :mod:`corpus_text` from the shared
data's real sentences (no paragraph twice; never a repeated sample): **many files** (dumps and
JSON Lines files of 100-240 kB, alternating: each goes to a worker whole), **one dump** and
**one JSON Lines file** (each split by the parent into chunks at article boundaries). Each
command runs in a subprocess; wall time is the clock around it, CPU time the user+system time
of the process and its workers (``resource.getrusage(RUSAGE_CHILDREN)``; workers are waited
for, so they are counted). Medians of ``--repeat`` runs with the range; the speed-up is wall
time at ``--jobs 1`` over wall time at ``--jobs N``, the CPU ratio CPU time at ``--jobs N``
over CPU time at ``--jobs 1`` (1.00x: the workers repeat no work). On a shared machine wall
time depends on the other jobs: the load average is printed before and after each input, and
the CPU columns are the ones to trust there; the CPU-bound speed-up the command could reach
on N idle cores is ``N / CPU ratio`` at most.

``--before SRC`` also runs another checkout's ``src`` (``PYTHONPATH=SRC``; e.g. main's) in the same
run, the two alternating, so before and after are measured under the same load. Every output
is compared: all must be the same bytes.

    python benchmarks/bench_jobs.py --repeat 3
    python benchmarks/bench_jobs.py --repeat 3 --mb 20 --before /tmp/jobs_before/src
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_text import write_inputs

KINDS = {"files": "many files", "dump": "one dump", "jsonl": "one JSON Lines file"}


def run(paths: list[Path], out: Path, jobs: int, src: str | None = None) -> tuple[float, float]:
    """Wall and CPU seconds of one ``mediamon annotate`` over ``paths`` (mediamon from ``src`` if given)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    command = [sys.executable, "-m", "mediamon", "annotate", "-q", "--jobs", str(jobs), "-o", str(out)]
    env = None if src is None else {**os.environ, "PYTHONPATH": src}
    subprocess.run([*command, *map(str, paths)], check=True, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, used


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} ({min(values):.2f}-{max(values):.2f})"


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each command (median and range)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes compared with one")
    parser.add_argument("--mb", type=float, default=20.0, help="size of each input in MB")
    parser.add_argument("--inputs", default=",".join(KINDS), help="which inputs: files,dump,jsonl")
    parser.add_argument("--before", metavar="SRC", help="also measure this src folder (another checkout's)")
    args = parser.parse_args()
    trees: dict[str, str | None] = {"after": None}
    if args.before:
        trees = {"before": str(Path(args.before).resolve()), "after": None}
    for tree, src in trees.items():
        print(f"{tree}: mediamon from {src or Path(__file__).resolve().parents[1] / 'src'}")
    print(f"cores: {os.cpu_count()}")
    print("| source | input | --jobs | wall s | CPU s | speed-up (wall) | CPU / --jobs 1 |")
    print("|---|---|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory(prefix="mediamon-bench-jobs-") as tmp:
        for kind in args.inputs.split(","):
            paths = write_inputs(Path(tmp) / kind, kind, args.mb)
            size = sum(p.stat().st_size for p in paths)
            name = f"{KINDS[kind]} ({len(paths)}), {size / 1e6:.1f} MB"
            given = [paths[0].parent] if kind == "files" else paths
            times: dict[tuple[str, int], tuple[list[float], list[float]]] = {
                (tree, jobs): ([], []) for tree in trees for jobs in (1, args.jobs)
            }
            loads = [load()]
            for _ in range(args.repeat):
                for (tree, jobs), (walls, cpus) in times.items():
                    wall, used = run(given, Path(tmp) / f"out-{tree}-{jobs}.jsonl", jobs, trees[tree])
                    walls.append(wall)
                    cpus.append(used)
            loads.append(load())
            outputs = {key: (Path(tmp) / f"out-{key[0]}-{key[1]}.jsonl").read_bytes() for key in times}
            for tree in trees:
                base_wall, base_cpu = (statistics.median(v) for v in times[(tree, 1)])
                for jobs in (1, args.jobs):
                    walls, cpus = times[(tree, jobs)]
                    gain = base_wall / statistics.median(walls)
                    cost = statistics.median(cpus) / base_cpu
                    cells = [tree, name, str(jobs), spread(walls), spread(cpus)]
                    cells += [f"{gain:.2f}x", f"{cost:.2f}x"]
                    print("| " + " | ".join(cells) + " |", flush=True)
            same = len(set(outputs.values())) == 1
            note = f"every output identical: {same}; load average {loads[0]} -> {loads[1]}"
            print(f"| | {name}: {note} | | | | | |")
            for path in paths:
                path.unlink()


if __name__ == "__main__":
    main()
