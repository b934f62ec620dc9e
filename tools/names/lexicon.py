"""Write the word-frequency bands the name finder uses as a feature (``data/<lang>/word_freq.json``).

    python tools/names/lexicon.py ar|en [--min-zipf 3]

A name is mostly a rare word, an ordinary word mostly a frequent one: each word of
wordfreq's small list (Speer, wordfreq 3.x; its data is CC BY-SA 4.0) with a Zipf
frequency of at least ``--min-zipf`` is written, normalised as mediamon normalises it,
under its whole Zipf band (``"6"`` holds the words from 6.0 up to 7.0). wordfreq is
needed only here, never at run time.
"""

from __future__ import annotations

import argparse
import json
from importlib.metadata import version
from pathlib import Path

import wordfreq

from mediamon import lang as languages

ROOT = Path(__file__).resolve().parents[2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("lang", choices=languages.CODES)
    parser.add_argument("--min-zipf", type=float, default=3.0)
    args = parser.parse_args(argv)
    normalize = languages.get(args.lang).normalizer.normalize
    bands: dict[str, set[str]] = {}
    best: dict[str, int] = {}
    for word, freq in wordfreq.get_frequency_dict(args.lang, wordlist="small").items():
        zipf = wordfreq.zipf_frequency(word, args.lang, wordlist="small") if freq else 0.0
        if zipf < args.min_zipf:
            continue
        form = normalize(word).strip()
        if not form or " " in form:
            continue
        best[form] = max(best.get(form, 0), int(zipf))
    for form, band in best.items():
        bands.setdefault(str(band), set()).add(form)
    out = {
        "_doc": "Words by whole Zipf-frequency band (band 6: from 6.0 up to 7.0), normalised as mediamon "
        "normalises them; words under band 3 are left out. A feature of the name finder: names are mostly "
        "rare words. Written by tools/names/lexicon.py.",
        "source": f"wordfreq {version('wordfreq')} (Robyn Speer), 'small' word list, language '{args.lang}'",
        "licence": "CC BY-SA 4.0 (wordfreq's data)",
        "bands": {band: sorted(words) for band, words in sorted(bands.items(), reverse=True)},
    }
    path = ROOT / "src" / "mediamon" / "data" / args.lang / "word_freq.json"
    path.write_text(json.dumps(out, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{path}: {len(best)} words", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
