"""How a corrective action's dates read in tables and reports."""

from __future__ import annotations

from datetime import date

from model.domain.lessons.records import CorrectiveAction


def due_text(a: CorrectiveAction) -> str:
    due = a.due_on.strftime("%d %b %Y") if a.due_on else "—"
    return due + (f" (ICO {a.ico_promised_on:%d %b})" if a.ico_promised_on else "")


def effect_text(a: CorrectiveAction, today: date) -> str:
    if a.verdict is not None:
        return a.verdict.label.split(" (")[0]
    if a.review_due(today):
        return "Review due now"
    return f"Review {a.review_on:%d %b %Y}" if a.review_on else "—"
