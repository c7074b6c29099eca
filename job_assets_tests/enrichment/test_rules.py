"""The rules backend field by field, with phrasings from real postings."""

from __future__ import annotations

import pytest

from job_assets.enrichment.rules import extract_rules
from job_assets.enrichment.rules.employment import employment_type
from job_assets.enrichment.rules.requirements import visa_sponsorship, years_experience_min
from job_assets.enrichment.rules.seniority import seniority_from_title
from job_assets.enrichment.rules.skills import canonical_skill, extract_skills
from job_assets.enrichment.rules.summary import MAX_CHARS, summarise


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Software Engineer II", "mid"),
        ("Software Engineer 2", "mid"),
        ("Software Engineer I", "junior"),
        ("Software Engineer III, Backend", "senior"),
        ("Sr. Software Engineer", "senior"),
        ("Senior Data Scientist", "senior"),
        ("Lead Frontend Engineer", "senior"),
        ("Staff Software Engineer, Infrastructure", "staff"),
        ("Principal Engineer", "principal"),
        ("Distinguished Engineer", "principal"),
        ("Software Engineering Intern (Summer 2025)", "intern"),
        ("Co-op, Data Engineering", "intern"),
        ("Junior Web Developer", "junior"),
        ("Jr. QA Analyst", "junior"),
        ("New Grad Software Engineer", "junior"),
        ("Entry-Level Support Specialist", "junior"),
        ("Engineering Manager, Payments", "manager"),
        ("Senior Engineering Manager", "manager"),
        ("Director of Engineering", "director"),
        ("Senior Director, Product", "director"),
        ("Head of Design", "director"),
        ("VP of Engineering", "executive"),
        ("Vice President, Sales", "executive"),
        ("Chief Technology Officer", "executive"),
        ("CTO", "executive"),
        ("Product Manager", "unknown"),
        ("Senior Product Manager", "senior"),
        ("Principal Product Manager", "principal"),
        (
            "Associate Product Manager",
            "unknown",
        ),  # "Associate" states no level (a grade above Analyst in finance)
        ("Lead Generation Specialist", "unknown"),
        ("Staff Accountant", "unknown"),
        ("Backend Engineer", "unknown"),
        ("Mid-Level Designer", "mid"),
        ("Senior Machine Learning Engineer - AI", "senior"),
        ("", "unknown"),
    ],
)
def test_seniority_from_title(title: str, expected: str) -> None:
    assert seniority_from_title(title) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5+ years of professional software engineering experience", 5),
        ("At least three years' experience in a similar role", 3),
        ("Minimum of 7 years of relevant experience", 7),
        ("3-5 years of experience with Python", 3),
        ("2+ yrs exp in B2B sales", 2),
        ("You bring 10 or more years of industry experience.", 10),
        ("Experience: 4+ years building data pipelines", 4),
        ("We were founded 10 years ago and offer a 4-year vesting schedule.", None),
        ("Our company has 20 years of history.", None),
        ("", None),
    ],
)
def test_years_experience_min(text: str, expected: int | None) -> None:
    assert years_experience_min(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We are unable to sponsor visas for this position.", False),
        (
            "Applicants must be authorized to work in the US without current or future visa sponsorship.",
            False,
        ),
        ("This role is not eligible for visa sponsorship.", False),
        ("We do not offer visa sponsorship.", False),
        ("Visa sponsorship is available for this role.", True),
        ("We offer visa sponsorship and relocation support.", True),
        ("We will sponsor H-1B visas for exceptional candidates.", True),
        ("Great team, great snacks.", None),
    ],
)
def test_visa_sponsorship(text: str, expected: bool | None) -> None:
    assert visa_sponsorship(text) is expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        ("Contract Designer", "", "contract"),
        ("Summer Intern, Marketing", "", "intern"),
        ("Engineer", "This is a full-time position based in Paris.", "full_time"),
        ("Engineer", "Employment type: Part-time", "part_time"),
        ("Engineer", "This is a 6-month fixed-term contract.", "temporary"),
        ("Engineer", "We are hiring a 12-month contract engineer.", "contract"),
        ("Engineer", "Part-time employees are eligible for our wellness program.", None),
        ("Engineer", "", None),
    ],
)
def test_employment_type(title: str, text: str, expected: str | None) -> None:
    assert employment_type(title, text) == expected


