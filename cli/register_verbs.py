"""Report kinds of the register, which need more than a breach reference:

    report register -o F.pdf|F.csv|F.xlsx [--from DATE --to DATE]
    report annual YEAR -o F.pdf

They extend the `report` verb (cli/report_verbs.py), which keeps the breach kinds.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path

from cli.common import CliError, open_context, wrote

KINDS = ("register", "annual")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-01-31") from None


def add(verbs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    report = verbs.choices["report"]
    report.add_argument("--from", dest="date_from", type=_day, metavar="DATE",
                        help="register: entries discovered on or after DATE (YYYY-MM-DD)")
    report.add_argument("--to", dest="date_to", type=_day, metavar="DATE",
                        help="register: entries discovered on or before DATE")
    report.description = (report.description or "") + (
        " Also: register (-o F.pdf|F.csv|F.xlsx, --from/--to) and annual YEAR (-o F.pdf).")
    breach_kinds: Callable[[argparse.Namespace], int] = report.get_default("run")
    report.set_defaults(run=lambda args: cmd_register(args) if args.kind in KINDS
                        else breach_kinds(args))


def cmd_register(args: argparse.Namespace) -> int:
    from model.domain.register.rows import RegisterFilter

    if args.kind == "annual":
        return _annual(args)
    if args.reference is not None:
        raise CliError("report register takes no reference; use --from and --to")
    path: Path = args.out or Path("breach register.pdf")
    if path.suffix.lower() not in (".pdf", ".csv", ".xlsx"):
        raise CliError(f"{path.name}: the register is written as .pdf, .csv or .xlsx")
    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise CliError("--from is after --to")
    ctx = open_context(args)
    try:
        register_filter = RegisterFilter(args.date_from, args.date_to)
        if path.suffix.lower() == ".pdf":
            from reports.pdf import write_document

            written = write_document(ctx.register.register_document(register_filter), path)
        else:
            from reports.spreadsheet import write_sheet

            written = write_sheet(path, ctx.register.sheets(
                register_filter, with_actions=path.suffix.lower() != ".csv"))
    finally:
        ctx.close()
    wrote(written)
    return 0


def _annual(args: argparse.Namespace) -> int:
    from reports.pdf import write_document

    year_text = args.reference or ""
    if not (year_text.isdigit() and 2000 <= int(year_text) <= 2100):
        raise CliError("report annual needs a year, e.g. report annual 2026 -o annual.pdf")
    path: Path = args.out or Path(f"annual breach report {year_text}.pdf")
    ctx = open_context(args)
    try:
        document = ctx.register.annual_document(int(year_text))
    finally:
        ctx.close()
    wrote(write_document(document, path))
    return 0
