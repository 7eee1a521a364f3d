"""How likely the people affected are to suffer significant consequences, on the ICO form's
scale, judged for each kind of loss from the facts (the severity is judged separately).

Each kind of loss gets one likelihood and the sentence that says why; the breach as a whole
takes the highest. The mapping turns very unlikely / unlikely into caps and very likely into
a floor on that kind of loss (docs/risk-method.md, "Likelihood").
"""

from __future__ import annotations

from dataclasses import dataclass

from model.domain.enums import (
    Access,
    AvailabilityLoss,
    BreachType,
    Exposure,
    Identifiability,
    RiskLevel,
    ServiceImpact,
)
from model.domain.facts import BreachFacts
from model.domain.risk.resolved import QUICK_RESTORE_HOURS, RECIPIENTS, Resolved
from model.domain.risk.result import LIKELIHOOD_ORDER, Likelihood
from model.domain.risk.severity import derive_ei

L = Likelihood
# What each likelihood does to the level of its kind of loss: (floor, cap).
LIMITS: dict[Likelihood, tuple[RiskLevel | None, RiskLevel | None]] = {
    L.VERY_UNLIKELY: (None, RiskLevel.UNLIKELY),
    L.UNLIKELY: (None, RiskLevel.RISK),
    L.NEUTRAL: (None, None),
    L.LIKELY: (None, None),
    L.VERY_LIKELY: (RiskLevel.RISK, None),
}
IDENTIFIABLE_EI = 0.75  # ease of identification from which people are readily identified


@dataclass(frozen=True)
class PartLikelihood:
    """The likelihood for one kind of loss and the plain reason for it."""

    kind: BreachType
    likelihood: Likelihood
    text: str


@dataclass(frozen=True)
class LikelihoodResult:
    """The likelihood of each kind of loss, and the overall answer for the ICO form."""

    parts: tuple[PartLikelihood, ...]
    overall: Likelihood

    def part(self, kind: BreachType) -> PartLikelihood | None:
        return next((p for p in self.parts if p.kind is kind), None)


def identifiable(r: Resolved) -> bool:
    """Can people readily be told apart and named from the lost data?"""
    return derive_ei(r)[0] >= IDENTIFIABLE_EI


def _confidentiality(r: Resolved) -> tuple[Likelihood, str]:
    ei = r.facts.identifiability
    if r.unintelligible:
        return L.VERY_UNLIKELY, "encrypted to a current standard with the key safe: unreadable"
    if ei is Identifiability.NEGLIGIBLE:
        return L.VERY_UNLIKELY, "nobody can tell who the data is about"
    if r.exposure is Exposure.NONE and not r.malicious:
        return L.VERY_UNLIKELY, "nobody outside those authorised could see it"
    if r.access is Access.NONE:
        if r.exposure in RECIPIENTS:
            return L.VERY_UNLIKELY, "checks show the recipients never opened it"
        return L.UNLIKELY, ("checks covering the whole exposure show no access, though logs "
                            "can miss a copy")
    if r.recipients_gave_it_back:
        if r.exposure is Exposure.TRUSTED_RECIPIENT:
            return L.VERY_UNLIKELY, ("its one recipient is bound by confidentiality and "
                                     "confirmed deleting it")
        return L.UNLIKELY, "the recipients confirmed deleting or returning it"
    if not identifiable(r):
        return L.UNLIKELY, "people cannot readily be identified from it"
    if r.malicious:
        return L.VERY_LIKELY, "someone acting deliberately has, or must be taken to have, it"
    if r.exposure is Exposure.TRUSTED_RECIPIENT:
        return L.UNLIKELY, "its one recipient is bound by confidentiality"
    if r.exposure is Exposure.KNOWN_RECIPIENTS:
        return L.NEUTRAL, "it is with known people who have not confirmed deleting it"
    return L.LIKELY, "it was open to people nobody can trace or ask to delete it"


def _integrity(r: Resolved) -> tuple[Likelihood, str]:
    if r.recoverable:
        return L.UNLIKELY, "the altered data can be put right"
    return L.LIKELY, "the altered data cannot be put right"


def _availability(r: Resolved) -> tuple[Likelihood, str]:
    if r.service_impact is ServiceImpact.CRITICAL:
        return L.VERY_LIKELY, "services people rely on were critically disrupted"
    quick = r.restore_hours is not None and r.restore_hours <= QUICK_RESTORE_HOURS
    if r.loss is AvailabilityLoss.TEMPORARY and quick:
        return L.VERY_UNLIKELY, (f"it was back within {r.restore_hours:g} hours and no "
                                 "critical service was hit")
    if r.loss is AvailabilityLoss.TEMPORARY:
        return L.NEUTRAL, "it was unavailable for more than a day"
    return L.LIKELY, "the data is lost for good"


_RULES = {BreachType.CONFIDENTIALITY: _confidentiality, BreachType.INTEGRITY: _integrity,
          BreachType.AVAILABILITY: _availability}


def _nothing_known(facts: BreachFacts, r: Resolved) -> bool:
    """True when none of the facts that drive the likelihood has been given yet."""
    conf, av, integ = facts.confidentiality, facts.availability, facts.integrity
    known = {
        BreachType.CONFIDENTIALITY: conf is not None and (
            conf.exposure is not None or conf.access not in (None, Access.UNKNOWN)),
        BreachType.INTEGRITY: integ is not None and integ.recoverable is not None,
        BreachType.AVAILABILITY: av is not None and any(v is not None for v in (
            av.loss, av.restore_hours, av.backup_available, av.service_impact)),
    }
    return not any(known[kind] for kind in r.lost)


def assess_likelihood(r: Resolved) -> LikelihoodResult:
    """Each lost kind's likelihood, and the highest (or 'not yet known' if nothing is)."""
    parts = tuple(PartLikelihood(kind, *_RULES[kind](r)) for kind in r.lost)
    if not parts:
        return LikelihoodResult((), L.VERY_UNLIKELY)
    if _nothing_known(r.facts, r):
        return LikelihoodResult(parts, L.NOT_YET_KNOWN)
    overall = max((p.likelihood for p in parts), key=LIKELIHOOD_ORDER.index)
    return LikelihoodResult(parts, overall)
