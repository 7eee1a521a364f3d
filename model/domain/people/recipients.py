"""Recipients of the letter: the record, the rules every entry point applies (a CSV row or
a name typed in), and the address key that finds two entries for one household."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from model.domain.enums import DataCategory
from model.domain.errors import ValidationError

MAX_NAME = 100
MAX_LINE = 45       # what fits the envelope window at a readable size
MAX_LINES = 4       # address lines under the name, plus the postcode line
MAX_EMAIL = 254
# The shapes of a UK postcode with the letters each position may hold (an area never
# starts Q, V or X; the inward code never uses C, I, K, M, O or V), and GIR 0AA.
_POSTCODE = re.compile(r"^(?:GIR ?0AA|[A-PR-UWYZ](?:[0-9][0-9A-HJKPSTUW]?"
                       r"|[A-HK-Y][0-9][0-9ABEHMNPRV-Y]?) ?[0-9][ABD-HJLNP-UW-Z]{2})$")
_EMAIL = re.compile(r"^[^\s@]+@[^\s@]+\.[^\s@.]{2,}$")
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b-\u200f\u2028\u2029\ufeff]")
# Category words a spreadsheet may use besides our own values and labels.
CATEGORY_SYNONYMS: dict[str, DataCategory] = {
    "name": DataCategory.BASIC_IDENTIFIERS, "address": DataCategory.BASIC_IDENTIFIERS,
    "contact details": DataCategory.BASIC_IDENTIFIERS, "email": DataCategory.BASIC_IDENTIFIERS,
    "phone": DataCategory.BASIC_IDENTIFIERS, "password": DataCategory.IDENTIFICATION_DATA,
    "passwords": DataCategory.IDENTIFICATION_DATA, "login": DataCategory.IDENTIFICATION_DATA,
    "bank": DataCategory.ECONOMIC_FINANCIAL, "bank details": DataCategory.ECONOMIC_FINANCIAL,
    "card": DataCategory.ECONOMIC_FINANCIAL, "financial": DataCategory.ECONOMIC_FINANCIAL,
    "passport": DataCategory.OFFICIAL_DOCUMENTS, "id": DataCategory.OFFICIAL_DOCUMENTS,
    "driving licence": DataCategory.OFFICIAL_DOCUMENTS, "health": DataCategory.HEALTH,
    "medical": DataCategory.HEALTH, "criminal": DataCategory.CRIMINAL_OFFENCE,
    "crime": DataCategory.CRIMINAL_OFFENCE, "offence": DataCategory.CRIMINAL_OFFENCE,
    "location": DataCategory.LOCATION,
}


# Every way a cell may name a category: our values, our labels, common words.
_CATEGORY_NAMES: dict[str, DataCategory] = {
    **{c.value: c for c in DataCategory}, **{c.label.lower(): c for c in DataCategory},
    **CATEGORY_SYNONYMS}


@dataclass(frozen=True)
class RecipientDraft:
    """A recipient as typed or read from a CSV row, before it is checked."""

    name: str
    lines: tuple[str, ...]
    postcode: str
    email: str = ""
    categories: tuple[DataCategory, ...] = ()


@dataclass(frozen=True)
class Recipient:
    """One addressee (a person or a household) of a breach's letters."""

    id: int
    breach_id: int
    number: int            # 1, 2, 3 ... within the breach: part of the reference to quote
    name: str
    lines: tuple[str, ...]
    postcode: str
    email: str = ""
    categories: tuple[DataCategory, ...] = ()
    source: str = ""
    added_at: datetime | None = None
    added_by: str = ""
    merged: tuple[str, ...] = field(default=(), compare=False)  # what was merged in

    @property
    def address(self) -> tuple[str, ...]:
        """The lines for the envelope window: name, address lines, postcode."""
        return (self.name, *self.lines, self.postcode)

    @property
    def key(self) -> str:
        return address_key(self.lines, self.postcode)

    def reference(self, breach_reference: str) -> str:
        return recipient_reference(breach_reference, self.number)


