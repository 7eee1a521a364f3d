"""ENISA 2013 severity, SE = DPC x EI + CB, with every step of each term written down.

DPC: data processing context (1-4); EI: ease of identification (0.25-1); CB: circumstances.
"""

from __future__ import annotations

from model.domain.enums import (
    AvailabilityLoss,
    DataCategory,
    DataDetail,
    Exposure,
    Identifiability,
    ProtectionMethod,
    Sector,
    SeverityBand,
    SubjectCategory,
)
from model.domain.risk.resolved import SENSITIVE, VERY_LARGE_NUMBER, VULNERABLE, Resolved
from model.domain.risk.result import Severity, SeverityStep, format_number

# Base DPC by data type. Decisions beyond ENISA's own lists (see docs/risk-method.md):
# official documents and identification data (credentials) open the door to identity fraud
# and account takeover, so they sit with financial data at 3; "other" is treated as simple.
DPC_BASE: dict[DataCategory, int] = {
    DataCategory.BASIC_IDENTIFIERS: 1,
    DataCategory.OTHER: 1,
    DataCategory.LOCATION: 2,
    DataCategory.BEHAVIOURAL: 2,
    DataCategory.ECONOMIC_FINANCIAL: 3,
    DataCategory.OFFICIAL_DOCUMENTS: 3,
    DataCategory.IDENTIFICATION_DATA: 3,
    DataCategory.NOT_YET_KNOWN: 4,
    DataCategory.NONE: 1,
    **{c: 4 for c in SENSITIVE},
}
# Data that reveals little about anyone is scored at most as behavioural data (ENISA lowers
# sensitive data that gives no real insight, and financial data that tells little).
MINIMAL_DETAIL_MAX = 2
_KIND = {1: "simple", 2: "behavioural", 3: "financial", 4: "sensitive"}
EI_VALUE: dict[Identifiability, float] = {
    Identifiability.NEGLIGIBLE: 0.25, Identifiability.LIMITED: 0.5,
    Identifiability.SIGNIFICANT: 0.75, Identifiability.MAXIMUM: 1.0,
}
DIRECT_IDENTIFIERS = frozenset({DataCategory.BASIC_IDENTIFIERS, DataCategory.OFFICIAL_DOCUMENTS,
                                DataCategory.GENETIC_BIOMETRIC})
_CONF_CB: dict[Exposure, float] = {
    Exposure.NONE: 0.0, Exposure.TRUSTED_RECIPIENT: 0.25, Exposure.KNOWN_RECIPIENTS: 0.25,
    Exposure.UNKNOWN_RECIPIENTS: 0.5, Exposure.PUBLIC: 0.5,
}
_CONF_TEXT: dict[Exposure, str] = {
    Exposure.NONE: "nobody outside those authorised could see the data",
    Exposure.TRUSTED_RECIPIENT: "one known recipient bound by confidentiality",
    Exposure.KNOWN_RECIPIENTS: "known, limited recipients",
    Exposure.UNKNOWN_RECIPIENTS: "an unknown number of recipients",
    Exposure.PUBLIC: "published where anyone could see it",
}
CB_MAX = 2.0


def band_for(score: float) -> SeverityBand:
    """ENISA band of a score rounded to 2 decimals: <2 low, <3 medium, <4 high, else very high."""
    score = round(score, 2)
    if score < 2:
        return SeverityBand.LOW
    if score < 3:
        return SeverityBand.MEDIUM
    if score < 4:
        return SeverityBand.HIGH
    return SeverityBand.VERY_HIGH


def _category_base(r: Resolved, cat: DataCategory) -> int:
    if cat is DataCategory.IDENTIFICATION_DATA and r.credentials_hashed:
        return 1  # a current hash with its secret safe gives nothing usable away
    if r.detail is DataDetail.MINIMAL and cat is not DataCategory.NOT_YET_KNOWN:
        return min(DPC_BASE[cat], MINIMAL_DETAIL_MAX)
    return DPC_BASE[cat]


def _dpc_base(r: Resolved) -> SeverityStep:
    ranked = sorted(r.categories, key=lambda c: (-_category_base(r, c), c.value))
    top = ranked[0]
    base = _category_base(r, top)
    text = f"Base {base} ({_KIND[base]} data): the most severe data type is '{top.label}'."
    if top is DataCategory.NOT_YET_KNOWN:
        text = "Base 4 (sensitive data): the data types are not yet known, so the worst is assumed."
    elif top is DataCategory.IDENTIFICATION_DATA:
        text += " Credentials open accounts in the person's name: ranked with financial data."
    elif top is DataCategory.OFFICIAL_DOCUMENTS:
        text += " Copies of official documents enable identity fraud: ranked with financial data."
    if r.credentials_hashed:
        text += " Passwords hashed to a current standard (secret safe) count as simple data."
    if r.detail is DataDetail.MINIMAL and base < DPC_BASE[top]:
        text += (f" It reveals little about anyone (a passing item), so it is scored as "
                 f"{_KIND[base]} data ({base}) instead of {DPC_BASE[top]}.")
    return SeverityStep("DPC", float(base), text)


