"""One python-jobspy DataFrame row (`sources.job_boards` payload) -> a parsed record.

jobspy already normalises the boards: `min_amount`/`max_amount`/`currency`/`interval`
(yearly|monthly|weekly|daily|hourly) are structured pay, `job_type` is a comma-joined list of its
JobType values (fulltime, parttime, contract, temporary, internship, perdiem, other, volunteer),
`is_remote` is remote (False only means "not said": LinkedIn's flag is a keyword match), and
`work_from_home_type` (Glassdoor, Naukri) names hybrid/remote/office when a board has it.
`location` is one "City, ST, Country" string: never split on commas.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from job_assets.parsing import vocab
from job_assets.parsing.dates import iso_to_utc
from job_assets.parsing.locations import dedupe_locations, split_location_text
from job_assets.parsing.markdown import markdown_to_text
from job_assets.parsing.payload import PostingError, opt_bool, opt_number, opt_str, req_str
from job_assets.parsing.record import Pay, PostingContext, PostingFields, build_record

_JOB_TYPES = {
    "fulltime": "full_time",
    "parttime": "part_time",
    "contract": "contract",
    "temporary": "temporary",
    "internship": "intern",
}


def _employment_type(payload: dict[str, Any]) -> str | None:
    for value in (opt_str(payload, "job_type") or "").split(","):
        kind = _JOB_TYPES.get(value.strip().lower())
        if kind:
            return kind
    return None


def _workplace(payload: dict[str, Any]) -> str | None:
    workplace = vocab.workplace(opt_str(payload, "work_from_home_type"))
    if workplace is None and opt_bool(payload, "is_remote"):
        return "remote"
    return workplace


def _pay(payload: dict[str, Any]) -> Pay | None:
    low, high = opt_number(payload, "min_amount"), opt_number(payload, "max_amount")
    if low is None and high is None:
        return None
    return Pay(
        min=low,
        max=high,
        currency=vocab.currency(opt_str(payload, "currency")),
        period=vocab.pay_period(opt_str(payload, "interval")),
    )


def _posted_at(payload: dict[str, Any]) -> datetime | None:
    """`date_posted` is a date ("2025-09-12"): midnight UTC of that day."""
    posted = iso_to_utc(payload, "date_posted")
    return posted.astimezone(UTC) if posted else None


def parse_jobspy(payload: dict[str, Any], ctx: PostingContext) -> dict[str, Any]:
    source_id = ctx.source_id or opt_str(payload, "id")
    if not source_id:
        raise PostingError("missing id")
    fields = PostingFields(
        source_id=source_id,
        title=req_str(payload, "title"),
        url=opt_str(payload, "job_url_direct") or opt_str(payload, "job_url"),
        locations=dedupe_locations(split_location_text(opt_str(payload, "location"))),
        workplace=_workplace(payload),
        department=None,  # boards have job functions and industries, not the employer's department
        employment_type=_employment_type(payload),
        description_text=markdown_to_text(opt_str(payload, "description")) or None,
        posted_at=_posted_at(payload),
        updated_at=None,
        pay=_pay(payload),
    )
    return build_record(ctx, fields)
