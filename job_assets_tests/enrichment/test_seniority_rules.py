"""Seniority: the role part of a title, executive forms, four languages, levels stated in descriptions."""

from __future__ import annotations

import pytest

from job_assets.enrichment.merge import merge
from job_assets.enrichment.rules import extract_rules
from job_assets.enrichment.rules.seniority import seniority, seniority_from_title

from .conftest import parsed_row


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("RVP of Sales", "executive"),
        ("RVP, Enterprise Sales - West", "executive"),
        ("SVP, Engineering", "executive"),
        ("EVP Operations", "executive"),
        ("AVP, Finance", "executive"),
        ("Group VP Product", "executive"),
        ("Regional Vice President, Mid-Market", "executive"),
        ("Dispatch Supervisor", "manager"),
        ("Night Shift Supervisor - Warehouse", "manager"),
        ("Teamleiter Logistik (m/w/d)", "manager"),
        ("Leiter Vertrieb DACH", "director"),
        ("Directeur Commercial France", "director"),
        ("Directora de Operaciones", "director"),
        ("Responsable Comptable H/F", "manager"),
        ("Responsable Grands Comptes", "unknown"),  # key account manager: a client role
        ("Jefe de Equipo de Ventas", "manager"),
        ("Jefe de Proyecto", "unknown"),  # project manager
        ("Gerente General", "executive"),
        ("Chef de l’Approvisionnement en Logements, Canada", "director"),  # "Head of"
        ("Chef de projet digital", "unknown"),
        ("Jefe de la Unidad de Riesgos", "director"),
        ("Associate Principal, SOX Analytics", "unknown"),  # between levels
        ("Geschäftsführer (m/w/d)", "executive"),
        ("Stagiaire Marketing Digital", "intern"),
        ("Praktikant im Controlling (m/w/d)", "intern"),
        ("Werkstudent Data Engineering", "intern"),
        ("Becario/a de Datos", "intern"),
        ("Prácticas en Finanzas", "intern"),
        ("Stage de fin d'études - Data Analyst", "intern"),
        ("Développeur confirmé", "mid"),
        ("Senior / Staff Fullstack Engineer", "senior"),  # alternatives: the lower level
        ("Junior or Mid-level Designer", "junior"),
        ("Senior Staff Engineer", "staff"),  # one level, not alternatives
        ("Member of Technical Staff", "unknown"),
        ("Executive Assistant to the CEO", "unknown"),
        ("Chief of Staff", "unknown"),  # neither the staff level nor an officer
        ("Chief of Staff, Engineering", "unknown"),
        ("Account Director (Inside/Outside Hybrid Sales)", "unknown"),
        ("Customer Activation Manager | Enterprise", "unknown"),
        ("Social Media Manager", "unknown"),
        ("Financial Partnerships Manager, International", "unknown"),
        ("Manager, Event Marketing", "manager"),
        ("Customer Experience Associate - London", "unknown"),
        ("Integrations Expert | Customer Experience", "unknown"),
        ("Product Manager | Generalist (All Levels)", "unknown"),
        ("Software Engineer (Mid-Senior)", "unknown"),
    ],
)
def test_level_words(title: str, expected: str) -> None:
    assert seniority_from_title(title) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Senior Accountant, Close Management", "senior"),
        ("Accountant, Close Management", "unknown"),
        ("Care Coordinator, Senior Living Partnerships", "unknown"),
        ("Nurse Navigator - Senior Care Program", "unknown"),
        ("AI Transformation Owner, CRO", "unknown"),
        ("Analyst, Credit Risk Management - Consumer", "unknown"),
        ("Software Engineer, Executive Tools", "unknown"),
        ("Payments - Senior Backend Engineer", "senior"),
        ("Detection & Response, Lead", "senior"),
        ("Software Engineer (Senior)", "senior"),
        ("Site Reliability Engineer - 2", "mid"),
        ("Engineer II, Payments", "mid"),
        ("Deployment Strategist, Internship", "intern"),
        ("Head of Design, Wealth", "director"),
        ("Director, Product Design", "director"),
    ],
)
def test_levels_come_from_the_role_part_not_team_names(title: str, expected: str) -> None:
    assert seniority_from_title(title) == expected


