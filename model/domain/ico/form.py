"""The ICO's personal data breach report as data: every question in the form's order, when
it applies, where its answer comes from, and the ICO's own option labels kept apart from
ours. Source: ../shared/reference/ico-report-form.md, table 1.3 (its tags kept in `conf`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from model.domain.law import Duty


class Part(StrEnum):
    """The form's groups of questions, in order (table 1.3)."""

    REPORT = "About your report"
    BREACH = "About the breach"
    DATA = "Data and people affected"
    CYBER = "Cyber incidents"
    ACTION = "Taking action"
    STAFF = "Staff and training"
    YOU = "About you"


class Applies(StrEnum):
    """Which reports ask a question."""

    ALL = "all"
    INITIAL = "initial"        # initial reports only
    FOLLOW_UP = "follow_up"    # follow-up reports only
    CYBER = "cyber"            # only when the breach was caused by a cyber incident
    STAFF = "staff"            # only when a member of staff was involved


class Source(StrEnum):
    """Where an answer comes from: a fact recorded elsewhere, or typed for the report."""

    FACT = "fact"              # BreachFacts (Triage): an edit here edits the fact
    PROFILE = "profile"        # the organisation profile (Settings)
    ASSESSMENT = "assessment"  # the latest risk assessment
    DECISION = "decision"      # the DPO's decision and the record of who was told
    TIMELINE = "timeline"      # the actions in the timeline
    REPORT = "report"          # typed for the ICO report, kept with it


@dataclass(frozen=True)
class IcoOption:
    """One answer: our stored value, the ICO's label verbatim, and our own wording."""

    value: str
    ico: str
    ours: str = ""

    @property
    def label(self) -> str:
        return self.ours or self.ico


@dataclass(frozen=True)
class Question:
    """One question of the ICO form."""

    id: str                       # "B1"; table 1.3's numbering
    part: Part
    ico: str                      # the ICO's wording (or close paraphrase, see conf)
    caption: str                  # our short name for lists and checks
    kind: str                     # choice, multi, text, long_text, datetime, count, ...
    source: Source
    keys: tuple[str, ...] = ()    # the facts, profile fields or answers it reads
    options: tuple[IcoOption, ...] = ()
    applies: Applies = Applies.ALL
    required: bool = False        # required by Breach Desk (not known to be by the ICO)
    minimum: Duty | None = None   # the Art. 33(3) / s.67(4) element it carries
    conf: str = "[M]"
    note: str = ""                # shown under the answer where it helps the reader

    def option(self, value: str | None) -> IcoOption | None:
        return next((o for o in self.options if o.value == value), None)


def _opts(*pairs: tuple[str, str] | tuple[str, str, str]) -> tuple[IcoOption, ...]:
    return tuple(IcoOption(*p) for p in pairs)


YES_NO_DK = _opts(("yes", "Yes"), ("no", "No"), ("unknown", "Don't know"))

WHY_REPORTING = _opts(
    ("threshold_met", "I consider the incident meets the threshold to report"),
    ("below_threshold", "I do not consider it meets the threshold, but I want you to be aware"),
    ("unclear", "I am unclear whether it meets the threshold"))
REPORT_TYPES = _opts(("initial", "Initial report"), ("follow_up", "Follow-up report"))

# D1: the ICO's categories [P]; our DataCategory values map onto them (see ico_category).
DATA_CATEGORIES = _opts(
    ("racial_ethnic_origin", "Data revealing racial or ethnic origin"),
    ("political_opinions", "Political opinions"),
    ("religious_beliefs", "Religious or philosophical beliefs"),
    ("trade_union", "Trade union membership"),
    ("sex_life", "Sex life data"),
    ("sexual_orientation", "Sexual orientation data"),
    ("gender_reassignment", "Gender reassignment data"),
    ("health", "Health data"),
    ("basic_identifiers", "Basic personal identifiers, eg name, contact details"),
    ("identification_data", "Identification data, eg usernames, passwords"),
    ("economic_financial", "Economic and financial data, eg credit card numbers, bank details"),
    ("official_documents", "Official documents, eg driving licences"),
    ("location", "Location data"),
    ("genetic_biometric", "Genetic or biometric data"),
    ("criminal_offence", "Criminal convictions, offences"),
    ("not_yet_known", "Not yet known"),
    ("other", "Other (please give details below)"))
