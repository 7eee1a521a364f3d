"""assess(): resolve unknowns, score ENISA severity and the likelihood, run the EDPB factors,
apply the mapping, and say it in one sentence.

Pure and deterministic: the same facts always give the same assessment.
"""

from __future__ import annotations

from dataclasses import replace

from model.domain.deadlines import deadline_for
from model.domain.enums import ProtectionMethod, Regime, RiskLevel, SeverityBand
from model.domain.facts import BreachFacts, Protection
from model.domain.risk.advice import advise
from model.domain.risk.likelihood import assess_likelihood
from model.domain.risk.mapping import decide, likelihood_reason, severity_reason
from model.domain.risk.registry import run_factors
from model.domain.risk.resolved import Resolved, resolve
from model.domain.risk.result import Assessment, Effect, Likelihood, Reason, Severity, SeverityStep
from model.domain.risk.severity import assess_severity
from model.domain.risk.summary import summarise

NO_AWARENESS = ("Time of awareness not given: no deadline can be worked out. The clock runs "
                "from when you became reasonably certain personal data was compromised; record "
                "it now.")
NO_PERSONAL_DATA = ("No personal data was involved (the facts say 'no personal data' or that "
                    "nobody was affected): this is a security incident, not a personal data "
                    "breach. Nothing needs notifying; record it, and the reason.")


def _unprotected(facts: BreachFacts) -> BreachFacts:
    """The same facts as if the data had not been protected at all."""
    return replace(facts, protection=Protection(ProtectionMethod.NONE, False, True))


def _dedupe(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _not_personal_data(facts: BreachFacts, r: Resolved) -> Assessment:
    """A security incident without personal data: no notification, a record and the reason."""
    sev = Severity(1, 0.25, 0.0, 0.25, SeverityBand.LOW, (
        SeverityStep("DPC", 1.0, "No personal data: nothing to score."),
        SeverityStep("EI", 0.25, "Nobody can be identified from data that is not personal."),
        SeverityStep("CB", 0.0, "No circumstance adds to the score.")))
    law = "PECR reg. 5A" if facts.regime is Regime.PECR else (
        "UK GDPR Art. 33 and 34" if facts.regime is Regime.UK_GDPR else "DPA 2018 s.67 and 68")
    reasons = (Reason("personal_data", Effect.LOWERS, NO_PERSONAL_DATA),
               Reason("regime", Effect.NEUTRAL,
                      f"{law} apply to personal data breaches only: no report to the ICO."),
               Reason("data_subjects", Effect.NEUTRAL, "Nobody's personal data was involved, "
                      "so there is nobody to tell."))
    deadline = deadline_for(facts.regime, facts.aware_at) if facts.aware_at else None
    return Assessment(
        severity=sev, risk=RiskLevel.UNLIKELY, notify_ico=False, notify_data_subjects=False,
        data_subject_exemption=None, deadline=deadline, assumptions=(), reasons=reasons,
        regime=facts.regime, likelihood=Likelihood.VERY_UNLIKELY,
        summary=summarise(r, RiskLevel.UNLIKELY, None), personal_data_breach=False,
        advice=advise(r, RiskLevel.UNLIKELY, None))


def assess(facts: BreachFacts) -> Assessment:
    """The engine's recommendation for `facts`, with its severity, reasons and assumptions."""
    r = resolve(facts)
    if not r.personal_data:
        return _not_personal_data(facts, r)
    sev = assess_severity(r)
    lk = assess_likelihood(r)
    contributions = run_factors(r)
    told_without = r.unintelligible and assess(_unprotected(facts)).notify_data_subjects
    decision = decide(sev, contributions, r, lk, told_without)
    assumptions = list(r.assumptions)
    for c in contributions:
        assumptions.extend(c.assumptions)
    assumptions.extend(decision.assumptions)
    deadline = None
    if facts.aware_at is not None:
        deadline = deadline_for(facts.regime, facts.aware_at)
    else:
        assumptions.append(NO_AWARENESS)
    reasons = (severity_reason(sev), likelihood_reason(lk),
               *(c.reason for c in contributions), *decision.reasons)
    return Assessment(
        severity=sev, risk=decision.risk, notify_ico=decision.notify_ico,
        notify_data_subjects=decision.notify_data_subjects,
        data_subject_exemption=decision.exemption, deadline=deadline,
        assumptions=_dedupe(assumptions), reasons=reasons, regime=facts.regime,
        likelihood=lk.overall, summary=summarise(r, decision.risk, decision.main),
        advice=advise(r, decision.risk, decision.exemption))
