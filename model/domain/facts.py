"""What is known about one breach (the triage record) and its breach-facts/1 JSON form.

`None` always means "not known yet". Fields beyond the schema (title, ended_at, ...) are
carried as extra properties, which breach-facts/1 allows, so a round trip loses nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from datetime import datetime
from enum import StrEnum
from typing import Any, TypeVar

from model.domain.clock import iso_utc, parse_iso
from model.domain.enums import (
    Access,
    AvailabilityLoss,
    BreachType,
    Consequence,
    DataCategory,
    DataDetail,
    ExemptionGround,
    Exposure,
    Identifiability,
    ProtectionMethod,
    Regime,
    Sector,
    ServiceImpact,
    SubjectCategory,
    YesNoUnknown,
)
from model.domain.errors import ValidationError
from model.domain.limits import MAX_EXTRA_BYTES, json_problem

SCHEMA_ID = "breach-facts/1"
E = TypeVar("E", bound=StrEnum)


@dataclass(frozen=True)
class Confidentiality:
    exposure: Exposure | None = None
    access: Access | None = None
    recipient_deleted: bool | None = None
    exposure_hours: float | None = None


@dataclass(frozen=True)
class Integrity:
    altered: bool | None = None
    recoverable: bool | None = None


@dataclass(frozen=True)
class Availability:
    loss: AvailabilityLoss | None = None
    backup_available: bool | None = None
    restore_hours: float | None = None
    service_impact: ServiceImpact | None = None


@dataclass(frozen=True)
class Protection:
    method: ProtectionMethod | None = None
    state_of_the_art: bool | None = None
    key_compromised: bool | None = None


@dataclass(frozen=True)
class ExemptionClaim:
    """The DPO's claim of an Art. 34(3) exemption, with the explanation the law expects."""

    ground: ExemptionGround
    explanation: str


@dataclass(frozen=True)
class BreachFacts:
    """The triage facts. Tuples keep the order the user chose; all datetimes are UTC."""

    breach_types: tuple[BreachType, ...] = ()
    data_categories: tuple[DataCategory, ...] = ()
    regime: Regime = Regime.UK_GDPR
    summary: str = ""
    occurred_at: datetime | None = None
    discovered_at: datetime | None = None
    aware_at: datetime | None = None
    cyber_incident: YesNoUnknown | None = None
    malicious: bool | None = None
    data_subject_categories: tuple[SubjectCategory, ...] = ()
    subjects_count: int | None = None
    records_count: int | None = None
    identifiability: Identifiability | None = None
    confidentiality: Confidentiality | None = None
    integrity: Integrity | None = None
    availability: Availability | None = None
    protection: Protection | None = None
    controller_sector: Sector | None = None
    consequences: tuple[Consequence, ...] = ()
    mitigated: bool | None = None
    data_detail: DataDetail | None = None
    exemption_claim: ExemptionClaim | None = None
    # Triage extras (extra properties of breach-facts/1).
    title: str = ""
    ended_at: datetime | None = None
    ongoing: bool | None = None
    how_found: str = ""
    found_by: str = ""
    aware_note: str = ""
    processor_name: str = ""
    processor_notified_at: datetime | None = None
    # True: a processor is involved but did not tell us (we found the breach ourselves).
    processor_found_by_us: bool | None = None
    subjects_count_low: int | None = None
    records_count_low: int | None = None
    recovery_note: str = ""
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


_NESTED: dict[str, type] = {
    "confidentiality": Confidentiality,
    "integrity": Integrity,
    "availability": Availability,
    "protection": Protection,
}
_DATETIMES = ("occurred_at", "discovered_at", "aware_at", "ended_at", "processor_notified_at")
_TEXTS = ("summary", "title", "how_found", "found_by", "aware_note", "processor_name",
          "recovery_note")
_COUNTS = ("subjects_count", "records_count", "subjects_count_low", "records_count_low")
_BOOLS = ("malicious", "mitigated", "ongoing", "processor_found_by_us")
_LISTS: dict[str, type[StrEnum]] = {
    "breach_types": BreachType,
    "data_categories": DataCategory,
    "data_subject_categories": SubjectCategory,
    "consequences": Consequence,
}
_ENUMS: dict[str, type[StrEnum]] = {
    "regime": Regime,
    "cyber_incident": YesNoUnknown,
    "identifiability": Identifiability,
    "controller_sector": Sector,
    "data_detail": DataDetail,
}
_NESTED_FIELDS: dict[str, dict[str, Any]] = {
    "confidentiality": {"exposure": Exposure, "access": Access, "recipient_deleted": bool,
                        "exposure_hours": float},
    "integrity": {"altered": bool, "recoverable": bool},
    "availability": {"loss": AvailabilityLoss, "backup_available": bool,
                     "restore_hours": float, "service_impact": ServiceImpact},
    "protection": {"method": ProtectionMethod, "state_of_the_art": bool,
                   "key_compromised": bool},
}
_KNOWN = {f.name for f in fields(BreachFacts)} - {"extra"} | {"schema", "processor"}
NO_PERSONAL_DATA_ALONE = "'none' (no personal data) cannot be combined with other categories"


