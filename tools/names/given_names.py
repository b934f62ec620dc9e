"""Write ``src/mediamon/data/en/given_names.json``: English-side given names from the US Census.

    pip download names==0.3.0 --no-deps --no-binary :all: -d /tmp/names_pkg
    python tools/names/given_names.py /tmp/names_pkg/names-0.3.0.tar.gz

The `names` package (PyPI, MIT licence) ships the 1990 US Census first-name tables
(``dist.male.first``, ``dist.female.first``: 1,219 and 4,275 names), public domain data as
its README states. Every name is written, normalised by mediamon's English normaliser and
sorted; which of them the name finder uses (not a frequent word, not a word of a bundled
place or organisation) is decided at run time (``mediamon.match.discover.given_names``),
so the file does not depend on the gazetteers. Same input, same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import tarfile
from pathlib import Path

from mediamon.match.discover import normalize

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "src" / "mediamon" / "data" / "en" / "given_names.json"
TABLES = ("names/dist.male.first", "names/dist.female.first")


def read_names(sdist: Path) -> list[str]:
    """The first column of the census tables inside the sdist, normalised, sorted, unique."""
    out: set[str] = set()
    with tarfile.open(sdist) as tar:
        for member in tar.getmembers():
            if not member.name.endswith(TABLES):
                continue
            handle = tar.extractfile(member)
            if handle is None:
                continue
            for line in handle.read().decode("ascii").splitlines():
                parts = line.split()
                if parts:
                    word = normalize("en", parts[0])
                    if word.isalpha():
                        out.add(word)
    if not out:
        raise SystemExit(f"no census name tables in {sdist}")
    return sorted(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sdist", type=Path, help="names-0.3.0.tar.gz (the PyPI source distribution)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    words = read_names(args.sdist)
    doc = {
        "_doc": "Given names of the English side, a feature and a rule of the name finder "
        "(mediamon.match.discover.given_names adds them to the bundled people's first words, "
        "leaving out frequent words and words of bundled places and organisations). Written by "
        "tools/names/given_names.py.",
        "source": "1990 US Census first-name tables (dist.male.first, dist.female.first) as shipped "
        "in the PyPI package names 0.3.0 (Trey Hunner)",
        "source_sha256": hashlib.sha256(args.sdist.read_bytes()).hexdigest(),
        "licence": "public domain (US Census data; the package's code is MIT)",
        "words": words,
    }
    args.out.write_text(json.dumps(doc, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(words)} names -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
