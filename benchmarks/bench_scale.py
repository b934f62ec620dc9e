"""Streaming at scale: throughput and peak memory of ``mediamon segment|annotate DIR -o OUT.jsonl``.

A temporary directory is filled with copies of ``examples/000_ee85a602ba24a7e5.txt``
(each varied: its years shifted, so no two files are the same bytes) up to ``--mb``
megabytes (10^6 bytes), and the command line runs on it in a subprocess:

- ``segment`` (reading and splitting only),
- ``annotate`` with ``--jobs 1``,
- ``annotate`` with ``--jobs 2``.

Each run is measured from a fresh helper process, so ``resource.getrusage(RUSAGE_CHILDREN)``
covers that run alone: its wall time, its CPU time (user + system, workers included) and
its peak RSS (``ru_maxrss``: the largest single process among the command and its
workers). Everything runs at two sizes, ``--mb`` and a fifth of it, to show that peak RSS
does not grow with the input. The speed-up is wall(jobs=1) / wall(jobs=2). The load
average before each run is printed, and a control (a pure-Python loop in two processes vs
one, before and after) shows the speed-up the machine itself offered: on a shared machine
other work skews wall times (CPU times are not skewed).

    python benchmarks/bench_scale.py              # 500 MB and 100 MB
    python benchmarks/bench_scale.py --mb 200     # 200 MB and 40 MB
    python benchmarks/bench_scale.py --quick      # 50 MB and 10 MB
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "000_ee85a602ba24a7e5.txt"
MODES: dict[str, list[str]] = {
    "segment": ["segment"],
    "annotate --jobs 1": ["annotate", "--jobs", "1"],
    "annotate --jobs 2": ["annotate", "--jobs", "2"],
}


def make_inputs(folder: Path, megabytes: float) -> int:
    """Write varied copies of the sample into ``folder`` (100 per subdirectory); return bytes written."""
    text = SAMPLE.read_text(encoding="utf-8")
    target = int(megabytes * 1_000_000)
    written = 0
    index = 0
    while written < target:
        year = str(2000 + index % 24)
        data = text.replace("2021", year).encode("utf-8")
        sub = folder / f"part{index // 100:04d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"dump{index:06d}.txt").write_bytes(data)
        written += len(data)
        index += 1
    return written


def measure(mode: str, folder: Path, out: Path) -> dict[str, float]:
    """Run one command (from a fresh process, see ``--one``) and return its figures."""
    command = [sys.executable, __file__, "--one", mode, str(folder), str(out)]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    figures: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def run_one(mode: str, folder: str, out: str) -> None:
    """In the helper process: run the command once and print its figures as JSON."""
    command = [sys.executable, "-m", "mediamon", *MODES[mode], folder, "-o", out, "-q"]
    start = time.perf_counter()
    subprocess.run(command, check=True)
    wall = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    rss_mb = usage.ru_maxrss / 1024  # kilobytes on Linux
    print(json.dumps({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_mb": rss_mb}))


def _spin(n: int) -> float:
    start = time.perf_counter()
    total = 0
    for i in range(n):
        total += i
    return time.perf_counter() - start


def control() -> float:
    """The parallel speed-up this machine offers right now: a pure-Python loop in 1 vs 2 processes."""
    from concurrent.futures import ProcessPoolExecutor

    n = 20_000_000
    one = _spin(n)
    with ProcessPoolExecutor(2) as pool:
        pool.submit(_spin, 1000).result()  # start the workers first
        start = time.perf_counter()
        list(pool.map(_spin, [n, n]))
        two = time.perf_counter() - start
    return 2 * one / two


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--mb", type=float, default=500, help="input size in megabytes (default 500)")
    parser.add_argument("--quick", action="store_true", help="50 MB (and 10 MB)")
    parser.add_argument("--modes", default=",".join(MODES), help="comma-separated subset of the modes")
    parser.add_argument("--one", nargs=3, metavar=("MODE", "DIR", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        run_one(*args.one)
        return
    big = 50.0 if args.quick else args.mb
    modes = [m.strip() for m in args.modes.split(",")]
    rows: list[tuple[str, float, dict[str, float]]] = []
    ceilings = [control()]
    work = Path(tempfile.mkdtemp(prefix="mediamon-scale-"))
    try:
        for size in (big / 5, big):
            folder = work / f"in{size:g}"
            actual = make_inputs(folder, size) / 1e6
            files = sum(1 for _ in folder.rglob("*.txt"))
            print(f"# {actual:.1f} MB in {files} files", file=sys.stderr)
            for mode in modes:
                load = os.getloadavg()[0]
                figures = measure(mode, folder, work / "out.jsonl")
                figures["load"] = load
                rows.append((mode, actual, figures))
                print(
                    f"#   {mode}: {figures['wall']:.1f} s wall, {figures['rss_mb']:.0f} MB peak RSS",
                    file=sys.stderr,
                )
                (work / "out.jsonl").unlink(missing_ok=True)
            shutil.rmtree(folder)
        ceilings.append(control())
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}\n")
    print("| run | input MB | wall s | MB/s (wall) | CPU s | MB/s (CPU) | peak RSS MB | load avg before |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for mode, size, f in rows:
        print(
            f"| {mode} | {size:.1f} | {f['wall']:.1f} | {size / f['wall']:.2f} | {f['cpu']:.1f} "
            f"| {size / f['cpu']:.2f} | {f['rss_mb']:.0f} | {f['load']:.1f} |"
        )
    for size in sorted({s for _, s, _ in rows}):
        walls = {m: f["wall"] for m, s, f in rows if s == size}
        if "annotate --jobs 1" in walls and "annotate --jobs 2" in walls:
            speedup = walls["annotate --jobs 1"] / walls["annotate --jobs 2"]
            print(f"\nspeed-up jobs=2 / jobs=1 at {size:.1f} MB: {speedup:.2f}x")
    shown = ", ".join(f"{c:.2f}x" for c in ceilings)
    print(f"\ncontrol (a pure-Python loop, 2 processes vs 1; before and after the runs): {shown}")


if __name__ == "__main__":
    main()
