"""Greenhouse Job Board API payloads: `{"jobs": [...], "meta": {"total": N}}`, content entity-escaped."""

from __future__ import annotations

import html
from typing import Any

from job_assets_sandbox.catalog.ids import iso_offset, small_id
from job_assets_sandbox.catalog.model import SamplePosting
from job_assets_sandbox.catalog.pay import SYMBOLS
from job_assets_sandbox.catalog.sections import Block, describe

EMPLOYMENT_LABEL = {
    "full_time": "Full-time",
    "part_time": "Part-time",
    "contract": "Contract",
    "intern": "Intern",
    "temporary": "Temporary",
}


def _blocks_html(blocks: list[Block]) -> str:
    out: list[str] = []
    for kind, value in blocks:
        if kind == "h":
            out.append(f"<p><strong>{html.escape(str(value), quote=False)}&nbsp;</strong></p>")
        elif kind == "p":
            out.append(f"<p>{html.escape(str(value), quote=False)}</p>")
        else:
            items = "".join(f"<li>{html.escape(i, quote=False)}</li>" for i in value)
            out.append(f"<ul>{items}</ul>")
    return "".join(out)


def _money(value: int, currency: str) -> str:
    return f"{SYMBOLS.get(currency, '')}{value:,}"


def _pay_block(posting: SamplePosting, day: int) -> str | None:
    """The `content-pay-transparency` div Greenhouse writes into the content when pay transparency is on."""
    pay = posting.opening.pay_on(day)
    if pay is None or pay.min is None or pay.tiers or not posting.company.pay_block:
        return None
    title = "Hourly pay range" if pay.period == "hour" else "Annual base salary range"
    return (
        '<div class="content-pay-transparency"><div class="pay-input">'
        f'<div class="title">{title}</div>'
        f'<div class="pay-range"><span>{_money(pay.min, pay.currency)}</span><span class="divider">&mdash;</span>'
        f"<span>{_money(pay.max, pay.currency)} {pay.currency}</span></div></div></div>"
    )


def content_html(posting: SamplePosting, day: int) -> str:
    """The description as Greenhouse stores it, before the API entity-escapes it."""
    company = posting.company
    d = describe(posting, day)
    pay_block = _pay_block(posting, day)
    middle = [*d.role]
    for heading, items in d.lists:
        middle += [("h", heading), ("ul", items)]
    parts: list[str] = []
    if company.about_first:
        parts.append(f'<div class="content-intro">{_blocks_html(list(d.about))}</div>')
    parts.append(_blocks_html(middle))
    if pay_block is not None:
        parts.append(pay_block)
    elif d.pay:
        parts.append(_blocks_html(list(d.pay)))
    if not company.about_first:
        parts.append(_blocks_html(list(d.about)))
    parts.append(f'<div class="content-conclusion">{_blocks_html([*d.benefits, *d.eeo])}</div>')
    if company.script:
        parts.append(f'<script type="text/javascript">{company.script}</script>')
    return "".join(parts)


def _office(posting: SamplePosting) -> list[dict[str, Any]]:
    offices = []
    for place in posting.places:
        name = "Remote" if place.remote else place.city
        location = place.country if place.remote else f"{place.city}, {place.region}, {place.country}"
        offices.append(
            {
                "id": small_id(posting.company.slug, "office", place.key),
                "name": name,
                "location": location,
                "child_ids": [],
                "parent_id": None,
            }
        )
    return offices


def absolute_url(posting: SamplePosting) -> str:
    if posting.company.metadata:  # companies that embed the board on their own careers site
        return f"{posting.company.website}/careers/job?gh_jid={posting.source_id}"
    return f"https://job-boards.greenhouse.io/{posting.board}/jobs/{posting.source_id}"


def job(posting: SamplePosting, day: int, *, content: bool, pay_transparency: bool = False) -> dict[str, Any]:
    offset = posting.company.utc_offset
    metadata = None
    if posting.company.metadata:
        metadata = [
            {
                "id": small_id(posting.company.slug, "metadata"),
                "name": "Employment Type",
                "value": EMPLOYMENT_LABEL[posting.opening.employment],
                "value_type": "single_select",
            }
        ]
    data: dict[str, Any] = {
        "absolute_url": absolute_url(posting),
        "data_compliance": [
            {
                "type": "gdpr",
                "requires_consent": False,
                "requires_processing_consent": False,
                "requires_retention_consent": False,
                "retention_period": None,
            }
        ],
        "internal_job_id": posting.internal_id,
        "location": {"name": "; ".join(p.name for p in posting.places)},
        "metadata": metadata,
        "id": int(posting.source_id),
        "updated_at": iso_offset(posting.updated(day), offset),
        "requisition_id": posting.requisition,
        "title": posting.title,
        "company_name": posting.company.name,
        "first_published": iso_offset(posting.published, offset),
        "language": "en",
    }
    if content:
        data["content"] = html.escape(content_html(posting, day), quote=True)
        data["departments"] = [
            {
                "id": small_id(posting.company.slug, "department", posting.department),
                "name": posting.department,
                "child_ids": [],
                "parent_id": None,
            }
        ]
        data["offices"] = _office(posting)
    if pay_transparency:
        data["pay_input_ranges"] = pay_input_ranges(posting, day)
    return data


def pay_input_ranges(posting: SamplePosting, day: int) -> list[dict[str, Any]]:
    pay = posting.opening.pay_on(day)
    if pay is None or not pay.structured or pay.min is None:
        return []
    tiers = pay.tiers or ()
    rows = [(t.label, t.min, t.max, t.currency or pay.currency) for t in tiers] or [
        (posting.places[0].name, pay.min, pay.max, pay.currency)
    ]
    return [
        {
            "min_cents": low * 100,
            "max_cents": high * 100,
            "currency_type": currency,
            "title": label,
            "blurb": "Individual pay is based on skills, experience and location.",
        }
        for label, low, high, currency in rows
    ]


def board(postings: list[SamplePosting], day: int, *, content: bool) -> dict[str, Any]:
    jobs = [job(p, day, content=content) for p in postings]
    return {"jobs": jobs, "meta": {"total": len(jobs)}}
