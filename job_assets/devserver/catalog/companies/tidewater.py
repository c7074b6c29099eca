"""Tidewater Analytics (Greenhouse, Halden Group): software for water utilities. Holds the level hard
negative (Software Engineer II vs Senior Software Engineer) and an in-place edit on day 2."""

from __future__ import annotations

from job_assets.devserver.catalog.companies.halden import HALDEN_ABOUT, HALDEN_BENEFITS, HALDEN_EEO
from job_assets.devserver.catalog.model import CompanyProfile, Opening, Pay, PayTier

COMPANY = CompanyProfile(
    slug="tidewater-analytics",
    name="Tidewater Analytics",
    boards={"greenhouse": "tidewater"},
    website="https://tidewater.io",
    vars={
        "product": "the Tidewater platform",
        "domain": "water utility operations",
        "customers": "municipal water utilities",
        "stack": "Python, Go and TypeScript",
        "cloud": "Google Cloud",
        "data": "readings from 9 million smart water meters",
    },
    about=(
        "Tidewater Analytics helps water utilities find leaks before they become main breaks, bill accurately "
        "and plan capital projects with confidence. More than 340 utilities across North America use Tidewater "
        "to manage the water of 28 million people.",
        HALDEN_ABOUT,
    ),
    benefits=HALDEN_BENEFITS,
    eeo=HALDEN_EEO,
    pay_sentence="Compensation: {range}, depending on experience, plus an annual bonus.",
    utc_offset=-7,
    about_first=False,
    headings=("Responsibilities", "Qualifications", "Bonus points"),
    openings=(
        Opening(
            key="swe-ii",
            role="software_engineer",
            level="ii",
            locations=("remote-us",),
            workplace="remote",
            pay=Pay(120000, 150000, style="k"),
            posted=10,
        ),
        Opening(
            key="swe-senior",
            role="software_engineer",
            level="senior",
            locations=("remote-us",),
            workplace="remote",
            pay=Pay(150000, 185000, style="k"),
            posted=10,
            negative_of="swe-ii",
            negative_reason="same description skeleton, different level",
        ),
        Opening(
            key="data-eng",
            role="data_engineer",
            locations=("remote-us",),
            workplace="remote",
            pay=Pay(125000, 155000, style="iso"),
            posted=19,
        ),
        Opening(
            key="data-sci",
            role="data_scientist",
            title="Data Scientist, Leak Detection",
            locations=("portland",),
            workplace="hybrid",
            posted=26,
        ),
        Opening(
            key="frontend",
            role="frontend_engineer",
            title="Senior Frontend Engineer",
            locations=("remote-us",),
            workplace="remote",
            pay=Pay(
                145000,
                190000,
                tiers=(
                    PayTier("San Francisco Bay Area and New York City", 165000, 190000),
                    PayTier("All other US locations", 145000, 170000),
                ),
            ),
            posted=7,
        ),
        Opening(
            key="analytics", role="analytics_engineer", locations=("portland",), workplace="hybrid", posted=14
        ),
        Opening(
            key="implementation",
            role="implementation_manager",
            locations=("portland", "austin"),
            split=True,
            workplace="hybrid",
            pay=Pay(95000, 115000),
            posted=22,
            edit_day=2,
            edit_pay=Pay(100000, 120000),
            edit_added=("This role includes up to 25% travel to utility customer sites.",),
        ),
        Opening(
            key="support",
            role="support_specialist",
            locations=("portland",),
            employment="part_time",
            pay=Pay(28, 34, period="hour", sentence="This part-time role pays {range}."),
            posted=5,
        ),
        Opening(
            key="writer", role="technical_writer", locations=("remote-us",), workplace="remote", posted=31
        ),
        Opening(
            key="em",
            role="engineering_manager",
            title="Engineering Manager, Data Platform",
            locations=("remote-us",),
            workplace="remote",
            pay=Pay(None, 210000, style="up_to", sentence="We offer a base salary of {range} for this role."),
            posted=16,
        ),
        Opening(key="people", role="people_partner", locations=("portland",), workplace="hybrid", posted=29),
        Opening(
            key="security", role="security_engineer", locations=("remote-us",), workplace="remote", posted=12
        ),
        Opening(
            key="designer", role="product_designer", locations=("portland",), workplace="hybrid", posted=8
        ),
        Opening(
            key="qa",
            role="qa_automation_engineer",
            locations=("remote-us",),
            workplace="remote",
            pay=Pay(105000, 130000),
            posted=18,
        ),
    ),
)
