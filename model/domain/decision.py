"""The DPO's decision on the two questions (notify the ICO; tell the people affected): the
rules a decision must meet against the assessment it rests on, and the s.68 restriction.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from model.domain.clock import DEFAULT_ZONE, format_local, to_zone
from model.domain.enums import Regime, RiskLevel
from model.domain.errors import ValidationError
from model.domain.records import (
    AssessmentRecord,
    Breach,
    DecisionRecord,
    Restriction,
    TimelineEvent,
)
from model.domain.validation import CLOCK_SKEW

# A departure or a restriction must be explained in more than a word or two: the ICO asks
# for the reasoning (Art. 33(5)), and "n/a" is not reasoning.
MIN_REASON = 20


class RestrictionGround(StrEnum):
    """The five grounds on which DPA 2018 s.68 lets a controller restrict or delay telling."""

    INQUIRY = "inquiry"
    CRIME = "crime"
    PUBLIC_SECURITY = "public_security"
    NATIONAL_SECURITY = "national_security"
    RIGHTS_OF_OTHERS = "rights_of_others"

    @property
    def label(self) -> str:
        return _GROUND_LABELS[self]


_GROUND_LABELS: dict[RestrictionGround, str] = {
    RestrictionGround.INQUIRY: "Avoid obstructing an official or legal inquiry or investigation",
    RestrictionGround.CRIME: "Avoid prejudicing the prevention, detection, investigation or "
                             "prosecution of crime",
    RestrictionGround.PUBLIC_SECURITY: "Protect public security",
    RestrictionGround.NATIONAL_SECURITY: "Protect national security",
    RestrictionGround.RIGHTS_OF_OTHERS: "Protect the rights and freedoms of others",
}


@dataclass(frozen=True)
class DecisionDraft:
    """What the DPO is about to record; checked by `decision_problems` before saving."""

    notify_ico: bool
    notify_subjects: bool
    decided_by: str
    decided_at: datetime
    notify_ico_reason: str = ""
    notify_subjects_reason: str = ""
    restriction: Restriction | None = None


@dataclass(frozen=True)
class Recommendation:
    """The engine's answer to the two questions, read from an Assessment or its document."""

    risk: RiskLevel
    notify_ico: bool
    notify_subjects: bool
    exemption: str | None = None


def recommendation_of(result: Any) -> Recommendation:
    """Accept an engine Assessment or its breach-assessment/1 document."""
    if isinstance(result, Recommendation):
        return result
    if isinstance(result, Mapping):
        return Recommendation(RiskLevel(result["risk"]), bool(result["notify_ico"]),
                              bool(result["notify_data_subjects"]),
                              result.get("data_subject_exemption"))
    return Recommendation(RiskLevel(result.risk), bool(result.notify_ico),
                          bool(result.notify_data_subjects), result.data_subject_exemption)


def departs(draft: DecisionDraft, result: Any) -> tuple[bool, bool]:
    """(departs on notifying the ICO, departs on telling the people affected)."""
    rec = recommendation_of(result)
    return draft.notify_ico != rec.notify_ico, draft.notify_subjects != rec.notify_subjects


def restriction_allowed(regime: Regime) -> bool:
    """s.68 restrictions exist only for law-enforcement processing (DPA 2018 Part 3)."""
    return regime is Regime.DPA2018_PART3


def _yes_no(value: bool, what: str) -> str:
    return what if value else "not to " + what.removeprefix("to ")


def departure_rule(question: str, recommended: bool) -> str:
    """The inline message for a departure that still lacks its reason."""
    what = "to notify the ICO" if question == "ico" else "to tell the people affected"
    return (f"The assessment recommends {_yes_no(recommended, what)}. Deciding otherwise "
            f"needs a reason of at least {MIN_REASON} characters, for the record.")


def _substantive(text: str) -> bool:
    return len(" ".join(text.split())) >= MIN_REASON


