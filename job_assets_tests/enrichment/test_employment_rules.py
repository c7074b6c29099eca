"""Employment type: ATS vocabularies in four languages, titles and statements, and which one wins."""

from __future__ import annotations

import pytest

from job_assets.enrichment.merge import merge
from job_assets.enrichment.rules import extract_rules
from job_assets.enrichment.rules.employment import employment_type
from job_assets.enrichment.rules.language import language
from job_assets.enrichment.schema import ExtractedFields
from job_assets.parsing import vocab

from .conftest import parsed_row

FRENCH = (
    "Nous recherchons un(e) stagiaire pour rejoindre notre équipe. Vous travaillerez avec les équipes produit et "
    "data pour analyser les données de nos clients. "
)
GERMAN = (
    "Wir suchen dich für unser Team in Berlin. Du arbeitest mit den Kollegen aus der Entwicklung und bist "
)
SPANISH = (
    "Buscamos una persona para nuestro equipo de datos. Trabajarás con los equipos de producto y con el área "
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("CDI", "full_time"),
        ("CDD", "temporary"),
        ("CDD - 6 mois", "temporary"),
        ("Stage", "intern"),
        ("Stage de fin d'études", "intern"),
        ("Stage de fin d’études (6 mois)", "intern"),
        ("Alternance", "intern"),
        ("Freelance", "contract"),
        ("Temps plein", "full_time"),
        ("Temps partiel", "part_time"),
        ("Vollzeit", "full_time"),
        ("Teilzeit", "part_time"),
        ("Vollzeit / Teilzeit", "full_time"),
        ("Werkstudent", "intern"),
        ("Werkstudentin (20h/Woche)", "intern"),
        ("Praktikum", "intern"),
        ("Befristet", "temporary"),
        ("Unbefristet", "full_time"),
        ("Festanstellung", "full_time"),
        ("Tiempo completo", "full_time"),
        ("Tiempo parcial", "part_time"),
        ("Prácticas", "intern"),
        ("Becario/a", "intern"),
        ("Temporal", "temporary"),
        ("Indefinido", "full_time"),
        ("Regular Full-Time", "full_time"),
        ("Permanent - Part Time", "part_time"),
        ("Fixed Term Contract", "temporary"),  # fixed-term employment, not a contractor
        ("FTC", "temporary"),
        ("Intern (Fixed Term)", "intern"),
        ("Volunteer", None),
        # a trainee programme is an entry-level job, not an internship: the value states no type
        ("Trainee", None),
        ("Graduate Trainee", None),
        ("Trainee Programme", None),
        ("Práctica", "intern"),  # Spanish "práctica" is an internship
    ],
)
def test_ats_vocabularies(value: str, expected: str | None) -> None:
    assert vocab.employment_type(value) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Software Engineering Intern", "intern"),
        ("Product Designer - 6 month contract", "contract"),
        ("Account Executive (12 Month FTC)", "temporary"),
        ("Compliance Manager (12 month fixed term contract)", "temporary"),
        ("Contract Recruiter (3 months)", "contract"),
        ("Freelance Copywriter", "contract"),
        ("Interim Head of Finance", "temporary"),
        ("Barista - Part-Time", "part_time"),
        ("Werkstudent Data Analytics (m/w/d)", "intern"),
        ("Praktikant im Marketing (m/w/d)", "intern"),
        ("Sachbearbeiter (m/w/d) in Teilzeit", "part_time"),
        ("Becario/a de Marketing", "intern"),
        ("Stagiaire Marketing Digital", "intern"),
        ("Stage - Business Developer (H/F)", "intern"),
        ("Alternance - Chargé(e) de communication", "intern"),
        ("Contracts Manager", None),  # manages contracts: not a contract job
        ("Senior Contract Administrator", None),
        ("Stage Manager", None),  # English: a theatre job
        ("CDI Specialist", None),  # English: clinical documentation
        ("Internal Audit Lead", None),
        ("Full Stack Engineer", None),
        ("Trainee - Recruitment Coordinator", None),  # a level (junior), not a type
        ("Management Trainee", None),
    ],
)
def test_titles(title: str, expected: str | None) -> None:
    assert employment_type(title, "") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("This is a full-time position based in Paris.", "full_time"),
        ("Employment type: Part-time", "part_time"),
        ("Job Type: Contract\nSalary: $60 per hour", "contract"),
        ("This is a 6-month fixed-term contract.", "temporary"),
        ("We are hiring a 12-month contract engineer.", "contract"),
        ("We're looking for a freelance contractor to help us ship our rebrand.", "contract"),
        ("You will be engaged as an independent contractor.", "contract"),
        ("The role is offered on a part-time basis (20 hours per week).", "part_time"),
        ("Initial 6 month contract with a view to extend.", "contract"),
        ("A regular work schedule of 5 days per week (40 hours).", "full_time"),
        ("This role is 37.5 hours per week, Monday to Friday.", "full_time"),
        ("The position is no more than 25 hours a week.", "part_time"),
        ("Expect 20-24 hrs/week during term time.", "part_time"),
        ("This is a contract-to-hire role.", None),  # becomes a hire: the type is not settled
        ("Part-time employees are eligible for our wellness program.", None),
        (FRENCH + "Type de contrat : CDI", "full_time"),
        (FRENCH + "Poste à pourvoir en CDD de 6 mois.", "temporary"),
        (FRENCH + "Il s'agit d'un stage de 6 mois à partir de janvier.", "intern"),
        (GERMAN + "Die Stelle ist in Vollzeit zu besetzen.", "full_time"),
        (GERMAN + "Anstellungsart: Teilzeit", "part_time"),
        (SPANISH + "Tipo de contrato: Indefinido. Jornada completa.", "full_time"),
        (SPANISH + "Buscamos un perfil de prácticas para 6 meses.", "intern"),
        ("", None),
    ],
)
def test_stated_in_text(text: str, expected: str | None) -> None:
    assert employment_type("Analyst", text) == expected


def test_language_of_the_description() -> None:
    assert language(FRENCH * 2) == "fr"
    assert language(GERMAN * 2) == "de"
    assert language(SPANISH * 2) == "es"
    assert (
        language("We are looking for an engineer to join our team and you will work with the data team.")
        == "en"
    )
    assert language("Python, SQL") is None


def _merged(ats: str | None, title: str, text: str = "", llm: str | None = None) -> str | None:
    row = parsed_row(3, employment_type=ats, title=title, description_text=text)
    rules = extract_rules(title, text)
    answer = ExtractedFields(employment_type=llm) if llm else None
    return merge(row, rules, answer)["employment_type"]


def test_an_explicit_title_or_text_beats_the_ats_value() -> None:
    assert _merged("full_time", "Marketing Intern") == "intern"  # "Intern" posted as FullTime
    assert _merged("full_time", "Designer - 6 month contract") == "contract"
    assert _merged("full_time", "Designer", "We are looking for a freelance contractor.") == "contract"


def test_text_saying_full_time_keeps_a_more_specific_ats_value() -> None:
    assert _merged("intern", "Data Analyst", "This is a full-time position for 12 weeks.") == "intern"
    assert _merged("contract", "Data Analyst", "This is a full-time role.") == "contract"


def test_ats_then_llm() -> None:
    assert _merged("part_time", "Data Analyst", "Great team.", llm="full_time") == "part_time"
    assert _merged(None, "Data Analyst", "Great team.", llm="contract") == "contract"
    assert _merged(None, "Data Analyst", "Great team.") is None
