"""EDPB factors about what happened: the type of breach, the recipients, intent, access,
exposure time, and backups with the time to restore.

How likely harm is (who holds the data, whether it came back) is judged in likelihood.py;
these factors explain the facts and set the floors and caps that are not about likelihood.
"""

from __future__ import annotations

from model.domain.enums import (
    Access,
    AvailabilityLoss,
    BreachType,
    DataCategory,
    DataDetail,
    Exposure,
    RiskLevel,
    ServiceImpact,
)
from model.domain.risk.likelihood import identifiable
from model.domain.risk.resolved import QUICK_RESTORE_HOURS, RECIPIENTS, WIDE, Resolved
from model.domain.risk.result import Contribution, Effect, cap, floor

_EXPOSURE_TEXT: dict[Exposure, str] = {
    Exposure.NONE: "nobody outside those authorised could see it",
    Exposure.TRUSTED_RECIPIENT: "it went to one known recipient bound by confidentiality",
    Exposure.KNOWN_RECIPIENTS: "it went to a small known group",
    Exposure.UNKNOWN_RECIPIENTS: "an unknown number of people could see it",
    Exposure.PUBLIC: "it was published, in public view where anyone could see and copy it",
}
CONF = BreachType.CONFIDENTIALITY


def _notes(r: Resolved, *starts: str) -> tuple[str, ...]:
    return tuple(a for a in r.assumptions if a.startswith(starts))


def _hours(value: float) -> str:
    return f"{value:g} hour{'s' if value != 1 else ''}"


def outsiders_hold_it(r: Resolved) -> bool:
    """Readable data about identifiable people may be with someone outside, not given back."""
    return (r.readable and identifiable(r) and r.exposure not in (None, Exposure.NONE)
            and r.access is not Access.NONE and not r.recipients_gave_it_back)


def reveals_more_than_contact_details(r: Resolved) -> bool:
    """Does the data tell more about people than who they are and how to reach them?"""
    return (r.detail is not DataDetail.MINIMAL
            and not r.categories <= {DataCategory.BASIC_IDENTIFIERS})


def type_of_breach(r: Resolved) -> Contribution:
    """Confidentiality, integrity, availability: what was lost, and how widely."""
    parts: list[str] = []
    raises = False
    if r.exposure is not None:
        parts.append(f"Confidentiality: {_EXPOSURE_TEXT[r.exposure]}.")
        raises = r.exposure in WIDE
    if r.integrity_lost:
        parts.append("Integrity: data was altered" +
                     (" but can be put right." if r.recoverable else " and cannot be put right."))
        raises = raises or not r.recoverable
    if r.availability_lost:
        parts.append(f"Availability: {r.loss.value} loss of the data.")
        raises = raises or r.loss is AvailabilityLoss.PERMANENT
    if not parts:
        parts.append("By the facts given, nothing was disclosed, altered or lost.")
    notes = _notes(r, "Who could see the data")
    if (outsiders_hold_it(r) and r.exposure is not Exposure.TRUSTED_RECIPIENT
            and reveals_more_than_contact_details(r)):
        parts.append("Readable details about identifiable people are with someone outside "
                     "who owes them no duty of confidence and has not given them back: at "
                     "least a risk.")
        return Contribution("type_of_breach", Effect.RAISES, " ".join(parts), notes,
                            limits=(floor(RiskLevel.RISK, CONF),))
    lowers = r.exposure is Exposure.NONE and r.only_confidentiality and not r.malicious
    effect = Effect.LOWERS if lowers else Effect.RAISES if raises else Effect.NEUTRAL
    return Contribution("type_of_breach", effect, " ".join(parts), notes)


def trusted_recipient(r: Resolved) -> Contribution | None:
    """A known recipient who confirms deletion makes harm unlikely; a deliberate one does not."""
    if r.exposure not in RECIPIENTS:
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
        text = ("The recipient is known, bound by confidentiality and has confirmed deleting "
                "or returning the data: harm is unlikely to follow.")
    else:
        text = ("The recipients are a small known group and have confirmed deleting or "
                "returning the data: a high risk is unlikely, though some risk remains.")
    return Contribution("trusted_recipient", Effect.LOWERS, text, notes)


def malicious_intent(r: Resolved) -> Contribution:
    """A deliberate act (attack, theft, insider misuse) makes misuse of the data more likely."""
    notes = _notes(r, "Not stated whether the breach was deliberate")
    if not r.malicious:
        return Contribution("malicious_intent", Effect.NEUTRAL,
                            "An accident or error, not a deliberate act.", notes)
    text = "A deliberate act: whoever did it may want to use the data."
    if r.readable and r.access is not Access.NONE:
        text += " They have, or must be taken to have, the data, so misuse is to be expected."
    return Contribution("malicious_intent", Effect.RAISES, text, notes)


def backups_and_restore(r: Resolved) -> Contribution | None:
    """Backups and a quick restore limit an outage; without a critical service hit, an outage
    alone is held below high risk."""
    if not r.availability_lost:
        return None
    notes = _notes(r, "Not known whether a backup", "Extent of the loss", "Time to restore",
                   "Effect on services")
    quick = r.restore_hours is not None and r.restore_hours <= QUICK_RESTORE_HOURS
    if r.loss is AvailabilityLoss.TEMPORARY and quick:
        text = f"The data was available again within {_hours(r.restore_hours or 0)}."
        effect = Effect.LOWERS
    elif r.backup:
        when = (f"in {_hours(r.restore_hours)}" if r.restore_hours is not None
                else "after more than a day")
        text = f"A backup existed, but restoring took or will take a while ({when})."
        effect = Effect.NEUTRAL
    else:
        text = ("No backup: the data cannot be restored." if r.loss is AvailabilityLoss.PERMANENT
                else "No backup, so restoring the data depends on re-creating it.")
        effect = Effect.RAISES
    if r.service_impact is ServiceImpact.CRITICAL:
        return Contribution("backups", Effect.RAISES, text, notes)
    return Contribution("backups", effect, text + " No service people rely on was critically "
                        "hit, so the loss of access alone is held below high risk.", notes,
                        limits=(cap(RiskLevel.RISK, BreachType.AVAILABILITY),))


def evidence_of_access(r: Resolved) -> Contribution | None:
    """Whether the data is known to have been viewed, copied or taken."""
    if r.access is None:
        return None
    notes = _notes(r, "Not known whether anyone viewed", "Access was seen")
    if r.unintelligible:
        return Contribution("evidence_of_access", Effect.NEUTRAL,
                            "Whoever has the data cannot read it without the key.", notes)
    if r.access is Access.CONFIRMED:
        return Contribution("evidence_of_access", Effect.RAISES,
                            "The data is known to have been copied, taken or misused.", notes)
    if r.access is Access.SEEN:
        return Contribution("evidence_of_access", Effect.RAISES,
                            "Someone is known to have opened the data; whether they kept a "
                            "copy is not known, so the assessment assumes they did.", notes)
    if r.access is Access.UNKNOWN:
        return Contribution("evidence_of_access", Effect.NEUTRAL,
                            "It is not known whether anyone viewed or copied the data (not "
                            "checked, or no logs), so the assessment assumes they did.", notes)
    return Contribution("evidence_of_access", Effect.LOWERS,
                        "Checks covering the whole exposure (such as access logs) show nobody "
                        "viewed or copied the data.", notes)


def exposure_duration(r: Resolved) -> Contribution | None:
    """How long the data stayed where unknown people could reach it."""
    if r.exposure not in WIDE or r.unintelligible:
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
