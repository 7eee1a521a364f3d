"""The organisation profile (one row): read and save."""

from __future__ import annotations

from dataclasses import fields
from zoneinfo import available_timezones

from model.domain.enums import Regime, Sector
from model.domain.errors import ValidationError
from model.domain.records import OrganisationProfile
from model.services.unit import Database
from model.storage.orm import OrganisationRow


def _to_record(row: OrganisationRow | None) -> OrganisationProfile:
    if row is None:
        return OrganisationProfile()
    return OrganisationProfile(
        name=row.name, address=row.address, sector=Sector(row.sector),
        ico_registration=row.ico_registration, dpo_name=row.dpo_name,
        dpo_email=row.dpo_email, dpo_phone=row.dpo_phone,
        default_regime=Regime(row.default_regime), time_zone=row.time_zone)


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
            return _to_record(session.get(OrganisationRow, 1))

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
