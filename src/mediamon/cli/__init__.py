"""The ``mediamon`` command.

Exit status: 0 success, 1 input problems reported (the good part is still written),
2 usage errors. Problems are printed to standard error, one line each, naming the file
and line; no traceback for a user's mistake.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, NoReturn

import attrs

from mediamon.errors import InputError, MediamonError, Msg, Problem, UsageError, WorkerError

if TYPE_CHECKING:
    from mediamon.io.output import ArticleWriter
    from mediamon.match.annotate import Annotator
    from mediamon.model import Article, Dropped

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
            help="output file (format by suffix: .jsonl, .json, .csv, .tsv, or .db to add to a store;"
            " default stdout)",
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
    search = sub.add_parser("search", help="search a .db store: words in either script, entity aliases")
    search.add_argument("db", metavar="DB", help="a store written with -o FILE.db")
    search.add_argument(
        "query", nargs="+", metavar="QUERY", help='words (all must occur; "a phrase" in quotes)'
    )
    search.add_argument("--entity", metavar="ID", help="only articles mentioning this entity id")
    search.add_argument("--since", metavar="DATE", help="only articles dated on or after (YYYY-MM-DD)")
    search.add_argument("--until", metavar="DATE", help="only articles dated on or before (YYYY-MM-DD)")
    search.add_argument("--limit", type=int, default=20, metavar="N", help="at most N hits (default 20)")
    search.add_argument("--json", action="store_true", help="print the hits as JSON Lines")
    search.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    rep_ = sub.add_parser("report", help="an HTML report to read in a browser")
    rep_.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="dumps or records (annotated here), our .jsonl output or a .db store (kept as annotated)",
    )
    rep_.add_argument(
        "-o", "--output", required=True, metavar="REPORT.html", help="the page to write (- for stdout)"
    )
    rep_.add_argument(
        "-g", "--gazetteer", action="append", default=[], metavar="GAZ", help="a gazetteer file"
    )
    rep_.add_argument(
        "--no-default", action="store_true", help="do not load the bundled gazetteers and plugins"
    )
    rep_.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes for annotation")
    rep_.add_argument("--encoding", help="input encoding (default: detected)")
    rep_.add_argument("--month-first", action="store_true", help="read numeric dates as month/day")
    rep_.add_argument("--title", default="mediamon report", help="the page's title")
    rep_.add_argument(
        "--top", type=int, default=10, metavar="N", help="entities listed per type (default 10)"
    )
    rep_.add_argument("-q", "--quiet", action="store_true", help="no progress or summary on stderr")
    gaz = sub.add_parser("gazetteer", help="gazetteer tools")
    gaz_sub = gaz.add_subparsers(dest="gazetteer_command", required=True, metavar="ACTION")
    check = gaz_sub.add_parser("check", help="validate gazetteer files; exit 1 if any problem")
    check.add_argument("files", nargs="+", metavar="FILE")
    return parser


def _version() -> str:
    from mediamon import __version__, engine

    return f"mediamon {__version__} ({engine.name()} matching engine)"


def _report(problems: Sequence[Problem]) -> None:
    """One line on standard error per problem: ``mediamon: path:line: reason``."""
    for problem in problems:
        print(f"mediamon: {problem}", file=sys.stderr)


def _run_pipeline(args: argparse.Namespace, annotate: bool) -> int:
    """``segment``/``annotate``: inputs are read, annotated and written one file at a time.

    Output and ``--dropped`` go to temporary files renamed only at the end (an interrupted
    run leaves no partial output); problems are printed as they come; only counts are kept.
    """
    from mediamon.io.inputs import check_encoding
    from mediamon.io.output import output_format

    # Every argument is checked before any input is read or any gazetteer loaded.
    fmt = output_format(args.output)
    check_encoding(args.encoding)
    jobs = getattr(args, "jobs", 1)
    if annotate:
        if jobs < 1:
            raise UsageError(Msg.USAGE_JOBS.format(jobs=jobs))
        if args.no_default and not args.gazetteer:
            raise UsageError(Msg.USAGE_NO_DEFAULT)
        for name in args.gazetteer:
            if not os.path.isfile(name):
                raise UsageError(Msg.NOT_FOUND, path=name)
    for target in (args.output, args.dropped):
        if target and target != "-" and os.path.isdir(target):
            raise UsageError(Msg.CANNOT_WRITE.format(detail=os.strerror(errno.EISDIR)), path=target)
    annotator = None
    if annotate:
        from mediamon.match.annotate import Annotator

        annotator = Annotator(args.gazetteer, default=not args.no_default)
    tally: Counter[str] = Counter()
    _stream(args, fmt, annotator, jobs, tally)
    if not args.quiet:
        parts = [_count(tally["articles"], "article"), _count(tally["dropped"], "line") + " set aside"]
        if annotate:
            parts.append(_count(tally["mentions"], "mention"))
        if tally["problems"]:
            parts.append(_count(tally["problems"], "problem"))
        print(f"mediamon: {', '.join(parts)}", file=sys.stderr)
    return EXIT_PROBLEMS if tally["problems"] else EXIT_OK


@contextlib.contextmanager
def _writing(path: str) -> Iterator[None]:
    """An OSError while writing ``path`` (no permission, disk full) as a one-line UsageError."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise UsageError(Msg.CANNOT_WRITE.format(detail=exc.strerror or exc), path=path) from exc


