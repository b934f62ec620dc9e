"""Adversarial sizes: does every entry point stay linear when one dimension of its input doubles?

Issue 18 found paths that took 3.7-5x the time per doubling. Each kind below builds an
input at 1x, 2x, 4x and 8x a base size, times one entry point on it (CPU time, best of
``--repeat`` runs, the spread beside it) and prints the ratio between consecutive sizes.
Linear is about 2x per doubling (n log n a little more); a geometric mean of 2.8x or
more over the three doublings (or one step of 4x) is flagged SUPERLINEAR and the
script exits 1 (quadratic is 4x per doubling).

- ``json-broken``: a JSON array of N records, every other one broken (``json_records``);
- ``gazetteer-aliases``: one entity with N aliases (``Gazetteer.load`` and building the annotator);
- ``report-entities``: one article naming N distinct entities (``render_report``: co-occurrence);
- ``report-paragraphs``: one article of N paragraphs, a mention in each (``render_report``);
- ``report-mentions``: one article of N mentions in one long paragraph (``render_report``);
- ``csv-quotes``: a CSV gazetteer of N rows, every tenth alias with an unpaired quote (``check_file``);
- ``outlet-spaces``: an article whose source holds a run of N spaces (``Annotator.annotate``, outlet linking).
- ``discover-mentions``: N gazetteer mentions in both scripts (``annotate_text``, ``discover=True``);
- ``discover-surnames``: a discovered person's bare surname N times (the same, surname linking);
- ``discover-marks``: a run of N diacritics that no letter follows (the same, Arabic tokens).

    python benchmarks/bench_scaling.py                  # every kind, 1x..8x
    python benchmarks/bench_scaling.py --kind report-entities --scale 2
"""

from __future__ import annotations

import argparse
import functools
import itertools
import json
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import mediamon
from mediamon.io.record_files import json_records
from mediamon.match.gazetteer import check_file
from mediamon.model import Article, Mention
from mediamon.report import render_report

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_html import timed  # CPU seconds of each run, shared with bench_html

#: Syllables for names that do not repeat (real text is not one word over and over).
_SYLLABLES = ("ba", "ka", "ri", "mo", "sa", "di", "lu", "ne", "ho", "za", "te", "fi", "qu", "ro", "vi", "ga")


def name(i: int) -> str:
    """A distinct capitalised two-word name for ``i``."""
    parts = []
    while True:
        parts.append(_SYLLABLES[i % len(_SYLLABLES)])
        i //= len(_SYLLABLES)
        if not i:
            break
    word = "".join(parts)
    return f"{word.title()} {word[::-1].title()}"


def json_broken(n: int) -> Callable[[], Any]:
    parts = []
    for i in range(n):
        element = json.dumps(
            {"id": f"r{i}", "title": name(i), "body": f"{name(i)} met {name(i + 1)}."}, indent=1
        )
        if i % 2:
            element = element.replace('"title":', '"title"', 1)
        parts.append(element)
    text = "[\n" + ",\n".join(parts) + "\n]\n"
    return lambda: list(json_records(text, "x.json"))


def gazetteer_aliases(n: int, folder: Path) -> Callable[[], Any]:
    path = folder / f"one-{n}.jsonl"
    aliases = [name(i) for i in range(n)]
    path.write_text(
        json.dumps({"id": "per:x", "type": "PER", "names": {"en": aliases}}) + "\n", encoding="utf-8"
    )

    def run() -> Any:
        annotator = mediamon.Annotator([path], default=False)
        return annotator.annotate_text(f"Yesterday {aliases[-1]} spoke.")

    return run


def _article(body: str, spans: list[tuple[int, int, str]]) -> Article:
    mentions = [
        Mention(
            "body", start, end, body[start:end], ident, "PER", body[start:end], "en", body[start:end], "exact"
        )
        for start, end, ident in spans
    ]
    return Article(id="a", title="One article", body=body, lang="en", mentions=tuple(mentions))


def _mentions_body(n: int, per_paragraph: int | None) -> tuple[str, list[tuple[int, int, str]]]:
    parts: list[str] = []
    spans = []
    pos = 0
    for i in range(n):
        piece = name(i)
        spans.append((pos, pos + len(piece), f"per:{i}"))
        sep = "\n\n" if per_paragraph and (i + 1) % per_paragraph == 0 else " met "
        parts.append(piece + sep)
        pos += len(piece) + len(sep)
    return "".join(parts), spans


def report_entities(n: int) -> Callable[[], Any]:
    body, spans = _mentions_body(n, per_paragraph=20)
    article = _article(body, spans)
    return lambda: render_report([article])


def report_paragraphs(n: int) -> Callable[[], Any]:
    body, spans = _mentions_body(n, per_paragraph=1)
    # Few distinct entities (co-occurrence stays small): this kind grows the paragraphs only.
    article = _article(body, [(s, e, f"per:{i % 5}") for i, (s, e, _) in enumerate(spans)])
    return lambda: render_report([article])


def report_mentions(n: int) -> Callable[[], Any]:
    body, spans = _mentions_body(n, per_paragraph=None)
    article = _article(body, [(s, e, f"per:{i % 5}") for i, (s, e, _) in enumerate(spans)])
    return lambda: render_report([article])


def csv_quotes(n: int, folder: Path) -> Callable[[], Any]:
    path = folder / f"quotes-{n}.csv"
    rows = ["id,type,lang,alias"]
    for i in range(n):
        alias = ('"' if i % 10 == 0 else "") + name(i)
        rows.append(f"q:{i},PER,en,{alias}")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return lambda: check_file(path)


