"""Telling the people affected: Art. 34 and its exemptions, DPA 2018 s.68, PECR reg. 5A(3).

An exemption comes only from the facts (unintelligible data) or from the DPO's explicit
claim (exemption_claim, or the older mitigated / disproportionate_effort flags); the engine
says whether the facts support it. Documented in docs/risk-method.md, "Telling the people".
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from model.domain.enums import ExemptionGround, Regime, RiskLevel
from model.domain.law import fill
from model.domain.risk.resolved import Resolved
from model.domain.risk.result import Effect

UNINTELLIGIBLE = ExemptionGround.UNINTELLIGIBLE.value
SUBSEQUENT_MEASURES = ExemptionGround.SUBSEQUENT_MEASURES.value
DISPROPORTIONATE_EFFORT = ExemptionGround.DISPROPORTIONATE_EFFORT.value
G = ExemptionGround


@dataclass(frozen=True)
class Telling:
    """Whether to tell the people affected, the exemption relied on, and why."""

    tell: bool
    exemption: str | None
    text: str
    assumptions: tuple[str, ...] = ()

    @property
    def effect(self) -> Effect:
        return Effect.RAISES if self.tell else Effect.LOWERS if self.exemption else Effect.NEUTRAL


def _explained(r: Resolved, ground: ExemptionGround) -> str:
    claim = r.facts.exemption_claim
    if claim is not None and claim.ground is ground:
        return f" Your explanation: \u201c{claim.explanation.strip()}\u201d"
    return " Record how, with evidence: the claim has no explanation yet."


def _not_told(r: Resolved, told_without_protection: bool, why: str) -> Telling:
    if r.unintelligible and told_without_protection:
        return Telling(False, UNINTELLIGIBLE,
                       "Without the encryption the people would have to be told; because the "
                       "data is unintelligible to anyone unauthorised ({unintelligible}), they "
                       "need not be.")
    if r.claims:
        why += " No exemption needs claiming."
    return Telling(False, None, why)


def _pecr(r: Resolved, level: RiskLevel, told_without_protection: bool) -> Telling:
    if level is RiskLevel.UNLIKELY:
        told = _not_told(r, told_without_protection,
                         "Not likely to adversely affect subscribers or users: no need to tell "
                         "them (PECR reg. 5A(3)).")
        if told.exemption == UNINTELLIGIBLE:
            return Telling(False, UNINTELLIGIBLE, told.text + " Under PECR reg. 5A(6) this "
                           "holds only once you have shown the ICO that the data was "
                           "unintelligible; until then the ICO can require you to tell them.")
        return told
    text = ("Likely to adversely affect subscribers or users (read here as any risk above "
            "'unlikely'): tell them without undue delay (PECR reg. 5A(3)).")
    if r.claims - {G.UNINTELLIGIBLE}:
        text += (" PECR exempts only data shown to the ICO to be unintelligible: later "
                 "measures or effort do not excuse telling them.")
    return Telling(True, None, text)


def _gdpr(r: Resolved, level: RiskLevel, told_without_protection: bool) -> Telling:
    if level is not RiskLevel.HIGH_RISK:
        return _not_told(r, told_without_protection,
                         "Not a high risk: no duty to tell the people affected, though you may "
                         "choose to.")
    if G.SUBSEQUENT_MEASURES in r.claims:
        return Telling(False, SUBSEQUENT_MEASURES,
                       "High risk, but you claim that measures taken since mean it is no "
                       "longer likely to materialise ({subsequent}); be ready to show the ICO."
                       + _explained(r, G.SUBSEQUENT_MEASURES))
    if G.DISPROPORTIONATE_EFFORT in r.claims:
        return Telling(False, DISPROPORTIONATE_EFFORT,
                       "High risk, but you claim contacting each person would take "
                       "disproportionate effort ({disproportionate}): make a public communication "
                       "or equally effective measure instead."
                       + _explained(r, G.DISPROPORTIONATE_EFFORT))
    text = ("High risk: tell the people affected without undue delay, in clear and plain "
            "language, what happened, the likely consequences, what you are doing and what "
            "they can do to protect themselves.")
    if G.UNINTELLIGIBLE in r.claims:
        text += (" You claim the data was unintelligible ({unintelligible}), but the protection "
                 "facts do not show encryption to a current standard with the key safe: "
                 "record them, or withdraw the claim.")
    if r.facts.regime is Regime.DPA2018_PART3:
        text += (" DPA 2018 s.68 allows restricting or delaying this, as far and as long as "
                 "necessary and proportionate (e.g. not to obstruct an investigation); record "
                 "the ground, the reasoning and a review date.")
    assumptions: tuple[str, ...] = ()
    if not r.claims and r.facts.mitigated is None:
        assumptions = ("No {exemptions} exemption claimed: assumed none applies (claim one on "
                       "the Risk step, with your explanation, if it does).",)
    return Telling(True, None, text, assumptions)


def tell_people(r: Resolved, level: RiskLevel, told_without_protection: bool) -> Telling:
    """The Art. 34 / s.68 / PECR call for `level`, with the exemption relied on; the law is
    cited as the breach's regime words it."""
    regime = r.facts.regime
    if regime is Regime.PECR:
        return _pecr(r, level, told_without_protection)
    told = _gdpr(r, level, told_without_protection)
    return replace(told, text=fill(told.text, regime),
                   assumptions=tuple(fill(a, regime) for a in told.assumptions))
