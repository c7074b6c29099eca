"""Lever Postings API payloads: a plain list of postings, `<div>`-style HTML plus `...Plain` twins."""

from __future__ import annotations

import html
from typing import Any

from job_assets_sandbox.catalog.ids import epoch_ms
from job_assets_sandbox.catalog.model import SamplePosting
from job_assets_sandbox.catalog.pay import LEVER_INTERVAL, format_range
from job_assets_sandbox.catalog.places import iso_country
from job_assets_sandbox.catalog.sections import Block, describe, plain

COMMITMENT = {
    "full_time": "Full-time",
    "part_time": "Part-time",
    "contract": "Contract",
    "intern": "Intern",
    "temporary": "Temporary",
}
WORKPLACE = {"onsite": "on-site", "hybrid": "hybrid", "remote": "remote", "unspecified": "unspecified"}


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _html(blocks: list[Block] | tuple[Block, ...]) -> str:
    out: list[str] = []
    for kind, value in blocks:
        if kind == "h":
            out.append(f"<div><b>{_esc(str(value))}</b></div>")
        elif kind == "p":
            out.append(f"<div>{_esc(str(value))}</div><div><br></div>")
        else:
            out.append("<ul>" + "".join(f"<li>{_esc(i)}</li>" for i in value) + "</ul>")
    return "".join(out)


def posting_json(posting: SamplePosting, day: int) -> dict[str, Any]:
    company, opening = posting.company, posting.opening
    d = describe(posting, day)
    opening_blocks = d.about if company.about_first else ()
    closing_about = () if company.about_first else d.about
    additional = [*d.pay, *closing_about, *d.benefits, *d.eeo]
    url = f"https://jobs.lever.co/{posting.board}/{posting.source_id}"
    data: dict[str, Any] = {
        "additional": _html(additional),
        "additionalPlain": plain(additional, bullet="-"),
        "categories": {
            "commitment": COMMITMENT[opening.employment],
            "department": posting.department,
            "location": posting.places[0].name,
            "team": posting.team,
            "allLocations": [p.name for p in posting.places],
        },
        "createdAt": epoch_ms(posting.published),
        "descriptionPlain": plain([*opening_blocks, *d.role], bullet="-"),
        "description": _html([*opening_blocks, *d.role]),
        "descriptionBody": _html(d.role),
        "descriptionBodyPlain": plain(d.role, bullet="-"),
        "opening": _html(opening_blocks),
        "openingPlain": plain(opening_blocks, bullet="-"),
        "id": posting.source_id,
        "lists": [
            {"text": heading, "content": "".join(f"<li>{_esc(item)}</li>" for item in items)}
            for heading, items in d.lists
        ],
        "text": posting.title,
        "country": iso_country(posting.places[0]),
        "workplaceType": WORKPLACE[opening.workplace],
        "hostedUrl": url,
        "applyUrl": f"{url}/apply",
    }
    pay = opening.pay_on(day)
    if pay is not None and pay.structured and pay.min is not None and not pay.tiers:
        data["salaryRange"] = {
            "currency": pay.currency,
            "interval": LEVER_INTERVAL[pay.period],
            "min": pay.min,
            "max": pay.max,
        }
        if not pay.in_text:
            text = format_range("range", pay.min, pay.max, pay.currency, pay.period)
            sentence = (
                f"The salary range for this role is {text}. Final offers depend on experience and location."
            )
            data["salaryDescription"] = f"<div>{_esc(sentence)}</div>"
            data["salaryDescriptionPlain"] = sentence
    return data


def page(postings: list[SamplePosting], day: int) -> list[dict[str, Any]]:
    return [posting_json(p, day) for p in postings]
