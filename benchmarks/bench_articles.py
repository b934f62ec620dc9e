"""Quick in-process throughput of Annotator.annotate on the sample dump's articles.

Usage: python benchmarks/bench_articles.py [--copies 20] [--rounds 3]

Annotates the 22 articles of examples/000_ee85a602ba24a7e5.txt, repeated, with the
bundled gazetteers; prints the best of several rounds in MB/s of process CPU time and the
mention count (which must not change when the code is only made faster). For comparisons
between engines use bench_annotate.py; this one is for before/after checks of a change.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import mediamon

SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "000_ee85a602ba24a7e5.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    annotator = mediamon.Annotator()
    _ = annotator.compiled
    articles = list(mediamon.read_dump(SAMPLE)) * args.copies
    size = sum(len(a.title.encode()) + len(a.body.encode()) for a in articles)
    best = 0.0
    mentions = 0
    for _round in range(args.rounds):
        start = time.process_time()
        done = [annotator.annotate(a) for a in articles]
        best = max(best, size / (time.process_time() - start) / 1e6)
        mentions = sum(len(a.mentions) for a in done)
    print(
        f"{len(articles)} articles, {size / 1e6:.2f} MB: {best:.2f} MB/s (best of {args.rounds}), "
        f"{mentions} mentions, {mediamon.engine.name()} engine"
    )


if __name__ == "__main__":
    main()
