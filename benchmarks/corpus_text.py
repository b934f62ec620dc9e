"""Large inputs of real text that does not repeat, for the ``--jobs`` and scaling benchmarks.

The shared data holds about 7 MB of distinct real news text (the sample dump, the Tehran Times
articles, the FIGNEWS-2024 posts in five languages and their English and Arabic translations,
the NewsFANE Arabic and GUM English gold sentences). Copies of it would repeat every paragraph,
and repeated text measures caches rather than work, so the inputs here are built from its
*sentences*: shuffled with a fixed seed, each paragraph 2-4 consecutive sentences of the
shuffled stream of one language pool (English, Arabic, the other FIGNEWS languages; each
pool's share of the articles its share of the text), each article a title, a date and 3-8
paragraphs. No paragraph
occurs twice (checked as the text is made; a sentence recurs in different company once the
pool is used up, about every 3.8 MB). The same arguments give the same bytes.

Written as plain-text dumps (the sample's layout: title, date, title again, byline,
paragraphs) or as JSON Lines records (``id``, ``title``, ``date``, ``body``).
"""

from __future__ import annotations

import csv
import datetime
import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

import attrs
from bench_pipeline import FIGNEWS, FIGNEWS_SAMPLE, SAMPLE, SHARED, TEHRAN

GOLD = SHARED / "eval" / "gold"

POOLS = ("en", "ar", "other")
_SENTENCE_END = re.compile(r"(?<=[.!?\u061f\u06d4])\s+")
_MONTHS = tuple(datetime.date(2000, month, 1).strftime("%B") for month in range(1, 13))


def _sentences(text: str) -> Iterator[str]:
    for line in text.splitlines():
        for piece in _SENTENCE_END.split(line.strip()):
            words = piece.split()
            if len(words) >= 4:
                yield " ".join(words)


def _gold(name: str) -> Iterator[str]:
    path = GOLD / name
    if not path.exists():
        return
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            yield from _sentences(json.loads(line)["text"])


def sentence_pools() -> dict[str, list[str]]:
    """The distinct sentences of the shared data by language pool (en, ar, other), in file order."""
    pools: dict[str, dict[str, None]] = {key: {} for key in POOLS}
    english = [SAMPLE.read_text(encoding="utf-8")]
    if TEHRAN.is_dir():
        english += [p.read_text(encoding="utf-8") for p in sorted(TEHRAN.glob("*.txt"))]
    for text in english:
        pools["en"].update(dict.fromkeys(_sentences(text)))
    table = FIGNEWS if FIGNEWS.exists() else FIGNEWS_SAMPLE
    with table.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            pools["en"].update(dict.fromkeys(_sentences(row["English MT"])))
            pools["ar"].update(dict.fromkeys(_sentences(row["Arabic MT"])))
            source = row["Source Language"]
            key = "en" if source == "English" else "ar" if source == "Arabic" else "other"
            pools[key].update(dict.fromkeys(_sentences(row["Text"])))
    for name in ("en_gum_train.jsonl", "en_gum_news_dev.jsonl"):
        pools["en"].update(dict.fromkeys(_gold(name)))
    pools["ar"].update(dict.fromkeys(_gold("ar_newsfane_dev.jsonl")))
    return {key: list(found) for key, found in pools.items()}


@attrs.define
class _Stream:
    """One pool's sentences, reshuffled (seeded) each time it is used up."""

    pool: list[str]
    rng: random.Random
    order: list[str] = attrs.field(factory=list)

    def take(self, n: int) -> list[str]:
        out = []
        for _ in range(n):
            if not self.order:
                self.order = self.pool[:]
                self.rng.shuffle(self.order)
            out.append(self.order.pop())
        return out


@attrs.frozen
class Piece:
    """One generated article."""

    number: int
    title: str
    date: datetime.date
    paragraphs: tuple[str, ...]


def articles(seed: int = 19) -> Iterator[Piece]:
    """Generated articles, without end; no paragraph twice."""
    rng = random.Random(seed)
    pools = sentence_pools()
    streams = {key: _Stream(pool, random.Random(f"{seed}-{key}")) for key, pool in pools.items() if pool}
    keys = list(streams)
    # Each pool's share of the articles is its share of the text, so every sentence recurs
    # after about the same amount of output (the pool's total size, ~3.8 MB).
    weights = [sum(map(len, pools[key])) for key in keys]
    seen: set[str] = set()
    day = datetime.date(2019, 1, 1)
    number = 0
    while True:
        stream = streams[rng.choices(keys, weights)[0]]
        paragraphs: list[str] = []
        wanted = rng.randint(3, 8)
        while len(paragraphs) < wanted:
            paragraph = " ".join(stream.take(rng.randint(2, 4)))
            if paragraph in seen:
                continue
            seen.add(paragraph)
            paragraphs.append(paragraph)
        words = stream.take(1)[0].rstrip(".!?\u061f").split()
        title = " ".join(words[: rng.randint(5, 12)])
        number += 1
        yield Piece(number, title, day + datetime.timedelta(days=number // 7), tuple(paragraphs))


def dump_text(piece: Piece, rng: random.Random) -> str:
    """One article laid out as in the sample dump."""
    date = f"{_MONTHS[piece.date.month - 1]} {piece.date.day}, {piece.date.year}"
    head = [piece.title, date, piece.title]
    if rng.random() < 0.5:
        head.append("By Staff, Agencies")
    return "\n\n".join((*head, *piece.paragraphs)) + "\n\n"


def record_line(piece: Piece) -> str:
    record = {
        "id": f"gen-{piece.number}",
        "title": piece.title,
        "date": piece.date.isoformat(),
        "body": "\n\n".join(piece.paragraphs),
    }
    return json.dumps(record, ensure_ascii=False) + "\n"


def write_inputs(folder: Path, kind: str, megabytes: float, seed: int = 19) -> list[Path]:
    """Write ``megabytes`` of generated text into ``folder``: ``files`` (dumps and JSON Lines files
    of about 100-240 kB each, alternating), ``dump`` (one dump) or ``jsonl`` (one record file)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = int(megabytes * 1e6)
    rng = random.Random(f"{seed}-{kind}-layout")
    source = articles(seed)
    paths: list[Path] = []
    written = 0
    while written < target:
        suffix = {"dump": ".txt", "jsonl": ".jsonl"}.get(kind) or (
            ".txt" if len(paths) % 2 == 0 else ".jsonl"
        )
        limit = target if kind != "files" else rng.randint(100_000, 240_000)
        path = folder / f"{kind}-{len(paths):04d}{suffix}"
        size = 0
        with path.open("w", encoding="utf-8") as out:
            while size < limit and written + size < target:
                piece = next(source)
                text = dump_text(piece, rng) if suffix == ".txt" else record_line(piece)
                out.write(text)
                size += len(text.encode("utf-8"))
        paths.append(path)
        written += size
    return paths
