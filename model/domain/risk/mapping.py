"""From severity band, likelihood and factor contributions to a risk level and the two
notification calls.

Documented in docs/risk-method.md, section "Mapping"; the DPO may depart with a recorded reason.
Each kind of loss (confidentiality, integrity, availability) gets its own level from the same
starting band, its own floors and caps; the breach is as serious as its most serious part.
"""

from __future__ import annotations

from dataclasses import dataclass

from model.domain.enums import BreachType, Regime, RiskLevel, SeverityBand
from model.domain.risk.likelihood import LIMITS, LikelihoodResult
from model.domain.risk.registry import factor_title
from model.domain.risk.resolved import Resolved
from model.domain.risk.result import (
    Contribution,
    Effect,
    Likelihood,
    Reason,
    Severity,
    level_rank,
)
from model.domain.risk.telling import tell_people

# ENISA bands do not map onto Art. 33/34 by themselves; this is Breach Desk's starting point.
BAND_LEVEL: dict[SeverityBand, RiskLevel] = {
    SeverityBand.LOW: RiskLevel.UNLIKELY,
    SeverityBand.MEDIUM: RiskLevel.RISK,
    SeverityBand.HIGH: RiskLevel.HIGH_RISK,
    SeverityBand.VERY_HIGH: RiskLevel.HIGH_RISK,
}


@dataclass(frozen=True)
class Decision:
    """The mapping's output: level, the two notification calls, and why."""

    risk: RiskLevel
    notify_ico: bool
    notify_data_subjects: bool
    exemption: str | None
    reasons: tuple[Reason, ...]
    assumptions: tuple[str, ...]
    main: BreachType | None  # the kind of loss that set the level (None: nothing lost)


def severity_reason(sev: Severity) -> Reason:
    effect = {SeverityBand.LOW: Effect.LOWERS, SeverityBand.MEDIUM: Effect.NEUTRAL}.get(
        sev.band, Effect.RAISES)
    return Reason("severity", effect, f"SE = DPC × EI + CB = {sev.formula}: "
                                      f"{sev.band.label.lower()} severity.")


def likelihood_reason(lk: LikelihoodResult) -> Reason:
    if len(lk.parts) == 1 and lk.overall is lk.parts[0].likelihood:
        text = f"{lk.overall.label}: {lk.parts[0].text}."
    else:
        text = f"{lk.overall.label} overall." + "".join(
            f" {p.kind.value.capitalize()}: {p.likelihood.label.lower()}, as {p.text}."
            for p in lk.parts)
    if lk.overall is Likelihood.NOT_YET_KNOWN:
        text += " Until the facts are known, each unknown is taken at its worst."
    effect = (Effect.LOWERS if lk.overall.value.endswith("unlikely") else
              Effect.RAISES if lk.overall.value.endswith("likely") else Effect.NEUTRAL)
    return Reason("likelihood", effect, text)


def _short(level: RiskLevel) -> str:
    return level.label.lower()


def _limits_for(kind: BreachType, contributions: tuple[Contribution, ...],
                lk: LikelihoodResult) -> tuple[list[tuple[RiskLevel, str]], ...]:
    """The floors and caps on one kind of loss, each with the title of what set it."""
    floors: list[tuple[RiskLevel, str]] = []
    caps: list[tuple[RiskLevel, str]] = []
    for c in contributions:
        for limit in c.limits:
            if limit.applies_to(kind):
                (caps if limit.is_cap else floors).append((limit.level, factor_title(c.factor)))
    part = lk.part(kind)
    if part is not None:
        low, high = LIMITS[part.likelihood]
        what = f"Likelihood ({part.likelihood.label.lower()})"
        if low is not None:
            floors.append((low, what))
        if high is not None:
            caps.append((high, what))
    return floors, caps


def _part_level(kind: BreachType, start: RiskLevel, contributions: tuple[Contribution, ...],
                lk: LikelihoodResult) -> tuple[RiskLevel, str]:
    """One kind of loss: raise to every floor, then hold to every cap (caps win)."""
    floors, caps = _limits_for(kind, contributions, lk)
    level, said = start, []
    if any(level_rank(f[0]) > level_rank(start) for f in floors):
        level = max((f[0] for f in floors), key=level_rank)
        why = "; ".join(f[1].lower() for f in floors if f[0] is level)
        said.append(f"Raised to '{_short(level)}' by: {why}.")
    if any(level_rank(c[0]) < level_rank(level) for c in caps):
        level = min((c[0] for c in caps), key=level_rank)
        why = "; ".join(c[1].lower() for c in caps if c[0] is level)
        said.append(f"Held to '{_short(level)}' by: {why}.")
    return level, " ".join(said)


def decide_level(sev: Severity, contributions: tuple[Contribution, ...], r: Resolved,
                 lk: LikelihoodResult) -> tuple[RiskLevel, Reason, BreachType | None]:
    """Start from the band; judge each kind of loss; the breach takes the highest."""
    start = BAND_LEVEL[sev.band]
    text = (f"The {sev.band.label.lower()} severity band gives a starting level of "
            f"'{_short(start)}'.")
    if not r.lost:
        return RiskLevel.UNLIKELY, Reason(
            "risk_level", Effect.LOWERS, text + " By the facts given nothing was disclosed, "
            "altered or lost, so the breach is unlikely to result in a risk."), None
    results = [(kind, *_part_level(kind, start, contributions, lk)) for kind in r.lost]
    level = max((lvl for _, lvl, _ in results), key=level_rank)
    main = next(kind for kind, lvl, _ in results if lvl is level)
    if len(results) == 1:
        text += f" {results[0][2] or 'No factor moves it.'}"
    else:
        for kind, lvl, said in results:
            text += f" {kind.value.capitalize()} ('{_short(lvl)}'): {said or 'unchanged.'}"
        text += f" The breach is as serious as its most serious part: '{_short(level)}'."
    effect = (Effect.RAISES if level_rank(level) > level_rank(start) else
              Effect.LOWERS if level_rank(level) < level_rank(start) else Effect.NEUTRAL)
    return level, Reason("risk_level", effect, text), main


def ico_decision(regime: Regime, level: RiskLevel) -> tuple[bool, Reason]:
    """PECR: every breach is notified. Otherwise: notify unless unlikely to result in a risk."""
    if regime is Regime.PECR:
        return True, Reason("regime", Effect.NEUTRAL,
                            "PECR reg. 5A(2): a communications provider notifies the ICO of "
                            "every personal data breach, whatever the risk.")
    law = "UK GDPR Art. 33" if regime is Regime.UK_GDPR else "DPA 2018 s.67"
    if level is RiskLevel.UNLIKELY:
        return False, Reason("regime", Effect.NEUTRAL,
                             f"{law}: a breach unlikely to result in a risk need not be "
                             "reported, but record it with the reasons for not reporting.")
    return True, Reason("regime", Effect.NEUTRAL,
                        f"{law}: a breach likely to result in a risk is reported to the ICO "
                        "without undue delay and, where feasible, within 72 hours of awareness.")


def decide(sev: Severity, contributions: tuple[Contribution, ...], r: Resolved,
           lk: LikelihoodResult, told_without_protection: bool = False) -> Decision:
    """The full mapping; `told_without_protection` says if unprotected data would be told."""
    regime = r.facts.regime
    level, level_reason, main = decide_level(sev, contributions, r, lk)
    ico, ico_reason = ico_decision(regime, level)
    told = tell_people(r, level, told_without_protection)
    reasons = (level_reason, ico_reason, Reason("data_subjects", told.effect, told.text))
    return Decision(level, ico, told.tell, told.exemption, reasons, told.assumptions, main)
