"""The register's breaches planned in order: who, what and when for each (plus the motivating
case and the breach that gets the letter-merge benchmark's 1,000 recipients), references
in the app's scheme, each life played through, and which breaches could be closed."""

from __future__ import annotations

import json
import random
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.synth_actions import ActionPlan
from bench.synth_base import AS_OF, START, actor, hours
from bench.synth_facts import ALL_KINDS, Engine, Template, breach_facts, discovery
from bench.synth_life import (
    Life,
    plan_assessment,
    plan_decision,
    plan_filings,
    plan_lessons,
    plan_start,
)
from model.domain.enums import BreachStatus, Regime
from model.domain.facts import BreachFacts, facts_from_document
from model.domain.lessons.taxonomy import Cause
from model.domain.validation import check_facts

SEED_CASE = Path(__file__).resolve().parents[1] / "tests" / "data" / "seed-case.json"
SEED_TITLE = "ASB case list published on a public police website"
LETTER_DISCOVERED = datetime(2026, 6, 16, 9, 40, tzinfo=UTC)
NEAR_MISS_FACTOR = 0.85  # the kinds' own shares come to ~17.5%; a register shows ~15%


def seed_facts() -> BreachFacts:
    """The motivating case exactly as tests/data/seed-case.json has it, with a title."""
    doc = json.loads(SEED_CASE.read_text(encoding="utf-8"))
    return replace(facts_from_document(doc), title=SEED_TITLE)


def _kind(key: str):  # type: ignore[no-untyped-def]
    return next(k for k in ALL_KINDS if k.key == key)


def _created(facts: BreachFacts, rng: random.Random) -> datetime:
    assert facts.aware_at is not None
    created = facts.aware_at + hours(rng, 0.2, 72)
    if created > AS_OF - timedelta(hours=1):
        created = facts.aware_at + (AS_OF - facts.aware_at) * rng.uniform(0.05, 0.5)
    return created


def _life(template: Template, rng: random.Random, discovered: datetime) -> Life:
    kind = template.kind
    team = rng.choice(kind.teams)
    facts = breach_facts(template, rng, discovered, team)
    near = rng.random() < kind.near_miss * NEAR_MISS_FACTOR
    created = _created(facts, rng)
    if facts.ended_at is not None and facts.ended_at > created:  # known when recorded
        facts = replace(facts, ended_at=created - (created - facts.occurred_at) * 0.1
                        if facts.occurred_at else created)
    check_facts(facts, created)
    return Life(-1, template, facts, near, created, team, rng.choice(kind.causes))


def _seed_life(templates: dict[str, tuple[Template, ...]]) -> Life:
    facts = seed_facts()
    assert facts.aware_at is not None
    kind = _kind("published")
    bare = replace(facts, title="", summary="", occurred_at=None, discovered_at=None,
                   aware_at=None)
    number = sum(len(t) for t in templates.values())
    life = Life(-1, Template(number, kind, bare), facts, False,
                facts.aware_at + timedelta(minutes=20), "Neighbourhood policing",
                Cause.THIRD_PARTY, follow_advice=True)
    check_facts(facts, life.created)
    return life


def _letter_life(templates: dict[str, tuple[Template, ...]], engine: Engine,
                 rng: random.Random) -> Life:
    """A high-risk UK GDPR breach affecting thousands, decided 'tell them': its letters
    are the benchmark's 1,000-letter merge."""
    options = [t for t in templates["victim_list"]
               if (t.facts.subjects_count or 0) >= 1_200 and t.facts.regime is Regime.UK_GDPR
               and engine.assess(t, t.facts).notify_data_subjects]
    template = options[0] if options else Template(
        templates["victim_list"][0].number, _kind("victim_list"),
        replace(templates["victim_list"][0].facts, regime=Regime.UK_GDPR,
                subjects_count=2_400, records_count=2_400))
    life = _life(template, rng, LETTER_DISCOVERED)
    life.near_miss, life.keep_open, life.follow_advice = False, True, True
    return life


def plan_lives(count: int, rng: random.Random, templates: dict[str, tuple[Template, ...]],
               engine: Engine) -> list[Life]:
    """`count` breaches in the order they were recorded, with their references."""
    lives = [_seed_life(templates), _letter_life(templates, engine, rng)][:count]
    weights = [k.weight for k in ALL_KINDS]
    for _ in range(count - len(lives)):
        kind = rng.choices(ALL_KINDS, weights=weights)[0]
        lives.append(_life(rng.choice(templates[kind.key]), rng, discovery(rng)))
    lives.sort(key=lambda life: life.created)
    numbers: dict[int, int] = {}
    for idx, life in enumerate(lives):
        life.idx = idx
        year = life.created.year  # BreachService._next_reference: the year of recording
        numbers[year] = numbers.get(year, 0) + 1
        life.reference = f"BR-{year}-{numbers[year]:04d}"
    return lives


def play(lives: list[Life], rng: random.Random, engine: Engine) -> None:
    """Each breach's response, as far as the calendar reaches by AS_OF."""
    for life in lives:
        plan_start(life, rng)
        plan_assessment(life, rng, engine)
        plan_decision(life, rng)
        plan_filings(life, rng)
        plan_lessons(life, rng)


def plan_closing(lives: list[Life], actions: list[ActionPlan], rng: random.Random) -> None:
    """Close each breach once everything closing needs is done: lessons complete, every
    action settled, the people told, a decision (or a near miss) — if that is by AS_OF."""
    settled: dict[int, datetime] = {}
    blocked: set[int] = set()
    for plan in actions:
        for life in plan.breaches:
            if plan.settled > AS_OF:
                blocked.add(life.idx)
            settled[life.idx] = max(settled.get(life.idx, START), plan.settled)
    for life in lives:
        if life.keep_open or life.idx in blocked or life.lessons_at is None:
            continue
        if life.near_miss:
            if life.status not in (BreachStatus.OPEN, BreachStatus.ASSESSED):
                continue
        elif life.status not in (BreachStatus.NOTIFIED, BreachStatus.NOT_NOTIFIABLE):
            continue
        if life.tells_people and life.told_at is None:
            continue
        moments = [life.last_rec(), life.lessons_at, settled.get(life.idx, START),
                   *(f.rec for f in life.filings), *(at for at, *_ in life.answers)]
        if life.told_at is not None:
            moments.append(life.told_at)
        closed = max(moments) + hours(rng, 24, 24 * 21)
        if closed <= AS_OF:
            life.closed_at = closed
            life.move(BreachStatus.CLOSED, closed, closed, "", actor(rng, closed))
