"""The organisation profile (one row) and the app's settings kept with it: read and save.
Every saved change is an audit event."""

from __future__ import annotations

from dataclasses import fields
from zoneinfo import available_timezones

from model.domain import audit
from model.domain.errors import ValidationError
from model.domain.limits import LINE_TEXT, check_text
from model.domain.records import OrganisationProfile
from model.services import journal
from model.services.unit import Database
from model.storage.mapping import to_profile
from model.storage.orm import OrganisationRow

LOCK_MINUTES = (1, 240)   # the idle lock: from a minute to four hours
BACKUPS_KEPT = (1, 100)   # automatic backups kept


def validate_profile(profile: OrganisationProfile) -> None:
    for name in ("name", "ico_registration", "dpo_name", "dpo_email", "dpo_phone",
                 "user_name", "time_zone"):
        check_text(name, getattr(profile, name), LINE_TEXT)
    check_text("address", profile.address, 2_000)
    if profile.time_zone not in available_timezones():
        raise ValidationError("time_zone", f"'{profile.time_zone}' is not a known time zone "
                              "(e.g. Europe/London)")
    if profile.dpo_email and ("@" not in profile.dpo_email or " " in profile.dpo_email.strip()):
        raise ValidationError("dpo_email", "is not an email address")
    if len(profile.ico_registration) > 64:
        raise ValidationError("ico_registration", "is too long (64 characters at most)")
    for name, (low, high) in (("lock_after_minutes", LOCK_MINUTES),
                              ("backups_kept", BACKUPS_KEPT)):
        value = getattr(profile, name)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ValidationError(name, f"must be a whole number from {low} to {high}")


class OrganisationService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self) -> OrganisationProfile:
        with self._db.read() as session:
            return to_profile(session.get(OrganisationRow, 1))

    def save(self, profile: OrganisationProfile) -> OrganisationProfile:
        validate_profile(profile)
        now = self._db.clock()
        with self._db.unit() as session:
            row = session.get(OrganisationRow, 1)
            old = to_profile(row)
            row = row or OrganisationRow(id=1)
            for f in fields(profile):
                value = getattr(profile, f.name)
                setattr(row, f.name, value.value if hasattr(value, "value") else value)
            row.updated_at = now
            session.add(row)
            changes = audit.changes_between(audit.record_values(old),
                                            audit.record_values(profile))
            if changes:
                session.flush()  # the event names the user as saved now
                journal.audit(session, "settings", "organisation", "changed", now=now,
                              changes=changes, summary="Settings saved.")
        return self.get()
