"""EDPB factors about what happened: the type of breach, the recipients, intent, access,
exposure time, and backups with the time to restore.
"""

from __future__ import annotations

from model.domain.enums import Access, AvailabilityLoss, Exposure, RiskLevel, ServiceImpact
from model.domain.risk.resolved import QUICK_RESTORE_HOURS, Resolved
from model.domain.risk.result import Contribution, Effect

_EXPOSURE_TEXT: dict[Exposure, str] = {
    Exposure.NONE: "nobody outside those authorised could see it",
    Exposure.TRUSTED_RECIPIENT: "it went to one known recipient bound by confidentiality",
    Exposure.KNOWN_RECIPIENTS: "it went to a small known group",
    Exposure.UNKNOWN_RECIPIENTS: "an unknown number of people could see it",
    Exposure.PUBLIC: "it was published, in public view where anyone could see and copy it",
}
_WIDE = (Exposure.UNKNOWN_RECIPIENTS, Exposure.PUBLIC)


def _notes(r: Resolved, *starts: str) -> tuple[str, ...]:
    return tuple(a for a in r.assumptions if a.startswith(starts))


def _hours(value: float) -> str:
    return f"{value:g} hour{'s' if value != 1 else ''}"


def type_of_breach(r: Resolved) -> Contribution:
    """Confidentiality, integrity, availability: what was lost, and how widely."""
    parts: list[str] = []
    raises = False
    if r.exposure is not None:
        parts.append(f"Confidentiality: {_EXPOSURE_TEXT[r.exposure]}.")
        raises = r.exposure in _WIDE
    if r.integrity_lost:
        parts.append("Integrity: data was altered" +
                     (" but can be put right." if r.recoverable else " and cannot be put right."))
        raises = raises or not r.recoverable
    if r.availability_lost:
        parts.append(f"Availability: {r.loss.value} loss of the data.")
        raises = raises or r.loss is AvailabilityLoss.PERMANENT
    notes = _notes(r, "Who could see the data")
    if r.exposure is Exposure.NONE and r.only_confidentiality and not r.malicious:
        return Contribution("type_of_breach", Effect.LOWERS, " ".join(parts), notes,
                            cap=RiskLevel.UNLIKELY)
    return Contribution("type_of_breach", Effect.RAISES if raises else Effect.NEUTRAL,
                        " ".join(parts), notes)


def trusted_recipient(r: Resolved) -> Contribution | None:
    """A known recipient who confirms deletion makes harm unlikely; a deliberate one does not."""
    if r.exposure not in (Exposure.TRUSTED_RECIPIENT, Exposure.KNOWN_RECIPIENTS):
        return None
    notes = _notes(r, "Not known whether the recipients")
    who = "The recipient" if r.exposure is Exposure.TRUSTED_RECIPIENT else "The recipients"
    if r.malicious:
        return Contribution("trusted_recipient", Effect.NEUTRAL,
                            f"{who} acted deliberately, so a promise to delete is not relied "
                            "on.", notes)
    if not r.recipient_deleted:
        return Contribution("trusted_recipient", Effect.NEUTRAL,
                            f"{who} {'has' if who == 'The recipient' else 'have'} not "
                            "confirmed deleting or returning the data.", notes)
    if r.exposure is Exposure.TRUSTED_RECIPIENT:
        cap = RiskLevel.UNLIKELY if r.only_confidentiality else None
        text = ("The recipient is known, bound by confidentiality and has confirmed deleting "
                "or returning the data: harm is unlikely to follow.")
    else:
        cap = RiskLevel.RISK if r.only_confidentiality else None
        text = ("The recipients are a small known group and have confirmed deleting or "
                "returning the data: a high risk is unlikely, though some risk remains.")
    return Contribution("trusted_recipient", Effect.LOWERS, text, notes, cap=cap)