# D4 [P]; law-enforcement kinds of people have no box of their own: they go under Other.
SUBJECT_CATEGORIES = _opts(
    ("employees", "Employees"), ("users", "Users"), ("subscribers", "Subscribers"),
    ("students", "Students"), ("customers", "Customers or prospective customers"),
    ("patients", "Patients"), ("children", "Children"),
    ("vulnerable_adults", "Vulnerable adults"), ("not_yet_known", "Not yet known"),
    ("other", "Other (please give details below)"))
LIKELIHOOD = _opts(
    ("very_likely", "Very likely"), ("likely", "Likely"),
    ("neutral", "Neutral – neither likely nor unlikely"), ("unlikely", "Unlikely"),
    ("very_unlikely", "Very unlikely"), ("not_yet_known", "Not yet known"))
SYSTEMS_CIA = _opts(("confidentiality", "Confidentiality"), ("integrity", "Integrity"),
                    ("availability", "Availability"))
CYBER_IMPACT = _opts(
    ("high", "High", "High: lost the ability to provide all critical services to all users"),
    ("medium", "Medium", "Medium: lost the ability to provide a critical service to some "
                         "users"),
    ("low", "Low", "Low: no or little loss of efficiency; all critical services still "
                   "provided"),
    ("not_yet_known", "Not yet known"))
RECOVERY_TIME = _opts(
    ("regular", "Regular", "Regular: predictable with existing resources"),
    ("supplemented", "Supplemented", "Supplemented: predictable with additional resources"),
    ("extended", "Extended", "Extended: unpredictable; additional resources needed"),
    ("not_recoverable", "Not recoverable", "Not recoverable (e.g. backups cannot be "
                                           "restored)"),
    ("complete", "Complete", "Complete: already recovered"),
    ("not_yet_known", "Not yet known"))
TOLD_SUBJECTS = _opts(
    ("told", "Yes, we've told affected data subjects"),
    ("telling", "We're about to, or are in the process of telling data subjects"),
    ("already_aware", "No, they're already aware"),
    ("planning", "No, but we're planning to"),
    ("decided_not", "No, we've decided not to"),
    ("undecided", "We haven't decided yet if we will tell them or not"),
    ("other", "Something else (please give details)"))

