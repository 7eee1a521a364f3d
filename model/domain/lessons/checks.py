"""Rules for lessons and actions, checked once at the service boundary, and what is still
missing before lessons count as complete."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from model.domain.errors import ValidationError
from model.domain.lessons.records import ActionDraft, CorrectiveAction, Lessons
from model.domain.lessons.taxonomy import INCIDENT_TYPE_LISTS, LearningResponse
from model.domain.limits import text_problem

MAX_TEXT = 100_000   # a long narrative fits many times over; a pasted file does not
MAX_LINE = 500
MAX_WHYS = 5


def bounded(value: str, field: str, limit: int = MAX_TEXT) -> str:
    text = value.strip()
    if len(text) > limit:
        raise ValidationError(field, f"is longer than {limit:,} characters; shorten it or "
                              "attach the full text as a file")
    problem = text_problem(text, limit)
    if problem:
        raise ValidationError(field, problem)
    return text


def clean_lessons(lessons: Lessons) -> Lessons:
    """Lessons as stored: texts trimmed and bounded, the primary cause not repeated among
    the contributing factors, at most five whys; ValidationError for what cannot be kept."""
    if lessons.taxonomy_version not in INCIDENT_TYPE_LISTS:
        raise ValidationError("incident_type", "comes from an unknown version of the ICO "
                              f"list ({lessons.taxonomy_version})")
    if len(lessons.five_whys) > MAX_WHYS:
        raise ValidationError("five_whys", f"at most {MAX_WHYS} answers")
    contributing = tuple(dict.fromkeys(c for c in lessons.contributing
                                       if c != lessons.primary_cause))
    whys = tuple(bounded(w, f"five_whys[{i}]", 2_000) for i, w in enumerate(lessons.five_whys))
    while whys and not whys[-1]:
        whys = whys[:-1]
    return replace(
        lessons, contributing=contributing, five_whys=whys,
        team=bounded(lessons.team, "team", MAX_LINE),
        response_reason=bounded(lessons.response_reason, "response_reason"),
        narrative=bounded(lessons.narrative, "narrative"),
        went_well=bounded(lessons.went_well, "went_well"),
        needed_sooner=bounded(lessons.needed_sooner, "needed_sooner"),
        do_differently=bounded(lessons.do_differently, "do_differently"))


def lessons_missing(lessons: Lessons | None) -> list[str]:
    """What must still be recorded before the lessons are complete (empty: complete)."""
    if lessons is None:
        return ["the ICO incident type", "the primary cause", "the learning response",
                "why it happened", "what would be done differently"]
    missing = []
    if lessons.incident_type is None:
        missing.append("the ICO incident type")
    if lessons.primary_cause is None:
        missing.append("the primary cause")
    if lessons.learning_response is None:
        missing.append("the learning response")
    elif lessons.learning_response is LearningResponse.NONE and not lessons.response_reason:
        missing.append("why no learning response was needed")
    if not lessons.narrative and not any(lessons.five_whys):
        missing.append("why it happened (the narrative or the five whys)")
    if not lessons.do_differently:
        missing.append("what would be done differently")
    return missing


def clean_action(draft: ActionDraft, today: date) -> ActionDraft:
    """An action as stored; a description, an owner and a due date are required."""
    description = bounded(draft.description, "description", 5_000)
    if not description:
        raise ValidationError("description", "say what is to be done")
    owner = bounded(draft.owner, "owner", MAX_LINE)
    if not owner:
        raise ValidationError("owner", "name the person who owns the action")
    if draft.due_on is None:
        raise ValidationError("due_on", "give a due date, so the action can be followed up")
    if draft.review_on is not None and draft.review_on < draft.due_on:
        raise ValidationError("review_on", "an effectiveness review comes after the due "
                              "date, once there is something to review")
    return replace(draft, description=description, owner=owner,
                   owner_role=bounded(draft.owner_role, "owner_role", MAX_LINE),
                   addresses=bounded(draft.addresses, "addresses", 2_000))


def check_wont_do(reason: str, accepted_by: str) -> tuple[str, str]:
    """A decision not to do an action needs its reason and the person accepting the risk."""
    reason, accepted_by = bounded(reason, "wont_do_reason", 5_000), bounded(
        accepted_by, "risk_accepted_by", MAX_LINE)
    if not reason:
        raise ValidationError("wont_do_reason", "say why the action will not be done")
    if not accepted_by:
        raise ValidationError("risk_accepted_by", "name the person who accepts the risk of "
                              "not doing it")
    return reason, accepted_by


def check_done(completed_on: date | None, today: date, evidence: str) -> str:
    """Done needs a completion date (not in the future) and a note of the evidence."""
    if completed_on is None:
        raise ValidationError("completed_on", "say when it was completed")
    if completed_on > today:
        raise ValidationError("completed_on", "cannot be in the future")
    note = bounded(evidence, "evidence_note", 5_000)
    if not note:
        raise ValidationError("evidence_note", "say what shows it was done (attach files "
                              "as well where you have them)")
    return note


def check_review(action: CorrectiveAction, reviewed_on: date | None, today: date,
                 reviewer: str) -> str:
    """An effectiveness review is of a done action, dated, by a named reviewer."""
    if action.status is not action.status.DONE:
        raise ValidationError("verdict", f"{action.reference} is not done yet: review its "
                              "effectiveness once it is")
    if reviewed_on is None or reviewed_on > today:
        raise ValidationError("reviewed_on", "give the review date (not in the future)")
    name = bounded(reviewer, "reviewed_by", MAX_LINE)
    if not name:
        raise ValidationError("reviewed_by", "name the reviewer")
    return name
