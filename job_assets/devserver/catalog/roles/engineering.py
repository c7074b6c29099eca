"""Software engineering role archetypes."""

from __future__ import annotations

from job_assets.devserver.catalog.model import Level, Role

ROLES = (
    Role(
        key="software_engineer",
        title="Software Engineer",
        department="Engineering",
        team="Platform",
        summary="As a software engineer on the {team} team, you will build the services that sit underneath "
        "{product} and keep it fast and dependable for the {customers} who rely on it every day.",
        detail="The team owns the core APIs, the job system and the data model shared by every product surface. "
        "We work in {stack}, deploy to {cloud} several times a day, and keep our on-call load low by fixing the "
        "causes of incidents rather than the symptoms.",
        responsibilities=(
            "Design, build and operate services and APIs used by every part of {product}",
            "Turn loosely defined customer problems into small, shippable increments",
            "Write tests and instrumentation that let the team change code with confidence",
            "Take part in a fair on-call rotation and in blameless incident reviews",
            "Review code and design documents with care and kindness",
        ),
        requirements=(
            "{years} years of professional software engineering experience",
            "Fluency in at least one of the languages we use ({stack}) and willingness to learn the others",
            "Experience with relational databases, and an instinct for data models that age well",
            "Clear written communication; most of our design discussion happens in documents",
        ),
        nice_to_have=(
            "Experience in {domain}",
            "Familiarity with infrastructure as code and {cloud}",
        ),
        levels={
            "ii": Level(
                title="Software Engineer II",
                years="2+",
                responsibilities=("Own well-scoped features end to end, from design notes to rollout",),
                requirements=("Experience shipping features in a production codebase with a team",),
            ),
            "senior": Level(
                title="Senior Software Engineer",
                years="5+",
                responsibilities=(
                    "Lead the technical design of multi-quarter projects across several teams",
                    "Mentor engineers on the team and raise the bar for code and design reviews",
                ),
                requirements=("A track record of leading projects from an ambiguous problem to production",),
            ),
        },
    ),
    Role(
        key="backend_engineer",
        title="Backend Engineer",
        department="Engineering",
        team="Core Services",
        summary="We are looking for a backend engineer to help scale the systems behind {product}. You will "
        "work on the services that ingest and serve {data}, and on the APIs our {customers} integrate with.",
        detail="Our backend is written in {stack} and runs on {cloud}. The {team} team owns ingestion, storage "
        "and the public API, and works closely with product and customer-facing teams on what to build next.",
        responsibilities=(
            "Build high-throughput ingestion and query services that stay correct under load",
            "Evolve our public API while keeping existing integrations working",
            "Profile and remove bottlenecks in hot paths; make performance visible with good dashboards",
            "Own your services in production, including on-call and postmortems",
            "Work with product managers to size, slice and sequence work",
        ),
        requirements=(
            "{years} years building backend systems in a production environment",
            "Deep experience with at least one backend language, ideally one of {stack}",
            "Solid understanding of SQL databases, queues and caching",
            "Experience debugging distributed systems with logs, metrics and traces",
        ),
        nice_to_have=("Experience with event-driven architectures", "Exposure to {domain}"),
        years="5+",
        levels={
            "senior": Level(title="Senior Backend Engineer", years="5+"),
            "staff": Level(
                title="Staff Software Engineer",
                years="8+",
                responsibilities=(
                    "Set the technical direction for the backend across teams and write the strategy down",
                    "Mentor senior engineers and sponsor their growth",
                ),
                requirements=("Experience as the technical lead of a large, multi-team initiative",),
            ),
        },
    ),
    Role(
        key="frontend_engineer",
        title="Frontend Engineer",
        department="Engineering",
        team="Web Experience",
        summary="You will build the web application that {customers} use to run their day in {product}: "
        "dense, data-heavy screens that still feel fast and simple.",
        detail="Our frontend is React and TypeScript with a shared component library. The {team} team pairs "
        "closely with design and research and ships behind feature flags every day.",
        responsibilities=(
            "Build accessible, responsive interfaces in React and TypeScript",
            "Grow and maintain our design system together with product designers",
            "Make large tables, charts and forms fast on modest hardware",
            "Write unit and end-to-end tests, and help keep the build fast",
        ),
        requirements=(
            "{years} years of professional frontend development",
            "Expert knowledge of modern JavaScript or TypeScript, HTML and CSS",
            "Experience with React and client-side state management",
            "An eye for detail and respect for accessibility standards (WCAG 2.1 AA)",
        ),
        nice_to_have=("Experience with data visualisation libraries", "Experience with GraphQL"),
    ),
    Role(
        key="fullstack_engineer",
        title="Full Stack Engineer",
        department="Engineering",
        team="Product Engineering",
        summary="As a full stack engineer you will take features from a rough sketch to production across the "
        "whole of {product}, from the database schema to the last pixel.",
        detail="Product engineers at {company} work in small squads with a designer and a product manager. We "
        "use {stack} and care more about shipping the right thing than about any particular framework.",
        responsibilities=(
            "Ship customer-facing features end to end, including the API and the UI",
            "Talk to customers with the product team to understand the problem before writing code",
            "Keep quality high with tests, code review and thoughtful rollouts",
            "Improve our internal tooling when it slows the team down",
        ),
        requirements=(
            "{years} years of experience as a full stack or product engineer",
            "Comfort working across a web frontend and a backend service",
            "Experience with PostgreSQL or another relational database",
            "A product mindset: you ask why before you ask how",
        ),
        nice_to_have=("Experience at an early-stage startup", "Knowledge of {domain}"),
    ),
    Role(
        key="ios_engineer",
        title="iOS Engineer",
        department="Engineering",
        team="Mobile",
        summary="Our iOS app is how most people experience {product}. You will own major parts of it and help "
        "decide how the mobile experience grows.",
        detail="The {team} team ships a native Swift app with SwiftUI, with a weekly release train and a strong "
        "culture of crash-free releases.",
        responsibilities=(
            "Build new features in Swift and SwiftUI with a focus on performance and polish",
            "Improve the app's architecture, modularisation and build times",
            "Work with backend engineers on the APIs the app needs",
            "Monitor crash reports and app store feedback, and act on them",
        ),
        requirements=(
            "{years} years of iOS development with Swift",
            "Apps in the App Store that you can walk us through",
            "Experience with SwiftUI, Combine or async/await concurrency",
            "Experience with automated UI and snapshot testing",
        ),
        nice_to_have=("Experience with accessibility on iOS", "Experience with HealthKit or CoreLocation"),
        years="5+",
    ),
    Role(
        key="android_engineer",
        title="Android Engineer",
        department="Engineering",
        team="Mobile",
        summary="You will build the Android app that puts {product} in the pockets of people who are rarely "
        "at a desk, and make it work well on flaky networks and older devices.",
        detail="We write Kotlin with Jetpack Compose, ship every two weeks and measure everything we release.",
        responsibilities=(
            "Develop features in Kotlin and Jetpack Compose",
            "Design offline-first data flows that survive poor connectivity",
            "Reduce app start time, battery use and crash rate",
            "Contribute to shared mobile tooling and the release process",
        ),
        requirements=(
            "{years} years of Android development in Kotlin",
            "Experience with Jetpack Compose, coroutines and Room or SQLDelight",
            "Experience publishing and maintaining apps on Google Play",
        ),
        nice_to_have=(
            "Experience with background location or Bluetooth",
            "Experience with Kotlin Multiplatform",
        ),
    ),
    Role(
        key="platform_engineer",
        title="Platform Engineer",
        department="Engineering",
        team="Infrastructure",
        summary="The {team} team gives every engineer at {company} a paved road from commit to production. You "
        "will build and run the platform that {product} is deployed on.",
        detail="We run Kubernetes on {cloud}, manage everything with Terraform, and treat developer experience "
        "as a product with its own roadmap and users.",
        responsibilities=(
            "Build and operate our Kubernetes clusters, CI/CD pipelines and service templates",
            "Automate infrastructure with Terraform and reduce toil for product teams",
            "Improve the cost, security and reliability of our cloud footprint",
            "Support product engineers and write documentation they actually read",
        ),
        requirements=(
            "{years} years in platform, infrastructure or DevOps engineering",
            "Hands-on experience with Kubernetes, Terraform and {cloud}",
            "Proficiency in a programming language such as Go or Python",
        ),
        nice_to_have=("Experience with service meshes or eBPF tooling", "Experience with SOC 2 controls"),
    ),
    Role(
        key="site_reliability_engineer",
        title="Site Reliability Engineer",
        department="Engineering",
        team="Reliability",
        summary="{customers} depend on {product} being up. As an SRE you will make sure it is, and that when "
        "something breaks we learn from it.",
        detail="Reliability at {company} is shared: SREs set the standards, build the tooling and coach teams on "
        "service level objectives, while every team carries its own pager.",
        responsibilities=(
            "Define and track service level objectives with the teams that own each service",
            "Build observability: metrics, logs, tracing and alerting that pages for the right reasons",
            "Lead incident response and run blameless postmortems",
            "Run capacity planning and load testing before big launches",
            "Automate away repetitive operational work",
        ),
        requirements=(
            "{years} years in an SRE, production engineering or operations role",
            "Experience with Prometheus, Grafana, OpenTelemetry or similar tools",
            "Strong Linux, networking and debugging skills",
            "Coding ability in Go, Python or a similar language",
        ),
        nice_to_have=("Experience with chaos engineering", "Experience running PostgreSQL at scale"),
        years="4+",
    ),
    Role(
        key="security_engineer",
        title="Security Engineer",
        department="Security",
        team="Security Engineering",
        summary="You will protect {company}, our {customers} and their data by building security into how we "
        "design, build and run {product}.",
        detail="The {team} team is small and hands-on: we write code, review designs, run our bug bounty and "
        "own our cloud security posture on {cloud}.",
        responsibilities=(
            "Review designs and code for security issues and help teams fix them",
            "Build guardrails: secrets management, least-privilege IAM and secure defaults",
            "Run vulnerability management and triage bug bounty reports",
            "Lead security incident response and tabletop exercises",
        ),
        requirements=(
            "{years} years in application or cloud security",
            "Experience securing workloads on {cloud}",
            "Ability to read and write code in at least one modern language",
            "Working knowledge of common vulnerability classes (OWASP Top 10)",
        ),
        nice_to_have=(
            "Experience with SOC 2, ISO 27001 or HIPAA audits",
            "Security certifications such as OSCP",
        ),
    ),
    Role(
        key="qa_automation_engineer",
        title="QA Automation Engineer",
        department="Engineering",
        team="Quality",
        summary="You will help {company} ship {product} quickly without breaking it, by building the automated "
        "tests and tooling our engineers rely on.",
        detail="Quality is everyone's job here; the {team} team makes it easy by owning test frameworks, test "
        "environments and release checks.",
        responsibilities=(
            "Build and maintain end-to-end test suites with Playwright or Cypress",
            "Design test plans for new features together with engineers and product managers",
            "Keep test suites fast and free of flaky tests",
            "Report quality trends and push for fixes at the root cause",
        ),
        requirements=(
            "{years} years in test automation or software development in test",
            "Programming experience in TypeScript, Python or Java",
            "Experience integrating tests into CI pipelines",
        ),
        nice_to_have=("Experience with API contract testing", "Experience with performance testing tools"),
    ),
    Role(
        key="engineering_manager",
        title="Engineering Manager",
        department="Engineering",
        team="Engineering Leadership",
        summary="You will lead a team of six to eight engineers working on {product}, and be responsible for "
        "both what they deliver and how they grow.",
        detail="Managers at {company} stay close to the technical work, run lightweight planning with their "
        "product partner and spend real time on coaching and hiring.",
        responsibilities=(
            "Hire, coach and retain a diverse team of engineers",
            "Plan and deliver a roadmap together with product and design partners",
            "Keep the team's systems healthy: reliability, on-call load and technical debt",
            "Give clear, timely feedback and run fair performance conversations",
        ),
        requirements=(
            "{years} years of software engineering experience, including 2+ years managing engineers",
            "A track record of delivering complex projects with a team",
            "Experience hiring engineers and building an inclusive team culture",
        ),
        nice_to_have=("Experience in {domain}", "Experience managing a distributed team"),
        years="7+",
    ),
    Role(
        key="software_engineering_intern",
        title="Software Engineering Intern",
        department="Engineering",
        team="University Programs",
        summary="Spend twelve weeks at {company} working on a real project that ships to production in "
        "{product}, with a mentor who has done it before.",
        detail="Interns join a product team, take part in planning and code review like everyone else, and "
        "present their work to the whole company at the end of the program.",
        responsibilities=(
            "Build and ship a project with guidance from your mentor and team",
            "Write tests and documentation for the code you write",
            "Take part in design reviews, stand-ups and demos",
        ),
        requirements=(
            "Currently pursuing a degree in computer science or a related field, graduating in 2026 or 2027",
            "Experience with at least one programming language through coursework or projects",
            "Curiosity and willingness to ask questions",
        ),
        nice_to_have=("A previous internship or open source contributions",),
        years="0+",
    ),
)
