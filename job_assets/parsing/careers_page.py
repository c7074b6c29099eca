"""One careers-site page (`sources.careers_page` payload) -> a parsed record.

With a schema.org JobPosting (the JSON-LD search engines require) every field is structured:
`baseSalary` is the pay (`unitText` HOUR/DAY/WEEK/MONTH/YEAR), `jobLocationType: TELECOMMUTE` means
remote, `employmentType` (FULL_TIME, CONTRACTOR, INTERN...) maps to the vocabulary. Without it, only
the title (the page's `<h1>`, else its `<title>`) and the page's main content are known; the rest
is left to enrichment. Careers sites are hand-made, so an odd value (a date that is not ISO 8601, a
salary given as text) is dropped rather than costing the posting.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from job_assets.parsing import vocab
from job_assets.parsing.amounts import parse_number
from job_assets.parsing.dates import iso_to_utc
from job_assets.parsing.html import html_to_text
from job_assets.parsing.locations import dedupe_locations, workplace_from_location_names
from job_assets.parsing.markdown import markdown_to_text
from job_assets.parsing.payload import PostingError, opt_str
from job_assets.parsing.record import Pay, PostingContext, PostingFields, build_record


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):  # schema.org allows a Thing where a name is expected
        return _text(value.get("name"))
    return None


def _items(value: Any) -> list[Any]:
    return value if isinstance(value, list) else ([] if value is None else [value])


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):  # "120,000", "$120,000", "45.000" (European grouping), "45 000"
        return parse_number(re.sub(r"^[^\d]*|[^\d]*$", "", value))
    return None


def _date(posting: dict[str, Any], key: str) -> datetime | None:
    try:
        return iso_to_utc(posting, key)
    except PostingError:
        return None


def _address_text(address: Any) -> str | None:
    if isinstance(address, str):
        return address.strip() or None
    if not isinstance(address, dict):
        return None
    parts = [_text(address.get(k)) for k in ("addressLocality", "addressRegion", "addressCountry")]
    return ", ".join(p for p in parts if p) or _text(address.get("streetAddress"))


def _locations(posting: dict[str, Any], remote: bool) -> list[str]:
    locations = []
    for place in _items(posting.get("jobLocation")):
        if isinstance(place, dict):
            locations.append(_address_text(place.get("address")) or _text(place.get("name")))
        else:
            locations.append(_text(place))
    if remote and not any(locations):
        areas = [_text(a) for a in _items(posting.get("applicantLocationRequirements"))]
        locations = [f"Remote ({a})" for a in areas if a] or ["Remote"]
    return dedupe_locations(loc for loc in locations if loc)


def _is_remote(posting: dict[str, Any]) -> bool:
    return "TELECOMMUTE" in {str(k).strip().upper() for k in _items(posting.get("jobLocationType"))}


def _employment_type(posting: dict[str, Any]) -> str | None:
    for value in _items(posting.get("employmentType")):
        kind = vocab.employment_type(_text(value))
        if kind:
            return kind
    return None


def _pay(posting: dict[str, Any]) -> Pay | None:
    """`baseSalary` (else `estimatedSalary`): a MonetaryAmount whose `value` is a QuantitativeValue
    (minValue/maxValue/value + unitText) or a bare number."""
    for amount in (*_items(posting.get("baseSalary")), *_items(posting.get("estimatedSalary"))):
        if not isinstance(amount, dict):
            continue
        value = amount.get("value")
        unit = amount.get("unitText")
        if isinstance(value, dict):
            low = _number(value.get("minValue"))
            high = _number(value.get("maxValue"))
            if low is None and high is None:
                low = high = _number(value.get("value"))
            unit = value.get("unitText") or unit
        else:
            low = high = _number(value)
        if low is None and high is None:
            continue
        return Pay(
            min=low,
            max=high,
            currency=vocab.currency(_text(amount.get("currency")) or _text(amount.get("salaryCurrency"))),
            period=vocab.pay_period(_text(unit)),
        )
    return None


def _description(payload: dict[str, Any], posting: dict[str, Any] | None) -> str | None:
    text = html_to_text(_text(posting.get("description"))) if posting else ""
    if not text:
        text = markdown_to_text(opt_str(payload, "markdown"))
    return text or None


def parse_careers_page(payload: dict[str, Any], ctx: PostingContext) -> dict[str, Any]:
    posting = payload.get("job_posting")
    if posting is not None and not isinstance(posting, dict):
        raise PostingError(f"job_posting: expected object, got {type(posting).__name__}")
    title = (
        (_text(posting.get("title")) or _text(posting.get("name")) if posting else None)
        or opt_str(payload, "heading")
        or opt_str(payload, "page_title")
    )
    if not title:
        raise PostingError("missing title (no JSON-LD title, <h1> or <title>)")
    if ctx.source_id is None:
        raise PostingError("missing source_id")
    posting = posting or {}
    remote = _is_remote(posting)
    locations = _locations(posting, remote)
    fields = PostingFields(
        source_id=ctx.source_id,
        title=" ".join(title.split()),
        url=ctx.url or opt_str(payload, "canonical_url") or opt_str(payload, "page_url"),
        locations=locations,
        workplace="remote" if remote else workplace_from_location_names(locations),
        department=_text(posting.get("department")),  # not schema.org, but some sites add it
        employment_type=_employment_type(posting),
        description_text=_description(payload, posting or None),
        posted_at=_date(posting, "datePosted"),
        updated_at=_date(posting, "dateModified"),
        pay=_pay(posting),
    )
    return build_record(ctx, fields)
