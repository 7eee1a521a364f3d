"""The kinds of incident a police force logs, as data for the synthetic register: what
happened (the ICO's incident type), why, to whom, how much, and what was done about it.

Each kind yields a handful of fact templates (synth_facts); every synthetic breach is one
template plus its own title, team, dates and wording.
"""

from __future__ import annotations

from dataclasses import dataclass

from model.domain.enums import (
    Access,
    BreachType,
    Consequence,
    Exposure,
    Identifiability,
    ProtectionMethod,
    Regime,
)
from model.domain.enums import DataCategory as D
from model.domain.enums import SubjectCategory as P
from model.domain.facts import Availability, Confidentiality, Integrity, Protection
from model.domain.lessons.taxonomy import Cause, IncidentType

UK, P3, PECR = Regime.UK_GDPR, Regime.DPA2018_PART3, Regime.PECR
C = BreachType.CONFIDENTIALITY
I_ = BreachType.INTEGRITY
A = BreachType.AVAILABILITY
Q = Consequence

# How far the data went: the usual shapes of a confidentiality breach.
TRUSTED_DELETED = Confidentiality(Exposure.TRUSTED_RECIPIENT, Access.CONFIRMED, True, 3.0)
TRUSTED_UNSURE = Confidentiality(Exposure.TRUSTED_RECIPIENT, Access.UNKNOWN, False, 30.0)
KNOWN_SEEN = Confidentiality(Exposure.KNOWN_RECIPIENTS, Access.CONFIRMED, False, 48.0)
KNOWN_DELETED = Confidentiality(Exposure.KNOWN_RECIPIENTS, Access.SEEN, True, 6.0)
UNKNOWN_UNSEEN = Confidentiality(Exposure.UNKNOWN_RECIPIENTS, Access.NONE, False)
UNKNOWN = Confidentiality(Exposure.UNKNOWN_RECIPIENTS, Access.UNKNOWN, False)
PUBLIC = Confidentiality(Exposure.PUBLIC, Access.UNKNOWN, False, 120.0)
PUBLIC_SHORT = Confidentiality(Exposure.PUBLIC, Access.SEEN, False, 8.0)
ENCRYPTED = Protection(ProtectionMethod.ENCRYPTION, True, False)
UNPROTECTED = Protection(ProtectionMethod.NONE, False, False)


@dataclass(frozen=True)
class Kind:
    """One kind of incident and the range of facts it comes with."""

    key: str
    weight: float                       # how often it is logged, relative to the others
    incident: IncidentType
    causes: tuple[Cause, ...]           # primary cause choices (repeats weight them)
    titles: tuple[str, ...]
    teams: tuple[str, ...]
    regimes: tuple[Regime, ...]         # repeats weight them
    data: tuple[tuple[D, ...], ...]
    subjects: tuple[tuple[P, ...], ...]
    counts: tuple[int, ...]             # people affected (templates pick among these)
    conf: tuple[Confidentiality | None, ...] = (None,)
    types: tuple[BreachType, ...] = (C,)
    cyber: bool = False
    malicious: bool = False
    consequences: tuple[tuple[Consequence, ...], ...] = ((Q.DISTRESS,),)
    identifiability: tuple[Identifiability | None, ...] = (None,)
    protection: tuple[Protection | None, ...] = (None,)
    availability: Availability | None = None
    integrity: Integrity | None = None
    processors: tuple[str, ...] = ()    # when set, the breach happened at a processor
    near_miss: float = 0.1              # the share caught before any data was compromised
    found: tuple[str, ...] = ("Reported by the member of staff involved",)
    contain: tuple[str, ...] = ("Access contained.",)
    fixes: tuple[str, ...] = ()         # corrective and preventive actions it suggests


