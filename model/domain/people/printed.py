"""The letter as printed for one recipient (or the public notice): every placeholder
filled, the sections as paragraphs and steps, the envelope-window address, the sender,
date, reference and signature. reports/letters.py lays this out; it decides no words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from model.domain.case import Case
from model.domain.law import Duty, cite_full
from model.domain.people.letter import TITLES, LetterText, Variant, fill, plain_paragraphs
from model.domain.people.recipients import Recipient, recipient_reference
from model.domain.people.wording import categories_steps, long_date

# Who the sample letter is addressed to (the preview and `report letter`).
SAMPLE = Recipient(id=0, breach_id=0, number=0, name="Jo Sample",
                   lines=("1 Sample Street", "Sampletown"), postcode="ZZ1 1ZZ")


@dataclass(frozen=True)
class PrintedSection:
    heading: str
    items: tuple[tuple[bool, str], ...]  # (is a step, text)
    boxed: bool = False                  # set apart (how we will contact you)


@dataclass(frozen=True)
class PrintedLetter:
    """One letter or notice, ready to lay out. `address` is None for a notice."""

    organisation: str
    sender: tuple[str, ...]
    address: tuple[str, ...] | None
    date_text: str
    reference: str
    title: str
    greeting: str
    sections: tuple[PrintedSection, ...]
    signatory: str
    signatory_role: str
    small_print: str

    def text(self) -> str:
        """Every word, in reading order (tests, search)."""
        lines = [*self.sender, *(self.address or ()), self.date_text,
                 f"Reference: {self.reference}", self.title, self.greeting]
        for section in self.sections:
            lines.append(section.heading)
            lines += [f"• {t}" if step else t for step, t in section.items]
        lines += [self.signatory, self.signatory_role, self.small_print]
        return "\n".join(line for line in lines if line)


def sender_lines(case: Case) -> tuple[str, ...]:
    org = case.organisation
    address = [p.strip() for p in org.address.replace("\n", ",").split(",") if p.strip()]
    contact = [x for x in (org.dpo_phone.strip() and f"Phone {org.dpo_phone.strip()}",
                           org.dpo_email.strip()) if x]
    return tuple(x for x in (org.name, *address, *contact) if x)


def values_for(case: Case, recipient: Recipient) -> dict[str, str]:
    """What each placeholder stands for in `recipient`'s letter."""
    categories = recipient.categories or case.facts.data_categories
    return {"name": recipient.name,
            "reference": recipient_reference(case.breach.reference, recipient.number),
            "your_information": categories_steps(categories)
            or "- some details about you (we are still checking exactly which)"}


def _small_print(case: Case, variant: Variant) -> str:
    regime = case.facts.regime
    if variant.is_notice:
        return (f"We publish this notice under {cite_full(regime, Duty.DISPROPORTIONATE)}, "
                "because writing to each person is not possible for everyone affected.")
    text = f"We are telling you this under {cite_full(regime, Duty.TELL)}."
    if variant is Variant.PART3_RESTRICTED:
        text += f" Some details are held back under {cite_full(regime, Duty.RESTRICT)}."
    return text


def _sections(letter: LetterText, values: dict[str, str]) -> tuple[PrintedSection, ...]:
    out = []
    for spec in letter.specs():
        items = tuple(plain_paragraphs(fill(letter.text(spec.key), values)))
        if items:
            out.append(PrintedSection(spec.heading, items, spec.key == "how_we_contact"))
    return tuple(out)


def printed_letter(case: Case, letter: LetterText, recipient: Recipient | None,
                   on: date) -> PrintedLetter:
    """`letter` for `recipient` (the sample one when None); a notice ignores recipients."""
    notice = letter.variant.is_notice
    who = None if notice else (recipient or SAMPLE)
    values = values_for(case, who) if who is not None else {}
    reference = values.get("reference", case.breach.reference)
    return PrintedLetter(
        organisation=case.organisation.name, sender=sender_lines(case),
        address=who.address if who is not None else None,
        date_text=long_date(on, case.zone),
        reference=reference, title=TITLES[letter.variant],
        greeting=f"Dear {who.name}," if who is not None else "",
        sections=_sections(letter, values), signatory=letter.signatory,
        signatory_role=letter.signatory_role, small_print=_small_print(case, letter.variant))


def body_text(case: Case, letter: LetterText, recipient: Recipient | None = None) -> str:
    """What the reader reads, for scoring: every section filled in (for `recipient`, the
    sample one when None), without the headings, address and signature."""
    values = {} if letter.variant.is_notice else values_for(case, recipient or SAMPLE)
    return "\n\n".join(fill(text, values) for _, text in letter.sections if text.strip())
