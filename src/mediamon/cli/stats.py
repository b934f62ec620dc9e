"""``mediamon stats``: counts by language, source and entity (:meth:`mediamon.Corpus.stats`) of a
JSON Lines file or a store."""

from __future__ import annotations

import argparse

from mediamon.cli.common import EXIT_OK, EXIT_PROBLEMS, read_annotated, report_problems, visible

__all__ = ["add_arguments", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="OUT.jsonl|STORE.db")
    parser.add_argument("--top", type=int, default=20, help="how many entities to list")
    parser.add_argument("--json", action="store_true", help="print the counts as JSON")


def run(args: argparse.Namespace) -> int:
    from mediamon.io.output import json_text

    corpus = read_annotated(args.file)
    result = corpus.stats(top=args.top)
    report_problems(corpus.problems)
    if args.json:
        print(json_text(result, indent=2))
    else:
        print(f"articles  {result['articles']}")
        print(f"mentions  {result['mentions']}")
        if result["dates"]:
            print(f"dates     {result['dates'][0]} .. {result['dates'][1]}")
        for title, counts in (("language", result["languages"]), ("source", result["sources"])):
            print(f"\n{title}")
            for key, n in counts.items():
                print(f"  {n:6d}  {visible(key)}")
        print("\nentity")
        for row in result["entities"]:
            print(visible(f"  {row['mentions']:6d}  {row['id']:<32} {row['type']:<6} {row['name']}"))
    return EXIT_PROBLEMS if corpus.problems else EXIT_OK