def outlet_spaces(n: int) -> Callable[[], Any]:
    annotator = mediamon.Annotator()
    article = Article(
        id="a", title="T", body="Talks in Baghdad.", source="Reuters" + " " * n + "x", lang="en"
    )
    annotator.annotate(article)
    return lambda: annotator.annotate(article)


def sentence_starts(n: int) -> Callable[[], Any]:
    """One text naming a place at many sentence starts, the word also written in lower case
    (the support stage once copied the whole text before each such candidate)."""
    annotator = mediamon.Annotator()
    text = "a phoenix rose. " + "".join(f"Phoenix rose at {i}. " for i in range(n))
    annotator.annotate_text(text[:200])
    return lambda: annotator.annotate_text(text)


def support_crowd(n: int) -> Callable[[], Any]:
    """A text of N support-stage cases in both scripts: a division's phrase before another
    country (the genitive test once walked every place of the text per candidate), shared
    place names, a capital's word before a surname, an outlet's name after a capital."""
    annotator = mediamon.Annotator()
    text = "على الحدود الشمالية لإسرائيل. The Samara bombings in Iraq; Paris Hilton, the Golden Globes. " * n
    annotator.annotate_text(text[:200])
    return lambda: annotator.annotate_text(text)


@functools.cache
def _discovering() -> mediamon.Annotator:
    annotator = mediamon.Annotator(discover=True)
    annotator.annotate_text("Warm-up: Kofi Dembele said in Baghdad.")
    return annotator


def discover_mentions(n: int) -> Callable[[], Any]:
    """A text of N gazetteer mentions in both scripts, each beside a word the tagger tags."""
    text = "Iraq العراق " * n
    return lambda: _discovering().annotate_text(text)


def discover_surnames(n: int) -> Callable[[], Any]:
    """A discovered person's bare surname N times, each sentence with a gazetteer place."""
    text = "Opposition leader Kofi Dembele said on Monday in Baghdad. " + "Dembele said in Iraq. " * n
    return lambda: _discovering().annotate_text(text)


def discover_marks(n: int) -> Callable[[], Any]:
    """An Arabic text holding a run of N diacritics that no letter follows (the Arabic tokens)."""
    text = "العراق " + "\u064e" * n + " x"
    return lambda: _discovering().annotate_text(text)


#: kind -> (builder, base size, needs a folder)
KINDS: dict[str, tuple[Callable[..., Callable[[], Any]], int, bool]] = {
    "json-broken": (json_broken, 20000, False),
    "gazetteer-aliases": (gazetteer_aliases, 5000, True),
    "report-entities": (report_entities, 500, False),
    "report-paragraphs": (report_paragraphs, 8000, False),
    "report-mentions": (report_mentions, 20000, False),
    "csv-quotes": (csv_quotes, 20000, True),
    "outlet-spaces": (outlet_spaces, 100000, False),
    "sentence-starts": (sentence_starts, 5000, False),
    "support-crowd": (support_crowd, 2000, False),
    "discover-mentions": (discover_mentions, 1000, False),
    "discover-surnames": (discover_surnames, 1000, False),
    "discover-marks": (discover_marks, 10000, False),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--kind", action="append", choices=sorted(KINDS), help="only these kinds")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every base size (default 1)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size (best kept; default 3)")
    parser.add_argument("--budget", type=float, default=60.0, help="stop a kind after a run this long")
    args = parser.parse_args(argv)
    flagged = []
    factors = (1, 2, 4, 8)
    header = f"{'kind':<18} {'base n':>8}" + "".join(f"{f:>9}x s" for f in factors) + "   ratios per doubling"
    print(header)
    print("-" * len(header))
    # Warm up lazy tables (languages, templates) outside the timings.
    render_report([_article("Warm up", [])])
    with tempfile.TemporaryDirectory() as tmp:
        for kind in args.kind or list(KINDS):
            builder, base, needs_folder = KINDS[kind]
            n0 = max(1, int(base * args.scale))
            best: list[float] = []
            spreads: list[float] = []
            for factor in factors:
                if best and best[-1] > args.budget:
                    break
                func = builder(n0 * factor, Path(tmp)) if needs_folder else builder(n0 * factor)
                times = timed(func, args.repeat)
                best.append(min(times))
                spreads.append((max(times) - min(times)) / max(min(times), 1e-9))
            ratios = [b / max(a, 1e-9) for a, b in itertools.pairwise(best)]
            mean = (best[-1] / max(best[0], 1e-9)) ** (1 / max(1, len(best) - 1))
            # One step can jump on a shared machine (garbage collection, another process): the
            # mean over the three doublings decides, or one step of 4x (quadratic is 4x each).
            bad = mean >= 2.8 or any(r >= 4.0 for r in ratios) or len(best) < len(factors)
            cells = "".join(f"{t:>11.3f}" for t in best) + " " * 11 * (len(factors) - len(best))
            row = f"{kind:<18} {n0:>8}{cells}   " + " ".join(f"{r:.2f}x" for r in ratios)
            row += f"  mean {mean:.2f}x (spread up to {100 * max(spreads):.0f}%)"
            if bad:
                row += "  SUPERLINEAR"
                flagged.append(row)
            print(row, flush=True)
    print(f"\n{len(flagged)} flagged" + ("" if not flagged else ":\n" + "\n".join(flagged)))
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())
