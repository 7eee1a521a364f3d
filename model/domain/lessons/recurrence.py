"""The ICO follow-up's "steps taken to prevent a recurrence, with expected completion
dates", read from a breach's corrective and preventive actions (for issue 10's report).

    recurrence_steps(case) -> tuple[RecurrenceStep, ...]   # typed, for a form or a table
    recurrence_text(case)  -> str                           # one line each, for an answer
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from model.domain.case import Case
from model.domain.lessons.taxonomy import ActionKind, ActionStatus


@dataclass(frozen=True)
class RecurrenceStep:
    reference: str
    description: str
    kind: ActionKind
    owner: str
    expected_on: date | None   # the date promised to the ICO, else the due date
    status: ActionStatus
    completed_on: date | None


def recurrence_steps(case: Case) -> tuple[RecurrenceStep, ...]:
    """Corrective and preventive actions (not immediate corrections, not those decided
    against), the soonest expected first."""
    steps = [RecurrenceStep(a.reference, a.description, a.kind, a.owner,
                            a.ico_promised_on or a.due_on, a.status, a.completed_on)
             for a in case.corrective_actions
             if a.kind is not ActionKind.CORRECTION and a.status is not ActionStatus.WONT_DO]
    return tuple(sorted(steps, key=lambda s: (s.expected_on or date.max, s.reference)))


def recurrence_text(case: Case) -> str:
    """The steps as plain lines for an answer on the ICO's form ('' when there are none)."""
    lines = []
    for s in recurrence_steps(case):
        expected = s.expected_on.strftime("%d %b %Y") if s.expected_on else "no date set"
        state = (f"completed {s.completed_on:%d %b %Y}" if s.status is ActionStatus.DONE
                 and s.completed_on else f"expected by {expected}")
        lines.append(f"{s.description} ({s.kind.label.split(' (')[0].lower()}, owner "
                     f"{s.owner}, {state}).")
    return "\n".join(lines)
