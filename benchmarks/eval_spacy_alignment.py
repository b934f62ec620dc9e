"""How mediamon's mentions land on spaCy Docs: exact token alignment vs expanded to tokens.

For each input (default: the bundled sample dump), annotates with the bundled gazetteers,
makes Docs with ``Corpus.to_spacy()`` (blank pipelines by article language) and counts,
per article language, the mentions whose exact character span is token-aligned
(``doc.char_span`` gives a Span) and those the component expanded (an attached proclitic),
and checks that every mention became a Span. Needs spaCy (``pip install "mediamon[spacy]"``).

    python benchmarks/eval_spacy_alignment.py [INPUT...]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import mediamon

SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "000_ee85a602ba24a7e5.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("inputs", nargs="*", default=[str(SAMPLE)])
    corpus = mediamon.read(parser.parse_args().inputs).annotate()
    tally: Counter[tuple[str, str]] = Counter()
    for doc, article in zip(corpus.to_spacy(), corpus, strict=True):
        side = article.lang
        tally[side, "mentions"] += len(article.mentions)
        for span in doc.spans["mediamon"]:
            tally[side, "spans"] += 1
            exact = doc.char_span(*span._.mediamon_chars) is not None
            tally[side, "exact" if exact else "expanded"] += 1
    print(f"{'lang':<6}{'mentions':>10}{'spans':>8}{'exact':>8}{'expanded':>10}")
    for lang in sorted({lang for lang, _ in tally}):
        row = [tally[lang, k] for k in ("mentions", "spans", "exact", "expanded")]
        print(f"{lang:<6}{row[0]:>10}{row[1]:>8}{row[2]:>8}{row[3]:>10}")


if __name__ == "__main__":
    main()
