"""The explainable risk engine: ENISA severity, EDPB factors and a documented mapping to
Art. 33/34 (and DPA 2018 Part 3, PECR) recommendations. Pure Python; see docs/risk-method.md.
"""

from __future__ import annotations

from model.domain.risk.counterfactual import what_would_change
from model.domain.risk.engine import assess
from model.domain.risk.explain import assessment_to_document, explain_text, recommendations
from model.domain.risk.registry import FACTORS, Factor
from model.domain.risk.result import (
    METHOD_VERSION,
    Assessment,
    Effect,
    Likelihood,
    Reason,
    Severity,
    SeverityStep,
)
from model.domain.risk.severity import band_for

__all__ = [
    "FACTORS",
    "METHOD_VERSION",
    "Assessment",
    "Effect",
    "Factor",
    "Likelihood",
    "Reason",
    "Severity",
    "SeverityStep",
    "assess",
    "assessment_to_document",
    "band_for",
    "explain_text",
    "recommendations",
    "what_would_change",
]
