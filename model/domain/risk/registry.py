"""The ordered registry of EDPB risk factors: one entry per factor, run in this order.

The order is the order reasons are shown to the DPO; adding a factor means adding one line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from model.domain.risk import factors_data, factors_incident, factors_people
from model.domain.risk.resolved import Resolved
from model.domain.risk.result import Contribution


@dataclass(frozen=True)
class Factor:
    """One EDPB factor: a stable id (used in reasons), a title, and the rule itself."""

    id: str
    title: str
    rule: Callable[[Resolved], Contribution | None]


FACTORS: tuple[Factor, ...] = (
    Factor("type_of_breach", "Type of breach", factors_incident.type_of_breach),
    Factor("sensitivity", "Sensitivity of the data", factors_data.sensitivity),
    Factor("volume", "Volume of data", factors_data.volume),
    Factor("identifiability", "Ease of identification", factors_data.ease_of_identification),
    Factor("consequences", "Severity and permanence of consequences",
           factors_people.consequences),
    Factor("vulnerable_people", "Vulnerable people", factors_people.vulnerable_people),
    Factor("controller_sector", "Controller sector", factors_people.controller_sector),
    Factor("number_of_people", "Number of people", factors_people.number_of_people),
    Factor("protection", "Protection of the data", factors_data.protection),
    Factor("trusted_recipient", "Trusted recipient", factors_incident.trusted_recipient),
    Factor("malicious_intent", "Malicious intent", factors_incident.malicious_intent),
    Factor("backups", "Backups and time to restore", factors_incident.backups_and_restore),
    Factor("evidence_of_access", "Evidence of access", factors_incident.evidence_of_access),
    Factor("exposure_duration", "Exposure duration", factors_incident.exposure_duration),
)

_TITLES = {f.id: f.title for f in FACTORS}


def factor_title(factor_id: str) -> str:
    """The display title of a factor id (also covers the engine's own reason ids)."""
    extra = {"severity": "ENISA severity", "likelihood": "Likelihood",
             "risk_level": "Risk level", "regime": "Notification rules",
             "data_subjects": "Telling the people affected",
             "personal_data": "Personal data involved"}
    return _TITLES.get(factor_id) or extra.get(factor_id, factor_id.replace("_", " ").title())


def run_factors(r: Resolved) -> tuple[Contribution, ...]:
    """Every factor that applies, in registry order; each id must match its registry entry."""
    out: list[Contribution] = []
    for factor in FACTORS:
        found = factor.rule(r)
        if found is None:
            continue
        if found.factor != factor.id:
            raise RuntimeError(f"factor {factor.id} answered as {found.factor}")
        out.append(found)
    return tuple(out)
