"""Plain words for what the case records: data categories, consequences, s.68 grounds and
exposure, as a worried resident would say them. Every letter builder reads from here."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from model.domain.clock import to_zone
from model.domain.decision import RestrictionGround
from model.domain.enums import Access, Consequence, DataCategory, Exposure

# What each kind of data means for the person reading the letter.
CATEGORY_WORDS: dict[DataCategory, str] = {
    DataCategory.BASIC_IDENTIFIERS: "your name and contact details, such as your address",
    DataCategory.IDENTIFICATION_DATA: "your user name and password",
    DataCategory.ECONOMIC_FINANCIAL: "money details, such as your bank or card details",
    DataCategory.OFFICIAL_DOCUMENTS: "details from an official document, such as a passport "
                                     "or driving licence",
    DataCategory.LOCATION: "details of where you live or where you have been",
    DataCategory.BEHAVIOURAL: "details of your habits or what you like",
    DataCategory.GENETIC_BIOMETRIC: "details used to identify your body, such as fingerprints",
    DataCategory.CRIMINAL_OFFENCE: "details of a police matter that involves you",
    DataCategory.RACIAL_ETHNIC_ORIGIN: "your ethnic group",
    DataCategory.POLITICAL_OPINIONS: "your political views",
    DataCategory.RELIGIOUS_BELIEFS: "your religion or beliefs",
    DataCategory.TRADE_UNION: "whether you are in a trade union",
    DataCategory.SEX_LIFE: "details of your sex life",
    DataCategory.SEXUAL_ORIENTATION: "your sexual orientation",
    DataCategory.GENDER_REASSIGNMENT: "details of your gender history",
    DataCategory.HEALTH: "details of your health",
    DataCategory.OTHER: "some other details about you",
}

# What people worry about most, said when it was NOT involved (only when the categories
# are known).
NOT_INVOLVED: tuple[tuple[DataCategory, str], ...] = (
    (DataCategory.ECONOMIC_FINANCIAL, "bank details"),
    (DataCategory.IDENTIFICATION_DATA, "passwords"),
    (DataCategory.OFFICIAL_DOCUMENTS, "ID documents"),
    (DataCategory.HEALTH, "health details"),
)

CONSEQUENCE_WORDS: dict[Consequence, str] = {
    Consequence.IDENTITY_FRAUD: "Someone could use your details to pretend to be you, for "
                                "example to open an account.",
    Consequence.FINANCIAL_LOSS: "Someone could try to trick you into paying them, or take "
                                "money from you.",
    Consequence.PHYSICAL_HARM: "Your safety could be at risk.",
    Consequence.HARASSMENT_OR_RETALIATION: "Someone who saw it could contact you, upset you "
                                           "or come to your home.",
    Consequence.DISCRIMINATION: "You could be treated unfairly because of it.",
    Consequence.REPUTATIONAL_DAMAGE: "People who know you could find out about it.",
    Consequence.LOSS_OF_PROFESSIONAL_SECRECY: "Things you told us in confidence may now be "
                                              "known to others.",
    Consequence.DISTRESS: "You may feel upset or worried. That is normal, and we are here "
                          "to help.",
    Consequence.LOSS_OF_CONTROL: "You cannot now control who has seen it.",
    Consequence.NONE_IDENTIFIED: "We have found no sign that anyone has misused it.",
}

ACCESS_WORDS: dict[Access, str] = {
    Access.NONE: "We have checked, and we found no sign that anyone else saw it.",
    Access.UNKNOWN: "We do not know who saw it.",
    Access.SEEN: "We know that some people looked at it.",
    Access.CONFIRMED: "We know that someone saw it or took a copy.",
}

EXPOSURE_WORDS: dict[Exposure, str] = {
    Exposure.NONE: "could have been seen by someone who should not see it",
    Exposure.TRUSTED_RECIPIENT: "was sent to the wrong person by mistake",
    Exposure.KNOWN_RECIPIENTS: "was seen by a small number of people who should not have "
                               "seen it",
    Exposure.UNKNOWN_RECIPIENTS: "may have been seen by people who should not have seen it",
    Exposure.PUBLIC: "was put on a public website by mistake",
}

# Why an s.68 restriction holds details back, finishing "We cannot tell you more yet, to ...".
GROUND_WORDS: dict[RestrictionGround, str] = {
    RestrictionGround.INQUIRY: "avoid getting in the way of an official inquiry",
    RestrictionGround.CRIME: "avoid harming the work to stop, find or prosecute crime",
    RestrictionGround.PUBLIC_SECURITY: "keep the public safe",
    RestrictionGround.NATIONAL_SECURITY: "protect national security",
    RestrictionGround.RIGHTS_OF_OTHERS: "protect other people's rights",
}

_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
            "ten")


def joined(items: Iterable[str], word: str = "and") -> str:
    """'a', 'a and b', 'a, b and c'."""
    parts = [i for i in items if i]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + f" {word} " + parts[-1]


def long_date(value: date | datetime | None, zone: str) -> str:
    """'4 October 2026' in the organisation's zone; '' when not known."""
    if value is None:
        return ""
    day = to_zone(value, zone).date() if isinstance(value, datetime) else value
    return f"{day.day} {day.strftime('%B %Y')}"


def duration(hours: float | None) -> str:
    """'five days', 'about 3 hours', 'less than an hour'; '' when not known."""
    if hours is None:
        return ""
    if hours < 1:
        return "less than an hour"
    if hours < 48:
        whole = round(hours)
        return f"about {whole} hour{'s' if whole != 1 else ''}"
    days = round(hours / 24)
    return f"{_NUMBERS[days] if days <= 10 else days} days"


def categories_list(categories: Iterable[DataCategory]) -> list[str]:
    """The data in plain words, one item a kind ('your name and contact details, ...')."""
    return [CATEGORY_WORDS[c] for c in dict.fromkeys(categories) if c in CATEGORY_WORDS]


def categories_steps(categories: Iterable[DataCategory]) -> str:
    """The data as lines starting '- ', for a list in the letter."""
    return "\n".join(f"- {item}" for item in categories_list(categories))


def not_involved_text(categories: Iterable[DataCategory]) -> str:
    """'Your bank or card details, passwords ... were not involved.' ('' when unsure)."""
    cats = set(categories)
    if not cats or DataCategory.NOT_YET_KNOWN in cats or DataCategory.NONE in cats:
        return ""
    missing = [words for cat, words in NOT_INVOLVED if cat not in cats]
    if not missing:
        return ""
    return f"It did not include your {joined(missing, 'or')}."
