"""Fernhill Games (Lever): a game studio in Montreal, Vancouver and Seattle. Canadian dollars, hourly
contracts, salaryRange with and without the pay in the text."""

from __future__ import annotations

from job_assets.devserver.catalog.model import CompanyProfile, Opening, Pay

COMPANY = CompanyProfile(
    slug="fernhill-games",
    name="Fernhill Games",
    boards={"lever": "fernhill"},
    website="https://fernhillgames.com",
    vars={
        "product": "Lanternfall",
        "domain": "open-world adventure games",
        "customers": "players",
        "stack": "C++ and Unreal Engine 5",
        "cloud": "AWS",
        "data": "playtest telemetry from 40,000 players",
    },
    about=(
        "Fernhill Games is an independent studio of 140 developers making warm, handcrafted adventure games. "
        "Our first game, Hollow Creek, sold more than 2.5 million copies, and we are now building Lanternfall, "
        "an open-world adventure for PC and consoles.",
        "We are owned by our founders and employees, and in 2023 we raised $30M from a games-focused fund to "
        "stay independent while we grow.",
    ),
    benefits=(
        "Comprehensive health and dental insurance from your first day",
        "RRSP matching up to 4% in Canada; 401(k) with a 3% match in the US",
        "Five weeks of vacation and a two-week studio-wide winter break",
        "A 4-day work week in July and August",
        "Profit sharing for every employee",
    ),
    eeo="Fernhill Games is an equal opportunity employer and we value diversity in our team and in our games. "
    "We encourage applications from women, Indigenous peoples, people of colour, people with disabilities and "
    "LGBTQ2S+ people. Accommodations are available on request throughout the selection process.",
    pay_sentence="The salary range for this position is {range}.",
    headings=("What you'll do", "What you bring", "Bonus points"),
    utc_offset=-4,
    openings=(
        Opening(
            key="gameplay",
            role="gameplay_programmer",
            title="Senior Gameplay Programmer",
            locations=("montreal",),
            workplace="hybrid",
            pay=Pay(95000, 115000, currency="CAD", style="iso"),
            posted=14,
        ),
        Opening(
            key="designer",
            role="game_designer",
            title="Systems Designer",
            locations=("montreal",),
            workplace="hybrid",
            posted=22,
        ),
        Opening(
            key="tech-artist",
            role="technical_artist",
            locations=("vancouver", "montreal"),
            workplace="hybrid",
            pay=Pay(85000, 105000, currency="CAD", style="suffix"),
            posted=9,
        ),
        Opening(
            key="qa",
            role="qa_tester",
            title="QA Tester (Contract, 6 months)",
            locations=("montreal", "vancouver"),
            split=True,
            employment="contract",
            pay=Pay(21, 25, currency="CAD", period="hour"),
            posted=5,
        ),
        Opening(
            key="community",
            role="community_manager",
            locations=("seattle",),
            workplace="remote",
            pay=Pay(70000, 85000, in_text=False),
            posted=18,
        ),
        Opening(
            key="online",
            role="backend_engineer",
            level="senior",
            title="Senior Online Services Engineer",
            locations=("seattle",),
            workplace="hybrid",
            pay=Pay(150000, 180000),
            posted=11,
        ),
        Opening(
            key="ux",
            role="ux_researcher",
            title="Games User Researcher",
            locations=("montreal",),
            workplace="hybrid",
            posted=26,
        ),
        Opening(
            key="intern",
            role="software_engineering_intern",
            title="Programming Intern (Winter 2026)",
            locations=("montreal",),
            employment="intern",
            pay=Pay(24, 24, currency="CAD", period="hour", sentence="This paid internship pays {range}."),
            posted=30,
        ),
        Opening(
            key="insights",
            role="data_analyst",
            title="Player Insights Analyst",
            locations=("vancouver",),
            workplace="hybrid",
            posted=13,
        ),
        Opening(
            key="hrbp",
            role="people_partner",
            title="HR Business Partner",
            locations=("montreal",),
            workplace="unspecified",
            posted=34,
        ),
        Opening(
            key="recruiter",
            role="recruiter",
            title="Talent Acquisition Partner",
            locations=("montreal",),
            workplace="hybrid",
            posted=12,
        ),
        Opening(
            key="studio",
            role="workplace_coordinator",
            title="Studio Coordinator",
            locations=("montreal",),
            pay=Pay(22, 26, currency="CAD", period="hour"),
            posted=8,
        ),
        Opening(
            key="producer",
            role="game_producer",
            locations=("montreal",),
            workplace="hybrid",
            pay=Pay(90000, 110000, currency="CAD", style="iso"),
            opens=2,
            posted=0,
        ),
        Opening(
            key="build",
            role="platform_engineer",
            title="Build and Release Engineer",
            locations=("montreal", "remote-ca"),
            workplace="hybrid",
            posted=16,
        ),
    ),
)
