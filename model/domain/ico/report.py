"""Preparing an ICO report from a case: the report type it should be, its answers resolved,
its checks, and its Document (draft or filed), with the last filed version for follow-ups.
Pure: the service, the ICO step's live preview and the command line all call these.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from model.domain.case import Case
from model.domain.document import Document
from model.domain.documents.ico_report import Filed, Previous, ico_report, report_status
from model.domain.documents.pecr_notice import pecr_notice
from model.domain.enums import Regime
from model.domain.errors import ValidationError
from model.domain.ico.changes import content_document, content_from_document
from model.domain.ico.checks import Check, check_report
from model.domain.ico.content import SCHEMA, ReportContent, Reporting, resolve
from model.domain.ico.form import question
from model.domain.ico.records import Filing, FilingDraft, IcoAnswers, ReportType

MAX_TEXT = 100_000  # characters in one answer: ample for a report, bounded for a PDF


def default_type(case: Case) -> ReportType:
    """Initial until one is filed; after that, follow-ups."""
    return ReportType.FOLLOW_UP if case.filings else ReportType.INITIAL


def previous_of(case: Case) -> Previous | None:
    """The last report the ICO received, read back from its frozen snapshot."""
    last = case.last_filing
    if last is None:
        return None
    doc = json.loads(last.snapshot_text)
    return Previous(last.version, last.filed_at, content_from_document(doc["content"]))


@dataclass(frozen=True)
class Prepared:
    """A report ready to show, print or freeze."""

    content: ReportContent
    checks: tuple[Check, ...]
    document: Document


def prepare(case: Case, report_type: ReportType, now: datetime,
            answers: IcoAnswers | None = None, filed: Filed | None = None,
            draft: FilingDraft | None = None) -> Prepared:
    """Resolve, check and lay out the report of `case` as it stands at `now`."""
    answers = answers if answers is not None else case.ico_answers
    reporting = Reporting(
        answers, report_type, draft.filed_at if draft else now,
        case_reference=(draft.case_reference or answers.case_reference) if draft else None,
        delay_reasons=(draft.delay_reasons or answers.delay_reasons) if draft else None)
    content = resolve(case, reporting)
    checks = check_report(case, reporting, content)
    previous = previous_of(case) if report_type is ReportType.FOLLOW_UP else None
    marking = draft.marking if draft and draft.marking else answers.marking
    if case.facts.regime is Regime.PECR:  # a PECR report replaces the main form's
        document = replace(pecr_notice(replace(case, ico_answers=answers), report_type, now),
                           marking=marking,
                           status=report_status(case, report_type, filed, now))
    else:
        document = ico_report(case, content, now, filed, previous, marking)
    return Prepared(content, checks, document)


def snapshot_document(case: Case, filing: FilingDraft, version: int,
                      content: ReportContent) -> dict[str, Any]:
    """What is frozen with a filing: how it was sent and every answer as sent."""
    return {"schema": SCHEMA, "breach": case.breach.reference, "version": version,
            "report_type": filing.report_type.value, "channel": filing.channel.value,
            "filed_at": filing.filed_at.isoformat(timespec="minutes"),
            "case_reference": filing.case_reference, "content": content_document(content)}


def check_answers(answers: IcoAnswers) -> None:
    """Refuse answers no screen offers (an unknown option, an empty step, a huge text)."""
    choices = {"why_reporting": "A1", "likelihood_override": "D6", "systems_affected": "C1",
               "cyber_impact": "C2", "recovery_time": "C3", "told_override": "T3",
               "others_told": "T4", "staff_trained": "S-T1"}
    for name, qid in choices.items():
        value = getattr(answers, name)
        if value is not None and question(qid).option(value) is None:
            raise ValidationError(name, f"'{value}' is not an answer the form offers")
    for value in answers.systems_cia:
        if value not in ("confidentiality", "integrity", "availability"):
            raise ValidationError("systems_cia", f"'{value}' is not an answer the form offers")
    for name, value in vars(answers).items():
        if isinstance(value, str) and len(value) > MAX_TEXT:
            raise ValidationError(name, f"is longer than {MAX_TEXT:,} characters")
    for step in answers.recurrence:
        if not step.text.strip():
            raise ValidationError("recurrence", "each step needs a description")


def check_filing(case: Case, draft: FilingDraft, now: datetime, late: bool,
                 answers: IcoAnswers) -> None:
    """What makes a filing impossible to record as given (the services refuse it)."""
    from model.domain.validation import CLOCK_SKEW

    if draft.filed_at > now + CLOCK_SKEW:
        raise ValidationError("filed_at", "is in the future: record a filing once it is sent")
    f = case.facts
    if f.occurred_at is not None and draft.filed_at < f.occurred_at:
        raise ValidationError("filed_at", "is before the breach began")
    if draft.report_type is ReportType.INITIAL and any(
            x.report_type is ReportType.INITIAL for x in case.filings):
        raise ValidationError("report_type", "an initial report was already filed: record "
                              "this one as a follow-up")
    if draft.report_type is ReportType.FOLLOW_UP:
        if not case.filings:
            raise ValidationError("report_type", "a follow-up needs an earlier report: "
                                  "record the initial report first")
        if not (draft.case_reference or answers.case_reference).strip():
            raise ValidationError("case_reference", "a follow-up must give the ICO case "
                                  "reference (A4)")
    last: Filing | None = case.last_filing
    if last is not None and draft.filed_at < last.filed_at:
        raise ValidationError("filed_at", "is before the previous report was filed")
    if late and draft.report_type is ReportType.INITIAL and not (
            draft.delay_reasons or answers.delay_reasons).strip():
        raise ValidationError("delay_reasons", "the report is after the deadline: give the "
                              "reasons for the delay (B6)")
    if draft.channel.value == "pecr" and f.regime.value != "pecr":
        raise ValidationError("channel", "the PECR form is for breaches under PECR only")
