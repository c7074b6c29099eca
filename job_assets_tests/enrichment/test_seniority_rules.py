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
