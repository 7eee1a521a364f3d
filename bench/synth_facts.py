"""Fact templates and the facts of each synthetic breach.

A template is everything the risk engine reads (kind, regime, data, people, counts,
exposure, protection...). A few hundred are drawn once; each is assessed once by the real
engine, and every breach made from it reuses that assessment with its own deadline (the
engine reads the time of awareness only for the deadline; tests/bench checks that a
stored assessment equals a fresh one). A breach adds its own title, wording and dates.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from bench.synth_base import END, START, YEAR_WEIGHTS, hours
from bench.synth_kinds import KINDS, Kind
from bench.synth_kinds_systems import SYSTEM_KINDS
from model.domain.clock import to_minute
from model.domain.deadlines import deadline_for
from model.domain.enums import BreachType, DataDetail, Sector, YesNoUnknown
from model.domain.facts import BreachFacts
from model.domain.risk import Assessment, assess

ALL_KINDS: tuple[Kind, ...] = KINDS + SYSTEM_KINDS
PLACEHOLDER_AWARE = datetime(2024, 1, 1, 12, tzinfo=UTC)  # only the deadline reads it

FINDERS = ("PC 2214 Walker", "Sgt 118 Ahmed", "DC 3307 Hughes", "A member of the public",
           "Information management", "The supplier's service desk", "PCSO 5521 Byrne",
           "Inspector Clarke", "The contact centre supervisor", "")
PEOPLE_WORD = {1: "one person"}


@dataclass(frozen=True)
class Template:
    """The engine-relevant facts shared by many breaches, and the kind they come from."""

    number: int
    kind: Kind
    facts: BreachFacts


def _template_facts(kind: Kind, rng: random.Random) -> BreachFacts:
    count = rng.choice(kind.counts)
    conf = rng.choice(kind.conf) if BreachType.CONFIDENTIALITY in kind.types else None
    return BreachFacts(
        breach_types=kind.types, data_categories=rng.choice(kind.data),
        regime=rng.choice(kind.regimes), cyber_incident=(
            YesNoUnknown.YES if kind.cyber else rng.choice((YesNoUnknown.NO,) * 5 + (
                YesNoUnknown.UNKNOWN,))),
        malicious=kind.malicious, data_subject_categories=rng.choice(kind.subjects),
        subjects_count=count, records_count=count * rng.choice((1, 1, 1, 2, 4)),
        identifiability=rng.choice(kind.identifiability), confidentiality=conf,
        integrity=kind.integrity, availability=kind.availability,
        protection=rng.choice(kind.protection), controller_sector=Sector.LAW_ENFORCEMENT,
        consequences=rng.choice(kind.consequences),
        mitigated=rng.choice((None, None, True, False)),
        data_detail=rng.choice((None, None, DataDetail.STANDARD, DataDetail.MINIMAL,
                                DataDetail.EXTENSIVE)))


def make_templates(rng: random.Random) -> dict[str, tuple[Template, ...]]:
    """A handful of distinct templates per kind (more for the common kinds)."""
    out: dict[str, tuple[Template, ...]] = {}
    number = 0
    for kind in ALL_KINDS:
        wanted = max(6, min(24, round(5 + kind.weight)))
        found: dict[BreachFacts, None] = {}
        for _ in range(wanted * 6):
            found.setdefault(_template_facts(kind, rng))
            if len(found) == wanted:
                break
        made = []
        for facts in found:
            made.append(Template(number, kind, facts))
            number += 1
        out[kind.key] = tuple(made)
    return out


class Engine:
    """The real engine, run once per template; a breach gets its template's assessment
    with the deadline worked out from its own time of awareness."""

    def __init__(self) -> None:
        self._done: dict[int, Assessment] = {}

    @property
    def runs(self) -> int:
        return len(self._done)

    def assess(self, template: Template, facts: BreachFacts) -> Assessment:
        result = self._done.get(template.number)
        if result is None:
            result = assess(replace(template.facts, aware_at=PLACEHOLDER_AWARE))
            self._done[template.number] = result
        deadline = deadline_for(facts.regime, facts.aware_at) if facts.aware_at else None
        return replace(result, deadline=deadline)


def discovery(rng: random.Random) -> datetime:
    """A moment in START..END, more in recent years, mostly in working hours."""
    years = list(YEAR_WEIGHTS)
    year = rng.choices(years, weights=[YEAR_WEIGHTS[y] for y in years])[0]
    first = max(START, datetime(year, 1, 1, tzinfo=UTC))
    last = min(END, datetime(year, 12, 31, 23, 59, tzinfo=UTC))
    day = first + timedelta(days=rng.randrange((last - first).days + 1))
    hour = rng.choices(range(24), weights=[1, 1, 1, 1, 1, 1, 2, 4, 8, 9, 9, 8, 7, 8, 9, 9,
                                           8, 6, 4, 3, 2, 2, 1, 1])[0]
    return min(END, day.replace(hour=hour, minute=rng.randrange(60)))


def _people(n: int | None) -> str:
    return "an unknown number of people" if n is None else PEOPLE_WORD.get(n, f"{n:,} people")


def breach_facts(template: Template, rng: random.Random, discovered: datetime,
                 team: str) -> BreachFacts:
    """The template with this breach's own title, wording and dates."""
    kind, base = template.kind, template.facts
    title = rng.choice(kind.titles)
    occurred = discovered - rng.choice((hours(rng, 0.1, 6), hours(rng, 2, 72),
                                        hours(rng, 24, 24 * 60)))
    aware = discovered + rng.choice((timedelta(0), hours(rng, 0.2, 4), hours(rng, 2, 48)))
    ended = occurred + (discovered - occurred) * rng.random() + hours(rng, 0.1, 8)
    # The app keeps times to the minute typed.
    occurred, aware, ended = (to_minute(t) for t in (occurred, aware, ended))
    processor = rng.choice(kind.processors) if kind.processors else ""
    told = bool(processor) and rng.random() < 0.7  # else we found it ourselves
    found = rng.choice(kind.found)
    summary = (f"{title} ({team}). It affected {_people(base.subjects_count)}. "
               f"{found}. {rng.choice(kind.contain)}")
    return replace(
        base, title=title, summary=summary, occurred_at=occurred, discovered_at=discovered,
        aware_at=aware, ended_at=ended, ongoing=False, how_found=found,
        found_by=rng.choice(FINDERS), processor_name=processor,
        processor_notified_at=to_minute(max(occurred, discovered - hours(rng, 0.1, 12))) if told
        else None, processor_found_by_us=(not told) if processor else None,
        aware_note=("Confirmed once the recipient replied." if aware > discovered and
                    rng.random() < 0.3 else ""))
