"""Letters to the people affected on the command line:

    report letter REF -o FILE.pdf                       one letter, for a sample recipient
    report letters REF [--recipients FILE.csv] -o FILE.pdf   the merge: one per recipient
    report notice REF -o FILE.pdf                       the public notice
    recipients REF [--import FILE.csv]                  list (or first import) recipients

A CSV given to `report letters` is read and checked as the app imports it, but not kept in
the vault; without one, the vault's recipients are used.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from cli import report_verbs
from cli.common import CliError, open_context

if TYPE_CHECKING:
    from model.domain.people.csv_import import ImportPreview
    from model.domain.people.printed import PrintedLetter
    from model.services.context import AppContext

MAX_SHOWN = 10  # bad rows listed on stderr


def _read(name: Path) -> bytes:
    try:
        return Path(name).read_bytes()
    except OSError as err:
        raise CliError(f"cannot read {name}: {err.strerror or err}") from None


def _refuse(preview: ImportPreview, name: Path) -> None:
    if not preview.problems:
        return
    for problem in preview.problems[:MAX_SHOWN]:
        print(f"breach-desk: {name}: row {problem.row}: {problem.text}", file=sys.stderr)
    more = len(preview.problems) - MAX_SHOWN
    tail = f" (and {more} more)" if more > 0 else ""
    raise CliError(f"{name}: {len(preview.problems)} rows are not valid{tail}; nothing was "
                   "written")


def _warn_problems(ctx: AppContext, breach_id: int, notice: bool) -> None:
    from model.domain.people.letter import letter_problems
    from model.domain.people.prefill import current_text

    case = ctx.cases.load(breach_id)
    on = ctx.people.today(case.zone)
    for problem in letter_problems(current_text(case, notice, on), on):
        print(f"breach-desk: warning: {problem.text}", file=sys.stderr)


def _write(letters: tuple[PrintedLetter, ...], args: argparse.Namespace, reference: str,
           kind: str) -> Path:
    from reports import report_file_name
    from reports.letters import write_letters

    path = args.out or Path(report_file_name(reference, kind))
    write_letters(letters, path)
    return Path(path)


def _csv_letters(ctx: AppContext, breach_id: int, name: Path) -> tuple[PrintedLetter, ...]:
    from model.domain.people.csv_import import guess_mapping, preview, read_table
    from model.domain.people.recipients import Recipient

    table = read_table(_read(name))
    result = preview(table, guess_mapping(table.headers))
    _refuse(result, name)
    recipients = [Recipient(id=0, breach_id=breach_id, number=i, name=r.draft.name,
                            lines=r.draft.lines, postcode=r.draft.postcode,
                            email=r.draft.email, categories=r.draft.categories)
                  for i, r in enumerate(result.rows, 1)]
    return ctx.people.printed_for(breach_id, recipients)


def write_letter(ctx: AppContext, args: argparse.Namespace, breach_id: int) -> Path:
    from model.domain.people.printed import SAMPLE

    _warn_problems(ctx, breach_id, notice=False)
    letters = ctx.people.printed_for(breach_id, [SAMPLE])
    return _write(letters, args, ctx.breaches.get(breach_id).reference, "letter (sample)")


def write_letters(ctx: AppContext, args: argparse.Namespace, breach_id: int) -> Path:
    _warn_problems(ctx, breach_id, notice=False)
    if args.recipients is not None:
        letters = _csv_letters(ctx, breach_id, args.recipients)
    else:
        letters = ctx.people.printed(breach_id)
        if not letters:
            raise CliError("this breach has no recipients: give --recipients FILE.csv, or "
                           "import them with 'recipients REF --import FILE.csv'")
    return _write(letters, args, ctx.breaches.get(breach_id).reference, "letters")


def write_notice(ctx: AppContext, args: argparse.Namespace, breach_id: int) -> Path:
    _warn_problems(ctx, breach_id, notice=True)
    letters = ctx.people.printed(breach_id, notice=True)
    return _write(letters, args, ctx.breaches.get(breach_id).reference, "public notice")


report_verbs.WRITERS.update({
    "letter": ("one letter to the people affected, for a sample recipient", write_letter),
    "letters": ("the letters to every recipient, one PDF", write_letters),
    "notice": ("the public notice", write_notice),
})
report_verbs.OPTIONS.append((("--recipients",), {
    "type": Path, "metavar": "FILE.csv",
    "help": "letters: the recipients as CSV (name, address lines, postcode; optional email "
            "and data involved), instead of those in the vault"}))


def add(verbs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    rec = verbs.add_parser("recipients", help="list the recipients of a breach's letters, "
                           "or import them from CSV")
    rec.add_argument("reference", metavar="REF", help="breach reference")
    rec.add_argument("--import", dest="csv", type=Path, metavar="FILE.csv",
                     help="import these recipients first (all rows or none)")
    rec.set_defaults(run=cmd_recipients)


def cmd_recipients(args: argparse.Namespace) -> int:
    from model.domain.people.telling import status

    ctx = open_context(args)
    try:
        breach = ctx.breaches.get_by_reference(args.reference)
        if args.csv is not None:
            data = _read(args.csv)
            preview = ctx.recipients.preview(breach.id, data)
            _refuse(preview, args.csv)
            result = ctx.recipients.import_csv(breach.id, data, preview.mapping,
                                               args.csv.name)
            print(f"breach-desk: imported {result.added} recipients, {result.merged} merged "
                  "by address", file=sys.stderr)
        case = ctx.cases.load(breach.id)
    finally:
        ctx.close()
    for r in case.recipients:
        print(f"{r.reference(breach.reference)}\t{r.name}\t{', '.join(r.lines)}\t{r.postcode}")
    print(f"breach-desk: {status(case).line() or 'no recipients'}", file=sys.stderr)
    return 0
