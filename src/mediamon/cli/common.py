"""What every command shares: exit codes, one-line errors, option groups declared once, counts."""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, NoReturn

from mediamon.errors import InputError, Msg, Problem, UsageError

if TYPE_CHECKING:
    from mediamon.corpus import Corpus
    from mediamon.match.annotate import Annotator

__all__ = [
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_PROBLEMS",
    "EXIT_TERMINATED",
    "EXIT_USAGE",
    "Parser",
    "add_annotator_options",
    "add_reading_options",
    "add_watch_options",
    "check_annotator_options",
    "check_outputs",
    "count",
    "make_annotator",
    "read_annotated",
    "report_problems",
    "say",
    "store_errors",
    "visible",
    "write",
    "writing",
]

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143  # 128 + SIGINT, 128 + SIGTERM


class Parser(argparse.ArgumentParser):
    """argparse with a one-line error message (what is wrong, and where to look) and exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def add_reading_options(parser: argparse.ArgumentParser) -> None:
    """How inputs are read: ``--encoding``, ``--month-first``."""
    parser.add_argument("--encoding", help="input encoding (default: detected)")
    parser.add_argument(
        "--month-first",
        action="store_true",
        help="read numeric dates as month/day (default day/month)",
    )


def add_annotator_options(parser: argparse.ArgumentParser) -> None:
    """Which gazetteers annotate, in how many processes, with discovery: ``-g``, ``--no-default``, ``--jobs``,
    ``--discover``."""
    parser.add_argument(
        "-g",
        "--gazetteer",
        action="append",
        default=[],
        metavar="GAZ",
        help="a gazetteer file (repeatable)",
    )
    parser.add_argument(
        "--no-default", action="store_true", help="do not load the bundled gazetteers and plugins"
    )
    parser.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes (default 1)")
    parser.add_argument("--discover", action="store_true", help="also propose names no gazetteer lists")


def add_watch_options(parser: argparse.ArgumentParser, *, required: bool = False) -> None:
    """Which entities to watch and where their new mentions go: ``--watch``, ``--alerts``."""
    parser.add_argument(
        "--watch",
        metavar="IDS",
        required=required,
        help="a file of entity ids or Wikidata QIDs, one a line: list their new mentions (a table on stdout)",
    )
    parser.add_argument(
        "--alerts",
        metavar="FILE",
        help="write the watched entities' new mentions as JSON to FILE (- for stdout, instead of the table)",
    )


def check_annotator_options(args: argparse.Namespace) -> None:
    """Refuse bad annotator options before any input is read or any gazetteer loaded."""
    if args.jobs < 1:
        raise UsageError(Msg.USAGE_JOBS.format(jobs=args.jobs))
    if args.no_default and not args.gazetteer:
        raise UsageError(Msg.USAGE_NO_DEFAULT)
    for name in args.gazetteer:
        # A pipe (``-g <(zcat g.jsonl.gz)``) or device is read like a file, its format by its content.
        if os.path.isdir(name):
            raise UsageError(Msg.GAZ_DIRECTORY, path=name)
        if not os.path.exists(name):
            raise UsageError(Msg.NOT_FOUND, path=name)


_STDOUT_NAMES = frozenset({"-", "/dev/stdout"})


def _identity(name: str) -> tuple[int, int] | None:
    """(device, inode) of an existing regular file, following links; None otherwise."""
    try:
        info = os.stat(name)
    except (OSError, ValueError):
        return None
    return (info.st_dev, info.st_ino) if stat.S_ISREG(info.st_mode) else None


def check_outputs(inputs: Sequence[str], outputs: Sequence[tuple[str, str | None]]) -> None:
    """Refuse (UsageError, exit 2) an output that is an input or another output, by any name.

    ``outputs`` are (option, path) pairs such as ``("-o", "out.jsonl")``; None and standard
    output are skipped, and so are devices (``/dev/null``). Identity is the file's device
    and inode (a hard link, a symbolic link or ``./x`` is the same file); a file that does
    not exist yet is compared by its resolved path. Inputs inside directories are walked
    the way the readers walk them. Called by every command that writes, before anything
    is read or written.
    """
    from mediamon.io.inputs import iter_inputs

    seen: dict[object, tuple[str, str]] = {}
    existing: dict[tuple[int, int], tuple[str, str]] = {}
    for option, path in outputs:
        if path is None or path in _STDOUT_NAMES:
            continue
        # The path as the writer resolves it (io/atomic.py): ``sub/../in.jsonl`` is ``in.jsonl``
        # even where ``sub`` does not exist, which ``os.stat`` of the path as written misses.
        target = os.path.realpath(path)
        ident = _identity(target)
        key: object = ident if ident is not None else target
        if ident is None and os.path.exists(target):
            continue  # a device or a pipe: nothing of it is an input that could be lost
        if key in seen:
            other_option, other = seen[key]
            reason = Msg.OUTPUT_IS_OUTPUT.format(option=option, other=other_option, name=other)
            raise UsageError(reason, path=path)
        seen[key] = (option, path)
        if ident is not None:
            existing[ident] = (option, path)
    if not existing:
        return
    for name in iter_inputs(list(inputs)):
        if isinstance(name, Problem) or name == "-":
            continue
        ident = _identity(name)
        if ident in existing:
            option, path = existing[ident]
            raise UsageError(Msg.OUTPUT_IS_INPUT.format(option=option, input=name), path=path)


def make_annotator(args: argparse.Namespace) -> Annotator:
    """The Annotator the options ask for."""
    from mediamon.match.annotate import Annotator

    return Annotator(args.gazetteer, default=not args.no_default, discover=getattr(args, "discover", False))


#: What :func:`visible` escapes: C0 controls (newline, ESC ...), DEL, C1 controls, lone surrogates.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: object) -> str:
    """``text`` safe to print on a terminal: control characters and lone surrogates as escapes.

    The one filter for text from input (titles, snippets, file names, problem messages)
    on its way to a terminal: ``ESC]0;`` cannot set the window title, ``ESC[2J`` cannot clear
    the screen, a newline in a file name cannot start a forged ``mediamon:`` line, and
    nothing fails to encode. Machine formats (``--json``) are written exactly instead.
    """
    shown = str(text)
    return _UNSAFE.sub(_escape, shown) if _UNSAFE.search(shown) else shown


#: The longest ``mediamon:`` line :func:`say` writes; a longer one (a message quoting a 100,000-
#: character alias, a WARC line of megabytes) keeps its start and its end, the middle left out.
LINE_MAX = 2000
_LINE_HEAD = 1500


def say(message: object) -> None:
    """One line ``mediamon: message`` on standard error, made :func:`visible`, at most
    :data:`LINE_MAX` characters (a message's end says what was done, so it is kept)."""
    line = visible(message)
    if len(line) > LINE_MAX:
        cut = f" [... {len(line) - LINE_MAX:,} characters left out ...] "
        tail = LINE_MAX - _LINE_HEAD - len(cut)
        line = line[:_LINE_HEAD] + cut + line[-tail:]
    print(f"mediamon: {line}", file=sys.stderr)


def report_problems(problems: Sequence[Problem]) -> None:
    """One line on standard error per problem: ``mediamon: path:line: reason``."""
    for problem in problems:
        say(problem)


def count(n: int, noun: str) -> str:
    """``1 article``, ``2 articles``."""
    return f"{n} {noun}" + ("" if n == 1 else "s")


@contextlib.contextmanager
def writing(path: str) -> Iterator[None]:
    """An OSError while writing ``path`` (no permission, disk full) as a one-line UsageError."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise write_error(exc, path) from exc


def write_error(exc: OSError, path: str) -> UsageError:
    """The UsageError :func:`writing` raises for ``exc`` (for loops that catch it themselves)."""
    return UsageError(Msg.CANNOT_WRITE.format(detail=exc.strerror or exc), path=path)


def write(action: Callable[[], Any], path: str) -> None:
    """Run a writing action under :func:`writing`."""
    with writing(path):
        action()


def read_annotated(path: str) -> Corpus:
    """An annotated output as it is: a store (``.db``), else our JSON Lines (or any input ``read`` takes).

    A store's damaged rows are in the corpus's ``problems`` (:meth:`Corpus.from_sqlite`)."""
    from mediamon.corpus import Corpus
    from mediamon.io.inputs import read
    from mediamon.store import STORE_SUFFIXES

    if path.lower().endswith(STORE_SUFFIXES):
        with store_errors(path):
            return Corpus.from_sqlite(path)
    return read(path)


@contextlib.contextmanager
def store_errors(path: str) -> Iterator[None]:
    """An SQLite failure (locked, full, damaged) as a one-line error naming the store: a full disk
    exits 2 as it does for a file (:func:`writing`), a locked or damaged store 1."""
    import sqlite3

    try:
        yield
    except sqlite3.Error as exc:
        # Imported here: the store package costs ~10 ms, and a run without a store never needs it.
        from mediamon.store.schema import failure_kind

        kind = failure_kind(exc)
        if kind == "full":
            raise UsageError(Msg.CANNOT_WRITE.format(detail=exc), path=path) from exc
        reason = Msg.STORE_LOCKED if kind == "locked" else Msg.STORE_ERROR.format(detail=exc)
        raise InputError(reason, path=path) from exc
