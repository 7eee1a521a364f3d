"""Catalogue entries for what happened, when, and the data and people involved.

The order of the entries is the order triage asks them and "still to find out" lists them.
"""

from __future__ import annotations

from enum import StrEnum

from model.domain.catalogue.spec import (
    ALWAYS,
    Condition,
    FactSpec,
    Group,
    Kind,
    Missing,
    Option,
)
from model.domain.enums import (
    LAW_ENFORCEMENT_SUBJECTS,
    BreachType,
    DataCategory,
    DataDetail,
    Regime,
    Sector,
    SubjectCategory,
    YesNoUnknown,
)


def enum_options(enum: type[StrEnum], words: dict[str, tuple[str, str]] | None = None,
                 offered: dict[str, Condition] | None = None,
                 exclusive: frozenset[str] = frozenset()) -> tuple[Option, ...]:
    """An option per member: its label (or our wording for this fact), help, when it is
    offered, and whether it stands alone in a list."""
    words, offered = words or {}, offered or {}
    return tuple(Option(m, *words.get(m.value, (str(getattr(m, "label", m)), "")),
                        offered=offered.get(m.value, ALWAYS), exclusive=m.value in exclusive)
                 for m in enum)


def yes_no(yes: str, no: str, yes_help: str = "", no_help: str = "") -> tuple[Option, ...]:
    return (Option(True, yes, yes_help), Option(False, no, no_help))


OVER = Condition("it is over", lambda f: f.ongoing is False)
LAW_ENFORCEMENT = Condition(
    "law-enforcement processing",
    lambda f: f.regime is Regime.DPA2018_PART3 or f.controller_sector is Sector.LAW_ENFORCEMENT)
PROCESSOR = Condition("a processor is named",
                      lambda f: bool(f.processor_name.strip()) and f.processor_found_by_us
                      is not True)

WHAT: tuple[FactSpec, ...] = (
    FactSpec("title", "Title", "A few words to find this breach in the list.", Kind.TEXT,
             Group.WHAT, placeholder="e.g. Payroll spreadsheet emailed to the wrong person",
             missing=Missing("A short title", "Lets you find this breach in the list.")),
    FactSpec("summary", "What happened",
             "Plain facts as known now: what went wrong and how. Do not name the people "
             "affected; add to it as you learn more.", Kind.LONG_TEXT, Group.WHAT,
             placeholder="What went wrong, and how. Do not name the people affected.",
             missing=Missing("What happened", "The nature of the breach is the first thing "
                             "the ICO asks ({nature})."), ico="B1"),
)

WHEN: tuple[FactSpec, ...] = (
    FactSpec("occurred_at", "It began", "When the breach started, as far as known.",
             Kind.DATETIME, Group.WHEN,
             missing=Missing("When it happened", "The ICO form asks when the breach began; "
                             "it also shows how long the data was exposed."), ico="B5"),
    FactSpec("discovered_at", "Discovered", "When anyone first noticed something.",
             Kind.DATETIME, Group.WHEN,
             missing=Missing("When it was discovered", "The ICO form asks when you found "
                             "out; the time to detect goes into the yearly statistics."),
             ico="B4"),
    FactSpec("aware_at", "You became aware",
             "You are aware when you are reasonably sure that personal data has been "
             "compromised, not when you first hear of a possible incident: a short "
             "investigation may come first. If a processor tells you, you are normally "
             "aware from then. The notification clock starts here.", Kind.DATETIME,
             Group.WHEN,
             missing=Missing("When you became aware", "Awareness starts the notification "
                             "clock ({timing}); without it no deadline can be shown.")),
    FactSpec("aware_note", "Why this moment",
             "What made you reasonably sure; this explains when the clock started.",
             Kind.TEXT, Group.WHEN,
             placeholder="e.g. IT confirmed the files were on the public site"),
)

