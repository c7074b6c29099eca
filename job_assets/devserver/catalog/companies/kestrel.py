"""Kestrel Security (Ashby): identity threat detection in New York, hiring across the US and Canada.
Hourly contracts, per-country tiers in two currencies, and an empty compensation object."""

from __future__ import annotations

from job_assets.devserver.catalog.model import CompanyProfile, Opening, Pay, PayTier

COMPANY = CompanyProfile(
    slug="kestrel-security",
    name="Kestrel Security",
    boards={"ashby": "kestrel"},
    website="https://kestrelsec.com",
    vars={
        "product": "Kestrel Identity Defense",
        "domain": "identity threat detection and response",
        "customers": "security teams",
        "stack": "Go and Python",
        "cloud": "AWS and Google Cloud",
        "data": "2 billion authentication events a day",
    },
    about=(
        "Kestrel Security stops attackers who log in instead of breaking in. Our platform watches identity "
        "providers, SaaS apps and cloud consoles for signs of account takeover, and our analysts respond around "
        "the clock.",
        "Kestrel protects more than 700 organizations, from hospitals to global banks. We raised $65M in our "
        "Series B and were named a leader in identity threat detection by two major analyst firms.",
    ),
    benefits=(
        "Medical, dental and vision insurance (US) and supplemental health coverage (Canada)",
        "401(k) match of 3% (US) and RRSP match (Canada)",
        "Stock options for every full-time employee",
        "Home office stipend of $750 when you join",
        "Four weeks of vacation and a wellness day every month",
    ),
    eeo="Kestrel Security is an equal opportunity employer. All qualified applicants will receive consideration "
    "for employment without regard to race, color, religion, sex, sexual orientation, gender identity, "
    "national origin, disability, or status as a protected veteran.",
    pay_sentence="The expected pay for this role is {range}.",
    headings=("What you'll do", "What we're looking for", "Bonus points"),
    utc_offset=-4,
    openings=(
        Opening(
            key="soc",
            role="soc_analyst",
            title="SOC Analyst (Contract)",
            locations=("remote-us",),
            workplace="remote",
            employment="contract",
            pay=Pay(45, 60, period="hour"),
            posted=7,
        ),
        Opening(
            key="offsec",
            role="penetration_tester",
            title="Offensive Security Engineer",
            locations=("remote-us",),
            workplace="remote",
            pay=Pay(165000, 195000, in_text=False, equity=True),
            posted=14,
        ),
        Opening(
            key="threat",
            role="threat_researcher",
            title="Senior Threat Researcher",
            locations=("nyc", "remote-us"),
            workplace="hybrid",
            pay=Pay(
                170000,
                205000,
                equity=True,
                tiers=(
                    PayTier("New York City", 185000, 205000),
                    PayTier("Remote (US)", 170000, 190000),
                ),
            ),
            posted=19,
        ),
        Opening(
            key="detection",
            role="security_engineer",
            title="Detection Engineer",
            locations=("remote-us", "toronto"),
            workplace="remote",
            pay=Pay(
                150000,
                180000,
                style="iso",
                tiers=(PayTier("United States", 150000, 180000), PayTier("Canada", 160000, 190000, "CAD")),
            ),
            posted=11,
        ),
        Opening(
            key="backend",
            role="backend_engineer",
            level="senior",
            title="Senior Backend Engineer, Detection Pipeline",
            locations=("nyc",),
            workplace="hybrid",
            pay=Pay(175000, 210000, in_text=False, equity=True),
            posted=9,
        ),
        Opening(
            key="frontend",
            role="frontend_engineer",
            locations=("remote-ca",),
            workplace="remote",
            pay=Pay(120000, 140000, currency="CAD", style="iso"),
            posted=16,
        ),
        Opening(
            key="ae",
            role="account_executive",
            title="Enterprise Account Executive",
            locations=("nyc",),
            workplace="hybrid",
            posted=24,
        ),
        Opening(
            key="sdr",
            role="sales_development_rep",
            locations=("nyc",),
            pay=Pay(
                70000, 80000, style="k", sentence="Base salary {range} with OTE based on meetings booked."
            ),
            posted=5,
        ),
        Opening(
            key="support",
            role="support_specialist",
            title="Technical Support Engineer",
            locations=("remote-us",),
            workplace="remote",
            posted=13,
        ),
        Opening(
            key="em",
            role="engineering_manager",
            title="Engineering Manager, Identity Graph",
            locations=("nyc",),
            workplace="hybrid",
            pay=Pay(None, 230000, style="up_to", in_text=False, equity=True),
            posted=27,
        ),
        Opening(
            key="content",
            role="content_marketing_manager",
            locations=("remote-us",),
            workplace="remote",
            posted=31,
            closes=2,
        ),
        Opening(
            key="pm",
            role="product_manager",
            title="Product Manager, Detection",
            locations=("nyc",),
            workplace="hybrid",
            posted=17,
        ),
        Opening(
            key="recruiter",
            role="recruiter",
            title="Senior Technical Recruiter",
            locations=("nyc", "remote-us"),
            workplace="hybrid",
            pay=Pay(120000, 145000, in_text=False),
            posted=6,
        ),
        Opening(
            key="people",
            role="people_partner",
            title="People Business Partner",
            locations=("nyc",),
            workplace="hybrid",
            posted=22,
        ),
        Opening(
            key="data-sci",
            role="data_scientist",
            title="Security Data Scientist",
            locations=("remote-us",),
            workplace="remote",
            pay=Pay(160000, 190000, equity=True),
            posted=20,
        ),
    ),
)