def test_french_stage_needs_a_french_posting() -> None:
    assert seniority_from_title("Stage - Business Developer", french=True) == "intern"
    assert seniority_from_title("Stage Technician") == "unknown"  # English: theatre
    french = "Nous recherchons un stagiaire. Vous travaillerez avec les équipes pour une durée de six mois et plus."
    assert seniority("Stage - Data Scientist", french) == "intern"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("This is a mid-level role on our platform team.", "mid"),
        ("This is an entry-level position; we will train you.", "junior"),
        ("We're looking for a senior-level candidate to own billing.", "senior"),
        ("Seniority level: Entry level", "junior"),
        ("An entry-level role in our Chicago office.", "junior"),
        ("You will lead and manage a team of Collection Executives.", "manager"),
        ("You will have 6 direct reports.", "manager"),
        ("Seniority level: Mid-Senior level", None),  # straddles two levels
        ("You will work with senior leadership and entry-level hires.", None),
        ("Our entry-level phones sell for $50.", None),
        ("Great team.", None),
    ],
)
def test_levels_stated_in_the_description(text: str, expected: str | None) -> None:
    assert seniority("Analyst", text) == (expected or "unknown")


def test_the_title_beats_the_description() -> None:
    assert seniority("Senior Analyst", "This is an entry-level position.") == "senior"


