"""Enumerations whose values are the exact strings of breach-facts/1 and breach-assessment/1.

Each enum has `.label` (plain English for screens and reports) and `.hint` where useful.
"""

from __future__ import annotations

from enum import StrEnum


class _Labelled(StrEnum):
    """A StrEnum whose members carry a display label (second tuple item)."""

    def __new__(cls, value: str, label: str = "") -> _Labelled:
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj._label = label or value.replace("_", " ").capitalize()  # type: ignore[attr-defined]
        return obj

    @property
    def label(self) -> str:
        return self._label  # type: ignore[attr-defined,no-any-return]


class Regime(_Labelled):
    UK_GDPR = "uk_gdpr", "UK GDPR (Art. 33/34)"
    DPA2018_PART3 = "dpa2018_part3", "DPA 2018 Part 3 (law enforcement)"
    PECR = "pecr", "PECR (communications providers)"


class BreachStatus(_Labelled):
    OPEN = "open", "Open"
    ASSESSED = "assessed", "Assessed"
    NOTIFIED = "notified", "Notified"
    NOT_NOTIFIABLE = "not_notifiable", "Not notifiable"
    CLOSED = "closed", "Closed"


class BreachType(_Labelled):
    CONFIDENTIALITY = "confidentiality", "Confidentiality (disclosed or accessed)"
    INTEGRITY = "integrity", "Integrity (altered)"
    AVAILABILITY = "availability", "Availability (lost or unavailable)"


class YesNoUnknown(_Labelled):
    YES = "yes", "Yes"
    NO = "no", "No"
    UNKNOWN = "unknown", "Don't know"


class DataCategory(_Labelled):
    BASIC_IDENTIFIERS = "basic_identifiers", "Basic personal identifiers (name, contact details)"
    IDENTIFICATION_DATA = "identification_data", "Identification data (usernames, passwords)"
    ECONOMIC_FINANCIAL = "economic_financial", "Economic and financial data"
    OFFICIAL_DOCUMENTS = "official_documents", "Official documents"
    LOCATION = "location", "Location data"
    BEHAVIOURAL = "behavioural", "Behavioural data (habits, preferences, history)"
    GENETIC_BIOMETRIC = "genetic_biometric", "Genetic or biometric data"
    CRIMINAL_OFFENCE = "criminal_offence", "Criminal convictions and offences"
    RACIAL_ETHNIC_ORIGIN = "racial_ethnic_origin", "Racial or ethnic origin"
    POLITICAL_OPINIONS = "political_opinions", "Political opinions"
    RELIGIOUS_BELIEFS = "religious_beliefs", "Religious or philosophical beliefs"
    TRADE_UNION = "trade_union", "Trade union membership"
    SEX_LIFE = "sex_life", "Sex life"
    SEXUAL_ORIENTATION = "sexual_orientation", "Sexual orientation"
    GENDER_REASSIGNMENT = "gender_reassignment", "Gender reassignment"
    HEALTH = "health", "Health"
    OTHER = "other", "Other"
    NOT_YET_KNOWN = "not_yet_known", "Not yet known"
    NONE = "none", "No personal data"


SPECIAL_CATEGORIES = frozenset({
    DataCategory.RACIAL_ETHNIC_ORIGIN, DataCategory.POLITICAL_OPINIONS,
    DataCategory.RELIGIOUS_BELIEFS, DataCategory.TRADE_UNION, DataCategory.SEX_LIFE,
    DataCategory.SEXUAL_ORIENTATION, DataCategory.GENDER_REASSIGNMENT, DataCategory.HEALTH,
    DataCategory.GENETIC_BIOMETRIC,
})


class SubjectCategory(_Labelled):
    EMPLOYEES = "employees", "Employees"
    USERS = "users", "Users"
    SUBSCRIBERS = "subscribers", "Subscribers"
    STUDENTS = "students", "Students"
    CUSTOMERS = "customers", "Customers or prospective customers"
    PATIENTS = "patients", "Patients"
    CHILDREN = "children", "Children"
    VULNERABLE_ADULTS = "vulnerable_adults", "Vulnerable adults"
    # Law enforcement (DPA 2018 Part 3, s.31 purposes): the people a force's records hold.
    VICTIMS = "victims_complainants", "Victims or complainants"
    WITNESSES = "witnesses", "Witnesses"
    SUSPECTS = "suspects_offenders", "Suspects or alleged offenders"
    IN_CUSTODY = "people_in_custody", "People in custody"
    OTHER = "other", "Other"
    NOT_YET_KNOWN = "not_yet_known", "Not yet known"


