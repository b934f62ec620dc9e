"""Regular expressions on hostile input: does every entry point stay linear on adversarial lines?

Each case builds one long line from a repeated piece aimed at a regex's repeated
character classes (runs of spaces, dashes, apostrophes, digits and slashes, Arabic
letters with diacritics, ``By `` or ``Source: `` followed by a megabyte, nested quotes,
a megabyte without a space ...). Each entry point (``read_dump``, both normalisers,
``match_date_line``/``parse_date``, ``Annotator.annotate_text``, ``detect_language``)
is timed on it at each size; the time ratio between consecutive sizes is printed.
Linear is about 2x per doubling; a ratio of 3x or more is flagged SUPERLINEAR. A case
that takes longer than ``--budget`` seconds is not run at the larger sizes (a quadratic
regex on a megabyte can take many minutes).

    python benchmarks/bench_redos.py                    # 0.25, 0.5 and 1 MB
    python benchmarks/bench_redos.py --sizes 0.05,0.1,0.2 --only detect_language
    python benchmarks/bench_redos.py --patterns         # also each data-file pattern alone
"""

from __future__ import annotations

import argparse
import functools
import itertools
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

import mediamon
from mediamon.text.dates import match_date_line, parse_date
from mediamon.text.langid import detect_language

ROOT = Path(__file__).resolve().parents[1]
RULES = ROOT / "tests" / "data" / "gazetteers" / "rules.jsonl"
MB = 1_000_000

#: name -> (prefix, repeated piece, suffix); the piece is repeated to the wanted size.
CASES: dict[str, tuple[str, str, str]] = {
    "spaces": ("a", " ", "b"),
    "nbsp-dash": ("Al", "\u00a0-\u00a0–", "Kadhimi"),
    "dashes": ("", "-", "x"),
    "dash-space": ("", "- ", "x"),
    "apostrophes": ("A", "'’", "s"),
    "cap-apostrophe": ("", "A'b", "'s"),
    "digits-slashes": ("", "1/2/", "x"),
    "digits": ("", "7", "!"),
    "dots": ("", ". ", "photo: x"),
    "dotted-capitals": ("", "U.", "S"),
    "arabic-diacritics": ("", "بِّ", " x"),
    "arabic-words": ("", "والعراق ", ""),
    "by": ("By ", " ", "1"),
    "by-letters": ("By ", "a", "."),
    "source": ("Source: ", "x", ""),
    "posted-on": ("Posted on ", " ", "x"),
    "nested-quotes": ("", "\"'«“‘", "."),
    "no-spaces": ("", "a", ""),
    "at-signs": ("", "a@", ""),
    "url": ("http://", "a", ""),
    "al-particles": ("", "Al ", "Kadhimi"),
    "bidi-controls": ("", "\u202e\u200f\u200d", "x"),
    "hyphen-slug": ("", "a-", "x"),
    "hyphens-then-dots": ("a-b-c-", "x.", "com"),
    "url-then-pieces": ("https://x.com/a-", " -b", ""),
}

Func = Callable[[str], object]


def _entry_points() -> dict[str, Func]:
    """The entry points timed, each warmed up once (lazy tables, gazetteer compilation)."""
    arabic, english = mediamon.ArabicNormalizer(), mediamon.EnglishNormalizer()
    annotator = mediamon.Annotator([RULES], default=False)
    funcs: dict[str, Func] = {
        "read_dump": lambda line: mediamon.read_dump("Headline About Iraq\n\n07/10/2021\n\n" + line + "\n"),
        "normalize_ar": arabic.normalize_with_map,
        "normalize_en": english.normalize_with_map,
        "dates": lambda line: (match_date_line(line), parse_date(line)),
        "annotate_text": annotator.annotate_text,
        "detect_language": detect_language,
    }
    for func in funcs.values():
        func("Warm-up line about Iraq والعراق, 07/10/2021.")
    return funcs


