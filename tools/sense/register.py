"""Train the Arabic register model: does a sentence read as news or as ordinary prose?

Issue 14's sense14 round. A weighty place's word that is also an ordinary word (the class of
``data/ar/weighty_words.json``: الرياض "the gardens", الرباط "the bond", المغرب "sunset"), used
as a clause's subject or object with no grammar that tells the readings apart, is the place
when its sentence reads as news (``SupportModel._sense``, support ``register``). This script
learns that reading from data: a naive Bayes model (binary multinomial, Laplace smoothing,
equal priors) over the normalised words of a sentence, trained on

- **news**: the sentences of the NewsFANE dev gold (``ar_newsfane_dev.jsonl``, CC BY-SA 3.0);
- **ordinary prose**: the sentences of the development traps and the other ordinary Arabic
  texts (``tests/data/eval/ordinary_ar*.txt`` less the held-out ones: ``*_trap_g*``,
  ``*_held_out*``).

Sentences are cut as the support stage cuts them (at ``. ! ? ؟`` and line breaks). The class's
own words (with the article toggled too), digits and one-letter words are no features: the
model reads the words around an ambiguous word, never the word. Every ``--holdout``-th
sentence of each source is left out of training and scored here (the figures printed); the
model trained on the rest is written to ``src/mediamon/data/ar/register.json`` (words seen in
at least ``--min-count`` training sentences, weights rounded to two decimals, sorted keys: the
same inputs give the same bytes), with the threshold (``--threshold``, a log-odds) the
support stage reads.

    python tools/sense/register.py                    # train, report the held-out part, write
    python tools/sense/register.py --check            # exit 1 when the shipped file differs
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from mediamon import lang as languages  # noqa: E402
from mediamon.match.support import _SENTENCE_CUT, _WORD, weighty_words  # noqa: E402

OUT = ROOT / "src" / "mediamon" / "data" / "ar" / "register.json"
EVAL = ROOT / "tests" / "data" / "eval"
SIDE = "ar"
HELD_OUT = ("_trap_g", "_held_out")


def _gold_default() -> Path:
    for up in ROOT.parents:
        found = up / "shared" / "data" / "eval" / "gold" / "ar_newsfane_dev.jsonl"
        if found.exists():
            return found
    return ROOT.parent / "shared" / "data" / "eval" / "gold" / "ar_newsfane_dev.jsonl"


def sentences(text: str) -> Iterator[str]:
    """The sentences of ``text``, cut where the support stage cuts them."""
    for piece in _SENTENCE_CUT.split(text):
        if piece.strip():
            yield piece


def class_words() -> frozenset[str]:
    """The class's keys and their forms with the article toggled (never features)."""
    words = weighty_words(SIDE)
    return words | {w.removeprefix("ال") if w.startswith("ال") else "ال" + w for w in words}


def features(sentence: str, skip: frozenset[str]) -> set[str]:
    """The sentence's normalised words, less the class's words, digits and one-letter words."""
    out = set()
    for match in _WORD.finditer(sentence):
        word = languages.key(SIDE, match.group())
        if len(word) > 1 and not word.isdigit() and word not in skip:
            out.add(word)
    return out


def split(units: Iterable[set[str]], every: int) -> tuple[list[set[str]], list[set[str]]]:
    """(training, held out): every ``every``-th unit held out."""
    train: list[set[str]] = []
    held: list[set[str]] = []
    for i, unit in enumerate(units):
        (held if every and i % every == every - 1 else train).append(unit)
    return train, held


def train(news: list[set[str]], ordinary: list[set[str]], min_count: int) -> dict[str, float]:
    """Each word's log-odds of news over ordinary prose (binary multinomial NB, Laplace 1)."""
    n_news: Counter[str] = Counter(w for unit in news for w in unit)
    n_ord: Counter[str] = Counter(w for unit in ordinary for w in unit)
    vocab = sorted(w for w in n_news.keys() | n_ord.keys() if n_news[w] + n_ord[w] >= min_count)
    total_news = sum(n_news[w] for w in vocab) + len(vocab)
    total_ord = sum(n_ord[w] for w in vocab) + len(vocab)
    return {
        w: round(math.log((n_news[w] + 1) / total_news) - math.log((n_ord[w] + 1) / total_ord), 2)
        for w in vocab
    }