# Categories of people only a law-enforcement controller is likely to hold.
LAW_ENFORCEMENT_SUBJECTS = frozenset({
    SubjectCategory.VICTIMS, SubjectCategory.WITNESSES, SubjectCategory.SUSPECTS,
    SubjectCategory.IN_CUSTODY,
})


class Identifiability(_Labelled):
    NEGLIGIBLE = "negligible", "Negligible"
    LIMITED = "limited", "Limited"
    SIGNIFICANT = "significant", "Significant"
    MAXIMUM = "maximum", "Maximum"


class Exposure(_Labelled):
    NONE = "none", "Nobody outside those authorised"
    TRUSTED_RECIPIENT = "trusted_recipient", "One known recipient bound by confidentiality"
    KNOWN_RECIPIENTS = "known_recipients", "A small known group"
    UNKNOWN_RECIPIENTS = "unknown_recipients", "An unknown number of people"
    PUBLIC = "public", "Anyone (published)"


class Access(_Labelled):
    NONE = "none", "Checks covering the whole exposure show no access"
    UNKNOWN = "unknown", "Not checked, or no logs to check"
    SEEN = "seen", "Some access seen (not known to be copied)"
    CONFIRMED = "confirmed", "Confirmed viewed, copied or taken"


class DataDetail(_Labelled):
    """How much the data reveals about each person (ENISA's adjustment of the data score)."""

    MINIMAL = "minimal", "Little beyond who they are (contact details, or one passing fact)"
    STANDARD = "standard", "What its categories usually reveal"
    EXTENSIVE = "extensive", "A detailed record of each person (a full form, file or history)"


class ExemptionGround(_Labelled):
    """The Art. 34(3) ground a DPO claims for not telling the people affected."""

    UNINTELLIGIBLE = "unintelligible", "Art. 34(3)(a): the data is unintelligible"
    SUBSEQUENT_MEASURES = ("subsequent_measures",
                           "Art. 34(3)(b): later measures removed the high risk")
    DISPROPORTIONATE_EFFORT = ("disproportionate_effort",
                               "Art. 34(3)(c): disproportionate effort (tell them publicly)")


class AvailabilityLoss(_Labelled):
    NONE = "none", "None"
    TEMPORARY = "temporary", "Temporary"
    PERMANENT = "permanent", "Permanent"


class ServiceImpact(_Labelled):
    NONE = "none", "None"
    MINOR = "minor", "Minor"
    CRITICAL = "critical", "Critical (care or safety delayed)"


class ProtectionMethod(_Labelled):
    NONE = "none", "None"
    ENCRYPTION = "encryption", "Encryption"
    HASHING = "hashing", "Hashing"
    PSEUDONYMISATION = "pseudonymisation", "Pseudonymisation"


class Sector(_Labelled):
    GENERAL = "general", "General"
    HEALTH = "health", "Health"
    LAW_ENFORCEMENT = "law_enforcement", "Law enforcement"
    FINANCIAL = "financial", "Financial"
    EDUCATION = "education", "Education"
    PUBLIC_SECTOR = "public_sector", "Public sector"
    CHARITY = "charity", "Charity"
    TELECOMS = "telecoms", "Telecoms"


class Consequence(_Labelled):
    IDENTITY_FRAUD = "identity_fraud", "Identity fraud"
    FINANCIAL_LOSS = "financial_loss", "Financial loss"
    PHYSICAL_HARM = "physical_harm", "Physical harm"
    HARASSMENT_OR_RETALIATION = "harassment_or_retaliation", "Harassment or retaliation"
    DISCRIMINATION = "discrimination", "Discrimination"
    REPUTATIONAL_DAMAGE = "reputational_damage", "Reputational damage"
    LOSS_OF_PROFESSIONAL_SECRECY = "loss_of_professional_secrecy", "Loss of professional secrecy"
    DISTRESS = "distress", "Distress"
    LOSS_OF_CONTROL = "loss_of_control", "Loss of control over their data"
    NONE_IDENTIFIED = "none_identified", "None identified"


class RiskLevel(_Labelled):
    UNLIKELY = "unlikely", "Unlikely to result in a risk"
    RISK = "risk", "Risk"
    HIGH_RISK = "high_risk", "High risk"


class SeverityBand(_Labelled):
    LOW = "low", "Low"
    MEDIUM = "medium", "Medium"
    HIGH = "high", "High"
    VERY_HIGH = "very_high", "Very high"
