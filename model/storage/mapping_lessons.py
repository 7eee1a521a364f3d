"""Rows become lessons and action records, and back; and the register's copies of the
latest assessment and decision on the breach row, written where those are written."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from model.domain.lessons.records import ActionDraft, CorrectiveAction, Lessons
from model.domain.lessons.taxonomy import (
    ActionArea,
    ActionKind,
    ActionStatus,
    Cause,
    IncidentType,
    LearningResponse,
    Priority,
    Verdict,
)
from model.storage.orm import BreachRow
from model.storage.orm_lessons import ActionRow, LessonsRow


def to_lessons(row: LessonsRow) -> Lessons:
    return Lessons(
        incident_type=IncidentType(row.incident_type) if row.incident_type else None,
        taxonomy_version=row.taxonomy_version,
        primary_cause=Cause(row.primary_cause) if row.primary_cause else None,
        contributing=tuple(Cause(v) for v in row.contributing.split(",") if v),
        team=row.team,
        learning_response=(LearningResponse(row.learning_response)
                           if row.learning_response else None),
        response_reason=row.response_reason, five_whys=tuple(json.loads(row.five_whys)),
        narrative=row.narrative, went_well=row.went_well, needed_sooner=row.needed_sooner,
        do_differently=row.do_differently, updated_at=row.updated_at,
        updated_by=row.updated_by)


def store_lessons(row: LessonsRow, lessons: Lessons) -> None:
    row.incident_type = lessons.incident_type.value if lessons.incident_type else None
    row.taxonomy_version = lessons.taxonomy_version
    row.primary_cause = lessons.primary_cause.value if lessons.primary_cause else None
    row.contributing = ",".join(c.value for c in lessons.contributing)
    row.team = lessons.team
    row.learning_response = (lessons.learning_response.value if lessons.learning_response
                             else None)
    row.response_reason = lessons.response_reason
    row.five_whys = json.dumps(list(lessons.five_whys), ensure_ascii=False)
    row.narrative = lessons.narrative
    row.went_well = lessons.went_well
    row.needed_sooner = lessons.needed_sooner
    row.do_differently = lessons.do_differently


def to_action(row: ActionRow | Any, breaches: Sequence[tuple[int, str]] = ()) -> CorrectiveAction:
    """An action with the (id, reference) of the breaches it serves, by reference."""
    links = sorted(breaches, key=lambda b: b[1])
    return CorrectiveAction(
        id=row.id, kind=ActionKind(row.kind), description=row.description, owner=row.owner,
        due_on=row.due_on, status=ActionStatus(row.status), raised_on=row.raised_on,
        priority=Priority(row.priority), area=ActionArea(row.area) if row.area else None,
        owner_role=row.owner_role, addresses=row.addresses,
        ico_promised_on=row.ico_promised_on, completed_on=row.completed_on,
        evidence_note=row.evidence_note, wont_do_reason=row.wont_do_reason,
        risk_accepted_by=row.risk_accepted_by, review_on=row.review_on,
        verdict=Verdict(row.verdict) if row.verdict else None, reviewed_on=row.reviewed_on,
        reviewed_by=row.reviewed_by, review_note=row.review_note,
        follow_up_of=row.follow_up_of, breach_ids=tuple(b[0] for b in links),
        breach_refs=tuple(b[1] for b in links), created_by=row.created_by)


# The whole register's actions (tens of thousands) are read as plain tuples: the columns
# CorrectiveAction takes, in its field order, and the breaches each serves.
ACTION_FIELDS = ("id", "kind", "description", "owner", "due_on", "status", "raised_on",
                 "priority", "area", "owner_role", "addresses", "ico_promised_on",
                 "completed_on", "evidence_note", "wont_do_reason", "risk_accepted_by",
                 "review_on", "verdict", "reviewed_on", "reviewed_by", "review_note",
                 "follow_up_of")
ACTION_SQL = f"SELECT {', '.join(ACTION_FIELDS)}, created_by FROM corrective_action"
ACTION_LINKS_SQL = ("SELECT l.action_id, b.id, b.reference FROM action_breach AS l "
                    "JOIN breach AS b ON b.id = l.breach_id")
_KINDS = {m.value: m for m in ActionKind}
_STATUSES = {m.value: m for m in ActionStatus}
_PRIORITIES = {m.value: m for m in Priority}
_AREAS: dict[str | None, ActionArea | None] = {m.value: m for m in ActionArea}
_VERDICTS: dict[str | None, Verdict | None] = {m.value: m for m in Verdict}


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def actions_from_raw(raw_rows: Iterable[Sequence[Any]],
                     links: dict[int, list[tuple[int, str]]]) -> list[CorrectiveAction]:
    """Actions from ACTION_SQL tuples, with the (id, reference) of the breaches each
    serves (as to_action makes them, without an ORM object per row)."""
    out = []
    for (i, kind, description, owner, due, status, raised, priority, area, role, addresses,
         promised, completed, evidence, wont, accepted, review, verdict, reviewed,
         reviewer, note, follow, created_by) in raw_rows:
        served = sorted(links.get(i, ()), key=lambda b: b[1])
        out.append(CorrectiveAction(
            i, _KINDS[kind], description, owner, _day(due), _STATUSES[status],
            date.fromisoformat(raised), _PRIORITIES[priority],
            _AREAS.get(area) if area else None, role, addresses, _day(promised),
            _day(completed), evidence, wont, accepted, _day(review),
            _VERDICTS.get(verdict) if verdict else None, _day(reviewed), reviewer, note,
            follow, tuple(b[0] for b in served), tuple(b[1] for b in served), created_by))
    return out


def store_action(row: ActionRow, draft: ActionDraft) -> None:
    row.kind = draft.kind.value
    row.description = draft.description
    row.owner = draft.owner
    row.owner_role = draft.owner_role
    row.due_on = draft.due_on
    row.priority = draft.priority.value
    row.area = draft.area.value if draft.area else None
    row.addresses = draft.addresses
    row.ico_promised_on = draft.ico_promised_on
    row.review_on = draft.review_on


def store_assessment_columns(row: BreachRow, risk_level: str) -> None:
    """The register's risk column, from the assessment just recorded."""
    row.risk_level = risk_level


def store_decision_columns(row: BreachRow, notify_ico: bool, notify_subjects: bool,
                           ico_reason: str, subjects_reason: str) -> None:
    """The register's decision columns, from the decision just recorded."""
    row.notify_ico = notify_ico
    row.notify_subjects = notify_subjects
    row.decision_reason = decision_reason(ico_reason, subjects_reason)


def decision_reason(ico_reason: str, subjects_reason: str) -> str:
    """The reasons of a decision as one register cell ('' when it followed the advice)."""
    parts = [f"ICO: {ico_reason.strip()}" if ico_reason.strip() else "",
             f"People: {subjects_reason.strip()}" if subjects_reason.strip() else ""]
    return " ".join(p if p.endswith(".") else p + "." for p in parts if p)
