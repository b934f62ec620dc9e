"""``mediamon candidates INPUT... [-o FILE.jsonl]``: discovered names for review.

Inputs are read (our annotated JSON Lines keep their mentions; anything else is
annotated here with discovery on); the names no gazetteer lists are ranked by how many
articles and outlets name them (:meth:`mediamon.Corpus.candidates`). Without ``-o`` a
list goes to standard output; with ``-o new.jsonl`` they are written as a gazetteer file
that ``-g new.jsonl`` loads.
"""

from __future__ import annotations

import argparse
import sys

from mediamon.cli.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    add_annotator_options,
    add_reading_options,
    check_annotator_options,
    check_outputs,
    make_annotator,
    report_problems,
    writing,
)
from mediamon.errors import Msg, UsageError

__all__ = ["add_arguments", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``candidates`` command's arguments."""
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="dumps, records or our annotated .jsonl")
    parser.add_argument("-o", "--output", metavar="FILE.jsonl", help="write them as a gazetteer (JSON Lines)")
    add_annotator_options(parser)
    add_reading_options(parser)
    parser.add_argument("--top", type=int, metavar="N", help="at most N names (default all)")
    parser.add_argument(
        "--min-articles", type=int, default=1, metavar="N", help="only names in N articles or more"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")


def run(args: argparse.Namespace) -> int:
    """List (or write) the candidates; 1 when inputs had problems, as other commands do."""
    from mediamon.corpus import Corpus
    from mediamon.io.inputs import read
    from mediamon.match.candidates import candidates, write_gazetteer

    if args.output is not None:
        if not args.output.lower().endswith(".jsonl"):
            raise UsageError(Msg.CANDIDATES_SUFFIX, path=args.output)
        check_outputs(args.inputs, [("-o", args.output)])
    check_annotator_options(args)
    args.discover = True
    corpus = read(args.inputs, encoding=args.encoding, day_first=not args.month_first)
    report_problems(corpus.problems)
    annotator = make_annotator(args)
    kept = [a for a in corpus if a.mentions]
    fresh = Corpus([a for a in corpus if not a.mentions]).annotate(annotator, jobs=args.jobs)
    found = [c for c in candidates([*kept, *fresh], annotator.gazetteer) if c.articles >= args.min_articles]
    if args.top is not None:
        found = found[: args.top]
    if args.output is not None:
        with writing(args.output):
            written = write_gazetteer(found, args.output)
        if not args.quiet:
            print(f"mediamon: {written} candidate name(s) written to {args.output}", file=sys.stderr)
    else:
        for rank, c in enumerate(found, 1):
            spellings = " / ".join(f"{lang}: {', '.join(names[:3])}" for lang, names in c.names.items())
            dates = f"{c.first_seen or '?'}..{c.last_seen or '?'}"
            print(
                f"{rank}. {c.name} [{c.type}] {c.id}: {c.articles} article(s), {c.outlets} outlet(s), {dates}"
            )
            print(f"   spellings: {spellings}")
            if c.similar:
                print(f"   may be: {', '.join(c.similar)}")
            for context in c.contexts:
                print(f"   | {context}")
    return EXIT_PROBLEMS if corpus.problems else EXIT_OK