_P, _S, _M = "[P]", "[S]", "[M]"
Q = Question
QUESTIONS: tuple[Question, ...] = (
    Q("A1", Part.REPORT, "Why are you reporting the breach to the ICO? (optional)",
      "Why you are reporting", "choice", Source.REPORT, ("why_reporting",), WHY_REPORTING,
      conf="question [P]; options [M]"),
    Q("A2", Part.REPORT, "If you have already spoken to a member of ICO staff about this "
      "breach, please give their name", "ICO staff already spoken to", "text", Source.REPORT,
      ("ico_staff",), conf=_P),
    Q("A3", Part.REPORT, "Report type", "Report type", "choice", Source.REPORT, (),
      REPORT_TYPES, required=True, conf=_P),
    Q("A4", Part.REPORT, "ICO case reference (follow-up reports only)", "ICO case reference",
      "text", Source.REPORT, ("case_reference",), applies=Applies.FOLLOW_UP, required=True,
      conf=_P),
    Q("B1", Part.BREACH, "What has happened? Tell us as much as you can about what happened, "
      "what went wrong and how it happened", "What happened", "long_text", Source.FACT,
      ("summary",), required=True, minimum=Duty.NATURE, conf=_P),
    Q("B2", Part.BREACH, "Was the breach caused by a cyber incident?", "Cyber incident",
      "choice", Source.FACT, ("cyber_incident",), YES_NO_DK, required=True, conf=_P),
    Q("B3", Part.BREACH, "How did you find out about the breach?", "How you found out",
      "long_text", Source.FACT, ("how_found", "found_by"), conf=_P),
    Q("B4", Part.BREACH, "When did you discover the breach?", "When discovered", "datetime",
      Source.FACT, ("discovered_at",), required=True, conf=_P),
    Q("B5", Part.BREACH, "When did the breach happen?", "When it happened", "datetime",
      Source.FACT, ("occurred_at",), required=True, conf=_P),
    Q("B6", Part.BREACH, "If there has been a delay in reporting this breach, please explain "
      "why", "Reasons for any delay", "long_text", Source.REPORT, ("delay_reasons",),
      applies=Applies.INITIAL, conf=_M,
      note="The law's clock runs from awareness, which the form does not ask for: it is "
           "given here."),
    # The reference marks B7 "probably follow-up" on the Word form, but the online form's
    # "Before you start" list asks it with containment: asked on every report here.
    Q("B7", Part.BREACH, "Describe any measures you had in place before the breach with the "
      "aim of preventing a breach of this nature", "Measures in place before",
      "long_text", Source.REPORT, ("prior_measures",), conf="[M]; topic [P]"),
    Q("D1", Part.DATA, "Categories of personal data included in the breach (tick all that "
      "apply)", "Categories of data", "multi", Source.FACT, ("data_categories",),
      DATA_CATEGORIES, required=True, minimum=Duty.NATURE, conf=_P),
    Q("D2", Part.DATA, "Number of personal data records concerned?", "Number of records",
      "count", Source.FACT, ("records_count", "records_count_low"), required=True,
      minimum=Duty.NATURE, conf=_P),
    Q("D3", Part.DATA, "How many data subjects could be affected?", "Number of people",
      "count", Source.FACT, ("subjects_count", "subjects_count_low"), required=True,
      minimum=Duty.NATURE, conf=_P,
      note="The most people who could be affected, not counting anyone who received the "
           "data in error."),
    Q("D4", Part.DATA, "Categories of data subjects affected (tick all that apply)",
      "Categories of people", "multi", Source.FACT, ("data_subject_categories",),
      SUBJECT_CATEGORIES, required=True, minimum=Duty.NATURE, conf=_P),
    Q("D5", Part.DATA, "Potential consequences of the breach: describe the possible impact on "
      "data subjects as a result of the breach, and state whether there has been any actual "
      "harm", "Potential consequences", "long_text", Source.FACT,
      ("consequences", "harm_details"), minimum=Duty.CONSEQUENCES, conf="[S]; wording [M]"),
    Q("D6", Part.DATA, "What is the likelihood that data subjects will experience significant "
      "consequences as a result of the breach? Please give details", "Likelihood of "
      "significant consequences", "choice", Source.ASSESSMENT,
      ("likelihood_override", "likelihood_details"), LIKELIHOOD, conf="[S]; details [M]"),
    Q("C1", Part.CYBER, "Has the confidentiality, integrity and/or availability of your "
      "information systems been affected?", "Systems affected", "choice", Source.REPORT,
      ("systems_affected", "systems_cia"), YES_NO_DK, applies=Applies.CYBER,
      conf="[S]; the C/I/A ticks [M]"),
    Q("C2", Part.CYBER, "Impact on your organisation", "Impact on the organisation",
      "choice", Source.REPORT, ("cyber_impact",), CYBER_IMPACT, applies=Applies.CYBER,
      conf=_S),
    Q("C3", Part.CYBER, "Recovery time", "Recovery time", "choice", Source.REPORT,
      ("recovery_time",), RECOVERY_TIME, applies=Applies.CYBER, conf=_S),
    Q("T1", Part.ACTION, "Describe the actions you have taken, or propose to take, as a result "
      "of the breach, including actions to fix the problem and to mitigate adverse effects",
      "Actions taken or proposed", "long_text", Source.TIMELINE, ("further_actions",),
      required=True, minimum=Duty.MEASURES, conf="topic [P]; wording [M]"),
    Q("T2", Part.ACTION, "Outline any steps you are taking to prevent a recurrence, and when "
      "you expect them to be completed (follow-up reports only)", "Steps against a "
      "recurrence", "steps", Source.REPORT, ("recurrence",), applies=Applies.FOLLOW_UP,
      conf=_M),
    Q("T3", Part.ACTION, "Have you told data subjects about the breach?", "People told",
      "choice", Source.DECISION, ("told_override", "told_details"), TOLD_SUBJECTS, conf=_M),
    Q("T4", Part.ACTION, "Have you told, or are you planning to tell, any other organisations "
      "about the breach? For example the police, other regulators or supervisory "
      "authorities", "Other organisations told", "choice", Source.REPORT,
      ("others_told", "others_told_details"), YES_NO_DK, conf="topic [P]; wording [M]"),
    Q("S-T1", Part.STAFF, "Had the staff member involved in this breach received data "
      "protection training in the last two years?", "Training of the staff member",
      "choice", Source.REPORT, ("staff_involved", "staff_trained"), YES_NO_DK,
      applies=Applies.STAFF, conf="topic [P]; wording [M]"),
    Q("S-T2", Part.STAFF, "Describe the data protection training you provide, including an "
      "outline of training content and frequency (initial reports only)", "Training "
      "provided", "long_text", Source.REPORT, ("training_description",),
      applies=Applies.INITIAL, conf=_M),
    Q("S-T3", Part.STAFF, "Describe any further action on training, or the guidance given "
      "to staff on this kind of handling (follow-up reports only)", "Further training "
      "action", "long_text", Source.REPORT, ("training_followup",),
      applies=Applies.FOLLOW_UP, conf=_M),
    Q("Y1", Part.YOU, "Organisation (data controller) name", "Organisation", "text",
      Source.PROFILE, ("name",), required=True, conf=_M),
    Q("Y2", Part.YOU, "Registered organisation address", "Address", "long_text",
      Source.PROFILE, ("address",), required=True, conf=_M),
    Q("Y3", Part.YOU, "Person making this report: name, email and phone", "Person reporting",
      "person", Source.REPORT, ("reporter_name", "reporter_email", "reporter_phone"),
      required=True, conf=_P),
    Q("Y4", Part.YOU, "Are you the data protection officer? If not, the name and contact "
      "details of the DPO or other contact point", "Data protection officer", "person",
      Source.PROFILE, ("dpo_name", "dpo_email", "dpo_phone"), required=True,
      minimum=Duty.CONTACT, conf="contact point [P]; wording [M]"),
    Q("Y5", Part.YOU, "Who should we contact if we need more information? (if not the "
      "person reporting)", "Contact for more information", "text", Source.REPORT,
      ("contact",), conf=_P),
    Q("Y6", Part.YOU, "Sector; ICO registration (data protection fee) number; organisation "
      "size", "Sector, registration, size", "text", Source.PROFILE,
      ("sector", "ico_registration", "organisation_size"),
      conf="[?] not seen on any version of the form: may not be asked"),
)
_BY_ID = {q.id: q for q in QUESTIONS}
PARTS: tuple[Part, ...] = tuple(Part)

# The "Before you start" list and the helpline (ico-report-form.md 1.2) [P].
HELPLINE = "0303 123 1113"
HELPLINE_HOURS = "Monday to Friday, 9am to 5pm"
PHONE_TOPICS: tuple[str, ...] = (
    "What has happened",
    "When and how you found out about the breach",
    "The people that have been or may be affected",
    "What you are doing as a result",
    "Who we should contact if we need more details, and who else you have told",
)


def question(qid: str) -> Question:
    """The question with id `qid` ('B1'); KeyError names an id the form does not have."""
    return _BY_ID[qid]


def in_part(part: Part) -> tuple[Question, ...]:
    return tuple(q for q in QUESTIONS if q.part is part)
