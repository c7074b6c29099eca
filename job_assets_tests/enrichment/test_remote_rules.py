"""Remote policy read from a posting's own words, class by class, and how it meets the ATS's structured value."""

from __future__ import annotations

import pytest

from job_assets.enrichment.merge import merge
from job_assets.enrichment.rules import extract_rules
from job_assets.enrichment.rules.remote import read_remote, remote_from_text
from job_assets.enrichment.schema import ExtractedFields

from .conftest import parsed_row


def prose(text: str) -> str | None:
    return remote_from_text("Account Executive", ["Denver, CO"], text)


@pytest.mark.parametrize(
    "text",
    [
        "This is a hybrid role with 3 days a week in our NYC office.",
        "Hybrid, 3 days in office.",
        "You'll be in-office three days a week and remote the rest.",
        "Expect to be in the office 3x a week.",
        "We work from the office 2 days per week.",
        "Our team is in the office Tuesday-Thursday; Mondays and Fridays are flexible.",
        "You will join us in our Austin hub on Tuesdays and Thursdays.",
        "We ask everyone to come into the office twice a week.",
        "This role requires being on-site 2-3 days per week.",
        "Office presence: in person three days/week at our Boston HQ.",
        "You can work from home two days a week.",
        "We offer a hybrid working model.",
        "Work arrangement: Hybrid",
        "#LI-Hybrid",
        "#LI-JS1 #LI-Hybrid",
        "Req R-10442_Hybrid",
        "Flexible remote and office working.",
        "You'll split your time between home and office.",
    ],
)
def test_stated_hybrid_arrangements(text: str) -> None:
    assert prose(text) == "hybrid"


@pytest.mark.parametrize(
    "text",
    [
        "This role is fully remote within the US.",
        "This position is remote.",
        "This is a remote position open to candidates across Canada.",
        "You can work remotely from anywhere in the EU.",
        "100% remote, async-first team.",
        "Location: Remote (US)",
        "#LI-Remote",
        "The role can be performed remotely.",
        "We are open to remote candidates.",
    ],
)
def test_stated_remote(text: str) -> None:
    assert prose(text) == "remote"


@pytest.mark.parametrize(
    "text",
    [
        "This position is not remote; you will work on-site in Austin.",
        "This role is on-site, five days a week in our Munich office.",
        "This is an in-office role based in Chicago.",
        "You must be within commuting distance of our Denver hub.",
        "Candidates must reside within a commutable distance of the plant.",
        "We work in the office Monday through Friday.",
        "This is a fully on-site position.",
        "#LI-Onsite",
        "Remote work is not available for this position.",
        "Workplace type: On-site",
    ],
)
def test_stated_office_requirement(text: str) -> None:
    assert prose(text) == "onsite"


@pytest.mark.parametrize(
    "text",
    [
        "Benefits: Work From Home Support, medical, dental and vision.",
        "Perks include a $500 home office stipend and a WFH equipment budget.",
        "We provide a remote work allowance for your setup.",
        "Stipend for your home office and co-working memberships.",
        "Four weeks of work from anywhere per year.",
        "Our hybrid commission model rewards new logos.",
        "Compensation: base plus a hybrid compensation plan.",
        "You'll sell hybrid cloud infrastructure to enterprise IT.",
        "Experience leading a distributed team across time zones.",
        "Drive pipeline through in-person prospecting and events.",
        "Host in-person events and customer meetings in your territory.",
        "We are a remote-first company with offices in three cities.",  # the company, not this role
        "Experience working with remote teams is a plus.",
        "Great benefits and a fun team.",
        "",
    ],
)
def test_words_that_are_not_policy(text: str) -> None:
    assert prose(text) is None


def test_benefit_line_does_not_turn_an_office_job_remote() -> None:
    text = (
        "You must live within commuting distance of our Manchester hub.\n"
        "What we offer\n- Work From Home Support\n- Home office stipend\n- 25 days holiday"
    )
    assert prose(text) == "onsite"


