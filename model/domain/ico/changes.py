"""A report's answers frozen as a document, read back, and compared: what a follow-up says
differently from the last report the ICO received, question by question."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from model.domain.ico.content import SCHEMA, Answer, ReportContent
from model.domain.ico.form import QUESTIONS
from model.domain.ico.records import ReportType


def content_document(content: ReportContent) -> dict[str, Any]:
    """The answers as a JSON-able document (frozen with a filing)."""
    return {"schema": SCHEMA, "report_type": content.report_type.value,
            "answers": {a.id: {"text": a.text, "answered": a.answered, "applies": a.applies,
                               "estimate": a.estimate, "note": a.note}
                        for a in content.answers}}


def content_from_document(doc: dict[str, Any]) -> ReportContent:
    answers = tuple(Answer(qid, str(v["text"]), bool(v["answered"]), bool(v["applies"]),
                           str(v.get("note", "")), bool(v.get("estimate", False)))
                    for qid, v in doc["answers"].items())
    order = {q.id: i for i, q in enumerate(QUESTIONS)}
    return ReportContent(ReportType(doc["report_type"]),
                         tuple(sorted(answers, key=lambda a: order.get(a.id, 999))))


@dataclass(frozen=True)
class Change:
    """One answer that differs from the last report the ICO received."""

    id: str
    before: str  # "" when the question was not asked then
    after: str


def changes_since(previous: ReportContent, current: ReportContent) -> tuple[Change, ...]:
    """Field by field, what a follow-up says differently from the last filed report."""
    before = previous.texts()
    out = []
    for answer in current.answers:
        if not answer.applies or answer.id in ("A3", "A4"):
            continue  # the report type and the reference always change on a follow-up
        old = before.get(answer.id, "")
        if not old and not answer.answered:
            continue  # newly asked and still unanswered: nothing new to tell
        if old != answer.text:
            out.append(Change(answer.id, old, answer.text))
    return tuple(out)
