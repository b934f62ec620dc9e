"""``mediamon report``: one self-contained HTML page of the inputs, annotated where they are not yet."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from mediamon.cli.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    add_annotator_options,
    add_reading_options,
    check_annotator_options,
    check_outputs,
    count,
    make_annotator,
    report_problems,
    say,
    store_errors,
    write,
)
from mediamon.errors import Msg, Problem, UsageError

if TYPE_CHECKING:
    from mediamon.match.annotate import Annotator
    from mediamon.model import Article

__all__ = ["add_arguments", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="dumps or records (annotated here), our .jsonl output or a .db store (kept as annotated)",
    )
    parser.add_argument(
        "-o", "--output", required=True, metavar="REPORT.html", help="the page to write (- for stdout)"
    )
    add_annotator_options(parser)
    add_reading_options(parser)
    parser.add_argument("--title", default="mediamon report", help="the page's title")
    parser.add_argument(
        "--top", type=int, default=10, metavar="N", help="entities listed per type (default 10)"
    )
    parser.add_argument(
        "--max-articles",
        type=int,
        default=1000,
        metavar="N",
        help="articles listed, newest first (default 1000; counts and the chart cover them all)",
    )
    parser.add_argument(
        "--dedupe",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="keep one of each group of near-copies and show how many were absorbed (default on)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress or summary on stderr")


def run(args: argparse.Namespace) -> int:
    from mediamon.corpus import Corpus
    from mediamon.io.inputs import check_encoding, read
    from mediamon.report import write_report
    from mediamon.store import STORE_SUFFIXES, read_store

    check_encoding(args.encoding)
    check_annotator_options(args)
    for limit in (args.top, args.max_articles):
        if limit < 1:
            raise UsageError(Msg.BAD_LIMIT.format(value=limit))
    for name in args.inputs:
        if name.lower().endswith(STORE_SUFFIXES) and not os.path.isfile(name):
            raise UsageError(Msg.NOT_FOUND, path=name)
    check_outputs(args.inputs, [("-o", args.output)])
    progress = not args.quiet and sys.stderr.isatty()
    annotator: Annotator | None = None
    articles: list[Article] = []
    problems: list[Problem] = []
    for name in args.inputs:
        if name.lower().endswith(STORE_SUFFIXES):
            with store_errors(name):
                corpus = Corpus(read_store(name, on_problem=problems.append))
        else:
            corpus = read(name, encoding=args.encoding, day_first=not args.month_first, progress=progress)
            problems.extend(corpus.problems)
        if any(a.mentions for a in corpus):
            # Annotated before (our JSON Lines, a store): kept as it is, never annotated twice.
            if args.gazetteer or args.no_default:
                say(f"{name}: note: already annotated; its mentions are kept")
        elif len(corpus):
            if annotator is None:
                annotator = make_annotator(args)
            corpus = corpus.annotate(annotator, jobs=args.jobs)
        articles.extend(corpus)
    write(
        lambda: write_report(
            articles,
            args.output,
            title=args.title,
            inputs=args.inputs,
            top=args.top,
            max_articles=args.max_articles,
            dedupe=args.dedupe,
        ),
        args.output,
    )
    report_problems(problems)
    if not args.quiet and args.output != "-":
        mentions = sum(len(a.mentions) for a in articles)
        print(
            f"mediamon: report of {count(len(articles), 'article')}, {count(mentions, 'mention')}"
            f" written to {args.output}",
            file=sys.stderr,
        )
    return EXIT_PROBLEMS if problems else EXIT_OK