def recipient_reference(breach_reference: str, number: int) -> str:
    """The reference a recipient quotes, e.g. 'BR-2026-0001-017'."""
    return f"{breach_reference}-{number:03d}"


def clean(text: str) -> str:
    """One line of user text: NFC, no control or invisible characters, single spaces."""
    text = unicodedata.normalize("NFC", _UNSAFE.sub(" ", text))
    return " ".join(text.split())


def normal_postcode(text: str) -> str:
    """'nt11aa' -> 'NT1 1AA' (space before the inward code); unchanged if too short."""
    compact = "".join(clean(text).upper().split())
    return f"{compact[:-3]} {compact[-3:]}" if len(compact) > 3 else compact


def address_key(lines: Iterable[str], postcode: str) -> str:
    """What two entries for the same address share: letters and digits of the first
    address line and the postcode, upper case ('Flat 2, 10 High St' == 'FLAT 2 10 HIGH ST')."""
    first = next((line for line in lines if line.strip()), "")
    letters = "".join(ch for ch in clean(first).upper() if ch.isalnum() or ch == " ")
    return f"{' '.join(letters.split())}|{''.join(postcode.upper().split())}"


def parse_categories(text: str) -> tuple[DataCategory, ...]:
    """Categories from a cell: our values, our labels or common words, split on ; | / or ,."""
    out: list[DataCategory] = []
    for part in re.split(r"[;|/,]", text):
        word = clean(part).lower()
        if not word:
            continue
        found = _CATEGORY_NAMES.get(word.replace(" ", "_")) or _CATEGORY_NAMES.get(word)
        if found is None:
            raise ValidationError("categories", f"'{clean(part)}' is not a kind of data "
                                  "(e.g. name; address; bank details; health)")
        if found not in (DataCategory.NONE, DataCategory.NOT_YET_KNOWN) and found not in out:
            out.append(found)
    return tuple(out)


def _check_text(value: str, what: str, limit: int, required: bool) -> str:
    text = clean(value)
    if required and not text:
        raise ValidationError(what, "is missing")
    if len(text) > limit:
        raise ValidationError(what, f"is longer than {limit} characters ({len(text)}); "
                              "shorten it to fit the envelope window")
    return text


def check_recipient(draft: RecipientDraft) -> RecipientDraft:
    """The draft cleaned and checked; ValidationError names the field and the rule."""
    name = _check_text(draft.name, "name", MAX_NAME, True)
    lines = tuple(t for t in (_check_text(x, f"address line {i}", MAX_LINE, False)
                              for i, x in enumerate(draft.lines, 1)) if t)
    if not lines:
        raise ValidationError("address", "has no address line (a letter needs a street "
                              "address)")
    if len(lines) > MAX_LINES:
        raise ValidationError("address", f"has {len(lines)} lines; at most {MAX_LINES} fit "
                              "the envelope window under the name")
    postcode = normal_postcode(draft.postcode)
    if not postcode:
        raise ValidationError("postcode", "is missing")
    if not _POSTCODE.match(postcode):
        raise ValidationError("postcode", f"'{clean(draft.postcode)}' is not a UK postcode "
                              "(e.g. NT1 1AA)")
    email = clean(draft.email)
    if email and (len(email) > MAX_EMAIL or not _EMAIL.match(email)):
        raise ValidationError("email", f"'{email[:60]}' is not an email address")
    return RecipientDraft(name, lines, postcode, email, tuple(dict.fromkeys(draft.categories)))


def merged_name(first: str, second: str) -> str:
    """Two names at one address become one addressee ('A Smith and B Smith')."""
    names = [n for n in first.split(" and ") if n]
    if second.lower() not in (n.lower() for n in names):
        names.append(second)
    text = " and ".join(names)
    return text if len(text) <= MAX_NAME else f"{names[0]} and others"


def merge(into: RecipientDraft, other: RecipientDraft) -> RecipientDraft:
    """One entry for one address: names joined, data categories and email combined."""
    return RecipientDraft(merged_name(into.name, other.name), into.lines, into.postcode,
                          into.email or other.email,
                          tuple(dict.fromkeys((*into.categories, *other.categories))))
