"""Result types of the risk engine: reasons, factor contributions, severity and the assessment.

All frozen; the GUI, reports and the CLI read these and never recompute anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from model.domain.enums import BreachType, Regime, RiskLevel, SeverityBand

METHOD_VERSION = "breach-desk-risk/2.0"

# Risk levels in increasing order, so floors and caps can compare them.
LEVEL_ORDER: tuple[RiskLevel, ...] = (RiskLevel.UNLIKELY, RiskLevel.RISK, RiskLevel.HIGH_RISK)


def level_rank(level: RiskLevel) -> int:
    """0 for unlikely, 1 for risk, 2 for high risk."""
    return LEVEL_ORDER.index(level)


class Likelihood(StrEnum):
    """The ICO report form's "likelihood of significant consequences" (breach-assessment/1)."""

    VERY_UNLIKELY = "very_unlikely"
    UNLIKELY = "unlikely"
    NEUTRAL = "neutral"
    LIKELY = "likely"
    VERY_LIKELY = "very_likely"
    NOT_YET_KNOWN = "not_yet_known"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


# Known likelihoods in increasing order (NOT_YET_KNOWN is not on the scale).
LIKELIHOOD_ORDER: tuple[Likelihood, ...] = (
    Likelihood.VERY_UNLIKELY, Likelihood.UNLIKELY, Likelihood.NEUTRAL, Likelihood.LIKELY,
    Likelihood.VERY_LIKELY)


class Effect(StrEnum):
    """Which way a factor pushes the assessment (the breach-assessment/1 strings)."""

    RAISES = "raises"
    LOWERS = "lowers"
    NEUTRAL = "neutral"


@dataclass(frozen=True)
class Reason:
    """One line of the explanation: which factor, which way, and why in plain English."""

    factor: str
    effect: Effect
    text: str


@dataclass(frozen=True)
class Limit:
    """A floor (the level is raised to at least this) or a cap (held to at most this) on
    one kind of loss (`scope`: confidentiality, integrity or availability; None: all)."""

    is_cap: bool
    level: RiskLevel
    scope: BreachType | None = None

    def applies_to(self, kind: BreachType) -> bool:
        return self.scope is None or self.scope is kind


def floor(level: RiskLevel, scope: BreachType | None = None) -> Limit:
    return Limit(False, level, scope)


def cap(level: RiskLevel, scope: BreachType | None = None) -> Limit:
    return Limit(True, level, scope)


@dataclass(frozen=True)
class Contribution:
    """What one EDPB factor found.

    `limits` are the factor's say on the risk level: each kind of loss is raised to at
    least every floor, then held to at most every cap (a cap wins: it records that the
    harm can no longer happen, whatever the data would have allowed).
    """

    factor: str
    effect: Effect
    text: str
    assumptions: tuple[str, ...] = ()
    limits: tuple[Limit, ...] = ()

    @property
    def reason(self) -> Reason:
        return Reason(self.factor, self.effect, self.text)


@dataclass(frozen=True)
class SeverityStep:
    """One step of the ENISA derivation: the term it touches, its value after, and why."""

    term: str  # "DPC", "EI" or "CB"
    value: float
    text: str


@dataclass(frozen=True)
class Severity:
    """ENISA 2013 severity: SE = DPC x EI + CB, with each term's derivation."""

    dpc: int
    ei: float
    cb: float
    score: float
    band: SeverityBand
    steps: tuple[SeverityStep, ...] = ()

    def steps_for(self, term: str) -> tuple[SeverityStep, ...]:
        return tuple(s for s in self.steps if s.term == term)

    @property
    def formula(self) -> str:
        """'4 x 1 + 0.5 = 4.5' in plain numbers."""
        return f"{_num(self.dpc)} × {_num(self.ei)} + {_num(self.cb)} = {_num(self.score)}"


@dataclass(frozen=True)
class Assessment:
    """The engine's recommendation for one set of facts, with everything needed to explain it."""

    severity: Severity
    risk: RiskLevel
    notify_ico: bool
    notify_data_subjects: bool
    data_subject_exemption: str | None
    deadline: datetime | None
    assumptions: tuple[str, ...]
    reasons: tuple[Reason, ...]
    regime: Regime = Regime.UK_GDPR
    method_version: str = METHOD_VERSION
    likelihood: Likelihood = Likelihood.NOT_YET_KNOWN
    summary: str = ""
    personal_data_breach: bool = True
    advice: tuple[str, ...] = ()

    def reasons_for(self, factor: str) -> tuple[Reason, ...]:
        return tuple(r for r in self.reasons if r.factor == factor)


def _num(value: float) -> str:
    """Numbers as a DPO writes them: 4, 0.5, 4.25 (no trailing zeros)."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text or "0"


def format_number(value: float) -> str:
    """Public wrapper of the number format used in every explanation."""
    return _num(value)
