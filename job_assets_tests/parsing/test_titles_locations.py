"""Titles and location labels as users read them: entities unescaped, places split, placeholders dropped."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from job_assets.parsing.lever import parse_lever
from job_assets.parsing.locations import dedupe_locations, split_location_text
from job_assets.parsing.record import PostingContext, clean_title

CTX = PostingContext("acme", "Acme", "lever", "1", None, datetime(2025, 1, 1, tzinfo=UTC))


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Detection &amp; Response, Lead", "Detection & Response, Lead"),
        ("R&amp;amp;D Engineer", "R&D Engineer"),  # escaped twice by the board
        ("Senior  Engineer \n (Platform) ", "Senior Engineer (Platform)"),
        ("Clinical Coding Specialist ", "Clinical Coding Specialist"),
        ("Salt & Pepper Chef", "Salt & Pepper Chef"),
        ("Senior Software Engineer — XCore (Europe)", "Senior Software Engineer — XCore (Europe)"),
        ("Data\u200b Engineer", "Data Engineer"),  # zero-width space pasted from an editor
        ("\ufeffProduct Manager\u200e", "Product Manager"),  # a BOM and a direction mark
        ("Ingé\u00adnieur Logiciel", "Ingénieur Logiciel"),  # a soft hyphen is invisible
    ],
)
def test_clean_title(title: str, expected: str) -> None:
    assert clean_title(title) == expected


def test_a_lever_title_with_an_entity_is_unescaped() -> None:
    payload = {
        "id": "1",
        "text": "Sales &amp; Partnerships Lead",
        "categories": {"location": "Cape Town &amp; Johannesburg"},
    }
    record = parse_lever(payload, CTX)
    assert record["title"] == "Sales & Partnerships Lead"
    assert record["locations"] == ["Cape Town", "Johannesburg"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cape Town & Johannesburg", ["Cape Town", "Johannesburg"]),
        ("Austin and Dallas, TX", ["Austin", "Dallas, TX"]),
        ("Lyon; Marseille", ["Lyon", "Marseille"]),
        ("Port of Spain, Trinidad and Tobago", ["Port of Spain, Trinidad and Tobago"]),
        ("Sarajevo, Bosnia & Herzegovina", ["Sarajevo, Bosnia & Herzegovina"]),
        ("Washington D.C.", ["Washington D.C."]),
        ("Washington, D.C.", ["Washington, D.C."]),
        ("St. Louis, MO", ["St. Louis, MO"]),
        ("Berlin.", ["Berlin"]),
        ("UNAVAILABLE", []),
        ("N/A", []),
        ("TBD", []),
        ("To be determined", []),
        ("Dallas/Fort Worth, TX", ["Dallas/Fort Worth, TX"]),
        ("US-Remote, US-San Francisco, US-Chicago", ["US-Remote", "US-San Francisco", "US-Chicago"]),
        ("SF, NYC, SEA, CHI", ["SF", "NYC", "SEA", "CHI"]),
        ("New York, NY, United States", ["New York, NY, United States"]),
        ("NYC, NY, USA", ["NYC, NY, USA"]),
    ],
)
def test_split_and_clean(text: str, expected: list[str]) -> None:
    assert split_location_text(text) == expected


def test_placeholders_drop_out_of_lists() -> None:
    assert dedupe_locations(["Remote (US)", "N/A", "Washington, D.C.", "unavailable"]) == [
        "Remote (US)",
        "Washington, D.C.",
    ]
