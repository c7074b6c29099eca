"""Small posting builders for dedup tests: a company's boilerplate plus role text, in the enriched schema."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import polars as pl

from job_assets.dedup.schema import POSTING_COLUMNS

DAY1 = datetime(2025, 9, 15, 6, tzinfo=UTC)
DAY2 = datetime(2025, 9, 16, 6, tzinfo=UTC)
DAY3 = datetime(2025, 9, 17, 6, tzinfo=UTC)

BOILERPLATE = {
    "acme": (
        "About Acme. Acme builds logistics software for grocers and has offices in five countries. "
        "We have grown to four hundred people since our founding in 2012.",
        "Benefits\n- Health, dental and vision insurance\n- Twenty five days of paid vacation\n"
        "- A yearly learning budget and a home office stipend\n- Paid parental leave for every parent",
        "Acme is an equal opportunity employer and values diversity. All qualified applicants receive "
        "consideration without regard to race, color, religion, sex, national origin, disability or veteran status.",
    ),
    "globex": (
        "About Globex. Globex runs search for online marketplaces around the world.",
        "Benefits\n- Health, dental and vision insurance\n- Twenty five days of paid vacation\n"
        "- A yearly learning budget and a home office stipend\n- Paid parental leave for every parent",
        "Acme is an equal opportunity employer and values diversity. All qualified applicants receive "
        "consideration without regard to race, color, religion, sex, national origin, disability or veteran status.",
    ),
}

ROLE_TEXT = {
    "payments": "You will build the ledger that reconciles settlement files from four card processors, make "
    "refunds and chargebacks observable end to end, and move invoicing from nightly batches to events. "
    "You have six years of backend experience with money-moving systems, PostgreSQL and idempotent APIs.",
    "identity": "You will replace our session store with short lived tokens, ship SCIM provisioning for "
    "enterprise accounts and make role based access checks fast enough for every request. You know OAuth, "
    "OIDC and SAML and have worked with security auditors.",
    "search": "You will improve the query understanding pipeline, tune ranking features with offline "
    "evaluations, and run online experiments with the largest marketplaces we serve. You have shipped "
    "learning to rank models and know Elasticsearch or Vespa.",
    "design": "You will own the planning workspace from research to pixels: interviews with merchandisers, "
    "flows and prototypes in Figma, and the interface details that make dense data calm. You have three years "
    "of product design on data heavy web applications.",
    "support": "You will answer technical questions by email and chat, reproduce customer issues and work "
    "with engineers to get bugs fixed quickly. You are comfortable reading JSON, HTTP logs and small scripts.",
    "ads": "You will build the streaming jobs that join impressions, clicks and conversions for sponsored "
    "listings, and own the billing tables that advertisers are invoiced from every morning.",
    "quality": "You will turn raw query logs into labelled sessions for relevance models and keep the evaluation "
    "datasets that tell us when search quality drops after a release.",
    "sales": "You will own the full sales cycle with mid market retailers, run tailored demos, build business "
    "cases with finance leaders and negotiate multi year contracts. You have four years of closing experience.",
}


def description(company: str, role: str, *, edit: str = "") -> str:
    about, benefits, eeo = BOILERPLATE[company]
    return "\n\n".join([about, ROLE_TEXT[role] + edit, benefits, eeo])


def posting(
    key: str, title: str, role: str | None, *, company: str = "acme", **fields: Any
) -> dict[str, Any]:
    """One posting row; `role` picks the role text (None: no description)."""
    source = key.split(":", 1)[0]
    row: dict[str, Any] = {
        "posting_key": key,
        "company": company,
        "company_name": company.title(),
        "source": source,
        "url": f"https://{source}.example/{company}/{key.split(':', 1)[1]}",
        "title": title,
        "locations": ["New York, NY"],
        "department": None,
        "description_text": description(company, role) if role else None,
        "posted_at": datetime(2025, 9, 1, tzinfo=UTC),
        "fetched_at": DAY1,
    }
    row.update(fields)
    return row


def frame(rows: list[dict[str, Any]]) -> pl.DataFrame:
    schema = {k: v for k, v in POSTING_COLUMNS.items() if any(k in r for r in rows)}
    return pl.DataFrame(rows, schema=schema)


def company_base(company: str = "acme") -> list[dict[str, Any]]:
    """Unrelated roles of one company: enough distinct roles for its boilerplate to be measurable."""
    return [
        posting(f"greenhouse:{company}-pay", "Backend Engineer, Payments", "payments", company=company),
        posting(f"greenhouse:{company}-id", "Backend Engineer, Identity", "identity", company=company),
        posting(f"greenhouse:{company}-search", "Search Engineer", "search", company=company),
        posting(f"greenhouse:{company}-design", "Product Designer", "design", company=company),
        posting(f"greenhouse:{company}-support", "Support Specialist", "support", company=company),
    ]
