"""Cobalt Ledger (Greenhouse): treasury software in London, Berlin, Amsterdam and New York. Pounds, euros
in German notation, and one opening that closes on day 2 and reopens on day 3."""

from __future__ import annotations

from job_assets.devserver.catalog.model import CompanyProfile, Opening, Pay

COMPANY = CompanyProfile(
    slug="cobalt-ledger",
    name="Cobalt Ledger",
    boards={"greenhouse": "cobaltledger"},
    website="https://cobaltledger.com",
    vars={
        "product": "Cobalt",
        "domain": "corporate treasury and payments",
        "customers": "finance teams",
        "stack": "Kotlin and TypeScript",
        "cloud": "AWS",
        "data": "more than $40 billion in annual payment volume",
    },
    about=(
        "Cobalt Ledger gives finance teams a real-time view of their cash and a single place to move it. "
        "Treasurers and CFOs at more than 1,200 companies use Cobalt to forecast cash, pay suppliers in 60 "
        "currencies and stay on top of risk.",
        "We are backed by leading fintech investors and raised $50M in our Series B in 2024. We are 230 people "
        "across London, Berlin, Amsterdam and New York.",
    ),
    benefits=(
        "Private medical insurance for you and your family",
        "Pension contribution of 5% (UK, NL, DE) or a 401(k) match of 4% (US)",
        "28 days of annual leave plus public holidays",
        "€1,000 yearly learning budget",
        "Hybrid working: two days a week in the office, and up to four weeks a year working from anywhere",
    ),
    eeo="Cobalt Ledger is committed to building a diverse and inclusive team. We welcome applications from "
    "people of all backgrounds and do not discriminate on the basis of race, religion, sex, gender identity, "
    "sexual orientation, age, disability or any other protected characteristic.",
    pay_sentence="Salary: {range} plus equity.",
    headings=("What you'll do", "What we're looking for", "Nice to have"),
    utc_offset=1,
    openings=(
        Opening(
            key="backend",
            role="backend_engineer",
            title="Senior Backend Engineer (Kotlin)",
            locations=("london", "amsterdam"),
            split=True,
            workplace="hybrid",
            posted=13,
        ),
        Opening(
            key="payments-ops",
            role="payments_operations_analyst",
            locations=("amsterdam",),
            workplace="hybrid",
            pay=Pay(48000, 58000, currency="EUR", style="eu"),
            posted=9,
        ),
        Opening(
            key="pm",
            role="product_manager",
            title="Senior Product Manager, Payments",
            locations=("berlin",),
            workplace="hybrid",
            pay=Pay(80000, 95000, currency="EUR", style="eu"),
            posted=20,
        ),
        Opening(
            key="compliance",
            role="compliance_manager",
            title="Compliance Manager (AML)",
            locations=("london",),
            workplace="hybrid",
            pay=Pay(70000, 85000, currency="GBP", style="plain"),
            posted=27,
        ),
        Opening(
            key="sre",
            role="site_reliability_engineer",
            locations=("nyc",),
            workplace="hybrid",
            pay=Pay(
                150000,
                185000,
                style="endash",
                sentence="The base salary for this role in New York is {range}.",
            ),
            posted=6,
        ),
        Opening(key="fpa", role="financial_analyst", title="FP&A Analyst", locations=("london",), posted=15),
        Opening(
            key="data-analyst", role="data_analyst", locations=("berlin",), workplace="hybrid", posted=11
        ),
        Opening(key="security", role="security_engineer", locations=("london", "remote-uk"), posted=24),
        Opening(
            key="ae",
            role="account_executive",
            title="Account Executive, Mid-Market",
            locations=("nyc",),
            workplace="hybrid",
            pay=Pay(90000, 110000, sentence="Base salary: {range}. On-target earnings are double the base."),
            posted=4,
        ),
        Opening(
            key="counsel",
            role="legal_counsel",
            title="Commercial Counsel",
            locations=("london",),
            posted=35,
            closes=2,
            reopens=3,
        ),
        Opening(
            key="designer",
            role="product_designer",
            title="Senior Product Designer",
            locations=("amsterdam",),
            workplace="hybrid",
            posted=18,
        ),
        Opening(
            key="sdr",
            role="sales_development_rep",
            title="Sales Development Representative (German speaking)",
            locations=("berlin",),
            pay=Pay(45000, 52000, currency="EUR", style="eu"),
            posted=2,
        ),
        Opening(
            key="qa", role="qa_automation_engineer", locations=("berlin",), workplace="hybrid", posted=21
        ),
        Opening(
            key="recruiter",
            role="recruiter",
            title="Talent Partner",
            locations=("london",),
            workplace="hybrid",
            pay=Pay(55000, 65000, currency="GBP", style="plain"),
            posted=10,
        ),
    ),
)
