"""assess(): resolve unknowns, score ENISA severity, run the EDPB factors, apply the mapping.

Pure and deterministic: the same facts always give the same assessment.
"""

from __future__ import annotations

from dataclasses import replace

from model.domain.deadlines import deadline_for
from model.domain.enums import ProtectionMethod
from model.domain.facts import BreachFacts, Protection
from model.domain.risk.mapping import decide, severity_reason
from model.domain.risk.registry import run_factors
from model.domain.risk.resolved import resolve
from model.domain.risk.result import Assessment
from model.domain.risk.severity import assess_severity

NO_AWARENESS = ("Time of awareness not given: no deadline can be worked out. The clock runs "
                "from when you became reasonably certain personal data was compromised; record "
                "it now.")


def _unprotected(facts: BreachFacts) -> BreachFacts:
    """The same facts as if the data had not been protected at all."""
    return replace(facts, protection=Protection(ProtectionMethod.NONE, False, True))


def _dedupe(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def assess(facts: BreachFacts) -> Assessment:
    """The engine's recommendation for `facts`, with its severity, reasons and assumptions."""
    r = resolve(facts)
    sev = assess_severity(r)
    contributions = run_factors(r)
    told_without = r.unintelligible and assess(_unprotected(facts)).notify_data_subjects
    decision = decide(sev, contributions, r, told_without)
    assumptions = list(r.assumptions)
    for c in contributions:
        assumptions.extend(c.assumptions)
    assumptions.extend(decision.assumptions)
    deadline = None
    if facts.aware_at is not None:
        deadline = deadline_for(facts.regime, facts.aware_at)
    else:
        assumptions.append(NO_AWARENESS)
    reasons = (severity_reason(sev), *(c.reason for c in contributions), *decision.reasons)
    return Assessment(
        severity=sev, risk=decision.risk, notify_ico=decision.notify_ico,
        notify_data_subjects=decision.notify_data_subjects,
        data_subject_exemption=decision.exemption, deadline=deadline,
        assumptions=_dedupe(assumptions), reasons=reasons, regime=facts.regime)
