"""Role archetypes specific to healthcare, games and security."""

from __future__ import annotations

from job_assets.devserver.catalog.model import Role

ROLES = (
    Role(
        key="registered_nurse",
        title="Registered Nurse",
        department="Clinical",
        team="Virtual Care",
        summary="Provide compassionate, high-quality care to patients through {product}, by video, phone and "
        "secure messaging, as part of a team of physicians, nurse practitioners and care coordinators.",
        detail="You will triage symptoms, follow up after visits and help patients manage chronic conditions, "
        "using clinical protocols developed by our medical leadership.",
        responsibilities=(
            "Triage patient concerns using evidence-based protocols",
            "Provide education and follow-up for patients with chronic conditions",
            "Document care accurately in our electronic health record",
            "Coordinate with physicians and care coordinators on care plans",
        ),
        requirements=(
            "An active, unrestricted RN license; compact license strongly preferred",
            "{years} years of clinical nursing experience, ideally in primary care or telehealth",
            "Comfort with technology and a quiet, private workspace at home",
        ),
        nice_to_have=("Certification in chronic care management", "Spanish language skills"),
        years="2+",
    ),
    Role(
        key="care_coordinator",
        title="Care Coordinator",
        department="Clinical",
        team="Care Operations",
        summary="Help patients get the care they need, when they need it: schedule visits, arrange referrals "
        "and make sure nothing falls through the cracks.",
        detail="Care coordinators are the connective tissue of our clinical team, working with nurses, "
        "physicians, specialists and insurance companies.",
        responsibilities=(
            "Schedule appointments and referrals for patients",
            "Handle prior authorisations and insurance questions",
            "Follow up with patients after visits and hospital discharges",
            "Keep patient records accurate and complete",
        ),
        requirements=(
            "{years} years of experience in a healthcare setting such as a clinic or health plan",
            "Knowledge of medical terminology and insurance processes",
            "Excellent phone manner and empathy",
        ),
        nice_to_have=("Certified Medical Assistant", "Bilingual English and Spanish"),
        years="1+",
    ),
    Role(
        key="gameplay_programmer",
        title="Gameplay Programmer",
        department="Engineering",
        team="Gameplay",
        summary="Bring the world of {product} to life: build the systems that make exploring, crafting and "
        "befriending its creatures feel wonderful.",
        detail="You will work closely with designers and animators in Unreal Engine 5, prototyping quickly and "
        "then making the ideas that work robust and performant.",
        responsibilities=(
            "Implement gameplay systems in C++ and Blueprints",
            "Prototype mechanics with designers and iterate on feel",
            "Profile and optimise gameplay code on console and PC",
            "Fix bugs and support QA throughout production",
        ),
        requirements=(
            "{years} years of professional game development experience",
            "Strong C++ skills",
            "Experience shipping at least one title on console or PC",
            "Experience with Unreal Engine",
        ),
        nice_to_have=("Experience with AI behaviour trees or animation systems",),
        years="5+",
    ),
    Role(
        key="game_designer",
        title="Game Designer",
        department="Design",
        team="Game Design",
        summary="Design the systems of {product}: crafting, progression and the economy that ties them "
        "together into an adventure players do not want to put down.",
        detail="You will own systems from paper design through tuning, work hand in hand with programmers, "
        "and use playtest data to balance the game.",
        responsibilities=(
            "Design and document game systems and progression",
            "Build and tune content in the editor",
            "Run playtests and analyse feedback and telemetry",
            "Work with art and narrative to keep systems and world coherent",
        ),
        requirements=(
            "{years} years of game design experience with at least one shipped title",
            "Strong spreadsheet skills for balancing",
            "Clear communication of design intent",
        ),
        nice_to_have=("Scripting experience (Blueprints, Lua or Python)",),
    ),
    Role(
        key="technical_artist",
        title="Technical Artist",
        department="Art",
        team="Art",
        summary="Connect art and engineering on {product}: build the tools, shaders and pipelines that let our "
        "artists do their best work within performance budgets.",
        detail="You will work across the art team and with rendering engineers, owning material setups, "
        "procedural tools and performance profiling of art content.",
        responsibilities=(
            "Create shaders and materials in Unreal Engine",
            "Build tools and pipelines for artists in Python and Houdini",
            "Profile and optimise art content for target platforms",
            "Document workflows and train artists",
        ),
        requirements=(
            "{years} years as a technical artist in games",
            "Experience with Unreal material editor and HLSL",
            "Python scripting for DCC tools",
        ),
        nice_to_have=("Houdini experience",),
    ),
    Role(
        key="qa_tester",
        title="QA Tester",
        department="Quality Assurance",
        team="QA",
        summary="Play {product} before anyone else does, find what is broken and help us fix it before "
        "launch.",
        detail="You will join our in-studio QA team during a busy phase of production, testing new builds "
        "daily on PC and consoles.",
        responsibilities=(
            "Test game builds following test plans and through exploratory play",
            "Write clear, reproducible bug reports in Jira",
            "Verify fixes and run regression passes",
            "Give feedback on gameplay and usability",
        ),
        requirements=(
            "A passion for games and an eye for detail",
            "Clear written English; French is an asset",
            "Availability for occasional evening shifts near milestones",
        ),
        nice_to_have=("Previous QA experience in games",),
        years="0+",
    ),
    Role(
        key="community_manager",
        title="Community Manager",
        department="Marketing",
        team="Community",
        summary="Be the voice of {company} to our players: grow and care for the community around {product} "
        "on Discord, social media and in person.",
        detail="You will work with the marketing and development teams to share news, gather feedback and "
        "make players feel heard.",
        responsibilities=(
            "Manage our Discord server and social media channels",
            "Plan community events, streams and playtests",
            "Collect and summarise player feedback for the development team",
            "Moderate community spaces according to our code of conduct",
        ),
        requirements=(
            "{years} years of community management experience, ideally in games",
            "Excellent writing and a friendly, authentic voice",
            "Good judgement when conversations get heated",
        ),
        nice_to_have=("Experience with content creators and streamers",),
        years="2+",
    ),
    Role(
        key="game_producer",
        title="Producer",
        department="Production",
        team="Production",
        summary="Keep the development of {product} on track: plan milestones, remove blockers and help a "
        "creative team do its best work on schedule.",
        detail="You will partner with the game director and discipline leads, run sprint planning and keep "
        "publishers and platform partners informed.",
        responsibilities=(
            "Plan and track milestones, sprints and dependencies",
            "Identify risks early and drive decisions on scope",
            "Coordinate with external partners and outsourcing studios",
            "Facilitate communication between disciplines",
        ),
        requirements=(
            "{years} years of production experience in games",
            "Experience with agile methods and Jira",
            "At least one shipped title",
        ),
        nice_to_have=("Experience with console certification",),
    ),
    Role(
        key="soc_analyst",
        title="SOC Analyst",
        department="Security Operations",
        team="Managed Detection",
        summary="Defend our {customers}' environments around the clock: investigate alerts from {product} and "
        "help customers respond to real attacks.",
        detail="You will work shifts in our security operations centre, using our own platform and a modern "
        "tool chain, with senior analysts and threat researchers close at hand.",
        responsibilities=(
            "Triage and investigate alerts on identity and endpoint activity",
            "Escalate confirmed incidents to customers with clear recommendations",
            "Write and improve investigation playbooks",
            "Give feedback to detection engineers on noisy rules",
        ),
        requirements=(
            "{years} years of experience in a SOC or incident response role",
            "Knowledge of Active Directory, Entra ID and Okta attack techniques",
            "Experience with a SIEM and query languages such as KQL or SPL",
        ),
        nice_to_have=("GCIH, GCIA or similar certifications",),
        years="2+",
    ),
    Role(
        key="penetration_tester",
        title="Penetration Tester",
        department="Security Research",
        team="Offensive Security",
        summary="Attack {product} and our customers' identity infrastructure (with permission) so we find the "
        "weaknesses before anyone else does.",
        detail="You will run internal red team exercises, test new features before release and help customers "
        "validate their defences.",
        responsibilities=(
            "Plan and execute penetration tests and red team exercises",
            "Develop tooling for identity and cloud attack techniques",
            "Write clear reports with practical remediation advice",
            "Share findings with detection engineering to improve coverage",
        ),
        requirements=(
            "{years} years of penetration testing or red team experience",
            "Deep knowledge of Active Directory and cloud identity attacks",
            "Scripting skills in Python, Go or PowerShell",
        ),
        nice_to_have=("OSCP, OSEP or CRTO certifications",),
    ),
    Role(
        key="threat_researcher",
        title="Threat Researcher",
        department="Security Research",
        team="Threat Research",
        summary="Study how attackers go after identities and turn what you find into detections that protect "
        "every {company} customer.",
        detail="You will analyse intrusions, track threat actors and publish research that the security "
        "community reads.",
        responsibilities=(
            "Research attacker techniques against identity providers and SaaS",
            "Write detection logic and test it against real data",
            "Analyse incidents from our SOC and customers",
            "Publish blog posts and speak at conferences",
        ),
        requirements=(
            "{years} years in threat research, threat intelligence or detection engineering",
            "Experience analysing logs at scale",
            "Strong writing skills",
        ),
        nice_to_have=("Malware analysis experience", "Conference talks or published research"),
        years="4+",
    ),
)
