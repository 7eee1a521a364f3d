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
from model.domain.records import Restriction
from model.domain.risk.stored import AssessmentResult
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
    """Accept a stored AssessmentResult, an engine Assessment or its document."""
    if isinstance(result, Recommendation):
        return result
    if isinstance(result, AssessmentResult):
        return Recommendation(result.risk, result.notify_ico, result.notify_data_subjects,
                              result.exemption)
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
