#!/usr/bin/env python3
"""Bake wordfreq's Arabic and English frequencies into mediamon's data (build time only).

    pip install wordfreq==3.1.1 && pip install -e .      # mediamon for its normalisers
    python tools/wordfreq/build_tables.py

Writes ``src/mediamon/data/<lang>/word_frequency.json``: every word of wordfreq's list
for the language with a Zipf frequency of at least ``MIN_ZIPF`` (3.0: once per million
words), keyed by mediamon's normalised form of the word (the form aliases are compared
in), with the largest Zipf value of the words that share a key, to one decimal. The
ambiguity model (``mediamon.match.support``) reads these files at run time, so mediamon
does not depend on wordfreq. wordfreq's data is CC BY-SA 4.0 (Robyn Speer; sources listed
in its README): the generated files carry that licence and this provenance.
"""

from __future__ import annotations

import importlib.metadata
import json
import math
import sys
from pathlib import Path

import wordfreq

import mediamon.lang

ROOT = Path(__file__).resolve().parents[2]
MIN_ZIPF = 3.0
LANGS = ("ar", "en")


def table(lang: str) -> dict[str, float]:
    """Normalised word -> Zipf frequency (max over the words with that key)."""
    normalize = mediamon.lang.get(lang).normalizer.normalize
    out: dict[str, float] = {}
    for word, freq in wordfreq.get_frequency_dict(lang, wordlist="best").items():
        zipf = round(math.log10(freq * 1e9), 1)
        if zipf < MIN_ZIPF:
            continue
        key = normalize(word).strip()
        if key and zipf > out.get(key, 0.0):
            out[key] = zipf
    return dict(sorted(out.items()))


def main() -> int:
    version = importlib.metadata.version("wordfreq")
    for lang in LANGS:
        words = table(lang)
        data = {
            "_doc": (
                f"Zipf word frequencies (log10 of occurrences per billion words) of {lang} words "
                f"with Zipf >= {MIN_ZIPF}, keyed by mediamon's normalised form; written by "
                "tools/wordfreq/build_tables.py. Read by mediamon.match.support to decide "
                "which aliases are also ordinary words."
            ),
            "source": f"wordfreq {version} (https://github.com/rspeer/wordfreq), "
            f"get_frequency_dict('{lang}', wordlist='best')",
            "licence": "CC BY-SA 4.0 (wordfreq data, Robyn Speer); "
            "this file is an adaptation under the same licence",
            "min_zipf": MIN_ZIPF,
            "zipf": words,
        }
        path = ROOT / "src" / "mediamon" / "data" / lang / "word_frequency.json"
        path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"{path.relative_to(ROOT)}: {len(words)} words, {path.stat().st_size // 1000} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
