"""Corrective and preventive actions for the synthetic register: the budget shared over the
breaches, each action's dates (some done late, some overdue, a few never done), reviews of
effectiveness (a "not effective" one raises a follow-up, as the app does), and actions that
serve several breaches of the same kind (repeat incidents)."""

from __future__ import annotations

import bisect
import random
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from bench.synth_base import AS_OF, actor, allot, at_local, hours, local_day
from bench.synth_life import Life
from model.domain.enums import RiskLevel
from model.domain.lessons.checks import clean_action
from model.domain.lessons.records import ActionDraft, action_reference
from model.domain.lessons.taxonomy import ActionArea, ActionKind, ActionStatus, Priority, Verdict

OWNERS = (("J. Lee", "Custody inspector"), ("S. Patel", "Head of IT security"),
          ("R. Evans", "Case management manager"), ("M. Okoro", "Disclosure lead"),
          ("K. Walsh", "Neighbourhood inspector"), ("D. Murphy", "HR business partner"),
          ("L. Chen", "Information security officer"), ("A. Novak", "Estates manager"),
          ("P. Grant", "Contracts manager"), ("F. Ali", "Training lead"),
          ("G. Byrne", "Records manager"), ("T. Holt", "Digital services manager"),
          ("N. Price", "Witness care manager"), ("C. Doyle", "Professional standards"),
          ("E. Ward", "Payroll manager"), ("B. Singh", "Contact centre manager"),
          ("Data protection team", ""), ("IT service desk", ""))
GENERAL: dict[ActionArea, tuple[str, ...]] = {
    ActionArea.PEOPLE: ("Refresher training on handling personal data for the team",
                        "Briefing at the next team meeting on what went wrong",
                        "Add the incident to the induction course as a case study"),
    ActionArea.PROCESS: ("Add a second-person check before release", "Update the procedure "
                         "and publish it on the intranet", "Add the step to the team's "
                         "checklist"),
    ActionArea.TECHNOLOGY: ("Restrict access to the records involved", "Turn on alerts for "
                            "unusual access", "Remove the local copies and use the system"),
    ActionArea.THIRD_PARTY: ("Raise the incident at the supplier's contract review",
                             "Ask the supplier for its root-cause report", "Audit the "
                             "supplier's handling of force data"),
}
CORRECTIONS = ("Recover or delete the data and confirm in writing", "Ask the recipient to "
               "delete the data and confirm", "Give the people affected safety advice",
               "Retrieve the papers and check nothing is missing")
EVIDENCE = ("Written confirmation on file.", "Screenshot of the new setting attached.",
            "Training records show all staff completed it.", "Updated procedure published "
            "on the intranet.", "Supplier's confirmation letter on file.")
WONT = ("Superseded by the new records system due next year.", "Cost out of proportion to "
        "the risk; the procedure change covers it.")
ACCEPTERS = ("Chief Superintendent R. Hale", "Head of Information Management",
             "Deputy Chief Constable")
REVIEWERS = ("Information governance board", "Internal audit",
             "Head of Information Management")
NOTES = ("Checked a sample.", "No repeat in the quarter since.", "")


@dataclass
class ActionPlan:
    """One action: its draft, the breaches it serves (the first raised it) and its dates."""

    key: int
    breaches: list[Life]
    draft: ActionDraft
    raised: datetime
    raised_by: str
    settled: datetime
    settled_by: str
    completed_on: date | None = None       # None: won't do
    evidence: str = ""
    wont: tuple[str, str] = ("", "")       # reason, who accepts the risk
    started: datetime | None = None
    review_at: datetime | None = None
    verdict: Verdict | None = None
    reviewer: str = ""
    review_note: str = ""
    parent: ActionPlan | None = None
    id: int = 0
    links: list[datetime] = field(default_factory=list)  # when each breach was linked

    def status_at(self, t: datetime) -> ActionStatus:
        if self.settled <= t:
            return ActionStatus.DONE if self.completed_on else ActionStatus.WONT_DO
        if self.started is not None and self.started <= t:
            return ActionStatus.IN_PROGRESS
        return ActionStatus.OPEN


def _weight(life: Life, rng: random.Random) -> float:
    if life.created > AS_OF - timedelta(days=2):
        return 0.0
    risk = life.assessment.risk if life.assessment else None
    base = (1.2 if life.near_miss else 2.0 if risk is None else
            {RiskLevel.UNLIKELY: 2.5, RiskLevel.RISK: 5.0, RiskLevel.HIGH_RISK: 8.0}[risk])
    return base * rng.uniform(0.5, 1.5)


def _settle(plan: ActionPlan, rng: random.Random) -> None:
    """When it is done (or decided against), started and reviewed."""
    raised, due = plan.raised, plan.draft.due_on
    assert due is not None
    if rng.random() < 0.04:
        plan.settled = raised + hours(rng, 24 * 14, 24 * 200)
        plan.wont = (rng.choice(WONT), rng.choice(ACCEPTERS))
        plan.completed_on = None
    else:
        start = local_day(raised)
        roll = rng.random()
        if roll < 0.6:
            day = start + timedelta(days=int((due - start).days * rng.uniform(0.2, 1.0)))
        else:
            late = rng.uniform(1, 60) if roll < 0.9 else rng.uniform(60, 300) \
                if roll < 0.98 else rng.uniform(300, 900)
            day = due + timedelta(days=int(late))
        plan.settled = max(at_local(day, rng.randrange(8, 18), rng.randrange(60)),
                           raised + hours(rng, 1, 8))
        plan.completed_on = local_day(plan.settled)
        plan.evidence = rng.choice(EVIDENCE)
    plan.settled_by = actor(rng, plan.settled)
    if rng.random() < 0.6:
        plan.started = raised + (plan.settled - raised) * rng.uniform(0.05, 0.5)
    review_on = plan.draft.review_on
    if plan.completed_on is not None and review_on is not None:
        plan.review_at = at_local(max(review_on, plan.completed_on + timedelta(days=7)), 11)
        roll = rng.random()
        plan.verdict = (Verdict.EFFECTIVE if roll < 0.8 else Verdict.PARTLY if roll < 0.95
                        else Verdict.NOT_EFFECTIVE)
        plan.reviewer, plan.review_note = rng.choice(REVIEWERS), rng.choice(NOTES)


