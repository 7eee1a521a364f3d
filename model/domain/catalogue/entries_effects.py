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
    ExemptionGround,
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
                 "none": ("Nobody outside those allowed to see it",
                          "e.g. staff with no need, but bound by confidentiality. If not "
                          "deliberate, harm is very unlikely: record only."),
                 "trusted_recipient": ("One known recipient bound by confidentiality",
                                       "e.g. a colleague, your lawyer, accountant or insurer. "
                                       "Once they confirm deletion, harm is very unlikely."),
                 "known_recipients": ("A small known group, or one known person",
                                      "Until they confirm deletion or return, anything more "
                                      "than contact details is at least a risk to report."),
                 "unknown_recipients": ("An unknown number of people, or people you cannot "
                                        "trace", "e.g. a thief, an attacker, a large mailing "
                                        "list: harm is likely."),
                 "public": ("Anyone: published or publicly reachable",
                            "Harm is likely. Also asks for how long.")}),
             applies=_CONF, risk=True,
             missing=Missing("Who could see the data", "The wider the exposure, the higher "
                             "the risk; it also shows what containment is needed.", _IS_CONF)),
    FactSpec("confidentiality.access", "Opened, copied or taken",
             "Has anyone actually opened, copied or taken the data? Say what the checks "
             "covered.", Kind.CHOICE, Group.EFFECTS, enum=Access,
             options=enum_options(Access, {
                 "none": ("Logs or checks covering the whole exposure show no access",
                          "A finding, not an absence of evidence: say which logs and the "
                          "period they cover. Lowers the likelihood of harm."),
                 "seen": ("Some access seen, not known to be copied",
                          "e.g. logs show the file was opened or downloaded: treated as "
                          "access, whoever saw it is taken to have kept a copy."),
                 "confirmed": ("Confirmed copied, taken or misused",
                               "Treated as access; with a deliberate act, harm is very "
                               "likely."),
                 "unknown": ("Not checked, or no logs (no evidence either way)",
                             "Assumed they did: the result is as for access. Checking logs "
                             "that cover the whole exposure can lower it.")}),
             unknown="Not answered yet", applies=_CONF, risk=True,
             missing=Missing("Whether it was viewed or taken", "Evidence of access changes "
                             "the likelihood of harm.", _IS_CONF)),
    FactSpec("confidentiality.exposure_hours", "Hours exposed",
             "For how many hours could unknown people reach it? A day or more is ample time "
             "to be found and copied.",
             Kind.HOURS, Group.EFFECTS, applies=_CONF, risk=True),
    FactSpec("confidentiality.recipient_deleted", "Recovered or deleted",
             "Did the people who got the data give it back or confirm they deleted it?",
             Kind.YES_NO, Group.CONTAINMENT,
             options=yes_no("Yes, returned or deletion confirmed", "No, or not yet",
                            "Keep the confirmation. Lowers the risk where the recipients are "
                            "known and the act was not deliberate.",
                            "They are taken to still hold it."),
             applies=_CONF, risk=True),
)

INTEGRITY: tuple[FactSpec, ...] = (
    FactSpec("integrity.altered", "Data altered",
             "Was any personal data actually changed or corrupted?", Kind.YES_NO,
             Group.EFFECTS, options=yes_no("Yes", "No", "Counts as an integrity loss.",
                                           "No integrity loss is scored."), applies=_INTEG,
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
                 "none": ("No: the data is intact and available",
                          "e.g. a stolen device whose data is in a current backup: no "
                          "availability loss is scored."),
                 "temporary": ("For a time", "Over within 24 hours with no critical effect: "
                                             "record only."),
                 "permanent": ("For good", "Lasting harm; held to a report at most unless "
                                           "services people rely on were critically hit.")}),
             applies=_AVAIL, risk=True,
             missing=Missing("Whether the loss is temporary or permanent",
                             "A permanent loss weighs more in the risk assessment.", _IS_AVAIL)),
    FactSpec("availability.backup_available", "Backup available",
             "Is there a usable copy to restore from?", Kind.YES_NO, Group.EFFECTS,
             options=yes_no("Yes", "No", "An unknown extent is then taken as temporary.",
                            "An unknown extent is taken as permanent."),
             applies=_AVAIL, risk=True),
    FactSpec("availability.restore_hours", "Hours to restore",
             "How long until the data is back (or is expected back).", Kind.HOURS,
             Group.EFFECTS, applies=_AVAIL, risk=True),
    FactSpec("availability.service_impact", "Effect on services",
             "Did the loss hold up a service people rely on?", Kind.CHOICE, Group.EFFECTS,
             enum=ServiceImpact, options=enum_options(ServiceImpact, {
                 "none": ("No", "The outage alone is held below high risk."),
                 "minor": ("A little (delays, inconvenience)",
                           "The outage alone is held below high risk."),
                 "critical": ("Critically (care, safety or essential help delayed)",
                              "High risk, whatever else: tell the people affected.")}),
             applies=_AVAIL, risk=True),
)