def _choices(enum: type[StrEnum]) -> str:
    return ", ".join(m.value for m in enum)


def _enum(enum: type[E], value: Any, path: str) -> E:
    if not isinstance(value, str) or value not in enum._value2member_map_:
        raise ValidationError(path, f"must be one of {_choices(enum)} (got {_shown(value)})")
    return enum(value)


def _bool(value: Any, path: str) -> bool:
    if not isinstance(value, bool):
        raise ValidationError(path, f"must be true or false (got {_shown(value)})")
    return value


def _shown(value: Any) -> str:
    """A short, printable picture of a bad value for a message."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _number(value: Any, path: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValidationError(path, f"must be a number (got {_shown(value)})")
    try:
        number = float(value)
    except OverflowError:
        raise ValidationError(path, "is too large") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise ValidationError(path, "must be a finite number (not NaN or Infinity)")
    if number < 0:
        raise ValidationError(path, "must not be negative")
    return number


def _count(value: Any, path: str) -> int | None:
    """A whole number; 61.0 counts as 61 (JSON Schema's "integer" allows it)."""
    if value is None:
        return None
    if isinstance(value, float) and value == value and abs(value) != float("inf") \
            and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(path, f"must be a whole number (got {_shown(value)})")
    if value < 0:
        raise ValidationError(path, "must not be negative")
    return value


def _datetime(value: Any, path: str) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValidationError(path, "must be an ISO 8601 date-time text")
    try:
        return parse_iso(value, path)
    except ValueError as err:
        if "outside the years" in str(err):
            raise ValidationError(path, "falls outside the years 1-9999 once converted to "
                                  "UTC") from None
        raise ValidationError(
            path, f"must be an ISO 8601 date-time with a UTC offset, e.g. "
            f"2026-10-09T12:00:00+01:00 (got {_shown(value)})") from None


def _enum_list(enum: type[E], value: Any, path: str, required: bool) -> tuple[E, ...]:
    if value is None and not required:
        return ()
    if not isinstance(value, list) or (required and not value):
        need = "a non-empty list" if required else "a list"
        raise ValidationError(path, f"must be {need} of {_choices(enum)}")
    items = tuple(_enum(enum, v, f"{path}[{i}]") for i, v in enumerate(value))
    if len(set(items)) != len(items):
        raise ValidationError(path, "must not repeat an item")
    return items


def _nested(name: str, value: Any) -> Any:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise ValidationError(name, "must be an object")
    kwargs: dict[str, Any] = {}
    for key, kind in _NESTED_FIELDS[name].items():
        if key not in value:
            continue
        path = f"{name}.{key}"
        raw = value[key]
        if kind is bool:
            kwargs[key] = _bool(raw, path)
        elif kind is float:
            kwargs[key] = _number(raw, path)
        else:
            kwargs[key] = _enum(kind, raw, path)
    return _NESTED[name](**kwargs)


def _exemption_claim(value: Any) -> ExemptionClaim | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise ValidationError("exemption_claim", "must be an object with ground and explanation")
    ground = _enum(ExemptionGround, value.get("ground"), "exemption_claim.ground")
    text = value.get("explanation")
    if not isinstance(text, str) or not text.strip():
        raise ValidationError("exemption_claim.explanation",
                              "must say why the exemption applies (non-empty text)")
    return ExemptionClaim(ground, text)


def facts_from_document(doc: Any, strict: bool = True) -> BreachFacts:
    """Parse a breach-facts/1 document; raise ValidationError naming the field and rule.

    strict=False accepts an incomplete triage (no breach types or data categories yet), as
    stored while the DPO is still finding out; imports are always strict.
    """
    if not isinstance(doc, dict):
        raise ValidationError("", "the document must be a JSON object")
    if doc.get("schema") != SCHEMA_ID:
        raise ValidationError("schema", f'must be "{SCHEMA_ID}" (got {_shown(doc.get("schema"))})')
    kwargs: dict[str, Any] = {}
    for name, enum in _LISTS.items():
        required = strict and name in ("breach_types", "data_categories")
        if required and name not in doc:
            raise ValidationError(name, "is required")
        kwargs[name] = _enum_list(enum, doc.get(name), name, required)
    cats = kwargs["data_categories"]
    if DataCategory.NONE in cats and len(cats) > 1:
        raise ValidationError("data_categories", NO_PERSONAL_DATA_ALONE)
    for name, enum in _ENUMS.items():
        if name in doc:
            kwargs[name] = _enum(enum, doc[name], name)
    for name in _DATETIMES:
        if name in doc:
            kwargs[name] = _datetime(doc[name], name)
    for name in _TEXTS:
        if name in doc:
            if not isinstance(doc[name], str):
                raise ValidationError(name, "must be text")
            kwargs[name] = doc[name]
    for name in _COUNTS:
        if name in doc:
            kwargs[name] = _count(doc[name], name)
    for name in _BOOLS:
        if name in doc:
            kwargs[name] = _bool(doc[name], name)
    for name in _NESTED:
        if name in doc:
            kwargs[name] = _nested(name, doc[name])
    if "exemption_claim" in doc:
        kwargs["exemption_claim"] = _exemption_claim(doc["exemption_claim"])
    processor = doc.get("processor")
    if processor is not None:
        if not isinstance(processor, dict):
            raise ValidationError("processor", "must be an object with name and notified_at")
        name = processor.get("name", "")
        if not isinstance(name, str):
            raise ValidationError("processor.name", "must be text")
        kwargs["processor_name"] = name
        kwargs["processor_notified_at"] = _datetime(
            processor.get("notified_at"), "processor.notified_at")
    kwargs["extra"] = _extra({k: v for k, v in doc.items() if k not in _KNOWN})
    return BreachFacts(**kwargs)


def _extra(extra: dict[str, Any]) -> dict[str, Any]:
    """Extra properties are kept as given, so they must be JSON that can be kept and
    exported again: finite numbers, valid text, not nested absurdly deep or large."""
    for key, value in extra.items():
        problem = json_problem(key) or json_problem(value)
        if problem:
            raise ValidationError(_shown(key).strip("'"), problem)
    if len(json.dumps(extra, ensure_ascii=False)) > MAX_EXTRA_BYTES:
        raise ValidationError("", f"the extra properties are larger than "
                              f"{MAX_EXTRA_BYTES:,} characters")
    return extra


def _nested_doc(value: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in fields(value):
        v = getattr(value, f.name)
        if v is not None:
            out[f.name] = v.value if isinstance(v, StrEnum) else v
    return out


def facts_to_document(facts: BreachFacts) -> dict[str, Any]:
    """The breach-facts/1 document for `facts`; unknown (None/empty) optional fields omitted."""
    doc: dict[str, Any] = {"schema": SCHEMA_ID}
    doc.update(facts.extra)
    doc["regime"] = facts.regime.value
    for name in _TEXTS:
        if getattr(facts, name):
            doc[name] = getattr(facts, name)
    for name in _DATETIMES:
        if name != "processor_notified_at" and getattr(facts, name) is not None:
            doc[name] = iso_utc(getattr(facts, name))
    for name in _LISTS:
        items = getattr(facts, name)
        if items or name in ("breach_types", "data_categories"):
            doc[name] = [i.value for i in items]
    for name in _ENUMS:
        if name != "regime" and getattr(facts, name) is not None:
            doc[name] = getattr(facts, name).value
    for name in _COUNTS:
        if getattr(facts, name) is not None:
            doc[name] = getattr(facts, name)
    for name in _BOOLS:
        if getattr(facts, name) is not None:
            doc[name] = getattr(facts, name)
    for name in _NESTED:
        if getattr(facts, name) is not None:
            doc[name] = _nested_doc(getattr(facts, name))
    if facts.exemption_claim is not None:
        doc["exemption_claim"] = {"ground": facts.exemption_claim.ground.value,
                                  "explanation": facts.exemption_claim.explanation}
    if facts.processor_name or facts.processor_notified_at:
        proc: dict[str, Any] = {"name": facts.processor_name}
        if facts.processor_notified_at is not None:
            proc["notified_at"] = iso_utc(facts.processor_notified_at)
        doc["processor"] = proc
    return doc
