"""The ``mediamon`` command.

Exit status: 0 success, 1 input problems reported (the good part is still written),
2 usage errors. Problems are printed to standard error, one line each, naming the file
and line; no traceback for a user's mistake.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from mediamon.errors import MediamonError, Msg, Problem, UsageError

__all__ = ["main"]

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse with a one-line error message (what is wrong, and where to look) and exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="mediamon", description="Bilingual (Arabic + English) media monitoring.")
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


def _report(problems: Sequence[Problem]) -> None:
    """One line on standard error per problem: ``mediamon: path:line: reason``."""
    for problem in problems:
        print(f"mediamon: {problem}", file=sys.stderr)


def _run_pipeline(args: argparse.Namespace, annotate: bool) -> int:
    from mediamon.atomic import atomic_write
    from mediamon.output import output_format
    from mediamon.readers import check_encoding, read

    # Every argument is checked before any input is read or any gazetteer loaded.
    output_format(args.output)
    check_encoding(args.encoding)
    if annotate:
        if args.jobs < 1:
            raise UsageError(Msg.USAGE_JOBS.format(jobs=args.jobs))
        if args.no_default and not args.gazetteer:
            raise UsageError(Msg.USAGE_NO_DEFAULT)
        for name in args.gazetteer:
            if not os.path.isfile(name):
                raise UsageError(Msg.NOT_FOUND, path=name)
    annotator = None
    if annotate:
        from mediamon.annotate import Annotator

        annotator = Annotator(args.gazetteer, default=not args.no_default)
    progress = not args.quiet and sys.stderr.isatty()
    corpus = read(args.inputs, encoding=args.encoding, day_first=not args.month_first, progress=progress)
    if annotator is not None:
        corpus = corpus.annotate(annotator, jobs=args.jobs, progress=progress)
    _write(lambda: corpus.write(args.output), args.output)
    if args.dropped:

        def write_dropped() -> None:
            with atomic_write(args.dropped, errors="backslashreplace") as handle:
                for dropped in corpus.dropped:
                    handle.write(json.dumps(dropped.to_dict(), ensure_ascii=False) + "\n")

        _write(write_dropped, args.dropped)
    _report(corpus.problems)
    if not args.quiet:
        parts = [_count(len(corpus), "article"), _count(len(corpus.dropped), "line") + " set aside"]
        if annotate:
            parts.append(_count(sum(len(a.mentions) for a in corpus), "mention"))
        if corpus.problems:
            parts.append(_count(len(corpus.problems), "problem"))
        print(f"mediamon: {', '.join(parts)}", file=sys.stderr)
    return EXIT_PROBLEMS if corpus.problems else EXIT_OK


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _write(action: Callable[[], Any], path: str) -> None:
    """Run a writing action; an OSError (no permission, a directory) becomes a one-line UsageError."""
    try:
        action()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise UsageError(Msg.CANNOT_WRITE.format(detail=exc.strerror or exc), path=path) from exc


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
    """Entry point of the ``mediamon`` console script; returns the exit status."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # --help, --version, or an argument error (already printed)
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE if exc.code else EXIT_OK
    try:
        if args.command == "segment":
            return _run_pipeline(args, annotate=False)
        if args.command == "annotate":
            return _run_pipeline(args, annotate=True)
        if args.command == "stats":
            return _stats(args)
        return _gazetteer_check(args)
    except UsageError as exc:
        print(f"mediamon: {exc if exc.path else exc.reason}", file=sys.stderr)
        return EXIT_USAGE
    except MediamonError as exc:
        print(f"mediamon: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    except KeyboardInterrupt:
        print("mediamon: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, and keep Python from
        # complaining again when it flushes standard output at exit.
        with contextlib.suppress(OSError, ValueError, AttributeError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