def _stream(
    args: argparse.Namespace, fmt: str, annotator: Annotator | None, jobs: int, tally: Counter[str]
) -> None:
    """Read, annotate and write, counting into ``tally``; outputs are renamed into place at the end."""
    from mediamon.io.atomic import atomic_write
    from mediamon.io.output import open_writer

    progress = not args.quiet and sys.stderr.isatty()
    gazetteer = annotator.gazetteer if annotator is not None and fmt == "sqlite" else None
    with (
        _store_errors(args.output),
        _writing(args.output),
        open_writer(args.output, format=fmt, gazetteer=gazetteer) as writer,
        _writing(args.dropped or "-"),
        atomic_write(args.dropped, errors="backslashreplace")
        if args.dropped
        else contextlib.nullcontext(None) as dropped_out,
    ):

        def on_dropped(dropped: Dropped) -> None:
            tally["dropped"] += 1
            if dropped_out is not None:
                dropped_out.write(json.dumps(dropped.to_dict(), ensure_ascii=False) + "\n")

        def on_problem(problem: Problem) -> None:
            tally["problems"] += 1
            _report([problem])

        if annotator is not None and jobs > 1:
            _stream_parallel(args, annotator, jobs, writer, on_dropped, on_problem, tally, progress)
            return
        from mediamon.io.inputs import iter_articles

        stream = iter_articles(
            args.inputs,
            encoding=args.encoding,
            day_first=not args.month_first,
            progress=progress,
            on_dropped=on_dropped,
            on_problem=on_problem,
        )
        for article in stream:
            if annotator is not None:
                article = annotator.annotate(article)  # noqa: PLW2901 - the annotated version is written
                tally["mentions"] += len(article.mentions)
            with _writing(args.output):
                writer.write(article)
            tally["articles"] += 1


@attrs.frozen
class _FileResult:
    """What a worker made of one input file: articles (or their rendered output), counts, asides."""

    items: tuple[Any, ...]
    mentions: int
    dropped: tuple[Dropped, ...]
    problems: tuple[Problem, ...]


def _process_file(
    name: str, data: bytes | None, encoding: str | None, day_first: bool, fmt: str | None
) -> _FileResult:
    """In a worker: read, segment and annotate one whole file; render it in ``fmt`` if given."""
    from mediamon.io.inputs import read_file
    from mediamon.io.output import render
    from mediamon.match import annotate

    annotator = annotate._WORKER
    assert annotator is not None
    parsed = read_file(name, encoding=encoding, day_first=day_first, data=data)
    articles = [annotator.annotate(a) for a in parsed.articles]
    mentions = sum(len(a.mentions) for a in articles)
    items = tuple(render(a, fmt) for a in articles) if fmt is not None else tuple(articles)
    return _FileResult(items, mentions, parsed.dropped, parsed.problems)


