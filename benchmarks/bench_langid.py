"""Benchmark mediamon.text.langid.detect_language against raw langdetect on FIGNEWS-2024.

Runs over the full FIGNEWS file when ``../shared/data/eval/fignews/FIGNEWS-2024-TEXT-IAA.tsv``
(relative to the repository root) exists, else over ``tests/data/fignews_sample.tsv``. For
each source language it prints the accuracy and the time per post of both detectors on the
original text (expected: the source language), on the English machine translation (expected
"en") and on the Arabic one (expected "ar"). Raw langdetect is seeded (``DetectorFactory.seed
= 0``) and its exceptions count as "und"; both run in this process on the same texts.

    python benchmarks/bench_langid.py
"""

from __future__ import annotations

import csv
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = next(
    (up / "shared" / "data" for up in ROOT.parents if (up / "shared" / "data").is_dir()),
    ROOT.parent / "shared" / "data",
)
FULL = SHARED / "eval" / "fignews" / "FIGNEWS-2024-TEXT-IAA.tsv"
SAMPLE = ROOT / "tests" / "data" / "fignews_sample.tsv"
EXPECTED = {"Arabic": "ar", "English": "en", "French": "fr", "Hebrew": "he", "Hindi": "hi"}
COLUMNS = (("Text", None), ("English MT", "en"), ("Arabic MT", "ar"))
ROW = "{:<11} {:<8} {:>4}  {:>8} {:>7}  {:>10} {:>7}"

try:
    from mediamon.text.langid import detect_language
except ImportError:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT / "src"))
    from mediamon.text.langid import detect_language


def read_rows(path: Path) -> list[dict[str, str]]:
    """The TSV's rows; fields are never quoted (a post's own quotes are text)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def raw_langdetect() -> Callable[[str], str]:
    """langdetect as people call it: module-level ``detect`` with the documented seed."""
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0

    def run(text: str) -> str:
        try:
            return str(detect(text))
        except LangDetectException:
            return "und"

    return run


def measure(detector: Callable[[str], str], texts: Sequence[str], want: Sequence[str]) -> tuple[float, float]:
    """Accuracy and milliseconds per text."""
    start = time.perf_counter()
    got = [detector(text) for text in texts]
    elapsed = time.perf_counter() - start
    right = sum(g == w for g, w in zip(got, want, strict=True))
    return right / len(texts), 1000 * elapsed / len(texts)


def main() -> None:
    path = FULL if FULL.exists() else SAMPLE
    rows = read_rows(path)
    langdetect = raw_langdetect()
    # Load langdetect's profiles (both copies) and build the script tables before timing.
    warm_up = (
        "Les profils de langue sont chargés une seule fois, avant de mesurer le temps de chaque "
        "détecteur sur les messages. تحميل"
    )
    detect_language(warm_up)
    langdetect(warm_up)

    print(f"{path} ({len(rows)} posts)\n")
    header = ROW.format("text", "source", "n", "mediamon", "ms/post", "langdetect", "ms/post")
    print(header)
    print("-" * len(header))
    totals: dict[str, list[float]] = {"ours": [], "raw": [], "ours_ms": [], "raw_ms": [], "n": []}
    for column, fixed in COLUMNS:
        for source, code in EXPECTED.items():
            group = [row for row in rows if row["Source Language"] == source]
            texts = [row[column] for row in group]
            want = [fixed or code] * len(group)
            ours, ours_ms = measure(detect_language, texts, want)
            raw, raw_ms = measure(langdetect, texts, want)
            print(
                ROW.format(
                    column, source, len(group), f"{ours:.1%}", f"{ours_ms:.3f}", f"{raw:.1%}", f"{raw_ms:.3f}"
                )
            )
            for key, value in (("ours", ours), ("raw", raw), ("ours_ms", ours_ms), ("raw_ms", raw_ms)):
                totals[key].append(value * len(group))
            totals["n"].append(len(group))
        print()
    n = sum(totals["n"])
    ours_all, raw_all = sum(totals["ours"]) / n, sum(totals["raw"]) / n
    ours_ms_all, raw_ms_all = sum(totals["ours_ms"]) / n, sum(totals["raw_ms"]) / n
    print(
        ROW.format(
            "all", "", int(n), f"{ours_all:.1%}", f"{ours_ms_all:.3f}", f"{raw_all:.1%}", f"{raw_ms_all:.3f}"
        )
    )


if __name__ == "__main__":
    main()
