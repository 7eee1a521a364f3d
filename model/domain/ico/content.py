"""The ICO report's answers, resolved from what is recorded: each question of the form gets
the text the report prints, whether it is answered, and whether it applies to this report.

Resolution is pure (a Case, the report's own answers, the report type and the moment of
reporting), so the draft on screen, the PDF and the frozen filing all say the same.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from model.domain.case import Case
from model.domain.closing import PEOPLE_TOLD, people_told
from model.domain.deadlines import DeadlineState, deadline_status
from model.domain.documents.text import NOT_RECORDED, when
from model.domain.enums import DataCategory, YesNoUnknown
from model.domain.ico.form import (
    DATA_CATEGORIES,
    QUESTIONS,
    SUBJECT_CATEGORIES,
    Applies,
    Question,
    question,
)
from model.domain.ico.records import IcoAnswers, RecurrenceStep, ReportType
from model.domain.law import Duty, cite_full
from model.domain.lessons.recurrence import recurrence_steps as lesson_steps
from model.domain.lessons.taxonomy import ActionStatus
from model.domain.people.telling import told_answer

SCHEMA = "breach-desk/ico-report/1"
NOT_ANSWERED = "Not answered"


@dataclass(frozen=True)
class Answer:
    """One question's answer as the report prints it."""

    id: str
    text: str
    answered: bool = True
    applies: bool = True
    note: str = ""
    estimate: bool = False


@dataclass(frozen=True)
class ReportContent:
    """Every question of the form, in order, answered for one report."""

    report_type: ReportType
    answers: tuple[Answer, ...]

    def get(self, qid: str) -> Answer:
        return next(a for a in self.answers if a.id == qid)

    def texts(self) -> dict[str, str]:
        """Question id -> answer text, for the questions this report asks."""
        return {a.id: a.text for a in self.answers if a.applies}


@dataclass(frozen=True)
class Reporting:
    """What resolution needs besides the case: the report's own answers and its moment."""

    answers: IcoAnswers
    report_type: ReportType
    at: datetime                       # when it is (or was) sent: decides lateness
    case_reference: str | None = None  # a filing's own reference wins over the stored one
    delay_reasons: str | None = None   # a filing's reasons win over the stored ones


def corrective_actions_of(case: Case) -> tuple[RecurrenceStep, ...]:
    """The breach's corrective and preventive actions (Lessons step), each with its
    expected completion date (the date promised to the ICO, else the due date), as the
    follow-up's T2 steps."""
    return tuple(RecurrenceStep(f"{s.description} (owner {s.owner})", s.expected_on,
                                s.status is ActionStatus.DONE)
                 for s in lesson_steps(case))


def recurrence_steps(case: Case, answers: IcoAnswers) -> tuple[RecurrenceStep, ...]:
    """T2: corrective actions first, then any typed step they do not already cover."""
    corrective = corrective_actions_of(case)
    known = {s.text.strip().casefold() for s in corrective}
    return corrective + tuple(s for s in answers.recurrence
                              if s.text.strip().casefold() not in known)


def is_late(case: Case, at: datetime) -> bool:
    """Whether a report sent at `at` is after the deadline (the first filing counts)."""
    f = case.facts
    first = case.filings[0].filed_at if case.filings else at
    status = deadline_status(f.regime, f.aware_at, first, at)
    return status.state is DeadlineState.NOTIFIED_LATE


def applies(q: Question, case: Case, r: Reporting) -> tuple[bool, str]:
    """Whether the report asks `q`, and why not when it does not."""
    match q.applies:
        case Applies.INITIAL:
            return r.report_type is ReportType.INITIAL, "Asked in initial reports only."
        case Applies.FOLLOW_UP:
            return r.report_type is ReportType.FOLLOW_UP, "Asked in follow-up reports only."
        case Applies.CYBER:
            return (case.facts.cyber_incident is not YesNoUnknown.NO,
                    "Not asked: the breach was not caused by a cyber incident (B2).")
        case Applies.STAFF:
            return (r.answers.staff_involved is not False,
                    "Not asked: no member of staff was involved.")
    return True, ""


