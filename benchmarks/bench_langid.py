"""Benchmark language identifiers on FIGNEWS-2024: mediamon, raw langdetect, lingua.

Runs over the full FIGNEWS file (``../shared/data/eval/fignews/FIGNEWS-2024-TEXT-IAA.tsv``,
1,500 posts, 300 per source language, read as tab-separated without quoting: a post's own
quotes are text) when it exists, else over ``tests/data/fignews_sample.tsv``. Every detector
runs in its own subprocess, so its load time and memory are its own:

- **mediamon**: ``mediamon.text.langid.detect_language`` (script table, function words,
  langdetect's model where still needed, scored by the native engine with langdetect's
  seeded trials);
- **mediamon-python**: the same on the pure-Python engine (the same answers; the cost of
  the same work without the native core);
- **langdetect**: raw langdetect as people call it (``detect`` with ``DetectorFactory.seed =
  0``, all 55 profiles; exceptions count as "und");
- **lingua-5 high / low**: lingua restricted to the five FIGNEWS languages (ar, en, fr, he, hi),
  high- and low-accuracy mode: the best case for lingua, it knows the answer set;
- **lingua-20 low**: lingua restricted to 20 languages of news monitoring (the five plus fa,
  ur, mr, ru, uk, el, tr, de, es, it, pt, nl, id, zh, ja), low-accuracy mode (high-accuracy
  mode at 20 languages needs several hundred MB).

Printed per detector: accuracy and µs per text on the originals (expected: the source
language), the English and the Arabic machine translations; load time (first call) and the
peak-RSS increase over an idle interpreter; then the originals per source language.

    python benchmarks/bench_langid.py
    python benchmarks/bench_langid.py --detectors mediamon,langdetect
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = next(
    (up / "shared" / "data" for up in ROOT.parents if (up / "shared" / "data").is_dir()),
    ROOT.parent / "shared" / "data",
)
FULL = SHARED / "eval" / "fignews" / "FIGNEWS-2024-TEXT-IAA.tsv"
SAMPLE = ROOT / "tests" / "data" / "fignews_sample.tsv"
EXPECTED = {"Arabic": "ar", "English": "en", "French": "fr", "Hebrew": "he", "Hindi": "hi"}
COLUMNS = {"Text": None, "English MT": "en", "Arabic MT": "ar"}
LINGUA_5 = ("ar", "en", "fr", "he", "hi")
LINGUA_20 = (
    *LINGUA_5,
    "fa",
    "ur",
    "mr",
    "ru",
    "uk",
    "el",
    "tr",
    "de",
    "es",
    "it",
    "pt",
    "nl",
    "id",
    "zh",
    "ja",
)
DETECTORS = ("mediamon", "mediamon-python", "langdetect", "lingua-5-high", "lingua-5-low", "lingua-20-low")


def read_rows(path: Path) -> list[dict[str, str]]:
    """The TSV's rows; fields are never quoted (a post's own quotes are text)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def make_detector(name: str) -> Callable[[str], str]:
    if name in ("mediamon", "mediamon-python"):
        try:
            from mediamon.text.langid import detect_language
        except ImportError:  # run from a checkout without installing
            sys.path.insert(0, str(ROOT / "src"))
            from mediamon.text.langid import detect_language
        from mediamon import engine

        engine.use_native(name == "mediamon")
        return detect_language
    if name == "langdetect":
        from langdetect import DetectorFactory, detect
        from langdetect.lang_detect_exception import LangDetectException

        DetectorFactory.seed = 0

        def run(text: str) -> str:
            try:
                return str(detect(text)).split("-", maxsplit=1)[0]
            except LangDetectException:
                return "und"

        return run
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    _, size, mode = name.split("-")
    codes = LINGUA_5 if size == "5" else LINGUA_20
    builder = LanguageDetectorBuilder.from_languages(
        *(Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in codes)
    )
    detector = (builder.with_low_accuracy_mode() if mode == "low" else builder).build()

    def run_lingua(text: str) -> str:
        found = detector.detect_language_of(text)
        return "und" if found is None else found.iso_code_639_1.name.lower()

    return run_lingua


def worker(name: str, path: Path) -> dict[str, Any]:
    """In a subprocess: load ``name``, run it over every column; times are CPU time."""
    rows = read_rows(path)
    idle = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.process_time()
    detect = make_detector(name)
    detect("Les profils sont chargés avant la mesure. The profiles are loaded first. تحميل")
    load = time.process_time() - start
    out: dict[str, Any] = {"load_s": load, "columns": {}}
    for column, fixed in COLUMNS.items():
        texts = [row[column] for row in rows]
        start = time.process_time()
        got = [detect(text) for text in texts]
        seconds = time.process_time() - start
        want = [fixed or EXPECTED[row["Source Language"]] for row in rows]
        per_source = {
            source: sum(
                g == w for g, w, row in zip(got, want, rows, strict=True) if row["Source Language"] == source
            )
            for source in EXPECTED
        }
        out["columns"][column] = {
            "n": len(texts),
            "right": sum(g == w for g, w in zip(got, want, strict=True)),
            "us": 1e6 * seconds / len(texts),
            "per_source": per_source,
        }
    out["rss_mb"] = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - idle) / 1024
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--detectors", default=",".join(DETECTORS), help="comma-separated, of: " + ", ".join(DETECTORS)
    )
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    path = FULL if FULL.exists() else SAMPLE
    if args.worker:
        print(json.dumps(worker(args.worker, path)))
        return
    rows = read_rows(path)
    counts = {source: sum(row["Source Language"] == source for row in rows) for source in EXPECTED}
    print(f"{path} ({len(rows)} posts: {', '.join(f'{s} {n}' for s, n in counts.items())}); CPU time\n")
    header = f"{'detector':<15} {'originals':>9} {'µs/text':>8}  {'English MT':>10} {'µs/text':>8}  "
    header += f"{'Arabic MT':>9} {'µs/text':>8}  {'load s':>6} {'+RSS MB':>7}"
    print(header)
    print("-" * len(header))
    results: dict[str, dict[str, Any]] = {}
    for name in args.detectors.split(","):
        command = [sys.executable, __file__, "--worker", name]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode:
            reason = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else done.returncode
            print(f"{name:<15} failed: {reason}")
            continue
        result = json.loads(done.stdout)
        results[name] = result
        cells = []
        for column in COLUMNS:
            c = result["columns"][column]
            cells.append(f"{c['right'] / c['n']:>9.1%} {c['us']:>8.0f}")
        print(f"{name:<15} {'  '.join(cells)}  {result['load_s']:>6.2f} {result['rss_mb']:>7.0f}")
    print("\noriginals right, per source language")
    print(f"{'detector':<15} " + " ".join(f"{source:>8}" for source in EXPECTED))
    for name, result in results.items():
        per_source = result["columns"]["Text"]["per_source"]
        print(f"{name:<15} " + " ".join(f"{per_source[s]:>4}/{counts[s]:<3}" for s in EXPECTED))


if __name__ == "__main__":
    main()
