"""Asset checks: what must hold for the tables to be trusted, shown next to each asset in the UI."""

import dagster as dg
import polars as pl

from job_assets.assets.metadata import preview
from job_assets.resources import StoreResource
from job_assets.store import checks, scrape_log

ZERO_GUARD_MIN = 5  # a company that had at least this many postings and now has none is suspicious


def _result(
    failing: pl.DataFrame, what: str, severity: dg.AssetCheckSeverity = dg.AssetCheckSeverity.ERROR
) -> dg.AssetCheckResult:
    return dg.AssetCheckResult(
        passed=failing.is_empty(),
        severity=severity,
        metadata={
            "failing_rows": failing.height,
            "what": what,
            **({"sample": preview(failing)} if failing.height else {}),
        },
    )


@dg.asset_check(
    asset="raw_postings", description="Each company's latest scrape succeeded and was not suspiciously empty."
)
def latest_scrapes_succeeded(store: StoreResource) -> dg.AssetCheckResult:
    with store.connect() as conn:
        latest = scrape_log.latest(conn)
    failed = latest.filter(pl.col("status") == "failed").select("company", "finished_at", "error")
    return _result(
        failed,
        "companies whose latest scrape failed (their previous rows are kept)",
        dg.AssetCheckSeverity.WARN,
    )


@dg.asset_check(asset="raw_postings", description="No company went from many postings to zero in one scrape.")
def no_sudden_empty_scrape(store: StoreResource) -> dg.AssetCheckResult:
    with store.connect() as conn:
        latest = scrape_log.latest(conn)
    suspicious = latest.filter(
        (pl.col("status") == "ok")
        & (pl.col("postings") == 0)
        & (pl.col("previous_ok_postings") >= ZERO_GUARD_MIN)
    ).select("company", "finished_at", "previous_ok_postings")
    return _result(
        suspicious,
        "zero postings after a scrape that had many: jobs are kept open",
        dg.AssetCheckSeverity.WARN,
    )


@dg.asset_check(asset="parsed_postings", description="posting_key is unique within each company.")
def parsed_posting_keys_unique(store: StoreResource) -> dg.AssetCheckResult:
    with store.connect() as conn:
        return _result(checks.duplicate_posting_keys(conn, "parsed_postings"), "duplicate posting keys")


@dg.asset_check(asset="enriched_postings", description="posting_key is unique within each company.")
def enriched_posting_keys_unique(store: StoreResource) -> dg.AssetCheckResult:
    with store.connect() as conn:
        return _result(checks.duplicate_posting_keys(conn, "enriched_postings"), "duplicate posting keys")


@dg.asset_check(asset="jobs", description="job_id is unique.")
def job_ids_unique(store: StoreResource) -> dg.AssetCheckResult:
    with store.connect() as conn:
        return _result(checks.duplicate_job_ids(conn), "duplicate job ids")


@dg.asset_check(asset="jobs", description="Every enriched posting belongs to exactly one job.")
def every_posting_in_one_job(store: StoreResource) -> dg.AssetCheckResult:
    with store.connect() as conn:
        return _result(checks.postings_not_in_exactly_one_job(conn), "postings held by zero or several jobs")


@dg.asset_check(asset="jobs", description="Pay min <= max and a year's pay within sane bounds.")
def pay_is_sane(store: StoreResource) -> dg.AssetCheckResult:
    with store.connect() as conn:
        return _result(
            checks.insane_pay(conn), f"pay out of order or outside {checks.SANE_ANNUAL_PAY} a year"
        )


asset_checks = [
    latest_scrapes_succeeded,
    no_sudden_empty_scrape,
    parsed_posting_keys_unique,
    enriched_posting_keys_unique,
    job_ids_unique,
    every_posting_in_one_job,
    pay_is_sane,
]