def _text(value: str, note: str = "") -> Answer:
    value = value.strip()
    return Answer("", value or NOT_ANSWERED, bool(value), note=note)


def _choice(qid: str, value: str | None, details: str = "") -> Answer:
    option = question(qid).option(value)
    if option is None:
        return Answer("", NOT_ANSWERED, False)
    text = option.label if option.ours else option.ico
    return Answer("", f"{text}\n{details.strip()}" if details.strip() else text)


def _count(high: int | None, low: int | None) -> Answer:
    if high is None and low is None:
        return Answer("", "Not yet known", True, note="Not yet known: to follow.")
    if high is None:
        return Answer("", f"At least {low:,} (estimate)", True, estimate=True)
    if low is not None and low != high:
        return Answer("", f"Between {low:,} and {high:,} (estimate)", True, estimate=True,
                      note="An estimate: the exact figure will follow.")
    return Answer("", f"{high:,}")


def ticked(members: tuple[Any, ...], options: tuple[Any, ...], other_detail: str,
           extra_other: list[str]) -> Answer:
    """A tick-all list in the ICO's labels; our finer categories go under Other."""
    known = {o.value: o.ico for o in options}
    lines = [known[m.value] for m in members if m.value in known and m.value != "other"]
    others = [*extra_other, *([other_detail.strip()] if other_detail.strip() else [])]
    if any(m.value == "other" for m in members) or others:
        detail = "; ".join(others) if others else "details not given"
        lines.append(f"{known['other']}: {detail}")
    if not lines:
        return Answer("", NOT_ANSWERED, False)
    return Answer("", "\n".join(f"• {line}" for line in lines))


def _data(case: Case, r: Reporting) -> Answer:
    cats = case.facts.data_categories
    if cats == (DataCategory.NONE,):
        return Answer("", "No personal data was involved.")
    extra = [c.label for c in cats if c is DataCategory.BEHAVIOURAL]
    return ticked(tuple(c for c in cats if c is not DataCategory.BEHAVIOURAL),
                  DATA_CATEGORIES, r.answers.data_other_detail, extra)


def _subjects(case: Case, r: Reporting) -> Answer:
    ours = {o.value for o in SUBJECT_CATEGORIES}
    cats = case.facts.data_subject_categories
    extra = [c.label for c in cats if c.value not in ours]
    return ticked(tuple(c for c in cats if c.value in ours), SUBJECT_CATEGORIES,
                  r.answers.subjects_other_detail, extra)


def _found(case: Case, r: Reporting) -> Answer:
    f = case.facts
    parts = [f.how_found.strip().rstrip(".") + "." if f.how_found.strip() else ""]
    if f.found_by.strip():
        parts.append(f"Found by: {f.found_by.strip()}.")
    return _text(" ".join(p for p in parts if p))


def _delay(case: Case, r: Reporting) -> Answer:
    f = case.facts
    reasons = (r.delay_reasons if r.delay_reasons is not None else r.answers.delay_reasons)
    lines = [reasons.strip()] if reasons.strip() else []
    if f.aware_at is not None:
        rule = cite_full(f.regime, Duty.TIMING)
        aware = f"We became aware of the breach on {when(f.aware_at, case.zone)}"
        if f.discovered_at is not None and f.aware_at != f.discovered_at:
            aware += f" (it was discovered on {when(f.discovered_at, case.zone)})"
        aware += f"; the notification period under {rule} runs from then."
        if f.aware_note.strip():
            aware += f" Why then: {f.aware_note.strip()}"
        lines.append(aware)
    late = is_late(case, r.at)
    if not reasons.strip() and not late and f.aware_at is not None:
        lines.insert(0, "No delay: reported within the notification period.")
    answered = bool(reasons.strip()) or (not late and f.aware_at is not None)
    return Answer("", "\n".join(lines) or NOT_ANSWERED, answered,
                  note="Reported late: the reasons for the delay are required." if late
                  else "")


