"""The one-page record of a breach decided NOT notifiable (UK GDPR Art. 33(5), DPA 2018
s.67(6)): facts, effects, containment, the assessment relied on, the decision and sign-off.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from model.domain.clock import utc_now
from model.domain.deadlines import deadline_for
from model.domain.decision import RestrictionGround
from model.domain.enums import Regime, RiskLevel, SeverityBand
from model.domain.records import (
    AssessmentRecord,
    Breach,
    DecisionRecord,
    OrganisationProfile,
    TimelineEvent,
)
from model.domain.risk.registry import factor_title
from reports import ReportError
from reports.blocks import SPLIT_IN_ROW, Blocks
from reports.common import NOT_RECORDED, count, day, labels, when, write_atomically, yes_no
from reports.escape import escape
from reports.styles import (
    ACCENT,
    SHADE,
    box_style,
    columns_style,
    list_style,
    signature_style,
    stylesheet,
)
from reports.template import FRAME_HEIGHT, FRAME_WIDTH, PageHeading, render_fitted

DOCUMENT_TITLE = "Breach record: not notified"
# The record is set at the largest of these scales that fits one page (0.85 makes 8 pt
# text 6.8 pt). Below the last, legibility wins: the record flows onto a second page at
# full size, with the header and "Page x of y" on every page.
SCALES = (1.0, 0.98, 0.96, 0.94, 0.92, 0.9, 0.88, 0.86, 0.85)

_BASIS: dict[Regime, str] = {
    Regime.UK_GDPR: "UK GDPR Art. 33(5)",
    Regime.DPA2018_PART3: "DPA 2018 s.67(6)",
    Regime.PECR: "PECR reg. 5A (breach inventory)",
}
_EXEMPTIONS: dict[str, str] = {
    "unintelligible": "Art. 34(3)(a): the data was unintelligible to anyone unauthorised",
    "subsequent_measures": "Art. 34(3)(b): measures since mean the high risk is no longer "
                           "likely to materialise",
    "disproportionate_effort": "Art. 34(3)(c): telling each person would take "
                               "disproportionate effort; a public communication instead",
}
# The mark of each effect and its colour (amber raises, green lowers, grey neutral).
_EFFECTS: dict[str, tuple[str, str]] = {
    "raises": ("▲", "#8a4b00"), "lowers": ("▼", "#2f6b2f"), "neutral": ("–", "#52606d")}


def _num(value: Any) -> str:
    if not isinstance(value, int | float):
        return "?"
    return f"{value:.2f}".rstrip("0").rstrip(".") or "0"


def _label(enum: type[Any], value: Any) -> str:
    try:
        return str(enum(value).label)
    except ValueError:
        return str(value) if value else NOT_RECORDED


def _title_block(pg: Blocks, breach: Breach, decision: DecisionRecord, zone: str) -> list[Flowable]:
    facts = breach.facts
    basis = _BASIS.get(facts.regime, "UK GDPR Art. 33(5)")
    statement = pg.rich(
        "<b>Decision: not notified to the Information Commissioner's Office</b>, by "
        f"{escape(decision.decided_by or NOT_RECORDED)} on "
        f"{escape(when(decision.decided_at, zone))}. Kept under {basis}, which requires "
        "every breach and the reasoning for not notifying it to be documented.", "cell")
    box = Table([[statement]], colWidths=[FRAME_WIDTH])
    box.setStyle(box_style(pg.s, ACCENT, SHADE))
    return [pg.p("Record of a breach not notified to the ICO", "title"),
            pg.p(f"{breach.reference} · {breach.title or 'Untitled breach'}", "subtitle"),
            Spacer(1, pg.s.space(2)), box]


def _breach_section(pg: Blocks, org: OrganisationProfile, breach: Breach,
                    zone: str) -> list[Flowable]:
    f = breach.facts
    deadline = deadline_for(f.regime, f.aware_at) if f.aware_at else None
    contact = ", ".join(x for x in (org.dpo_name, org.dpo_email, org.dpo_phone) if x)
    controller = org.name or NOT_RECORDED
    if org.ico_registration:
        controller += f" (ICO registration {org.ico_registration})"
    ended = "Still ongoing" if f.ongoing else when(f.ended_at, zone)
    rows: list[list[Any]] = [
        ["Controller", controller],
        ["DPO / contact", contact or NOT_RECORDED],
        ["Regime", f.regime.label, "ICO deadline",
         f"Would have been {when(deadline, zone)}" if deadline
         else "None: awareness not recorded"],
        ["Began", when(f.occurred_at, zone), "Ended", ended],
        ["Discovered", when(f.discovered_at, zone), "Became aware", when(f.aware_at, zone)],
        ["Breach type", labels(f.breach_types), "Cyber incident",
         f.cyber_incident.label if f.cyber_incident else NOT_RECORDED],
    ]
    if f.processor_name:
        rows.append(["Processor", f"{f.processor_name}; told the controller "
                     f"{when(f.processor_notified_at, zone)}"])
    out: list[Flowable] = [pg.heading("1  The breach"), pg.grid(rows)]
    happened: list[list[Any]] = [["What happened", f.summary or NOT_RECORDED]]
    if f.how_found or f.found_by:
        found = " — ".join(x for x in (f.how_found, f.found_by and f"found by {f.found_by}")
                           if x)
        happened.append(["How it was found", found])
    if f.aware_note:
        happened.append(["Awareness", f.aware_note])
    out.append(pg.grid(happened, four=False))
    return out


def _people_section(pg: Blocks, breach: Breach) -> list[Flowable]:
    f = breach.facts
    rows: list[list[Any]] = [
        ["Personal data", labels(f.data_categories)],
        ["People", labels(f.data_subject_categories)],
        ["Number of people", count(f.subjects_count, f.subjects_count_low),
         "Number of records", count(f.records_count, f.records_count_low)],
        ["Identifiability", f.identifiability.label if f.identifiability else NOT_RECORDED,
         "Consequences", labels(f.consequences)],
    ]
    return [pg.heading("2  Data and people affected"), pg.grid(rows)]


def _containment_section(pg: Blocks, breach: Breach, timeline: list[TimelineEvent],
                         zone: str) -> list[Flowable]:
    actions = sorted((e for e in timeline if e.kind == "action"), key=lambda e: e.at)
    out: list[Flowable] = [pg.heading("3  Containment and recovery")]
    if actions:
        rows = [[pg.p("When", "label"), pg.p("Action taken", "label"), pg.p("By", "label")]]
        rows += [[pg.p(when(e.at, zone)), pg.p(e.text), pg.p(e.actor or "")] for e in actions]
        table = Table(rows, colWidths=[36 * mm, FRAME_WIDTH - 36 * mm - 32 * mm, 32 * mm],
                      repeatRows=1, splitInRow=SPLIT_IN_ROW)
        table.setStyle(list_style(pg.s))
        out.append(table)
    else:
        out.append(pg.p("No containment action is recorded in the timeline.", "note"))
    f = breach.facts
    extra: list[list[Any]] = []
    if f.recovery_note:
        extra.append(["Recovery", f.recovery_note])
    if f.mitigated is not None:
        extra.append(["Harm mitigated", yes_no(f.mitigated)])
    if extra:
        out += [Spacer(1, pg.s.space(2)), pg.grid(extra, four=False)]
    return out


def _assessment_section(pg: Blocks, breach: Breach, assessment: AssessmentRecord,
                        zone: str) -> list[Flowable]:
    res = assessment.result
    sev = res.get("severity") or {}
    band = _label(SeverityBand, sev.get("band"))
    exemption = _EXEMPTIONS.get(res.get("data_subject_exemption") or "", "")
    advice = (f"Notify the ICO: {yes_no(res.get('notify_ico'))}. "
              f"Tell the people affected: {yes_no(res.get('notify_data_subjects'))}."
              + (f" Exemption: {exemption}." if exemption else ""))
    by = f" by {assessment.created_by}" if assessment.created_by else ""
    rows: list[list[Any]] = [
        ["Assessment", f"Version {assessment.version} of {when(assessment.created_at, zone)}"
         f"{by}, method {assessment.method_version or res.get('method_version', '?')}"],
        ["ENISA severity", f"{_num(sev.get('score'))}, {band} (DPC {_num(sev.get('dpc'))} "
         f"× EI {_num(sev.get('ei'))} + CB {_num(sev.get('cb'))})"
         if "score" in sev else NOT_RECORDED,
         "Risk level", _label(RiskLevel, res.get("risk"))],
        ["Recommended", advice],
    ]
    out: list[Flowable] = [pg.heading("4  The assessment this decision rests on"),
                           pg.grid(rows), Spacer(1, pg.s.space(3))]
    out += _reasons(pg, res.get("reasons") or [])
    assumptions = [str(a) for a in res.get("assumptions") or []]
    if assumptions:
        text = "<br/>".join(f"• {escape(a)}" for a in assumptions)
        # No gap: the two tables share one rule.
        out.append(pg.grid([["Assumed for unknown facts", pg.rich(text)]], four=False))
    if assessment.facts != breach.facts:
        out += [Spacer(1, pg.s.space(2)),
                pg.p("The facts have changed since this assessment was made: check that the "
                     "decision still holds, and record a new assessment if it does not.",
                     "warning")]
    return out


def _reasons(pg: Blocks, reasons: list[dict[str, Any]]) -> list[Flowable]:
    """The assessment's reasons in the engine's order, in two balanced columns."""
    paras = []
    for item in reasons:
        mark, colour = _EFFECTS.get(str(item.get("effect", "")), ("?", "#52606d"))
        title = escape(factor_title(str(item.get("factor", ""))))
        paras.append(pg.rich(f'<font color="{colour}"><b>{mark}</b></font>\u00a0<b>{title}.'
                             f"</b> {escape(item.get('text', ''))}", "reason"))
    if not paras:
        return [pg.p("The assessment records no reasons.", "note")]
    legend = pg.p("Reasons (▲ raises the risk, ▼ lowers it, – neutral):", "caption")
    gutter = 8 * mm
    width = (FRAME_WIDTH - gutter) / 2
    heights = [p.wrap(width, FRAME_HEIGHT)[1] + p.getSpaceAfter() for p in paras]
    if sum(heights) > FRAME_HEIGHT:
        return [legend, *paras]  # too long for a table cell, which cannot split
    split = min(range(1, len(paras) + 1),
                key=lambda i: max(sum(heights[:i]), sum(heights[i:])))
    table = Table([[paras[:split], paras[split:] or ""]], colWidths=[width + gutter, width])
    table.setStyle(columns_style(pg.s, gutter))
    return [legend, table]


def _decision_section(pg: Blocks, assessment: AssessmentRecord, decision: DecisionRecord,
                      zone: str) -> list[Flowable]:
    res = assessment.result
    ico_departs = bool(res.get("notify_ico"))
    ico_label = ("Reason for departing from the recommendation to notify" if ico_departs
                 else "Reason")
    ico = pg.rich(f"<b>Not notified.</b> <i>{ico_label}:</i> "
                  f"{escape(decision.notify_ico_reason or NOT_RECORDED)}")
    tell = "Told" if decision.notify_subjects else "Not told"
    subj_departs = bool(res.get("notify_data_subjects")) != decision.notify_subjects
    subj_label = "Reason for departing from the recommendation" if subj_departs else "Reason"
    why = decision.notify_subjects_reason
    if not why.strip():
        why = "See the s.68 restriction below." if decision.restriction else NOT_RECORDED
    subjects = pg.rich(f"<b>{tell}.</b> <i>{subj_label}:</i> {escape(why)}")
    rows: list[list[Any]] = [["The ICO", ico], ["People affected", subjects]]
    if decision.restriction is not None:
        r = decision.restriction
        rows.append(["s.68 restriction", pg.rich(
            f"<b>Ground:</b> {escape(_label(RestrictionGround, r.ground))}. <b>Review by</b> "
            f"{escape(day(r.review_on))}.<br/><b>Reasoning:</b> "
            f"{escape(r.reasoning or NOT_RECORDED)}")])
    rows.append(["Decided by", f"{decision.decided_by or NOT_RECORDED} on "
                 f"{when(decision.decided_at, zone)}; recorded "
                 f"{when(decision.recorded_at, zone)}"])
    return [pg.heading("5  The decision"), pg.grid(rows)]


def _signoff(pg: Blocks) -> list[Flowable]:
    """Blanks to sign and date by hand, and to set the next review."""
    row = [pg.p("Signed (DPO)", "label"), "", pg.p("Date", "label"), "",
           pg.p("Next review", "label"), ""]
    labels_w = [24 * mm, 14 * mm, 24 * mm]
    blank = (FRAME_WIDTH - sum(labels_w)) / 3
    table = Table([row], colWidths=[w for label in labels_w for w in (label, blank)])
    table.setStyle(signature_style(pg.s))
    return [pg.heading("6  Sign-off and review"), table]


def _check(breach: Breach, assessment: AssessmentRecord, decision: DecisionRecord) -> None:
    if decision.notify_ico:
        raise ReportError(f"{breach.reference} was decided notifiable to the ICO; this record "
                          "is only for a decision not to notify.")
    if assessment.breach_id != breach.id or decision.breach_id != breach.id:
        raise ReportError(f"The assessment or decision given is not for {breach.reference}.")
    if decision.assessment_id != assessment.id:
        raise ReportError(f"The decision on {breach.reference} rests on assessment version "
                          f"{decision.assessment_version}, not on the version given.")


def build_not_notifiable_record(path: Path, org: OrganisationProfile, breach: Breach,
                                assessment: AssessmentRecord, decision: DecisionRecord,
                                timeline: list[TimelineEvent], zone: str,
                                generated_at: datetime | None = None) -> Path:
    """Write the not-notifiable record of `breach` as a PDF at `path`, atomically.

    One A4 page, shrunk a little if needed; a very long record flows onto more pages at
    full size. Raises ReportError for a wrong combination of records or a failed write.
    """
    _check(breach, assessment, decision)

    def story(pg: Blocks) -> list[Flowable]:
        return [*_title_block(pg, breach, decision, zone),
                *_breach_section(pg, org, breach, zone), *_people_section(pg, breach),
                *_containment_section(pg, breach, timeline, zone),
                *_assessment_section(pg, breach, assessment, zone),
                *_decision_section(pg, assessment, decision, zone), *_signoff(pg)]

    heading = PageHeading(org.name, DOCUMENT_TITLE, generated_at or utc_now(), zone,
                          breach.reference)
    rendered = render_fitted(lambda scale: story(Blocks(stylesheet(scale))), heading,
                             SCALES, DOCUMENT_TITLE)
    return write_atomically(Path(path), rendered.data)

