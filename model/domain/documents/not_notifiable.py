"""The record of a breach decided NOT notifiable (UK GDPR Art. 33(5), DPA 2018 s.67(6),
PECR reg. 5A): facts, effects, containment, the assessment relied on, the decision, sign-off.
"""

from __future__ import annotations

from datetime import datetime

from model.domain.case import Case
from model.domain.deadlines import deadline_for
from model.domain.decision import RestrictionGround
from model.domain.document import (
    Callout,
    Document,
    Field,
    Fields,
    Mark,
    MarkedList,
    Note,
    Rich,
    Section,
    SignOff,
    Span,
    Table,
    Tone,
)
from model.domain.documents.text import (
    NOT_RECORDED,
    count,
    day,
    labels,
    number,
    when,
    yes_no,
)
from model.domain.errors import WorkflowError
from model.domain.law import Duty, cite_full
from model.domain.records import AssessmentRecord, DecisionRecord
from model.domain.risk.registry import factor_title

KIND = "not notifiable record"
RUNNING_TITLE = "Breach record: not notified"
AS_RECOMMENDED = "As recommended (see the assessment)."
_EXEMPTION_DUTY = {"unintelligible": Duty.UNINTELLIGIBLE, "subsequent_measures": Duty.SUBSEQUENT,
                   "disproportionate_effort": Duty.DISPROPORTIONATE}
_EXEMPTION_TEXT = {
    "unintelligible": "the data was unintelligible to anyone unauthorised",
    "subsequent_measures": "measures since mean the high risk is no longer likely to "
                           "materialise",
    "disproportionate_effort": "telling each person would take disproportionate effort; a "
                               "public communication instead",
}
_MARKS = {"raises": ("▲", Tone.WARN), "lowers": ("▼", Tone.GOOD),
          "neutral": ("–", Tone.MUTED)}


def _f(label: str, value: Rich | str) -> Field:
    return Field(label, value)


def _statement(case: Case, decision: DecisionRecord) -> Callout:
    basis = cite_full(case.facts.regime, Duty.RECORD)
    return Callout((
        Span("Decision: not notified to the Information Commissioner's Office", bold=True),
        Span(f", by {decision.decided_by or NOT_RECORDED} on "
             f"{when(decision.decided_at, case.zone)}. Kept under {basis}, which requires "
             "every breach and the reasoning for not notifying it to be documented.")))


def _breach(case: Case) -> Section:
    f, org, zone = case.facts, case.organisation, case.zone
    deadline = deadline_for(f.regime, f.aware_at) if f.aware_at else None
    contact = ", ".join(x for x in (org.dpo_name, org.dpo_email, org.dpo_phone) if x)
    controller = org.name or NOT_RECORDED
    if org.ico_registration:
        controller += f" (ICO registration {org.ico_registration})"
    rows: list[tuple[Field, ...]] = [
        (_f("Controller", controller),),
        (_f("DPO / contact", contact or NOT_RECORDED),),
        (_f("Regime", f.regime.label), _f("ICO deadline", f"Would have been "
                                          f"{when(deadline, zone)}" if deadline else
                                          "None: awareness not recorded")),
        (_f("Began", when(f.occurred_at, zone)),
         _f("Ended", "Still ongoing" if f.ongoing else when(f.ended_at, zone))),
        (_f("Discovered", when(f.discovered_at, zone)),
         _f("Became aware", when(f.aware_at, zone))),
        (_f("Breach type", labels(f.breach_types)),
         _f("Cyber incident", f.cyber_incident.label if f.cyber_incident else NOT_RECORDED)),
    ]
    if f.processor_name:
        told = ("did not tell the controller: it found the breach itself"
                if f.processor_found_by_us else
                f"told the controller {when(f.processor_notified_at, zone)}")
        rows.append((_f("Processor", f"{f.processor_name}; {told}"),))
    happened = [(_f("What happened", f.summary or NOT_RECORDED),)]
    if f.how_found or f.found_by:
        found = " — ".join(x for x in (f.how_found, f.found_by and f"found by {f.found_by}")
                           if x)
        happened.append((_f("How it was found", found),))
    if f.aware_note:
        happened.append((_f("Awareness", f.aware_note),))
    return Section("The breach", (Fields(tuple(rows)), Fields(tuple(happened), pairs=False)),
                   "1")


def _people(case: Case) -> Section:
    f = case.facts
    rows = (
        (_f("Personal data", labels(f.data_categories)),),
        (_f("People", labels(f.data_subject_categories)),),
        (_f("Number of people", count(f.subjects_count, f.subjects_count_low)),
         _f("Number of records", count(f.records_count, f.records_count_low))),
        (_f("Identifiability", f.identifiability.label if f.identifiability else NOT_RECORDED),
         _f("Consequences", labels(f.consequences))),
    )
    return Section("Data and people affected", (Fields(rows),), "2")


def _containment(case: Case) -> Section:
    actions = case.actions()
    blocks: list[Fields | Table | Note] = []
    if actions:
        blocks.append(Table(("When", "Action taken", "By"),
                            tuple((when(e.at, case.zone), e.text, e.actor) for e in actions),
                            (36, 114, 32)))
    else:
        blocks.append(Note("No containment action is recorded in the timeline."))
    f = case.facts
    extra: list[tuple[Field, ...]] = []
    if f.recovery_note:
        extra.append((_f("Recovery", f.recovery_note),))
    if f.mitigated is not None:
        extra.append((_f("Harm mitigated", yes_no(f.mitigated)),))
    if extra:
        blocks.append(Fields(tuple(extra), pairs=False))
    return Section("Containment and recovery", tuple(blocks), "3")


