"""The stored result of an assessment as a typed record, read from (and written as) its
breach-assessment/1 document. Screens, decisions and reports read these fields, never keys.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from model.domain.clock import parse_iso
from model.domain.enums import RiskLevel, SeverityBand
from model.domain.errors import ValidationError


@dataclass(frozen=True)
class StoredSeverity:
    dpc: float
    ei: float
    cb: float
    score: float
    band: SeverityBand


@dataclass(frozen=True)
class StoredReason:
    factor: str
    effect: str  # "raises", "lowers" or "neutral"
    text: str


@dataclass(frozen=True)
class AssessmentResult:
    """What the engine said, as kept with an assessment version."""

    risk: RiskLevel
    notify_ico: bool
    notify_data_subjects: bool
    severity: StoredSeverity
    reasons: tuple[StoredReason, ...]
    assumptions: tuple[str, ...] = ()
    exemption: str | None = None
    deadline: datetime | None = None
    method_version: str = ""
    likelihood: str | None = None  # the ICO form's scale (method 2 onwards)
    summary: str = ""              # one plain sentence (method 2 onwards)


def _number(value: Any, path: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValidationError(path, "must be a number")
    return float(value)


def result_from_document(doc: Mapping[str, Any]) -> AssessmentResult:
    """Read a breach-assessment/1 document; ValidationError names a broken field."""
    try:
        sev = doc["severity"]
        severity = StoredSeverity(_number(sev["dpc"], "severity.dpc"),
                                  _number(sev["ei"], "severity.ei"),
                                  _number(sev["cb"], "severity.cb"),
                                  _number(sev["score"], "severity.score"),
                                  SeverityBand(sev["band"]))
        reasons = tuple(StoredReason(str(r["factor"]), str(r["effect"]), str(r["text"]))
                        for r in doc.get("reasons") or ())
        deadline = doc.get("deadline")
        return AssessmentResult(
            risk=RiskLevel(doc["risk"]), notify_ico=bool(doc["notify_ico"]),
            notify_data_subjects=bool(doc["notify_data_subjects"]), severity=severity,
            reasons=reasons, assumptions=tuple(str(a) for a in doc.get("assumptions") or ()),
            exemption=doc.get("data_subject_exemption"),
            deadline=parse_iso(deadline) if isinstance(deadline, str) else None,
            method_version=str(doc.get("method_version") or ""),
            likelihood=doc.get("likelihood"), summary=str(doc.get("summary") or ""))
    except (KeyError, TypeError, ValueError) as err:
        if isinstance(err, ValidationError):
            raise
        raise ValidationError("assessment", f"the stored result is incomplete ({err})") \
            from None
