"""Go-to-market and operations role archetypes."""

from __future__ import annotations

from job_assets.devserver.catalog.model import Role

ROLES = (
    Role(
        key="account_executive",
        title="Account Executive",
        department="Sales",
        team="Sales",
        summary="You will bring {product} to new {customers}: build pipeline, run complex sales cycles and "
        "close deals that make a real difference to how they work.",
        detail="Our sales team sells to operations and technology leaders. Deals involve several stakeholders, "
        "a pilot and a security review, and last three to six months.",
        responsibilities=(
            "Own the full sales cycle from first meeting to signed contract",
            "Build and manage pipeline in your territory, with support from SDRs and marketing",
            "Lead discovery and build business cases with customer stakeholders",
            "Forecast accurately and keep the CRM up to date",
        ),
        requirements=(
            "{years} years of closing experience in B2B SaaS",
            "A record of meeting or exceeding quota",
            "Experience selling to {customers} or a similar buyer",
        ),
        nice_to_have=("Experience with MEDDICC or a similar sales methodology",),
    ),
    Role(
        key="sales_development_rep",
        title="Sales Development Representative",
        department="Sales",
        team="Sales Development",
        summary="Start your sales career at {company}: you will open conversations with {customers} and book "
        "the first meetings that turn into long customer relationships.",
        detail="SDRs get structured training, weekly coaching and a clear path to an account executive role, "
        "usually within 12 to 18 months.",
        responsibilities=(
            "Research target accounts and reach out by email, phone and LinkedIn",
            "Qualify inbound leads quickly and hand them to account executives",
            "Work with marketing on campaigns and events",
            "Track activity and results in the CRM",
        ),
        requirements=(
            "{years} years of experience in a customer-facing role",
            "Strong written and verbal communication",
            "Resilience and a willingness to learn from feedback",
        ),
        nice_to_have=("Previous SDR or BDR experience",),
        years="0-2",
    ),
    Role(
        key="customer_success_manager",
        title="Customer Success Manager",
        department="Customer Success",
        team="Customer Success",
        summary="Make sure our {customers} get lasting value from {product}: own a portfolio of accounts after "
        "launch and help them grow with us.",
        detail="CSMs at {company} are trusted advisors. You will run business reviews, spot risks early and work "
        "closely with support, product and sales.",
        responsibilities=(
            "Manage a portfolio of customer accounts and their health",
            "Run onboarding follow-ups, quarterly business reviews and success plans",
            "Identify expansion opportunities and renewal risks",
            "Bring the voice of the customer to product and engineering",
        ),
        requirements=(
            "{years} years in customer success or account management for B2B software",
            "Experience managing relationships with senior stakeholders",
            "Strong organisation skills and attention to follow-through",
        ),
        nice_to_have=("Familiarity with {domain}", "Experience with Gainsight or a similar CS platform"),
    ),
    Role(
        key="support_specialist",
        title="Customer Support Specialist",
        department="Customer Support",
        team="Support",
        summary="Be the friendly expert our {customers} reach when they need help with {product}, and turn a "
        "frustrating moment into a good one.",
        detail="Our support team answers by chat, email and phone. We measure quality, not just speed, and we "
        "give the team time to improve help articles and tooling.",
        responsibilities=(
            "Answer customer questions by chat, email and phone",
            "Troubleshoot issues and escalate bugs to engineering with clear reproduction steps",
            "Write and update help centre articles",
            "Spot trends in customer issues and share them with the product team",
        ),
        requirements=(
            "{years} years of customer support experience",
            "Excellent written communication and patience",
            "Comfort learning new software quickly",
        ),
        nice_to_have=("Experience with Zendesk or Intercom", "A second language"),
        years="1+",
    ),
    Role(
        key="implementation_manager",
        title="Implementation Manager",
        department="Customer Success",
        team="Implementation",
        summary="Lead new {customers} from signed contract to live on {product}, on time and without surprises.",
        detail="Implementations take six to twelve weeks and involve data migration, integrations and training. "
        "You will run several at once with support from solutions engineers.",
        responsibilities=(
            "Plan and run customer implementations, including timelines and risks",
            "Coordinate data migration and integration work with customer IT teams",
            "Train customer staff and hand over to customer success",
            "Improve our implementation playbooks and templates",
        ),
        requirements=(
            "{years} years managing software implementations or customer projects",
            "Strong project management skills",
            "Experience working with technical and non-technical stakeholders",
        ),
        nice_to_have=("PMP or similar certification", "Experience in {domain}"),
    ),
    Role(
        key="product_marketing_manager",
        title="Product Marketing Manager",
        department="Marketing",
        team="Product Marketing",
        summary="Tell the story of {product}: position it, launch it and give sales what it needs to win.",
        detail="You will work with product on launches, with sales on enablement and with demand generation on "
        "campaigns, and you will own our messaging and competitive intelligence.",
        responsibilities=(
            "Own positioning and messaging for our products",
            "Plan and run product launches",
            "Build sales enablement material and competitive battlecards",
            "Run customer and market research",
        ),
        requirements=(
            "{years} years of product marketing experience in B2B technology",
            "Excellent writing skills",
            "Experience working closely with product and sales teams",
        ),
        nice_to_have=("Experience marketing to {customers}",),
        years="4+",
    ),
    Role(
        key="content_marketing_manager",
        title="Content Marketing Manager",
        department="Marketing",
        team="Marketing",
        summary="Create the articles, guides and stories that make {company} the most useful voice in {domain}.",
        detail="You will own our editorial calendar, work with subject matter experts across the company and "
        "measure what content brings in pipeline.",
        responsibilities=(
            "Plan and write blog posts, guides, case studies and newsletters",
            "Interview experts and customers and turn their stories into content",
            "Improve organic search performance",
            "Report on content performance and iterate",
        ),
        requirements=(
            "{years} years of content marketing experience, ideally in B2B",
            "A portfolio of published writing",
            "Experience with SEO tools and analytics",
        ),
        nice_to_have=("Technical writing ability",),
    ),
    Role(
        key="recruiter",
        title="Recruiter",
        department="People",
        team="Talent Acquisition",
        summary="Help {company} hire the people who will build {product}: run full-cycle searches and make "
        "every candidate's experience a good one, whether or not they join.",
        detail="Our talent team is small and partners closely with hiring managers. We use structured "
        "interviews and care about fair, consistent hiring.",
        responsibilities=(
            "Run full-cycle recruiting for a set of open roles",
            "Source candidates and build diverse pipelines",
            "Coach hiring managers on structured interviewing",
            "Keep our applicant tracking system accurate and report on hiring metrics",
        ),
        requirements=(
            "{years} years of full-cycle recruiting experience",
            "Experience hiring for technical roles",
            "Excellent communication and organisation",
        ),
        nice_to_have=("Experience at a fast-growing startup",),
    ),
    Role(
        key="people_partner",
        title="People Partner",
        department="People",
        team="People",
        summary="Be the partner our managers and employees turn to on everything people-related, as {company} "
        "grows.",
        detail="You will support several departments across performance, compensation, employee relations and "
        "organisation design, and help build programs that scale.",
        responsibilities=(
            "Advise managers on performance, development and employee relations",
            "Run performance review and compensation cycles for your groups",
            "Design and improve people programs and policies",
            "Use data to understand engagement and retention",
        ),
        requirements=(
            "{years} years of HR business partner or generalist experience",
            "Knowledge of employment law in the locations we hire",
            "Sound judgement and discretion",
        ),
        nice_to_have=("SHRM or CIPD certification",),
        years="5+",
    ),
    Role(
        key="financial_analyst",
        title="Financial Analyst",
        department="Finance",
        team="FP&A",
        summary="Help {company} plan and understand its business: build the models and reports leadership "
        "uses to make decisions.",
        detail="You will join the finance team and work with department leaders on budgets, forecasts and "
        "analysis of revenue, margins and unit economics.",
        responsibilities=(
            "Build and maintain the company's financial model and forecasts",
            "Prepare monthly reporting and variance analysis",
            "Support budgeting with department leaders",
            "Analyse pricing, unit economics and investment decisions",
        ),
        requirements=(
            "{years} years in FP&A, investment banking or consulting",
            "Advanced spreadsheet modelling skills",
            "Clear communication of financial results",
        ),
        nice_to_have=("SaaS metrics experience", "SQL"),
        years="2+",
    ),
    Role(
        key="accountant",
        title="Accountant",
        department="Finance",
        team="Accounting",
        summary="Keep the books of {company} accurate and the month-end close calm.",
        detail="You will report to the controller and work on the close, revenue recognition and audit "
        "preparation, with room to improve our processes and systems.",
        responsibilities=(
            "Prepare journal entries, reconciliations and accruals for the monthly close",
            "Support revenue recognition under ASC 606",
            "Prepare schedules for the annual audit",
            "Improve accounting processes and controls",
        ),
        requirements=(
            "{years} years of accounting experience, ideally including public accounting",
            "A degree in accounting; CPA or progress toward it",
            "Experience with NetSuite or a similar ERP",
        ),
        nice_to_have=("Experience at a hardware or inventory-heavy business",),
    ),
    Role(
        key="legal_counsel",
        title="Legal Counsel",
        department="Legal",
        team="Legal",
        summary="Be a practical legal partner to the business: negotiate our commercial agreements and help "
        "{company} move quickly and safely.",
        detail="You will join a small legal team and work across commercial contracts, privacy and product "
        "questions, with a lot of direct contact with sales and product.",
        responsibilities=(
            "Draft and negotiate customer, partner and vendor agreements",
            "Advise on data protection and privacy questions",
            "Build templates, playbooks and self-serve guidance for the business",
            "Support product teams on regulatory questions",
        ),
        requirements=(
            "Qualified lawyer with {years} years of post-qualification experience",
            "Commercial contracting experience, ideally for a technology company",
            "Good judgement about risk and a commercial mindset",
        ),
        nice_to_have=("Privacy certification (CIPP/E)",),
        years="4+",
    ),
    Role(
        key="workplace_coordinator",
        title="Workplace Coordinator",
        department="Operations",
        team="Workplace",
        summary="Make our office a place people want to come to: run the day-to-day and help plan the moments "
        "that bring the team together.",
        detail="You will be the first point of contact for visitors, vendors and colleagues, and work with the "
        "people team on events and onboarding.",
        responsibilities=(
            "Run daily office operations, supplies and vendor relationships",
            "Welcome visitors and new joiners",
            "Organise team events and offsites",
            "Keep health and safety records up to date",
        ),
        requirements=(
            "{years} years in office management, hospitality or a similar role",
            "Excellent organisation and a service mindset",
        ),
        years="1+",
    ),
)
