"""Fixed lists for lessons and the register: the ICO's incident types (its own words, with
the version of the list), causes, learning responses, action fields and the ICO's bands.

The ICO list is data, so a new release of the ICO's vocabulary adds a version here; each
breach keeps the version its incident type was chosen from.
"""

from __future__ import annotations

from model.domain.enums import _Labelled

# The vocabulary of the ICO's data security incident trends data set, in use from Q2 2019
# (the quarter its figures become comparable) and unchanged in the releases to Q4 2025.
ICO_TAXONOMY_VERSION = "ico-incident-trends/2019q2"
ICO_TAXONOMY_LABEL = "ICO data security incident trends, incident types from Q2 2019"


class IncidentType(_Labelled):
    """What happened, in the ICO's words (labels are the ICO's own)."""

    ALTERATION = "alteration", "Alteration of personal data"
    BRUTE_FORCE = "brute_force", "Brute Force"
    CRYPTOGRAPHIC_FLAW = "cryptographic_flaw", "Cryptographic flaw"
    EMAILED_WRONG = "emailed_wrong_recipient", "Data emailed to incorrect recipient"
    PORTAL_WRONG_SUBJECT = "portal_wrong_subject", \
        "Data of wrong data subject shown in client portal"
    POSTED_WRONG = "posted_wrong_recipient", "Data posted or faxed to incorrect recipient"
    DENIAL_OF_SERVICE = "denial_of_service", "Denial of service"
    FAILURE_TO_REDACT = "failure_to_redact", "Failure to redact"
    FAILURE_TO_BCC = "failure_to_bcc", "Failure to use bcc"
    MISCONFIGURATION = "misconfiguration", "Hardware/software misconfiguration"
    DISPOSAL_HARDWARE = "disposal_hardware", "Incorrect disposal of hardware"
    DISPOSAL_PAPER = "disposal_paperwork", "Incorrect disposal of paperwork"
    DEVICE_LOST = "device_lost_stolen", "Loss/theft of device containing personal data"
    PAPER_LOST = "paperwork_lost_stolen", \
        "Loss/theft of paperwork or data left in insecure location"
    MALWARE = "malware", "Malware"
    PHISHING = "phishing", "Phishing"
    RANSOMWARE = "ransomware", "Ransomware"
    UNAUTHORISED_ACCESS = "unauthorised_access", "Unauthorised access"
    VERBAL_DISCLOSURE = "verbal_disclosure", "Verbal disclosure of personal data"
    OTHER_CYBER = "other_cyber", "Other cyber incident"
    OTHER_NON_CYBER = "other_non_cyber", "Other non-cyber incident"
    NOT_PROVIDED = "not_provided", "Not Provided"


# The ICO files these under "Cyber"; unauthorised access appears under both headings.
CYBER_TYPES = frozenset({
    IncidentType.BRUTE_FORCE, IncidentType.CRYPTOGRAPHIC_FLAW, IncidentType.DENIAL_OF_SERVICE,
    IncidentType.MISCONFIGURATION, IncidentType.MALWARE, IncidentType.PHISHING,
    IncidentType.RANSOMWARE, IncidentType.UNAUTHORISED_ACCESS, IncidentType.OTHER_CYBER,
})

# Each version of the ICO list and the types it holds (one today).
INCIDENT_TYPE_LISTS: dict[str, tuple[IncidentType, ...]] = {
    ICO_TAXONOMY_VERSION: tuple(IncidentType),
}


class Cause(_Labelled):
    """Why it happened: one primary cause, any others as contributing factors."""

    HUMAN_ERROR = "human_error", "Human error (a slip, lapse or mistake)"
    NON_COMPLIANCE = "non_compliance", "Deliberate non-compliance by staff"
    PROCESS_GAP = "process_gap", "Process or procedure gap"
    TRAINING_GAP = "training_gap", "Training or awareness gap"
    TECHNOLOGY = "technology", "Technology failure or misconfiguration"
    THIRD_PARTY = "third_party", "Third party or processor"
    EXTERNAL_ATTACK = "external_attack", "Malicious external actor"
    INSIDER = "insider", "Malicious insider"
    PHYSICAL = "physical", "Physical or environmental"
    UNKNOWN = "unknown", "Unknown"


SHORT_CAUSE: dict[Cause, str] = {
    Cause.HUMAN_ERROR: "Human error", Cause.NON_COMPLIANCE: "Non-compliance",
    Cause.PROCESS_GAP: "Process gap", Cause.TRAINING_GAP: "Training gap",
    Cause.TECHNOLOGY: "Technology", Cause.THIRD_PARTY: "Third party",
    Cause.EXTERNAL_ATTACK: "External attack", Cause.INSIDER: "Malicious insider",
    Cause.PHYSICAL: "Physical", Cause.UNKNOWN: "Unknown",
}


class LearningResponse(_Labelled):
    """How the organisation learned from it (PSIRF-style proportionate responses)."""

    FIVE_WHYS = "five_whys", "Five whys"
    AFTER_ACTION = "after_action_review", "After-action review"
    THEMATIC = "thematic_review", "Thematic review"
    INVESTIGATION = "full_investigation", "Full investigation"
    NONE = "none", "None (low risk and routine: say why)"


class ActionKind(_Labelled):
    CORRECTION = "correction", "Correction (immediate fix)"
    CORRECTIVE = "corrective", "Corrective (removes the cause)"
    PREVENTIVE = "preventive", "Preventive (stops it elsewhere)"


class ActionArea(_Labelled):
    PEOPLE = "people", "People"
    PROCESS = "process", "Process"
    TECHNOLOGY = "technology", "Technology"
    THIRD_PARTY = "third_party", "Third party"


class Priority(_Labelled):
    HIGH = "high", "High"
    MEDIUM = "medium", "Medium"
    LOW = "low", "Low"


class ActionStatus(_Labelled):
    OPEN = "open", "Open"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"
    WONT_DO = "wont_do", "Won't do (risk accepted)"


OPEN_STATUSES = frozenset({ActionStatus.OPEN, ActionStatus.IN_PROGRESS})


class Verdict(_Labelled):
    EFFECTIVE = "effective", "Effective"
    PARTLY = "partly", "Partly effective"
    NOT_EFFECTIVE = "not_effective", "Not effective (a new action follows)"


class ReportBand(_Labelled):
    """The ICO's national bands for the time from discovery to the report."""

    UNDER_24H = "under_24h", "Less than 24 hours"
    H24_TO_72 = "24h_to_72h", "24 to 72 hours"
    H72_TO_WEEK = "72h_to_1w", "72 hours to 1 week"
    OVER_WEEK = "over_1w", "More than 1 week"
