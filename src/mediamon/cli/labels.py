"""``mediamon labels export|import``: the label round trip (:mod:`mediamon.interop.labels`).

``export`` writes an annotated output's mentions as Label Studio tasks (and, with
``--config``, the labelling interface); ``import`` reads the project's JSON export back
and writes the corrections as a gazetteer patch, applied with ``-g patch.jsonl``.
"""

from __future__ import annotations

import argparse

from mediamon.cli.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    add_annotator_options,
    check_annotator_options,
    check_outputs,
    count,
    make_annotator,
    read_annotated,
    report_problems,
    say,
    write,
)

__all__ = ["add_arguments", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="labels_command", required=True, metavar="ACTION")
    out = actions.add_parser("export", help="mentions of an annotated output as Label Studio tasks")
    out.add_argument("file", metavar="OUT.jsonl|STORE.db", help="an annotated output (annotate -o ...)")
    out.add_argument("-o", "--output", required=True, metavar="TASKS.json", help="the tasks to import")
    out.add_argument("--config", metavar="CONFIG.xml", help="also write the labelling interface here")
    back = actions.add_parser("import", help="a Label Studio JSON export as a gazetteer patch")
    back.add_argument("file", metavar="EXPORT.json", help="the project's export (JSON format)")
    back.add_argument("-o", "--output", required=True, metavar="PATCH.jsonl", help="the patch to write")
    add_annotator_options(back)


def run(args: argparse.Namespace) -> int:
    check_outputs([args.file], [("-o", args.output), ("--config", getattr(args, "config", None))])
    return _export(args) if args.labels_command == "export" else _import(args)


def _export(args: argparse.Namespace) -> int:
    from mediamon.interop.labels import label_config, write_tasks
    from mediamon.io.atomic import atomic_write
    from mediamon.match.gazetteer import Gazetteer

    corpus = read_annotated(args.file)
    write(lambda: write_tasks(corpus, args.output), args.output)
    if args.config:
        types = {e.type for e in Gazetteer.default()} | {m.entity_type for a in corpus for m in a.mentions}

        def config() -> None:
            with atomic_write(args.config) as handle:
                handle.write(label_config(types))

        write(config, args.config)
    report_problems(corpus.problems)
    mentions = sum(len(a.mentions) for a in corpus)
    if len(corpus) and not mentions:
        say(f"{args.file}: note: no mentions to review; annotate it first (mediamon annotate ... -o OUT)")
    say(f"{count(len(corpus), 'task')}, {count(mentions, 'predicted span')} written to {args.output}")
    return EXIT_PROBLEMS if corpus.problems else EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from mediamon.interop.labels import read_corrections

    check_annotator_options(args)
    patch = read_corrections(args.file, make_annotator(args).gazetteer)
    write(lambda: patch.write(args.output), args.output)
    report_problems(patch.problems)
    say(
        f"{count(patch.reviewed, 'reviewed task')} of {patch.tasks}:"
        f" {count(patch.confirmed, 'span')} confirmed;"
        f" aliases to add: {patch.added}, texts to block: {patch.blocked}, entities: {len(patch.edits)};"
        f" apply with -g {args.output}"
    )
    return EXIT_PROBLEMS if patch.problems else EXIT_OK