def _who_when(draft: DecisionDraft, now: datetime) -> list[ValidationError]:
    errors: list[ValidationError] = []
    if not draft.decided_by.strip():
        errors.append(ValidationError("decided_by", "say who made the decision"))
    at = draft.decided_at
    if at.tzinfo is None or at.utcoffset() is None:
        errors.append(ValidationError("decided_at", "has no time zone"))
    elif at > now + CLOCK_SKEW:
        errors.append(ValidationError(
            "decided_at", f"is in the future ({format_local(at)}); a decision is recorded "
            "once it has been made"))
    return errors


def _restriction(draft: DecisionDraft, rec: Recommendation, regime: Regime,
                 zone: str) -> list[ValidationError]:
    restriction = draft.restriction
    if restriction is None:
        return []
    if not restriction_allowed(regime):
        return [ValidationError("restriction", "a restriction under DPA 2018 s.68 applies "
                                f"only to Part 3 (law enforcement) breaches, not {regime.label}")]
    if not (draft.notify_subjects or rec.notify_subjects):
        return [ValidationError("restriction", "nothing to restrict: neither the assessment "
                                "nor the decision says the people affected are to be told")]
    errors: list[ValidationError] = []
    if restriction.ground not in RestrictionGround._value2member_map_:
        errors.append(ValidationError("restriction.ground", "choose one of the s.68 grounds"))
    if not _substantive(restriction.reasoning):
        errors.append(ValidationError(
            "restriction.reasoning", f"explain why the restriction is necessary and "
            f"proportionate (at least {MIN_REASON} characters)"))
    decided_on = _local_date(draft.decided_at, zone)
    if decided_on is not None and restriction.review_on <= decided_on:
        errors.append(ValidationError(
            "restriction.review_on", "must be after the day of the decision: a restriction "
            "lasts only as long as it is necessary, so it needs a future review date"))
    return errors


def _local_date(at: datetime, zone: str) -> date | None:
    if at.tzinfo is None or at.utcoffset() is None:
        return None
    return to_zone(at, zone).date()


def decision_problems(draft: DecisionDraft, result: Any, regime: Regime, now: datetime,
                      zone: str = DEFAULT_ZONE) -> list[ValidationError]:
    """Every rule the draft breaks, in form order; empty when it may be recorded.

    `result` is the assessment the decision rests on (engine Assessment or its document).
    A recorded s.68 restriction explains a departure on telling people, so that departure
    needs no separate reason.
    """
    rec = recommendation_of(result)
    errors: list[ValidationError] = []
    ico_departs, subjects_departs = departs(draft, rec)
    if ico_departs and not _substantive(draft.notify_ico_reason):
        errors.append(ValidationError("notify_ico_reason", departure_rule("ico", rec.notify_ico)))
    restricted = draft.restriction is not None and not draft.notify_subjects
    if subjects_departs and not restricted and not _substantive(draft.notify_subjects_reason):
        errors.append(ValidationError("notify_subjects_reason",
                                      departure_rule("subjects", rec.notify_subjects)))
    errors += _restriction(draft, rec, regime, zone)
    errors += _who_when(draft, now)
    return errors


class DecisionRefusedError(ValidationError):
    """The decision breaks one or more rules; `errors` holds them all, nothing was saved."""

    def __init__(self, errors: list[ValidationError]) -> None:
        self.errors = tuple(errors)
        more = len(errors) - 1
        tail = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        super().__init__(errors[0].field, errors[0].rule + tail)


def check_decision(draft: DecisionDraft, result: Any, regime: Regime, now: datetime,
                   zone: str = DEFAULT_ZONE) -> None:
    """Raise DecisionRefusedError unless the draft may be recorded."""
    errors = decision_problems(draft, result, regime, now, zone)
    if errors:
        raise DecisionRefusedError(errors)


# -- the register record of a breach decided "not notifiable" (Art. 33(5)) --------------

