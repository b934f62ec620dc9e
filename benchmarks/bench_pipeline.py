"""Benchmark the ``mediamon annotate`` command against its floor, with a per-stage profile.

The input is a folder of mixed dumps built from real text that does not repeat: the sample
dump (``examples/``), the twelve Tehran Times articles as files (not the joined page, which
repeats them), and the 1,491 FIGNEWS-2024 posts as three JSON Lines record files (the
originals in five languages, the English and the Arabic machine translations). Without
``../shared/data`` only the sample and ``tests/data/fignews_sample.tsv`` are used.

Printed, all in one run, CPU time:

- **floor**: read the files' bytes, decode UTF-8, ``lower()``, and count the hits of one
  pyahocorasick automaton of the bundled gazetteers' lower-cased aliases (built beforehand,
  not timed);
- **CLI**: ``python -m mediamon annotate FOLDER -o out.jsonl -q`` in a subprocess (its CPU
  time from ``wait4``), minus the same command on an empty file (start-up and gazetteer
  load, reported separately);
  and, separately, minus the same command on a one-article input (its *fixed cost*: start-up,
  gazetteer load, and the tables built on first use: the compiled gazetteer, the outlet
  index, the language ID tables), which the floor does not pay either (its automaton is
  built beforehand);
- **stages**: the same pipeline in a fresh interpreter (``mediamon.cli.main``) with the stage
  functions wrapped to add up their CPU time: gazetteer load, table building, language ID,
  segmentation, dates, annotation, output, and the rest (imports, reading, decoding,
  record parsing, glue). Each stage's time excludes the wrapped calls nested in it
  (segmentation calls language ID and dates; language ID calls its detector, langdetect,
  shown on its own row, loading included; annotation builds the tables on first use).

``--before SRC`` measures another checkout's ``src`` folder (``PYTHONPATH=SRC``; e.g. main's) in
the same run, each measurement alternating between the two, and prints the ratios after/before.

    python benchmarks/bench_pipeline.py                               # 3 repeats, median and spread
    python benchmarks/bench_pipeline.py --repeat 5 --before ../main/src
"""

from __future__ import annotations

import argparse
import csv
import functools
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

ROOT = Path(__file__).resolve().parents[1]
# The shared data sits beside the checkout (or beside the folder of worktrees).
SHARED = next(
    (up / "shared" / "data" for up in ROOT.parents if (up / "shared" / "data").is_dir()),
    ROOT.parent / "shared" / "data",
)
SAMPLE = ROOT / "examples" / "000_ee85a602ba24a7e5.txt"
TEHRAN = SHARED / "dumps" / "tehrantimes" / "files"
FIGNEWS = SHARED / "eval" / "fignews" / "FIGNEWS-2024-TEXT-IAA.tsv"
FIGNEWS_SAMPLE = ROOT / "tests" / "data" / "fignews_sample.tsv"
ONE_ARTICLE = "The foreign minister of Iraq met the prime minister in Baghdad on Monday."
COLUMNS = {"Text": "originals", "English MT": "english", "Arabic MT": "arabic"}

# Stage name -> (module, attribute) of the functions whose CPU time is that stage's; a name
# looked up at call time in its module, so wrapping the module attribute catches every call.
# Missing names (the layout moves) are skipped and listed.
STAGES: dict[str, tuple[tuple[str, str], ...]] = {
    "gazetteer load": (("mediamon.cli.pipeline", "make_annotator"),),
    "tables": (
        ("mediamon.match.compile", "CompiledGazetteer.__init__"),
        ("mediamon.match.outlets", "OutletIndex.__init__"),
        ("mediamon.match.support", "SupportModel.__init__"),
    ),
    "language ID": (("mediamon.text.segment", "detect_language"), ("mediamon.io.records", "detect_language")),
    "  its detector": (("mediamon.text.langid", "_langdetect"),),
    "dates": (
        ("mediamon.text.segment", "match_date_line"),
        ("mediamon.io.records", "parse_date"),
    ),
    "segmentation": (("mediamon.io.inputs", "segment_lines"),),
    "annotation": (("mediamon.match.annotate", "Annotator.annotate"),),
    "output": (("mediamon.io.output", "ArticleWriter.write"),),
}