def _consequences(case: Case, r: Reporting) -> Answer:
    found = [c.label for c in case.facts.consequences]
    lines = [f"Possible consequences: {'; '.join(found)}."] if found else []
    if r.answers.harm_details.strip():
        lines.append(r.answers.harm_details.strip())
    return _text("\n".join(lines))


def _likelihood(case: Case, r: Reporting) -> Answer:
    latest = case.latest_assessment
    assessed = latest.result.likelihood if latest else None
    value = r.answers.likelihood_override or assessed
    option = question("D6").option(value)
    if option is None:
        return Answer("", "Not yet known", True, note="No risk assessment recorded yet.")
    details = r.answers.likelihood_details.strip() or (latest.result.summary if latest
                                                       else "")
    text = option.ico + (f"\n{details}" if details else "")
    note = ""
    if r.answers.likelihood_override and assessed and r.answers.likelihood_override != \
            assessed:
        note = "The DPO's judgement; it differs from the recorded assessment."
    return Answer("", text, note=note)


def _systems(case: Case, r: Reporting) -> Answer:
    a = _choice("C1", r.answers.systems_affected)
    if a.answered and r.answers.systems_affected == "yes" and r.answers.systems_cia:
        names = ", ".join(x.capitalize() for x in r.answers.systems_cia)
        return replace(a, text=f"Yes: {names}")
    return a


def _actions(case: Case, r: Reporting) -> Answer:
    lines = [f"• {when(e.at, case.zone)}: {e.text}" + (f" ({e.actor})" if e.actor else "")
             for e in case.actions()]
    if case.facts.recovery_note.strip():
        lines.append(f"Recovery: {case.facts.recovery_note.strip()}")
    if r.answers.further_actions.strip():
        lines.append(f"Further actions: {r.answers.further_actions.strip()}")
    return _text("\n".join(lines))


def _recurrence(case: Case, r: Reporting) -> Answer:
    lines = []
    for step in recurrence_steps(case, r.answers):
        due = f"expected by {step.due:%d %b %Y}" if step.due else "date not yet set"
        lines.append(f"• {step.text.strip()} ({'done' if step.done else due})")
    return _text("\n".join(lines))


def told_value(case: Case) -> str | None:
    """T3 as the records say it: people told, about to be, or decided against."""
    decision = case.latest_decision
    if people_told(case):  # the contact log (or an older vault's timeline entry)
        return "told"
    if decision is None:
        return "undecided"
    if decision.notify_subjects:
        return "planning" if decision.restriction is not None else "telling"
    return "decided_not"


def _told(case: Case, r: Reporting) -> Answer:
    value = r.answers.told_override or told_value(case)
    details = r.answers.told_details.strip()
    decision = case.latest_decision
    if not details:
        if value in ("told", "telling") and (case.contacts or case.notices
                                              or case.events(PEOPLE_TOLD)):
            details = told_answer(case).details  # counts from the record of who was told
        elif value == "decided_not" and decision is not None:
            details = decision.notify_subjects_reason
        elif value == "planning" and decision is not None and decision.restriction:
            law = cite_full(case.facts.regime, Duty.RESTRICT)
            review = decision.restriction.review_on
            details = f"Telling them is restricted under {law} until a review on " \
                      f"{review:%d %b %Y}."
    return _choice("T3", value, details)


def _person(name: str, email: str, phone: str) -> str:
    return "\n".join(x for x in (name.strip(), email.strip(), phone.strip()) if x)


