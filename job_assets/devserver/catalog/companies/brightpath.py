"""Brightpath Health (Greenhouse and Ashby): virtual primary care, midway through moving from Greenhouse to
Ashby, so most openings are mirrored on both boards."""

from __future__ import annotations

from job_assets.devserver.catalog.model import CompanyProfile, Opening, Pay

COMPANY = CompanyProfile(
    slug="brightpath-health",
    name="Brightpath Health",
    boards={"greenhouse": "brightpathhealth", "ashby": "brightpath"},
    website="https://brightpath.health",
    vars={
        "product": "Brightpath",
        "domain": "virtual primary care",
        "customers": "patients and the employers who cover them",
        "stack": "TypeScript, React Native and Python",
        "cloud": "AWS",
        "data": "more than 2 million patient visits",
    },
    about=(
        "Brightpath Health is a virtual-first primary care practice. Our clinicians see patients by video the "
        "same day, manage chronic conditions over months and years, and coordinate in-person care when it is "
        "needed.",
        "Brightpath is offered as a benefit by more than 400 employers and health plans, covering 1.1 million "
        "members in all 50 states. We raised $75M in 2024 to bring primary care to everyone who lacks it.",
    ),
    benefits=(
        "Medical, dental and vision plans with low deductibles, and free Brightpath care for your family",
        "401(k) with a dollar-for-dollar match up to 4% of salary",
        "Paid parental leave and fertility benefits",
        "Four weeks of paid time off, plus your birthday",
        "Annual continuing education allowance for clinical staff",
    ),
    eeo="Brightpath Health is proud to be an equal opportunity employer. We are committed to equal employment "
    "opportunity regardless of race, color, ancestry, religion, sex, national origin, sexual orientation, age, "
    "citizenship, marital status, disability, gender identity or Veteran status.",
    pay_sentence="The pay range for this position is {range}.",
    pay_block=True,
    headings=("In this role, you will", "About you", "It's a plus if you have"),
    utc_offset=-5,
    openings=(
        Opening(
            key="nurse",
            role="registered_nurse",
            title="Registered Nurse, Virtual Care (Remote)",
            locations=("remote-us",),
            workplace="remote",
            pay=Pay(38, 48, period="hour"),
            posted=12,
        ),
        Opening(
            key="care-coordinator",
            role="care_coordinator",
            locations=("nashville",),
            workplace="hybrid",
            pay=Pay(22, 27, period="hour"),
            posted=8,
        ),
        Opening(
            key="staff-eng",
            role="backend_engineer",
            level="staff",
            title="Staff Software Engineer, Platform",
            locations=("remote-us",),
            workplace="remote",
            pay=Pay(
                None, 210000, style="up_to", sentence="The base salary for this role is {range}, plus equity."
            ),
            posted=19,
        ),
        Opening(
            key="ios",
            role="ios_engineer",
            title="Senior iOS Engineer",
            locations=("remote-us",),
            workplace="remote",
            pay=Pay(160000, 190000),
            posted=6,
        ),
        Opening(
            key="data-sci",
            role="data_scientist",
            title="Senior Data Scientist, Clinical Analytics",
            locations=("remote-us",),
            workplace="remote",
            posted=23,
            source_titles=(("ashby", "Senior Data Scientist - Clinical Analytics"),),
        ),
        Opening(
            key="support",
            role="support_specialist",
            title="Patient Support Specialist",
            locations=("nashville",),
            pay=Pay(20, 24, period="hour"),
            posted=15,
            closes=2,
            closes_sources=("greenhouse",),
        ),
        Opening(
            key="pmm",
            role="product_marketing_manager",
            locations=("nashville",),
            workplace="hybrid",
            pay=Pay(115000, 135000),
            posted=27,
            sources=("greenhouse",),
        ),
        Opening(
            key="security",
            role="security_engineer",
            title="Security Engineer, HIPAA Compliance",
            locations=("remote-us",),
            workplace="remote",
            posted=31,
            sources=("greenhouse",),
        ),
        Opening(
            key="qa",
            role="qa_automation_engineer",
            locations=("remote-us",),
            workplace="remote",
            posted=16,
            sources=("greenhouse",),
        ),
        Opening(
            key="data-eng",
            role="data_engineer",
            title="Data Engineer, Claims Data",
            locations=("nashville",),
            workplace="hybrid",
            posted=9,
            sources=("greenhouse",),
        ),
        Opening(
            key="android",
            role="android_engineer",
            locations=("remote-us",),
            workplace="remote",
            pay=Pay(150000, 180000, in_text=False),
            posted=2,
            sources=("ashby",),
        ),
        Opening(
            key="recruiter",
            role="recruiter",
            title="Clinical Recruiter",
            locations=("remote-us",),
            workplace="remote",
            posted=5,
            sources=("ashby",),
        ),
    ),
)
