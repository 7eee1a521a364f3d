"""The letter to the people affected and the public notice as the DPO edits them: one
variant per regime (and per s.68 restriction), sections that each map to an item the law
asks for, placeholders filled per recipient, and the checks run before anything is sent."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum

from model.domain.enums import Regime
from model.domain.errors import ValidationError
from model.domain.law import Duty, cite, cite_full
from model.domain.people.advice import outdated_terms
from model.domain.people.recipients import Recipient


class Variant(StrEnum):
    """Which text is written: the regime's letter, the restricted Part 3 one, or a notice."""

    UK_GDPR = "uk_gdpr"
    PART3 = "part3"
    PART3_RESTRICTED = "part3_restricted"
    PECR = "pecr"
    PUBLIC_NOTICE = "public_notice"

    @property
    def label(self) -> str:
        return _VARIANT_LABELS[self]

    @property
    def regime(self) -> Regime:
        return {Variant.UK_GDPR: Regime.UK_GDPR, Variant.PECR: Regime.PECR}.get(
            self, Regime.DPA2018_PART3)

    @property
    def is_notice(self) -> bool:
        return self is Variant.PUBLIC_NOTICE


_VARIANT_LABELS = {
    Variant.UK_GDPR: "Letter to the people affected (UK GDPR Art. 34)",
    Variant.PART3: "Letter to the people affected (DPA 2018 s.68)",
    Variant.PART3_RESTRICTED: "Restricted letter (DPA 2018 s.68(7): some details held back)",
    Variant.PECR: "Notice to subscribers and users (PECR reg. 5A)",
    Variant.PUBLIC_NOTICE: "Public notice (no personal data)",
}


@dataclass(frozen=True)
class SectionSpec:
    """One section: its key, the heading the reader sees and what the law asks of it."""

    key: str
    heading: str
    asks: str            # what the section must say, for the editor's hint
    duty: Duty | None = None  # the legal item it carries, when it is one
    required: bool = False


def _spec(key: str, heading: str, asks: str, duty: Duty | None = None,
          required: bool = False) -> SectionSpec:
    return SectionSpec(key, heading, asks, duty, required)


_HAPPENED = _spec("happened", "What happened", "The nature of the breach: what happened "
                  "and when, and how you found out.", Duty.TELL_CONTENT, True)
_INVOLVED = _spec("involved", "What information about you was involved",
                  "What data about the reader was involved, and what was not. "
                  "{your_information} is filled in for each recipient.", required=True)
_MEANING = _spec("meaning", "What this could mean for you",
                 "The likely consequences for the reader.", Duty.CONSEQUENCES, True)
_DONE = _spec("done", "What we have done", "The measures taken or proposed, including to "
              "limit the harm.", Duty.MEASURES, True)
_RESTRICTED = _spec("restricted", "What we cannot tell you yet",
                    "Why some details are held back (the s.68 ground) and when you will "
                    "look at it again.", Duty.RESTRICT, True)
_ADVICE = _spec("you_can_do", "What you can do", "Concrete steps the reader can take. "
                "One step a line, starting with '- '.", required=True)
_SUPPORT = _spec("support", "Help we can offer", "Support you offer, and other formats "
                 "and languages.")
_FIND_OUT = _spec("find_out", "How to find out if you are affected", "How people can "
                  "check whether they are affected, through an official channel.",
                  required=True)
_CONTACT = _spec("contact", "Who to contact", "The contact point: name, phone, email, "
                 "address and hours, and the reference to quote.", Duty.CONTACT, True)
_HOW = _spec("how_we_contact", "How we will contact you", "How you will (and will never) "
             "contact them, so they can spot fakes.", required=True)
_COMPLAIN = _spec("complain", "If you are unhappy", "The right to complain to you and to "
                  "the ICO.", required=True)
_CLOSING = _spec("closing", "", "An apology and a last word before the signature.")