def _recommended(case: Case, a: AssessmentRecord) -> str:
    res = a.result
    text = (f"Notify the ICO: {yes_no(res.notify_ico)}. "
            f"Tell the people affected: {yes_no(res.notify_data_subjects)}.")
    if res.exemption in _EXEMPTION_DUTY:
        ref = cite_full(case.facts.regime, _EXEMPTION_DUTY[res.exemption])
        text += f" Exemption: {ref}: {_EXEMPTION_TEXT[res.exemption]}."
    return text


def _assessment(case: Case, a: AssessmentRecord) -> Section:
    res, sev = a.result, a.result.severity
    by = f" by {a.created_by}" if a.created_by else ""
    rows = (
        (_f("Assessment", f"Version {a.version} of {when(a.created_at, case.zone)}{by}, "
                          f"method {a.method_version or res.method_version}"),),
        (_f("ENISA severity", f"{number(sev.score)}, {sev.band.label} (DPC {number(sev.dpc)}"
                              f" × EI {number(sev.ei)} + CB {number(sev.cb)})"),
         _f("Risk level", res.risk.label)),
        (_f("Recommended", _recommended(case, a)),),
    )
    reasons = MarkedList(
        "Reasons (▲ raises the risk, ▼ lowers it, – neutral):",
        tuple(Mark(*_MARKS.get(r.effect, ("?", Tone.MUTED)), factor_title(r.factor), r.text)
              for r in res.reasons), "The assessment records no reasons.")
    blocks: list[Fields | MarkedList | Note] = [Fields(rows), reasons]
    if res.assumptions:
        text = "\n".join(f"• {item}" for item in res.assumptions)
        blocks.append(Fields(((_f("Assumed for unknown facts", text),),), pairs=False))
    if a.facts != case.facts:
        blocks.append(Note("The facts have changed since this assessment was made: check "
                           "that the decision still holds, and record a new assessment if it "
                           "does not.", Tone.WARN))
    return Section("The assessment this decision rests on", tuple(blocks), "4")


def _reason(departs: bool, reason: str, fallback: str, label: str) -> Rich:
    if not reason.strip():
        return (Span(fallback),) if not departs else (Span(f"{label}: ", italic=True),
                                                      Span(NOT_RECORDED))
    return (Span(f"{label}: ", italic=True), Span(reason))


def _decision(case: Case, a: AssessmentRecord, d: DecisionRecord) -> Section:
    res, zone = a.result, case.zone
    ico_departs = res.notify_ico
    ico = (Span("Not notified. ", bold=True),
           *_reason(ico_departs, d.notify_ico_reason, AS_RECOMMENDED,
                    "Reason for departing from the recommendation to notify" if ico_departs
                    else "Reason"))
    subj_departs = res.notify_data_subjects != d.notify_subjects
    fallback = "See the s.68 restriction below." if d.restriction else AS_RECOMMENDED
    people = (Span("Told. " if d.notify_subjects else "Not told. ", bold=True),
              *_reason(subj_departs and d.restriction is None, d.notify_subjects_reason,
                       fallback, "Reason for departing from the recommendation"
                       if subj_departs else "Reason"))
    rows: list[tuple[Field, ...]] = [(_f("The ICO", ico),), (_f("People affected", people),)]
    if d.restriction is not None:
        r = d.restriction
        known = r.ground in RestrictionGround._value2member_map_
        ground = RestrictionGround(r.ground).label if known else (r.ground or NOT_RECORDED)
        rows.append((_f("s.68 restriction", (
            Span("Ground: ", bold=True), Span(f"{ground}. "), Span("Review by ", bold=True),
            Span(f"{day(r.review_on)}.\n"), Span("Reasoning: ", bold=True),
            Span(r.reasoning or NOT_RECORDED))),))
    rows.append((_f("Decided by", f"{d.decided_by or NOT_RECORDED} on "
                                  f"{when(d.decided_at, zone)}; recorded "
                                  f"{when(d.recorded_at, zone)}"),))
    return Section("The decision", (Fields(tuple(rows), pairs=False),), "5")


def not_notifiable_record(case: Case, generated_at: datetime) -> Document:
    """The record for the latest decision, which must be a decision not to notify."""
    decision = case.latest_decision
    b = case.breach
    if decision is None or decision.notify_ico:
        raise WorkflowError(
            f"{b.reference} has no recorded decision not to notify the ICO, so there is no "
            "not-notifiable record. Record the decision first (Risk step).")
    assessment = case.assessment(decision.assessment_id)
    if assessment is None:
        raise WorkflowError(f"The assessment behind the decision on {b.reference} is "
                            "missing.")
    sections = (_breach(case), _people(case), _containment(case),
                _assessment(case, assessment), _decision(case, assessment, decision),
                Section("Sign-off and review", (SignOff(("Signed (DPO)", "Date",
                                                         "Next review")),), "6"))
    return Document(
        kind=KIND, title="Record of a breach not notified to the ICO",
        subtitle=f"{b.reference} · {b.title or 'Untitled breach'}",
        running_title=RUNNING_TITLE, organisation=case.organisation.name,
        reference=b.reference, generated_at=generated_at, zone=case.zone,
        sections=sections, lead=(_statement(case, decision),), one_page=True)