FOUND: tuple[FactSpec, ...] = (
    FactSpec("how_found", "How it was found",
             "The ICO asks how you found out: a complaint, an alert, a report…", Kind.TEXT,
             Group.WHAT, placeholder="e.g. The recipient replied to say it was not for them",
             missing=Missing("How it was found", "The ICO form asks how you found out."),
             ico="B3"),
    FactSpec("found_by", "Found by", "Who noticed it first (a name or a role).", Kind.TEXT,
             Group.WHAT, placeholder="Name or role"),
    FactSpec("ongoing", "Still going on", "Is data still exposed or lost now?", Kind.YES_NO,
             Group.WHEN, options=yes_no("Yes, still going on", "No, it has stopped"),
             missing=Missing("Whether it is still going on", "An ongoing breach needs "
                             "containing before anything else.")),
    FactSpec("ended_at", "It ended", "When it stopped (not needed while it goes on).",
             Kind.DATETIME, Group.WHEN, applies=Condition(
                 "not ongoing", lambda f: f.ongoing is not True),
             missing=Missing("When it ended", "Shows how long people were exposed.", OVER)),
    FactSpec("breach_types", "Type of breach",
             "What happened to the data? Tick every one that applies.", Kind.MULTI,
             Group.WHAT, enum=BreachType, options=enum_options(BreachType, {
                 "confidentiality": ("Confidentiality: someone who should not have could "
                                     "see or get it", "Disclosed, accessed, lost or stolen."),
                 "integrity": ("Integrity: it was changed without authority, or corrupted",
                               "Asks whether it can be put right."),
                 "availability": ("Availability: it was lost, deleted or unavailable for a "
                                  "time", "Asks how long, whether a backup exists and "
                                  "whether services people rely on were hit.")}),
             missing=Missing("Type of breach", "Confidentiality, integrity or availability: "
                             "each weighs differently in the risk assessment."), risk=True),
)

_CATEGORY_WORDS: dict[str, tuple[str, str]] = {
    "basic_identifiers": ("Basic personal identifiers (name, contact details)",
                          "Simple data. Contact details alone, with one or a few wrong "
                          "people, are usually only recorded."),
    "identification_data": ("Identification data (usernames, passwords)",
                            "Scored like financial data: passwords open accounts. Hashed to a "
                            "current standard with the secret safe, they count as simple "
                            "data (say so under Protection)."),
    "economic_financial": ("Economic and financial data (bank or card details, pay, debts)",
                           "Enables fraud. A customer number or premium alone is not this: "
                           "use Other."),
    "official_documents": ("Official documents (passport, driving licence, NI number)",
                           "What a fraudster needs to open accounts in someone's name."),
    "location": ("Location data", "Behavioural data: where someone is or goes."),
    "behavioural": ("Behavioural data (habits, preferences, history)",
                    "Purchases, browsing or calls: behavioural data."),
    "criminal_offence": ("Criminal convictions, offences or allegations",
                         "Scored with special-category data: disclosure makes damage likely."),
    "other": ("Other", "Scored as simple data. If it reveals health, money, beliefs or "
                       "whereabouts, tick that category instead."),
    "not_yet_known": ("Not yet known", "Taken at its worst (as special-category data) until "
                                       "you know."),
    "none": ("No personal data at all", "Only on its own: the incident is then not a personal "
                                        "data breach. Nothing to notify; record it and why."),
}
for _special in ("health", "racial_ethnic_origin", "political_opinions", "religious_beliefs",
                 "trade_union", "sex_life", "sexual_orientation", "gender_reassignment",
                 "genetic_biometric"):
    _CATEGORY_WORDS[_special] = (str(DataCategory(_special).label),
                                 "Special category: disclosure makes damage likely, unless it "
                                 "is a passing item (see how much the data reveals).")

_SUBJECT_WORDS: dict[str, tuple[str, str]] = {
    "employees": ("Employees", "Being on a health or police body's staff list reveals "
                               "nothing about health or crime."),
    "customers": ("Customers or prospective customers",
                  "A financial firm's customers: says something about their finances."),
    "patients": ("Patients", "Being a patient reveals health; outages are taken as critical "
                             "unless you say otherwise."),
    "children": ("Children", "Less able to protect themselves: raises the risk."),
    "vulnerable_adults": ("Vulnerable adults", "Less able to protect themselves: raises the "
                                               "risk."),
    "victims_complainants": ("Victims or complainants", "Their safety may depend on the data "
                                                        "staying private."),
    "witnesses": ("Witnesses", "Their safety may depend on the data staying private."),
    "not_yet_known": ("Not yet known", "Taken to include children and vulnerable adults until "
                                       "you know."),
}