PROTECTION: tuple[FactSpec, ...] = (
    FactSpec("protection.method", "Protected by",
             "How the data was protected when it left your control.", Kind.CHOICE,
             Group.EFFECTS, enum=ProtectionMethod, options=enum_options(ProtectionMethod, {
                 "none": ("Not protected (readable as it is)",
                          "Anyone who has it can read it."),
                 "encryption": ("Encrypted", "To a current standard with the key safe, the data "
                                "is unreadable: harm is very unlikely. A login password is not "
                                "encryption."),
                 "hashing": ("Passwords hashed", "Describes the passwords only: with a current "
                             "algorithm and the salt safe they count as simple data."),
                 "pseudonymisation": ("Pseudonymised", "With the linking key safe, people "
                                      "are harder to identify.")}),
             risk=True),
    FactSpec("protection.state_of_the_art", "Current standard",
             "Is the protection to a current standard (e.g. AES-256, Argon2id or bcrypt with "
             "salt)?", Kind.YES_NO, Group.EFFECTS,
             options=yes_no("Yes", "No, or outdated (e.g. unsalted MD5)",
                            "Needed for the protection to count.",
                            "Treated as no protection."),
             unknown="Not known (taken as not)", risk=True),
    FactSpec("protection.key_compromised", "Key or secret exposed",
             "Could whoever has the data also have the key, password or secret?",
             Kind.YES_NO, Group.EFFECTS,
             options=yes_no("Yes, or it was kept with the data", "No, it stayed safe",
                            "The protection is treated as worthless.",
                            "Needed for the protection to count."),
             unknown="Not known (taken as exposed)", risk=True),
)

PEOPLE: tuple[FactSpec, ...] = (
    FactSpec("identifiability", "How easy to identify people",
             "Could someone tell who the people are from this data?", Kind.CHOICE,
             Group.EFFECTS, enum=Identifiability, options=enum_options(Identifiability, {
                 "negligible": ("Not at all in practice", "e.g. only random IDs, nothing to "
                                "link them: harm from the disclosure is very unlikely."),
                 "limited": ("Only with effort or extra information", "e.g. pseudonyms with "
                             "the linking key safe: harm is unlikely."),
                 "significant": ("With some effort", "e.g. initials and a street."),
                 "maximum": ("Directly", "Names, photos, addresses or ID numbers.")}),
             unknown="Work it out from the data", risk=True),
    FactSpec("consequences", "Possible consequences",
             "The harms you consider possible for the people. Tick physical harm or "
             "harassment if either could happen: they make the risk high.", Kind.MULTI,
             Group.EFFECTS, enum=Consequence, options=enum_options(Consequence, {
                 "physical_harm": ("Physical harm", "Safety at stake: with readable data "
                                   "still with others, high risk."),
                 "harassment_or_retaliation": ("Harassment or retaliation", "Safety at stake: "
                                               "with readable data still with others, high "
                                               "risk."),
                 "none_identified": ("None identified", "Does not lower the result on its "
                                     "own: harm is judged from the data and what happened.")}),
             risk=True,
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

# An Art. 34(3) exemption is claimed on the Risk step, with its explanation, never by a
# triage answer ("risk reduced" is not the legal test).
EXEMPTIONS: tuple[FactSpec, ...] = (
    FactSpec("exemption_claim.ground", "Exemption claimed",
             "Do you claim an exemption from telling the people affected? Only a claim: the "
             "assessment says whether the facts support it.", Kind.CHOICE, Group.CONTAINMENT,
             enum=ExemptionGround, options=enum_options(ExemptionGround, {
                 "unintelligible": ("The data is unintelligible to anyone not authorised "
                                    "({unintelligible})", "Accepted only if the protection "
                                    "answers show encryption to a current standard with the "
                                    "key safe."),
                 "subsequent_measures": ("Measures taken since mean the high risk is no "
                                         "longer likely to materialise ({subsequent})",
                                         "The ICO is still notified, and you must be able to "
                                         "show how (e.g. every card cancelled before use). "
                                         "'We reduced the risk' is not enough."),
                 "disproportionate_effort": ("Telling each person would take "
                                             "disproportionate effort ({disproportionate})",
                                             "Make a public communication or an equally "
                                             "effective measure instead.")}),
             unknown="No exemption claimed", risk=True),
    FactSpec("exemption_claim.explanation", "Why it applies",
             "Explain why the exemption applies, with the evidence you hold; it is quoted in "
             "the reasons and the record.", Kind.LONG_TEXT, Group.CONTAINMENT, risk=True,
             placeholder="e.g. All 3,000 cards were cancelled by the bank within an hour, "
                         "before any could be used."),
)