def score(weights: dict[str, float], unit: set[str]) -> float:
    return sum(weights.get(w, 0.0) for w in unit)


def report(
    weights: dict[str, float], news: list[set[str]], ordinary: list[set[str]], threshold: float
) -> str:
    tp = sum(score(weights, u) >= threshold for u in news)
    fp = sum(score(weights, u) >= threshold for u in ordinary)
    return (
        f"held out: news {tp}/{len(news)} read as news ({100 * tp / max(1, len(news)):.1f} %), "
        f"ordinary {fp}/{len(ordinary)} read as news ({100 * fp / max(1, len(ordinary)):.1f} %)"
    )


def build(
    gold: Path, every: int, min_count: int, threshold: float, share: float, least: int, sentence: float
) -> tuple[str, str]:
    skip = class_words()
    news_units = [
        features(s, skip)
        for line in gold.read_text(encoding="utf-8").splitlines()
        if line.strip()
        for s in sentences(json.loads(line)["text"])
    ]
    ord_units = []
    names = []
    for path in sorted(EVAL.glob("ordinary_ar*.txt")):
        if any(mark in path.name for mark in HELD_OUT):
            continue
        names.append(path.name)
        ord_units.extend(features(s, skip) for s in sentences(path.read_text(encoding="utf-8")))
    news_train, news_held = split((u for u in news_units if u), every)
    ord_train, ord_held = split((u for u in ord_units if u), every)
    weights = train(news_train, ord_train, min_count)
    data = {
        "_doc": (
            "Register model of issue 14's sense14 round, written by tools/sense/register.py: each "
            "word's log-odds of a news sentence over a sentence of ordinary prose (naive Bayes, "
            "binary multinomial, Laplace 1, equal priors). A weighty place's word that is also an "
            "ordinary word (weighty_words.json) with no grammar and no place cue telling the readings "
            "apart is the place when the words of its sentence sum to at least 'threshold' "
            "(support 'register'). Derived from NewsFANE Gold 2014 (DEV part): CC BY-SA 3.0 "
            "Unported, attribution Alotaibi & Lee (docs/models.md)."
        ),
        "source": "tools/sense/register.py",
        "licence": "CC BY-SA 3.0 Unported (derived from NewsFANE Gold 2014, Alotaibi & Lee)",
        "trained_on": {
            "news": f"{gold.name}: {len(news_train)} sentences (every {every}th held out)",
            "ordinary": f"{', '.join(names)}: {len(ord_train)} sentences (every {every}th held out)",
        },
        "min_count": min_count,
        "threshold": threshold,
        "min_news_share": share,
        "min_sentences": least,
        "sentence_threshold": sentence,
        "weights": weights,
    }
    text = json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n"
    figures = [f"threshold {t}: " + report(weights, news_held, ord_held, t) for t in (threshold, sentence)]
    return text, "\n".join(figures)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=_gold_default())
    parser.add_argument("--holdout", type=int, default=5, help="every N-th sentence held out")
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--threshold", type=float, default=0.0)
    parser.add_argument("--min-news-share", type=float, default=0.3, help="of a text's sentences")
    parser.add_argument("--min-sentences", type=int, default=4, help="for a text's verdict")
    parser.add_argument("--sentence-threshold", type=float, default=-4.0, help="an alias's sentence")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    text, figures = build(
        args.gold,
        args.holdout,
        args.min_count,
        args.threshold,
        args.min_news_share,
        args.min_sentences,
        args.sentence_threshold,
    )
    print(figures)
    print(
        f"{len(text.encode('utf-8'))} bytes, sha256 {hashlib.sha256(text.encode('utf-8')).hexdigest()[:12]}"
    )
    if args.check:
        return 0 if OUT.exists() and OUT.read_text(encoding="utf-8") == text else 1
    OUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