K = Kind
KINDS: tuple[Kind, ...] = (
    K("email_wrong", 12, IncidentType.EMAILED_WRONG, (Cause.HUMAN_ERROR,) * 4 + (
        Cause.PROCESS_GAP, Cause.TECHNOLOGY),
      ("Custody record emailed to the wrong solicitor", "Crime report emailed to the wrong "
       "victim", "Witness details emailed to an external address by mistake", "Case file "
       "emailed to a personal account", "Interview notes sent to the wrong defence firm"),
      ("Custody suite", "Case management unit", "CID", "Criminal justice unit",
       "Response team (North)", "Response team (South)"), (P3, UK),
      ((D.BASIC_IDENTIFIERS, D.CRIMINAL_OFFENCE), (D.BASIC_IDENTIFIERS,),
       (D.BASIC_IDENTIFIERS, D.CRIMINAL_OFFENCE, D.HEALTH)),
      ((P.SUSPECTS,), (P.VICTIMS,), (P.WITNESSES, P.VICTIMS)), (1, 1, 1, 2, 3, 5, 12),
      (TRUSTED_DELETED,) * 5 + (TRUSTED_UNSURE, KNOWN_DELETED),
      consequences=((Q.DISTRESS,), (Q.NONE_IDENTIFIED,), (Q.DISTRESS, Q.LOSS_OF_CONTROL)),
      identifiability=(Identifiability.MAXIMUM,), near_miss=0.15,
      found=("The recipient replied to say it was not for them", "The sender noticed at "
             "once", "The solicitor's office rang the custody suite"),
      contain=("Recipient asked to delete; deletion confirmed in writing.",
               "Email recalled; recipient confirmed it was deleted unread."),
      fixes=("Turn on recipient checks for external email", "Delay outgoing external email "
             "by two minutes so it can be recalled", "Refresher on checking addresses "
             "before sending case material")),
    K("email_staff", 5, IncidentType.EMAILED_WRONG, (Cause.HUMAN_ERROR, Cause.PROCESS_GAP),
      ("Payroll spreadsheet emailed to the wrong recipient", "Sickness absence list sent to "
       "a whole department", "Overtime claims sent to a supplier contact"),
      ("HR", "Payroll", "Finance", "Occupational health"), (UK,),
      ((D.BASIC_IDENTIFIERS, D.ECONOMIC_FINANCIAL), (D.BASIC_IDENTIFIERS, D.HEALTH)),
      ((P.EMPLOYEES,),), (8, 14, 40, 120), (TRUSTED_DELETED,) * 3 + (KNOWN_DELETED,),
      consequences=((Q.DISTRESS,), (Q.LOSS_OF_CONTROL,)), near_miss=0.1,
      found=("A colleague pointed it out", "The recipient replied to say it was not for "
             "them"), contain=("Recipients asked to delete; all confirmed in writing.",),
      fixes=("Password-protect payroll exports", "Move absence reporting into the HR "
             "system instead of spreadsheets")),
    K("bcc", 5, IncidentType.FAILURE_TO_BCC, (Cause.HUMAN_ERROR,),
      ("Community newsletter sent without bcc", "Neighbourhood Watch email showed members' "
       "addresses", "Volunteer recruitment email sent with all addresses visible"),
      ("Neighbourhood policing", "Corporate communications", "Volunteers and cadets"), (UK,),
      ((D.BASIC_IDENTIFIERS,),), ((P.OTHER,), (P.USERS,)), (40, 140, 380, 900),
      (KNOWN_SEEN,), consequences=((Q.NONE_IDENTIFIED,), (Q.LOSS_OF_CONTROL,)),
      identifiability=(Identifiability.LIMITED,), near_miss=0.05,
      found=("A recipient complained by reply-all",),
      contain=("Recall attempted; recipients asked to delete the email.",),
      fixes=("Move community newsletters to the mailing tool", "Block external emails with "
             "more than 20 addresses in To or Cc")),
    K("posted_wrong", 5, IncidentType.POSTED_WRONG, (Cause.HUMAN_ERROR, Cause.PROCESS_GAP),
      ("Witness statement posted to the wrong address", "Court warning letter sent to a "
       "previous occupant", "Victim update letter posted to the wrong house",
       "Victim update letter posted to the suspect's address"),
      ("Witness care unit", "Case management unit", "Victim services"), (P3,),
      ((D.BASIC_IDENTIFIERS, D.CRIMINAL_OFFENCE), (D.BASIC_IDENTIFIERS, D.LOCATION)),
      ((P.WITNESSES,), (P.VICTIMS,)), (1, 1, 2),
      (TRUSTED_DELETED,) * 3 + (TRUSTED_UNSURE, KNOWN_SEEN),
      consequences=((Q.DISTRESS,), (Q.HARASSMENT_OR_RETALIATION, Q.DISTRESS)),
      identifiability=(Identifiability.MAXIMUM,), near_miss=0.1,
      found=("The person who received it brought it to the front counter",
             "The witness rang to ask why the letter had not arrived"),
      contain=("Letter collected from the recipient.", "Recipient asked to return it."),
      fixes=("Second-person check of addresses on witness mail", "Confirm the address with "
             "the witness before every mailing")),
    K("redaction", 2.5, IncidentType.FAILURE_TO_REDACT, (Cause.TRAINING_GAP, Cause.HUMAN_ERROR),
      ("Unredacted victim details in a disclosure bundle", "Witness address left visible in "
       "served papers", "FOI response released with names unredacted"),
      ("Disclosure team", "Information management", "Criminal justice unit"), (P3, P3, UK),
      ((D.BASIC_IDENTIFIERS, D.HEALTH), (D.BASIC_IDENTIFIERS, D.LOCATION, D.CRIMINAL_OFFENCE)),
      ((P.VICTIMS,), (P.WITNESSES,), (P.VICTIMS, P.VULNERABLE_ADULTS)), (1, 2, 3, 6, 25),
      (TRUSTED_DELETED, TRUSTED_DELETED, KNOWN_SEEN, TRUSTED_UNSURE, PUBLIC_SHORT),
      consequences=((Q.HARASSMENT_OR_RETALIATION, Q.DISTRESS), (Q.DISTRESS,)),
      identifiability=(Identifiability.MAXIMUM,), near_miss=0.15,
      found=("The defence solicitor pointed it out", "Found in a quality check"),
      contain=("Bundle withdrawn and re-served redacted.",),
      fixes=("Redaction refresher for disclosure officers", "Use the redaction tool's "
             "search for addresses before release")),
    K("verbal", 1, IncidentType.VERBAL_DISCLOSURE, (Cause.HUMAN_ERROR, Cause.NON_COMPLIANCE),
      ("Caller's identity disclosed to a neighbour", "Victim's address mentioned at a public "
       "meeting", "Arrest details discussed in a shop queue"),
      ("Neighbourhood policing", "Response team (North)", "Contact centre"), (P3,),
      ((D.BASIC_IDENTIFIERS, D.CRIMINAL_OFFENCE), (D.BASIC_IDENTIFIERS, D.LOCATION)),
      ((P.VICTIMS,), (P.WITNESSES,)), (1, 1, 2), (TRUSTED_UNSURE, KNOWN_SEEN),
      consequences=((Q.HARASSMENT_OR_RETALIATION, Q.DISTRESS),), near_miss=0.05,
      found=("Complaint from the person affected", "Reported by a colleague"),
      contain=("Officer spoken to; the person affected told and safety advice given.",),
      fixes=("Briefing on confidentiality at community meetings",)),
    K("paper_lost", 2.5, IncidentType.PAPER_LOST, (Cause.HUMAN_ERROR, Cause.PHYSICAL),
      ("Pocket notebook lost on patrol", "Notebook left on a train", "Case papers left in a "
       "café", "Prisoner property form lost between custody suites"),
      ("Response team (North)", "Response team (South)", "Roads policing", "Custody suite",
       "CID"), (P3,), ((D.BASIC_IDENTIFIERS, D.LOCATION), (D.BASIC_IDENTIFIERS,
                                                         D.CRIMINAL_OFFENCE)),
      ((P.SUSPECTS, P.WITNESSES), (P.VICTIMS,)), (1, 3, 8, 12, 25),
      (UNKNOWN, UNKNOWN_UNSEEN), consequences=((Q.DISTRESS,), (Q.LOSS_OF_CONTROL,)),
      near_miss=0.3, found=("The officer noticed at the end of the shift",
                            "Handed in by a member of the public"),
      contain=("Lost-property offices and the route searched.",),
      fixes=("Issue lockable pouches for pocket notebooks", "Move to electronic notebooks "
             "on the force's mobile devices")),
    K("device_lost", 7, IncidentType.DEVICE_LOST, (Cause.HUMAN_ERROR, Cause.PHYSICAL),
      ("Encrypted laptop stolen from a car", "Body-worn camera lost during a search",
       "Unencrypted USB stick lost", "Force mobile phone left in a taxi"),
      ("CID", "Response team (South)", "Public protection unit", "HR"), (UK, UK, P3),
      ((D.BASIC_IDENTIFIERS,), (D.BASIC_IDENTIFIERS, D.CRIMINAL_OFFENCE, D.LOCATION)),
      ((P.SUSPECTS,), (P.EMPLOYEES,)), (5, 30, 60, 300), (UNKNOWN, UNKNOWN_UNSEEN),
      protection=(ENCRYPTED,) * 4 + (UNPROTECTED,), near_miss=0.3,
      found=("The officer reported the loss", "The device failed to check in"),
      contain=("Device remotely locked and wiped.", "Crime reported; device blocked."),
      fixes=("Enforce encryption on removable media", "Remind staff not to leave devices "
             "in vehicles")),
    K("disposal_paper", 1, IncidentType.DISPOSAL_PAPER, (Cause.PROCESS_GAP, Cause.THIRD_PARTY),
      ("Old case files found in a general waste skip", "Custody records found in a recycling "
       "bin outside a station"), ("Estates", "Custody suite", "Information management"),
      (P3,), ((D.BASIC_IDENTIFIERS, D.CRIMINAL_OFFENCE),),
      ((P.SUSPECTS, P.VICTIMS, P.WITNESSES),), (30, 120, 400), (UNKNOWN, PUBLIC),
      processors=("SecureShred Ltd", ""), near_miss=0.2,
      found=("A member of the public rang the control room",),
      contain=("Skip secured and the papers recovered.",),
      fixes=("Confidential waste audit at every station", "Locked consoles for all "
             "confidential waste")),
    K("disposal_hw", 1, IncidentType.DISPOSAL_HARDWARE, (Cause.THIRD_PARTY,),
      ("Decommissioned hard drives resold without wiping",), ("IT services",), (P3, UK),
      ((D.BASIC_IDENTIFIERS, D.CRIMINAL_OFFENCE, D.IDENTIFICATION_DATA),),
      ((P.SUSPECTS, P.EMPLOYEES),), (2_000, 12_000), (UNKNOWN,),
      processors=("SecureShred Ltd", "Citadel IT Recycling"), near_miss=0.3,
      found=("A buyer of the drives contacted the force",),
      contain=("Drives bought back; supplier audited.",),
      fixes=("Witnessed destruction certificates for every disk",)),
)
