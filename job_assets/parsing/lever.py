"""One Lever Postings API posting (`/postings/{site}?mode=json`) -> a parsed record.

Lever splits the description into `description`, `lists` (a heading + `<li>` HTML each) and
`additional`; we rebuild them as one HTML document in that order and render it once, so the
lists come out as a heading line followed by `- ` lines.
"""

from __future__ import annotations

import html as htmllib
from typing import Any

from job_assets.parsing import vocab
from job_assets.parsing.dates import epoch_to_utc
from job_assets.parsing.html import html_to_text, plain_to_text
from job_assets.parsing.locations import dedupe_locations, split_location_text
from job_assets.parsing.payload import (
    dict_items,
    opt_dict,
    opt_number,
    opt_str,
    req_id,
    req_str,
    str_items,
)
from job_assets.parsing.record import Pay, PostingContext, PostingFields, build_record


def _locations(categories: dict[str, Any]) -> list[str]:
    """`allLocations` when given, else the single `location`; either's strings may name several places
    ("New York, NY or Remote")."""
    locations = str_items(categories, "allLocations", "categories.") or [
        opt_str(categories, "location", "categories.")
    ]
    return dedupe_locations(place for loc in locations for place in split_location_text(loc))


def _fuller(combined: str | None, opening: str | None, body: str | None) -> str | None:
    """Lever sends the text twice: `description` and its halves `opening` + `descriptionBody`. They agree in a
    whole answer; where a saved answer cut one (a trimmed fixture, a proxy's limit), the other still holds it."""
    split = "\n".join(p for p in (opening, body) if p) if body else None
    return max((t for t in (combined, split) if t), key=len, default=None)


def _description(payload: dict[str, Any]) -> str | None:
    parts: list[str] = []
    description = _fuller(
        opt_str(payload, "description"), opt_str(payload, "opening"), opt_str(payload, "descriptionBody")
    )
    if description:
        parts.append(description)
    for i, item in enumerate(dict_items(payload, "lists")):
        heading = opt_str(item, "text", f"lists[{i}].")
        content = opt_str(item, "content", f"lists[{i}].")
        if heading:
            parts.append(f"<h3>{htmllib.escape(heading)}</h3>")
        if content:
            parts.append(f"<ul>{content}</ul>")
    additional = opt_str(payload, "additional")
    if additional:
        parts.append(additional)
    if parts:
        return html_to_text("\n".join(parts)) or None
    # Only the plain variants (a trimmed payload): keep their lines.
    plain = [
        _fuller(
            opt_str(payload, "descriptionPlain"),
            opt_str(payload, "openingPlain"),
            opt_str(payload, "descriptionBodyPlain"),
        ),
        opt_str(payload, "additionalPlain"),
    ]
    return plain_to_text("\n\n".join(p for p in plain if p)) or None


def _pay(payload: dict[str, Any]) -> Pay | None:
    salary = opt_dict(payload, "salaryRange")
    if not salary:
        return None
    low, high = opt_number(salary, "min", "salaryRange."), opt_number(salary, "max", "salaryRange.")
    if low is None and high is None:
        return None
    return Pay(
        min=low,
        max=high,
        currency=vocab.currency(opt_str(salary, "currency", "salaryRange.")),
        period=vocab.pay_period(opt_str(salary, "interval", "salaryRange.")),
    )


def parse_lever(payload: dict[str, Any], ctx: PostingContext) -> dict[str, Any]:
    categories = opt_dict(payload, "categories")
    department = opt_str(categories, "department", "categories.") or opt_str(
        categories, "team", "categories."
    )
    description = _description(payload)
    fields = PostingFields(
        source_id=req_id(payload),
        title=req_str(payload, "text"),
        url=opt_str(payload, "hostedUrl"),
        locations=_locations(categories),
        workplace=vocab.workplace(opt_str(payload, "workplaceType")),
        department=department,
        employment_type=vocab.employment_type(opt_str(categories, "commitment", "categories."), description),
        description_text=description,
        posted_at=epoch_to_utc(payload, "createdAt"),
        updated_at=epoch_to_utc(payload, "updatedAt"),
        pay=_pay(payload),
    )
    return build_record(ctx, fields)
