"""Northwind Robotics (Greenhouse): warehouse robots. Holds the multi-city requisition, a repost with
edits, and two different jobs both titled "Software Engineer"."""

from __future__ import annotations

from job_assets.devserver.catalog.model import CompanyProfile, Opening, Pay, PayTier

_CONTROLS_INTRO = (
    "We are looking for a {title} to design the control systems that make our robots move precisely and "
    "safely, from motor current loops to whole-vehicle motion. You will {receive} a lot of autonomy and work "
    "directly with our hardware and safety teams."
)

COMPANY = CompanyProfile(
    slug="northwind-robotics",
    name="Northwind Robotics",
    boards={"greenhouse": "northwindrobotics"},
    website="https://www.northwindrobotics.com",
    vars={
        "product": "the Northwind fleet",
        "domain": "warehouse automation",
        "customers": "warehouse operators",
        "stack": "C++, Python and Go",
        "cloud": "AWS",
        "data": "sensor logs from more than 3,000 robots in the field",
    },
    about=(
        "Northwind Robotics builds autonomous mobile robots that move inventory through some of the busiest "
        "warehouses in North America. Our robots work alongside people, picking up the long walks so that "
        "associates can focus on the work that needs a human.",
        "Founded in Pittsburgh in 2016, Northwind has raised $120M in Series C funding and now runs fleets at "
        "more than 60 customer sites, from third-party logistics providers to national retailers.",
    ),
    benefits=(
        "Medical, dental and vision insurance, with 100% of premiums covered for employees",
        "401(k) plan with a 4% company match, vested immediately",
        "16 weeks of fully paid parental leave",
        "Flexible time off and 11 company holidays",
        "$1,500 annual learning and development stipend",
        "Commuter benefits and free parking at our Pittsburgh headquarters",
    ),
    eeo="Northwind Robotics is an equal opportunity employer. We do not discriminate on the basis of race, "
    "religion, color, national origin, sex, sexual orientation, gender identity, age, veteran status, "
    "disability or any other legally protected status. If you need an accommodation during the hiring process, "
    "email accommodations@northwindrobotics.com.",
    pay_sentence="The base salary range for this full-time position is {range}. Our salary ranges are "
    "determined by role, level and location; individual pay is based on skills, experience and "
    "job-related knowledge.",
    script='window.nwTrack && window.nwTrack("job_view", {"source": "greenhouse"});',
    metadata=True,
    openings=(
        Opening(
            key="perception-swe",
            role="perception_engineer",
            title="Software Engineer",
            locations=("pittsburgh",),
            workplace="hybrid",
            pay=Pay(140000, 175000),
            posted=21,
        ),
        Opening(
            key="fleet-swe",
            role="fleet_software_engineer",
            title="Software Engineer",
            locations=("pittsburgh",),
            workplace="hybrid",
            pay=Pay(135000, 170000),
            posted=9,
            negative_of="perception-swe",
            negative_reason="same title, different team and scope",
        ),
        Opening(
            key="field-tech",
            role="field_service_technician",
            locations=("reno", "columbus", "allentown", "dallas", "memphis"),
            split=True,
            pay=Pay(32, 40, period="hour", sentence="Pay: {range}, plus overtime and a quarterly bonus."),
            posted=30,
        ),
        Opening(
            key="controls-sr",
            role="controls_engineer",
            title="Sr. Controls Engineer",
            locations=("pittsburgh",),
            pay=Pay(130000, 160000),
            posted=45,
            intro=_CONTROLS_INTRO.format(title="Sr. Controls Engineer", receive="recieve"),
        ),
        Opening(
            key="controls-senior",
            role="controls_engineer",
            title="Senior Controls Engineer",
            locations=("pittsburgh",),
            pay=Pay(135000, 165000),
            posted=3,
            intro=_CONTROLS_INTRO.format(title="Senior Controls Engineer", receive="receive"),
            added=("Relocation assistance to Pittsburgh is available for this role.",),
            same_as="controls-sr",
        ),
        Opening(
            key="embedded",
            role="embedded_engineer",
            title="Senior Embedded Software Engineer",
            locations=("pittsburgh", "boston"),
            workplace="hybrid",
            pay=Pay(
                150000,
                185000,
                tiers=(PayTier("Boston, MA", 160000, 195000), PayTier("Pittsburgh, PA", 150000, 185000)),
            ),
            posted=12,
        ),
        Opening(
            key="sre",
            role="site_reliability_engineer",
            locations=("remote-us",),
            workplace="remote",
            posted=6,
        ),
        Opening(
            key="pm",
            role="product_manager",
            title="Product Manager, Fleet Software",
            locations=("pittsburgh",),
            workplace="hybrid",
            posted=17,
        ),
        Opening(
            key="solutions",
            role="solutions_engineer",
            locations=("boston",),
            workplace="hybrid",
            pay=Pay(120000, 150000, sentence="Base salary: {range}, plus commission."),
            posted=8,
        ),
        Opening(
            key="recruiter",
            role="recruiter",
            title="Technical Recruiter",
            locations=("remote-us",),
            workplace="remote",
            pay=Pay(95000, 120000),
            posted=25,
            closes=2,
        ),
        Opening(
            key="accountant",
            role="accountant",
            title="Senior Accountant",
            locations=("pittsburgh",),
            posted=33,
        ),
        Opening(
            key="intern",
            role="software_engineering_intern",
            title="Software Engineering Intern (Summer 2026)",
            locations=("pittsburgh",),
            employment="intern",
            pay=Pay(38, 45, period="hour", sentence="Interns are paid {range}."),
            posted=40,
        ),
        Opening(
            key="csm", role="customer_success_manager", locations=("austin",), workplace="hybrid", posted=4
        ),
        Opening(
            key="designer", role="product_designer", locations=("pittsburgh",), workplace="hybrid", posted=15
        ),
        Opening(key="data-eng", role="data_engineer", locations=("pittsburgh", "remote-us"), posted=11),
        Opening(
            key="platform",
            role="platform_engineer",
            locations=("remote-us",),
            workplace="remote",
            pay=Pay(145000, 175000, style="k"),
            opens=2,
            posted=0,
        ),
    ),
)
