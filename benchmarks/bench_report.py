"""The report page at scale in headless Chromium: load time and filter-click latency.

Usage: python benchmarks/bench_report.py [--articles 10000] [--rounds 3]

Makes ``--articles`` synthetic articles (words drawn from a seeded random vocabulary, so no
two bodies repeat; 1 to 6 mentions each of 300 entities), writes the report twice — paged
(what ``mediamon report`` writes) and, as the baseline in the same run, with every article
listed at once (the page before paging) — and opens each in the machine's Chromium
(playwright drives it; ``apt-get install chromium``). Load is navigation start to the end of
the load event; a click is the time from dispatching a click on an entity button to the end
of the next layout (the handler, then ``offsetHeight``). Figures are the median and spread of
``--rounds`` page loads and of 5 clicks per load, wall time in the browser.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from mediamon import report
from mediamon.model import Article, Mention

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.test_report import BROWSER_ARGS, chromium_path


def corpus(n: int, seed: int = 17) -> list[Article]:
    rng = random.Random(seed)
    letters = "abcdefghijklmnopqrstuvwxyz"
    vocabulary = ["".join(rng.choice(letters) for _ in range(rng.randint(3, 9))) for _ in range(20000)]
    entities = [(f"org:e{i}", f"Entity{i}") for i in range(300)]
    out = []
    for i in range(n):
        words = [rng.choice(vocabulary) for _ in range(rng.randint(120, 400))]
        mentions = []
        for _ in range(rng.randint(1, 6)):
            ident, name = rng.choice(entities)
            at = rng.randrange(len(words))
            words[at] = name
            start = len(" ".join(words[:at])) + (1 if at else 0)
            mentions.append(
                Mention("body", start, start + len(name), name, ident, "ORG", name, "en", name, "exact")
            )
        body = " ".join(words[:60]) + "\n\n" + " ".join(words[60:])
        shift = 1  # the paragraph break adds one character after word 60
        cut = len(" ".join(words[:60]))
        fixed = tuple(
            m if m.start < cut else Mention(m.field, m.start + shift, m.end + shift, *_rest(m))
            for m in mentions
        )
        date = f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}"
        out.append(
            Article(
                id=f"a{i}", title=f"Story {i} {words[0]}", body=body, lang="en", mentions=fixed, date=_d(date)
            )
        )
    return out


def _rest(m: Mention) -> tuple[Any, ...]:
    return (m.text, m.entity_id, m.entity_type, m.entity_name, m.lang, m.alias, m.how)


def _d(text: str) -> Any:
    import datetime as dt

    return dt.date.fromisoformat(text)


def measure(browser: Any, path: Path, rounds: int) -> tuple[list[float], list[float]]:
    loads: list[float] = []
    clicks: list[float] = []
    for _ in range(rounds):
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        page.goto(path.as_uri(), wait_until="load", timeout=600_000)
        loads.append(
            page.evaluate(
                "() => { const t = performance.getEntriesByType('navigation')[0];"
                " return t.loadEventEnd - t.startTime; }"
            )
        )
        for index in range(5):
            clicks.append(
                page.evaluate(
                    """(i) => { const b = document.querySelectorAll('#entities button.entity')[i];
                    const t0 = performance.now(); b.click(); document.body.offsetHeight;
                    return performance.now() - t0; }""",
                    index,
                )
            )
        page.close()
    return loads, clicks


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):8.0f} ms  ({min(values):.0f}–{max(values):.0f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    if executable is None:
        raise SystemExit("Chromium not found (apt-get install chromium, or set MEDIAMON_CHROMIUM)")
    articles = corpus(args.articles)
    folder = Path(tempfile.mkdtemp(prefix="bench-report-"))
    pages = {}
    page_size = report._PAGE
    for name, size in (("all listed (baseline)", args.articles + 1), ("paged", page_size)):
        report._PAGE = size
        start = time.process_time()
        path = folder / f"{size}.html"
        report.write_report(articles, path, max_articles=args.articles)
        pages[name] = (path, time.process_time() - start)
    report._PAGE = page_size
    print(f"{args.articles} articles, Chromium {executable}")
    print(
        f"{'page':24} {'MB':>6} {'write (CPU s)':>13}   {'load (median, range)':>28}"
        f"   {'click (median, range)':>28}"
    )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=BROWSER_ARGS)
        try:
            for name, (path, cpu) in pages.items():
                loads, clicks = measure(browser, path, args.rounds)
                size = os.path.getsize(path) / 1e6
                print(f"{name:24} {size:6.1f} {cpu:13.1f}   {spread(loads):>28}   {spread(clicks):>28}")
        finally:
            browser.close()


if __name__ == "__main__":
    main()
