"""``mediamon annotate --jobs N``: wall-clock speed-up and CPU cost against ``--jobs 1``.

Two inputs, both built by ``bench_pipeline.build_dumps`` (the sample, the Tehran Times
files, the FIGNEWS posts as JSON Lines): the many files as they are, and the same records
joined into ONE large JSON Lines file. Each command runs in a subprocess; wall time is the
clock around it, CPU time the user+system time of the process and its workers
(``RUSAGE_CHILDREN``). Medians of ``--repeat`` runs with the range; the speed-up is wall
time at ``--jobs 1`` over wall time at ``--jobs N``. On a shared machine wall time depends on
the other jobs: the load average is printed with the table, and the CPU-time column is the
one to trust there.

``--before SRC`` also runs another checkout's ``src`` (``PYTHONPATH=SRC``; e.g. main's) in the same
run, the two alternating, so the speed-ups before and after are measured under the same load.

    python benchmarks/bench_jobs.py --repeat 3
    python benchmarks/bench_jobs.py --repeat 3 --before ../main/src
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

from bench_pipeline import build_dumps


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each command (median and range)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes compared with one")
    parser.add_argument("--before", metavar="SRC", help="also measure this src folder (another checkout's)")
    args = parser.parse_args()
    trees: dict[str, str | None] = {"after": None}
    if args.before:
        trees = {"before": str(Path(args.before).resolve()), "after": None}
    with tempfile.TemporaryDirectory(prefix="mediamon-bench-jobs-") as tmp:
        paths, size = build_dumps(Path(tmp) / "dumps")
        records = [p for p in paths if p.suffix == ".jsonl"]
        joined = Path(tmp) / "joined.jsonl"
        with joined.open("wb") as handle:
            for path in records:
                handle.write(path.read_bytes())
        inputs = {
            f"{len(paths)} files, {size / 1e6:.2f} MB": paths,
            f"one file, {joined.stat().st_size / 1e6:.2f} MB": [joined],
        }
        for tree, src in trees.items():
            print(f"{tree}: mediamon from {src or Path(__file__).resolve().parents[1] / 'src'}")
        print("| source | input | --jobs | wall s | CPU s | speed-up (wall) | CPU / --jobs 1 |")
        print("|---|---|---:|---:|---:|---:|---:|")
        for name, given in inputs.items():
            times: dict[tuple[str, int], tuple[list[float], list[float]]] = {
                (tree, jobs): ([], []) for tree in trees for jobs in (1, args.jobs)
            }
            for _ in range(args.repeat):
                for (tree, jobs), (walls, cpus) in times.items():
                    wall, used = run(given, Path(tmp) / f"out-{tree}-{jobs}.jsonl", jobs, trees[tree])
                    walls.append(wall)
                    cpus.append(used)
            outputs = {key: (Path(tmp) / f"out-{key[0]}-{key[1]}.jsonl").read_bytes() for key in times}
            for tree in trees:
                base_wall, base_cpu = (statistics.median(v) for v in times[(tree, 1)])
                for jobs in (1, args.jobs):
                    walls, cpus = times[(tree, jobs)]
                    gain = base_wall / statistics.median(walls)
                    cost = statistics.median(cpus) / base_cpu
                    cells = [tree, name, str(jobs), spread(walls), spread(cpus)]
                    cells += [f"{gain:.2f}x", f"{cost:.2f}x"]
                    print("| " + " | ".join(cells) + " |")
            same = len(set(outputs.values())) == 1
            print(f"| | {name}: every output identical | {same} | | | | |")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; cores: {os.cpu_count()}")


if __name__ == "__main__":
    main()
