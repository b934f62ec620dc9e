"""FIGNEWS one-sided entity ids, post by post: what one MT side matched and the other did not.

``eval_entities.py`` gives the agreement and, per id, how many posts have it on one side
only with the matched texts over the whole file. This lists the posts themselves: for each
one-sided id (most frequent first, or the ``--id`` ones), every post where one side has it
and the other not, with the alias matched in its context (``[[...]]`` marks the span) and,
for the side without it, the ids it did find and the start of its text, so a translation
difference, a missing alias and a false hit can be told apart.

    python benchmarks/fignews_sides.py                      # the 10 commonest one-sided ids
    python benchmarks/fignews_sides.py --id org:idf --id media:anadolu
    python benchmarks/fignews_sides.py --top 20 --posts 5 --context 50
    python benchmarks/fignews_sides.py --side en            # ids found on the English side only
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import eval_entities

from mediamon import Annotator
from mediamon.model import Mention

SIDES = ("en", "ar")


@dataclass(frozen=True)
class OneSided:
    """One post where ``entity_id`` is found on ``side`` only."""

    post: str
    side: str
    entity_id: str
    hits: tuple[str, ...]  # each matched alias in its context
    other_text: str
    other_ids: tuple[str, ...]


def in_context(text: str, m: Mention, width: int) -> str:
    before = text[max(0, m.start - width) : m.start]
    after = text[m.end : m.end + width]
    return " ".join(f"{before}[[{text[m.start : m.end]}]]{after}".split())


def one_sided(
    annotator: Annotator, rows: Sequence[Mapping[str, str]], width: int
) -> dict[str, list[OneSided]]:
    """id -> the posts where it is found on one side only (``eval_entities.post_mentions``)."""
    found: dict[str, list[OneSided]] = {}
    for row in rows:
        texts = [row[column] or "" for column, _ in eval_entities.FIGNEWS_SIDES]
        mentions = eval_entities.post_mentions(annotator, row)
        ids = [{m.entity_id for m in side} for side in mentions]
        for i, side in enumerate(SIDES):
            other = 1 - i
            for eid in sorted(ids[i] - ids[other]):
                hits = tuple(in_context(texts[i], m, width) for m in mentions[i] if m.entity_id == eid)
                found.setdefault(eid, []).append(
                    OneSided(
                        post=f"{row.get('Batch', '')}/{row.get('ID', '')}",
                        side=side,
                        entity_id=eid,
                        hits=hits,
                        other_text=" ".join(texts[other].split())[: 3 * width],
                        other_ids=tuple(sorted(ids[other])),
                    )
                )
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--file", type=Path, help="a FIGNEWS TSV (default: the IAA file, else the sample)")
    parser.add_argument("--id", action="append", help="only these ids (repeatable)")
    parser.add_argument("--top", type=int, default=10, help="the N commonest one-sided ids (default 10)")
    parser.add_argument("--posts", type=int, default=0, help="at most N posts per id (default all)")
    parser.add_argument("--context", type=int, default=40, help="characters of context each side (40)")
    parser.add_argument("--side", choices=SIDES, help="only posts where this side has the id")
    args = parser.parse_args(argv)
    path = args.file or (
        eval_entities.FIGNEWS_FULL if eval_entities.FIGNEWS_FULL.exists() else eval_entities.FIGNEWS_SAMPLE
    )
    annotator = Annotator()
    names = {e.id: e.name for e in annotator.gazetteer}
    found = one_sided(annotator, eval_entities.read_fignews(path), args.context)
    if args.side:
        found = {eid: [p for p in posts if p.side == args.side] for eid, posts in found.items()}
        found = {eid: posts for eid, posts in found.items() if posts}
    chosen = args.id or sorted(found, key=lambda eid: (-len(found[eid]), eid))[: args.top]
    print(f"# one-sided ids on {path.name}\n")
    for eid in chosen:
        posts = found.get(eid, [])
        counts = {side: sum(p.side == side for p in posts) for side in SIDES}
        print(f"## {eid} ({names.get(eid, '?')}): only en {counts['en']}, only ar {counts['ar']}\n")
        for p in posts[: args.posts or None]:
            print(f"- {p.post} only {p.side}: " + " | ".join(f"`{h}`" for h in p.hits))
            print(f"  - other side ({', '.join(p.other_ids) or 'no ids'}): {p.other_text}")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
