"""HTML pages per second: mediamon's HTML reader against trafilatura alone (the floor), in one run.

mediamon reads a page with trafilatura and then does more (the page's text blocks, what
was set aside and why, a fallback date, several articles per page), so trafilatura's own
extraction with the same options is the floor it cannot beat; the table shows how close
it stays. Rows:

- **trafilatura**: ``bare_extraction(page, with_metadata=True, include_comments=True)``
  on the page's text, with the options mediamon passes;
- **mediamon html_items**: ``mediamon.io.html.html_items`` on the same text, consumed;
- **mediamon read()**: ``mediamon.read`` on the pages written as ``.html`` files
  (detection, decoding and file handling included).

Pages: built from the paragraphs of ``examples/000_ee85a602ba24a7e5.txt`` (English and
Arabic news), each page a different window of them (so no two pages share their text),
inside a page template with a script and a style sheet, a 60-link menu (in the header and
the footer), a related-links list and comments, so that a page weighs about as much as a
saved news page (some 20 kB).
Times are process CPU time; each engine is primed on a few pages first, then the whole
set is timed ``--repeat`` times: the best pass gives pages/s, the spread is the slowest
pass's time over the best.

    python benchmarks/bench_html.py               # 300 pages, 3 passes
    python benchmarks/bench_html.py --pages 100 --repeat 2
    python benchmarks/bench_html.py --warc-mb 500  # streaming: peak memory reading a 500 MB crawl

``--warc-mb N`` instead writes a gzip WARC of about N MB (the pages as responses, with a
1 MB image response after each, so most of the bytes are records to skip), runs
``mediamon segment`` on it in a subprocess and prints its CPU time and peak RSS next to the
file's size: a crawl is read one record at a time, so the peak stays far below the size.
"""

from __future__ import annotations

import argparse
import html
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "000_ee85a602ba24a7e5.txt"
TEMPLATE = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title} | Bench News</title>
<meta property="og:site_name" content="Bench News"><meta name="author" content="Desk {n}">
<meta property="article:published_time" content="2024-{month:02d}-{day:02d}T08:00:00Z">
<link rel="canonical" href="https://bench.example/{n}">
<script>{script}</script><style>{style}</style></head>
<body><nav><ul>{menu}</ul></nav>
<article><h1>{title}</h1>{paragraphs}</article>
<aside class="related"><h3>Related</h3><ul>{related}</ul></aside>
<section class="comments"><h3>Comments</h3>{comments}</section>
<footer><ul>{menu}</ul><p>Bench News {n}, all rights reserved</p></footer></body></html>
"""


def pages(count: int) -> list[str]:
    """``count`` distinct pages from windows of the sample's paragraphs."""
    lines = [
        line.strip() for line in SAMPLE.read_text(encoding="utf-8").splitlines() if len(line.strip()) > 40
    ]
    out = []
    for n in range(count):
        start = (n * 7) % len(lines)
        window = [lines[(start + k) % len(lines)] for k in range(8)]
        arabic = sum(c >= "\u0600" for c in window[0]) > len(window[0]) // 3
        body = "".join(f"<p>{html.escape(p)} ({n}.{k})</p>" for k, p in enumerate(window[1:6]))
        related = "".join(
            f"<li><a href='/r/{n}/{k}'>{html.escape(p[:60])}</a></li>" for k, p in enumerate(window[6:])
        )
        comments = f"<div class='comment'><p>Reader {n} says: {html.escape(window[-1][:80])}</p></div>"
        menu = "".join(f"<li><a href='/s/{k}'>Section {k} {n % 5}</a></li>" for k in range(60))
        out.append(
            TEMPLATE.format(
                script=f"var page = {n};" + "function f(x){return x*2;}" * 120,
                style=".a{color:red}" * 200,
                menu=menu,
                lang="ar" if arabic else "en",
                title=html.escape(window[0][:90]),
                n=n,
                month=n % 12 + 1,
                day=n % 28 + 1,
                paragraphs=body,
                related=related,
                comments=comments,
            )
        )
    return out


def timed(run: Callable[[], object], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        run()
        times.append(time.process_time() - start)
    return times


def warc_run(texts: list[str], megabytes: int) -> None:
    """Peak memory and time of ``mediamon segment`` on a crawl of about ``megabytes`` MB."""
    import io
    import os
    import resource
    import subprocess
    import sys

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = Path(tempfile.mkdtemp(prefix="mediamon-bench-warc-")) / "crawl.warc.gz"
    image = os.urandom(1 << 20)  # random bytes do not compress: the file is as big as it says
    pages = 0
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        while out.tell() < megabytes * 1_000_000:
            text = texts[pages % len(texts)]
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            payload = io.BytesIO(text.encode("utf-8"))
            url = f"https://bench.example/{pages}"
            writer.write_record(
                writer.create_warc_record(url, "response", payload=payload, http_headers=headers)
            )
            png = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
            blob = io.BytesIO(image)
            writer.write_record(
                writer.create_warc_record(f"{url}.png", "response", payload=blob, http_headers=png)
            )
            pages += 1
    size = path.stat().st_size / 1e6
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(
        [sys.executable, "-m", "mediamon", "segment", "-q", str(path)], stdout=subprocess.DEVNULL, check=False
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    print(f"WARC {size:.0f} MB, {pages} HTML responses and {pages} image responses; exit {done.returncode}")
    print(f"mediamon segment: {cpu:.1f} s CPU, peak RSS {after.ru_maxrss / 1024:.0f} MB")
    path.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--warc-mb", type=int, default=0, help="measure streaming on a crawl of this size instead"
    )
    args = parser.parse_args()
    if args.warc_mb:
        warc_run(pages(min(args.pages, 100)), args.warc_mb)
        return

    import trafilatura

    import mediamon
    from mediamon.io.html import _extract, html_items

    texts = pages(args.pages)
    folder = Path(tempfile.mkdtemp(prefix="mediamon-bench-html-"))
    for n, text in enumerate(texts):
        (folder / f"{n:05d}.html").write_text(text, encoding="utf-8")

    def floor() -> None:
        for text in texts:
            _extract(text, None)

    def ours() -> None:
        for n, text in enumerate(texts):
            for _ in html_items(text, path=f"{n}.html"):
                pass

    def read() -> None:
        corpus = mediamon.read(folder)
        assert len(corpus) == len(texts), corpus.problems[:3]

    for text in texts[:5]:  # prime: imports, lxml and trafilatura's first-call set-up
        _extract(text, None)
        list(html_items(text, path="prime.html"))
    rows = [
        (f"trafilatura {trafilatura.__version__} bare_extraction", timed(floor, args.repeat)),
        ("mediamon html_items", timed(ours, args.repeat)),
        ("mediamon read() of .html files", timed(read, args.repeat)),
    ]
    base = min(rows[0][1])
    size = sum(len(t.encode("utf-8")) for t in texts) / len(texts) / 1000
    print(f"{len(texts)} pages (mean {size:.1f} kB), {args.repeat} passes, process CPU time")
    print(f"{'engine':<42} {'pages/s':>9} {'best s':>8} {'spread':>7} {'vs floor':>9}")
    for name, times in rows:
        best = min(times)
        spread, ratio = max(times) / best, best / base
        print(f"{name:<42} {len(texts) / best:>9.1f} {best:>8.2f} {spread:>6.2f}x {ratio:>8.2f}x")


if __name__ == "__main__":
    main()
