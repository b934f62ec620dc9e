"""``mediamon gazetteer check``: validate gazetteer files; exit 1 if any has a problem."""

from __future__ import annotations

import argparse
import sys

from mediamon.cli.common import EXIT_OK, EXIT_PROBLEMS, report_problems

__all__ = ["add_arguments", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="gazetteer_command", required=True, metavar="ACTION")
    check = actions.add_parser("check", help="validate gazetteer files; exit 1 if any problem")
    check.add_argument("files", nargs="+", metavar="FILE")


def run(args: argparse.Namespace) -> int:
    from mediamon.match.compile import CompiledGazetteer
    from mediamon.match.gazetteer import Gazetteer, check_file

    status = EXIT_OK
    for name in args.files:
        problems = check_file(name)
        if problems:
            status = EXIT_PROBLEMS
            report_problems(problems)
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
