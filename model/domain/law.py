"""Which provision each duty rests on, per regime: every text that cites the law asks here.

A DPA 2018 Part 3 breach is never described with UK GDPR article numbers, and a PECR one
cites regulation 5A. Texts carry placeholders such as "{content}" that `cite` fills in.
"""

from __future__ import annotations

from enum import StrEnum

from model.domain.enums import Regime


class Duty(StrEnum):
    """A legal duty or rule a text may refer to."""

    NOTIFY = "notify"            # tell the regulator
    TIMING = "timing"            # the 72 hours (or 24) and reasons for delay
    CONTENT = "content"          # what the notification must hold
    NATURE = "nature"            # ... the nature, categories and numbers
    CONTACT = "contact"          # ... the contact point
    CONSEQUENCES = "consequences"  # ... the likely consequences
    MEASURES = "measures"        # ... the measures taken or proposed
    PHASES = "phases"            # information may follow in phases
    RECORD = "record"            # every breach recorded
    PROCESSOR = "processor"      # the processor tells the controller
    TELL = "tell"                # tell the people affected
    TELL_CONTENT = "tell_content"  # ... what telling them must hold
    EXEMPTIONS = "exemptions"    # when telling them is not required
    UNINTELLIGIBLE = "unintelligible"
    SUBSEQUENT = "subsequent"
    DISPROPORTIONATE = "disproportionate"
    RESTRICT = "restrict"        # restricting or delaying telling them (Part 3 only)


_UK_GDPR: dict[Duty, str] = {
    Duty.NOTIFY: "UK GDPR Art. 33", Duty.TIMING: "Art. 33(1)", Duty.CONTENT: "Art. 33(3)",
    Duty.NATURE: "Art. 33(3)(a)", Duty.CONTACT: "Art. 33(3)(b)",
    Duty.CONSEQUENCES: "Art. 33(3)(c)", Duty.MEASURES: "Art. 33(3)(d)",
    Duty.PHASES: "Art. 33(4)", Duty.RECORD: "Art. 33(5)", Duty.PROCESSOR: "Art. 33(2)",
    Duty.TELL: "Art. 34", Duty.TELL_CONTENT: "Art. 34(2)", Duty.EXEMPTIONS: "Art. 34(3)",
    Duty.UNINTELLIGIBLE: "Art. 34(3)(a)",
    Duty.SUBSEQUENT: "Art. 34(3)(b)", Duty.DISPROPORTIONATE: "Art. 34(3)(c)",
    Duty.RESTRICT: "(no restriction exists under UK GDPR)",
}
_PART3: dict[Duty, str] = {
    Duty.NOTIFY: "DPA 2018 s.67", Duty.TIMING: "s.67(1) and (3)", Duty.CONTENT: "s.67(4)",
    Duty.NATURE: "s.67(4)(a)", Duty.CONTACT: "s.67(4)(b)", Duty.CONSEQUENCES: "s.67(4)(c)",
    Duty.MEASURES: "s.67(4)(d)", Duty.PHASES: "s.67(5)", Duty.RECORD: "s.67(6)",
    Duty.PROCESSOR: "s.67(8)", Duty.TELL: "DPA 2018 s.68", Duty.TELL_CONTENT: "s.68(2)",
    Duty.EXEMPTIONS: "s.68(3)",
    Duty.UNINTELLIGIBLE: "s.68(3)(a)", Duty.SUBSEQUENT: "s.68(3)(b)",
    Duty.DISPROPORTIONATE: "s.68(3)(c)", Duty.RESTRICT: "s.68(7)",
}
# PECR: the regulation is cited as a whole where the paragraph numbering was not verified.
_PECR: dict[Duty, str] = {
    Duty.NOTIFY: "PECR reg. 5A", Duty.TIMING: "PECR reg. 5A", Duty.CONTENT: "PECR reg. 5A",
    Duty.NATURE: "PECR reg. 5A", Duty.CONTACT: "PECR reg. 5A",
    Duty.CONSEQUENCES: "PECR reg. 5A", Duty.MEASURES: "PECR reg. 5A",
    Duty.PHASES: "PECR reg. 5A", Duty.RECORD: "PECR reg. 5A (breach inventory)",
    Duty.PROCESSOR: "PECR reg. 5A", Duty.TELL: "PECR reg. 5A", Duty.TELL_CONTENT: "PECR reg. 5A",
    Duty.EXEMPTIONS: "PECR reg. 5A", Duty.UNINTELLIGIBLE: "PECR reg. 5A",
    Duty.SUBSEQUENT: "PECR reg. 5A", Duty.DISPROPORTIONATE: "PECR reg. 5A",
    Duty.RESTRICT: "(no restriction exists under PECR)",
}
CITATIONS: dict[Regime, dict[Duty, str]] = {
    Regime.UK_GDPR: _UK_GDPR, Regime.DPA2018_PART3: _PART3, Regime.PECR: _PECR,
}


def cite(regime: Regime, duty: Duty) -> str:
    """The provision for `duty` under `regime`, e.g. 's.67(4)(a)' or 'Art. 33(3)(a)'."""
    return CITATIONS[regime][duty]


def fill(text: str, regime: Regime) -> str:
    """Replace "{nature}"-style placeholders (Duty values) with the regime's provisions.

    Only those placeholders are touched, so any other braces (a DPO's own words quoted in a
    reason) pass through unchanged.
    """
    if "{" not in text:
        return text
    for duty, ref in CITATIONS[regime].items():
        text = text.replace("{" + duty.value + "}", ref)
    return text


def people_word(regime: Regime) -> str:
    """Who is told under the regime: PECR speaks of subscribers and users."""
    return "subscribers and users" if regime is Regime.PECR else "the people affected"


_INSTRUMENT = {Regime.UK_GDPR: "UK GDPR", Regime.DPA2018_PART3: "DPA 2018", Regime.PECR: ""}


def cite_full(regime: Regime, duty: Duty) -> str:
    """The provision with its instrument named: 'UK GDPR Art. 33(5)', 'DPA 2018 s.67(6)'."""
    ref = cite(regime, duty)
    instrument = _INSTRUMENT[regime]
    return ref if not instrument or ref.startswith(instrument) else f"{instrument} {ref}"
