"""``mediamon search``: words in either script, entity aliases, over a ``.db`` store."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from mediamon.cli.common import EXIT_OK, EXIT_PROBLEMS, count, report_problems, say, store_errors, visible
from mediamon.errors import Msg, UsageError

__all__ = ["add_arguments", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("db", metavar="DB", help="a store written with -o FILE.db")
    parser.add_argument(
        "query", nargs="+", metavar="QUERY", help='words (all must occur; "a phrase" in quotes)'
    )
    parser.add_argument("--entity", metavar="ID", help="only articles mentioning this entity id")
    parser.add_argument("--since", metavar="DATE", help="only articles dated on or after (YYYY-MM-DD)")
    parser.add_argument("--until", metavar="DATE", help="only articles dated on or before (YYYY-MM-DD)")
    parser.add_argument("--limit", type=int, default=20, metavar="N", help="at most N hits (default 20)")
    parser.add_argument("--json", action="store_true", help="print the hits as JSON Lines")
    parser.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")


def run(args: argparse.Namespace) -> int:
    import warnings

    from mediamon.io.output import json_text
    from mediamon.store import Store

    if args.limit < 1:
        raise UsageError(Msg.BAD_LIMIT.format(value=args.limit))
    args.limit = min(args.limit, sys.maxsize)  # more than SQLite's 64 bits means all of them
    query = " ".join(args.query)
    if not query.strip():
        raise UsageError(Msg.SEARCH_EMPTY)
    with (
        Store(args.db, readonly=True) as store,
        store_errors(args.db),
        warnings.catch_warnings(record=True) as caught,
    ):
        warnings.simplefilter("always")
        try:
            hits = store.search(
                query, entity=args.entity, since=args.since, until=args.until, limit=args.limit
            )
        except ValueError as exc:
            raise UsageError(str(exc)) from exc
    for warning in caught:
        say(f"{args.db}: note: {warning.message}")
    report_problems(store.problems)
    for hit in hits:
        article = hit.article
        date = article.date.isoformat() if article.date else "undated"
        if args.json:
            row: dict[str, Any] = {
                "id": article.id,
                "date": article.date.isoformat() if article.date else None,
                "source": article.source,
                "title": article.title,
                "url": article.url,
                "lang": article.lang,
                "by": list(hit.by),
                "snippet": hit.snippet(),
            }
            print(json_text(row))
        else:
            title = " ".join(article.title.split())
            print(visible(f"{article.id}  {date}  {article.source or '-'}  {title}"))
            print(f"    {visible(hit.snippet())}")
    if not args.quiet:
        print(f"mediamon: {count(len(hits), 'hit')}", file=sys.stderr)
    return EXIT_PROBLEMS if store.problems else EXIT_OK
