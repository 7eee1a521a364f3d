"""What every part of the synthetic register shares: its fixed calendar (no clock is read),
the organisation, the people who act in it, and small random helpers."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from model.domain.clock import to_zone
from model.domain.enums import Regime, Sector
from model.domain.records import OrganisationProfile

# Breaches are discovered between these two moments; nothing is recorded after AS_OF, the
# moment the register is "as of" (so a vault opened later shows the same state).
START = datetime(2019, 1, 1, tzinfo=UTC)
END = datetime(2026, 11, 30, 23, 59, tzinfo=UTC)
AS_OF = datetime(2026, 12, 2, 8, 0, tzinfo=UTC)
ZONE = "Europe/London"

# More breaches are logged each year (better reporting culture, more digital records).
YEAR_WEIGHTS: dict[int, float] = {2019: 0.7, 2020: 0.75, 2021: 0.85, 2022: 0.95,
                                  2023: 1.05, 2024: 1.2, 2025: 1.35, 2026: 1.5}

ORGANISATION = OrganisationProfile(
    name="Northshire Police", address="Force Headquarters, 1 Station Road, Northtown NT1 1AA",
    sector=Sector.LAW_ENFORCEMENT, ico_registration="Z7654321", dpo_name="Alex Morgan",
    dpo_email="dpo@northshire.police.example", dpo_phone="01632 960000",
    default_regime=Regime.DPA2018_PART3, time_zone=ZONE)

# Who ran the breach desk when: the DPO changed in 2023; a deputy shares the work.
DPOS = ((date(2019, 1, 1), "Ruth Adebayo"), (date(2023, 4, 1), "Alex Morgan"))
DEPUTIES = ("Tom Reilly", "Priya Shah", "Hannah Cole")


@dataclass
class Ev:
    """One timeline entry to write: when it happened, when it was recorded, what."""

    at: datetime
    rec: datetime
    kind: str
    text: str
    actor: str


def local_day(at: datetime) -> date:
    """The organisation's calendar date of a moment (due dates are calendar dates)."""
    return to_zone(at, ZONE).date()



def at_local(day: date, hour: int, minute: int = 0) -> datetime:
    """A moment on a calendar day, in the organisation's zone, as UTC."""
    from zoneinfo import ZoneInfo

    return datetime(day.year, day.month, day.day, hour, minute,
                    tzinfo=ZoneInfo(ZONE)).astimezone(UTC)


def dpo_on(at: datetime) -> str:
    name = DPOS[0][1]
    for since, who in DPOS:
        if local_day(at) >= since:
            name = who
    return name


def actor(rng: random.Random, at: datetime) -> str:
    """Who records something: the DPO of the day, or one of the deputies."""
    return dpo_on(at) if rng.random() < 0.7 else rng.choice(DEPUTIES)


def hours(rng: random.Random, low: float, high: float) -> timedelta:
    """A span between `low` and `high` hours, short ones likelier (log-uniform)."""
    low = max(low, 1 / 60)
    return timedelta(hours=low * (high / low) ** rng.random())


def minutes(rng: random.Random, low: float, high: float) -> timedelta:
    return timedelta(minutes=rng.uniform(low, high))


def allot(total: int, weights: list[float], caps: list[int] | None = None) -> list[int]:
    """`total` shared out in proportion to `weights`, never above a cap where caps are given
    (what cannot be placed is left off: the caller checks the sum)."""
    n = len(weights)
    out = [0] * n
    cap = caps if caps is not None else [total] * n
    left = total
    while left > 0:
        live = [i for i in range(n) if weights[i] > 0 and out[i] < cap[i]]
        if not live:
            break
        mass = sum(weights[i] for i in live)
        shares = [(i, min(left * weights[i] / mass, cap[i] - out[i])) for i in live]
        placed = 0
        for i, share in shares:
            out[i] += int(share)
            placed += int(share)
        left -= placed
        if placed == 0:  # less than one each: singles to the largest shares
            for i, _ in sorted(shares, key=lambda x: (-x[1], x[0]))[:left]:
                out[i] += 1
                left -= 1
    return out
