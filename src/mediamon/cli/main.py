"""The ``mediamon`` command: the parser, the commands' table, exit status and signals.

Each command is a thin module over the public API (``pipeline``, ``stats``, ``search``,
``report``, ``gazetteer``) with an ``add_arguments``-style function and a ``run``.
Exit status: 0 success, 1 input problems reported (the good part is still written),
2 usage errors. Problems are printed to standard error, one line each, naming the file
and line; no traceback for a user's mistake.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence

from mediamon.cli import candidates, gazetteer, labels, pipeline, report, search, stats, watch
from mediamon.cli.common import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_TERMINATED,
    EXIT_USAGE,
    Parser,
    say,
)
from mediamon.errors import MediamonError, UsageError

__all__ = ["Terminated", "main"]

_Setup = Callable[[argparse.ArgumentParser], None]
_Run = Callable[[argparse.Namespace], int]

#: name -> (help, add its arguments, run it); in the order ``--help`` lists them.
COMMANDS: dict[str, tuple[str, _Setup, _Run]] = {
    "segment": ("split inputs into articles (no annotation)", pipeline.add_segment, pipeline.run_segment),
    "annotate": (
        "split inputs into articles and find entity mentions",
        pipeline.add_annotate,
        pipeline.run_annotate,
    ),
    "stats": ("counts by language, source and entity of an output file", stats.add_arguments, stats.run),
    "search": (
        "search a .db store: words in either script, entity aliases",
        search.add_arguments,
        search.run,
    ),
    "watch": (
        "new mentions of watched entities in a .db store, since a run (a table, or JSON for alerting)",
        watch.add_arguments,
        watch.run,
    ),
    "report": ("an HTML report to read in a browser", report.add_arguments, report.run),
    "gazetteer": ("gazetteer tools", gazetteer.add_arguments, gazetteer.run),
    "candidates": ("names no gazetteer lists, ranked for review", candidates.add_arguments, candidates.run),
    "labels": (
        "the label round trip: mentions out to Label Studio, corrections back as a gazetteer patch",
        labels.add_arguments,
        labels.run,
    ),
}


def _version() -> str:
    from mediamon import __version__, engine

    return f"mediamon {__version__} ({engine.name()} matching engine)"


def _parser() -> argparse.ArgumentParser:
    parser = Parser(prog="mediamon", description="Bilingual (Arabic + English) media monitoring.")
    parser.add_argument("--version", action="version", version=_version())
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (help_text, setup, _) in COMMANDS.items():
        setup(sub.add_parser(name, help=help_text))
    return parser


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C so that cleanup (temporary output files) runs the same way."""


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
            return COMMANDS[args.command][2](args)
    except UsageError as exc:
        say(exc if exc.path else exc.reason)
        return EXIT_USAGE
    except MediamonError as exc:
        say(exc)
        return EXIT_PROBLEMS
    except KeyboardInterrupt as exc:
        say("interrupted")
        return EXIT_TERMINATED if isinstance(exc, Terminated) else EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, and keep Python from
        # complaining again when it flushes standard output at exit.
        with contextlib.suppress(OSError, ValueError, AttributeError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