def build_dumps(folder: Path) -> tuple[list[Path], int]:
    """Write the mixed dumps into ``folder``; return their paths and total size in bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = [Path(shutil.copy(SAMPLE, folder / SAMPLE.name))]
    if TEHRAN.is_dir():
        for source in sorted(TEHRAN.glob("*.txt")):
            paths.append(Path(shutil.copy(source, folder / f"tehrantimes{source.name}")))
    table = FIGNEWS if FIGNEWS.exists() else FIGNEWS_SAMPLE
    with table.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    for column, name in COLUMNS.items():
        path = folder / f"fignews_{name}.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for row in rows:
                record = {"id": f"{row['ID']}-{name}", "title": "", "body": row[column]}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        paths.append(path)
    return paths, sum(p.stat().st_size for p in paths)


def cpu() -> float:
    return time.process_time()


def floor_pass(paths: list[Path], automaton: Any) -> tuple[float, int]:
    """CPU seconds to read, decode, lower-case and bare-scan every file; and the hit count."""
    start = cpu()
    hits = 0
    for path in paths:
        text = path.read_bytes().decode("utf-8").lower()
        for _ in automaton.iter(text):
            hits += 1
    return cpu() - start, hits


def bare_automaton() -> Any:
    import ahocorasick

    from mediamon import Gazetteer

    automaton = ahocorasick.Automaton()
    for entity in Gazetteer.bundled():
        for _, alias in entity.aliases():
            key = alias.lower()
            if key not in automaton:
                automaton.add_word(key, len(automaton))
    automaton.make_automaton()
    return automaton


def environment(src: str | None) -> dict[str, str] | None:
    """The environment of a subprocess that imports mediamon from ``src`` (None: this checkout's)."""
    return None if src is None else {**os.environ, "PYTHONPATH": src}


def cli_cpu(inputs: list[str], out: Path, src: str | None = None) -> float:
    """CPU seconds (user + system) of one ``mediamon annotate`` run in a subprocess."""
    command = [sys.executable, "-m", "mediamon", "annotate", *inputs, "-o", str(out), "-q"]
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=environment(src)
    )
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        assert process.stderr is not None
        raise SystemExit(f"mediamon annotate failed: {process.stderr.read().decode()}")
    return float(usage.ru_utime + usage.ru_stime)


def _resolve(module_name: str, dotted: str) -> tuple[Any, str] | None:
    import importlib

    try:
        owner: Any = importlib.import_module(module_name)
    except ImportError:
        return None
    *parents, name = dotted.split(".")
    for part in parents:
        owner = getattr(owner, part, None)
        if owner is None:
            return None
    return (owner, name) if hasattr(owner, name) else None


