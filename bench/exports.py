"""Documents and exports, built by the app's own code on the large vault: the ICO report
of the motivating case, the whole register as PDF, CSV and XLSX, the annual report and a
1,000-letter merge."""

from __future__ import annotations

from pathlib import Path

from bench.measure import median_ms, timed_ms
from model.domain.progress import NoProgress
from model.domain.register.rows import RegisterFilter
from model.services.context import AppContext


def ico_pdf_ms(ctx: AppContext, breach_id: int, runs: int = 5) -> float:
    """The ICO report of one case from its record to PDF bytes (what Preview lays out)."""
    from model.domain.ico.report import default_type, prepare
    from reports.pdf import render_document

    def build() -> None:
        case = ctx.cases.load(breach_id)
        render_document(prepare(case, default_type(case), ctx.clock(), case.ico_answers)
                        .document)

    build()  # fonts registered once per process, as in the app after its first PDF
    return median_ms(build, runs)


def register_ms(ctx: AppContext, folder: Path, suffix: str, runs: int = 1) -> float:
    """The whole register saved as PDF, CSV or XLSX, as the Register page's Export does
    it, from a fresh read of the vault."""
    from gui.register.exports import write_register

    def cold() -> None:
        ctx.db.generation += 1

    return median_ms(lambda: write_register(ctx, folder / f"register.{suffix}",
                                            RegisterFilter()), runs, before=cold)


def annual_ms(ctx: AppContext, folder: Path, year: int) -> float:
    """The annual report: statistics, charts and the year's tables, as a PDF."""
    from reports.pdf import write_document

    ctx.db.generation += 1
    return timed_ms(lambda: write_document(ctx.register.annual_document(year),
                                           folder / "annual.pdf"))


def merge_ms(ctx: AppContext, folder: Path, breach_id: int, letters: int = 1000) -> float:
    """`letters` letters merged into one PDF, as "Save letters…" does it."""
    from gui.people.merge import merge_work
    from model.domain.clock import to_zone
    from model.domain.people.prefill import current_text

    case = ctx.cases.load(breach_id)
    on = to_zone(ctx.clock(), case.zone).date()
    recipients = list(case.recipients[:letters])
    if len(recipients) < letters:
        raise RuntimeError(f"the merge breach has {len(recipients)} recipients, not "
                           f"{letters}")
    work = merge_work(case, current_text(case, False, on), recipients, on,
                      folder / "letters.pdf")
    return timed_ms(lambda: work(NoProgress()))
