"""The organisation profile (one row): read and save."""

from __future__ import annotations

from dataclasses import fields
from zoneinfo import available_timezones

from model.domain.errors import ValidationError
from model.domain.records import OrganisationProfile
from model.services.unit import Database
from model.storage.mapping import to_profile
from model.storage.orm import OrganisationRow


def validate_profile(profile: OrganisationProfile) -> None:
    if profile.time_zone not in available_timezones():
        raise ValidationError("time_zone", f"'{profile.time_zone}' is not a known time zone "
                              "(e.g. Europe/London)")
    if profile.dpo_email and ("@" not in profile.dpo_email or " " in profile.dpo_email.strip()):
        raise ValidationError("dpo_email", "is not an email address")
    if len(profile.ico_registration) > 64:
        raise ValidationError("ico_registration", "is too long (64 characters at most)")


class OrganisationService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self) -> OrganisationProfile:
        with self._db.unit() as session:
            return to_profile(session.get(OrganisationRow, 1))

    def save(self, profile: OrganisationProfile) -> OrganisationProfile:
        validate_profile(profile)
        with self._db.unit() as session:
            row = session.get(OrganisationRow, 1) or OrganisationRow(id=1)
            for f in fields(profile):
                value = getattr(profile, f.name)
                setattr(row, f.name, value.value if hasattr(value, "value") else value)
            row.updated_at = self._db.clock()
            session.add(row)
        return self.get()