def test_a_role_statement_beats_the_company_policy() -> None:
    assert prose("We are remote-first, but this role is hybrid.") == "hybrid"
    assert prose("This role is fully remote, within commuting distance of our Austin hub.") == "hybrid"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le poste est en télétravail partiel (2 jours par semaine).", "hybrid"),
        ("Télétravail possible jusqu'à 3 jours par semaine.", "hybrid"),
        ("Organisation hybride : 2 jours de télétravail.", "hybrid"),
        ("Poste 100% télétravail, partout en France.", "remote"),
        ("Télétravail complet possible.", "remote"),
        ("Le poste est basé sur site à Lyon, en présentiel.", "onsite"),
        ("Avantages : indemnité de télétravail, tickets restaurant.", None),
        ("Wir bieten flexible Arbeitszeiten und Homeoffice-Möglichkeiten.", "hybrid"),
        ("Hybrides Arbeiten: 2 Tage pro Woche im Büro.", "hybrid"),
        ("Die Stelle ist zu 100% remote möglich.", "remote"),
        ("Komplett remote innerhalb Deutschlands.", "remote"),
        ("Mobiles Arbeiten ist nach Absprache möglich.", "hybrid"),
        ("Die Tätigkeit erfolgt vor Ort in unserem Werk in Stuttgart.", "onsite"),
        ("Homeoffice-Zuschuss und Jobrad.", None),
        ("Trabajo 100% remoto desde cualquier lugar de España.", "remote"),
        ("Modalidad híbrida: 3 días en oficina.", "hybrid"),
        ("Puesto presencial en nuestras oficinas de Madrid.", "onsite"),
    ],
)
def test_french_german_spanish(text: str, expected: str | None) -> None:
    assert prose(text) == expected


@pytest.mark.parametrize(
    ("title", "locations", "expected"),
    [
        ("Engineer", ["Remote - US"], "remote"),
        ("Engineer", ["London, UK (Hybrid)"], "hybrid"),
        ("Engineer (Remote)", ["Berlin"], "remote"),
        ("Ingénieur (Télétravail)", ["Paris"], "remote"),
        ("Desarrollador", ["Madrid (Híbrido)"], "hybrid"),
        ("Analyst", ["Denver, CO (On-site)"], "onsite"),
        ("Remote Sensing Analyst", ["Denver"], None),
        ("Engineer", ["San Francisco"], None),
    ],
)
def test_labels(title: str, locations: list[str], expected: str | None) -> None:
    assert remote_from_text(title, locations, "") == expected


def test_a_stated_policy_beats_a_label() -> None:
    assert (
        remote_from_text("Engineer", ["Remote"], "This role is hybrid, 3 days in our NYC office.") == "hybrid"
    )


def _merged(workplace: str | None, text: str, llm_remote: str | None = None) -> tuple[str, str | None]:
    row = parsed_row(
        3, workplace=workplace, description_text=text, title="Engineer", locations=["Austin, TX"]
    )
    rules = extract_rules(row["title"], row["description_text"], row["locations"])
    llm = ExtractedFields(remote=llm_remote) if llm_remote else None
    out = merge(row, rules, llm)
    return out["remote"], out["remote_source"]


def test_explicit_prose_beats_the_structured_flag() -> None:
    # Ashby boards that set isRemote on every job, internships at HQ included
    assert _merged("remote", "Hybrid, 3 days in office at our HQ.") == ("hybrid", "text_rules")
    assert _merged("remote", "This role is on-site in Austin.") == ("onsite", "text_rules")


def test_structured_value_when_the_text_states_nothing() -> None:
    assert _merged("remote", "Benefits: Work From Home Support.") == ("remote", "structured")
    assert _merged("onsite", "Great team.", llm_remote="remote") == ("onsite", "structured")


def test_llm_then_unknown() -> None:
    assert _merged(None, "Great team.", llm_remote="hybrid") == ("hybrid", "llm")
    assert _merged(None, "Great team.", llm_remote="unknown") == ("unknown", None)
    assert _merged(None, "Great team.") == ("unknown", None)


def test_tags_and_bare_words_yield_to_the_board_flag() -> None:
    assert _merged("hybrid", "Apply now! #LI-Onsite") == ("hybrid", "structured")
    assert _merged(None, "Apply now! #LI-Onsite") == ("onsite", "text_rules")
    assert _merged("remote", "Many of our teams offer hybrid options.") == ("remote", "structured")
    assert _merged(None, "Many of our teams offer hybrid options.") == ("hybrid", "text_rules")
    assert _merged("onsite", "Wir bieten Homeoffice-Möglichkeiten.") == ("onsite", "structured")


def test_office_presence_without_days_contradicts_remote_but_not_hybrid() -> None:
    text = "You will be working in-person at our NYC HQ."
    assert _merged("remote", text) == ("onsite", "text_rules")  # a remote flag set on every job
    assert _merged("hybrid", text) == ("hybrid", "structured")
    assert _merged("hybrid", "You must live within commuting distance of our Leeds hub.") == (
        "hybrid",
        "structured",
    )
    assert _merged("hybrid", "This role is on-site five days a week.") == ("onsite", "text_rules")


