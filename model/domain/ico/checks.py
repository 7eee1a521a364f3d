"""Completeness and quality checks of an ICO report, each naming the place to fix it: the
minimum content the law asks for (cited per regime), what Breach Desk requires, reasons for
a late report, awareness against discovery, personal data in free text, and estimates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum

from model.domain.case import Case
from model.domain.deadlines import format_span, reasons_for_delay_required
from model.domain.ico.content import (
    ReportContent,
    Reporting,
    applies,
    is_late,
    recurrence_steps,
    resolve,
)
from model.domain.ico.form import QUESTIONS, Question
from model.domain.ico.personal_data import describe, findings
from model.domain.ico.records import ReportType
from model.domain.law import Duty, cite_full

# Awareness this long after discovery needs explaining: the ICO measures from discovery.
GAP_TO_EXPLAIN = timedelta(hours=1)
# The questions carrying our own contact details: never scanned for personal data.
_OWN_DETAILS = ("A2", "Y1", "Y2", "Y3", "Y4", "Y5", "Y6")


class Level(StrEnum):
    REQUIRED = "required"  # the report should not go without it
    WARNING = "warning"    # worth fixing before sending
    INFO = "info"          # for the DPO's attention

    @property
    def symbol(self) -> str:
        return {"required": "✖", "warning": "⚠", "info": "ℹ"}[self.value]


@dataclass(frozen=True)
class Check:
    """One finding and where to fix it: `target` is a question id ('B6') or another step
    ('risk', 'triage'); `field` is the fact or answer to focus there."""

    level: Level
    text: str
    target: str
    field: str = ""


def _missing(q: Question, case: Case) -> Check:
    reason = "required by Breach Desk"
    if q.minimum is not None:
        law = cite_full(case.facts.regime, q.minimum)
        reason = f"part of the minimum content of a notification ({law})"
    return Check(Level.REQUIRED, f"{q.id} {q.caption}: not answered yet; {reason}.", q.id,
                 q.keys[0] if q.keys else "")


def _content_checks(case: Case, r: Reporting, content: ReportContent) -> list[Check]:
    out = []
    for q in QUESTIONS:
        answer = content.get(q.id)
        if answer.applies and not answer.answered and (q.required or q.minimum) \
                and q.id != "B6":
            out.append(_missing(q, case))
        if answer.applies and answer.estimate:
            out.append(Check(Level.INFO, f"{q.id} {q.caption} is an estimate ({answer.text}):"
                             " the report says so; send the exact figure when known "
                             f"({cite_full(case.facts.regime, Duty.PHASES)}).", q.id,
                             q.keys[0]))
    return out


def _timing(case: Case, r: Reporting, content: ReportContent) -> list[Check]:
    f, out = case.facts, []
    if f.aware_at is None:
        out.append(Check(Level.REQUIRED, "When you became aware is not recorded: the "
                         f"notification period ({cite_full(f.regime, Duty.TIMING)}) runs "
                         "from it.", "B6", "aware_at"))
    late = is_late(case, r.at) or reasons_for_delay_required(case.deadline(r.at))
    if late and r.report_type is ReportType.INITIAL and not content.get("B6").answered:
        out.append(Check(Level.REQUIRED, "B6 Reasons for the delay: required, the report is "
                         f"after the deadline ({cite_full(f.regime, Duty.TIMING)}).", "B6",
                         "delay_reasons"))
    if f.aware_at and f.discovered_at:
        gap = f.aware_at - f.discovered_at
        if gap >= GAP_TO_EXPLAIN and not f.aware_note.strip():
            out.append(Check(Level.WARNING, f"You became aware {format_span(gap)} after the "
                             "breach was discovered: say why (the ICO counts from discovery;"
                             " the explanation goes into B6).", "B6", "aware_note"))
    return out


def _quality(case: Case, r: Reporting, content: ReportContent) -> list[Check]:
    out, a, f = [], r.answers, case.facts
    own = (case.organisation.address, case.organisation.dpo_email,
           case.organisation.dpo_phone, case.organisation.name)
    year = r.at.year
    for answer in content.answers:
        if answer.applies and answer.answered and answer.id not in _OWN_DETAILS:
            found = findings(answer.text, year, own)
            if found:
                q = next(q for q in QUESTIONS if q.id == answer.id)
                out.append(Check(Level.WARNING, f"{q.id} {q.caption} seems to hold "
                                 f"{describe(found)}: the ICO asks you not to send the "
                                 "personal data of the people affected.", q.id,
                                 q.keys[0] if q.keys else ""))
    if "other" in {c.value for c in f.data_categories} and not a.data_other_detail.strip():
        out.append(Check(Level.WARNING, "D1: 'Other' is ticked: give details.", "D1",
                         "data_other_detail"))
    if "other" in {c.value for c in f.data_subject_categories} and \
            not a.subjects_other_detail.strip():
        out.append(Check(Level.WARNING, "D4: 'Other' is ticked: say who the people are.",
                         "D4", "subjects_other_detail"))
    if f.consequences and not a.harm_details.strip():
        out.append(Check(Level.WARNING, "D5: say whether there has been any actual harm so "
                         "far.", "D5", "harm_details"))
    return out


def _records(case: Case, r: Reporting) -> list[Check]:
    out, a = [], r.answers
    latest, decision = case.latest_assessment, case.latest_decision
    if latest is None:
        out.append(Check(Level.WARNING, "No risk assessment is recorded: D6 (likelihood) "
                         "reads 'Not yet known'. Record one in the Risk step.", "risk"))
    elif case.assessment_is_stale():
        out.append(Check(Level.WARNING, "The facts changed since the latest assessment: "
                         "record a new one so D6 matches them.", "risk"))
    if decision is not None and not decision.notify_ico and not case.filings:
        out.append(Check(Level.WARNING, "The recorded decision is not to notify the ICO: "
                         "record a new decision if you now report.", "risk"))
    if r.report_type is ReportType.FOLLOW_UP:
        if not case.filings:
            out.append(Check(Level.REQUIRED, "A follow-up needs an earlier report: record "
                             "the initial report's filing first.", "A3"))
        if any(s.due is None and not s.done for s in recurrence_steps(case, a)):
            out.append(Check(Level.WARNING, "T2: give each step the date you expect it to "
                             "be done (the ICO asks when).", "T2", "recurrence"))
    if a.why_reporting in ("below_threshold", "unclear"):
        out.append(Check(Level.INFO, "A1: the ICO suggests phoning its helpline (0303 123 "
                         "1113) when a breach may not meet the threshold.", "A1",
                         "why_reporting"))
    if a.staff_involved is None:
        out.append(Check(Level.INFO, "Staff and training: say whether a member of staff was "
                         "involved.", "S-T1", "staff_involved"))
    if not case.organisation.ico_registration.strip():
        out.append(Check(Level.INFO, "Y6: no ICO registration number in Settings.", "Y6",
                         "ico_registration"))
    return out


def _cyber(case: Case, r: Reporting, content: ReportContent) -> list[Check]:
    out = []
    for q in QUESTIONS:
        if q.part.name == "CYBER" and applies(q, case, r)[0] \
                and not content.get(q.id).answered:
            out.append(Check(Level.WARNING, f"{q.id} {q.caption}: asked for cyber incidents; "
                             "not answered yet.", q.id, q.keys[0]))
    return out


def check_report(case: Case, r: Reporting, content: ReportContent | None = None,
                 ) -> tuple[Check, ...]:
    """Every finding, the ones blocking a good report first."""
    content = content or resolve(case, r)
    found = [*_timing(case, r, content), *_content_checks(case, r, content),
             *_cyber(case, r, content), *_records(case, r), *_quality(case, r, content)]
    order = {Level.REQUIRED: 0, Level.WARNING: 1, Level.INFO: 2}
    return tuple(sorted(found, key=lambda c: order[c.level]))


def required_missing(checks: tuple[Check, ...]) -> tuple[Check, ...]:
    return tuple(c for c in checks if c.level is Level.REQUIRED)
