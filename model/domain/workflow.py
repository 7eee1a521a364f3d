"""The breach status workflow: which status may follow which, and when a reason is needed.

    open           -> assessed, notified
    assessed       -> notified, not_notifiable, open (the facts changed: assess again)
    notified       -> closed
    not_notifiable -> closed, assessed or notified (reconsidered: reason required)
    closed         -> open (reopened: reason required)

Choices, and why:
- open → notified is allowed without an assessment: "if in doubt, notify", and a DPO may
  have reported by phone before using the app; blocking a real notification helps nobody.
- open → not_notifiable is not: a decision not to notify must rest on a recorded
  assessment (Art. 33(5) asks for the reasoning).
- notified only leads to closed: a notification cannot be undone; new facts go in
  follow-up reports while the breach stays notified.
- not_notifiable may be reconsidered (new facts, ICO advice), but reversing a recorded
  decision needs a reason, as does reopening a closed breach.
- A near miss (no personal data actually compromised) takes the short path: no clock and
  no notification, so it may be closed from open or assessed once its lessons are done,
  and is never marked notified.
"""

from __future__ import annotations

from model.domain.enums import BreachStatus
from model.domain.errors import WorkflowError

_S = BreachStatus

TRANSITIONS: dict[BreachStatus, tuple[BreachStatus, ...]] = {
    _S.OPEN: (_S.ASSESSED, _S.NOTIFIED),
    _S.ASSESSED: (_S.NOTIFIED, _S.NOT_NOTIFIABLE, _S.OPEN),
    _S.NOTIFIED: (_S.CLOSED,),
    _S.NOT_NOTIFIABLE: (_S.CLOSED, _S.ASSESSED, _S.NOTIFIED),
    _S.CLOSED: (_S.OPEN,),
}

# Moves that undo a recorded decision: the timeline must say why.
REASON_REQUIRED: frozenset[tuple[BreachStatus, BreachStatus]] = frozenset({
    (_S.CLOSED, _S.OPEN),
    (_S.NOT_NOTIFIABLE, _S.ASSESSED),
    (_S.NOT_NOTIFIABLE, _S.NOTIFIED),
})

# Why a move is refused, said in the user's terms, for the moves people are likely to try.
_WHY_NOT: dict[tuple[BreachStatus, BreachStatus], str] = {
    (_S.OPEN, _S.NOT_NOTIFIABLE): "record a risk assessment first, since a decision not "
                                  "to notify needs its reasoning",
    (_S.OPEN, _S.CLOSED): "assess it and decide whether to notify before closing it",
    (_S.ASSESSED, _S.CLOSED): "decide whether to notify (notified or not notifiable) "
                              "before closing it",
    (_S.NOTIFIED, _S.OPEN): "a notification cannot be undone; record new facts as a "
                            "follow-up report instead",
    (_S.NOTIFIED, _S.ASSESSED): "a notification cannot be undone; record a new assessment "
                                "and a follow-up report instead",
    (_S.NOTIFIED, _S.NOT_NOTIFIABLE): "a notification cannot be undone",
    **{(_S.CLOSED, s): "reopen it first" for s in (_S.ASSESSED, _S.NOTIFIED, _S.NOT_NOTIFIABLE)},
}


# A near miss: no notification, and closing needs no decision on notifying.
NEAR_MISS_TRANSITIONS: dict[BreachStatus, tuple[BreachStatus, ...]] = {
    _S.OPEN: (_S.ASSESSED, _S.CLOSED),
    _S.ASSESSED: (_S.CLOSED, _S.OPEN),
    _S.NOTIFIED: (_S.CLOSED,),
    _S.NOT_NOTIFIABLE: (_S.CLOSED, _S.ASSESSED),
    _S.CLOSED: (_S.OPEN,),
}


def allowed_transitions(status: BreachStatus,
                        near_miss: bool = False) -> tuple[BreachStatus, ...]:
    """The statuses a breach in `status` may move to, in the order the GUI offers them."""
    return (NEAR_MISS_TRANSITIONS if near_miss else TRANSITIONS)[status]


