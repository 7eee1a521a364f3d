"""The ICO report's answers as a versioned JSON document (storage and drafts read it)."""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from typing import Any

from model.domain.errors import ValidationError
from model.domain.ico.records import IcoAnswers, RecurrenceStep

ANSWERS_SCHEMA = "breach-desk/ico-answers/1"
_TUPLES = {"systems_cia"}
_OPTIONAL = {"why_reporting", "likelihood_override", "systems_affected", "cyber_impact",
             "recovery_time", "told_override", "others_told", "staff_trained"}


def answers_to_document(answers: IcoAnswers) -> dict[str, Any]:
    doc: dict[str, Any] = {"schema": ANSWERS_SCHEMA}
    for f in fields(answers):
        value = getattr(answers, f.name)
        if f.name == "recurrence":
            doc[f.name] = [{"text": s.text, "due": s.due.isoformat() if s.due else None,
                            "done": s.done} for s in value]
        elif f.name in _TUPLES:
            doc[f.name] = list(value)
        else:
            doc[f.name] = value
    return doc


def _step(item: Any) -> RecurrenceStep:
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        raise ValidationError("recurrence", "each step needs its text")
    due = item.get("due")
    return RecurrenceStep(item["text"], date.fromisoformat(due) if due else None,
                          bool(item.get("done")))


def answers_from_document(doc: Any) -> IcoAnswers:
    """The answers of a stored (or drafted) document; unknown keys are ignored, missing
    ones take their defaults, so older documents still read."""
    if not isinstance(doc, dict):
        raise ValidationError("answers", "must be an object")
    kwargs: dict[str, Any] = {}
    for f in fields(IcoAnswers):
        if f.name not in doc:
            continue
        value = doc[f.name]
        if f.name == "recurrence":
            kwargs[f.name] = tuple(_step(i) for i in value or ())
        elif f.name in _TUPLES:
            kwargs[f.name] = tuple(str(v) for v in value or ())
        elif f.name == "staff_involved":
            kwargs[f.name] = value if isinstance(value, bool) else None
        elif f.name in _OPTIONAL:
            kwargs[f.name] = str(value) if value else None
        else:
            kwargs[f.name] = str(value or "")
    return IcoAnswers(**kwargs)
