"""Catalogue entries for what the breach did to the data, how it was protected, the harm to
people, containment, and the regime. Option help says what each answer does to the result.
"""

from __future__ import annotations

from model.domain.catalogue.entries_triage import enum_options, yes_no
from model.domain.catalogue.spec import (
    FactSpec,
    Group,
    Kind,
    Missing,
    has_type,
    has_type_strict,
)
from model.domain.enums import (
    Access,
    AvailabilityLoss,
    BreachType,
    Consequence,
    Exposure,
    Identifiability,
    ProtectionMethod,
    Regime,
    Sector,
    ServiceImpact,
)

_CONF, _INTEG, _AVAIL = (has_type(BreachType.CONFIDENTIALITY), has_type(BreachType.INTEGRITY),
                         has_type(BreachType.AVAILABILITY))
# "Still to find out" counts a type's questions only once the type is known to apply.
_IS_CONF, _IS_INTEG, _IS_AVAIL = (has_type_strict(BreachType.CONFIDENTIALITY),
                                  has_type_strict(BreachType.INTEGRITY),
                                  has_type_strict(BreachType.AVAILABILITY))

CONFIDENTIALITY: tuple[FactSpec, ...] = (
    FactSpec("confidentiality.exposure", "Who could see it",
             "The widest group that could have seen the data; the wider, the higher the "
             "risk.", Kind.CHOICE, Group.EFFECTS, enum=Exposure,
             options=enum_options(Exposure, {
                 "none": ("Nobody outside those authorised", "No exposure: lowers the risk."),
                 "trusted_recipient": ("One known recipient bound by confidentiality",
                                       "Lowers the risk, more so once they confirm deletion."),
                 "known_recipients": ("A small known group", "Known people who can be asked "
                                      "to delete it: a moderate risk."),
                 "unknown_recipients": ("An unknown number of people",
                                        "Scored like publication."),
                 "public": ("Anyone (published)", "The widest exposure: raises the risk.")}),
             applies=_CONF, risk=True,
             missing=Missing("Who could see the data", "The wider the exposure, the higher "
                             "the risk; it also shows what containment is needed.", _IS_CONF)),
    FactSpec("confidentiality.access", "Was it viewed or taken",
             "What checks show about access during the whole exposure. Without checks, "
             "assume the worst.", Kind.CHOICE, Group.EFFECTS, enum=Access,
             options=enum_options(Access, {
                 "none": ("Checks covering the whole exposure show no access",
                          "Only when logs or other checks for the whole time it was exposed "
                          "show nobody opened it (say which in the summary). Lowers the "
                          "likelihood of harm."),
                 "unknown": ("Not checked, or no logs to check",
                             "Taken at its worst: the assessment assumes someone saw or "
                             "copied it."),
                 "confirmed": ("Confirmed viewed, copied or taken",
                               "Raises the likelihood of harm.")}),
             unknown="Not answered yet", applies=_CONF, risk=True,
             missing=Missing("Whether it was viewed or taken", "Evidence of access changes "
                             "the likelihood of harm.", _IS_CONF)),
    FactSpec("confidentiality.exposure_hours", "Hours exposed",
             "How long the data could be seen; long exposure makes copying more likely.",
             Kind.HOURS, Group.EFFECTS, applies=_CONF, risk=True),
    FactSpec("confidentiality.recipient_deleted", "Recovered or deleted",
             "Did the people who got the data give it back or confirm they deleted it?",
             Kind.YES_NO, Group.CONTAINMENT,
             options=yes_no("Yes, returned or deletion confirmed", "No, not confirmed",
                            "Lowers the risk where the recipients are known and trusted."),
             applies=_CONF, risk=True),
)

INTEGRITY: tuple[FactSpec, ...] = (
    FactSpec("integrity.altered", "Data altered", "Was personal data changed or corrupted?",
             Kind.YES_NO, Group.EFFECTS, options=yes_no("Yes", "No"), applies=_INTEG,
             risk=True),
    FactSpec("integrity.recoverable", "Can be restored",
             "Can the correct data be put back (from a backup or the source)?", Kind.YES_NO,
             Group.EFFECTS, options=yes_no("Yes, it can be restored", "No",
                                           "Restorable changes weigh less.",
                                           "Permanent changes weigh more."),
             applies=_INTEG, risk=True,
             missing=Missing("Whether the altered data can be restored",
                             "Unrecoverable changes weigh more in the risk assessment.",
                             _IS_INTEG)),
)

