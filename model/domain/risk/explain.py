"""Presenting an assessment: the breach-assessment/1 document and the `assess --explain` text.

Neither recomputes anything; both read the frozen Assessment.
"""

from __future__ import annotations

from typing import Any

from model.domain.clock import DEFAULT_ZONE, format_local, iso_utc
from model.domain.enums import Regime, RiskLevel
from model.domain.law import fill
from model.domain.risk.registry import factor_title
from model.domain.risk.result import Assessment, Effect, format_number

SCHEMA_ID = "breach-assessment/1"
_MARK = {Effect.RAISES: "+", Effect.LOWERS: "-", Effect.NEUTRAL: "="}
_EXEMPTION_TEXT = {
    "unintelligible": "{unintelligible}: the data is unintelligible to anyone unauthorised",
    "subsequent_measures": "{subsequent}: later measures mean the high risk is no longer likely",
    "disproportionate_effort": "{disproportionate}: disproportionate effort; communicate publicly "
                               "instead",
}


def assessment_to_document(a: Assessment) -> dict[str, Any]:
    """The breach-assessment/1 document for `a` (schema keys plus "method_version")."""
    sev = a.severity
    return {
        "schema": SCHEMA_ID,
        "method_version": a.method_version,
        "severity": {"dpc": sev.dpc, "ei": sev.ei, "cb": sev.cb, "score": sev.score,
                     "band": sev.band.value},
        "risk": a.risk.value,
        "likelihood": a.likelihood.value,
        "summary": a.summary,
        "personal_data_breach": a.personal_data_breach,
        "notify_ico": a.notify_ico,
        "notify_data_subjects": a.notify_data_subjects,
        "data_subject_exemption": a.data_subject_exemption,
        "deadline": iso_utc(a.deadline) if a.deadline is not None else None,
        "assumptions": list(a.assumptions),
        "reasons": [{"factor": r.factor, "effect": r.effect.value, "text": r.text}
                    for r in a.reasons],
        "advice": list(a.advice),
    }


def _severity_lines(a: Assessment) -> list[str]:
    sev = a.severity
    lines = [f"Severity (ENISA): SE = DPC × EI + CB = {sev.formula} → "
             f"{sev.band.label.lower()}"]
    for term, value in (("DPC", sev.dpc), ("EI", sev.ei), ("CB", sev.cb)):
        lines.append(f"  {term} = {format_number(value)}")
        lines.extend(f"    - {step.text}" for step in sev.steps_for(term))
    return lines


def _ico_line(a: Assessment, zone: str) -> str:
    if not a.personal_data_breach:
        return "Notify the ICO: no. Not a personal data breach: record it as a security incident."
    if not a.notify_ico:
        return "Notify the ICO: no. Record the breach and the reasons for not reporting it."
    line = "Notify the ICO: yes"
    if a.deadline is not None:
        line += f", by {format_local(a.deadline, zone)}"
        line += f" ({_clock_text(a)}; give reasons if later)"
    else:
        line += " (set the time of awareness to see the deadline)"
    return line + "."


def _clock_text(a: Assessment) -> str:
    if a.regime is Regime.PECR:
        return ("PECR reg. 5A: 72 hours from awareness since 20 Aug 2025, 24 hours from "
                "detection before")
    return "72 hours from awareness"


def _people_line(a: Assessment) -> str:
    if a.notify_data_subjects:
        return "Tell the people affected: yes, without undue delay."
    if a.data_subject_exemption:
        why = fill(_EXEMPTION_TEXT[a.data_subject_exemption], a.regime)
        return f"Tell the people affected: not required ({why})."
    return "Tell the people affected: not required."


def recommendations(a: Assessment, zone: str = DEFAULT_ZONE) -> tuple[str, ...]:
    """The DPO's to-do list in plain words, for screens and the explanation."""
    recs = [_ico_line(a, zone), _people_line(a)]
    if a.regime is Regime.DPA2018_PART3 and a.notify_data_subjects:
        recs.append("If telling them now would obstruct an investigation or prejudice crime "
                    "work, s.68 allows restricting or delaying it: record the ground and a "
                    "review date.")
    recs.extend(a.advice)
    if a.assumptions:
        recs.append("Check the assumptions below: each unknown was taken at its worst, so "
                    "establishing the facts may change the result.")
    recs.append(fill("Record the breach, this assessment and your decision ({record}).",
                     a.regime))
    return tuple(recs)


def explain_text(a: Assessment, zone: str = DEFAULT_ZONE) -> str:
    """A readable, multi-line explanation of `a`; times shown in `zone`."""
    lines = [f"Breach assessment ({a.method_version}, {a.regime.label})", "", a.summary, ""]
    lines.extend(_severity_lines(a))
    lines += ["", f"Likelihood of significant consequences (ICO scale): {a.likelihood.label}",
              "", f"Risk: {a.risk.label}" + (
                  " (a high risk to people's rights and freedoms)"
                  if a.risk is RiskLevel.HIGH_RISK else ""), "", "Recommendations:"]
    lines.extend(f"  - {rec}" for rec in recommendations(a, zone))
    lines += ["", "Reasons (+ raises, - lowers, = neutral):"]
    lines.extend(f"  {_MARK[r.effect]} {factor_title(r.factor)}: {r.text}" for r in a.reasons)
    if a.assumptions:
        lines += ["", "Assumptions (unknown facts, taken at their worst):"]
        lines.extend(f"  - {text}" for text in a.assumptions)
    if a.deadline is not None:
        lines += ["", f"Deadline: {format_local(a.deadline, zone)} ({zone}); "
                      f"{iso_utc(a.deadline)} UTC."]
    return "\n".join(lines) + "\n"