def _reporter(case: Case, r: Reporting) -> Answer:
    a, org = r.answers, case.organisation
    if a.reporter_name.strip():
        return _text(_person(a.reporter_name, a.reporter_email, a.reporter_phone))
    return _text(_person(org.dpo_name, org.dpo_email, org.dpo_phone))


def _dpo(case: Case, r: Reporting) -> Answer:
    org, a = case.organisation, r.answers
    dpo = _person(org.dpo_name, org.dpo_email, org.dpo_phone)
    is_dpo = not a.reporter_name.strip() or (
        a.reporter_name.strip().casefold() == org.dpo_name.strip().casefold())
    if not org.dpo_name.strip():
        return Answer("", NOT_ANSWERED, False)
    return Answer("", "Yes" if is_dpo else f"No. The DPO is:\n{dpo}")


def _contact(case: Case, r: Reporting) -> Answer:
    return Answer("", r.answers.contact.strip() or "The person making this report (Y3).")


def _about(case: Case, r: Reporting) -> Answer:
    org, a = case.organisation, r.answers
    sector = case.facts.controller_sector or org.sector
    parts = [f"Sector: {sector.label}",
             f"ICO registration number: {org.ico_registration or NOT_RECORDED}",
             f"Organisation size: {a.organisation_size.strip() or NOT_RECORDED}"]
    return Answer("", "\n".join(parts))


_Resolver = Callable[[Case, Reporting], Answer]
RESOLVERS: dict[str, _Resolver] = {
    "A1": lambda c, r: _choice("A1", r.answers.why_reporting),
    "A2": lambda c, r: _text(r.answers.ico_staff),
    "A3": lambda c, r: Answer("", r.report_type.label),
    "A4": lambda c, r: _text(r.case_reference if r.case_reference is not None
                             else r.answers.case_reference),
    "B1": lambda c, r: _text(c.facts.summary),
    "B2": lambda c, r: _choice("B2", c.facts.cyber_incident.value
                               if c.facts.cyber_incident else None),
    "B3": _found,
    "B4": lambda c, r: _text(when(c.facts.discovered_at, c.zone)
                             if c.facts.discovered_at else ""),
    "B5": lambda c, r: _text(when(c.facts.occurred_at, c.zone) if c.facts.occurred_at
                             else ""),
    "B6": _delay,
    "B7": lambda c, r: _text(r.answers.prior_measures),
    "D1": _data,
    "D2": lambda c, r: _count(c.facts.records_count, c.facts.records_count_low),
    "D3": lambda c, r: _count(c.facts.subjects_count, c.facts.subjects_count_low),
    "D4": _subjects,
    "D5": _consequences,
    "D6": _likelihood,
    "C1": _systems,
    "C2": lambda c, r: _choice("C2", r.answers.cyber_impact),
    "C3": lambda c, r: _choice("C3", r.answers.recovery_time),
    "T1": _actions,
    "T2": _recurrence,
    "T3": _told,
    "T4": lambda c, r: _choice("T4", r.answers.others_told, r.answers.others_told_details),
    "S-T1": lambda c, r: _choice("S-T1", r.answers.staff_trained),
    "S-T2": lambda c, r: _text(r.answers.training_description),
    "S-T3": lambda c, r: _text(r.answers.training_followup),
    "Y1": lambda c, r: _text(c.organisation.name),
    "Y2": lambda c, r: _text(c.organisation.address),
    "Y3": _reporter,
    "Y4": _dpo,
    "Y5": _contact,
    "Y6": _about,
}


def resolve(case: Case, r: Reporting) -> ReportContent:
    """Every question of the form answered from the case and the report's own answers."""
    out = []
    for q in QUESTIONS:
        asked, why_not = applies(q, case, r)
        if not asked:
            out.append(Answer(q.id, why_not, answered=True, applies=False))
            continue
        answer = RESOLVERS[q.id](case, r)
        out.append(replace(answer, id=q.id, note=answer.note or q.note))
    return ReportContent(r.report_type, tuple(out))
