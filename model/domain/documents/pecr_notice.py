"""The PECR breach notification (regulation 5A): the content Commission Regulation 611/2013
Annex I asks of a communications provider, filled from the same answers as the ICO report.
Annex I's items are [M] in ico-report-form.md 1.6: their numbering is ours."""

from __future__ import annotations

from datetime import datetime

from model.domain.case import Case
from model.domain.document import Callout, Document, Note, Question, Section, Span, Tone
from model.domain.documents.text import labels, when
from model.domain.enums import Regime
from model.domain.ico.content import ReportContent, Reporting, resolve
from model.domain.ico.records import ReportType
from model.domain.law import Duty, cite_full

KIND = "PECR notice"


def _a(content: ReportContent, qid: str) -> str:
    answer = content.get(qid)
    return answer.text if answer.applies and answer.answered else ""


def _items(case: Case, content: ReportContent, report_type: ReportType
           ) -> tuple[tuple[str, str], ...]:
    f, zone = case.facts, case.zone
    protection = f.protection.method.label if f.protection and f.protection.method else ""
    measures = "\n".join(x for x in (f"Protection of the data: {protection}" if protection
                                     else "", _a(content, "B7")) if x)
    first = ("First (initial) notification" if report_type is ReportType.INITIAL
             else "Second or later notification: information added in phases")
    return (
        ("Name of the provider", _a(content, "Y1")),
        ("Data protection officer or other contact point",
         _a(content, "Y3") if _a(content, "Y4") == "Yes" else _a(content, "Y4")),
        ("First or second notification", first),
        ("Date and time of the incident (or estimate) and of its detection",
         f"Incident: {when(f.occurred_at, zone)}\nDetected: {when(f.discovered_at, zone)}"),
        ("Circumstances of the breach (loss, theft, copying…)", labels(f.breach_types)),
        ("Nature and content of the personal data concerned", _a(content, "D1")),
        ("Technical and organisational measures applied, or to be applied, to the data",
         measures),
        ("Relevant use of other providers", f.processor_name or "None"),
        ("Summary of the incident, including its physical location and storage media",
         _a(content, "B1")),
        ("Number of subscribers or individuals concerned", _a(content, "D3")),
        ("Potential consequences and adverse effects",
         "\n".join(x for x in (_a(content, "D5"), _a(content, "D6")) if x)),
        ("Measures taken to mitigate the possible adverse effects", _a(content, "T1")),
        ("Subscribers or individuals notified: content, means and number",
         _a(content, "T3")),
        ("Cross-border aspects and other authorities notified", _a(content, "T4")),
    )


def pecr_notice(case: Case, report_type: ReportType, now: datetime) -> Document:
    """The notice for a PECR breach; other regimes report on the ICO's main form."""
    content = resolve(case, Reporting(case.ico_answers, report_type, now))
    b = case.breach
    questions = tuple(Question(str(i), label, text.strip() or "Not recorded",
                               answered=bool(text.strip()))
                      for i, (label, text) in enumerate(_items(case, content, report_type),
                                                        start=1))
    lead: list[Callout | Note] = [Callout((Span("PECR breach notification. ", bold=True),
                     Span(f"Under {cite_full(Regime.PECR, Duty.NOTIFY)}: without undue delay "
                          "and, where feasible, within 72 hours of becoming aware (since 20 "
                          "August 2025); missing information may follow in phases.")),
                    Tone.ACCENT)]
    if case.facts.regime is not Regime.PECR:
        lead.append(Note("This breach is not recorded under PECR: the ICO's main breach "
                         "report applies instead.", Tone.WARN))
    return Document(
        kind=KIND, title=f"PECR personal data breach notification: {report_type.label}",
        subtitle=f"{b.reference} · {b.title or 'Untitled breach'}",
        running_title="PECR breach notification", organisation=case.organisation.name,
        reference=b.reference, generated_at=now, zone=case.zone, lead=tuple(lead),
        marking=case.ico_answers.marking,
        sections=(Section("Content of the notification (Regulation 611/2013 Annex I)",
                          questions, ""),))