def _stream_parallel(
    args: argparse.Namespace,
    annotator: Annotator,
    jobs: int,
    writer: ArticleWriter,
    on_dropped: Callable[[Dropped], None],
    on_problem: Callable[[Problem], None],
    tally: Counter[str],
    progress: bool,
) -> None:
    """``--jobs N``: whole files go to N workers that read, segment, annotate and render them.

    The parent only copies the results out, in input order; at most ``2 * N`` files are in
    flight, so memory stays bounded. Output is identical to one job.
    """
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from tqdm import tqdm

    from mediamon.io.inputs import STDIN, _load_bytes, iter_inputs
    from mediamon.match.annotate import _init_worker

    fmt = writer.format if writer.renders else None
    pending: deque[Future[_FileResult] | Problem] = deque()
    bar = tqdm(desc="annotating", unit="file", disable=not progress, file=sys.stderr)

    def deliver() -> None:
        item = pending.popleft()
        if isinstance(item, Problem):
            on_problem(item)
            return
        result = item.result()
        bar.update()
        for dropped in result.dropped:
            on_dropped(dropped)
        for problem in result.problems:
            on_problem(problem)
        with _writing(args.output):
            for one in result.items:
                if fmt is None:
                    writer.write(one)
                else:
                    writer.write_rendered(one)
        tally["articles"] += len(result.items)
        tally["mentions"] += result.mentions

    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(annotator,))
    try:
        for name in iter_inputs(args.inputs):
            if isinstance(name, Problem):
                pending.append(name)
                continue
            data = _load_bytes(STDIN) if name == STDIN else None
            pending.append(pool.submit(_process_file, name, data, args.encoding, not args.month_first, fmt))
            while len(pending) >= 2 * jobs:
                deliver()
        while pending:
            deliver()
    except BrokenProcessPool as exc:
        raise WorkerError(Msg.WORKER_DIED.format(detail=exc)) from exc
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        bar.close()


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


@contextlib.contextmanager
def _store_errors(path: str) -> Iterator[None]:
    """An SQLite failure (locked, full, damaged) as a one-line error naming the store."""
    import sqlite3

    try:
        yield
    except sqlite3.Error as exc:
        raise InputError(Msg.STORE_ERROR.format(detail=exc), path=path) from exc


