"""Spotting the affected people's own personal data in free text, which the ICO asks not to
be sent: names with a title, email addresses, phone numbers, National Insurance numbers,
dates of birth and house numbers with postcodes. A warning, never a block: it can misfire.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<![\w+])(?:\+44\s?(?:\(0\)\s?)?|0)\d(?:[\s-]?\d){8,9}(?![\d])")
_NINO = re.compile(r"\b(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"
                   r"\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b", re.IGNORECASE)
_DOB_WORDS = re.compile(r"\b(?:d\.?o\.?b\.?|date of birth|born on|born)\b\s*[:\-]?\s*\d",
                        re.IGNORECASE)
_DATE = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b|"
                   r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|"
                   r"Nov|Dec)[a-z]*\.?\s+(\d{4})\b", re.IGNORECASE)
_POSTCODE = r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[ABD-HJLNP-UW-Z]{2}\b"
_HOUSE = re.compile(r"\b\d{1,4}[A-Za-z]?,?\s+[A-Z][a-z]+[^\n\d]{0,60}?" + _POSTCODE)
_TITLED = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Master|Sir|Dame)\.?\s+(?:[A-Z]\.?\s*){0,2}"
                     r"[A-Z][a-z'’-]+")

# Anyone born less than this many years before the report is unlikely to be the subject of
# a stray date in a breach summary; older dates read as dates of birth.
BIRTH_AGE = 10


def _old_date(text: str, year_now: int) -> bool:
    for match in _DATE.finditer(text):
        year = match.group(3) or match.group(4)
        if year and 1900 <= int(year) <= year_now - BIRTH_AGE:
            return True
    return False


def findings(text: str, year_now: int, own: Iterable[str] = ()) -> tuple[str, ...]:
    """What in `text` looks like someone's personal data ('an email address', ...).

    `own` are the organisation's own details (its address, the DPO's email and phone),
    which the report is meant to carry and which are not flagged.
    """
    for item in own:
        for line in (item or "").splitlines():
            if line.strip():
                text = text.replace(line.strip(), " ")
    found = []
    if _TITLED.search(text):
        found.append("a name")
    if _EMAIL.search(text):
        found.append("an email address")
    if _PHONE.search(text):
        found.append("a phone number")
    if _NINO.search(text):
        found.append("a National Insurance number")
    if _DOB_WORDS.search(text) or _old_date(text, year_now):
        found.append("a date of birth")
    if _HOUSE.search(text):
        found.append("a house number with a postcode")
    return tuple(found)


def describe(found: tuple[str, ...]) -> str:
    """'an email address and a phone number'."""
    if len(found) < 2:
        return "".join(found)
    return ", ".join(found[:-1]) + " and " + found[-1]