def test_an_internship_is_the_intern_level() -> None:
    row = parsed_row(
        3, title="Deployment Strategist", employment_type="intern", description_text="Great team."
    )
    assert merge(row, extract_rules(row["title"], row["description_text"]), None)["seniority"] == "intern"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # the step right after the role noun, with a speciality after it
        ("Software Development Engineer III DevOps", "senior"),
        ("Software Engineer II Backend", "mid"),
        ("Data Analyst I Marketing", "junior"),
        ("Site Reliability Engineer 3", "senior"),
        # steps IV and V mean senior, staff or principal depending on the company's ladder: not stated
        ("Security Engineer IV", "unknown"),
        ("Software Engineer - 4", "unknown"),
        ("Data Scientist V", "unknown"),
        ("Engineer IV Platform", "unknown"),
        # near-misses: a number that is no step
        ("Engineer, Web3", "unknown"),
        ("Product Manager, Tier 2 Support", "unknown"),
        ("Analyst 1 Year Fixed Term", "unknown"),
        ("Delivery Driver 2 Days a Week", "unknown"),
    ],
)
def test_ladder_steps(title: str, expected: str) -> None:
    assert seniority_from_title(title) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # the head of a local unit manages its people; "Head of X" heads a function (a director)
        ("Cluster Head Middle Mile - Bhubaneswar", "manager"),
        ("Cluster Head ( Security & Investigation)", "manager"),
        ("Store Head - Koramangala", "manager"),
        ("Branch Head, Retail Banking", "manager"),
        ("Head of Security", "director"),
        ("Head Chef", "unknown"),  # a kitchen title, not a unit head
        # a leader of people is a manager; a technical or thought leader is not
        ("Account Executive Leader - Fraud", "manager"),
        ("Team Leader, Customer Support", "manager"),
        ("Sales Leader", "manager"),
        ("Technical Leader, Payments", "senior"),
        ("Technical Team Leader", "manager"),  # leads a team
        ("Project Leader, Construction", "unknown"),  # leads a project, as a project manager does
        ("Senior Product Leader", "senior"),
        ("Thought Leadership Writer", "unknown"),
        ("Thought Leader, AI", "unknown"),
        # a group of product managers has a manager; a business development manager sells
        ("Group Product Manager", "manager"),
        ("Group Program Manager, Infrastructure", "manager"),
        ("Product Manager", "unknown"),
        ("Senior Product Manager", "senior"),
        ("Senior Business Development Manager (SBDM)", "senior"),
        ("Business Development Manager", "unknown"),
        ("BD Manager - North", "unknown"),
        ("Sales Manager", "manager"),
    ],
)
def test_heads_leaders_and_group_managers(title: str, expected: str) -> None:
    assert seniority_from_title(title) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Builds, hires, and leads a high-performing team aligned to revenue goals.", "manager"),
        ("You will hire and manage a team of six analysts.", "manager"),
        ("Hiring, leading and developing the accounting staff.", "manager"),
        ("Lead and develop teams of 10+ across GL accounting and AP.", "manager"),
        ("You will manage teams of three to five engineers.", "manager"),
        ("Build and lead a small data team from scratch.", "manager"),
        # near-misses: a requirement, team work, mentoring, leading a piece of work
        ("3+ years of managing a revenue-driving team.", None),
        ("You will lead the team's design reviews.", None),
        ("Mentor junior engineers and help hire great people.", None),
        ("You will help us hire and onboard customers.", None),
        ("Lead teams of customers through onboarding workshops.", None),
        ("Build and lead the team's testing strategy.", None),
        ("Hire and lead our team's first offsite.", None),
    ],
)
def test_people_management_in_the_description(text: str, expected: str | None) -> None:
    assert seniority("Controller", text) == (expected or "unknown")


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            "Head of Security",
            "We are looking for an experienced and strategic Chief Information Security Officer "
            "(CISO) to lead our security posture.",
            "executive",
        ),
        ("Head of Finance", "We're hiring our first CFO to build the finance function.", "executive"),
        ("Sales Leadership", "We are seeking a Vice President of Sales.", "executive"),
        # near-misses: the officer is someone else, or the title states another level
        (
            "Head of Security",
            "Reporting to our Chief Information Security Officer, you will lead the team.",
            "director",
        ),
        ("Head of Finance", "We are looking for a leader to partner with the CFO.", "director"),
        ("Security Engineer", "We are looking for an engineer who reports to the CISO.", "unknown"),
        ("Senior Security Engineer", "We are looking for a CISO-minded engineer.", "senior"),
        ("Security Engineer", "We are looking for a CISO-minded engineer.", "unknown"),
        ("Chief of Staff", "We're hiring a CEO's right hand to run planning.", "unknown"),
        ("Founding Engineer", "We're hiring a founding engineer to work alongside our CTO.", "unknown"),
    ],
)
def test_a_hire_named_as_a_c_level_officer_is_an_executive(title: str, text: str, expected: str) -> None:
    assert seniority(title, text) == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # the description names the hire with a level, read like a title
        (
            "Applications Engineer",
            "Position Overview: As Senior Applications Engineer you will work with customers.",
            "senior",
        ),
        ("Designer", "As our Lead Designer, you will own the brand.", "senior"),
        ("Data Scientist", "As a Staff Data Scientist on the Risk team, you'll set direction.", "staff"),
        ("Engineer", "As a Junior Developer you will pair with seniors every day.", "junior"),
        ("Recruiting", "As an Engineering Manager, you'll grow the team.", "manager"),
        # near-misses: no level in the named role, or no role named, or not the hire
        ("Designer", "As a Product Designer, you will own the brand.", "unknown"),
        ("Product Manager", "As a Product Manager, you will own the roadmap.", "unknown"),
        ("Engineer", "As a leader in healthcare, you will help patients.", "unknown"),
        ("Engineer", "As Cursor grows, you will help us scale.", "unknown"),
        ("Accountant", "As a Staff Accountant, you will close the books.", "unknown"),
        ("Coordinator", "As part of the Senior Living Partnerships team, you will help.", "unknown"),
        ("Engineer", "You will work with senior engineers and the lead designer.", "unknown"),
    ],
)
def test_a_level_named_with_the_role_in_the_description(title: str, text: str, expected: str) -> None:
    assert seniority(title, text) == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            "(Associate) Team Lead - Data Operations",
            "As a first-line manager and servant leader, you deliver metrics.",
            "manager",
        ),
        ("Support Specialist", "You will lead a remote team of 50+ freelancers.", "manager"),
        ("Support Specialist", "You will supervise a team of 8 technicians.", "manager"),
        ("Operations Coordinator", "This is a people manager role.", "manager"),
        ("Operations Coordinator", "You'll be a line manager for the shift.", "manager"),
        # a stated management role beats the level of a named role ("Team Lead" alone reads senior)
        ("Data Operations", "As a Team Lead, you will manage a team of 12 researchers.", "manager"),
        # near-misses: past experience, others' managers, interest in management
        ("Operations Analyst", "You have 3+ years of managing a team of 5 analysts.", "unknown"),
        ("Operations Analyst", "Requires experience leading a team of 10 people.", "unknown"),
        ("Operations Analyst", "A track record of leading a team of 6.", "unknown"),
        ("Support Specialist", "You will partner with first-line managers across the org.", "unknown"),
        ("Support Specialist", "A strong interest in people management is a plus.", "unknown"),
    ],
)
def test_the_description_says_the_role_manages_people(title: str, text: str, expected: str) -> None:
    assert seniority(title, text) == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # a function or programme named "... Manager" manages no one unless the text says so
        (
            "Global Mobility and Compliance Manager",
            "Own immigration programs and manage mobility vendors.",
            "unknown",
        ),
        ("Compliance Manager", "Oversee regulatory filings and policies.", "unknown"),
        ("Privacy Program Manager", "Run the privacy programme.", "unknown"),
        ("Relocation Manager", "Coordinate employee relocations.", "unknown"),
        ("Compliance Manager", "You will lead and manage a team of compliance analysts.", "manager"),
        ("Compliance Manager", "A senior role ensures proactive strategic oversight.", "senior"),
        ("Senior Compliance Manager", "Oversee filings.", "senior"),
        # near-misses: the manager level itself, not a function before "Manager"
        ("Manager, Compliance", "Oversee filings.", "manager"),
        ("Associate Manager, Compliance", "Oversee filings.", "manager"),
        ("Engineering Manager", "Ship the platform.", "manager"),
    ],
)
def test_function_managers_are_not_people_managers(title: str, text: str, expected: str) -> None:
    assert seniority(title, text) == expected
