"""The status workflow: the full transition table, reasons for reversals, clear refusals."""

from __future__ import annotations

import itertools

import pytest

from model.domain.enums import BreachStatus as S
from model.domain.errors import BreachDeskError, WorkflowError
from model.domain.workflow import allowed_transitions, check_transition, reason_required

# The whole table, pinned: any change to the workflow must change this test on purpose.
EXPECTED = {
    S.OPEN: (S.ASSESSED, S.NOTIFIED),
    S.ASSESSED: (S.NOTIFIED, S.NOT_NOTIFIABLE, S.OPEN),
    S.NOTIFIED: (S.CLOSED,),
    S.NOT_NOTIFIABLE: (S.CLOSED, S.ASSESSED, S.NOTIFIED),
    S.CLOSED: (S.OPEN,),
}
WITH_REASON = {(S.CLOSED, S.OPEN), (S.NOT_NOTIFIABLE, S.ASSESSED),
               (S.NOT_NOTIFIABLE, S.NOTIFIED)}


@pytest.mark.parametrize("status", list(S))
def test_allowed_transitions_table(status: S) -> None:
    assert allowed_transitions(status) == EXPECTED[status]


@pytest.mark.parametrize(("old", "new"), list(itertools.product(S, S)))
def test_check_transition_agrees_with_the_table(old: S, new: S) -> None:
    if new in EXPECTED[old]:
        check_transition(old, new, reason="New evidence from the supplier.")
    else:
        with pytest.raises(WorkflowError):
            check_transition(old, new, reason="any")


def test_the_normal_path_needs_no_reason() -> None:
    for old, new in [(S.OPEN, S.ASSESSED), (S.ASSESSED, S.NOTIFIED), (S.NOTIFIED, S.CLOSED),
                     (S.ASSESSED, S.NOT_NOTIFIABLE), (S.NOT_NOTIFIABLE, S.CLOSED),
                     (S.ASSESSED, S.OPEN), (S.OPEN, S.NOTIFIED)]:
        check_transition(old, new)
        assert not reason_required(old, new)


@pytest.mark.parametrize(("old", "new"), sorted(WITH_REASON))
def test_reversals_need_a_reason(old: S, new: S) -> None:
    assert reason_required(old, new)
    for blank in (None, "", "   "):
        with pytest.raises(WorkflowError, match="needs a reason"):
            check_transition(old, new, blank)
    check_transition(old, new, "The ICO asked us to report it.")


def test_reopening_message_names_both_statuses() -> None:
    with pytest.raises(WorkflowError) as info:
        check_transition(S.CLOSED, S.OPEN)
    assert str(info.value) == ("Moving a breach from closed to open needs a reason, so the "
                               "record shows why an earlier decision changed.")


def test_same_status_is_refused() -> None:
    with pytest.raises(WorkflowError) as info:
        check_transition(S.ASSESSED, S.ASSESSED)
    assert str(info.value) == "The breach is already assessed."


def test_not_notifiable_without_an_assessment_explains_why() -> None:
    with pytest.raises(WorkflowError) as info:
        check_transition(S.OPEN, S.NOT_NOTIFIABLE)
    assert str(info.value) == (
        "A breach that is open cannot become not notifiable: record a risk assessment "
        "first, since a decision not to notify needs its reasoning. It can become assessed "
        "or notified.")


def test_a_notification_cannot_be_undone() -> None:
    with pytest.raises(WorkflowError, match="cannot be undone") as info:
        check_transition(S.NOTIFIED, S.OPEN)
    assert str(info.value).endswith("It can become closed.")


def test_closed_breach_must_be_reopened_first() -> None:
    with pytest.raises(WorkflowError, match="reopen it first"):
        check_transition(S.CLOSED, S.NOTIFIED, "reason")


def test_workflow_error_is_a_user_facing_domain_error() -> None:
    assert issubclass(WorkflowError, BreachDeskError)


def test_moves_after_filing() -> None:
    from model.domain.workflow import moves_after_filing

    assert moves_after_filing(S.OPEN, first=True) == ((S.NOTIFIED, ""),)
    assert moves_after_filing(S.ASSESSED, first=True) == ((S.NOTIFIED, ""),)
    assert moves_after_filing(S.NOTIFIED, first=False) == ()
    (status, note), = moves_after_filing(S.NOT_NOTIFIABLE, first=True)
    assert status is S.NOTIFIED and note.startswith("Reconsidered")
    check_transition(S.NOT_NOTIFIABLE, S.NOTIFIED, note)  # the note is the reason needed
    assert "reopened" in moves_after_filing(S.OPEN, first=False)[0][1]
    with pytest.raises(WorkflowError, match="reopen"):
        moves_after_filing(S.CLOSED, first=False)
