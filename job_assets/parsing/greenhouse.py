"""One Greenhouse Job Board API job (`/boards/{token}/jobs?content=true`) -> a parsed record.

Greenhouse has no workplace or employment-type field. We accept two structural signals: a board's
custom `metadata` field named like "Workplace Type" / "Employment Type", and a location list (else the list of
offices the job is filed under) that only names remote places (`locations.workplace_from_location_names`). Never the description. Pay only from `pay_input_ranges` (present with pay_transparency=true).
"""

from __future__ import annotations

import re
from typing import Any

from job_assets.parsing import vocab
from job_assets.parsing.dates import iso_to_utc
from job_assets.parsing.html import html_to_text
from job_assets.parsing.locations import (
    dedupe_locations,
    location_parts,
    split_location_text,
    workplace_from_location_names,
)
from job_assets.parsing.pay_tiers import PayRange, choose_range
from job_assets.parsing.payload import dict_items, opt_dict, opt_number, opt_str, req_id, req_str
from job_assets.parsing.record import Pay, PostingContext, PostingFields, build_record

_EMPLOYMENT_FIELD = re.compile(
    r"employment|job type|commitment|contract type|(?:requisition|worker|employee|position|time) type",
    re.IGNORECASE,
)
_WORKPLACE_FIELD = re.compile(r"workplace|work type|location type|remote|work arrangement", re.IGNORECASE)
_HOURLY_MAX = 1_000  # a range whose top is under 1,000 units and names no period is an hourly wage


def _office_names(payload: dict[str, Any]) -> list[str]:
    names: list[str] = []
    for i, office in enumerate(dict_items(payload, "offices")):
        names.extend(split_location_text(opt_str(office, "name", f"offices[{i}].")))
    return dedupe_locations(names)


def _locations(payload: dict[str, Any]) -> list[str]:
    """`location.name` split into its locations; the office names when the location is empty."""
    name = opt_str(opt_dict(payload, "location"), "name", "location.")
    return dedupe_locations(split_location_text(name)) or _office_names(payload)


def _workplace(payload: dict[str, Any]) -> str | None:
    """The board's workplace field, else the places: the location names, else the offices the job is filed
    under (a job shown in "Bangalore, India" but filed only under the office "Remote-India (PEO)" is remote)."""
    workplace = vocab.workplace(_metadata_value(payload, _WORKPLACE_FIELD))
    return (
        workplace
        or workplace_from_location_names(_location_parts(payload))
        or workplace_from_location_names(_office_names(payload))
    )


def _location_parts(payload: dict[str, Any]) -> list[str]:
    """The same fields split only between places: "Hybrid - London, Berlin" stays one part, so the workplace
    word that heads a city list speaks for all its cities."""
    parts = location_parts(opt_str(opt_dict(payload, "location"), "name", "location."))
    if not parts:
        for i, office in enumerate(dict_items(payload, "offices")):
            parts.extend(location_parts(opt_str(office, "name", f"offices[{i}].")))
    return dedupe_locations(parts)


def _department(payload: dict[str, Any]) -> str | None:
    departments = dict_items(payload, "departments")
    return opt_str(departments[0], "name", "departments[0].") if departments else None


def _range_period(label: str, top: float | None) -> str | None:
    """Greenhouse ranges carry no interval field: use the words of their short title ("Hourly Pay",
    "Annual Salary"; never the free-text blurb), else the size of the numbers."""
    words = re.findall(r"[a-z]+", label.lower())
    for word in words:
        period = vocab.pay_period(word)
        if period:
            return period
    if "salary" in words or "compensation" in words or "ote" in words:
        return "year"
    if top is None:
        return None
    return "hour" if top < _HOURLY_MAX else "year"


def _metadata_value(payload: dict[str, Any], name: re.Pattern[str]) -> str | None:
    """A board's custom field ("Employment Type", "Workplace Type"). Boards define these freely, so an
    odd shape is ignored rather than failing the posting."""
    metadata = payload.get("metadata")
    if not isinstance(metadata, list):
        return None
    for item in metadata:
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            continue
        if not name.search(item["name"]):
            continue
        value = item.get("value")
        if isinstance(value, list):
            value = next((v for v in value if isinstance(v, str)), None)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _pay(payload: dict[str, Any], locations: list[str]) -> Pay | None:
    """One range per zone or location, often: the posting's (`pay_tiers.choose_range`)."""
    ranges = []
    for i, r in enumerate(dict_items(payload, "pay_input_ranges")):
        where = f"pay_input_ranges[{i}]."
        low, high = opt_number(r, "min_cents", where), opt_number(r, "max_cents", where)
        label = opt_str(r, "title", where) or ""
        top = high if high is not None else low
        ranges.append(
            PayRange(
                label=label,
                min=None if low is None else low / 100,
                max=None if high is None else high / 100,
                currency=vocab.currency(opt_str(r, "currency_type", where)),
                period=_range_period(label, None if top is None else top / 100),
            )
        )
    return choose_range(ranges, locations)


def _requisition_id(payload: dict[str, Any]) -> str | None:
    """`internal_job_id`: the Greenhouse job a job post advertises (posts of one job in several cities share
    it). Not `requisition_id`, a free-text field boards fill with placeholders ("ONE", "MULTI", "See Opening
    ID") shared by unrelated jobs."""
    value = payload.get("internal_job_id")
    if isinstance(value, bool) or not isinstance(value, int | str):
        return None
    return str(value).strip() or None


def parse_greenhouse(payload: dict[str, Any], ctx: PostingContext) -> dict[str, Any]:
    locations = _locations(payload)
    description = html_to_text(opt_str(payload, "content")) or None
    fields = PostingFields(
        source_id=req_id(payload),
        title=req_str(payload, "title"),
        url=opt_str(payload, "absolute_url"),
        locations=locations,
        workplace=_workplace(payload),
        department=_department(payload),
        employment_type=vocab.employment_type(_metadata_value(payload, _EMPLOYMENT_FIELD), description),
        description_text=description,
        posted_at=iso_to_utc(payload, "first_published"),
        updated_at=iso_to_utc(payload, "updated_at"),
        pay=_pay(payload, locations),
        requisition_id=_requisition_id(payload),
    )
    return build_record(ctx, fields)
