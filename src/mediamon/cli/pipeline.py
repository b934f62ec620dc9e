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
from collections import Counter, deque
from collections.abc import Callable, Iterator
from typing import IO, TYPE_CHECKING, Any

import attrs

from mediamon.cli.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    add_annotator_options,
    add_reading_options,
    add_watch_options,
    check_annotator_options,
    check_outputs,
    count,
    make_annotator,
    report_problems,
    store_errors,
    write_error,
    writing,
)
from mediamon.cli.watch import read_watch_list, report_new_mentions
from mediamon.errors import Msg, Problem, UsageError

if TYPE_CHECKING:
    from mediamon.io.output import ArticleWriter
    from mediamon.io.records import Columns
    from mediamon.match.annotate import Annotator
    from mediamon.model import Article, Dropped
    from mediamon.store.runs import FileKey, Run

__all__ = ["add_annotate", "add_segment", "run_annotate", "run_segment"]

#: ``--jobs``: a file larger than this (bytes) is read by the parent and shared out among the
#: workers in chunks, each ending after so many articles or characters of text (small enough
#: to keep every worker busy, large enough that sending one costs little); smaller files go
#: to a worker whole.
SPLIT_BYTES = 1 << 18
CHUNK_ARTICLES = 64
CHUNK_CHARACTERS = 1 << 18


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
    parser.add_argument(
        "--incremental",
        action="store_true",
        help="with a .db output: skip input files the store already holds (same SHA-256 and size)",
    )
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
    add_watch_options(parser)


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
    watch = getattr(args, "watch", None)
    for option, given in (("--incremental", args.incremental), ("--watch", watch)):
        if given and fmt != "sqlite":
            raise UsageError(Msg.USAGE_NEEDS_STORE.format(option=option))
    tally: Counter[str] = Counter()
    watched: list[str] = []
    if watch:
        watched, watch_problems = read_watch_list(watch)
        tally["problems"] += len(watch_problems)
        report_problems(watch_problems)
    annotator = make_annotator(args) if annotate else None
    if annotator is not None and watch and watched:
        tally["problems"] += _check_watched(watch, watched, annotator)
    if fmt != "sqlite":
        _stream(args, fmt, annotator, tally, None)
    else:
        from mediamon.store import Store

        with store_errors(args.output), Store(args.output) as store:
            run = store.begin_run(args.inputs)
            _stream(args, fmt, annotator, tally, run)
            store.finish_run(run, articles=tally["articles"])
            if watch:
                report_new_mentions(store, watched, since=None, alerts=args.alerts)
    if not args.quiet:
        parts = [count(tally["articles"], "article"), count(tally["dropped"], "line") + " set aside"]
        if args.incremental:
            parts.insert(
                0, f"{count(tally['files'], 'file')} read, {tally['skipped']} skipped (already stored)"
            )
        if annotate:
            parts.append(count(tally["mentions"], "mention"))
        if tally["repeats"]:
            parts.append(f"{count(tally['repeats'], 'repeat')} of an article stored once")
        if tally["problems"]:
            parts.append(count(tally["problems"], "problem"))
        print(f"mediamon: {', '.join(parts)}", file=sys.stderr)
    return EXIT_PROBLEMS if tally["problems"] else EXIT_OK


def _check_watched(path: str, watched: list[str], annotator: Annotator) -> int:
    """Report watched ids (or QIDs) no loaded gazetteer has; return how many."""
    from mediamon.match.gazetteer import WIKIDATA_QID, wikidata_of

    gazetteer = annotator.gazetteer
    qids = (
        {wikidata_of(e.meta) for e in gazetteer} if any(WIKIDATA_QID.fullmatch(w) for w in watched) else set()
    )
    unknown = [w for w in watched if gazetteer.get(w) is None and w not in qids]
    report_problems([Problem(path, None, Msg.WATCH_UNKNOWN.format(entity=w)) for w in unknown])
    return len(unknown)


def _read_new(name: str, run: Run, incremental: bool) -> tuple[bytes | None, FileKey | None]:
    """An input's bytes and content key, read once; (None, None) when ``incremental`` and the
    store already holds this content, or (None, None) too when it cannot be read (the reader
    reports why)."""
    from mediamon.io.inputs import _load_bytes
    from mediamon.store.runs import file_key

    try:
        data = _load_bytes(name)
    except OSError:
        return None, None
    key = file_key(data)
    if incremental and run.seen(key):
        run.skip()
        return None, key
    return data, key


