"""The enriched schema and the extraction contract every backend fills."""

from __future__ import annotations

import hashlib
import json
import typing

import jsonschema
import polars as pl
import pytest
from pydantic import ValidationError

from job_assets.enrichment.prompt import SYSTEM_PROMPT
from job_assets.enrichment.rules import extract_rules
from job_assets.enrichment.schema import (
    ENRICHED_SCHEMA,
    EXTRACTION_JSON_SCHEMA,
    PROMPT_VERSION,
    REMOTE_POLICIES,
    SENIORITIES,
    ExtractedFields,
)
from job_assets.parsing.schema import EMPLOYMENT_TYPES, PARSED_SCHEMA, PAY_PERIODS

from .conftest import DESCRIPTIONS, TITLES

# Changing the prompt or the schema changes what the cache means: bump PROMPT_VERSION, then update this.
PROMPT_FINGERPRINT = ("extract-v4", "cb8800377a936520")


def test_prompt_changes_require_a_new_prompt_version() -> None:
    fingerprint = hashlib.sha256(SYSTEM_PROMPT.encode()).hexdigest()[:16]
    assert (PROMPT_VERSION, fingerprint) == PROMPT_FINGERPRINT, (
        "the prompt or schema changed: bump PROMPT_VERSION (cached answers are keyed by it) and the fingerprint"
    )


def test_enriched_schema_extends_parsed() -> None:
    assert list(ENRICHED_SCHEMA)[: len(PARSED_SCHEMA)] == list(PARSED_SCHEMA)
    for name in ("salary_annual_min", "salary_source", "remote", "seniority", "skills", "enrich_status"):
        assert name in ENRICHED_SCHEMA
    assert ENRICHED_SCHEMA["years_experience_min"] == pl.Int32()
    assert ENRICHED_SCHEMA["skills"] == pl.List(pl.String())


def test_json_schema_is_strict() -> None:
    properties = EXTRACTION_JSON_SCHEMA["properties"]
    assert EXTRACTION_JSON_SCHEMA["additionalProperties"] is False
    assert (
        sorted(EXTRACTION_JSON_SCHEMA["required"])
        == sorted(properties)
        == sorted(ExtractedFields.model_fields)
    )
    assert properties["remote"]["enum"] == list(REMOTE_POLICIES)
    assert properties["seniority"]["enum"] == list(SENIORITIES)
    assert properties["salary_period"]["anyOf"] == [
        {"type": "string", "enum": list(PAY_PERIODS)},
        {"type": "null"},
    ]
    assert properties["employment_type"]["anyOf"][0]["enum"] == list(EMPLOYMENT_TYPES)
    assert "null" in properties["salary_min"]["type"] and "number" in properties["salary_min"]["type"]
    jsonschema.Draft202012Validator.check_schema(EXTRACTION_JSON_SCHEMA)


def test_pydantic_literals_match_the_vocabularies() -> None:
    hints = typing.get_type_hints(ExtractedFields)
    assert set(typing.get_args(hints["remote"])) == set(REMOTE_POLICIES)
    assert set(typing.get_args(hints["seniority"])) == set(SENIORITIES)


@pytest.mark.parametrize("index", range(len(DESCRIPTIONS)))
def test_rules_output_validates_against_the_json_schema(index: int) -> None:
    fields = extract_rules(TITLES[index], DESCRIPTIONS[index], ["Remote"], "Acme")
    jsonschema.validate(fields.model_dump(mode="json"), EXTRACTION_JSON_SCHEMA)


def _answer(**changes: object) -> str:
    base = ExtractedFields().model_dump(mode="json")
    return json.dumps(base | changes)


@pytest.mark.parametrize(
    "bad",
    [
        _answer(remote="on the moon"),
        _answer(seniority="ninja"),
        _answer(salary_period="fortnight"),
        _answer(salary_min=-5),
        _answer(years_experience_min="five"),
        _answer(unexpected=True),
        '{"remote": "remote"',
        "Sure! Here is the JSON: {}",
    ],
)
def test_invalid_answers_are_rejected(bad: str) -> None:
    with pytest.raises(ValidationError):
        ExtractedFields.model_validate_json(bad)


def test_cosmetic_problems_are_repaired_not_rejected() -> None:
    fields = ExtractedFields.model_validate_json(
        _answer(
            salary_min=150000,
            salary_max=120000,
            salary_currency="usd",
            skills=[" Python ", "python", "x" * 80, "Go"],
            summary="A sentence. " * 80,
        )
    )
    assert (fields.salary_min, fields.salary_max, fields.salary_currency) == (120000, 150000, "USD")
    assert fields.skills == ["Python", "Go"]
    assert len(fields.summary) <= EXTRACTION_JSON_SCHEMA["properties"]["summary"]["maxLength"]
    assert ExtractedFields(salary_currency="dollars").salary_currency is None