def stage_profile(inputs: list[str], out: Path) -> tuple[dict[str, float], float, list[str]]:
    """Run the CLI in this process with the stage functions wrapped; CPU seconds per stage,
    the total, and the wrap points that were not found."""
    from mediamon.cli import main

    spent = dict.fromkeys(STAGES, 0.0)
    missing: list[str] = []
    undo: list[Callable[[], None]] = []

    # Exclusive time: a wrapped call nested in another (language ID inside segmentation) is
    # taken out of the outer stage's time.
    nested: list[float] = []

    def wrap(stage: str, function: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(function)
        def timed(*args: Any, **kwargs: Any) -> Any:
            nested.append(0.0)
            start = cpu()
            try:
                return function(*args, **kwargs)
            finally:
                elapsed = cpu() - start
                inner = nested.pop()
                spent[stage] += elapsed - inner
                if nested:
                    nested[-1] += elapsed

        return timed

    for stage, points in STAGES.items():
        for module_name, dotted in points:
            found = _resolve(module_name, dotted)
            if found is None:
                missing.append(f"{module_name}.{dotted}")
                continue
            owner, name = found
            original = owner.__dict__[name] if isinstance(owner, type) else getattr(owner, name)
            setattr(owner, name, wrap(stage, original))
            undo.append(functools.partial(setattr, owner, name, original))
    try:
        start = cpu()
        main(["annotate", *inputs, "-o", str(out), "-q"])
        total = cpu() - start
    finally:
        for action in reversed(undo):
            action()
    return spent, total, missing


def stage_profile_fresh(
    folder: Path, out: Path, src: str | None = None
) -> tuple[dict[str, float], float, list[str]]:
    """:func:`stage_profile` in a fresh interpreter, so every run pays the loads a CLI run pays."""
    command = [sys.executable, __file__, "--stage-worker", str(folder), str(out)]
    done = subprocess.run(command, capture_output=True, text=True, check=True, env=environment(src))
    spent, total, missing = json.loads(done.stdout)
    return spent, total, missing


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):.3f} s ({min(values):.3f}-{max(values):.3f})"


Profile = tuple[dict[str, float], float, list[str]]


@attrs.frozen
class Measured:
    """One source tree's figures: CPU seconds of each run, and the stage profiles."""

    startup: list[float]
    fixed: list[float]
    runs: list[float]
    profiles: list[Profile]

    def work(self, base: list[float]) -> list[float]:
        return [run - statistics.median(base) for run in self.runs]


def measure(trees: dict[str, str | None], folder: Path, tmp: Path, repeat: int) -> dict[str, Measured]:
    """Every measurement of every tree, ``repeat`` times, the trees alternating in each round."""
    empty = tmp / "empty.txt"
    empty.write_text("", encoding="utf-8")
    one = tmp / "one.jsonl"  # one English record: every table the run needs is built, little else
    one.write_text(json.dumps({"id": "x", "title": "", "body": ONE_ARTICLE}) + "\n", encoding="utf-8")
    found = {name: Measured([], [], [], []) for name in trees}
    for _ in range(repeat):
        for name, src in trees.items():
            out = tmp / f"out-{name}.jsonl"
            found[name].startup.append(cli_cpu([str(empty)], out, src))
            found[name].fixed.append(cli_cpu([str(one)], out, src))
            found[name].runs.append(cli_cpu([str(folder)], out, src))
            found[name].profiles.append(stage_profile_fresh(folder, out, src))
    return found


