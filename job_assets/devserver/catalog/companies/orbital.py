"""Orbital Freight (Lever): freight software in Chicago. Holds a repost (`Sr.` vs `Senior`, typo fixed,
pay adjusted) whose old posting disappears on day 2, and a requisition posted separately in three cities."""

from __future__ import annotations

from job_assets.devserver.catalog.model import CompanyProfile, Opening, Pay

_BACKEND_INTRO = (
    "We are looking for a {title} to help scale the systems behind Orbital TMS. You will work on the services "
    "that ingest and serve tracking events for {loads} of loads a day, and on the APIs our freight brokers and "
    "shippers integrate with."
)

COMPANY = CompanyProfile(
    slug="orbital-freight",
    name="Orbital Freight",
    boards={"lever": "orbitalfreight"},
    website="https://orbitalfreight.com",
    vars={
        "product": "Orbital TMS",
        "domain": "freight logistics",
        "customers": "freight brokers and shippers",
        "stack": "Go, TypeScript and PostgreSQL",
        "cloud": "Google Cloud",
        "data": "tracking events for 80,000 loads a day",
    },
    about=(
        "Orbital Freight builds the transportation management system that mid-sized freight brokers run their "
        "business on: quoting, carrier matching, tracking and billing in one place. Over 900 brokerages and "
        "shippers moved more than $3 billion of freight on Orbital last year.",
        "We are a team of 180 based in Chicago's West Loop, and we raised $50M last year to expand into "
        "cross-border freight with Mexico and Canada.",
    ),
    benefits=(
        "Medical, dental and vision insurance with plans fully paid for employees",
        "401(k) with a 4% match",
        "Unlimited PTO with a 15-day minimum that we actually track",
        "Paid parental leave of 14 weeks",
        "Monthly wellness stipend of $100",
    ),
    eeo="Orbital Freight is an equal opportunity employer. We consider all qualified applicants without regard "
    "to race, color, religion, sex, sexual orientation, gender identity, national origin, disability or "
    "protected veteran status. We participate in E-Verify.",
    pay_sentence="Compensation for this role: {range}.",
    utc_offset=-5,
    openings=(
        Opening(
            key="backend-sr",
            role="backend_engineer",
            title="Sr. Backend Engineer",
            locations=("chicago",),
            workplace="hybrid",
            pay=Pay(150000, 180000, style="k"),
            posted=40,
            intro=_BACKEND_INTRO.format(title="Sr. Backend Engineer", loads="ten of thousands"),
            closes=2,
        ),
        Opening(
            key="backend-senior",
            role="backend_engineer",
            title="Senior Backend Engineer",
            locations=("chicago",),
            workplace="hybrid",
            pay=Pay(155000, 185000, style="k"),
            posted=2,
            intro=_BACKEND_INTRO.format(title="Senior Backend Engineer", loads="tens of thousands"),
            added=("You will join a team of five engineers and report to the Director of Engineering.",),
            same_as="backend-sr",
        ),
        Opening(
            key="fullstack",
            role="fullstack_engineer",
            locations=("remote-us",),
            workplace="remote",
            pay=Pay(130000, 160000, in_text=False),
            posted=12,
        ),
        Opening(
            key="freight-ops",
            role="freight_operations_specialist",
            locations=("chicago", "atlanta", "dallas"),
            split=True,
            pay=Pay(55000, 65000),
            posted=17,
        ),
        Opening(
            key="sdr",
            role="sales_development_rep",
            locations=("chicago",),
            pay=Pay(58000, 65000, sentence="Base salary of {range} plus uncapped commission."),
            posted=6,
        ),
        Opening(
            key="ae",
            role="account_executive",
            title="Account Executive, Enterprise",
            locations=("remote-us",),
            workplace="remote",
            posted=21,
        ),
        Opening(
            key="pm",
            role="product_manager",
            title="Product Manager, Carrier Experience",
            locations=("chicago",),
            workplace="hybrid",
            pay=Pay(140000, 165000),
            posted=9,
        ),
        Opening(key="data-eng", role="data_engineer", locations=("chicago",), workplace="hybrid", posted=25),
        Opening(
            key="support",
            role="support_specialist",
            title="Customer Support Specialist (Night Shift)",
            locations=("remote-us",),
            workplace="remote",
            pay=Pay(24, 29, period="hour"),
            posted=3,
        ),
        Opening(
            key="csm",
            role="customer_success_manager",
            locations=("chicago",),
            workplace="unspecified",
            posted=14,
        ),
        Opening(
            key="recruiter",
            role="recruiter",
            title="Technical Recruiter",
            locations=("chicago",),
            workplace="hybrid",
            pay=Pay(85000, 105000, in_text=False),
            posted=20,
        ),
        Opening(
            key="accountant", role="accountant", title="Staff Accountant", locations=("chicago",), posted=26
        ),
        Opening(
            key="android",
            role="android_engineer",
            title="Android Engineer, Driver App",
            locations=("remote-us",),
            workplace="remote",
            posted=19,
        ),
        Opening(
            key="em",
            role="engineering_manager",
            title="Engineering Manager, Pricing",
            locations=("chicago",),
            workplace="hybrid",
            pay=Pay(185000, 215000),
            posted=28,
        ),
        Opening(
            key="designer", role="product_designer", locations=("chicago",), workplace="hybrid", posted=11
        ),
    ),
)
