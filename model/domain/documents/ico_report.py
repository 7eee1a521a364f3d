"""The ICO personal data breach report as a Document: a title block saying initial or
follow-up and draft or filed, then the form's parts in order with each question and its
answer, what changed since the last report (follow-ups), and how to send it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from model.domain.case import Case
from model.domain.deadlines import deadline_for
from model.domain.document import (
    Block,
    Bullets,
    Callout,
    Document,
    Field,
    Fields,
    Note,
    Question,
    Section,
    Span,
    Table,
    Tone,
)
from model.domain.documents.text import when
from model.domain.ico.changes import Change, changes_since
from model.domain.ico.content import ReportContent
from model.domain.ico.form import HELPLINE, PARTS, Part, in_part
from model.domain.ico.records import Channel, ReportType
from model.domain.law import Duty, cite_full

KIND = "ICO report"
RUNNING_TITLE = "Personal data breach report to the ICO"
NOT_VERIFIED = ("Question wording follows the ICO's form as far as it could be checked; "
                "confirm against the form in use before sending.")


@dataclass(frozen=True)
class Filed:
    """How a filed version was sent (absent for a draft)."""

    version: int
    filed_at: datetime
    channel: Channel


@dataclass(frozen=True)
class Previous:
    """The last report the ICO received, for a follow-up's list of changes."""

    version: int
    filed_at: datetime
    content: ReportContent


def _status(case: Case, content: ReportContent, filed: Filed | None,
            generated_at: datetime) -> str:
    return report_status(case, content.report_type, filed, generated_at)


def report_status(case: Case, report_type: ReportType, filed: Filed | None,
                  generated_at: datetime) -> str:
    """The title block's line: initial or follow-up, draft or filed (when, how, version)."""
    kind = report_type.label
    if filed is None:
        return f"{kind} · DRAFT, not yet sent to the ICO · prepared " \
               f"{when(generated_at, case.zone)}"
    return (f"{kind} · FILED {when(filed.filed_at, case.zone)} via "
            f"{filed.channel.label} · version {filed.version}")


def _lead(case: Case, content: ReportContent, previous: Previous | None) -> tuple[Block, ...]:
    f, zone = case.facts, case.zone
    deadline = deadline_for(f.regime, f.aware_at) if f.aware_at else None
    rows: list[tuple[Field, ...]] = [
        (Field("Controller", case.organisation.name or "Not recorded"),
         Field("Breach reference", case.breach.reference)),
        (Field("Report", content.report_type.label),
         Field("ICO case reference", content.get("A4").text if content.get("A4").applies
               and content.get("A4").answered else "Not yet given")),
        (Field("Law", f"{f.regime.label}; notified under "
                      f"{cite_full(f.regime, Duty.NOTIFY)}"),
         Field("Deadline", when(deadline, zone) if deadline else "Awareness not recorded")),
    ]
    if previous is not None:
        rows.append((Field("Follows", f"Version {previous.version}, filed "
                                      f"{when(previous.filed_at, zone)}"),))
    blocks: list[Block] = [Fields(tuple(rows))]
    blocks.append(Note("Times are shown in " + zone + ". The ICO asks that the personal "
                       "data of the people affected (such as their names) is not included."))
    return tuple(blocks)


def _question(q_id: str, caption: str, text: str, content: ReportContent,
              changed: dict[str, Change], previous: Previous | None) -> Question:
    answer = content.get(q_id)
    note, tone = answer.note, Tone.MUTED
    if q_id in changed and previous is not None:
        before = changed[q_id].before or "not asked"
        note = f"Changed since version {previous.version}. Before: {before}"
        tone = Tone.WARN
    elif answer.estimate:
        tone = Tone.WARN
    return Question(q_id, text, answer.text, answered=answer.answered, note=note,
                    note_tone=tone)


def _part(number: int, part: Part, content: ReportContent, changed: dict[str, Change],
          previous: Previous | None) -> Section:
    blocks: list[Block] = []
    skipped: list[str] = []
    for q in in_part(part):
        answer = content.get(q.id)
        if not answer.applies:
            if answer.text.startswith("Not asked"):
                skipped.append(answer.text)
            continue
        blocks.append(_question(q.id, q.caption, q.ico, content, changed, previous))
    if not blocks:
        return Section(part.value, (Note(skipped[0] if skipped else "Not asked in this "
                                         "report."),), str(number))
    if skipped:
        blocks.append(Note(" ".join(dict.fromkeys(skipped))))
    return Section(part.value, tuple(blocks), str(number))


def _changes(changes: tuple[Change, ...], previous: Previous, zone: str) -> Section:
    from model.domain.ico.form import question

    if not changes:
        body: tuple[Block, ...] = (Note("No answer has changed since version "
                                        f"{previous.version}."),)
    else:
        body = (Table(("Question", f"Before (version {previous.version})", "Now"),
                      tuple((f"{c.id} {question(c.id).caption}", c.before or "Not asked",
                             c.after) for c in changes), (34, 74, 74)),)
    intro = Note(f"What this report says differently from version {previous.version}, "
                 f"filed {when(previous.filed_at, zone)}.")
    return Section("Changes since the last report", (intro, *body), "")


def _sending(content: ReportContent) -> Section:
    initial = content.report_type is ReportType.INITIAL
    items = (
        "Online: the ICO's breach report form (it cannot be saved part-way: have this "
        "document beside you). Cyber incidents should be reported online unless your "
        "systems are down.",
        "By email: the ICO's Word form to its casework inbox, subject \"Personal data breach "
        "notification\"" + ("." if initial else "; for a follow-up, reply to the case "
                            "officer's email instead."),
        f"By phone: the ICO helpline {HELPLINE}, Monday to Friday 9am to 5pm.",
        "Keep the ICO's emailed copy or acknowledgement: record it with the filing in "
        "Breach Desk as the proof of what was sent.",
    )
    return Section("Sending this report", (Bullets(items), Note(NOT_VERIFIED)), "")


def ico_report(case: Case, content: ReportContent, generated_at: datetime,
               filed: Filed | None = None, previous: Previous | None = None,
               marking: str = "") -> Document:
    """The report for `content` (resolved from `case`), a draft unless `filed`."""
    changes = changes_since(previous.content, content) if previous else ()
    changed = {c.id: c for c in changes}
    sections: list[Section] = []
    if previous is not None and content.report_type is ReportType.FOLLOW_UP:
        sections.append(_changes(changes, previous, case.zone))
    sections += [_part(i, part, content, changed, previous)
                 for i, part in enumerate(PARTS, start=1)]
    if filed is None:
        sections.append(_sending(content))
    b = case.breach
    title = f"Personal data breach report: {content.report_type.label}"
    lead = _lead(case, content, previous)
    if filed is None:
        lead = (Callout((Span("Draft. ", bold=True),
                         Span("Not yet sent to the ICO. Check every answer, then record the "
                              "filing in Breach Desk once it is sent.")), Tone.WARN), *lead)
    return Document(
        kind=f"{KIND} {content.report_type.value.replace('_', '-')}"
             + ("" if filed is None else f" v{filed.version}"),
        title=title, subtitle=f"{b.reference} · {b.title or 'Untitled breach'}",
        running_title=RUNNING_TITLE, organisation=case.organisation.name,
        reference=b.reference, generated_at=generated_at, zone=case.zone,
        sections=tuple(sections), lead=lead, marking=marking,
        status=_status(case, content, filed, generated_at))