def _context_raises(r: Resolved) -> list[tuple[int, str]]:
    """Whole-step raises ENISA allows for context; only the largest applies."""
    raises: list[tuple[int, str]] = []
    if r.safety_at_stake:
        raises.append((3, "the data is critical to the personal safety of the people "
                          "(physical harm or harassment is possible)"))
    not_only_staff = not r.subjects <= {SubjectCategory.EMPLOYEES}
    if SubjectCategory.PATIENTS in r.subjects or (
            r.sector in (Sector.HEALTH, Sector.LAW_ENFORCEMENT) and not_only_staff):
        raises.append((2, "being on this controller's records lets others assume things about "
                          "a person's health or dealings with the police"))
    if r.subjects & VULNERABLE:
        raises.append((1, "the people include children or vulnerable adults"))
    if r.sector is Sector.FINANCIAL and not_only_staff:
        raises.append((1, "being a customer here allows assumptions about financial status"))
    if r.records is not None and r.people and r.records >= 10 * r.people:
        raises.append((1, "many records per person allow a profile to be built"))
    if r.detail is DataDetail.EXTENSIVE:
        raises.append((1, "a detailed record of each person (a full form, file or history) "
                          "allows a profile to be built"))
    if r.people is not None and r.people >= VERY_LARGE_NUMBER:
        raises.append((1, f"{r.people:,} people: at this scale even common data is a ready-made "
                          "list for fraud and scams"))
    return raises


def derive_dpc(r: Resolved) -> tuple[int, list[SeverityStep]]:
    """Base by the most severe data type, then the largest context raise, kept within 1-4."""
    base_step = _dpc_base(r)
    base = int(base_step.value)
    steps = [base_step]
    raises = sorted(_context_raises(r), key=lambda x: -x[0])
    if not raises:
        steps.append(SeverityStep("DPC", base, "No context factor moves it."))
        return base, steps
    amount, why = raises[0]
    value = min(4, base + amount)
    if value == base:
        text = f"Context: {why} (+{amount}), but DPC is already at the maximum of 4."
    else:
        text = f"Context: +{amount} because {why}; DPC {base} → {value}" + (
            " (capped at 4)." if base + amount > 4 else ".")
    steps.append(SeverityStep("DPC", value, text))
    for other, other_why in raises[1:]:
        steps.append(SeverityStep("DPC", value, f"Also noted, not added (the largest raise "
                                                f"applies): {other_why} (+{other})."))
    return value, steps


def derive_ei(r: Resolved) -> tuple[float, list[SeverityStep]]:
    """The DPO's setting, else derived; unintelligible data is always negligible."""
    set_by_dpo = r.facts.identifiability
    if r.unintelligible and r.confidentiality_lost:
        text = ("Negligible (0.25): encrypted to a current standard with the key safe, so "
                "nobody unauthorised can identify anyone from it")
        if set_by_dpo is not None and set_by_dpo is not Identifiability.NEGLIGIBLE:
            text += f" (your '{set_by_dpo.label}' describes the data if it could be read)"
        return 0.25, [SeverityStep("EI", 0.25, text + ".")]
    if set_by_dpo is not None:
        value = EI_VALUE[set_by_dpo]
        return value, [SeverityStep("EI", value, f"{set_by_dpo.label} ({format_number(value)}): "
                                                 "set by the DPO.")]
    if r.method is ProtectionMethod.PSEUDONYMISATION and r.state_of_the_art and r.key_safe:
        return 0.5, [SeverityStep("EI", 0.5, "Limited (0.5): pseudonymised, and the key that "
                                             "links records to people is safe.")]
    direct = sorted(c.label for c in r.categories & DIRECT_IDENTIFIERS)
    if direct:
        text = f"Maximum (1): the data includes {', '.join(direct)}, identifying people directly."
    else:
        text = ("Maximum (1): ease of identification was not set, so the worst case is "
                "assumed (set it if people cannot readily be identified).")
    return 1.0, [SeverityStep("EI", 1.0, text)]


def _cb_confidentiality(r: Resolved) -> SeverityStep | None:
    if r.exposure is None:
        return None
    if r.unintelligible:
        return SeverityStep("CB", 0.0, "Confidentiality +0: the data cannot be read without "
                                       "the key, which is safe.")
    add = _CONF_CB[r.exposure]
    return SeverityStep("CB", add, f"Confidentiality +{format_number(add)}: "
                                   f"{_CONF_TEXT[r.exposure]}.")


def _cb_integrity(r: Resolved) -> SeverityStep | None:
    if not r.integrity_lost:
        return None
    add = 0.25 if r.recoverable else 0.5
    how = "can be put right" if r.recoverable else "cannot be put right"
    return SeverityStep("CB", add, f"Integrity +{format_number(add)}: altered data {how}.")


def _cb_availability(r: Resolved) -> SeverityStep | None:
    if not r.availability_lost:
        return None
    add = 0.5 if r.loss is AvailabilityLoss.PERMANENT else 0.25
    return SeverityStep("CB", add, f"Availability +{format_number(add)}: {r.loss.value} loss.")


def derive_cb(r: Resolved) -> tuple[float, list[SeverityStep]]:
    """Add each circumstance that applies; at most 2."""
    steps = [s for s in (_cb_confidentiality(r), _cb_integrity(r), _cb_availability(r)) if s]
    if r.malicious:
        steps.append(SeverityStep("CB", 0.5, "Malicious intent +0.5: a deliberate act."))
    total = min(CB_MAX, sum(s.value for s in steps))
    if not steps:
        steps.append(SeverityStep("CB", 0.0, "No circumstance adds to the score."))
    return total, steps


def assess_severity(r: Resolved) -> Severity:
    """SE = DPC x EI + CB, rounded to 2 decimals, and its ENISA band."""
    dpc, dpc_steps = derive_dpc(r)
    ei, ei_steps = derive_ei(r)
    cb, cb_steps = derive_cb(r)
    score = round(dpc * ei + cb, 2)
    return Severity(dpc=dpc, ei=ei, cb=cb, score=score, band=band_for(score),
                    steps=tuple(dpc_steps + ei_steps + cb_steps))
