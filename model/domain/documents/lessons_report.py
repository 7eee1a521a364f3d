"""The lessons-learned report of one breach, for a board or a police and crime
commissioner: what happened, when, why, what worked, what changed, and whether it worked."""

from __future__ import annotations

from datetime import datetime

from model.domain.case import Case
from model.domain.document import (
    Bullets,
    Callout,
    Document,
    Field,
    Fields,
    Note,
    Paragraph,
    Section,
    SignOff,
    Span,
    Table,
    Tone,
)
from model.domain.documents.text import NOT_RECORDED, count, day, labels, when
from model.domain.lessons.checks import lessons_missing
from model.domain.lessons.milestones import detection_text, intervals, milestones
from model.domain.lessons.records import CorrectiveAction, Lessons
from model.domain.lessons.taxonomy import ICO_TAXONOMY_LABEL, ActionStatus

KIND = "lessons report"


def _status(a: CorrectiveAction) -> str:
    if a.status is ActionStatus.DONE:
        return f"Done {day(a.completed_on)}" if a.completed_on else "Done"
    if a.status is ActionStatus.WONT_DO:
        return f"Won't do: risk accepted by {a.risk_accepted_by}"
    return a.status.label


def _effect(a: CorrectiveAction) -> str:
    if a.verdict is not None:
        return f"{a.verdict.label.split(' (')[0]} ({day(a.reviewed_on)}, {a.reviewed_by})"
    if a.review_on is not None:
        return f"Review due {day(a.review_on)}"
    return "No review planned"


def _what(case: Case, lessons: Lessons) -> Section:
    f = case.facts
    kind = lessons.incident_type.label if lessons.incident_type else NOT_RECORDED
    rows: list[tuple[Field, ...]] = [
        (Field("ICO incident type", kind), Field("Regime", f.regime.label)),
        (Field("People affected", count(f.subjects_count, f.subjects_count_low)),
         Field("Personal data", labels(f.data_categories))),
        (Field("How it was found", detection_text(case)),),
    ]
    if lessons.team:
        rows.append((Field("Team or site", lessons.team),))
    if f.processor_name:
        rows.append((Field("Processor", f.processor_name),))
    blocks: list[Paragraph | Fields | Note] = [Paragraph(f.summary or "No summary recorded."),
                                               Fields(tuple(rows))]
    if case.breach.near_miss:
        blocks.append(Note("Recorded as a near miss: no personal data was actually "
                           "compromised, so nothing was notified.", Tone.ACCENT))
    return Section("What happened", tuple(blocks), "1")


def _timeline(case: Case) -> Section:
    stages = Table(("Stage", "When", "Recorded from"),
                   tuple((m.label, when(m.at, case.zone), m.source or "—")
                         for m in milestones(case)), (30, 40, 50))
    spans = Fields(tuple((Field(i.label, i.text),) for i in intervals(case)), pairs=False)
    actions = case.actions()
    steps = Table(("When", "Containment or recovery", "By"),
                  tuple((when(e.at, case.zone), e.text, e.actor) for e in actions),
                  (28, 110, 30), empty="No containment action recorded in the timeline.")
    return Section("The timeline", (stages, spans, steps), "2")


def _why(lessons: Lessons) -> Section:
    response = lessons.learning_response.label if lessons.learning_response else NOT_RECORDED
    if lessons.response_reason:
        response += f": {lessons.response_reason}"
    rows = ((Field("Primary cause", lessons.primary_cause.label if lessons.primary_cause
                   else NOT_RECORDED),),
            (Field("Contributing", labels(lessons.contributing, "None recorded")),),
            (Field("Learning response", response),))
    blocks: list[Fields | Paragraph | Bullets] = [Fields(rows, pairs=False)]
    if lessons.narrative:
        blocks.append(Paragraph(lessons.narrative))
    whys = [w for w in lessons.five_whys if w]
    if whys and "Five whys:" not in lessons.narrative:
        blocks.append(Bullets(tuple(f"Why {i + 1}: {w}" for i, w in enumerate(whys)),
                              "The five whys"))
    return Section("Why it happened", tuple(blocks), "3")


def _learned(lessons: Lessons) -> Section:
    rows = tuple((Field(label, text or NOT_RECORDED),) for label, text in (
        ("What worked well", lessons.went_well),
        ("Needed sooner", lessons.needed_sooner),
        ("Do differently", lessons.do_differently)))
    return Section("What worked, and what we would change", (Fields(rows, pairs=False),), "4")


def _changed(case: Case) -> Section:
    acts = case.corrective_actions
    table = Table(("Ref", "Action", "Type", "Owner", "Due", "Status", "Effectiveness"),
                  tuple((a.reference, a.description, a.kind.label.split(" (")[0], a.owner,
                         day(a.due_on) + (f" (ICO: {day(a.ico_promised_on)})"
                                          if a.ico_promised_on else ""),
                         _status(a), _effect(a)) for a in acts),
                  (17, 58, 21, 22, 22, 24, 30), empty="No corrective action recorded.")
    blocks: list[Table | Note | Fields] = [table]
    evidence = [(Field(a.reference, a.evidence_note),) for a in acts if a.evidence_note]
    reviews = [(Field(a.reference, a.review_note),) for a in acts if a.review_note]
    if evidence:
        blocks.append(Fields(tuple(evidence), pairs=False))
    if reviews:
        blocks.append(Note("Effectiveness reviews: " + " ".join(
            f"{f[0].label}: {f[0].value}" for f in reviews)))
    return Section("What we changed, who owns it, and whether it worked", tuple(blocks), "5")


def _lead(case: Case, lessons: Lessons) -> Callout:
    missing = lessons_missing(lessons)
    acts = case.corrective_actions
    done = sum(1 for a in acts if a.settled)
    text = (f"{len(acts)} action{'s' if len(acts) != 1 else ''} raised, {done} completed or "
            "settled. ")
    text += ("The lessons are recorded in full." if not missing else
             "Still to record: " + ", ".join(missing) + ".")
    return Callout((Span(f"Status: {case.breach.status.label}. ", bold=True), Span(text)),
                   Tone.ACCENT if not missing else Tone.WARN)


def lessons_report(case: Case, generated_at: datetime) -> Document:
    """The report for one breach (works with lessons only partly recorded: it says so)."""
    lessons = case.lessons or Lessons()
    b = case.breach
    sections = (_what(case, lessons), _timeline(case), _why(lessons), _learned(lessons),
                _changed(case),
                Section("Approval", (SignOff(("Reviewed by", "Date", "Approved by")),), "6"))
    return Document(
        kind=KIND, title="Lessons learned from a personal-data breach",
        subtitle=f"{b.reference} · {b.title or 'Untitled breach'}",
        running_title="Lessons learned", organisation=case.organisation.name,
        reference=b.reference, generated_at=generated_at, zone=case.zone,
        sections=sections, lead=(_lead(case, lessons),),
        extra={"taxonomy": f"{ICO_TAXONOMY_LABEL} ({lessons.taxonomy_version})"})
