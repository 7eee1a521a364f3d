"""The record of who was told: one entry per attempt to reach a recipient (channel, when,
by whom, outcome), the public notices published, and the counts drawn from them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Channel(StrEnum):
    POST = "post"
    EMAIL = "email"
    PHONE = "phone"
    IN_PERSON = "in_person"

    @property
    def label(self) -> str:
        return {"post": "Post", "email": "Email", "phone": "Phone",
                "in_person": "In person"}[self.value]


class Outcome(StrEnum):
    DELIVERED = "delivered"
    RETURNED = "returned"
    NO_CONTACT = "no_contact_details"

    @property
    def label(self) -> str:
        return {"delivered": "Delivered", "returned": "Returned",
                "no_contact_details": "No contact details"}[self.value]


@dataclass(frozen=True)
class ContactRecord:
    """One attempt to tell one recipient. Entries are never edited: a letter that comes
    back is a new entry (returned), a later phone call another."""

    id: int
    breach_id: int
    recipient_id: int
    channel: Channel
    at: datetime
    by: str
    outcome: Outcome
    note: str = ""
    recorded_at: datetime | None = None
    letter_sha256: str = ""  # the letter text sent, frozen (post and email)


@dataclass(frozen=True)
class PublicNotice:
    """A public notice as published: its text (frozen: canonical JSON of what was
    published, where and when) and that text's SHA-256."""

    id: int
    breach_id: int
    text: str
    sha256: str
    where: str
    published_at: datetime
    reason: str                      # why individual letters would be disproportionate
    taken_down_at: datetime | None = None
    recorded_by: str = ""
    recorded_at: datetime | None = None

    def live(self, now: datetime) -> bool:
        return self.published_at <= now and (self.taken_down_at is None
                                             or now < self.taken_down_at)


@dataclass(frozen=True)
class TellingStatus:
    """Where telling the recipients stands, from the contact log."""

    total: int          # recipients
    told: int           # whose latest entry says delivered
    returned: int       # whose latest entry says returned
    no_details: int     # whose latest entry says no contact details
    notices: int = 0    # public notices published

    @property
    def not_tried(self) -> int:
        return self.total - self.told - self.returned - self.no_details

    @property
    def unreached(self) -> int:
        return self.returned + self.no_details

    def line(self) -> str:
        """'people told: 58 of 61, 3 returned' ('' when there is nothing to count)."""
        if not self.total and not self.notices:
            return ""
        parts = [f"people told: {self.told} of {self.total}"] if self.total else []
        if self.returned:
            parts.append(f"{self.returned} returned")
        if self.no_details:
            parts.append(f"{self.no_details} without contact details")
        if self.notices:
            parts.append("public notice published" if self.notices == 1
                         else f"{self.notices} public notices published")
        text = ", ".join(parts)
        return text[0].upper() + text[1:] if not self.total else text


def latest_by_recipient(contacts: Iterable[ContactRecord]) -> dict[int, ContactRecord]:
    """Each recipient's latest entry (by the time it happened, then by when recorded)."""
    latest: dict[int, ContactRecord] = {}
    for c in sorted(contacts, key=lambda c: (c.at, c.id)):
        latest[c.recipient_id] = c
    return latest


def telling_status(recipient_ids: Iterable[int], contacts: Iterable[ContactRecord],
                   notices: Iterable[PublicNotice] = ()) -> TellingStatus:
    ids = set(recipient_ids)
    latest = [c for rid, c in latest_by_recipient(contacts).items() if rid in ids]
    return TellingStatus(
        total=len(ids),
        told=sum(c.outcome is Outcome.DELIVERED for c in latest),
        returned=sum(c.outcome is Outcome.RETURNED for c in latest),
        no_details=sum(c.outcome is Outcome.NO_CONTACT for c in latest),
        notices=sum(1 for _ in notices))