def stage_rows(
    profiles: list[Profile],
) -> dict[str, tuple[float, float, str]]:
    """Stage -> (median CPU s, median share, share range) over the profile runs."""
    rows = {}
    for stage in [*STAGES, "rest"]:
        values = [
            (total - sum(spent.values())) if stage == "rest" else spent[stage] for spent, total, _ in profiles
        ]
        shares = [value / total for value, (_, total, _) in zip(values, profiles, strict=True)]
        rows[stage] = (
            statistics.median(values),
            statistics.median(shares),
            f"{min(shares):.1%}-{max(shares):.1%}",
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement (median and spread)")
    parser.add_argument("--before", metavar="SRC", help="also measure this src folder (another checkout's)")
    parser.add_argument("--stage-worker", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stage_worker:
        print(json.dumps(stage_profile([args.stage_worker[0]], Path(args.stage_worker[1]))))
        return
    trees: dict[str, str | None] = {"after": None}
    if args.before:
        trees = {"before": str(Path(args.before).resolve()), "after": None}
    with tempfile.TemporaryDirectory(prefix="mediamon-bench-pipeline-") as tmp:
        folder = Path(tmp) / "dumps"
        paths, size = build_dumps(folder)
        print(f"input: {len(paths)} files, {size / 1e6:.2f} MB (10^6 bytes), no text repeated")
        for name, src in trees.items():
            print(f"{name}: mediamon from {src or ROOT / 'src'}")

        automaton = bare_automaton()
        floor_pass(paths, automaton)  # page cache and automaton primed
        floors = [floor_pass(paths, automaton)[0] for _ in range(args.repeat)]
        hits = floor_pass(paths, automaton)[1]
        found = measure(trees, folder, Path(tmp), args.repeat)
        outputs = {name: (Path(tmp) / f"out-{name}.jsonl").read_bytes() for name in trees}
        floor_s = statistics.median(floors)
        print(
            f"floor (read+decode+lower+bare scan, {hits} raw hits): {spread(floors)},"
            f" {size / 1e6 / floor_s:.1f} MB/s\n"
        )
        names = list(trees)
        print(f"| CPU time, median (range) of {args.repeat} | " + " | ".join(names) + " |")
        print("|---|" + "---:|" * len(names))
        table: dict[str, dict[str, float]] = {name: {} for name in names}

        def row(label: str, key: str, text: Callable[[Measured], tuple[float, str]]) -> None:
            cells = []
            for name in names:
                value, shown = text(found[name])
                table[name][key] = value
                cells.append(shown)
            print(f"| {label} | " + " | ".join(cells) + " |")

        row("start-up + gazetteer load (empty input)", "startup", lambda m: _s(m.startup))
        row("fixed cost: start-up, load, tables (one article)", "fixed", lambda m: _s(m.fixed))
        row("whole run", "run", lambda m: _s(m.runs))
        row("work = run - start-up", "work", lambda m: _s(m.work(m.startup)))
        row("work = run - fixed cost", "work_fixed", lambda m: _s(m.work(m.fixed)))
        row("**CLI / floor**, minus start-up", "ratio", lambda m: _x(floor_s, m.work(m.startup)))
        row(
            "**CLI / floor**, minus fixed cost (target >= 0.25x)",
            "ratio_fixed",
            lambda m: _x(floor_s, m.work(m.fixed)),
        )
        row("CLI / floor, whole run", "ratio_run", lambda m: _x(floor_s, m.runs))
        if len(names) == 2:
            before, after = (table[name] for name in names)
            gains = [before[key] / after[key] for key in ("work", "work_fixed", "run")]
            print(
                f"\nafter is faster than before by: {gains[0]:.2f}x (work minus start-up),"
                f" {gains[1]:.2f}x (minus fixed cost), {gains[2]:.2f}x (whole run)"
            )
            print(f"outputs identical: {outputs['before'] == outputs['after']}")

        rows = {name: stage_rows(found[name].profiles) for name in names}
        totals = {name: spread([total for _, total, _ in found[name].profiles]) for name in names}
        print(f"\nper-stage CPU time, a fresh interpreter per run ({args.repeat} runs each)")
        print("| stage | " + " | ".join(f"{name} s | share | share range" for name in names) + " |")
        print("|---|" + "---:|---:|---:|" * len(names))
        for stage in [*STAGES, "rest"]:
            cells = [
                f"{rows[n][stage][0]:.3f} | {rows[n][stage][1]:.1%} | {rows[n][stage][2]}" for n in names
            ]
            print(f"| {stage.strip()} | " + " | ".join(cells) + " |")
        print("| total | " + " | ".join(f"{totals[n]} | | " for n in names) + " |")
        for name in names:
            missing = found[name].profiles[0][2]
            if missing:
                print(f"{name}: not wrapped (not found): {', '.join(missing)}")
            language = statistics.median(
                (spent["language ID"] + spent["  its detector"]) / total
                for spent, total, _ in found[name].profiles
            )
            print(f"{name}: language ID share, its detector included: {language:.1%} (target <= 10%)")


def _s(values: list[float]) -> tuple[float, str]:
    return statistics.median(values), spread(values)


def _x(floor_s: float, values: list[float]) -> tuple[float, str]:
    ratios = [floor_s / value for value in values]
    return statistics.median(
        ratios
    ), f"{statistics.median(ratios):.3f}x ({min(ratios):.3f}-{max(ratios):.3f})"


if __name__ == "__main__":
    main()
