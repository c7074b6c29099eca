"""Juniper Labs (Ashby): AI for customer support in San Francisco and London. Two different jobs titled
"Machine Learning Engineer", pay in dollars and pounds, and one unlisted posting."""

from __future__ import annotations

from job_assets.devserver.catalog.model import CompanyProfile, Opening, Pay, PayTier

COMPANY = CompanyProfile(
    slug="juniper-labs",
    name="Juniper Labs",
    boards={"ashby": "juniperlabs"},
    website="https://juniperlabs.ai",
    vars={
        "product": "Juniper Assist",
        "domain": "AI for customer support",
        "customers": "support teams",
        "stack": "Python, PyTorch and TypeScript",
        "cloud": "Google Cloud",
        "data": "40 million anonymised support conversations",
    },
    about=(
        "Juniper Labs builds AI agents that resolve customer support conversations end to end, and hand over "
        "to a human when they should. Juniper Assist is used by 350 companies and resolves over 60% of the "
        "conversations it handles.",
        "We are a team of 120 in San Francisco and London, and we raised $110M in Series B funding this year.",
    ),
    benefits=(
        "Top-tier medical, dental and vision insurance",
        "401(k) plan (US) and pension (UK)",
        "Equity for every employee",
        "Lunch and dinner provided in the office",
        "Annual $3,000 learning and conference budget",
    ),
    eeo="Juniper Labs is an equal opportunity employer. We believe diverse teams build better products, and we "
    "welcome applicants of all backgrounds. Please let us know if you need any accommodations during the "
    "interview process.",
    pay_sentence="Salary range: {range}.",
    utc_offset=-7,
    openings=(
        Opening(
            key="ml-inference",
            role="ml_engineer_inference",
            locations=("sf",),
            workplace="onsite",
            pay=Pay(190000, 250000, in_text=False, equity=True),
            posted=10,
        ),
        Opening(
            key="ml-training",
            role="ml_engineer_training",
            locations=("sf",),
            workplace="onsite",
            pay=Pay(190000, 250000, in_text=False, equity=True),
            posted=10,
            negative_of="ml-inference",
            negative_reason="same title and pay, different team and scope",
        ),
        Opening(
            key="research",
            role="research_scientist",
            title="Research Scientist, Evaluation",
            locations=("sf", "london"),
            workplace="hybrid",
            pay=Pay(
                220000,
                300000,
                equity=True,
                tiers=(PayTier("San Francisco", 220000, 300000), PayTier("London", 150000, 200000, "GBP")),
            ),
            posted=21,
        ),
        Opening(
            key="backend",
            role="backend_engineer",
            level="senior",
            title="Software Engineer, Backend",
            locations=("sf",),
            workplace="hybrid",
            pay=Pay(170000, 220000, in_text=False, equity=True),
            posted=6,
        ),
        Opening(
            key="product-eng",
            role="fullstack_engineer",
            title="Product Engineer",
            locations=("london",),
            workplace="hybrid",
            pay=Pay(90000, 120000, currency="GBP", style="plain", equity=True),
            posted=13,
        ),
        Opening(
            key="pm",
            role="product_manager",
            title="Product Manager, Agent Platform",
            locations=("sf",),
            workplace="hybrid",
            posted=17,
        ),
        Opening(
            key="designer",
            role="product_designer",
            locations=("sf",),
            workplace="hybrid",
            pay=Pay(160000, 200000, in_text=False, equity=True),
            posted=8,
        ),
        Opening(
            key="csm",
            role="customer_success_manager",
            title="Customer Success Manager, Enterprise",
            locations=("london",),
            workplace="hybrid",
            posted=26,
        ),
        Opening(
            key="ae",
            role="account_executive",
            title="Mid-Market Account Executive",
            locations=("sf",),
            workplace="hybrid",
            posted=12,
        ),
        Opening(key="data", role="data_analyst", title="Data Analyst, GTM", locations=("sf",), posted=4),
        Opening(
            key="people",
            role="people_partner",
            title="People Operations Generalist",
            locations=("sf",),
            workplace="hybrid",
            posted=29,
        ),
        Opening(
            key="docs",
            role="technical_writer",
            title="Developer Documentation Writer",
            locations=("remote-us",),
            workplace="remote",
            pay=Pay(130000, 155000, in_text=False),
            posted=15,
        ),
        Opening(
            key="sre", role="site_reliability_engineer", locations=("sf",), workplace="hybrid", posted=19
        ),
        Opening(key="security", role="security_engineer", locations=("sf",), workplace="hybrid", posted=23),
        Opening(
            key="solutions",
            role="solutions_engineer",
            locations=("sf", "nyc"),
            workplace="hybrid",
            pay=Pay(150000, 180000, style="k", equity=True),
            opens=2,
            posted=0,
        ),
        Opening(
            key="stealth",
            role="platform_engineer",
            title="Founding Engineer, New Product",
            locations=("sf",),
            posted=3,
            listed=False,
        ),
    ),
)
