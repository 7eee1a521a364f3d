"""EDPB factors about the data itself: sensitivity, volume, ease of identification, protection.

Each factor reads the resolved facts and returns a Contribution, or None when it does not apply.
"""

from __future__ import annotations

from model.domain.enums import DataCategory, DataDetail, ProtectionMethod
from model.domain.risk.resolved import SENSITIVE, Resolved
from model.domain.risk.result import Contribution, Effect
from model.domain.risk.severity import DIRECT_IDENTIFIERS, derive_ei

_FINANCIAL_LIKE = frozenset({DataCategory.ECONOMIC_FINANCIAL, DataCategory.OFFICIAL_DOCUMENTS,
                             DataCategory.IDENTIFICATION_DATA})


def _notes(r: Resolved, *starts: str) -> tuple[str, ...]:
    """The resolver's assumptions that begin with any of `starts`."""
    return tuple(a for a in r.assumptions if a.startswith(starts))


def _labels(cats: frozenset[DataCategory]) -> str:
    return ", ".join(sorted(c.label.lower() for c in cats))


def sensitivity(r: Resolved) -> Contribution:
    """Special-category and criminal data make damage likely; financial data enables fraud."""
    notes = _notes(r, "Data categories not yet known", "'Other' data")
    sensitive = r.categories & SENSITIVE
    if DataCategory.NOT_YET_KNOWN in r.categories:
        return Contribution("sensitivity", Effect.RAISES,
                            "The data involved is not yet known, so it is treated as the most "
                            "sensitive kind until established.", notes)
    if sensitive and r.detail is DataDetail.MINIMAL:
        return Contribution("sensitivity", Effect.NEUTRAL,
                            f"The data includes {_labels(sensitive)}, but only a passing item "
                            "that reveals little about anyone (such as a food intolerance), so "
                            "it is scored as behavioural data.", notes)
    if sensitive:
        return Contribution("sensitivity", Effect.RAISES,
                            f"The data includes {_labels(sensitive)}: special-category or "
                            "criminal-offence data, whose disclosure makes damage likely.", notes)
    fin = r.categories & _FINANCIAL_LIKE
    if r.credentials_hashed:
        fin -= {DataCategory.IDENTIFICATION_DATA}
    if fin:
        return Contribution("sensitivity", Effect.RAISES,
                            f"The data includes {_labels(fin)}, which can be used for fraud, "
                            "identity theft or account takeover.", notes)
    return Contribution("sensitivity", Effect.NEUTRAL,
                        f"The data ({_labels(r.categories)}) is not sensitive in itself; its "
                        "context is weighed by the other factors.", notes)


def volume(r: Resolved) -> Contribution:
    """How much data: many records per person give a fuller picture of each one."""
    notes = _notes(r, "Number of records not given", "Number of people not given",
                   "Number of people and records", "How much the data reveals")
    if r.detail is DataDetail.EXTENSIVE:
        return Contribution("volume", Effect.RAISES,
                            "The data holds a detailed record of each person (a full form, file "
                            "or history): enough to build a profile of them.", notes)
    if r.detail is DataDetail.MINIMAL:
        return Contribution("volume", Effect.LOWERS,
                            "The data reveals little beyond who each person is.", notes)
    if r.records is None:
        return Contribution("volume", Effect.NEUTRAL,
                            "The number of records is not known; the volume was judged from "
                            "the number of people.", notes)
    if r.people and r.records >= 10 * r.people:
        per = r.records // r.people
        return Contribution("volume", Effect.RAISES,
                            f"{r.records:,} records for {r.people:,} people (about {per} each): "
                            "enough to build a profile of each person.", notes)
    return Contribution("volume", Effect.NEUTRAL,
                        f"{r.records:,} records: about one or a few per person, so no detailed "
                        "profile of anyone.", notes)


def ease_of_identification(r: Resolved) -> Contribution:
    """How easily the data points to particular people (ENISA EI)."""
    ei, steps = derive_ei(r)
    text = steps[-1].text
    notes: tuple[str, ...] = ()
    if r.facts.identifiability is None and not (r.unintelligible and r.confidentiality_lost):
        if ei == 1.0 and not r.categories & DIRECT_IDENTIFIERS:
            notes = ("Ease of identification not set: assumed maximum (people readily "
                     "identifiable).",)
        else:
            notes = (f"Ease of identification not set: derived from the data as "
                     f"{steps[-1].text.split(' (')[0].lower()}.",)
    if ei >= 0.75:
        return Contribution("identifiability", Effect.RAISES,
                            f"People are easy to identify from this data. {text}", notes)
    return Contribution("identifiability", Effect.LOWERS,
                        f"People are hard to identify from this data. {text}", notes)


def protection(r: Resolved) -> Contribution | None:
    """State-of-the-art encryption with the key safe makes lost data unintelligible."""
    if not r.confidentiality_lost:
        return None
    notes = _notes(r, "Protection of the data", "Not stated that the", "Not stated that the key")
    if r.unintelligible:
        return Contribution("protection", Effect.LOWERS,
                            "The data was encrypted to a current standard and the key is safe: "
                            "it is unintelligible to whoever has it.", notes)
    if r.credentials_hashed:
        return Contribution("protection", Effect.LOWERS,
                            "Passwords were hashed with a current algorithm and the secret is "
                            "safe, so they cannot practically be recovered; the other data was "
                            "readable.", notes)
    if r.method is ProtectionMethod.NONE:
        return Contribution("protection", Effect.RAISES,
                            "The data was not protected: anyone who has it can read it.", notes)
    if r.method is ProtectionMethod.PSEUDONYMISATION and r.key_safe:
        return Contribution("protection", Effect.LOWERS,
                            "The data was pseudonymised and the linking key is safe, so people "
                            "are harder to identify.", notes)
    return Contribution("protection", Effect.RAISES,
                        f"The {r.method.value} does not protect the data: it is not to a current "
                        "standard, or the key or secret may be exposed.", notes)
