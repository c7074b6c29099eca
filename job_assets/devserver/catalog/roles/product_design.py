"""Product, design, research and documentation role archetypes."""

from __future__ import annotations

from job_assets.devserver.catalog.model import Role

ROLES = (
    Role(
        key="product_manager",
        title="Product Manager",
        department="Product",
        team="Product",
        summary="You will own a part of {product} end to end: understand what our {customers} need, decide "
        "what to build and work with engineering and design to ship it.",
        detail="Product managers at {company} spend a lot of time with customers and with data. You will write "
        "clear specs, make trade-offs in the open and measure whether what we shipped worked.",
        responsibilities=(
            "Talk to customers every week and turn what you learn into a prioritised roadmap",
            "Write crisp problem statements and specs with success metrics",
            "Work with engineering and design through discovery, delivery and launch",
            "Partner with sales, support and marketing on launches and feedback loops",
        ),
        requirements=(
            "{years} years of product management experience on B2B software",
            "A record of shipping products that customers adopted",
            "Comfort with data: you can write SQL or work closely with those who do",
        ),
        nice_to_have=("Domain experience in {domain}", "A technical background"),
    ),
    Role(
        key="product_designer",
        title="Product Designer",
        department="Design",
        team="Design",
        summary="Design the workflows at the heart of {product}, where complex {domain} problems need to feel "
        "simple to the people solving them.",
        detail="Designers at {company} own problems from research to pixels, work directly with engineers and "
        "maintain a shared design system in Figma.",
        responsibilities=(
            "Lead design for a product area from discovery to launch",
            "Prototype early and test ideas with customers",
            "Contribute to and improve our design system",
            "Work with engineers on implementation details and quality",
        ),
        requirements=(
            "{years} years of product design experience, ideally on complex B2B tools",
            "A portfolio that shows your process as well as your polished work",
            "Fluency in Figma",
        ),
        nice_to_have=("Experience designing data-dense interfaces", "Front-end prototyping skills"),
    ),
    Role(
        key="ux_researcher",
        title="UX Researcher",
        department="Design",
        team="Research",
        summary="Help {company} understand the people who use {product}, and make sure what we learn shapes "
        "what we build.",
        detail="You will be a research team of one to start, working with designers and product managers who "
        "already talk to users but need rigour, structure and a research repository.",
        responsibilities=(
            "Plan and run generative and evaluative research studies",
            "Recruit participants and manage our research panel",
            "Synthesise findings into insights teams can act on",
            "Teach teammates to run lightweight research themselves",
        ),
        requirements=(
            "{years} years of UX research experience",
            "Experience with both qualitative and quantitative methods",
            "Excellent storytelling and presentation skills",
        ),
        nice_to_have=("Experience researching with hard-to-reach users",),
    ),
    Role(
        key="technical_writer",
        title="Technical Writer",
        department="Product",
        team="Documentation",
        summary="Write the documentation that helps {customers} and developers get the most out of {product}, "
        "from getting-started guides to API references.",
        detail="You will own our docs site, work with engineers on every release, and treat documentation as "
        "code: reviewed, versioned and tested.",
        responsibilities=(
            "Write and maintain guides, tutorials and API reference documentation",
            "Work with engineers and product managers to document new features before launch",
            "Improve information architecture and search on the docs site",
            "Set style guidelines and review documentation written by others",
        ),
        requirements=(
            "{years} years of technical writing experience for software products",
            "Ability to read code and explain APIs to developers",
            "Experience with docs-as-code tools such as Markdown, Git and static site generators",
        ),
        nice_to_have=("Experience documenting REST or GraphQL APIs",),
    ),
    Role(
        key="solutions_engineer",
        title="Solutions Engineer",
        department="Sales",
        team="Solutions Engineering",
        summary="Be the technical partner for our sales team: help {customers} understand how {product} fits "
        "their operation, and prove it with demos and pilots.",
        detail="Solutions engineers at {company} run technical discovery, design pilots and stay involved "
        "through handover to the implementation team.",
        responsibilities=(
            "Run technical discovery and tailored product demonstrations",
            "Design and lead proofs of concept with clear success criteria",
            "Answer security questionnaires and technical RFP sections",
            "Bring customer feedback to the product and engineering teams",
        ),
        requirements=(
            "{years} years in a solutions engineering, sales engineering or technical consulting role",
            "Comfort with APIs, integrations and basic scripting",
            "Excellent presentation skills with technical and executive audiences",
            "Willingness to travel up to 30% of the time",
        ),
        nice_to_have=("Background in {domain}",),
    ),
)
