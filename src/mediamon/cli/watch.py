"""``mediamon watch``: the new mentions of watched entities in a store, as a table or as JSON.

A watch list is a text file of entity ids (or Wikidata QIDs), one a line; ``#`` starts a
comment, anything after the first word of a line is ignored (room for a note). The same
listing follows ``mediamon annotate --watch`` for the run just made.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from mediamon.cli.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    add_watch_options,
    count,
    report_problems,
    store_errors,
)
from mediamon.errors import Msg, Problem, UsageError

if TYPE_CHECKING:
    from mediamon.store import Store
    from mediamon.store.runs import NewMention

__all__ = ["add_arguments", "read_watch_list", "report_new_mentions", "run"]

_TITLE = 48  # characters of a title shown in the table


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("db", metavar="DB", help="a store written by annotate -o FILE.db")
    add_watch_options(parser, required=True)
    parser.add_argument(
        "--since",
        metavar="RUN|DATE",
        help="mentions stored by runs after run number RUN, or started at or after an ISO date or time"
        " (default: those of the latest run)",
    )


def read_watch_list(path: str) -> tuple[list[str], list[Problem]]:
    """The entity ids (or QIDs) a watch-list file names, in file order, and its problems."""
    try:
        with open(path, encoding="utf-8-sig") as handle:
            lines = handle.read().splitlines()
    except FileNotFoundError as exc:
        raise UsageError(Msg.NOT_FOUND, path=path) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(
            Msg.UNREADABLE.format(detail=getattr(exc, "strerror", None) or exc), path=path
        ) from exc
    ids: list[str] = []
    for line in lines:
        words = line.split("#", 1)[0].split()
        if words and words[0] not in ids:
            ids.append(words[0])
    problems = [] if ids else [Problem(path, None, Msg.WATCH_EMPTY)]
    return ids, problems


def _since(value: str | None) -> int | str | None:
    if value is None:
        return None
    return int(value) if value.strip().isdigit() else value


def _table(found: Sequence[NewMention]) -> str:
    """One line per watched entity and article (newest first): how often, date, outlet, id, title."""
    groups: dict[tuple[str, str], list[NewMention]] = {}
    for hit in found:
        groups.setdefault((hit.mention.entity_id, hit.article_id), []).append(hit)
    ordered = sorted(
        groups.values(), key=lambda g: (g[0].mention.entity_id, g[0].date is None, g[0].date or "")
    )
    ordered.sort(key=lambda g: g[0].date or "", reverse=True)
    ordered.sort(key=lambda g: g[0].mention.entity_id)
    rows = [("ENTITY", "QID", "MENTIONS", "DATE", "SOURCE", "ARTICLE", "TITLE")]
    for group in ordered:
        hit = group[0]
        title = " ".join(hit.title.split())
        rows.append(
            (
                hit.mention.entity_id,
                hit.mention.wikidata or "-",
                str(len(group)),
                hit.date or "undated",
                hit.source or "-",
                hit.article_id,
                title if len(title) <= _TITLE else title[: _TITLE - 1] + "…",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    return "".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row[:-1], widths, strict=True))
        + "  "
        + row[-1]
        + "\n"
        for row in rows
    )


def report_new_mentions(
    store: Store, ids: Sequence[str], *, since: int | str | None, alerts: str | None
) -> int:
    """Print (or write as JSON to ``alerts``) the watched entities' new mentions; return how many."""
    from mediamon.io.atomic import atomic_write

    found = store.new_mentions(since=since, entities=ids)
    runs = store.runs()
    latest = next((r.id for r in reversed(runs) if r.finished is not None), None)
    if alerts is not None:
        document: dict[str, Any] = {
            "store": os.path.abspath(store.path),
            "run": latest,
            "since": since,
            "watched": list(ids),
            "count": len(found),
            "mentions": [hit.to_dict() for hit in found],
        }
        text = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
        if alerts == "-":
            sys.stdout.write(text)
        else:
            with atomic_write(alerts) as handle:
                handle.write(text)
    if alerts != "-":
        entities = len({hit.mention.entity_id for hit in found})
        scope = (
            f"in run {latest}" if since is None else f"since run {since}" if isinstance(since, int) else ""
        )
        scope = scope or f"since {since}"
        print(f"{count(len(found), 'new mention')} of {entities} of {len(ids)} watched entities, {scope}")
        if found:
            sys.stdout.write(_table(found))
    return len(found)


def run(args: argparse.Namespace) -> int:
    from mediamon.store import Store

    ids, problems = read_watch_list(args.watch)
    report_problems(problems)
    with Store(args.db, readonly=True) as store, store_errors(args.db):
        if not store.runs():
            raise UsageError(Msg.WATCH_NO_RUNS, path=args.db)
        report_new_mentions(store, ids, since=_since(args.since), alerts=args.alerts)
    return EXIT_PROBLEMS if problems else EXIT_OK
