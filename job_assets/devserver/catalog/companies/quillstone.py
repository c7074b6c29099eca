"""Quillstone (Lever, Halden Group): contract automation in London, Dublin and New York. Shares Halden's
boilerplate with Tidewater and also hires a "Data Engineer"; holds a day-2 repost under a new id."""

from __future__ import annotations

from job_assets.devserver.catalog.companies.halden import HALDEN_ABOUT, HALDEN_BENEFITS, HALDEN_EEO
from job_assets.devserver.catalog.model import CompanyProfile, Opening, Pay

COMPANY = CompanyProfile(
    slug="quillstone",
    name="Quillstone",
    boards={"lever": "quillstone"},
    website="https://quillstone.law",
    vars={
        "product": "Quillstone Draft",
        "domain": "contract automation for law firms",
        "customers": "law firms and in-house legal teams",
        "stack": "Python and TypeScript",
        "cloud": "Azure",
        "data": "11 million anonymised contracts",
    },
    about=(
        "Quillstone helps lawyers draft and review contracts faster without giving up control. Our drafting "
        "assistant, Quillstone Draft, is used by 45 of the UK's top 100 law firms and by legal teams at "
        "companies across Europe and North America.",
        HALDEN_ABOUT,
    ),
    benefits=HALDEN_BENEFITS,
    eeo=HALDEN_EEO,
    pay_sentence="Salary: {range}, depending on experience.",
    pay_inline=True,
    headings=("Responsibilities", "Requirements", "Desirable"),
    utc_offset=1,
    openings=(
        Opening(
            key="data-eng",
            role="data_engineer",
            locations=("london",),
            workplace="hybrid",
            pay=Pay(65000, 80000, currency="GBP", style="plain"),
            posted=12,
        ),
        Opening(
            key="legal-eng",
            role="legal_engineer",
            locations=("london",),
            workplace="hybrid",
            pay=Pay(55000, 65000, currency="GBP", style="plain"),
            posted=33,
            closes=2,
        ),
        Opening(
            key="legal-eng-repost",
            role="legal_engineer",
            title="Legal Engineer (Contracts)",
            locations=("london",),
            workplace="hybrid",
            pay=Pay(55000, 65000, currency="GBP", style="plain"),
            posted=0,
            opens=2,
            added=("Experience with English law contracts is essential for this role.",),
            same_as="legal-eng",
        ),
        Opening(
            key="ml",
            role="ml_engineer_training",
            title="Machine Learning Engineer, Document Understanding",
            team="Applied ML",
            locations=("dublin",),
            workplace="hybrid",
            pay=Pay(75000, 90000, currency="EUR", style="plain"),
            posted=8,
        ),
        Opening(
            key="writer",
            role="technical_writer",
            title="Technical Writer (Contract)",
            locations=("remote-uk",),
            workplace="remote",
            employment="contract",
            pay=Pay(450, 550, currency="GBP", period="day", sentence="Day rate: {range}, outside IR35."),
            posted=4,
        ),
        Opening(
            key="ae",
            role="account_executive",
            title="Account Executive, Law Firms",
            locations=("nyc",),
            workplace="hybrid",
            pay=Pay(120000, 140000, in_text=False),
            posted=15,
        ),
        Opening(
            key="frontend", role="frontend_engineer", locations=("dublin",), workplace="hybrid", posted=20
        ),
        Opening(
            key="csm", role="customer_success_manager", locations=("london",), workplace="hybrid", posted=10
        ),
        Opening(
            key="security", role="security_engineer", locations=("london",), workplace="hybrid", posted=27
        ),
        Opening(
            key="designer",
            role="product_designer",
            locations=("london",),
            workplace="hybrid",
            pay=Pay(60000, 72000, currency="GBP", style="plain"),
            posted=6,
        ),
        Opening(
            key="counsel",
            role="legal_counsel",
            title="Legal Counsel, Product",
            locations=("london",),
            workplace="hybrid",
            posted=18,
        ),
        Opening(
            key="office",
            role="workplace_coordinator",
            title="Office Coordinator (Part-time)",
            locations=("london",),
            employment="part_time",
            pay=Pay(14, 16, currency="GBP", period="hour"),
            posted=3,
        ),
        Opening(
            key="sdr",
            role="sales_development_rep",
            locations=("london",),
            pay=Pay(
                32000, 36000, currency="GBP", style="plain", sentence="Base salary {range} plus commission."
            ),
            posted=9,
        ),
        Opening(
            key="recruiter",
            role="recruiter",
            title="Talent Partner, Engineering",
            locations=("london",),
            workplace="hybrid",
            pay=Pay(50000, 60000, currency="GBP", style="plain"),
            posted=14,
        ),
        Opening(
            key="finance",
            role="financial_analyst",
            title="Finance Manager",
            locations=("london",),
            workplace="hybrid",
            posted=30,
        ),
        Opening(
            key="data-sci",
            role="data_scientist",
            title="Data Scientist, Contract Analytics",
            locations=("london", "dublin"),
            workplace="hybrid",
            posted=23,
        ),
    ),
)