AVAILABILITY: tuple[FactSpec, ...] = (
    FactSpec("availability.loss", "Loss", "Is the data out of reach for a while, or for good?",
             Kind.CHOICE, Group.EFFECTS, enum=AvailabilityLoss,
             options=enum_options(AvailabilityLoss, {
                 "none": ("None: nothing was lost", "No loss of availability is scored."),
                 "temporary": ("Temporary", "Weighs less than a permanent loss."),
                 "permanent": ("Permanent", "Weighs more.")}),
             applies=_AVAIL, risk=True,
             missing=Missing("Whether the loss is temporary or permanent",
                             "A permanent loss weighs more in the risk assessment.", _IS_AVAIL)),
    FactSpec("availability.backup_available", "Backup available",
             "Is there a usable copy to restore from?", Kind.YES_NO, Group.EFFECTS,
             options=yes_no("Yes", "No"), applies=_AVAIL, risk=True),
    FactSpec("availability.restore_hours", "Hours to restore",
             "How long until the data is back (or is expected back).", Kind.HOURS,
             Group.EFFECTS, applies=_AVAIL, risk=True),
    FactSpec("availability.service_impact", "Effect on services",
             "Did the loss hold up a service people rely on?", Kind.CHOICE, Group.EFFECTS,
             enum=ServiceImpact, options=enum_options(ServiceImpact, {
                 "none": ("None", "No service people rely on was held up."),
                 "minor": ("Minor", "Some delay or inconvenience."),
                 "critical": ("Critical (care or safety delayed)",
                              "Raises the risk to high.")}),
             applies=_AVAIL, risk=True),
)

PROTECTION: tuple[FactSpec, ...] = (
    FactSpec("protection.method", "Protected by",
             "How the data was protected when it left your control.", Kind.CHOICE,
             Group.EFFECTS, enum=ProtectionMethod, options=enum_options(ProtectionMethod),
             risk=True),
    FactSpec("protection.state_of_the_art", "Current standard",
             "Is the encryption or hashing to a current standard?", Kind.YES_NO,
             Group.EFFECTS, options=yes_no("Yes", "No"), risk=True),
    FactSpec("protection.key_compromised", "Key or secret exposed",
             "Could whoever has the data also have the key, password or secret?",
             Kind.YES_NO, Group.EFFECTS,
             options=yes_no("Yes, it may be exposed", "No, it stayed safe",
                            "The protection no longer counts.",
                            "With current encryption, the data is unintelligible."),
             risk=True),
)

PEOPLE: tuple[FactSpec, ...] = (
    FactSpec("identifiability", "How easy to identify people",
             "Could someone tell who the people are from this data?", Kind.CHOICE,
             Group.EFFECTS, enum=Identifiability, options=enum_options(Identifiability, {
                 "negligible": ("Negligible: practically impossible", ""),
                 "limited": ("Limited: only with much more information", ""),
                 "significant": ("Significant: with some effort", ""),
                 "maximum": ("Maximum: names or contact details", "")}),
             unknown="Work it out from the data", risk=True),
    FactSpec("consequences", "Possible consequences",
             "The harms you consider possible for the people; list physical harm or "
             "harassment if either could happen.", Kind.MULTI, Group.EFFECTS,
             enum=Consequence, options=enum_options(Consequence), risk=True,
             missing=Missing("Likely consequences for the people", "The ICO asks for the "
                             "likely consequences ({consequences})."), ico="D5"),
)

CONTAINMENT: tuple[FactSpec, ...] = (
    FactSpec("recovery_note", "How", "What was recovered or deleted, and what proves it.",
             Kind.TEXT, Group.CONTAINMENT,
             placeholder="e.g. Recipient confirmed deletion by email at 14:10"),
)

REGIME: tuple[FactSpec, ...] = (
    FactSpec("regime", "Regime",
             "Which law the processing falls under sets who you notify and how long you "
             "have.", Kind.CHOICE, Group.REGIME, enum=Regime, options=enum_options(Regime, {
                 "uk_gdpr": ("UK GDPR (Art. 33/34)", "Most organisations: notify the ICO "
                             "within 72 hours of becoming aware unless the breach is "
                             "unlikely to result in a risk."),
                 "dpa2018_part3": ("DPA 2018 Part 3 (law enforcement)", "Police and other "
                                   "competent authorities processing for law enforcement: "
                                   "72 hours under s.67; telling people may be restricted "
                                   "or delayed under s.68."),
                 "pecr": ("PECR (communications providers)", "Telecoms and internet service "
                          "providers: breaches of communications services are reported to "
                          "the ICO under regulation 5A.")}),
             unknown=""),
    FactSpec("controller_sector", "Sector",
             "Your organisation's sector, as the ICO form asks; health and law enforcement "
             "raise the stakes.", Kind.CHOICE, Group.REGIME, enum=Sector,
             options=enum_options(Sector), risk=True),
)

# Art. 34(3)(b) is claimed on the Risk step with an explanation, never by a triage answer.
EXEMPTIONS: tuple[FactSpec, ...] = (
    FactSpec("mitigated", "High risk removed since",
             "Only if measures taken since mean the high risk to the people is no longer "
             "likely to materialise ({subsequent}).", Kind.YES_NO, Group.CONTAINMENT,
             options=yes_no("Yes, measures since make it unlikely", "No"), risk=True),
)
