"""The ``mediamon`` command.

Exit status: 0 success, 1 input problems reported (the good part is still written),
2 usage errors. Problems are printed to standard error, one line each, naming the file
and line; no traceback for a user's mistake.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from typing import Any

from mediamon.errors import MediamonError, Problem, UsageError

__all__ = ["main"]

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mediamon", description="Bilingual (Arabic + English) media monitoring."
    )
    parser.add_argument("--version", action="version", version=_version())
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def inputs(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "inputs",
            nargs="+",
            metavar="INPUT",
            help="dumps, record files, directories, or - for stdin",
        )
        p.add_argument(
            "-o",
            "--output",
            default="-",
            metavar="OUT",
            help="output file (format by suffix; default stdout)",
        )
        p.add_argument("--encoding", help="input encoding (default: detected)")
        p.add_argument(
            "--month-first",
            action="store_true",
            help="read numeric dates as month/day (default day/month)",
        )
        p.add_argument("--dropped", metavar="FILE", help="also write the lines set aside (JSON Lines)")
        p.add_argument("-q", "--quiet", action="store_true", help="no progress or summary on stderr")

    seg = sub.add_parser("segment", help="split inputs into articles (no annotation)")
    inputs(seg)
    ann = sub.add_parser("annotate", help="split inputs into articles and find entity mentions")
    inputs(ann)
    ann.add_argument(
        "-g",
        "--gazetteer",
        action="append",
        default=[],
        metavar="GAZ",
        help="a gazetteer file (repeatable)",
    )
    ann.add_argument(
        "--no-default", action="store_true", help="do not load the bundled gazetteers and plugins"
    )
    ann.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes (default 1)")
    stats = sub.add_parser("stats", help="counts by language, source and entity of an output file")
    stats.add_argument("file", metavar="OUT.jsonl")
    stats.add_argument("--top", type=int, default=20, help="how many entities to list")
    stats.add_argument("--json", action="store_true", help="print the counts as JSON")
    gaz = sub.add_parser("gazetteer", help="gazetteer tools")
    gaz_sub = gaz.add_subparsers(dest="gazetteer_command", required=True, metavar="ACTION")
    check = gaz_sub.add_parser("check", help="validate gazetteer files; exit 1 if any problem")
    check.add_argument("files", nargs="+", metavar="FILE")
    return parser


def _version() -> str:
    from mediamon import __version__

    return f"mediamon {__version__}"


def _report(problems: Sequence[Problem], quiet: bool = False) -> None:
    for problem in problems:
        print(f"mediamon: {problem}", file=sys.stderr)


def _run_pipeline(args: argparse.Namespace, annotate: bool) -> int:
    from mediamon.atomic import atomic_write
    from mediamon.output import output_format
    from mediamon.readers import read

    output_format(args.output)
    if annotate and args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    annotator = None
    if annotate:
        from mediamon.annotate import Annotator

        if args.no_default and not args.gazetteer:
            raise UsageError("--no-default needs at least one --gazetteer")
        annotator = Annotator(args.gazetteer, default=not args.no_default)
    progress = not args.quiet and sys.stderr.isatty()
    corpus = read(args.inputs, encoding=args.encoding, day_first=not args.month_first, progress=progress)
    if annotator is not None:
        corpus = corpus.annotate(annotator, jobs=args.jobs)
    corpus.write(args.output)
    if args.dropped:
        with atomic_write(args.dropped) as handle:
            for dropped in corpus.dropped:
                handle.write(json.dumps(dropped.to_dict(), ensure_ascii=False) + "\n")
    _report(corpus.problems)
    if not args.quiet:
        mentions = sum(len(a.mentions) for a in corpus)
        summary = f"mediamon: {len(corpus)} articles, {len(corpus.dropped)} lines set aside"
        if annotate:
            summary += f", {mentions} mentions"
        if corpus.problems:
            summary += f", {len(corpus.problems)} problems"
        print(summary, file=sys.stderr)
    return EXIT_PROBLEMS if corpus.problems else EXIT_OK


def _stats(args: argparse.Namespace) -> int:
    from mediamon.readers import read

    corpus = read(args.file)
    langs = Counter(a.lang for a in corpus)
    sources = Counter(a.source or "(unknown)" for a in corpus)
    entities = corpus.entity_counts()
    names = {m.entity_id: (m.entity_type, m.entity_name) for a in corpus for m in a.mentions}
    dates = sorted(a.date for a in corpus if a.date)
    result: dict[str, Any] = {
        "articles": len(corpus),
        "mentions": sum(entities.values()),
        "dates": [dates[0].isoformat(), dates[-1].isoformat()] if dates else None,
        "languages": dict(langs.most_common()),
        "sources": dict(sources.most_common()),
        "entities": [
            {"id": eid, "type": names[eid][0], "name": names[eid][1], "mentions": n}
            for eid, n in entities.most_common(args.top)
        ],
    }
    _report(corpus.problems)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(f"articles  {result['articles']}")
        print(f"mentions  {result['mentions']}")
        if dates:
            print(f"dates     {dates[0]} .. {dates[-1]}")
        print("\nlanguage")
        for key, n in langs.most_common():
            print(f"  {n:6d}  {key}")
        print("\nsource")
        for key, n in sources.most_common():
            print(f"  {n:6d}  {key}")
        print("\nentity")
        for row in result["entities"]:
            print(f"  {row['mentions']:6d}  {row['id']:<32} {row['type']:<6} {row['name']}")
    return EXIT_PROBLEMS if corpus.problems else EXIT_OK


def _gazetteer_check(args: argparse.Namespace) -> int:
    from mediamon.gazetteer import Gazetteer, check_file
    from mediamon.matcher import CompiledGazetteer

    status = EXIT_OK
    for name in args.files:
        problems = check_file(name)
        if problems:
            status = EXIT_PROBLEMS
            _report(problems)
            continue
        gazetteer = Gazetteer.load(name)
        compiled = CompiledGazetteer(gazetteer)
        for conflict in compiled.conflicts:
            print(
                f"mediamon: {name}: note: alias {conflict.key!r} ({conflict.side}) "
                f"belongs to {conflict.kept}, "
                f"not {conflict.lost} (first entity wins)",
                file=sys.stderr,
            )
        print(f"{name}: ok, {len(gazetteer)} entities, {gazetteer.alias_count()} aliases")
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``mediamon`` console script."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "segment":
            return _run_pipeline(args, annotate=False)
        if args.command == "annotate":
            return _run_pipeline(args, annotate=True)
        if args.command == "stats":
            return _stats(args)
        return _gazetteer_check(args)
    except UsageError as exc:
        print(f"mediamon: {exc.reason}", file=sys.stderr)
        return EXIT_USAGE
    except MediamonError as exc:
        print(f"mediamon: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    except KeyboardInterrupt:
        print("mediamon: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
