"""The document, the explanation text, the factor registry and the engine's purity."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

from risk_helpers import load_facts

import model.domain.risk as risk
from model.domain.risk import FACTORS, METHOD_VERSION, assess, assessment_to_document, explain_text

RISK_DIR = Path(risk.__file__).parent


def test_registry_order_follows_the_edpb_list() -> None:
    assert [f.id for f in FACTORS] == [
        "type_of_breach", "sensitivity", "volume", "identifiability", "consequences",
        "vulnerable_people", "controller_sector", "number_of_people", "protection",
        "trusted_recipient", "malicious_intent", "backups", "evidence_of_access",
        "exposure_duration"]


def test_reasons_come_in_registry_order() -> None:
    a = assess(load_facts("laptop_unencrypted_health"))
    factor_ids = [r.factor for r in a.reasons if r.factor in {f.id for f in FACTORS}]
    order = [f.id for f in FACTORS]
    assert factor_ids == sorted(factor_ids, key=order.index)
    assert a.reasons[0].factor == "severity"
    assert [r.factor for r in a.reasons[-3:]] == ["risk_level", "regime", "data_subjects"]


def test_document_carries_method_version_and_plain_values() -> None:
    doc = assessment_to_document(assess(load_facts("hashed_passwords_strong")))
    assert doc["schema"] == "breach-assessment/1"
    assert doc["method_version"] == METHOD_VERSION
    assert doc["severity"] == {"dpc": 1, "ei": 1.0, "cb": 1.0, "score": 2.0, "band": "medium"}
    assert doc["data_subject_exemption"] is None
    assert all(isinstance(r["effect"], str) for r in doc["reasons"])


def test_explanation_has_every_section() -> None:
    text = explain_text(assess(load_facts("ransomware_with_backups")))
    for heading in ("Severity (ENISA)", "DPC = 3", "EI = 1", "CB = 0.75", "Risk: Unlikely",
                    "Recommendations:", "Reasons", "Deadline:"):
        assert heading in text, heading
    assert "Notify the ICO: no" in text
    assert "Held to 'unlikely to result in a risk' by: likelihood (very unlikely)" in text
    assert "Likelihood of significant consequences (ICO scale): Very unlikely" in text
    assert "within 6 hours" in text


def test_explanation_uses_the_requested_zone() -> None:
    a = assess(load_facts("customer_database_exfiltration"))
    assert "23 May 2026 11:00 BST" in explain_text(a)
    assert "23 May 2026 10:00 UTC" in explain_text(a, zone="UTC")


def test_exemption_is_explained() -> None:
    text = explain_text(assess(load_facts("card_data_mitigated")))
    assert "Art. 34(3)(b)" in text


def test_engine_imports_only_the_standard_library_and_model_domain() -> None:
    allowed_roots = set(sys.stdlib_module_names) | {"model"}
    for path in RISK_DIR.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert name.split(".")[0] in allowed_roots, f"{path.name}: {name}"
                if name.startswith("model."):
                    assert name.startswith("model.domain"), f"{path.name}: {name}"


def test_engine_modules_stay_small() -> None:
    for path in RISK_DIR.glob("*.py"):
        lines = path.read_text(encoding="utf-8").count("\n")
        assert lines <= 300, f"{path.name} has {lines} lines"
