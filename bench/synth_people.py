"""The people told of high-risk breaches: recipients shared over the breaches whose
decision says to tell them (one breach gets the 1,000 the letter-merge benchmark needs),
their addresses (unique per breach, valid UK postcodes), and the contact log: letters and
emails in one or two waves, some returned, then phone calls."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bench.synth_base import AS_OF, actor, allot, hours, minutes
from bench.synth_life import Life
from model.domain.enums import DataCategory
from model.domain.people.contacts import Channel, Outcome
from model.domain.people.recipients import RecipientDraft, check_recipient

FIRST = ("Aisha", "Ben", "Carys", "Daniel", "Eleanor", "Farhan", "Grace", "Harry", "Imran",
         "Jade", "Kieran", "Leah", "Mohammed", "Niamh", "Oliver", "Priya", "Quentin",
         "Rosa", "Samuel", "Tariq", "Una", "Victor", "Wendy", "Yusuf", "Zoe", "Amelia",
         "Bartosz", "Chloe", "Dmitri", "Emeka", "Fiona", "George", "Hannah", "Isla",
         "Jakub", "Kofi", "Lucy", "Martin", "Nadia", "Owen", "Paula", "Rhys", "Sian",
         "Tomasz", "Uma", "Will", "Xin", "Yasmin")
LAST = ("Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson",
        "Thomas", "Johnson", "Roberts", "Robinson", "Thompson", "Wright", "Walker", "White",
        "Edwards", "Hughes", "Green", "Hall", "Lewis", "Harris", "Clarke", "Patel",
        "Jackson", "Wood", "Turner", "Martin", "Cooper", "Hill", "Ward", "Morris", "Moore",
        "Clark", "Lee", "King", "Baker", "Harrison", "Morgan", "Allen", "James", "Scott",
        "Kowalski", "Nowak", "Khan", "Ahmed", "Begum", "Okafor")
STREETS = ("Mill Lane", "Church Street", "Station Road", "High Street", "Victoria Road",
           "Green Lane", "Manor Road", "Park Avenue", "Queens Road", "New Street",
           "Kings Road", "Grange Road", "School Lane", "The Crescent", "Orchard Close",
           "Windsor Road", "Chapel Street", "Elm Grove", "Mount Pleasant", "Springfield Road",
           "Albert Road", "Highfield Road", "Alexandra Road", "York Road", "Broadway",
           "Willow Way", "Meadow View", "Riverside", "North Street", "South Street",
           "West End", "Castle Street", "Bridge Street", "Market Place", "Priory Road",
           "Beech Avenue", "Oak Drive", "Cedar Close", "Holly Bank", "Hawthorn Road",
           "Cherry Tree Walk", "Lime Grove", "Ash Court", "Birch Lane", "Rowan Way",
           "Poplar Road", "Sycamore Avenue", "Laurel Gardens")
TOWNS = (("Northtown", "NT"), ("Southby", "SB"), ("Eastwick", "EA"), ("Westford", "WF"),
         ("Hillbury", "HL"), ("Marston", "MR"), ("Kingsbridge", "KB"))
UNIT = "ABDEFGHJLNPQRSTUWXYZ"  # letters a postcode's inward code may use
TELLERS = ("Victim services team", "Data protection team", "Witness care unit")
SOURCE = "affected-people.csv"


@dataclass
class Batch:
    """One record_contacts call: the same channel, moment and outcome for some people."""

    numbers: list[int]
    channel: Channel
    at: datetime
    rec: datetime
    by: str
    actor: str
    outcome: Outcome
    note: str = ""


@dataclass
class People:
    """Who a breach's letters go to and what the contact log says."""

    life: Life
    seed: int
    letter_at: datetime
    letter_by: str
    import_at: datetime
    import_by: str
    count: int = 0
    first_id: int = 0                 # recipients' ids run first_id .. first_id + count - 1
    batches: list[Batch] = field(default_factory=list)


def has_email(seed: int, number: int) -> bool:
    return (number * 7 + seed) % 10 < 3