def near_miss_change_problem(status: BreachStatus, notified: bool) -> str:
    """Why a breach cannot be marked (or unmarked) a near miss now; '' when it can."""
    if status is _S.CLOSED:
        return "The breach is closed: reopen it first."
    if notified or status is _S.NOTIFIED:
        return ("The ICO has been notified, so it was handled as a breach; a notification "
                "cannot be undone.")
    return ""


def reason_required(old: BreachStatus, new: BreachStatus) -> bool:
    """Whether the move from `old` to `new` must be given a reason."""
    return (old, new) in REASON_REQUIRED


def _names(statuses: tuple[BreachStatus, ...]) -> str:
    labels = [s.label.lower() for s in statuses]
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " or " + labels[-1]


def check_transition(old: BreachStatus, new: BreachStatus, reason: str | None = None,
                     near_miss: bool = False) -> None:
    """Raise WorkflowError unless a breach may move from `old` to `new` (with `reason`)."""
    if old is new:
        raise WorkflowError(f"The breach is already {old.label.lower()}.")
    allowed = allowed_transitions(old, near_miss)
    if new not in allowed:
        why = ("a near miss is not notified" if near_miss and new is _S.NOTIFIED
               else _WHY_NOT.get((old, new)))
        tail = f": {why}" if why else ""
        raise WorkflowError(
            f"A {'near miss' if near_miss else 'breach'} that is {old.label.lower()} cannot "
            f"become {new.label.lower()}{tail}. It can become {_names(allowed)}.")
    if reason_required(old, new) and not (reason or "").strip():
        raise WorkflowError(
            f"Moving a breach from {old.label.lower()} to {new.label.lower()} needs a "
            "reason, so the record shows why an earlier decision changed.")


# -- the status that follows an action (tested without a database) ----------------------

Move = tuple[BreachStatus, str]  # the status to move to, and the note for the timeline


def moves_after_assessment(status: BreachStatus) -> tuple[Move, ...]:
    """Recording an assessment of an open breach marks it assessed."""
    if status is _S.CLOSED:
        raise WorkflowError("The breach is closed: reopen it before assessing it again.")
    return ((_S.ASSESSED, ""),) if status is _S.OPEN else ()


def moves_after_decision(status: BreachStatus, notify_ico: bool) -> tuple[Move, ...]:
    """The status moves a recorded decision brings, in order.

    A decision not to notify makes an assessed breach not notifiable; a decision to notify
    takes a not-notifiable breach back to assessed. A notification already made cannot be
    undone by a decision.
    """
    if status is _S.CLOSED:
        raise WorkflowError("The breach is closed: reopen it before recording a decision.")
    if status is _S.NOTIFIED and not notify_ico:
        raise WorkflowError("The ICO has already been notified: a notification cannot be "
                            "undone, so the decision cannot be 'do not notify'. Record new "
                            "facts as a follow-up instead.")
    moves: list[Move] = []
    if status is _S.OPEN:
        moves.append((_S.ASSESSED, ""))
        status = _S.ASSESSED
    if not notify_ico and status is _S.ASSESSED:
        moves.append((_S.NOT_NOTIFIABLE, ""))
    elif notify_ico and status is _S.NOT_NOTIFIABLE:
        moves.append((_S.ASSESSED, "New decision: notify the ICO."))
    return tuple(moves)


def moves_after_filing(status: BreachStatus, first: bool) -> tuple[Move, ...]:
    """Filing a report with the ICO makes the breach notified (the one way it gets there).

    A follow-up on a notified breach moves nothing; filing on a breach decided not
    notifiable reverses that decision, and the timeline says so. A closed breach is
    reopened first, so the record shows why it was.
    """
    if status is _S.CLOSED:
        raise WorkflowError("The breach is closed: reopen it before recording a report to "
                            "the ICO.")
    if status is _S.NOTIFIED:
        return ()
    if status is _S.NOT_NOTIFIABLE:
        return ((_S.NOTIFIED, "Reconsidered: the ICO was notified after all."),)
    note = "" if first else "Follow-up filed after the breach was reopened."
    return ((_S.NOTIFIED, note),)
