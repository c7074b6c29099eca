"""One Ashby Posting API job (`/job-board/{board}?includeCompensation=true`) -> a parsed record.

Pay comes from the structured `compensation` components of type Salary: the tiers' components (one tier per
location or zone; `pay_tiers` picks the posting's), else `summaryComponents` (Ashby's own roll-up). Equity,
bonus and commission components are not pay ranges and are ignored.
"""

from __future__ import annotations

from typing import Any

from job_assets.parsing import vocab
from job_assets.parsing.dates import iso_to_utc
from job_assets.parsing.html import html_to_text, plain_to_text
from job_assets.parsing.locations import dedupe_locations, split_location_text
from job_assets.parsing.pay_tiers import PayRange, choose_range
from job_assets.parsing.payload import (
    dict_items,
    opt_bool,
    opt_dict,
    opt_number,
    opt_str,
    req_id,
    req_str,
)
from job_assets.parsing.record import Pay, PostingContext, PostingFields, build_record


def _locations(payload: dict[str, Any]) -> list[str]:
    """`location` and each secondary location; one of them may itself name several places ("SF / NY")."""
    locations = [opt_str(payload, "location")]
    for i, secondary in enumerate(dict_items(payload, "secondaryLocations")):
        locations.append(opt_str(secondary, "location", f"secondaryLocations[{i}]."))
    return dedupe_locations(place for loc in locations for place in split_location_text(loc))


def _workplace(payload: dict[str, Any]) -> str | None:
    """`workplaceType` when given; else `isRemote: true` means remote (false says nothing)."""
    workplace = vocab.workplace(opt_str(payload, "workplaceType"))
    if workplace is None and opt_bool(payload, "isRemote"):
        return "remote"
    return workplace


def _salary_ranges(compensation: dict[str, Any]) -> list[PayRange]:
    """Every Salary component: per tier (labelled with the tier's title) when tiers are given, else Ashby's
    own `summaryComponents` roll-up."""
    found: list[tuple[str, str, dict[str, Any]]] = []
    for t, tier in enumerate(dict_items(compensation, "compensationTiers", "compensation.")):
        where = f"compensation.compensationTiers[{t}]."
        label = opt_str(tier, "title", where) or ""
        found.extend(
            (label, f"{where}components[{i}].", c)
            for i, c in enumerate(dict_items(tier, "components", where))
        )
    if not any(c.get("compensationType") == "Salary" for _, _, c in found):
        found = [
            ("", f"compensation.summaryComponents[{i}].", c)
            for i, c in enumerate(dict_items(compensation, "summaryComponents", "compensation."))
        ]
    return [
        PayRange(
            label=label,
            min=opt_number(c, "minValue", where),
            max=opt_number(c, "maxValue", where),
            currency=vocab.currency(opt_str(c, "currencyCode", where)),
            period=vocab.pay_period(opt_str(c, "interval", where)),
        )
        for label, where, c in found
        if c.get("compensationType") == "Salary"
    ]


def _pay(payload: dict[str, Any], locations: list[str]) -> Pay | None:
    """The Salary range of the tiers for the posting's locations (`pay_tiers.choose_range`)."""
    return choose_range(_salary_ranges(opt_dict(payload, "compensation")), locations)


def _description(payload: dict[str, Any]) -> str | None:
    text = html_to_text(opt_str(payload, "descriptionHtml"))
    if not text:
        text = plain_to_text(opt_str(payload, "descriptionPlain") or "")
    return text or None


def parse_ashby(payload: dict[str, Any], ctx: PostingContext) -> dict[str, Any]:
    locations = _locations(payload)
    fields = PostingFields(
        source_id=req_id(payload),
        title=req_str(payload, "title"),
        url=opt_str(payload, "jobUrl"),
        locations=locations,
        workplace=_workplace(payload),
        department=opt_str(payload, "department") or opt_str(payload, "team"),
        employment_type=vocab.employment_type(opt_str(payload, "employmentType")),
        description_text=_description(payload),
        posted_at=iso_to_utc(payload, "publishedAt"),
        updated_at=iso_to_utc(payload, "updatedAt"),
        pay=_pay(payload, locations),
    )
    return build_record(ctx, fields)
