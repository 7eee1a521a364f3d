"""The synthetic vault (bench/synth.py) at CI scale on real encrypted vaults: it holds what
the scale asks, is the same every time, and everything in it reads back through the app's
own services as if a DPO had recorded it."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from bench.synth import SMALL, Built, Scale, populate
from model.domain.closing import close_problems
from model.domain.enums import BreachStatus, Regime, RiskLevel
from model.domain.facts import facts_from_document
from model.domain.lessons.taxonomy import ActionStatus
from model.domain.people.contacts import Outcome
from model.domain.risk import assess, assessment_to_document
from model.domain.risk.stored import result_from_document
from model.storage import keyfile

AFTER = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)  # a clock just after the register's end
DATA = Path(__file__).resolve().parents[1] / "data"


def _vault(folder: Path) -> Any:
    from model.services import vaults

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(keyfile, "DEFAULT_KDF", keyfile.KdfParams(n=2**10, r=8, p=1))
        return vaults.create(folder, "benchmark passphrase", use_keyring=False,
                             clock=lambda: AFTER)


def _made(ctx: Any, built: Built) -> dict[str, Any]:
    """What two populates must agree on (read back through the services)."""
    rows = ctx.register.rows()
    letter = ctx.cases.load(built.letter_breach_id)
    return {
        "built": replace(built, seconds=0.0),
        "breaches": [(s.reference, s.title, s.status, s.near_miss, s.regime, s.aware_at)
                     for s in ctx.breaches.list()],
        "register": [(r.reference, r.risk_level, r.notify_ico, r.notify_subjects, r.team,
                      r.incident_type, r.processor, r.subjects_count) for r in rows],
        "actions": [(a.id, a.description, a.owner, a.due_on, a.status, a.breach_refs)
                    for a in ctx.register.actions()],
        "letters": [(r.name, r.lines, r.postcode, r.email) for r in letter.recipients],
        "timeline": [(e.id, e.at, e.kind, e.text, e.actor, e.recorded_at)
                     for e in letter.timeline],
        "filings": [(f.id, f.filed_at, f.snapshot_sha256, f.pdf_sha256)
                    for f in ctx.cases.load(built.seed_breach_id).filings + letter.filings],
    }


@pytest.fixture(scope="module")
def vault(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, Built, list]]:  # type: ignore[type-arg]
    ctx = _vault(tmp_path_factory.mktemp("synth") / "vault")
    calls: list[tuple[int, int]] = []
    built = populate(ctx, SMALL, lambda done, total: calls.append((done, total)))
    yield ctx, built, calls
    ctx.close()


@pytest.fixture(scope="module")
def cases(vault: tuple[Any, Built, list]) -> list[Any]:  # type: ignore[type-arg]
    ctx = vault[0]
    return [ctx.cases.load(s.id) for s in ctx.breaches.list()]


def test_counts_match_the_scale(vault, cases) -> None:  # type: ignore[no-untyped-def]
    ctx, built, calls = vault
    assert (built.breaches, built.actions, built.recipients) == (200, 1_000, 2_000)
    assert len(cases) == 200 and ctx.breaches.count() == 200
    assert len(ctx.register.actions()) == 1_000
    assert sum(len(c.recipients) for c in cases) == 2_000
    assert sum(len(c.contacts) for c in cases) == built.contacts >= 0.9 * built.recipients
    assert sum(len(c.filings) for c in cases) == built.filings > 0
    assert sum(c.breach.near_miss for c in cases) == built.near_misses
    assert 0.05 <= built.near_misses / built.breaches <= 0.3
    assert calls and calls[-1][0] == calls[-1][1] and all(d <= t for d, t in calls)


def test_the_register_looks_like_years_of_a_police_force(cases) -> None:  # type: ignore[no-untyped-def]
    years = Counter(c.breach.created_at.year for c in cases)
    assert min(years) == 2019 and max(years) == 2026 and years[2025] > years[2019]
    regimes = Counter(c.facts.regime for c in cases)
    assert regimes[Regime.UK_GDPR] > regimes[Regime.DPA2018_PART3] > 0.2 * len(cases)
    old = [c for c in cases if c.breach.created_at.year <= 2023]
    assert sum(c.breach.status is BreachStatus.CLOSED for c in old) >= 0.9 * len(old)
    for c in cases:
        if c.breach.status in (BreachStatus.OPEN, BreachStatus.ASSESSED):
            assert c.breach.created_at.year >= 2024, c.breach.reference
    risks = Counter(c.latest_assessment.result.risk for c in cases if c.latest_assessment)
    assert risks[RiskLevel.UNLIKELY] > risks[RiskLevel.HIGH_RISK] > 0
    assert len({c.facts.processor_name for c in cases} - {""}) >= 2
    assert max(c.facts.subjects_count or 0 for c in cases) >= 1_000
    assert all(c.lessons is not None for c in cases if c.breach.status is BreachStatus.CLOSED)


def test_every_case_reads_back_as_if_recorded_by_hand(cases) -> None:  # type: ignore[no-untyped-def]
    for case in cases:
        if case.breach.status is BreachStatus.CLOSED:
            assert close_problems(case) == [], case.breach.reference
        if case.breach.status is BreachStatus.NOTIFIED:
            assert case.filings and case.breach.notified_at == case.filings[0].filed_at
        latest = case.latest_assessment
        if latest is not None:  # the reused assessment is what the engine says now
            fresh = assessment_to_document(assess(case.facts))
            assert latest.result == result_from_document(json.loads(json.dumps(fresh)))
            assert not case.assessment_is_stale()
        first = min(case.timeline, key=lambda e: (e.recorded_at, e.id))
        assert first.kind == "created" and case.breach.reference in first.text
        assert first.recorded_at == case.breach.created_at


def test_register_statistics_and_sheets_build(vault, cases) -> None:  # type: ignore[no-untyped-def]
    ctx = vault[0]
    rows = ctx.register.rows()
    assert [r.reference for r in rows] == sorted(c.breach.reference for c in cases)
    stats = ctx.register.statistics(date(2019, 1, 1), date(2026, 12, 31))
    assert stats is not None
    register, actions = ctx.register.sheets()
    assert len(register.rows) == 200 and len(actions.rows) == 1_000
    assert sum(r.actions_overdue for r in rows) > 0
    by_id = {c.id: c for c in cases}
    for row in rows:  # the query columns agree with the records they copy
        case = by_id[row.id]
        latest, decision = case.latest_assessment, case.latest_decision
        assert row.risk_level == (latest.result.risk if latest else None)
        assert row.notify_ico == (decision.notify_ico if decision else None)
        assert row.incident_type == (case.lessons.incident_type if case.lessons else None)
        assert row.actions_open == sum(a.is_open for a in case.corrective_actions)
        assert (row.people_told_at is None) == (not any(
            c.outcome is Outcome.DELIVERED for c in case.contacts))
        assert case.breach.updated_at == max(e.recorded_at for e in case.timeline)
    tagged = ctx.breaches.count_by("data_category")
    assert tagged == Counter(v.value for c in cases for v in c.facts.data_categories)
    assert ctx.register.annual_document(2025).sections


def test_ico_drafts_and_filed_pdfs_of_notified_breaches(vault, cases) -> None:  # type: ignore[no-untyped-def]
    ctx, built, _ = vault
    filed = [c for c in cases if c.filings]
    assert len(filed) >= 10
    for case in filed:
        assert ctx.ico.draft(case.id).sections
    pdf = ctx.ico.filed_pdf(filed[0].filings[0].id)  # checked against its SHA-256
    assert pdf.startswith(b"%PDF")
    seed = ctx.cases.load(built.seed_breach_id)
    doc = json.loads((DATA / "seed-case.json").read_text(encoding="utf-8"))
    assert replace(seed.facts, title="") == facts_from_document(doc)
    assert seed.assessments and seed.decisions and seed.filings


def test_actions_readable_through_the_services(vault, cases) -> None:  # type: ignore[no-untyped-def]
    ctx = vault[0]
    every = ctx.register.actions()
    assert {a.status for a in every} == set(ActionStatus)
    assert any(len(a.breach_ids) > 1 for a in every)
    assert any(a.overdue(date(2026, 12, 2)) for a in every)
    for case in cases[::10]:
        assert ctx.lessons.actions_for(case.id) == list(case.corrective_actions)
    one = every[0]
    assert ctx.lessons.action(one.id) == one


def test_recipients_and_contacts_readable_through_the_services(vault) -> None:  # type: ignore[no-untyped-def]
    ctx, built, _ = vault
    letter = ctx.cases.load(built.letter_breach_id)
    assert letter.breach.status is BreachStatus.NOTIFIED
    assert letter.latest_decision is not None and letter.latest_decision.notify_subjects
    assert len(letter.recipients) >= 1_000 and letter.letters
    outcomes = Counter(c.outcome for c in letter.contacts)
    assert outcomes[Outcome.DELIVERED] > 0.8 * len(letter.recipients)
    assert ctx.people.told_answer(letter.id).status.total == len(letter.recipients)
    first = [r.id for r in letter.recipients[:3]]
    assert len(ctx.people.printed(letter.id, recipient_ids=first)) == 3


def test_same_scale_same_data(vault, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ctx, built, _ = vault
    again = _vault(tmp_path / "again")
    try:
        second = populate(again, SMALL)
        assert _made(again, second) == _made(ctx, built)
    finally:
        again.close()
    other = _vault(tmp_path / "other")
    try:
        third = populate(other, replace(SMALL, seed=7))
        assert _made(other, third)["breaches"] != _made(ctx, built)["breaches"]
    finally:
        other.close()


def test_a_breach_recorded_afterwards_gets_the_next_reference(tmp_path: Path) -> None:
    ctx = _vault(tmp_path / "vault")
    try:
        populate(ctx, Scale(30, 100, 50))
        last = max(s.reference for s in ctx.breaches.list() if s.reference.startswith("BR-2026"))
        doc = json.loads((DATA / "seed-case.json").read_text(encoding="utf-8"))
        made = ctx.breaches.create(facts_from_document(doc))
        assert made.reference == f"BR-2026-{int(last[8:]) + 1:04d}"
        with pytest.raises(ValueError):
            populate(ctx, Scale(30, 100, 50))  # only into an empty vault
    finally:
        ctx.close()


def test_opening_any_breach_leaves_nothing_unsaved(vault, qtbot) -> None:  # type: ignore[no-untyped-def]
    # Years of varied records, older answers included: opening one must never look edited
    # (it would ask "Save changes?" on the way back, and the benchmark would hang on it).
    from gui.main_window import MainWindow

    ctx = vault[0]
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    edited = []
    for summary in ctx.breaches.list():
        window.open_breach(summary.id)
        workspace = window.workspace()
        assert workspace is not None
        edited += [(summary.reference, page.KEY) for page in workspace.unsaved_steps()]
        workspace.discard_all()
        workspace.close_workspace()
    assert edited == []


def test_actions_read_as_tuples_match_the_orm_mapping(vault) -> None:  # type: ignore[no-untyped-def]
    # The register reads every action from plain driver tuples; they must be exactly what
    # the ORM mapping makes of the same rows (every status, verdict and date present).
    from sqlalchemy import select

    from model.services.lessons import read_actions
    from model.storage import mapping_lessons
    from model.storage.orm import BreachRow
    from model.storage.orm_lessons import ActionBreachRow, ActionRow

    ctx = vault[0]
    with ctx.db.read() as session:
        fast = read_actions(session)
        links: dict[int, list[tuple[int, str]]] = {}
        for action_id, b_id, ref in session.execute(
                select(ActionBreachRow.action_id, BreachRow.id, BreachRow.reference)
                .join(BreachRow, BreachRow.id == ActionBreachRow.breach_id)):
            links.setdefault(action_id, []).append((b_id, ref))
        slow = [mapping_lessons.to_action(r, links.get(r.id, ()))
                for r in session.scalars(select(ActionRow).order_by(ActionRow.id))]
        one = slow[0].breach_ids[0]
        assert read_actions(session, one) == [a for a in slow if one in a.breach_ids]
    assert fast == slow and len(fast) == 1_000
    assert {a.status for a in fast} == set(ActionStatus)
    assert any(a.verdict for a in fast) and any(a.completed_on for a in fast)
