"""Fixtures for the risk-engine tests: the breach-facts/1 and breach-assessment/1 validators."""

from __future__ import annotations

import jsonschema
import pytest
from risk_helpers import schema_validator


@pytest.fixture(scope="session")
def assessment_validator() -> jsonschema.protocols.Validator:
    return schema_validator("breach-assessment.schema.json")


@pytest.fixture(scope="session")
def facts_validator() -> jsonschema.protocols.Validator:
    return schema_validator("breach-facts.schema.json")