def _run_articles(
    args: argparse.Namespace,
    run: Run,
    on_dropped: Callable[[Dropped], None],
    on_problem: Callable[[Problem], None],
    tally: Counter[str],
) -> Iterator[Article]:
    """A store's inputs one file at a time, each file's content noted in ``run`` (and skipped when
    ``--incremental`` finds it stored already)."""
    from mediamon.io.inputs import iter_inputs, read_file

    for name in iter_inputs(args.inputs):
        if isinstance(name, Problem):
            on_problem(name)
            continue
        data, key = _read_new(name, run, args.incremental)
        if data is None and key is not None:
            tally["skipped"] += 1
            continue
        parsed = read_file(
            name, encoding=args.encoding, day_first=not args.month_first, data=data, columns=args.columns
        )
        tally["files"] += 1
        for dropped in parsed.dropped:
            on_dropped(dropped)
        for problem in parsed.problems:
            on_problem(problem)
        yield from parsed.articles
        if key is not None:
            run.stored(key, name, len(parsed.articles))


def _stream(
    args: argparse.Namespace, fmt: str, annotator: Annotator | None, tally: Counter[str], run: Run | None
) -> None:
    """Read, annotate and write, counting into ``tally``; outputs are renamed into place at the end.

    Into a store, ``run`` records each input file's content (and ``--incremental`` skips
    the files already stored)."""
    from mediamon.io.output import open_writer

    progress = not args.quiet and sys.stderr.isatty()
    gazetteer = annotator.gazetteer if annotator is not None and fmt == "sqlite" else None

    def on_problem(problem: Problem) -> None:
        tally["problems"] += 1
        report_problems([problem])

    with (
        store_errors(args.output),
        writing(args.output),
        open_writer(args.output, format=fmt, gazetteer=gazetteer, on_problem=on_problem) as writer,
        writing(args.dropped or "-"),
        _dropped_output(args.dropped) as dropped_out,
    ):

        def on_dropped(dropped: Dropped) -> None:
            tally["dropped"] += 1
            if dropped_out is not None:
                dropped_out.write(json.dumps(dropped.to_dict(), ensure_ascii=False) + "\n")

        if annotator is not None and args.jobs > 1:
            _stream_parallel(args, annotator, writer, on_dropped, on_problem, tally, progress, run)
        else:
            _stream_serial(args, annotator, writer, on_dropped, on_problem, tally, progress, run)
    tally["repeats"] = writer.repeats  # known once the last batch is in


def _stream_serial(
    args: argparse.Namespace,
    annotator: Annotator | None,
    writer: ArticleWriter,
    on_dropped: Callable[[Dropped], None],
    on_problem: Callable[[Problem], None],
    tally: Counter[str],
    progress: bool,
    run: Run | None,
) -> None:
    """Read, annotate and write in this process, one article at a time."""
    from mediamon.io.inputs import iter_articles

    stream: Iterator[Article] = (
        iter_articles(
            args.inputs,
            encoding=args.encoding,
            day_first=not args.month_first,
            progress=progress,
            on_dropped=on_dropped,
            on_problem=on_problem,
            columns=args.columns,
        )
        if run is None
        else _run_articles(args, run, on_dropped, on_problem, tally)
    )
    output = args.output
    articles = mentions = 0
    try:
        for article in stream:
            if annotator is not None:
                article = annotator.annotate(article)  # noqa: PLW2901 - the annotated version is written
                mentions += len(article.mentions)
            try:  # as under writing(output), without a context manager per article
                writer.write(article)
            except BrokenPipeError:
                raise
            except OSError as exc:
                raise write_error(exc, output) from exc
            articles += 1
    finally:
        tally["articles"] += articles
        tally["mentions"] += mentions


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
    """What a worker made of one task: articles (or their rendered output), counts, asides."""

    items: tuple[Any, ...]
    mentions: int
    dropped: tuple[Dropped, ...] = ()
    problems: tuple[Problem, ...] = ()


@attrs.frozen
class _FileTask:
    """One input file for a worker to read whole (``data`` for standard input, read by the parent)."""

    name: str
    data: bytes | None
    encoding: str | None
    day_first: bool
    fmt: str | None
    columns: Columns | None = None


@attrs.frozen
class _ChunkTask:
    """Articles of a large file, read by the parent, for a worker to annotate and render."""

    articles: tuple[Article, ...]
    fmt: str | None


@attrs.frozen
class _Then:
    """What the parent does when a task's result arrives: count the file (its first task), report
    the set-aside lines and problems its reading met before this task was cut (a split file's,
    in the order met), and note the file in the store (its last task; for a split file, with
    its article count)."""

    name: str | None = None
    key: FileKey | None = None
    articles: int | None = None
    dropped: tuple[Dropped, ...] = ()
    problems: tuple[Problem, ...] = ()
    first: bool = True  # the file's first task: it counts as a file read
    last: bool = True  # the file's last task: it is noted in the store


