"""Every posting the offline sample boards serve parses cleanly, and agrees with the catalogue's ground truth
wherever the ATS format carries the field structurally."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import polars as pl
import pytest

from job_assets.parsing.dispatch import parse_raw_frame
from job_assets.parsing.schema import PARSED_SCHEMA, WORKPLACES
from job_assets.sources.base import RawPosting, raw_frame
from job_assets_sandbox.catalog import DAYS, SampleCatalog, SamplePosting, sample_catalog
from job_assets_sandbox.catalog.model import pay_truth


@pytest.fixture(scope="module")
def catalog() -> SampleCatalog:
    return sample_catalog()


def _parse_day(catalog: SampleCatalog, day: int) -> tuple[dict[tuple[str, str], dict[str, Any]], list[str]]:
    by_company: dict[str, list[RawPosting]] = defaultdict(list)
    names: dict[str, str] = {}
    for p in catalog.postings(day):
        names[p.company.slug] = p.company.name
        by_company[p.company.slug].append(
            RawPosting(p.company.slug, p.source, p.source_id, None, catalog.render(p, day))
        )
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    problems: list[str] = []
    for slug, raws in by_company.items():
        result = parse_raw_frame(raw_frame(raws), names[slug])
        assert result.frame.schema == pl.Schema(PARSED_SCHEMA)
        problems.extend(f"{slug}: {line}" for line in result.problem_lines())
        rows.update({(r["source"], r["source_id"]): r for r in result.frame.iter_rows(named=True)})
    return rows, problems


def _check_against_truth(p: SamplePosting, row: dict[str, Any], day: int) -> None:
    where = f"{p.key}"
    assert row["title"] == p.title, where
    assert row["company_name"] == p.company.name, where
    assert row["posted_at"] == p.published, where
    assert len(row["locations"]) == len(p.places), where
    expected_workplace = p.opening.workplace if p.opening.workplace in WORKPLACES else None
    if p.source == "greenhouse":
        # No workplace field: only a remote-only location list says anything, and it must never be wrong.
        assert row["workplace"] in (None, expected_workplace), where
        assert row["employment_type"] == (p.opening.employment if p.company.metadata else None), where
    else:
        assert row["workplace"] == expected_workplace, where
        assert row["employment_type"] == p.opening.employment, where
    pay = p.opening.pay_on(day)
    truth = pay_truth(pay)
    parsed_pay = (row["pay_min"], row["pay_max"], row["pay_currency"], row["pay_period"])
    if pay is not None and truth is not None and pay.structured and p.source != "greenhouse":
        assert parsed_pay == (truth.min, truth.max, truth.currency, truth.period), where
    elif p.source == "greenhouse" and row["pay_min"] is not None:
        assert truth is not None and parsed_pay == (truth.min, truth.max, truth.currency, truth.period), where
    else:
        assert parsed_pay == (None, None, None, None), where
    text = row["description_text"]
    assert text and "\n- " in text, where
    assert "&lt;" not in text and "&amp;" not in text and "&nbsp;" not in text and "\n\n\n" not in text, where
    if p.company.script:
        assert p.company.script not in text, where


@pytest.mark.parametrize("day", DAYS)
def test_every_sample_posting_parses_and_matches_the_truth(catalog: SampleCatalog, day: int) -> None:
    rows, problems = _parse_day(catalog, day)
    assert problems == []
    served = catalog.postings(day)
    assert len(served) >= 150
    assert set(rows) == {p.key for p in served}
    for p in served:
        _check_against_truth(p, rows[p.key], day)
