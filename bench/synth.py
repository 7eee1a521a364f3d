"""A deterministic synthetic vault at a large organisation's scale: years of a police
force's breach register (breaches and near misses, triage, assessments by the real engine,
decisions, ICO filings, lessons, corrective actions, letters and a contact log).

    from bench.synth import Scale, SMALL, populate
    built = populate(ctx, Scale())          # ctx: an open, empty AppContext

Same scale, same data (vault keys and ids of nothing else differ). Dates run from
2019-01-01 to 2026-11-30 and nothing is recorded after 2 December 2026 08:00 UTC
(synth_base.AS_OF): open the vault with a clock after that. Rows are written in bulk with
the app's own mapping functions; `python -m bench.synth [folder]` times a full-scale run.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select

from bench import synth_rows as rows
from bench.synth_actions import ActionPlan, plan_actions
from bench.synth_base import START
from bench.synth_case import Extra, freeze_assessment
from bench.synth_facts import Engine, make_templates
from bench.synth_ico import freeze_filings, freeze_letter, render_one_pdf
from bench.synth_life import Life
from bench.synth_people import People, eligible, plan_contacts, share
from bench.synth_plan import plan_closing, plan_lives, play
from model.domain.snapshot import sha256_hex
from model.services.context import AppContext
from model.storage.orm import BreachRow

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Scale:
    breaches: int = 10_000
    actions: int = 50_000
    recipients: int = 100_000
    seed: int = 20261202


SMALL = Scale(200, 1_000, 2_000)   # the CI test's scale


@dataclass(frozen=True)
class Built:
    """What populate wrote, and how long it took."""

    breaches: int
    near_misses: int
    filings: int
    actions: int
    recipients: int
    contacts: int
    seconds: float
    letter_breach_id: int   # notified, high risk, 1,000 recipients (the letter merge)
    seed_breach_id: int     # the motivating case: assessed, decided, filed


def _number(lives: list[Life], extras: list[Extra], groups: list[People]) -> None:
    """Ids in the order the app would have handed them out (the order of recording)."""
    assessed = sorted((life for life in lives if life.assessed_at),
                      key=lambda x: x.assessed_at or START)
    for number, life in enumerate(assessed, 1):
        extras[life.idx].assessment_id = number
    decided = sorted((life for life in lives if life.decided_rec),
                     key=lambda x: x.decided_rec or START)
    for number, life in enumerate(decided, 1):
        extras[life.idx].decision_id = number
    filings = sorted((f for life in lives for f in life.filings), key=lambda f: f.rec)
    for number, filing in enumerate(filings, 1):
        filing.id = number
    first = 1
    for g in sorted(groups, key=lambda g: g.import_at):
        g.first_id, first = first, first + g.count


def _check_empty(ctx: AppContext) -> None:
    with ctx.db.unit() as session:
        if session.scalar(select(func.count(BreachRow.id))):
            raise ValueError("populate fills an empty vault; this one holds breaches")


def populate(ctx: AppContext, scale: Scale = Scale(),
             progress: Progress | None = None) -> Built:
    """Fill an open, empty vault (model.services.context.AppContext)."""
    start = time.perf_counter()
    total = 2 * scale.breaches + scale.actions + scale.recipients
    tell = progress or (lambda done, of: None)
    _check_empty(ctx)
    rng = random.Random(scale.seed)
    engine = Engine()
    lives = plan_lives(scale.breaches, rng, make_templates(rng), engine)
    play(lives, rng, engine)
    actions = plan_actions(lives, scale.actions, rng)
    groups = eligible(lives, rng)
    letter = next((g for g in groups if g.life.keep_open), None)
    share(groups, scale.recipients, letter, rng)
    for g in groups:
        plan_contacts(g, rng)
    plan_closing(lives, actions, rng)
    tell(scale.breaches // 2, total)

    extras = [Extra() for _ in lives]
    for plan in actions:
        for life in plan.breaches:
            extras[life.idx].actions.append(plan)
    for g in groups:
        extras[g.life.idx].people = g
    _number(lives, extras, groups)
    for life, extra in zip(lives, extras, strict=True):
        if life.assessment is not None:
            freeze_assessment(life, extra)
    for life, extra in zip(lives, extras, strict=True):
        freeze_filings(life, extra)
        if extra.people is not None and extra.people.count:
            freeze_letter(life, extra)
    seed = lives[[life.follow_advice and not life.keep_open for life in lives].index(True)]
    pdf = render_one_pdf(seed, extras[seed.idx])
    tell(scale.breaches, total)

    counts = _write(ctx, lives, extras, actions, groups, pdf, scale, tell, total)
    letter_id = letter.life.id if letter is not None and letter.count else max(
        groups, key=lambda g: g.count).life.id if groups else 0
    return Built(breaches=len(lives), near_misses=sum(life.near_miss for life in lives),
                 filings=counts["filing"], actions=counts["action"],
                 recipients=counts["recipient"], contacts=counts["contact"],
                 seconds=time.perf_counter() - start, letter_breach_id=letter_id,
                 seed_breach_id=seed.id)


def _write(ctx: AppContext, lives: list[Life], extras: list[Extra],
           actions: list[ActionPlan], groups: list[People], pdf: bytes, scale: Scale,
           tell: Progress, total: int) -> dict[str, int]:
    db, t = ctx.db, rows.TABLES
    entries = rows.timeline(lives, extras, actions, sha256_hex(pdf))
    updated = {life.id: life.created for life in lives}
    for rec, _, breach_id, *_ in entries:
        updated[breach_id] = max(updated[breach_id], rec)
    tags: list[rows.Row] = []
    reports: list[rows.Row] = []
    links: list[rows.Row] = []
    contacts: list[rows.Row] = []
    letters: list[rows.Row] = []
    n: dict[str, int] = {}
    n["organisation"] = rows.insert(db, t["organisation"], [rows.organisation_row()])
    facts: list[rows.Row] = []
    n["breach"] = rows.insert(db, t["breach"], rows.breach_rows(lives, updated, tags, facts),
                              lambda k: tell(scale.breaches + k, total))
    n["facts"] = rows.insert(db, t["facts"], facts)
    n["tag"] = rows.insert(db, t["tag"], tags)
    n["assessment"] = rows.insert(db, t["assessment"], rows.assessment_rows(lives, extras))
    n["decision"] = rows.insert(db, t["decision"], rows.decision_rows(lives, extras))
    n["timeline"] = rows.insert(db, t["timeline"], (
        {"id": i, "breach_id": b, "at": at, "kind": kind, "text": text, "actor": who,
         "recorded_at": rec} for i, (rec, at, b, kind, text, who) in enumerate(entries, 1)))
    n["filing"] = rows.insert(db, t["filing"], rows.ico_rows(lives, extras, pdf, reports))
    n["report"] = rows.insert(db, t["report"], reports)
    n["lessons"] = rows.insert(db, t["lessons"], rows.lessons_rows(lives))
    n["action"] = rows.insert(db, t["action"], rows.action_rows(actions, links),
                              lambda k: tell(2 * scale.breaches + k, total))
    n["link"] = rows.insert(db, t["link"], links)
    by_id = {life.id: extra for life, extra in zip(lives, extras, strict=True)}
    n["recipient"] = rows.insert(
        db, t["recipient"], rows.people_rows(groups, by_id, contacts, letters),
        lambda k: tell(2 * scale.breaches + scale.actions + k, total))
    n["letter"] = rows.insert(db, t["letter"], letters)
    n["contact"] = rows.insert(db, t["contact"], contacts)
    tell(total, total)
    return n


def main(argv: list[str]) -> int:
    """Populate a new vault at full scale in `argv[0]` (default: a temporary folder) and
    print what was made, how long it took, the vault's size and the peak memory."""
    import resource
    import sys
    import tempfile
    from pathlib import Path

    from model.services import vaults

    folder = Path(argv[0]) if argv else Path(tempfile.mkdtemp(prefix="synth-")) / "vault"
    ctx = vaults.create(folder, "benchmark passphrase", use_keyring=False)
    try:
        built = populate(ctx, Scale(), lambda done, total: print(
            f"\r{100 * done // total:3d}%", end="", file=sys.stderr, flush=True))
    finally:
        ctx.close()
    size = sum(p.stat().st_size for p in folder.iterdir() if p.is_file())
    print(f"\n{built}\nvault {folder}: {size / 1e6:.0f} MB; peak RSS "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv[1:]))