def recipient_drafts(people: People) -> list[RecipientDraft]:
    """The checked recipients of one breach, the same every time for the same plan."""
    rng = random.Random(people.seed)
    offset = rng.randrange(5_000)
    cats = tuple(c for c in people.life.facts.data_categories
                 if c not in (DataCategory.NONE, DataCategory.NOT_YET_KNOWN))
    out = []
    for number in range(1, people.count + 1):
        k = offset + number
        house, street = k % 180 + 1, (k // 180) % len(STREETS)
        flat = k // (180 * len(STREETS))
        line = f"{house} {STREETS[street]}" if not flat else \
            f"Flat {flat}, {house} {STREETS[street]}"
        town, area = TOWNS[street % len(TOWNS)]
        postcode = (f"{area}{1 + street % 19} {house % 10}{UNIT[(house // 10) % 20]}"
                    f"{UNIT[street % 20]}")
        first, last = rng.choice(FIRST), rng.choice(LAST)
        email = f"{first}.{last}{number}@example.org".lower() \
            if has_email(people.seed, number) else ""
        out.append(check_recipient(RecipientDraft(f"{first} {last}", (line, town), postcode,
                                                  email, cats)))
    return out


def eligible(lives: list[Life], rng: random.Random) -> list[People]:
    """Breaches decided 'tell them' and reported, whose recipients were imported by AS_OF."""
    out = []
    for life in lives:
        if not life.tells_people or not life.filings or life.decided_rec is None:
            continue
        letter_at = max(life.decided_rec, life.filings[0].rec) + hours(rng, 6, 96)
        import_at = letter_at + minutes(rng, 10, 60 * 48)
        if import_at <= AS_OF:
            out.append(People(life, rng.getrandbits(32), letter_at, actor(rng, letter_at),
                              import_at, actor(rng, import_at)))
    return out


def share(groups: list[People], total: int, letter: People | None,
          rng: random.Random) -> None:
    """`total` recipients: 1,000 (or half, at small scales) to the letter breach, the rest
    by the number of people each breach affected (never more than that: what cannot be
    placed goes to the letter breach too)."""
    own = 1_000 if total >= 1_000 else total // 2
    rest = [g for g in groups if g is not letter]
    left = total - own if letter else total
    ones = [1 if i < left else 0 for i in range(len(rest))]  # everyone told has a letter
    caps = [max(1, g.life.facts.subjects_count or 1) - 1 for g in rest]
    weights = [(c + 1) ** 0.85 * rng.uniform(0.5, 1.5) for c in caps]
    counts = allot(left - sum(ones), weights, caps)
    for g, one, n in zip(rest, ones, counts, strict=True):
        g.count = one + n
    if letter is not None:
        letter.count = total - sum(g.count for g in rest)


def plan_contacts(people: People, rng: random.Random) -> None:
    """Waves of letters and emails, returns, then calls; only what happened by AS_OF."""
    n = people.count
    if n == 0:
        return
    teller = rng.choice(TELLERS)
    mail = people.import_at + hours(rng, 2, 72)
    cut = n if n <= 50 or rng.random() < 0.7 else int(n * 0.8)
    waves = [(list(range(1, cut + 1)), mail)]
    if cut < n:
        waves.append((list(range(cut + 1, n + 1)), mail + hours(rng, 48, 240)))
    planned: list[Batch] = []
    returned: list[int] = []
    back_at = mail
    for numbers, at in waves:
        post = [x for x in numbers if not has_email(people.seed, x)]
        email = [x for x in numbers if has_email(people.seed, x)]
        for chosen, channel in ((post, Channel.POST), (email, Channel.EMAIL)):
            if chosen:
                planned.append(Batch(chosen, channel, at, at, teller, "", Outcome.DELIVERED))
        share_back = rng.uniform(0.01, 0.06)
        gone = [x for x in post if rng.random() < share_back]
        if gone:
            back_at = at + hours(rng, 24 * 4, 24 * 14)
            planned.append(Batch(gone, Channel.POST, back_at, back_at, teller, "",
                                 Outcome.RETURNED, "Returned: not known at this address."))
            returned += gone
    if returned:
        call = back_at + hours(rng, 24, 24 * 10)
        unreached: list[int] = []
        if call > AS_OF - timedelta(days=60) and rng.random() < 0.5:  # recent: not yet
            unreached = returned[: max(1, len(returned) // 3)]
        reached = [x for x in returned if x not in unreached]
        if reached:
            planned.append(Batch(reached, Channel.PHONE, call, call, teller, "",
                                 Outcome.DELIVERED, "Told by phone after the letter came "
                                 "back."))
        if unreached:
            planned.append(Batch(unreached, Channel.PHONE, call, call, teller, "",
                                 Outcome.NO_CONTACT, "No phone number or email on file."))
    for batch in planned:
        batch.rec = batch.at + minutes(rng, 5, 600)
        batch.actor = actor(rng, batch.rec)
    people.batches = [b for b in planned if b.rec <= AS_OF]
    latest: dict[int, Outcome] = {}
    for b in sorted(people.batches, key=lambda b: b.at):
        for x in b.numbers:
            latest[x] = b.outcome
    if len(latest) == n and all(o is Outcome.DELIVERED for o in latest.values()):
        people.life.told_at = max(b.rec for b in people.batches)
