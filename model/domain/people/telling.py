"""Whether the people affected have been told, read from the contact log: the rule for
closing a breach, the line in the breach's header, and the answer to the ICO form's
"Have you told data subjects about the breach?" (the seam the ICO follow-up reads)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from model.domain.case import Case
from model.domain.clock import format_local
from model.domain.law import Duty, cite_full
from model.domain.people.contacts import TellingStatus, telling_status
from model.domain.people.wording import joined

# Before the contact log existed, a header button wrote a timeline entry of this kind;
# vaults that hold one still count as told.
PEOPLE_TOLD = "people_told"


class ToldOption(StrEnum):
    """The ICO form's answers to "Have you told data subjects about the breach?"."""

    YES = "yes"
    IN_PROGRESS = "in_progress"
    PLANNING = "planning"
    DECIDED_NOT = "decided_not"
    NOT_DECIDED = "not_decided"

    @property
    def label(self) -> str:
        return _OPTION_LABELS[self]


_OPTION_LABELS = {
    ToldOption.YES: "Yes, we've told affected data subjects",
    ToldOption.IN_PROGRESS: "We're about to, or are in the process of telling data subjects",
    ToldOption.PLANNING: "No, but we're planning to",
    ToldOption.DECIDED_NOT: "No, we've decided not to",
    ToldOption.NOT_DECIDED: "We haven't decided yet if we will tell them or not",
}


@dataclass(frozen=True)
class ToldAnswer:
    """What the ICO report says about telling the people, with the evidence behind it."""

    option: ToldOption
    details: str
    status: TellingStatus
    first_told_at: datetime | None = None
    last_told_at: datetime | None = None


def status(case: Case) -> TellingStatus:
    return telling_status((r.id for r in case.recipients), case.contacts, case.notices)


def legacy_told(case: Case) -> bool:
    return bool(case.events(PEOPLE_TOLD))


def everyone_told(case: Case) -> bool:
    """Every recipient reached, or those not reached covered by a public notice (or an
    entry from before the contact log)."""
    if legacy_told(case):
        return True
    s = status(case)
    if s.total == 0:
        return s.notices > 0
    return s.not_tried == 0 and (s.unreached == 0 or s.notices > 0)


def told_problems(case: Case) -> list[str]:
    """Why the record does not yet show the people told (for closing the breach)."""
    decision = case.latest_decision
    if decision is None or not decision.notify_subjects or everyone_told(case):
        return []
    duty = cite_full(case.facts.regime, Duty.TELL)
    if decision.restriction is not None:
        review = decision.restriction.review_on.strftime("%d %b %Y")
        return [f"The decision says the people affected are to be told ({duty}), and telling "
                f"them is restricted until the review on {review}. Record that they were "
                "told once the restriction ends."]
    s = status(case)
    if s.total == 0:
        return [f"The decision says the people affected are to be told ({duty}), and nothing "
                "records that they were. In the People affected step, add the recipients "
                "and record how each was told, or publish a public notice."]
    out: list[str] = []
    if s.not_tried:
        out.append(f"{s.not_tried} of {s.total} recipients have no record of being told "
                   f"({duty}): record how each was told in the People affected step.")
    if s.unreached and not s.notices:
        disproportionate = cite_full(case.facts.regime, Duty.DISPROPORTIONATE)
        out.append(f"{s.unreached} recipients were not reached (letter returned or no "
                   "contact details): try another way and record it, or publish a public "
                   f"notice ({disproportionate}).")
    return out


def header_line(case: Case) -> str:
    """'people told: 58 of 61, 3 returned' for the breach header ('' when nothing yet)."""
    line = status(case).line()
    if line:
        return line[0].upper() + line[1:]
    events = case.events(PEOPLE_TOLD)
    return f"People told: {format_local(events[-1].at, case.zone)}" if events else ""


def _details(case: Case, s: TellingStatus) -> str:
    parts: list[str] = []
    contacts = case.contacts
    if contacts:
        channels = joined(dict.fromkeys(c.channel.label.lower() for c in contacts))
        first, last = min(c.at for c in contacts), max(c.at for c in contacts)
        span = day(first, case.zone) if day(first, case.zone) == day(last, case.zone) \
            else f"{day(first, case.zone)} to {day(last, case.zone)}"
        parts.append(f"{s.total} recipients contacted by {channels} ({span}): {s.told} "
                     f"told, {s.returned} returned, {s.no_details} without contact details, "
                     f"{s.not_tried} not yet contacted.")
    for n in case.notices:
        down = (f" until {day(n.taken_down_at, case.zone)}" if n.taken_down_at else "")
        parts.append(f"Public notice published on {n.where} from "
                     f"{day(n.published_at, case.zone)}{down} (SHA-256 {n.sha256[:16]}…).")
    if not parts and legacy_told(case):
        parts += [e.text for e in case.events(PEOPLE_TOLD)]
    return " ".join(parts)


def day(at: datetime, zone: str) -> str:
    return format_local(at, zone, with_zone=False)[:11]


def told_answer(case: Case) -> ToldAnswer:
    """The answer to the ICO's question, from the decision and the contact log."""
    s = status(case)
    times = [c.at for c in case.contacts] + [n.published_at for n in case.notices]
    first, last = (min(times), max(times)) if times else (None, None)
    decision = case.latest_decision
    if decision is None:
        option, details = ToldOption.NOT_DECIDED, ""
    elif not decision.notify_subjects:
        option, details = ToldOption.DECIDED_NOT, decision.notify_subjects_reason
    elif everyone_told(case):
        option, details = ToldOption.YES, _details(case, s)
    elif case.contacts or case.notices:
        option, details = ToldOption.IN_PROGRESS, _details(case, s)
    else:
        option, details = ToldOption.PLANNING, ""
        if decision.restriction is not None:
            details = (f"Telling them is restricted under "
                       f"{cite_full(case.facts.regime, Duty.RESTRICT)} until the review on "
                       f"{decision.restriction.review_on.strftime('%d %b %Y')}.")
    return ToldAnswer(option, details, s, first, last)


def decision_line(case: Case) -> str:
    """What the decision says about telling them, in one line under the title."""
    decision = case.latest_decision
    duty = cite_full(case.facts.regime, Duty.TELL)
    if decision is None:
        return f"No decision yet on telling the people affected ({duty}): see the Risk step."
    said = "to tell" if decision.notify_subjects else "not to tell"
    line = f"Decided by {decision.decided_by} {said} the people affected ({duty})."
    restricted = restriction_note(case)
    return f"{line} {restricted}." if restricted else line


def restriction_note(case: Case) -> str:
    """The s.68 restriction in one line (for the status), '' when none."""
    decision = case.latest_decision
    if decision is None or decision.restriction is None:
        return ""
    return (f"Restricted under {cite_full(case.facts.regime, Duty.RESTRICT)} until "
            f"{decision.restriction.review_on:%d %b %Y}")
