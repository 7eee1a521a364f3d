"""Report exports for the GUI and the command line: gather a breach's records from the
context, then build the PDF. reportlab loads only when an export actually runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from model.domain.errors import NotFoundError
from reports import ReportError, report_file_name

if TYPE_CHECKING:
    from model.services.context import AppContext

NOT_NOTIFIABLE_KIND = "not notifiable record"


def not_notifiable_file_name(reference: str) -> str:
    """The suggested file name, e.g. 'BR-2026-0007 not notifiable record.pdf'."""
    return report_file_name(reference, NOT_NOTIFIABLE_KIND)


def export_not_notifiable(ctx: AppContext, breach_id: int, path: Path) -> Path:
    """Write the not-notifiable record of a breach, resting on its latest decision.

    Raises ReportError when there is no decision not to notify, or the file cannot be
    written (any previous file is then unchanged). Safe to run off the GUI thread.
    """
    from reports.not_notifiable import build_not_notifiable_record

    breach = ctx.breaches.get(breach_id)
    decision = ctx.assessments.latest_decision(breach_id)
    if decision is None or decision.notify_ico:
        raise ReportError(
            f"{breach.reference} has no recorded decision not to notify the ICO, so there "
            "is no not-notifiable record to export. Record the decision first.")
    assessment = next((a for a in ctx.assessments.versions(breach_id)
                       if a.id == decision.assessment_id), None)
    if assessment is None:
        raise NotFoundError(f"The assessment behind the decision on {breach.reference} "
                            "is missing.")
    org = ctx.organisation.get()
    return build_not_notifiable_record(
        Path(path), org, breach, assessment, decision, ctx.breaches.timeline(breach_id),
        org.time_zone, generated_at=ctx.clock())