DATA: tuple[FactSpec, ...] = (
    FactSpec("data_categories", "Kinds of data",
             "The ICO's categories: tick every kind involved, or \"Not yet known\". Point at "
             "one to see what it does to the result.", Kind.MULTI, Group.DATA,
             enum=DataCategory, options=enum_options(DataCategory, _CATEGORY_WORDS,
                                                     exclusive=frozenset({"none"})),
             missing=Missing("Kinds of personal data", "Sensitive data makes harm more "
                             "likely; the ICO asks for the categories ({nature}).",
                             blank=(DataCategory.NOT_YET_KNOWN,)),
             ico="D1", risk=True),
    FactSpec("data_detail", "How much it reveals",
             "How much the data reveals about each person, beyond its categories.",
             Kind.CHOICE, Group.DATA, enum=DataDetail, options=enum_options(DataDetail, {
                 "minimal": ("Little beyond who they are (contact details, or one passing "
                             "fact)", "Lowers the data score: e.g. a food intolerance on a "
                             "course list. Not for a diagnosis, belief or conviction."),
                 "standard": ("What its categories usually reveal", "No change."),
                 "extensive": ("A detailed record of each person (a full form, file or "
                               "history)", "Raises the data score: enough to build a profile "
                               "or impersonate them (e.g. a job application, a case file).")}),
             unknown="Not answered (scored by the categories)", risk=True),
    FactSpec("data_subject_categories", "Who the people are",
             "The groups of people whose data it was.", Kind.MULTI, Group.DATA,
             enum=SubjectCategory, options=enum_options(
                 SubjectCategory, _SUBJECT_WORDS,
                 offered={c.value: LAW_ENFORCEMENT for c in LAW_ENFORCEMENT_SUBJECTS}),
             missing=Missing("Who the people are", "Children and vulnerable adults raise the "
                             "risk; the ICO asks for the categories of people.",
                             blank=(SubjectCategory.NOT_YET_KNOWN,)),
             ico="D4", risk=True),
    FactSpec("subjects_count", "People affected",
             "The most people who could be affected (not counting a wrong recipient); a range "
             "is fine early on. 0 means nobody: not a personal data breach.", Kind.COUNT,
             Group.DATA, low_key="subjects_count_low", unknown="Not yet known",
             missing=Missing("How many people", "The ICO asks for the approximate number of "
                             "people affected ({nature})."), ico="D3", risk=True),
    FactSpec("records_count", "Records",
             "How many records or files; ten or more per person means a profile can be built.",
             Kind.COUNT, Group.DATA, low_key="records_count_low", unknown="Not yet known",
             missing=Missing("How many records", "The ICO asks for the approximate number "
                             "of records ({nature})."), ico="D2", risk=True),
)

NATURE: tuple[FactSpec, ...] = (
    FactSpec("cyber_incident", "Cyber incident",
             "Was it caused by an attack on your systems (hacking, malware, phishing)?",
             Kind.CHOICE, Group.WHAT, enum=YesNoUnknown, unknown="Not answered yet",
             options=enum_options(YesNoUnknown),
             missing=Missing("Whether it was a cyber incident", "The ICO form asks, and a "
                             "cyber incident brings its own questions.",
                             blank=(YesNoUnknown.UNKNOWN,)), ico="B2"),
    FactSpec("malicious", "Deliberate",
             "Was it deliberate: an attack, theft, fraud or an insider misusing access?",
             Kind.YES_NO, Group.WHAT,
             options=yes_no("Yes, deliberate", "No, an accident or error",
                            "Makes harm more likely; promises to delete are not relied on.",
                            "A known recipient's confirmed deletion can then make harm "
                            "unlikely."),
             unknown="Not known (taken as deliberate)",
             missing=Missing("Whether it was deliberate", "Malicious intent makes harm more "
                             "likely."), risk=True),
)

PROCESSOR_FACTS: tuple[FactSpec, ...] = (
    FactSpec("processor_name", "Processor",
             "A supplier handling the data for you, if the breach happened there.",
             Kind.TEXT, Group.WHEN, placeholder="Leave empty if no processor is involved"),
    FactSpec("processor_found_by_us", "Processor told you?",
             "Did the processor tell you, or did you find it yourselves?", Kind.YES_NO,
             Group.WHEN, options=yes_no("Not applicable: we found it ourselves",
                                        "The processor told us"),
             applies=Condition("a processor is named",
                               lambda f: bool(f.processor_name.strip()))),
    FactSpec("processor_notified_at", "Processor told you at",
             "When the processor informed you; record both moments.", Kind.DATETIME,
             Group.WHEN, applies=PROCESSOR,
             missing=Missing("When the processor told you", "You are normally aware once "
                             "the processor tells you; record both moments ({processor}).",
                             PROCESSOR)),
)

__all__ = ["ALWAYS", "DATA", "FOUND", "NATURE", "PROCESSOR_FACTS", "WHAT", "WHEN",
           "enum_options", "yes_no"]