def malicious_intent(r: Resolved) -> Contribution:
    """A deliberate act (attack, theft, insider misuse) makes misuse of the data more likely."""
    notes = _notes(r, "Not stated whether the breach was deliberate")
    if not r.malicious:
        return Contribution("malicious_intent", Effect.NEUTRAL,
                            "An accident or error, not a deliberate act.", notes)
    # Unknown access counts as access: the worst case is that they have the data.
    has_it = r.access in (Access.CONFIRMED, Access.UNKNOWN)
    floor = RiskLevel.RISK if has_it and r.readable else None
    text = "A deliberate act: whoever did it may want to use the data."
    if floor:
        text += " They have, or must be taken to have, the data, so harm is likely to follow."
    return Contribution("malicious_intent", Effect.RAISES, text, notes, floor=floor)


def backups_and_restore(r: Resolved) -> Contribution | None:
    """Backups and a quick restore limit an outage; with nothing seen, it caps the risk."""
    if not r.availability_lost:
        return None
    notes = _notes(r, "Not known whether a backup", "Extent of the loss", "Time to restore")
    quick = r.restore_hours is not None and r.restore_hours <= QUICK_RESTORE_HOURS
    outage_only = not r.confidentiality_lost and not (r.integrity_lost and not r.recoverable)
    not_critical = r.service_impact is not ServiceImpact.CRITICAL
    if r.backup and r.loss is AvailabilityLoss.TEMPORARY and quick:
        text = (f"A backup existed and the data was restored within "
                f"{_hours(r.restore_hours or 0)}.")
        if outage_only and not_critical:
            return Contribution("backups", Effect.LOWERS, text + " Nothing was seen or "
                                "taken and no service people rely on was seriously hit: "
                                "unlikely to harm anyone.", notes, cap=RiskLevel.UNLIKELY)
        return Contribution("backups", Effect.LOWERS, text, notes)
    if r.backup:
        when = (f"in {_hours(r.restore_hours)}" if r.restore_hours is not None
                else "after more than a day")
        text = f"A backup existed, but restoring took or will take a while ({when})."
    else:
        text = "No backup: the data cannot be restored."
    if outage_only and not_critical:
        return Contribution("backups", Effect.NEUTRAL, text + " As nothing was seen or taken "
                            "and no critical service was hit, the risk is held below high.",
                            notes, cap=RiskLevel.RISK)
    return Contribution("backups", Effect.RAISES, text, notes)


def evidence_of_access(r: Resolved) -> Contribution | None:
    """Whether the data is known to have been viewed, copied or taken."""
    if r.access is None:
        return None
    notes = _notes(r, "Not known whether anyone viewed")
    if r.unintelligible:
        return Contribution("evidence_of_access", Effect.NEUTRAL,
                            "Whoever has the data cannot read it without the key.", notes)
    if r.access is Access.CONFIRMED:
        return Contribution("evidence_of_access", Effect.RAISES,
                            "The data is known to have been viewed, copied or taken.", notes)
    if r.access is Access.UNKNOWN:
        return Contribution("evidence_of_access", Effect.NEUTRAL,
                            "It is not known whether anyone viewed or copied the data, so the "
                            "assessment assumes they did.", notes)
    cap = RiskLevel.RISK if r.only_confidentiality and not r.malicious else None
    return Contribution("evidence_of_access", Effect.LOWERS,
                        "Checks (such as access logs) show nobody viewed or copied the data.",
                        notes, cap=cap)


def exposure_duration(r: Resolved) -> Contribution | None:
    """How long the data stayed where unknown people could reach it."""
    if r.exposure not in _WIDE or r.unintelligible:
        return None
    notes = _notes(r, "How long the data was exposed")
    hours = r.exposure_hours
    if hours is None:
        return Contribution("exposure_duration", Effect.RAISES,
                            "How long the data was exposed is not known, so it is assumed it "
                            "was long enough to be found and copied.", notes)
    if hours >= 24:
        days = hours / 24
        return Contribution("exposure_duration", Effect.RAISES,
                            f"The data was exposed for {_hours(hours)} (about {days:.0f} "
                            f"day{'s' if round(days) != 1 else ''}): ample time to be found and "
                            "copied.", notes)
    return Contribution("exposure_duration", Effect.NEUTRAL,
                        f"The data was exposed for {_hours(hours)}: short, though copying takes "
                        "seconds.", notes)
