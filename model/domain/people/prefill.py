"""The first draft of the letter and the public notice, written from the case: the facts,
the latest assessment, the decision (and any s.68 restriction) and the organisation. The
DPO edits every section; this only saves them starting from a blank page."""

from __future__ import annotations

from datetime import date

from model.domain.case import Case
from model.domain.decision import RestrictionGround
from model.domain.enums import BreachStatus, BreachType, Consequence, Regime
from model.domain.facts import BreachFacts
from model.domain.people.advice import advice_for
from model.domain.people.letter import SECTIONS, LetterText, Variant
from model.domain.people.wording import (
    ACCESS_WORDS,
    CONSEQUENCE_WORDS,
    EXPOSURE_WORDS,
    GROUND_WORDS,
    categories_steps,
    duration,
    long_date,
    not_involved_text,
)

# DPA 2018 ss.164A-164B (Data (Use and Access) Act 2025 s.103): from this day people may
# complain to the controller, which acknowledges within 30 days.
COMPLAINTS_TO_US_FROM = date(2026, 6, 19)
ICO_COMPLAINTS = ("You can also complain to the Information Commissioner's Office (ICO). "
                  "Call 0303 123 1113 or go to ico.org.uk.")
DPO_ROLE = "Data Protection Officer"


def default_variant(case: Case) -> Variant:
    """The letter the regime and the decision call for."""
    regime = case.facts.regime
    if regime is Regime.PECR:
        return Variant.PECR
    if regime is Regime.DPA2018_PART3:
        decision = case.latest_decision
        restricted = decision is not None and decision.restriction is not None
        return Variant.PART3_RESTRICTED if restricted else Variant.PART3
    return Variant.UK_GDPR


def _what_happened(case: Case, notice: bool) -> str:
    f, zone = case.facts, case.zone
    who = f"some information about you held by {case.organisation.name or 'us'}"
    if notice:
        who = f"some personal information held by {case.organisation.name or 'us'}"
    if f.confidentiality and f.confidentiality.exposure:
        what = f"{who} {EXPOSURE_WORDS[f.confidentiality.exposure]}."
    elif BreachType.CONFIDENTIALITY in f.breach_types or not f.breach_types:
        what = f"{who} may have been seen by someone who should not have seen it."
    elif BreachType.INTEGRITY in f.breach_types:
        what = f"{who} was changed by mistake."
    else:
        what = f"{who} was lost or could not be reached for a time."
    when = long_date(f.occurred_at, zone)
    sentences = [f"On {when}, {what}" if when else what[0].upper() + what[1:]]
    hours = f.confidentiality.exposure_hours if f.confidentiality else None
    if hours is not None:
        sentences.append(f"It was there for {duration(hours)}.")
    if f.processor_name and not f.malicious:
        sentences.append("It happened because of a mistake by a company that runs a "
                         "computer system for us.")
    elif f.malicious:
        sentences.append("We believe someone did this on purpose.")
    if f.discovered_at:
        sentences.append(f"We found out on {long_date(f.discovered_at, zone)}.")
    if f.ended_at:
        sentences.append(f"We stopped it on {long_date(f.ended_at, zone)}.")
    opening = ("We are writing to tell you about a mistake that affects your personal "
               "information.")
    return (("" if notice else opening + "\n\n") + " ".join(sentences)).strip()


def _involved(case: Case, notice: bool) -> str:
    f = case.facts
    if notice:
        about = f"It was about {f.subjects_count:,} people. " if f.subjects_count else ""
        steps = categories_steps(f.data_categories).replace("your ", "their ")
        steps = steps.replace("involves you", "involves them")
        missing = not_involved_text(f.data_categories).replace("your ", "their ")
        return f"{about}It included:\n{steps}\n\n{missing}".strip()
    missing = not_involved_text(f.data_categories)
    return f"The information about you was:\n{{your_information}}\n\n{missing}".strip()


def _meaning(facts: BreachFacts) -> str:
    parts: list[str] = []
    if facts.confidentiality and facts.confidentiality.access:
        parts.append(ACCESS_WORDS[facts.confidentiality.access])
    consequences: list[Consequence] = [
        c for c in facts.consequences if c is not Consequence.NONE_IDENTIFIED]
    consequences = consequences or list(facts.consequences)
    parts += [CONSEQUENCE_WORDS[c] for c in consequences]
    if not consequences:
        parts.append("We do not think this is likely to harm you. We still want you to "
                     "know what happened and what to do.")
    return " ".join(parts)