@dataclass(frozen=True)
class RecordSection:
    heading: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class RegisterRecord:
    """The one-page record for the breach register: what the ICO would ask to see."""

    title: str
    sections: tuple[RecordSection, ...]

    def as_text(self) -> str:
        parts = [self.title, "=" * len(self.title)]
        for s in self.sections:
            parts += ["", s.heading, *(f"  {line}" for line in s.lines)]
        return "\n".join(parts) + "\n"


_MARKS = {"raises": "+", "lowers": "−", "neutral": "="}


def _labels(items: tuple[Any, ...]) -> str:
    return "; ".join(i.label for i in items) or "not recorded"


def _count(value: int | None) -> str:
    return "not known" if value is None else f"{value:,}"


def _decision_lines(rec: Recommendation, d: DecisionRecord) -> tuple[str, ...]:
    lines = [f"Notify the ICO: {'yes' if d.notify_ico else 'no'} (recommended: "
             f"{'yes' if rec.notify_ico else 'no'})."]
    if d.notify_ico_reason:
        lines.append(f"Reason: {d.notify_ico_reason}")
    lines.append(f"Tell the people affected: {'yes' if d.notify_subjects else 'no'} "
                 f"(recommended: {'yes' if rec.notify_subjects else 'no'}).")
    if d.notify_subjects_reason:
        lines.append(f"Reason: {d.notify_subjects_reason}")
    if d.restriction is not None:
        lines += [f"Restricted under DPA 2018 s.68: "
                  f"{RestrictionGround(d.restriction.ground).label}.",
                  f"Reasoning: {d.restriction.reasoning}",
                  f"Review on {d.restriction.review_on:%d %b %Y}."]
    return tuple(lines)


def register_record(breach: Breach, assessment: AssessmentRecord, decision: DecisionRecord,
                    actions: tuple[TimelineEvent, ...] = (),
                    zone: str = DEFAULT_ZONE) -> RegisterRecord:
    """The record of a breach decided not notifiable: facts, effects, remedial action, and
    the reasoning for not notifying, as Art. 33(5) asks."""
    f, doc = assessment.facts, assessment.result  # the facts the reasoning rested on
    rec = recommendation_of(doc)
    sev = doc.get("severity", {})
    when = [f"{label}: {format_local(value, zone) or 'not recorded'}" for label, value in
            (("Began", f.occurred_at), ("Discovered", f.discovered_at),
             ("Became aware", f.aware_at))]
    sections = (
        RecordSection("The breach", (f"{breach.reference}: {breach.title or 'untitled'}",
                                     f"Rules: {f.regime.label}.", *when)),
        RecordSection("What happened", (f.summary or "Not recorded.",)),
        RecordSection("Data and people", (
            f"Kinds of data: {_labels(f.data_categories)}.",
            f"People: {_labels(f.data_subject_categories)}; number: "
            f"{_count(f.subjects_count)}; records: {_count(f.records_count)}.")),
        RecordSection("Likely consequences", (_labels(f.consequences) + ".",)),
        RecordSection("Remedial action", tuple(
            f"{format_local(e.at, zone)}: {e.text}" for e in actions) or ("None recorded.",)),
        RecordSection(f"Risk assessment (version {assessment.version}, "
                      f"{format_local(assessment.created_at, zone)})", (
            f"Result: {rec.risk.label}; severity {sev.get('score', '?')} "
            f"({str(sev.get('band', '?')).replace('_', ' ')}), method "
            f"{assessment.method_version}.",
            *(f"{_MARKS.get(r['effect'], '=')} {r['text']}" for r in doc.get("reasons", [])),
            *(f"Assumed: {a}" for a in doc.get("assumptions", [])))),
        RecordSection("Decision", (*_decision_lines(rec, decision),
                                   f"Decided by {decision.decided_by} on "
                                   f"{format_local(decision.decided_at, zone)}.")),
    )
    return RegisterRecord(f"Breach register record: {breach.reference} (not notified to the "
                          "ICO)", sections)
