"""``mediamon segment --explain``: per input line, the role it got and the cue that decided it."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from typing import IO

from mediamon.cli.common import EXIT_OK, EXIT_PROBLEMS, report_problems
from mediamon.errors import InputError, Msg, Problem
from mediamon.io.atomic import atomic_write
from mediamon.text.segment import LineRole

__all__ = ["run_explain"]

_JSON_SUFFIXES = (".jsonl", ".ndjson")


def _write(out: IO[str], roles: list[LineRole], as_json: bool) -> None:
    for role in roles:
        if as_json:
            out.write(json.dumps(role.to_dict(), ensure_ascii=False) + "\n")
        else:
            out.write(f"{role.path}:{role.line}\t{role.role}\t{role.kind}\t{role.cue}\t{role.text}\n")


def run_explain(args: argparse.Namespace) -> int:
    """Explain every dump among the inputs; records files have no lines to explain (reported).

    Text output is one tab-separated line per input line: ``path:line``, role, kind (what the
    line is on its own), cue, text. An output name ending in ``.jsonl`` gets JSON Lines.
    Exit 1 when an input could not be explained.
    """
    from mediamon.io.inputs import STDIN, _format_of, _load_bytes, check_encoding, explain_dump, iter_inputs

    check_encoding(args.encoding)
    as_json = args.output.endswith(_JSON_SUFFIXES)
    problems: list[Problem] = []
    sink: contextlib.AbstractContextManager[IO[str]] = (
        atomic_write(args.output, errors="backslashreplace")
        if args.output != "-"
        else contextlib.nullcontext(sys.stdout)
    )
    with sink as out:
        for item in iter_inputs(args.inputs):
            if isinstance(item, Problem):
                problems.append(item)
                continue
            if item != STDIN and _format_of(item)[0] != "dump":
                problems.append(Problem(item, None, Msg.NOT_A_DUMP))
                continue
            source: bytes | str = _load_bytes(STDIN) if item == STDIN else item
            try:
                roles = explain_dump(source, encoding=args.encoding, day_first=not args.month_first)
            except InputError as exc:
                problems.append(exc.problem)
                continue
            _write(out, roles, as_json)
    report_problems(problems)
    return EXIT_PROBLEMS if problems else EXIT_OK