def _draft(life: Life, rng: random.Random, first: bool, raised: datetime) -> ActionDraft:
    kind = life.template.kind
    owner, role = rng.choice(OWNERS)
    day = local_day(raised)
    if first:
        return ActionDraft(ActionKind.CORRECTION, rng.choice(CORRECTIONS), owner,
                           day + timedelta(days=rng.choice((2, 3, 5, 7))), Priority.HIGH,
                           ActionArea.PROCESS, role)
    area = rng.choice(list(ActionArea))
    text = rng.choice(kind.fixes) if kind.fixes and rng.random() < 0.6 else \
        rng.choice(GENERAL[area])
    due = day + timedelta(days=rng.choice((14, 30, 30, 45, 60, 90, 180)))
    review = due + timedelta(days=rng.choice((30, 60, 90))) if rng.random() < 0.5 else None
    promised = due if life.filings and rng.random() < 0.3 else None
    return ActionDraft(rng.choice((ActionKind.CORRECTIVE, ActionKind.PREVENTIVE)), text, owner,
                       due, rng.choice((Priority.HIGH, Priority.MEDIUM, Priority.MEDIUM,
                                        Priority.LOW)), area, role,
                       f"Primary cause: {life.cause.label.split(' (')[0].lower()}",
                       promised, review)


def _partners(life: Life, lives: list[Life], by_kind: dict[str, list[tuple[datetime, int]]],
              rng: random.Random) -> list[Life]:
    """Earlier breaches of the same kind in the last 60 days (a repeat incident)."""
    seen = by_kind[life.template.kind.key]
    lo = bisect.bisect_left(seen, (life.created - timedelta(days=60), -1))
    hi = bisect.bisect_left(seen, (life.created, -1))
    pool = [lives[i] for _, i in seen[lo:hi] if i != life.idx]
    return rng.sample(pool, min(len(pool), rng.choice((1, 1, 2)))) if pool else []


def plan_actions(lives: list[Life], total: int, rng: random.Random) -> list[ActionPlan]:
    """`total` actions over the breaches, in id order (the order they were raised)."""
    counts = allot(total, [_weight(life, rng) for life in lives])
    by_kind: dict[str, list[tuple[datetime, int]]] = {}
    for life in lives:
        by_kind.setdefault(life.template.kind.key, []).append((life.created, life.idx))
    plans: list[ActionPlan] = []
    for life, n in zip(lives, counts, strict=True):
        pending: ActionPlan | None = None
        for k in range(n):
            if pending is not None:
                plan = _follow_up(pending, len(plans), rng)
            else:
                first = k == 0 and not life.near_miss and rng.random() < 0.7
                raised = life.created + (hours(rng, 0.3, 72) if first else
                                         hours(rng, 24, 24 * 60))
                if raised > AS_OF:
                    raised = life.created + (AS_OF - life.created) * rng.uniform(0.2, 0.95)
                draft = clean_action(_draft(life, rng, first, raised), local_day(raised))
                links = [life]
                if not first and rng.random() < 0.08:
                    links += _partners(life, lives, by_kind, rng)
                plan = ActionPlan(len(plans), links, draft, raised, actor(rng, raised),
                                  raised, "")
                _settle(plan, rng)
            plans.append(plan)
            pending = None
            if plan.verdict is Verdict.NOT_EFFECTIVE and plan.review_at is not None \
                    and plan.review_at <= AS_OF:
                if k + 1 < n:
                    pending = plan
                else:
                    plan.verdict = Verdict.PARTLY
    plans.sort(key=lambda p: (p.raised, p.key))
    for number, plan in enumerate(plans, 1):
        plan.id = number
    name_follow_ups(plans)
    return plans


def _follow_up(parent: ActionPlan, key: int, rng: random.Random) -> ActionPlan:
    """What review_action raises for a 'not effective' verdict: same breaches and owner,
    due in 30 days (the description is written once the parent's number is known)."""
    assert parent.review_at is not None
    d = parent.draft
    draft = ActionDraft(ActionKind.CORRECTIVE, d.description, d.owner,
                        local_day(parent.review_at) + timedelta(days=30), d.priority, d.area,
                        d.owner_role, d.addresses)
    plan = ActionPlan(key, list(parent.breaches), draft, parent.review_at,
                      actor(rng, parent.review_at), parent.review_at, "", parent=parent)
    _settle(plan, rng)  # no review date: a follow-up is not reviewed again here
    return plan


def name_follow_ups(plans: list[ActionPlan]) -> None:
    """A follow-up's description names its parent, as review_action writes it."""
    for plan in plans:
        parent = plan.parent
        if parent is None:
            continue
        note = f" ({parent.review_note.rstrip('.')})" if parent.review_note else ""
        text = (f"Follow-up of {action_reference(parent.id)}, found not effective{note}: "
                f"{parent.draft.description}")
        plan.draft = replace(plan.draft, description=text[:5_000])

