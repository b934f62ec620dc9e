"""``mediamon segment`` and ``mediamon annotate``: read, (annotate,) write, one file at a time.

Output and ``--dropped`` go to temporary files renamed only at the end (an interrupted run
leaves no partial output); problems are printed as they come; only counts are kept.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import json
import os
import sys
from collections import Counter
from collections.abc import Callable
from typing import IO, TYPE_CHECKING, Any

import attrs

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
    store_errors,
    writing,
)
from mediamon.errors import Msg, Problem, UsageError

if TYPE_CHECKING:
    from mediamon.io.output import ArticleWriter
    from mediamon.io.records import Columns
    from mediamon.match.annotate import Annotator
    from mediamon.model import Dropped

__all__ = ["add_annotate", "add_segment", "run_annotate", "run_segment"]


def _add_io_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="dumps, record files, directories, or - for stdin",
    )
    parser.add_argument(
        "-o",
        "--output",
        default="-",
        metavar="OUT",
        help="output file (format by suffix: .jsonl, .json, .csv, .tsv, or .db to add to a store;"
        " default stdout)",
    )
    add_reading_options(parser)
    parser.add_argument("--dropped", metavar="FILE", help="also write the lines set aside (JSON Lines)")
    parser.add_argument(
        "--columns",
        metavar="COLS",
        help="what the columns of record files are: names in order (title,date,body) for CSV/TSV"
        " without a usable header, or KEY=FIELD pairs (story=body,when=date)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress or summary on stderr")


def add_segment(parser: argparse.ArgumentParser) -> None:
    _add_io_options(parser)
    parser.add_argument(
        "--explain",
        action="store_true",
        help="instead of articles, list every dump line with the role it got and the cue that decided it",
    )


def add_annotate(parser: argparse.ArgumentParser) -> None:
    _add_io_options(parser)
    add_annotator_options(parser)


def run_segment(args: argparse.Namespace) -> int:
    if args.explain:
        from mediamon.cli.explain import run_explain

        return run_explain(args)
    return _run(args, annotate=False)


def run_annotate(args: argparse.Namespace) -> int:
    return _run(args, annotate=True)


def _run(args: argparse.Namespace, annotate: bool) -> int:
    from mediamon.io.inputs import check_encoding
    from mediamon.io.output import output_format
    from mediamon.io.records import parse_columns

    # Every argument is checked before any input is read or any gazetteer loaded.
    fmt = output_format(args.output)
    check_encoding(args.encoding)
    args.columns = parse_columns(args.columns)
    if annotate:
        check_annotator_options(args)
    for target in (args.output, args.dropped):
        if target and target != "-" and os.path.isdir(target):
            raise UsageError(Msg.CANNOT_WRITE.format(detail=os.strerror(errno.EISDIR)), path=target)
    check_outputs(args.inputs, [("-o", args.output), ("--dropped", args.dropped)])
    annotator = make_annotator(args) if annotate else None
    tally: Counter[str] = Counter()
    _stream(args, fmt, annotator, tally)
    if not args.quiet:
        parts = [count(tally["articles"], "article"), count(tally["dropped"], "line") + " set aside"]
        if annotate:
            parts.append(count(tally["mentions"], "mention"))
        if tally["problems"]:
            parts.append(count(tally["problems"], "problem"))
        print(f"mediamon: {', '.join(parts)}", file=sys.stderr)
    return EXIT_PROBLEMS if tally["problems"] else EXIT_OK


def _stream(args: argparse.Namespace, fmt: str, annotator: Annotator | None, tally: Counter[str]) -> None:
    """Read, annotate and write, counting into ``tally``; outputs are renamed into place at the end."""
    from mediamon.io.output import open_writer

    progress = not args.quiet and sys.stderr.isatty()
    gazetteer = annotator.gazetteer if annotator is not None and fmt == "sqlite" else None
    with (
        store_errors(args.output),
        writing(args.output),
        open_writer(args.output, format=fmt, gazetteer=gazetteer) as writer,
        writing(args.dropped or "-"),
        _dropped_output(args.dropped) as dropped_out,
    ):

        def on_dropped(dropped: Dropped) -> None:
            tally["dropped"] += 1
            if dropped_out is not None:
                dropped_out.write(json.dumps(dropped.to_dict(), ensure_ascii=False) + "\n")

        def on_problem(problem: Problem) -> None:
            tally["problems"] += 1
            report_problems([problem])

        if annotator is not None and args.jobs > 1:
            _stream_parallel(args, annotator, writer, on_dropped, on_problem, tally, progress)
            return
        from mediamon.io.inputs import iter_articles

        stream = iter_articles(
            args.inputs,
            encoding=args.encoding,
            day_first=not args.month_first,
            progress=progress,
            on_dropped=on_dropped,
            on_problem=on_problem,
            columns=args.columns,
        )
        for article in stream:
            if annotator is not None:
                article = annotator.annotate(article)  # noqa: PLW2901 - the annotated version is written
                tally["mentions"] += len(article.mentions)
            with writing(args.output):
                writer.write(article)
            tally["articles"] += 1


def _dropped_output(path: str | None) -> contextlib.AbstractContextManager[IO[str] | None]:
    """Where ``--dropped`` writes: nowhere, standard output for ``-``, else a file written atomically."""
    from mediamon.io.atomic import atomic_write

    if not path:
        return contextlib.nullcontext(None)
    if path in ("-", "/dev/stdout"):
        return contextlib.nullcontext(sys.stdout)
    return atomic_write(path, errors="backslashreplace")


@attrs.frozen
class _FileResult:
    """What a worker made of one input file: articles (or their rendered output), counts, asides."""

    items: tuple[Any, ...]
    mentions: int
    dropped: tuple[Dropped, ...]
    problems: tuple[Problem, ...]


@attrs.frozen
class _FileTask:
    """One input file for a worker (``data`` for standard input, read by the parent)."""

    name: str
    data: bytes | None
    encoding: str | None
    day_first: bool
    fmt: str | None
    columns: Columns | None = None


def _process_file(task: _FileTask | Problem) -> _FileResult | Problem:
    """In a worker: read, segment and annotate one whole file; render it in ``fmt`` if given."""
    if isinstance(task, Problem):
        return task
    from mediamon.io.inputs import read_file
    from mediamon.io.output import render
    from mediamon.match.annotate import worker_annotator

    annotator = worker_annotator()
    parsed = read_file(
        task.name, encoding=task.encoding, day_first=task.day_first, data=task.data, columns=task.columns
    )
    articles = [annotator.annotate(a) for a in parsed.articles]
    mentions = sum(len(a.mentions) for a in articles)
    fmt = task.fmt
    items = tuple(render(a, fmt) for a in articles) if fmt is not None else tuple(articles)
    return _FileResult(items, mentions, parsed.dropped, parsed.problems)


def _stream_parallel(
    args: argparse.Namespace,
    annotator: Annotator,
    writer: ArticleWriter,
    on_dropped: Callable[[Dropped], None],
    on_problem: Callable[[Problem], None],
    tally: Counter[str],
    progress: bool,
) -> None:
    """``--jobs N``: whole files go to N workers that read, segment, annotate and render them.

    The parent only copies the results out, in input order, through the one process pool
    of :func:`mediamon.match.annotate.map_with_annotator` (bounded, so memory stays
    bounded). Output is identical to one job.
    """
    from tqdm import tqdm

    from mediamon.io.inputs import STDIN, _load_bytes, iter_inputs
    from mediamon.match.annotate import map_with_annotator

    fmt = writer.format if writer.renders else None
    day_first = not args.month_first

    def tasks() -> Any:
        for name in iter_inputs(args.inputs):
            if isinstance(name, Problem):
                yield name
                continue
            data = _load_bytes(STDIN) if name == STDIN else None
            yield _FileTask(name, data, args.encoding, day_first, fmt, args.columns)

    with tqdm(desc="annotating", unit="file", disable=not progress, file=sys.stderr) as bar:
        for result in map_with_annotator(_process_file, tasks(), annotator, jobs=args.jobs):
            if isinstance(result, Problem):
                on_problem(result)
                continue
            bar.update()
            for dropped in result.dropped:
                on_dropped(dropped)
            for problem in result.problems:
                on_problem(problem)
            with writing(args.output):
                for one in result.items:
                    if fmt is None:
                        writer.write(one)
                    else:
                        writer.write_rendered(one)
            tally["articles"] += len(result.items)
            tally["mentions"] += result.mentions