def build(case: str, size: int) -> str:
    """The adversarial line of ``case`` at about ``size`` characters."""
    prefix, piece, suffix = CASES[case]
    return prefix + piece * max(1, (size - len(prefix) - len(suffix)) // len(piece)) + suffix


def _time(func: Func, text: str) -> float:
    """The best of up to three runs (one when a run takes a second or more)."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        func(text)
        best = min(best, time.perf_counter() - start)
        if best >= 1.0:
            break
    return best


#: Below this many seconds a time is mostly noise (timer, allocator, garbage collection).
NOISE = 0.05


def _ratios(times: list[float]) -> list[float]:
    """Time ratios between consecutive sizes; 1.0 where the larger time is within the noise."""
    return [b / max(a, 1e-6) if b >= NOISE else 1.0 for a, b in itertools.pairwise(times)]


def run(sizes: list[int], cases: list[str], funcs: dict[str, Func], budget: float) -> list[str]:
    """Time every (case, entry point) at every size; print a row each; return the flagged rows."""
    flagged: list[str] = []
    header = f"{'case':<18} {'entry point':<16}" + "".join(f"{s / MB:>9.2f}MB" for s in sizes) + "  ratios"
    print(header)
    print("-" * len(header))
    for case in cases:
        for name, func in funcs.items():
            times: list[float] = []
            for size in sizes:
                if times and times[-1] > budget:
                    break
                times.append(_time(func, build(case, size)))
            ratios = _ratios(times)
            bad = any(r >= 3.0 for r in ratios) or len(times) < len(sizes)
            cells = "".join(f"{t:>10.3f}s" for t in times) + " " * 11 * (len(sizes) - len(times))
            note = "  SUPERLINEAR" if bad else ""
            if len(times) < len(sizes):
                note += f" (stopped: over {budget:g} s)"
            row = f"{case:<18} {name:<16}{cells}  " + " ".join(f"{r:.1f}x" for r in ratios) + note
            print(row, flush=True)
            if bad:
                flagged.append(row)
    return flagged


def _data_patterns() -> dict[str, re.Pattern[str]]:
    """Every pattern of ``data/*/segment.json`` and the module-level regexes, by a readable name."""
    import importlib
    import json
    import pkgutil

    found: dict[str, re.Pattern[str]] = {}
    for path in sorted((ROOT / "src" / "mediamon" / "data").glob("*/segment.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for key, values in data.items():
            if key.endswith("_patterns"):
                for i, pattern in enumerate(values):
                    found[f"{path.parent.name}.{key}[{i}]"] = re.compile(pattern, re.IGNORECASE)
    # Every module of the package, found by walking it (so a module moved or renamed is still
    # covered); one that needs an optional dependency not installed is left out.
    for info in pkgutil.walk_packages(mediamon.__path__, "mediamon."):
        try:
            module = importlib.import_module(info.name)
        except ImportError:
            continue
        for attr, value in vars(module).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found.setdefault(f"{info.name.removeprefix('mediamon.')}.{attr}", value)
    return found


def _search_and_sub(pattern: re.Pattern[str], text: str) -> object:
    return pattern.search(text), pattern.sub("", text)


def run_patterns(sizes: list[int], budget: float) -> list[str]:
    """Each regex alone (``search`` and ``sub``) on every case: latent blow-ups behind length caps."""
    flagged: list[str] = []
    for label, pattern in _data_patterns().items():
        for case in CASES:
            times: list[float] = []
            for size in sizes:
                if times and times[-1] > budget:
                    break
                times.append(_time(functools.partial(_search_and_sub, pattern), build(case, size)))
            ratios = _ratios(times)
            if any(r >= 3.0 for r in ratios) or len(times) < len(sizes):
                row = f"{label:<40} {case:<18} " + " ".join(f"{t:.3f}s" for t in times)
                print(row + "  SUPERLINEAR", flush=True)
                flagged.append(row)
    return flagged


def main(argv: list[str] | None = None) -> int:
    """Run the table; exit 1 when a case is flagged."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="0.25,0.5,1", help="line sizes in MB (default 0.25,0.5,1)")
    parser.add_argument("--case", action="append", choices=sorted(CASES), help="only these cases")
    parser.add_argument("--only", action="append", help="only these entry points")
    parser.add_argument("--budget", type=float, default=20.0, help="seconds after which a case stops growing")
    parser.add_argument("--patterns", action="store_true", help="also each regex alone (sizes / 10)")
    args = parser.parse_args(argv)
    sizes = [int(float(s) * MB) for s in args.sizes.split(",")]
    funcs = _entry_points()
    if args.only:
        funcs = {k: v for k, v in funcs.items() if k in args.only}
    flagged = run(sizes, args.case or list(CASES), funcs, args.budget)
    if args.patterns:
        print("\nregexes alone, at a tenth of the sizes:")
        flagged += run_patterns([s // 10 for s in sizes], args.budget)
    print(f"\n{len(flagged)} flagged" + ("" if not flagged else ":\n" + "\n".join(flagged)))
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())
