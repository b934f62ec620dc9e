"""``mediamon gazetteer check``: validate gazetteer files; exit 1 if any has a problem."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from mediamon.cli.common import EXIT_OK, EXIT_PROBLEMS, report_problems, say, visible

if TYPE_CHECKING:
    from mediamon.match.gazetteer import Gazetteer

__all__ = ["add_arguments", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="gazetteer_command", required=True, metavar="ACTION")
    check = actions.add_parser("check", help="validate gazetteer files; exit 1 if any problem")
    check.add_argument("files", nargs="+", metavar="FILE")
    check.add_argument(
        "--ambiguity",
        action="store_true",
        help="also warn about aliases that are ordinary words or people's names (with the evidence)",
    )


def run(args: argparse.Namespace) -> int:
    from mediamon.match.compile import CompiledGazetteer
    from mediamon.match.gazetteer import Gazetteer

    status = EXIT_OK
    for name in args.files:
        gazetteer, problems = Gazetteer.checked(name)
        if gazetteer is None:
            status = EXIT_PROBLEMS
            report_problems(problems)
            continue
        compiled = CompiledGazetteer(gazetteer)
        for conflict in compiled.conflicts:
            say(
                f"{name}: note: alias {conflict.key!r} ({conflict.side}) "
                f"belongs to {conflict.kept}, not {conflict.lost} (first entity wins)"
            )
        if args.ambiguity:
            _ambiguity_warnings(name, gazetteer)
        print(visible(f"{name}: ok, {len(gazetteer)} entities, {gazetteer.alias_count()} aliases"))
    return status


def _ambiguity_warnings(name: str, gazetteer: Gazetteer) -> None:
    """One warning per alias of ``gazetteer`` the support stage treats as ambiguous."""
    from mediamon.match.annotate import Annotator

    annotator = Annotator([gazetteer])  # with the bundled data: its people's names count too
    model = annotator.support
    own = {entity.id for entity in gazetteer}
    for index, entity in enumerate(annotator.compiled.entities):
        if entity.id not in own:
            continue
        for lang, alias, why in model.alias_ambiguity(index):
            say(
                f"{name}: warning: {entity.id} alias {alias!r} ({lang}) is ambiguous "
                f"({why.reason}: {why.evidence}); it counts only with support in the article"
            )
