"""From severity band and factor contributions to a risk level and the two notification calls.

Documented in docs/risk-method.md, section "Mapping"; the DPO may depart with a recorded reason.
"""

from __future__ import annotations

from dataclasses import dataclass

from model.domain.enums import Regime, RiskLevel, SeverityBand
from model.domain.risk.registry import factor_title
from model.domain.risk.resolved import Resolved
from model.domain.risk.result import Contribution, Effect, Reason, Severity, level_rank

# ENISA bands do not map onto Art. 33/34 by themselves; this is Breach Desk's starting point.
BAND_LEVEL: dict[SeverityBand, RiskLevel] = {
    SeverityBand.LOW: RiskLevel.UNLIKELY,
    SeverityBand.MEDIUM: RiskLevel.RISK,
    SeverityBand.HIGH: RiskLevel.HIGH_RISK,
    SeverityBand.VERY_HIGH: RiskLevel.HIGH_RISK,
}
UNINTELLIGIBLE = "unintelligible"
SUBSEQUENT_MEASURES = "subsequent_measures"
DISPROPORTIONATE_EFFORT = "disproportionate_effort"


@dataclass(frozen=True)
class Decision:
    """The mapping's output: level, the two notification calls, and why."""

    risk: RiskLevel
    notify_ico: bool
    notify_data_subjects: bool
    exemption: str | None
    reasons: tuple[Reason, ...]
    assumptions: tuple[str, ...]


def severity_reason(sev: Severity) -> Reason:
    effect = {SeverityBand.LOW: Effect.LOWERS, SeverityBand.MEDIUM: Effect.NEUTRAL}.get(
        sev.band, Effect.RAISES)
    return Reason("severity", effect, f"SE = DPC × EI + CB = {sev.formula}: "
                                      f"{sev.band.label.lower()} severity.")


def _titles(items: list[Contribution]) -> str:
    return "; ".join(factor_title(c.factor).lower() for c in items)


def decide_level(sev: Severity,
                 contributions: tuple[Contribution, ...]) -> tuple[RiskLevel, Reason]:
    """Start from the band, raise to every floor, then hold to every cap (caps win)."""
    base = BAND_LEVEL[sev.band]
    level = base
    text = f"The {sev.band.label.lower()} severity band gives a starting level of " \
           f"'{base.label.lower()}'."
    floors = [c for c in contributions if c.floor and level_rank(c.floor) > level_rank(level)]
    if floors:
        level = max((c.floor for c in floors if c.floor), key=level_rank)
        text += f" Raised to '{level.label.lower()}' by: {_titles(floors)}."
    caps = [c for c in contributions if c.cap and level_rank(c.cap) < level_rank(level)]
    if caps:
        level = min((c.cap for c in caps if c.cap), key=level_rank)
        text += f" Held to '{level.label.lower()}' by: {_titles(caps)}."
    if not floors and not caps:
        text += " No factor moves it."
    effect = (Effect.RAISES if level_rank(level) > level_rank(base) else
              Effect.LOWERS if level_rank(level) < level_rank(base) else Effect.NEUTRAL)
    return level, Reason("risk_level", effect, text)


def ico_decision(regime: Regime, level: RiskLevel) -> tuple[bool, Reason]:
    """PECR: every breach is notified. Otherwise: notify unless unlikely to result in a risk."""
    if regime is Regime.PECR:
        return True, Reason("regime", Effect.NEUTRAL,
                            "PECR reg. 5A: a communications provider notifies the ICO of every "
                            "personal data breach, whatever the risk.")
    law = "UK GDPR Art. 33" if regime is Regime.UK_GDPR else "DPA 2018 s.67"
    if level is RiskLevel.UNLIKELY:
        return False, Reason("regime", Effect.NEUTRAL,
                             f"{law}: a breach unlikely to result in a risk need not be "
                             "reported, but record it with the reasons for not reporting.")
    return True, Reason("regime", Effect.NEUTRAL,
                        f"{law}: a breach likely to result in a risk is reported to the ICO "
                        "without undue delay and, where feasible, within 72 hours of awareness.")


def _not_told(r: Resolved, told_without_protection: bool, why: str) -> tuple[bool, str | None, str]:
    if r.unintelligible and told_without_protection:
        return False, UNINTELLIGIBLE, (
            "Without the encryption the people would have to be told; because the data is "
            "unintelligible to anyone unauthorised (Art. 34(3)(a)), they need not be.")
    return False, None, why


def _pecr_subjects(r: Resolved, level: RiskLevel,
                   told_without_protection: bool) -> tuple[bool, str | None, str]:
    if level is RiskLevel.UNLIKELY:
        return _not_told(r, told_without_protection,
                         "Not likely to adversely affect subscribers or users: no need to tell "
                         "them (PECR reg. 5A(3)).")
    text = ("Likely to adversely affect subscribers or users (read here as any risk above "
            "'unlikely'): tell them without undue delay (PECR reg. 5A(3)).")
    if r.mitigated or r.disproportionate_effort:
        text += (" PECR exempts only data shown to the ICO to be unintelligible: later "
                 "measures or effort do not excuse telling them.")
    return True, None, text


def _gdpr_subjects(r: Resolved, regime: Regime, level: RiskLevel,
                   told_without_protection: bool) -> tuple[bool, str | None, str]:
    if level is not RiskLevel.HIGH_RISK:
        return _not_told(r, told_without_protection,
                         "Not a high risk: no duty to tell the people affected, though you may "
                         "choose to.")
    if r.mitigated:
        return False, SUBSEQUENT_MEASURES, (
            "High risk, but measures taken since mean it is no longer likely to materialise "
            "(Art. 34(3)(b)): record how, and be ready to show the ICO.")
    if r.disproportionate_effort:
        return False, DISPROPORTIONATE_EFFORT, (
            "High risk, but contacting each person would take disproportionate effort "
            "(Art. 34(3)(c)): make a public communication or equally effective measure instead.")
    text = ("High risk: tell the people affected without undue delay, in clear and plain "
            "language, what happened, the likely consequences, what you are doing and what "
            "they can do to protect themselves.")
    if regime is Regime.DPA2018_PART3:
        text += (" DPA 2018 s.68 allows restricting or delaying this, as far and as long as "
                 "necessary and proportionate (e.g. not to obstruct an investigation); record "
                 "the ground, the reasoning and a review date.")
    return True, None, text


def decide(sev: Severity, contributions: tuple[Contribution, ...], r: Resolved,
           told_without_protection: bool = False) -> Decision:
    """The full mapping; `told_without_protection` says if unprotected data would be told."""
    regime = r.facts.regime
    level, level_reason = decide_level(sev, contributions)
    ico, ico_reason = ico_decision(regime, level)
    if regime is Regime.PECR:
        tell, exemption, text = _pecr_subjects(r, level, told_without_protection)
    else:
        tell, exemption, text = _gdpr_subjects(r, regime, level, told_without_protection)
    assumptions: tuple[str, ...] = ()
    if level is RiskLevel.HIGH_RISK and r.facts.mitigated is None and regime is not Regime.PECR:
        assumptions = ("Not stated that measures taken since remove the high risk: assumed "
                       "they do not (Art. 34(3)(b)).",)
    effect = Effect.RAISES if tell else Effect.LOWERS if exemption else Effect.NEUTRAL
    reasons = (level_reason, ico_reason, Reason("data_subjects", effect, text))
    return Decision(level, ico, tell, exemption, reasons, assumptions)
