"""Helpers for the risk-engine tests: scenario loading and JSON Schema validators.

A uniquely named module (not conftest) so test files can import it without clashing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema

from model.domain.facts import BreachFacts, facts_from_document

HERE = Path(__file__).parent
SCENARIOS = HERE / "scenarios"
# The project's own copies of the exchange schemas: the one reference every test uses.
SCHEMAS = Path(__file__).resolve().parents[3] / "data"


def load_doc(name: str) -> dict[str, Any]:
    return json.loads((SCENARIOS / f"{name}.json").read_text(encoding="utf-8"))


def load_facts(name: str) -> BreachFacts:
    return facts_from_document(load_doc(name))


def scenario_names() -> list[str]:
    return sorted(p.stem for p in SCENARIOS.glob("*.json"))


def expected_outcomes() -> dict[str, dict[str, Any]]:
    return json.loads((HERE / "expected_outcomes.json").read_text(encoding="utf-8"))


def schema_validator(name: str) -> jsonschema.protocols.Validator:
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


REGULATORS = HERE / "regulators"


def regulator_expectations() -> dict[str, dict[str, Any]]:
    """The regulators' conclusions and sources, keyed by case file name."""
    return json.loads((REGULATORS / "expectations.json").read_text(encoding="utf-8"))


def load_regulator_doc(name: str) -> dict[str, Any]:
    return json.loads((REGULATORS / f"{name}.json").read_text(encoding="utf-8"))


def regulator_case_names() -> list[str]:
    return sorted(p.stem for p in REGULATORS.glob("*.json") if p.stem != "expectations")
