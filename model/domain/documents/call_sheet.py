"""The call sheet: one page to read from when reporting a breach to the ICO's helpline,
with the five topics the helpline asks about answered from the report, and blanks for what
the call itself gives (the adviser's name, the case reference)."""

from __future__ import annotations

from datetime import datetime

from model.domain.case import Case
from model.domain.deadlines import deadline_for
from model.domain.document import (
    Callout,
    Document,
    Field,
    Fields,
    Question,
    Section,
    SignOff,
    Span,
    Tone,
)
from model.domain.documents.text import when
from model.domain.ico.content import ReportContent, Reporting, resolve
from model.domain.ico.form import HELPLINE, HELPLINE_HOURS, PHONE_TOPICS
from model.domain.ico.report import default_type

KIND = "ICO call sheet"


def _join(content: ReportContent, *parts: tuple[str, str]) -> str:
    lines = []
    for label, qid in parts:
        answer = content.get(qid)
        if not answer.applies or (qid == "Y4" and answer.text == "Yes"):
            continue  # the DPO makes the call: nothing to add
        if not label:
            lines.append(answer.text)
        elif "\n" in answer.text:
            lines.append(f"{label}:\n{answer.text}")
        else:
            lines.append(f"{label}: {answer.text}")
    return "\n".join(lines)


def _topics(case: Case, content: ReportContent) -> tuple[str, ...]:
    f, zone = case.facts, case.zone
    aware = f"Became aware: {when(f.aware_at, zone)}" if f.aware_at else ""
    return (
        _join(content, ("", "B1"), ("Cyber incident", "B2")),
        "\n".join(x for x in (_join(content, ("Began", "B5"), ("Discovered", "B4")), aware,
                              _join(content, ("How", "B3"))) if x),
        _join(content, ("Number of people", "D3"), ("Who they are", "D4"),
              ("Data involved", "D1"), ("", "D5"),
              ("Likelihood of significant consequences", "D6")),
        _join(content, ("", "T1"), ("People told", "T3")),
        _join(content, ("Contact", "Y3"), ("DPO", "Y4"), ("Other organisations told", "T4")),
    )


def call_sheet(case: Case, now: datetime) -> Document:
    """The call sheet for the report as it stands at `now`."""
    report_type = default_type(case)
    content = resolve(case, Reporting(case.ico_answers, report_type, now))
    f, b, org = case.facts, case.breach, case.organisation
    deadline = deadline_for(f.regime, f.aware_at) if f.aware_at else None
    lead = (
        Callout((Span(f"Call {HELPLINE}", bold=True),
                 Span(f" ({HELPLINE_HOURS}). Outside those hours, report online. Cyber "
                      "incidents should be reported online unless your systems are down. "
                      "Do not give the names or contact details of the people affected.")),
                Tone.ACCENT),
        Fields(((Field("Organisation", org.name or "Not recorded"),
                 Field("ICO registration", org.ico_registration or "Not recorded")),
                (Field("Breach", b.reference), Field("Report", report_type.label)),
                (Field("Deadline", when(deadline, case.zone) if deadline else
                       "Awareness not recorded"),
                 Field("ICO case reference", case.ico_answers.case_reference or
                       "Not yet given")))),
    )
    topics = tuple(Question(str(i), topic, text or "Not recorded", answered=bool(text))
                   for i, (topic, text) in enumerate(zip(PHONE_TOPICS,
                                                         _topics(case, content),
                                                         strict=True), start=1))
    after = Section("During the call", (SignOff(("ICO adviser", "Case reference",
                                                 "Call ended")),), "")
    return Document(
        kind=KIND, title="Reporting by phone: call sheet",
        subtitle=f"{b.reference} · {b.title or 'Untitled breach'}",
        running_title="ICO helpline call sheet", organisation=org.name, reference=b.reference,
        generated_at=now, zone=case.zone, lead=lead, one_page=True,
        marking=case.ico_answers.marking,
        sections=(Section("What the helpline will ask", topics, ""), after))
