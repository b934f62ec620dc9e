"""``mediamon candidates INPUT... [-o FILE.jsonl]``: discovered names for review.

Inputs are read (our annotated JSON Lines keep their mentions; anything else is
annotated here with discovery on); the names no gazetteer lists are ranked by how many
articles and outlets name them. Without ``-o`` a table goes to standard output; with
``-o new.jsonl`` they are written as a gazetteer file that ``-g new.jsonl`` loads.
"""

from __future__ import annotations

import argparse
import os
import sys

from mediamon.errors import Msg, UsageError

__all__ = ["add_parser", "run"]


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The ``candidates`` subcommand's arguments."""
    p = sub.add_parser("candidates", help="names no gazetteer lists, ranked for review")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="dumps, records or our annotated .jsonl")
    p.add_argument("-o", "--output", metavar="FILE.jsonl", help="write them as a gazetteer (JSON Lines)")
    p.add_argument("-g", "--gazetteer", action="append", default=[], metavar="GAZ", help="a gazetteer file")
    p.add_argument("--no-default", action="store_true", help="do not load the bundled gazetteers and plugins")
    p.add_argument("--top", type=int, metavar="N", help="at most N names (default all)")
    p.add_argument(
        "--min-articles", type=int, default=1, metavar="N", help="only names in N articles or more"
    )
    p.add_argument("--encoding", help="input encoding (default: detected)")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def run(args: argparse.Namespace) -> int:
    """List (or write) the candidates; 1 when inputs had problems, as other commands do."""
    from mediamon.corpus import Corpus
    from mediamon.io.inputs import read
    from mediamon.match.annotate import Annotator
    from mediamon.match.candidates import write_gazetteer

    if args.output is not None:
        if not args.output.lower().endswith(".jsonl"):
            raise UsageError(Msg.CANDIDATES_SUFFIX, path=args.output)
        for name in args.inputs:
            if name != "-" and os.path.exists(args.output) and _same_file(name, args.output):
                raise UsageError(Msg.OUTPUT_IS_INPUT.format(input=name), path=args.output)
    if args.no_default and not args.gazetteer:
        raise UsageError(Msg.USAGE_NO_DEFAULT)
    for name in args.gazetteer:
        if not os.path.isfile(name):
            raise UsageError(Msg.NOT_FOUND, path=name)
    corpus = read(args.inputs, encoding=args.encoding)
    for problem in corpus.problems:
        print(f"mediamon: {problem}", file=sys.stderr)
    annotator = Annotator(args.gazetteer, default=not args.no_default, discover=True)
    fresh = Corpus([a for a in corpus if not a.mentions])
    kept = [a for a in corpus if a.mentions]
    articles = [*kept, *fresh.annotate(annotator)]
    from mediamon.match.candidates import candidates

    found = [c for c in candidates(articles, annotator.gazetteer) if c.articles >= args.min_articles]
    if args.top is not None:
        found = found[: args.top]
    if args.output is not None:
        count = write_gazetteer(found, args.output)
        if not args.quiet:
            print(f"mediamon: {count} candidate name(s) written to {args.output}", file=sys.stderr)
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
    return 1 if corpus.problems else 0