def _work(task: _FileTask | _ChunkTask | Problem) -> _FileResult | Problem:
    """In a worker: read, segment, annotate and render a whole file, or annotate and render a
    chunk of a large one (``fmt`` None: the articles themselves, for a store)."""
    if isinstance(task, Problem):
        return task
    from mediamon.io.inputs import read_file
    from mediamon.io.output import render
    from mediamon.match.annotate import worker_annotator

    annotator = worker_annotator()
    articles: tuple[Article, ...] = ()
    dropped: tuple[Dropped, ...] = ()
    problems: tuple[Problem, ...] = ()
    if isinstance(task, _ChunkTask):
        articles = task.articles
    else:
        parsed = read_file(
            task.name, encoding=task.encoding, day_first=task.day_first, data=task.data, columns=task.columns
        )
        articles, dropped, problems = parsed.articles, parsed.dropped, parsed.problems
    done = [annotator.annotate(a) for a in articles]
    mentions = sum(len(a.mentions) for a in done)
    fmt = task.fmt
    items = tuple(render(a, fmt) for a in done) if fmt is not None else tuple(done)
    return _FileResult(items, mentions, dropped, problems)


def _file_size(name: str) -> int:
    try:
        return os.stat(name).st_size
    except OSError:
        return 0  # a worker's read reports it


def _stream_parallel(
    args: argparse.Namespace,
    annotator: Annotator,
    writer: ArticleWriter,
    on_dropped: Callable[[Dropped], None],
    on_problem: Callable[[Problem], None],
    tally: Counter[str],
    progress: bool,
    run: Run | None = None,
) -> None:
    """``--jobs N``: N workers annotate and render; files up to ``SPLIT_BYTES`` go to them whole
    (they read and segment them too), larger ones are read here and shared out in chunks cut
    at article boundaries, so one large input keeps every worker busy. A large record file's
    chunks go out as its records are parsed (:func:`mediamon.io.inputs.stream_file`), so
    reading overlaps annotation and only the chunks in flight are held; a large dump is
    segmented whole first (segmentation looks at the whole dump), its lines classified and its
    articles' languages detected by ``--jobs`` processes of its own
    (:func:`mediamon.text.segment.segment_lines`).

    The parent copies the results out in input order, through the bounded process pool of
    :func:`mediamon.match.annotate.map_with_annotator`. Output, set-aside lines and problems
    come out as with one job.
    """
    from tqdm import tqdm

    from mediamon.io.inputs import STDIN, _load_bytes, iter_inputs, stream_file
    from mediamon.match.annotate import chunked, map_with_annotator

    fmt = writer.format if writer.renders else None
    day_first = not args.month_first
    after: deque[_Then] = deque()  # one per task sent, in order (results come back in that order)

    def split(name: str, data: bytes | None, key: FileKey | None) -> Iterator[_ChunkTask]:
        """A large file's articles in chunks, sent as they are cut: a record file is parsed
        while the chunks already sent are annotated (one chunk is held back, to know the last)."""
        dropped: list[Dropped] = []
        problems: list[Problem] = []
        stream = stream_file(
            name,
            on_dropped=dropped.append,
            on_problem=problems.append,
            encoding=args.encoding,
            day_first=day_first,
            data=data,
            columns=args.columns,
            jobs=args.jobs,
        )
        held: list[Article] | None = None
        articles = 0
        first = True
        for piece in chunked(stream, CHUNK_ARTICLES, CHUNK_CHARACTERS):
            if held is not None:
                after.append(_Then(name, key, None, tuple(dropped), tuple(problems), first, last=False))
                dropped.clear()
                problems.clear()
                first = False
                yield _ChunkTask(tuple(held), fmt)
            held = piece
            articles += len(piece)
        after.append(_Then(name, key, articles, tuple(dropped), tuple(problems), first))
        yield _ChunkTask(tuple(held or ()), fmt)

    def tasks() -> Iterator[_FileTask | _ChunkTask | Problem]:
        for name in iter_inputs(args.inputs):
            if isinstance(name, Problem):
                after.append(_Then(first=False, last=False))
                yield name
                continue
            key = None
            if run is not None:
                data, key = _read_new(name, run, args.incremental)
                if data is None and key is not None:
                    tally["skipped"] += 1
                    continue
            else:
                data = _load_bytes(STDIN) if name == STDIN else None
            size = len(data) if data is not None else _file_size(name)
            if size <= SPLIT_BYTES:
                after.append(_Then(name, key))
                yield _FileTask(name, data, args.encoding, day_first, fmt, args.columns)
            else:
                yield from split(name, data, key)

    with tqdm(desc="annotating", unit="file", disable=not progress, file=sys.stderr) as bar:
        for result in map_with_annotator(_work, tasks(), annotator, jobs=args.jobs):
            then = after.popleft()
            if isinstance(result, Problem):
                on_problem(result)
                continue
            if then.first:
                bar.update()
                tally["files"] += 1
            for dropped in (*then.dropped, *result.dropped):
                on_dropped(dropped)
            for problem in (*then.problems, *result.problems):
                on_problem(problem)
            with writing(args.output):
                for one in result.items:
                    if fmt is None:
                        writer.write(one)
                    else:
                        writer.write_rendered(one)
            tally["articles"] += len(result.items)
            tally["mentions"] += result.mentions
            if then.last and run is not None and then.key is not None and then.name is not None:
                articles = len(result.items) if then.articles is None else then.articles
                run.stored(then.key, then.name, articles)
