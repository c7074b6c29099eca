"""One Ashby Posting API job (`/job-board/{board}?includeCompensation=true`) -> a parsed record.

Pay comes from the structured `compensation` components of type Salary: `summaryComponents` when
present (Ashby's own roll-up across tiers), else every tier's components. Equity, bonus and
commission components are not pay ranges and are ignored.
"""

from __future__ import annotations

from typing import Any

from job_assets.parsing import vocab
from job_assets.parsing.dates import iso_to_utc
from job_assets.parsing.html import html_to_text, plain_to_text
from job_assets.parsing.locations import dedupe_locations
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
    locations = [opt_str(payload, "location")]
    for i, secondary in enumerate(dict_items(payload, "secondaryLocations")):
        locations.append(opt_str(secondary, "location", f"secondaryLocations[{i}]."))
    return dedupe_locations(loc for loc in locations if loc)


def _workplace(payload: dict[str, Any]) -> str | None:
    """`workplaceType` when given; else `isRemote: true` means remote (false says nothing)."""
    workplace = vocab.workplace(opt_str(payload, "workplaceType"))
    if workplace is None and opt_bool(payload, "isRemote"):
        return "remote"
    return workplace


def _salary_components(compensation: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    found = [
        (f"compensation.summaryComponents[{i}].", c)
        for i, c in enumerate(dict_items(compensation, "summaryComponents", "compensation."))
    ]
    if not any(c.get("compensationType") == "Salary" for _, c in found):
        found = []
        for t, tier in enumerate(dict_items(compensation, "compensationTiers", "compensation.")):
            where = f"compensation.compensationTiers[{t}]."
            found.extend(
                (f"{where}components[{i}].", c) for i, c in enumerate(dict_items(tier, "components", where))
            )
    return [(where, c) for where, c in found if c.get("compensationType") == "Salary"]


def _pay(payload: dict[str, Any]) -> Pay | None:
    """The Salary components sharing the first one's currency and interval -> overall min and max."""
    components = _salary_components(opt_dict(payload, "compensation"))
    if not components:
        return None
    first_where, first = components[0]
    currency = opt_str(first, "currencyCode", first_where)
    interval = opt_str(first, "interval", first_where)
    lows: list[float] = []
    highs: list[float] = []
    for where, c in components:
        if opt_str(c, "currencyCode", where) != currency or opt_str(c, "interval", where) != interval:
            continue
        low, high = opt_number(c, "minValue", where), opt_number(c, "maxValue", where)
        if low is not None:
            lows.append(low)
        if high is not None:
            highs.append(high)
    if not lows and not highs:
        return None
    return Pay(
        min=min(lows) if lows else None,
        max=max(highs) if highs else None,
        currency=vocab.currency(currency),
        period=vocab.pay_period(interval),
    )


def _description(payload: dict[str, Any]) -> str | None:
    text = html_to_text(opt_str(payload, "descriptionHtml"))
    if not text:
        text = plain_to_text(opt_str(payload, "descriptionPlain") or "")
    return text or None


def parse_ashby(payload: dict[str, Any], ctx: PostingContext) -> dict[str, Any]:
    fields = PostingFields(
        source_id=req_id(payload),
        title=req_str(payload, "title"),
        url=opt_str(payload, "jobUrl"),
        locations=_locations(payload),
        workplace=_workplace(payload),
        department=opt_str(payload, "department") or opt_str(payload, "team"),
        employment_type=vocab.employment_type(opt_str(payload, "employmentType")),
        description_text=_description(payload),
        posted_at=iso_to_utc(payload, "publishedAt"),
        updated_at=iso_to_utc(payload, "updatedAt"),
        pay=_pay(payload),
    )
    return build_record(ctx, fields)
