"""The report page at scale in headless Chromium: size, load time and click latencies.

Usage: python benchmarks/bench_report.py [--articles 1000 10000] [--rounds 3] [--baseline REV]

Makes synthetic articles (words drawn from a seeded random vocabulary, so no two bodies
repeat; 1 to 6 mentions each of 300 entities), writes the report with every article listed,
once as ``mediamon report`` writes it now (the articles as a JSON data block, a page of
cards drawn at a time, folded paragraphs built when opened, the chart drawn by the page's
script) and, as the baseline in the same run, with the page design of git revision
``--baseline`` (default 03ede67: every article's markup in the page, 50 shown at a time),
whose ``report.py`` and template files are read from git, and opens each in the machine's
Chromium (playwright drives it; ``apt-get install chromium``).

Load is navigation start to the end of the load event (the page's script has drawn the
first page and the chart by then); a click is the time from dispatching it to the end of
the next layout (the handler, then ``offsetHeight``): an entity filter (5 per load, each a
different entity), "Show more", and opening an article's "Full text". Figures are the
median and range over ``--rounds`` loads, wall time in the browser; "write" is the CPU time
of ``write_report``; "DOM" counts the elements after load.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mediamon import report
from mediamon.model import Article, Mention

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.test_report import BROWSER_ARGS, chromium_path

ROOT = Path(__file__).resolve().parents[1]

Writer = Callable[[list[Article], Path], None]


def corpus(n: int, seed: int = 17) -> list[Article]:
    rng = random.Random(seed)
    letters = "abcdefghijklmnopqrstuvwxyz"
    vocabulary = ["".join(rng.choice(letters) for _ in range(rng.randint(3, 9))) for _ in range(20000)]
    entities = [(f"org:e{i}", f"Entity{i}") for i in range(300)]
    out = []
    for i in range(n):
        words = [rng.choice(vocabulary) for _ in range(rng.randint(120, 400))]
        spots = sorted(rng.sample(range(len(words)), rng.randint(1, 6)))
        chosen = [rng.choice(entities) for _ in spots]
        for at, (_, name) in zip(spots, chosen, strict=True):
            words[at] = name
        # Four paragraphs, so the report folds the tail under "Full text".
        quarter = len(words) // 4
        paragraphs = [" ".join(words[k * quarter : (k + 1) * quarter if k < 3 else None]) for k in range(4)]
        body = "\n\n".join(paragraphs)
        mentions = []
        position = 0
        for ident, name in chosen:
            start = body.index(name, position)
            mentions.append(
                Mention("body", start, start + len(name), name, ident, "ORG", name, "en", name, "exact")
            )
            position = start + len(name)
        date = dt.date(2025, 1 + i % 12, 1 + i % 28)
        out.append(
            Article(
                id=f"a{i}",
                title=f"Story {i} {words[0]}",
                body=body,
                lang="en",
                mentions=tuple(mentions),
                date=date,
            )
        )
    return out


def baseline_writer(revision: str) -> Writer:
    """``write_report`` of the report module at git ``revision``, with that revision's template files."""

    def show(path: str) -> str:
        return subprocess.run(
            ["git", "-C", str(ROOT), "show", f"{revision}:{path}"],
            check=True,
            capture_output=True,
            text=True,
            encoding="utf-8",
        ).stdout

    module = types.ModuleType(f"report_{revision}")
    exec(compile(show("src/mediamon/report.py"), f"{revision}:report.py", "exec"), module.__dict__)
    files = {
        name: show(f"src/mediamon/data/report/{name}") for name in ("report.html", "report.css", "report.js")
    }
    module.__dict__["_data"] = files.__getitem__
    # Its notes for a chart it cannot draw (no matplotlib) are gone from today's messages.
    notes = {"REPORT_NO_CHART": "chart not drawn", "REPORT_CHART_RANGE": "chart not drawn"}
    module.__dict__["Msg"] = types.SimpleNamespace(**notes)

    def write(articles: list[Article], path: Path) -> None:
        module.write_report(articles, path, max_articles=len(articles))

    return write


def current_writer(articles: list[Article], path: Path) -> None:
    report.write_report(articles, path, max_articles=len(articles))


CLICK = """(selector) => { const node = document.querySelector(selector);
    const t0 = performance.now(); node.click(); document.body.offsetHeight;
    return performance.now() - t0; }"""


def measure(browser: Any, path: Path, rounds: int) -> dict[str, list[float]]:
    figures: dict[str, list[float]] = {"load": [], "filter": [], "more": [], "full": [], "dom": []}
    for _ in range(rounds):
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        errors: list[str] = []
        page.on("pageerror", lambda error, errors=errors: errors.append(str(error)))
        page.goto(path.as_uri(), wait_until="load", timeout=600_000)
        figures["load"].append(
            page.evaluate(
                "() => { const t = performance.getEntriesByType('navigation')[0];"
                " return t.loadEventEnd - t.startTime; }"
            )
        )
        figures["dom"].append(page.evaluate("() => document.getElementsByTagName('*').length"))
        figures["full"].append(page.evaluate(CLICK, "#article-list details.more > summary"))
        figures["more"].append(page.evaluate(CLICK, "#article-more"))
        for index in range(1, 6):
            figures["filter"].append(page.evaluate(CLICK, f"#entities li:nth-child({index}) button.entity"))
        if errors:
            raise SystemExit(f"{path}: the page's script failed: {errors[0]}")
        page.close()
    return figures


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):,.0f} ({min(values):,.0f}–{max(values):,.0f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--baseline", default="03ede67", help="git revision of the baseline page design")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    if executable is None:
        raise SystemExit("Chromium not found (apt-get install chromium, or set MEDIAMON_CHROMIUM)")
    designs: dict[str, Writer] = {
        f"{args.baseline} (markup)": baseline_writer(args.baseline),
        "now (data block)": current_writer,
    }
    folder = Path(tempfile.mkdtemp(prefix="bench-report-"))
    print(f"Chromium {executable}; median (range) of {args.rounds} loads, 5 filter clicks per load; ms")
    heads = (
        "articles",
        "page",
        "MB",
        "MB gz",
        "write s",
        "DOM",
        "load",
        "filter click",
        "show more",
        "full text",
    )
    print(f"{heads[0]:>8} {heads[1]:18} {heads[2]:>6} {heads[3]:>6} {heads[4]:>7} {heads[5]:>7}", end="")
    print("".join(f" {h:>20}" for h in heads[6:]))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=BROWSER_ARGS)
        try:
            for n in args.articles:
                articles = corpus(n)
                for index, (name, writer) in enumerate(designs.items()):
                    path = folder / f"{n}-{index}.html"
                    start = time.process_time()
                    writer(articles, path)
                    cpu = time.process_time() - start
                    size = os.path.getsize(path)
                    packed = len(gzip.compress(path.read_bytes(), 6))
                    figures = measure(browser, path, args.rounds)
                    dom = statistics.median(figures["dom"])
                    print(
                        f"{n:8,} {name:18} {size / 1e6:6.1f} {packed / 1e6:6.1f} {cpu:7.1f} {dom:7,.0f}",
                        end="",
                    )
                    print("".join(f" {spread(figures[k]):>20}" for k in ("load", "filter", "more", "full")))
        finally:
            browser.close()


if __name__ == "__main__":
    main()