def _search(args: argparse.Namespace) -> int:
    import warnings

    from mediamon.store import Store

    if args.limit < 1:
        raise UsageError(Msg.BAD_LIMIT.format(value=args.limit))
    query = " ".join(args.query)
    if not query.strip():
        raise UsageError(Msg.SEARCH_EMPTY)
    with (
        Store(args.db, readonly=True) as store,
        _store_errors(args.db),
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
        print(f"mediamon: {args.db}: note: {warning.message}", file=sys.stderr)
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
            print(json.dumps(row, ensure_ascii=False))
        else:
            print(f"{article.id}  {date}  {article.source or '-'}  {' '.join(article.title.split())}")
            print(f"    {hit.snippet()}")
    if not args.quiet:
        print(f"mediamon: {_count(len(hits), 'hit')}", file=sys.stderr)
    return EXIT_OK


def _make_report(args: argparse.Namespace) -> int:
    from mediamon.corpus import Corpus
    from mediamon.io.inputs import check_encoding, read
    from mediamon.report import write_report
    from mediamon.store import STORE_SUFFIXES, read_store

    check_encoding(args.encoding)
    if args.jobs < 1:
        raise UsageError(Msg.USAGE_JOBS.format(jobs=args.jobs))
    if args.top < 1:
        raise UsageError(Msg.BAD_LIMIT.format(value=args.top))
    if args.no_default and not args.gazetteer:
        raise UsageError(Msg.USAGE_NO_DEFAULT)
    for name in [*args.gazetteer, *(i for i in args.inputs if i.lower().endswith(STORE_SUFFIXES))]:
        if not os.path.isfile(name):
            raise UsageError(Msg.NOT_FOUND, path=name)
    progress = not args.quiet and sys.stderr.isatty()
    annotator: Annotator | None = None
    articles: list[Article] = []
    problems: list[Problem] = []
    for name in args.inputs:
        if name.lower().endswith(STORE_SUFFIXES):
            with _store_errors(name):
                corpus = Corpus(read_store(name))
        else:
            corpus = read(name, encoding=args.encoding, day_first=not args.month_first, progress=progress)
            problems.extend(corpus.problems)
        if any(a.mentions for a in corpus):
            # Annotated before (our JSON Lines, a store): kept as it is, never annotated twice.
            if args.gazetteer or args.no_default:
                print(f"mediamon: {name}: note: already annotated; its mentions are kept", file=sys.stderr)
        elif len(corpus):
            if annotator is None:
                from mediamon.match.annotate import Annotator

                annotator = Annotator(args.gazetteer, default=not args.no_default)
            corpus = corpus.annotate(annotator, jobs=args.jobs)
        articles.extend(corpus)
    _write(
        lambda: write_report(articles, args.output, title=args.title, inputs=args.inputs, top=args.top),
        args.output,
    )
    _report(problems)
    if not args.quiet and args.output != "-":
        mentions = sum(len(a.mentions) for a in articles)
        print(
            f"mediamon: report of {_count(len(articles), 'article')}, {_count(mentions, 'mention')}"
            f" written to {args.output}",
            file=sys.stderr,
        )
    return EXIT_PROBLEMS if problems else EXIT_OK


def _stats(args: argparse.Namespace) -> int:
    from mediamon.io.inputs import read

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
    from mediamon.match.compile import CompiledGazetteer
    from mediamon.match.gazetteer import Gazetteer, check_file

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


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C so that cleanup (temporary output files) runs the same way."""


EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143  # 128 + SIGINT, 128 + SIGTERM


@contextlib.contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """While the block runs, SIGTERM in this process raises :class:`Terminated`.

    Only in the main thread, and not where SIGTERM is ignored; worker processes forked
    meanwhile die of it as before. The previous handler is restored afterwards.
    """
    import signal

    owner = os.getpid()

    def handler(signum: int, frame: object) -> None:
        if os.getpid() != owner:  # a forked worker: die as if no handler were installed
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            os.kill(os.getpid(), signal.SIGTERM)
            return
        raise Terminated

    try:
        previous = signal.getsignal(signal.SIGTERM)
        if previous == signal.SIG_IGN:
            raise ValueError("SIGTERM is ignored")
        signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread, or ignored on purpose: leave it alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``mediamon`` console script; returns the exit status.

    Ctrl-C (SIGINT) and SIGTERM stop the run cleanly: no partial output file is left,
    ``mediamon: interrupted`` is printed and the status is 130 or 143.
    """
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # --help, --version, or an argument error (already printed)
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE if exc.code else EXIT_OK
    try:
        with _sigterm_as_interrupt():
            return _dispatch(args)
    except UsageError as exc:
        print(f"mediamon: {exc if exc.path else exc.reason}", file=sys.stderr)
        return EXIT_USAGE
    except MediamonError as exc:
        print(f"mediamon: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    except KeyboardInterrupt as exc:
        print("mediamon: interrupted", file=sys.stderr)
        return EXIT_TERMINATED if isinstance(exc, Terminated) else EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, and keep Python from
        # complaining again when it flushes standard output at exit.
        with contextlib.suppress(OSError, ValueError, AttributeError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


def _dispatch(args: argparse.Namespace) -> int:
    """Run the chosen command."""
    if args.command == "segment":
        return _run_pipeline(args, annotate=False)
    if args.command == "annotate":
        return _run_pipeline(args, annotate=True)
    if args.command == "stats":
        return _stats(args)
    if args.command == "search":
        return _search(args)
    if args.command == "report":
        return _make_report(args)
    return _gazetteer_check(args)


if __name__ == "__main__":
    sys.exit(main())