SECTIONS: dict[Variant, tuple[SectionSpec, ...]] = {
    Variant.UK_GDPR: (_HAPPENED, _INVOLVED, _MEANING, _DONE, _ADVICE, _SUPPORT, _CONTACT,
                      _HOW, _COMPLAIN, _CLOSING),
    Variant.PART3: (_HAPPENED, _INVOLVED, _MEANING, _DONE, _ADVICE, _SUPPORT, _CONTACT,
                    _HOW, _COMPLAIN, _CLOSING),
    Variant.PART3_RESTRICTED: (_HAPPENED, _RESTRICTED, _INVOLVED, _MEANING, _DONE, _ADVICE,
                               _SUPPORT, _CONTACT, _HOW, _COMPLAIN, _CLOSING),
    Variant.PECR: (_HAPPENED, _INVOLVED, _MEANING, _DONE, _ADVICE, _SUPPORT, _CONTACT, _HOW,
                   _COMPLAIN, _CLOSING),
    Variant.PUBLIC_NOTICE: (
        _HAPPENED, replace(_INVOLVED, heading="What information was involved",
                           asks="What data was involved, and what was not (no personal "
                           "data in a public notice)."),
        replace(_MEANING, heading="What this could mean for people"),
        _DONE, _FIND_OUT, _ADVICE, _CONTACT,
        replace(_HOW, heading="How we will contact people"), _COMPLAIN),
}

TITLES: dict[Variant, str] = {
    Variant.UK_GDPR: "Important: your personal information",
    Variant.PART3: "Important: your personal information",
    Variant.PART3_RESTRICTED: "Important: your personal information",
    Variant.PECR: "Important: a security problem with your account",
    Variant.PUBLIC_NOTICE: "Important notice: personal information put at risk",
}

# Placeholders a letter may use; the notice may use none (it holds no personal data).
PLACEHOLDERS: dict[str, str] = {
    "name": "the recipient's name",
    "reference": "the reference the recipient quotes",
    "your_information": "the recipient's own data involved",
}
_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
_PHONE = re.compile(r"(?:\+44\s?|0)\d[\d ]{8,12}\d")
_EMAIL = re.compile(r"[^\s@]+@[^\s@]+\.[^\s@]+")
MAX_SECTION = 20_000  # a section is a few paragraphs; this is far past any real one
MAX_NAME = 120


@dataclass(frozen=True)
class LetterText:
    """The words of a letter or notice: section texts in the variant's order, and who
    signs it. Text is plain: a blank line between paragraphs, '- ' starts a step."""

    variant: Variant
    sections: tuple[tuple[str, str], ...]
    signatory: str = ""
    signatory_role: str = ""

    def text(self, key: str) -> str:
        return next((t for k, t in self.sections if k == key), "")

    def with_text(self, key: str, text: str) -> LetterText:
        return replace(self, sections=tuple((k, text if k == key else t)
                                            for k, t in self.sections))

    def specs(self) -> tuple[SectionSpec, ...]:
        return SECTIONS[self.variant]


@dataclass(frozen=True)
class SavedLetter:
    """A letter or notice as kept in the vault."""

    id: int
    breach_id: int
    text: LetterText
    saved_at: datetime
    saved_by: str = ""
    sha256: str = ""


@dataclass(frozen=True)
class Problem:
    """Something to fix before sending: the section it is in ('' for the whole) and why."""

    section: str
    text: str


def fill(text: str, values: dict[str, str]) -> str:
    """Replace the known {placeholders} in `text`; anything else in braces stays as typed."""
    if "{" not in text:
        return text
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def placeholders_in(text: str) -> list[str]:
    return [m.group(1) for m in _PLACEHOLDER.finditer(text)]


def letter_to_document(letter: LetterText) -> dict[str, object]:
    """The JSON form kept in the vault (and frozen for its digest)."""
    return {"variant": letter.variant.value, "sections": dict(letter.sections),
            "signatory": letter.signatory, "signatory_role": letter.signatory_role}


