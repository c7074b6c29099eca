"""Ashby Posting API payloads: `{"apiVersion": "1", "jobs": [...]}`, compensation on request."""

from __future__ import annotations

import html
from typing import Any

from job_assets_sandbox.catalog.ids import iso_millis, uuid_id
from job_assets_sandbox.catalog.model import Pay, Place, SamplePosting
from job_assets_sandbox.catalog.pay import ASHBY_INTERVAL, ashby_summary
from job_assets_sandbox.catalog.sections import Block, describe, plain

EMPLOYMENT = {
    "full_time": "FullTime",
    "part_time": "PartTime",
    "contract": "Contract",
    "intern": "Intern",
    "temporary": "Temporary",
}
WORKPLACE = {"onsite": "OnSite", "hybrid": "Hybrid", "remote": "Remote", "unspecified": None}
_P = '<p style="min-height:1.5em">'


def _html(blocks: list[Block]) -> str:
    out: list[str] = []
    for kind, value in blocks:
        if kind == "h":
            out.append(f"{_P}<strong>{html.escape(str(value), quote=False)}</strong></p>")
        elif kind == "p":
            out.append(f"{_P}{html.escape(str(value), quote=False)}</p>")
        else:
            items = "".join(f"<li>{_P}{html.escape(i, quote=False)}</p></li>" for i in value)
            out.append(f'<ul style="min-height:1.5em">{items}</ul>')
    return "".join(out)


def _location_name(place: Place) -> str:
    return f"Remote ({place.country_code})" if place.remote else str(place.city)


def _postal(place: Place) -> dict[str, Any]:
    address: dict[str, Any] = {"addressCountry": place.country}
    if not place.remote:
        address = {"addressLocality": place.city, "addressRegion": place.region, **address}
    return {"postalAddress": address}


def _component(
    owner: str, n: int, kind: str, pay: Pay | None, low: int | None, high: int, currency: str
) -> dict[str, Any]:
    if kind == "EquityPercentage":
        return {
            "id": uuid_id(owner, "component", n),
            "summary": "Offers Equity",
            "compensationType": "EquityPercentage",
            "interval": "NONE",
            "currencyCode": None,
            "minValue": None,
            "maxValue": None,
        }
    assert pay is not None
    summary = ashby_summary(low, high, currency, pay.period)
    return {
        "id": uuid_id(owner, "component", n),
        "summary": summary if low is not None else f"Up to {summary}",
        "compensationType": "Salary",
        "interval": ASHBY_INTERVAL[pay.period],
        "currencyCode": currency,
        "minValue": low,
        "maxValue": high,
    }


def compensation(posting: SamplePosting, day: int) -> dict[str, Any]:
    """Ashby's compensation object; empty (nulls and empty lists) when the posting states no pay."""
    pay = posting.opening.pay_on(day)
    if pay is None or not pay.structured:
        return {
            "compensationTierSummary": None,
            "scrapeableCompensationSalarySummary": None,
            "compensationTiers": [],
            "summaryComponents": [],
        }
    owner = posting.source_id
    rows = [(t.label, t.min, t.max, t.currency or pay.currency) for t in pay.tiers] or [
        (None, pay.min, pay.max, pay.currency)
    ]
    tiers = []
    for index, (label, low, high, currency) in enumerate(rows):
        components = [_component(owner, index * 2, "Salary", pay, low, high, currency)]
        if pay.equity:
            components.append(_component(owner, index * 2 + 1, "EquityPercentage", None, None, 0, ""))
        summary = " • ".join(c["summary"] for c in components)
        tiers.append(
            {
                "id": uuid_id(owner, "tier", index),
                "tierSummary": summary,
                "title": label,
                "additionalInformation": None,
                "components": components,
            }
        )
    same = [r for r in rows if r[3] == pay.currency]
    low = min((r[1] for r in same if r[1] is not None), default=None)
    high = max(r[2] for r in same)
    summary_components = [_component(owner, 100, "Salary", pay, low, high, pay.currency)]
    if pay.equity:
        summary_components.append(_component(owner, 101, "EquityPercentage", None, None, 0, ""))
    salary = summary_components[0]["summary"]
    return {
        "compensationTierSummary": " • ".join(c["summary"] for c in summary_components),
        "scrapeableCompensationSalarySummary": salary.replace(" – ", " - ") if pay.period == "year" else None,
        "compensationTiers": tiers,
        "summaryComponents": summary_components,
    }


def job(posting: SamplePosting, day: int, *, include_compensation: bool) -> dict[str, Any]:
    opening = posting.opening
    d = describe(posting, day)
    blocks = d.blocks(about_first=posting.company.about_first)
    url = f"https://jobs.ashbyhq.com/{posting.board}/{posting.source_id}"
    primary, *secondary = posting.places
    pay = opening.pay_on(day)
    data: dict[str, Any] = {
        "id": posting.source_id,
        "title": posting.title,
        "department": posting.department,
        "team": posting.team,
        "employmentType": EMPLOYMENT[opening.employment],
        "location": _location_name(primary),
        "secondaryLocations": [{"location": _location_name(p), "address": _postal(p)} for p in secondary],
        "publishedAt": iso_millis(posting.published),
        "isListed": opening.listed,
        "isRemote": opening.workplace == "remote",
        "workplaceType": WORKPLACE[opening.workplace],
        "address": _postal(primary),
        "jobUrl": url,
        "applyUrl": f"{url}/application",
        "descriptionHtml": _html(blocks),
        "descriptionPlain": plain(blocks),
        "shouldDisplayCompensationOnJobPostings": pay is not None and pay.structured,
    }
    if include_compensation:
        data["compensation"] = compensation(posting, day)
    return data


def board(postings: list[SamplePosting], day: int, *, include_compensation: bool) -> dict[str, Any]:
    return {
        "apiVersion": "1",
        "jobs": [job(p, day, include_compensation=include_compensation) for p in postings],
    }
