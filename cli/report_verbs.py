"""The report verb: write a document of a breach (or of the register) as a file.

    report record REF -o FILE.pdf      the record of a breach decided not notifiable
    report REF --out FILE.pdf          the same (the form before kinds existed)
    report ico REF -o FILE.pdf [--follow-up]   the ICO breach report (a draft)
    report call-sheet REF -o FILE.pdf  one page for reporting by phone
    report pecr REF -o FILE.pdf [--follow-up]  the PECR notification (Annex I content)
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cli.common import CliError, open_context, wrote

if TYPE_CHECKING:
    from model.domain.document import Document
    from model.domain.ico.records import ReportType
    from model.services.context import AppContext

# kind -> (what it is, how to build it from a breach id)
KINDS: dict[str, tuple[str, Callable[[AppContext, int], Document]]] = {
    "record": ("the record of a breach decided not notifiable",
               lambda ctx, breach_id: ctx.documents.not_notifiable(breach_id)),
    "ico": ("the ICO breach report: initial until one is filed, then follow-up",
            lambda ctx, breach_id: ctx.ico.draft(breach_id)),
    "call-sheet": ("one page for reporting to the ICO by phone",
                   lambda ctx, breach_id: ctx.ico.call_sheet(breach_id)),
    "pecr": ("the PECR breach notification with the Annex I content",
             lambda ctx, breach_id: ctx.ico.pecr_notice(breach_id)),
    "lessons": ("the lessons-learned report of a breach",
                lambda ctx, breach_id: ctx.register.lessons_document(breach_id)),
}
# The kinds --follow-up changes, and how.
FOLLOW_UP: dict[str, Callable[[AppContext, int], Document]] = {
    "ico": lambda ctx, breach_id: ctx.ico.draft(breach_id, _follow_up()),
    "pecr": lambda ctx, breach_id: ctx.ico.pecr_notice(breach_id, _follow_up()),
}


def _follow_up() -> ReportType:
    from model.domain.ico.records import ReportType

    return ReportType.FOLLOW_UP


# Kinds with their own writer (letters laid out for post are not a Document): kind ->
# (what it is, write(ctx, args, breach_id) -> the path written). Verb groups register
# theirs when imported (cli/people_verbs.py), with any options they read in OPTIONS.
WRITERS: dict[str, tuple[str, Callable[[AppContext, argparse.Namespace, int], Path]]] = {}
OPTIONS: list[tuple[tuple[str, ...], dict[str, Any]]] = []


def add(verbs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    kinds = ", ".join(f"{k} ({what})" for k, (what, _) in [*KINDS.items(), *WRITERS.items()])
    report = verbs.add_parser("report", help="write a document of a breach as PDF",
                              description=f"Kinds: {kinds}. Without a kind: record.")
    report.add_argument("kind", metavar="KIND",
                        help=f"one of: {', '.join([*KINDS, *WRITERS])}")
    report.add_argument("reference", metavar="REF", nargs="?", help="breach reference")
    report.add_argument("-o", "--out", type=Path, metavar="FILE.pdf",
                        help="where to write it (default: a name from the reference, here)")
    report.add_argument("--follow-up", action="store_true",
                        help=f"a follow-up report ({', '.join(FOLLOW_UP)} only)")
    for flags, options in OPTIONS:
        report.add_argument(*flags, **options)
    report.set_defaults(run=cmd_report)


def cmd_report(args: argparse.Namespace) -> int:
    from reports import report_file_name
    from reports.pdf import write_document

    kind, reference = args.kind, args.reference
    if reference is None:  # "report REF": the one kind there was before kinds existed
        kind, reference = "record", kind
    if kind not in KINDS and kind not in WRITERS:  # register and annual: cli/register_verbs.py
        raise CliError(f"unknown report kind '{kind}': choose one of "
                       f"{', '.join([*KINDS, *WRITERS])}")
    if args.follow_up and kind not in FOLLOW_UP:
        raise CliError(f"--follow-up applies to {', '.join(FOLLOW_UP)} only")
    ctx = open_context(args)
    if kind in WRITERS:
        try:
            breach_id = ctx.breaches.get_by_reference(reference).id
            wrote(WRITERS[kind][1](ctx, args, breach_id))
        finally:
            ctx.close()
        return 0
    build = FOLLOW_UP[kind] if args.follow_up else KINDS[kind][1]
    try:
        breach = ctx.breaches.get_by_reference(reference)
        document = build(ctx, breach.id)
    finally:
        ctx.close()
    path = args.out or Path(report_file_name(breach.reference, document.kind))
    wrote(write_document(document, path))
    return 0