def _done(case: Case) -> str:
    lines = [f"- {e.text.strip().rstrip('.')}." for e in case.actions()]
    decision = case.latest_decision
    told_ico = case.breach.status is BreachStatus.NOTIFIED or (
        decision is not None and decision.notify_ico)
    if told_ico:
        lines.append("- We have told the Information Commissioner's Office (ICO). The ICO "
                     "makes sure that organisations look after people's information.")
    lines.append("- We are finding out how this happened, so that it does not happen again.")
    lines.append("- We are writing to everyone affected.")
    return "\n".join(lines)


def _restricted(case: Case) -> str:
    decision = case.latest_decision
    restriction = decision.restriction if decision is not None else None
    if restriction is None:
        return ""
    known = restriction.ground in RestrictionGround._value2member_map_
    why = (GROUND_WORDS[RestrictionGround(restriction.ground)] if known
           else "protect other work that is going on")
    review = long_date(restriction.review_on, case.zone)
    return (f"There are some details we cannot give you yet. This is to {why}. The law "
            "lets us hold them back only for as long as we need to. We will look at this "
            f"again by {review}, and tell you more then if we can.")


def _advice(case: Case, on: date) -> str:
    f = case.facts
    return "\n".join(f"- {a.text}" for a in advice_for(f.data_categories, f.consequences, on))


def _phone_or_number(case: Case) -> str:
    phone = case.organisation.dpo_phone.strip()
    return f"on {phone}" if phone else "on the number in this letter"


def _contact(case: Case, notice: bool) -> str:
    org = case.organisation
    ways = []
    if org.dpo_phone.strip():
        ways.append(f"call {org.dpo_name or 'us'} on {org.dpo_phone.strip()}")
    if org.dpo_email.strip():
        ways.append(f"email {org.dpo_email.strip()}")
    first = " or ".join(ways) if ways else "contact us"
    first = first[0].upper() + first[1:]
    text = f"{first}."
    if org.address.strip():
        text += f" You can also write to us at {org.address.strip()}."
    if not notice:
        text += "\n\nPlease quote your reference: {reference}."
    return text


def _how_we_contact(case: Case, notice: bool) -> str:
    who = "people" if notice else "you"
    return (f"We will only contact {who} about this by letter or by phone. We will never "
            "ask for bank details, a password or a payment. If someone contacts you about "
            f"this and asks for these things, do not give them. Call us {_phone_or_number(case)}"
            " to check.")


def _complain(on: date) -> str:
    ours = ("If you are unhappy with how we have dealt with this, please tell us. You can "
            "complain to us by phone, email or letter, using the details above. We will "
            "let you know within 30 days that we have your complaint.")
    return f"{ours}\n\n{ICO_COMPLAINTS}" if on >= COMPLAINTS_TO_US_FROM else ICO_COMPLAINTS


def _support(case: Case) -> str:
    return ("If you are worried, please call us. We will talk it through with you and help "
            "you decide what to do. If you would rather talk to someone in person, tell "
            "us.\n\nIf you need this letter in large print, in Braille, in another language "
            "or read out to you, please call us.")


def _find_out(case: Case) -> str:
    return (f"If you think you may be affected, call us {_phone_or_number(case)}. We will "
            "check for you and tell you. We are also writing to each person we can reach.\n\n"
            "Only use the phone number and email address in this notice or on our own "
            "website. Do not trust a link in a message about this.")


def signatory(case: Case) -> tuple[str, str]:
    """Who signs: the person who decided, else the DPO named in Settings."""
    org, decision = case.organisation, case.latest_decision
    name = (decision.decided_by if decision is not None else "") or org.dpo_name
    return name, DPO_ROLE if name and name == org.dpo_name else ""


def prefill(case: Case, variant: Variant, on: date) -> LetterText:
    """The first draft of `variant` for `case`, as on the day `on`."""
    notice = variant.is_notice
    texts = {
        "happened": _what_happened(case, notice), "involved": _involved(case, notice),
        "meaning": _meaning(case.facts), "done": _done(case), "restricted": _restricted(case),
        "you_can_do": _advice(case, on), "support": _support(case),
        "find_out": _find_out(case), "contact": _contact(case, notice),
        "how_we_contact": _how_we_contact(case, notice), "complain": _complain(on),
        "closing": "We are very sorry that this happened, and for the worry it may cause you.",
    }
    name, role = signatory(case)
    return LetterText(variant, tuple((s.key, texts[s.key]) for s in SECTIONS[variant]),
                      name, role)


def saved_text(case: Case, notice: bool) -> LetterText | None:
    """The letter (or notice) as last saved, if it was."""
    return next((s.text for s in case.letters if s.text.variant.is_notice == notice), None)


def current_text(case: Case, notice: bool, on: date) -> LetterText:
    """The saved letter (or notice), else the first draft for the case."""
    saved = saved_text(case, notice)
    if saved is not None:
        return saved
    return prefill(case, Variant.PUBLIC_NOTICE if notice else default_variant(case), on)