def test_skills_from_vocabulary() -> None:
    text = (
        "You will use Python/Django, React-based UIs, Node.js and k8s on AWS. Languages: Go, C++, C and R. "
        "You make swift decisions and excel at SQL. Spring 2025 start. Each node in the cluster matters."
    )
    skills = extract_skills(text)
    assert skills == [
        "Python",
        "Django",
        "React",
        "Node.js",
        "Kubernetes",
        "AWS",
        "Go",
        "C++",
        "C",
        "R",
        "SQL",
    ]


def test_ordinary_words_are_not_skills() -> None:
    text = (
        "Go ahead and excel: we value swift, rusty-free thinking. Spring is here; make a splash at the helm."
    )
    assert extract_skills(text) == []


def test_canonical_skill_names() -> None:
    assert canonical_skill("ReactJS") == "React"
    assert canonical_skill("k8s") == "Kubernetes"
    assert canonical_skill("postgres") == "PostgreSQL"
    assert canonical_skill("golang") == "Go"
    assert canonical_skill("  Event   Sourcing ") == "Event Sourcing"  # unknown: kept, tidied


def test_summary_prefers_the_role_section() -> None:
    text = (
        "Acme is the world's leading platform for widgets, trusted by thousands of companies.\n\n"
        "About the role\n"
        "You will design and build the APIs that power our payments platform. You will own services end to end. "
        "You will mentor engineers.\n"
        "Acme is an equal opportunity employer."
    )
    summary = summarise("Backend Engineer", "Acme", text)
    assert summary == (
        "You will design and build the APIs that power our payments platform. You will own services end to end."
    )


def test_summary_skips_headings_and_boilerplate_and_is_bounded() -> None:
    text = (
        "Overview:\n"
        + "We are looking for an engineer who enjoys hard problems and long sentences " * 10
        + "."
    )
    summary = summarise("Engineer", "Acme", text)
    assert 0 < len(summary) <= MAX_CHARS
    assert summarise("Data Engineer", "Acme", "") == "Data Engineer at Acme."
    assert summarise(
        "Data Engineer", "Acme", "We are an equal opportunity employer and value diversity."
    ) == ("Data Engineer at Acme.")


def test_extract_rules_on_a_whole_posting() -> None:
    description = (
        "Acme is the leading platform for widgets, trusted by 10,000 customers. We raised $50M in Series B.\n\n"
        "About the role\n"
        "As a Senior Backend Engineer you will design and build the APIs that power our payments platform.\n\n"
        "Requirements\n- 5+ years of professional software engineering experience\n"
        "- Python, PostgreSQL and Kafka on AWS\n\n"
        "This is a full-time, hybrid role, 3 days a week in our London office.\n"
        "The salary range is £85,000 - £105,000 per year plus equity and a 401(k)-style pension.\n"
        "We are unable to sponsor visas for this role.\nAcme is an equal opportunity employer."
    )
    fields = extract_rules("Senior Backend Engineer", description, ["London"], "Acme")
    assert (fields.salary_min, fields.salary_max, fields.salary_currency, fields.salary_period) == (
        85000,
        105000,
        "GBP",
        "year",
    )
    assert fields.remote == "hybrid"
    assert fields.seniority == "senior"
    assert fields.employment_type == "full_time"
    assert fields.years_experience_min == 5
    assert fields.skills == ["Python", "PostgreSQL", "Kafka", "AWS"]
    assert fields.visa_sponsorship is False
    assert fields.summary.startswith("As a Senior Backend Engineer you will design")