def letter_from_document(doc: dict[str, object]) -> LetterText:
    """Read a stored letter; sections the variant no longer has are dropped, new ones empty."""
    variant = Variant(str(doc["variant"]))
    stored = doc.get("sections") or {}
    texts = stored if isinstance(stored, dict) else {}
    return LetterText(variant, tuple((s.key, str(texts.get(s.key, "")))
                                     for s in SECTIONS[variant]),
                      str(doc.get("signatory", "")), str(doc.get("signatory_role", "")))


def check_lengths(letter: LetterText) -> None:
    """Refuse text no letter could hold (validated once, when it is saved)."""
    for key, text in letter.sections:
        if len(text) > MAX_SECTION:
            raise ValidationError(key, f"is longer than {MAX_SECTION:,} characters")
    if len(letter.signatory) > MAX_NAME or len(letter.signatory_role) > MAX_NAME:
        raise ValidationError("signatory", f"is longer than {MAX_NAME} characters")


def _section_problems(spec: SectionSpec, text: str, notice: bool,
                      regime: Regime) -> list[Problem]:
    out: list[Problem] = []
    where = spec.heading or "The closing words"
    if spec.required and not text.strip():
        law = f" ({cite_full(regime, Duty.TELL_CONTENT)})" if spec.duty else ""
        out.append(Problem(spec.key, f"{where} is empty: it must say: {spec.asks}{law}"))
    for name in dict.fromkeys(placeholders_in(text)):
        if notice and name in PLACEHOLDERS:
            out.append(Problem(spec.key, f"{where} uses {{{name}}}: a public notice holds no "
                               "personal data, so it has no recipient details to fill in."))
        elif name not in PLACEHOLDERS:
            known = ", ".join("{" + p + "}" for p in PLACEHOLDERS)
            out.append(Problem(spec.key, f"{where} has {{{name}}}, which is not a "
                               f"placeholder (the known ones are {known})."))
    return out


def letter_problems(letter: LetterText, on: date) -> list[Problem]:
    """What to fix before the letter or notice goes out, in section order."""
    notice = letter.variant.is_notice
    regime = letter.variant.regime
    out: list[Problem] = []
    for spec in letter.specs():
        out += _section_problems(spec, letter.text(spec.key), notice, regime)
    contact = letter.text("contact")
    if contact.strip() and not (_PHONE.search(contact) or _EMAIL.search(contact)):
        out.append(Problem("contact", "Who to contact gives no phone number or email "
                           f"address ({cite(regime, Duty.TELL_CONTENT)} asks for the contact "
                           "point's details)."))
    whole = "\n".join(t for _, t in letter.sections)
    for old in outdated_terms(whole, on):
        out.append(Problem("", f"\"{old.term}\" is out of date: {old.now}."))
    if not notice and not letter.signatory.strip():
        out.append(Problem("", "Say who signs the letter: an accountable person."))
    return out


def notice_problems(notice: LetterText, recipients: Iterable[Recipient],
                    on: date) -> list[str]:
    """What stops the notice going public: the letter checks, and any recipient's name,
    postcode or email in its text (a public notice holds no personal data)."""
    problems = [p.text for p in letter_problems(notice, on)]
    text = "\n".join(t for _, t in notice.sections).lower()
    for r in recipients:
        value = next((v for v in (r.name, r.postcode, r.email)
                      if len(v) > 3 and v.lower() in text), None)
        if value:
            problems.append(f"The notice names recipient no. {r.number} ({value}): a "
                            "public notice must hold no personal data.")
    return problems


def plain_paragraphs(text: str) -> list[tuple[bool, str]]:
    """A section as (is_step, text) items: blank lines separate paragraphs, lines that
    start with '- ' (or '• ') are steps of a list, other lines run on."""
    items: list[tuple[bool, str]] = []
    for block in re.split(r"\n\s*\n", text.strip()):
        run: list[str] = []
        for line in (x.strip() for x in block.splitlines()):
            if line.startswith(("- ", "• ")):
                if run:
                    items.append((False, " ".join(run)))
                    run = []
                items.append((True, line[2:].strip()))
            elif line:
                run.append(line)
        if run:
            items.append((False, " ".join(run)))
    return items
