"""Whether the people were told, read from the contact log: the header line, closing the
breach (old vaults' timeline entries still count) and the ICO form's answer."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from model.domain.case import Case
from model.domain.closing import close_problems, people_told, told_line
from model.domain.people.contacts import (
    Channel,
    ContactRecord,
    Outcome,
    PublicNotice,
    telling_status,
)
from model.domain.people.recipients import Recipient
from model.domain.people.telling import PEOPLE_TOLD, ToldOption, told_answer, told_problems
from model.domain.records import TimelineEvent
from tests.model.domain.people.conftest import NOW, RESTRICTION, make_case


def people(n: int) -> tuple[Recipient, ...]:
    return tuple(Recipient(i, 1, i, f"P{i}", (f"{i} Road",), "NT1 1AB") for i in range(1, n + 1))


def contact(rid: int, outcome: Outcome, hours: int = 0, cid: int = 0) -> ContactRecord:
    return ContactRecord(cid or rid, 1, rid, Channel.POST, NOW + timedelta(hours=hours),
                         "Alex", outcome)


def told_case(n: int = 61, returned: int = 3, **kw: object) -> Case:
    contacts = [contact(i, Outcome.DELIVERED) for i in range(1, n + 1)]
    contacts += [contact(i, Outcome.RETURNED, 48, 1000 + i) for i in range(1, returned + 1)]
    return replace(make_case(**kw), recipients=people(n), contacts=tuple(contacts))  # type: ignore[arg-type]


NOTICE = PublicNotice(1, 1, "{}", "ab" * 32, "https://example.police.uk/notice", NOW,
                      "No addresses are held for some of the people.")


def test_header_line_counts_latest_outcomes() -> None:
    assert told_line(told_case()) == "People told: 58 of 61, 3 returned"
    later = replace(told_case(), contacts=told_case().contacts + (
        ContactRecord(5000, 1, 1, Channel.PHONE, NOW + timedelta(days=5), "Alex",
                      Outcome.DELIVERED),))
    assert told_line(later) == "People told: 59 of 61, 2 returned"


def test_status_line_with_notice_and_no_details() -> None:
    status = telling_status([1, 2], [contact(1, Outcome.NO_CONTACT)], [NOTICE])
    assert status.line() == ("people told: 0 of 2, 1 without contact details, "
                             "public notice published")
    assert telling_status([], [], [NOTICE]).line() == "Public notice published"


def test_close_needs_everyone_tried_and_the_unreached_covered() -> None:
    nobody = make_case()
    assert "nothing records that they were" in " ".join(told_problems(nobody))
    assert told_problems(nobody)[0] in close_problems(nobody)  # closing reads this rule
    half = replace(told_case(), contacts=told_case().contacts[:30])
    assert any("31 of 61 recipients have no record" in p for p in told_problems(half))
    returned = told_case()
    assert any("3 recipients were not reached" in p and "s.68(3)(c)" in p
               for p in told_problems(returned))
    assert not people_told(returned)
    covered = replace(returned, notices=(NOTICE,))
    assert told_problems(covered) == [] and people_told(covered)
    assert told_problems(told_case(returned=0)) == []


def test_old_vaults_people_told_entries_still_count() -> None:
    entry = TimelineEvent(9, 1, NOW, PEOPLE_TOLD, "People affected told: letters posted")
    old = replace(make_case(), timeline=(entry,))
    assert told_problems(old) == [] and people_told(old)
    assert told_line(old).startswith("People told: 02 Dec 2026")


def test_restricted_and_not_to_tell() -> None:
    restricted = make_case(restriction=RESTRICTION)
    assert "restricted until the review on 15 Jan 2027" in told_problems(restricted)[0]
    assert told_problems(make_case(tell=False)) == []


def test_ico_answer_follows_the_record() -> None:
    assert told_answer(make_case()).option is ToldOption.PLANNING
    assert told_answer(make_case(tell=False)).option is ToldOption.DECIDED_NOT
    assert told_answer(replace(make_case(), decisions=())).option is ToldOption.NOT_DECIDED
    progress = told_answer(told_case())
    assert progress.option is ToldOption.IN_PROGRESS
    assert "61 recipients contacted by post" in progress.details and "3 returned" in \
        progress.details
    done = told_answer(replace(told_case(), notices=(NOTICE,)))
    assert done.option is ToldOption.YES and done.option.label.startswith("Yes")
    assert "Public notice published on https://example.police.uk/notice" in done.details
    assert done.first_told_at == NOW
    restricted = told_answer(make_case(restriction=RESTRICTION))
    assert "s.68(7)" in restricted.details and "15 Jan 2027" in restricted.details


def test_decision_line_under_the_step_title() -> None:
    from model.domain.people.telling import decision_line

    assert decision_line(make_case()) == ("Decided by Sam Chief to tell the people affected "
                                          "(DPA 2018 s.68).")
    restricted = decision_line(make_case(restriction=RESTRICTION))
    assert restricted.endswith("Restricted under DPA 2018 s.68(7) until 15 Jan 2027.")
    assert "Risk step" in decision_line(replace(make_case(), decisions=()))
