"""``mediamon annotate --jobs N``: wall-clock speed-up and CPU cost against ``--jobs 1``.

Two inputs, both built by ``bench_pipeline.build_dumps`` (the sample, the Tehran Times
files, the FIGNEWS posts as JSON Lines): the many files as they are, and the same records
joined into ONE large JSON Lines file. Each command runs in a subprocess; wall time is the
clock around it, CPU time the user+system time of the process and its workers
(``RUSAGE_CHILDREN``). Medians of ``--repeat`` runs with the range; the speed-up is wall
time at ``--jobs 1`` over wall time at ``--jobs N``. On a shared machine wall time depends on
the other jobs: the load average is printed with the table.

    python benchmarks/bench_jobs.py --repeat 3
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


def run(paths: list[Path], out: Path, jobs: int) -> tuple[float, float]:
    """Wall and CPU seconds of one ``mediamon annotate`` over ``paths``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    command = [sys.executable, "-m", "mediamon", "annotate", "-q", "--jobs", str(jobs), "-o", str(out)]
    subprocess.run([*command, *map(str, paths)], check=True)
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
    args = parser.parse_args()
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
        print("| input | --jobs | wall s | CPU s | speed-up (wall) | CPU / --jobs 1 |")
        print("|---|---:|---:|---:|---:|---:|")
        for name, given in inputs.items():
            times: dict[int, tuple[list[float], list[float]]] = {}
            for jobs in (1, args.jobs):
                walls, cpus = [], []
                for _ in range(args.repeat):
                    wall, used = run(given, Path(tmp) / f"out{jobs}.jsonl", jobs)
                    walls.append(wall)
                    cpus.append(used)
                times[jobs] = (walls, cpus)
            one = (Path(tmp) / "out1.jsonl").read_bytes()
            same = one == (Path(tmp) / f"out{args.jobs}.jsonl").read_bytes()
            base_wall, base_cpu = (statistics.median(v) for v in times[1])
            for jobs, (walls, cpus) in times.items():
                gain = base_wall / statistics.median(walls)
                cost = statistics.median(cpus) / base_cpu
                print(f"| {name} | {jobs} | {spread(walls)} | {spread(cpus)} | {gain:.2f}x | {cost:.2f}x |")
            print(f"| {name}: output of --jobs {args.jobs} identical to --jobs 1 | {same} | | | | |")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; cores: {os.cpu_count()}")


if __name__ == "__main__":
    main()