@pytest.mark.parametrize(
    ("locations", "expected"),
    [
        (["New York, NY (HQ)", "Remote (US)"], "remote"),  # can be held remotely: offices are alternatives
        (["London, UK", "Remote-Friendly, United States"], "remote"),
        (["Dublin", "Spain", "London - Hybrid"], None),  # the label speaks for London only
        (["London (Hybrid)", "Manchester (Hybrid)"], "hybrid"),
    ],
)
def test_location_labels_speak_for_their_place(locations: list[str], expected: str | None) -> None:
    assert remote_from_text("Engineer", locations, "") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Please note that this role requires working in-person at our HQ (near the park) at least 3 days/week.",
        "Our hub in Leeds is where the team meets, twice a week, for planning and pairing.",
        "We're in the office 4 days per week.",
    ],
)
def test_a_weekly_frequency_and_a_workplace_in_one_sentence_is_hybrid(text: str) -> None:
    assert prose(text) == "hybrid"


def test_words_that_look_like_hybrid_policy_but_are_not() -> None:
    assert prose("The Craft (The Hybrid Approach): you own the edit.") is None
    assert prose("This role is a hybrid of technical troubleshooting and customer education.") is None
    assert prose("Account Director (Inside/Outside Hybrid Sales)") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a "hybrid" policy whose content is working from anywhere is a remote policy
        (
            "A Hybrid Work Policy that allows you to work from wherever you are (as long as there's an internet "
            "connection)",
            "remote",
        ),
        ("Our hybrid model lets you work from anywhere in Canada.", "remote"),
        ("You can work from wherever you live in the US.", "remote"),
        # near-misses: a hybrid policy with office days stays hybrid
        ("Our hybrid work policy asks you to be in the office 2 days a week.", "hybrid"),
        ("We have a hybrid work policy.", "hybrid"),
    ],
)
def test_a_hybrid_named_policy_that_means_anywhere_is_remote(text: str, expected: str) -> None:
    assert prose(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # home working as an option next to some regular office presence: hybrid
        (
            "This role is based in Mumbai. There will be some in person meetings, but still allows for flexibility "
            "to work from home.",
            "hybrid",
        ),
        ("You'll have the flexibility to work from home, with some in-office days for planning.", "hybrid"),
        ("Regular office time with the team, and the option to work from home otherwise.", "hybrid"),
        # near-misses: the option alone, or presence alone, states no share
        ("We offer the flexibility to work from home when your child is sick.", None),
        ("There will be some in person meetings with customers in your territory.", None),
        ("Fully remote, with occasional in-person meetings.", "remote"),
    ],
)
def test_home_working_as_an_option_beside_some_office_presence_is_hybrid(
    text: str, expected: str | None
) -> None:
    assert prose(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "We're in-person with cozy offices in North Beach, San Francisco and Manhattan, New York.",
        "We’re in-person, with offices in London and Paris.",
        "We work in person at our Denver office.",
        "We are an in-office company.",
        "We're an in-person team in London.",
        "Our team is fully in-person in Austin.",
        "We are a fully in-person company based in NYC.",
        "The company remains in-office across both hubs.",
    ],
)
def test_team_works_in_person_is_office_presence(text: str) -> None:
    reading = read_remote("Engineer", ["SF"], text)
    assert (reading.policy, reading.stated) == ("onsite", True)
    # without "fully", presence says nothing about days: a board's "hybrid" may refine it
    assert reading.presence_only == ("fully" not in text)


@pytest.mark.parametrize(
    "text",
    [
        "After, we'll schedule an onsite in our office, where you'll work on a small project.",
        "Experience with in-person prospecting.",
        "We host in-person offsites twice a year.",
        "We meet for occasional in-person meetings.",
        "Our in-person events are great.",
        "We are in person at customer sites for implementations.",
        "We love in-person collaboration.",
        "We are in-person sales experts.",
    ],
)
def test_in_person_that_is_not_a_policy(text: str) -> None:
    assert read_remote("Engineer", ["SF"], text).policy is None


@pytest.mark.parametrize(
    "text",
    [
        "We support the flexibility to work anywhere in the United States. For our team in the tri-state (NY) area, "
        "you will join us at HQ on Tuesdays and Thursdays.",
        "This role is fully remote. If you live within commuting distance of our Austin office, you will come in 2 "
        "days a week.",
        "You can work remotely from anywhere in Canada; candidates based in Toronto join the office twice a week.",
        "This is a remote position. For those who live near Berlin, we ask for 2 days a week in the office.",
    ],
)
def test_office_days_only_for_those_near_an_office_of_a_remote_role(text: str) -> None:
    assert prose(text) == "remote"


@pytest.mark.parametrize(
    "text",
    [
        "For those who live near Austin, we ask for 3 days a week in the office.",  # no remote statement
        "This is a hybrid role: 3 days a week in our NYC office. For those in the Bay Area, the SF office is open.",
        "We are remote-first. For employees in London, we ask for 3 days a week in the office.",
        "This role is fully remote eligible. You will be in our NYC office 3 days a week.",  # not conditional
    ],
)
def test_office_days_for_everyone_stay_hybrid(text: str) -> None:
    assert prose(text) == "hybrid"
