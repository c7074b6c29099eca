"""One wording for pay and places, the same in the CLI, the UI previews and (later) alerts."""

import polars as pl
import pytest

from job_assets.assets.metadata import preview, with_pay
from job_assets.display import format_pay, format_places


@pytest.mark.parametrize(
    ("low", "high", "currency", "period", "text"),
    [
        (120000, 150000, "USD", "year", "USD 120k-150k / year"),
        (32.0, 41.0, "USD", "hour", "USD 32-41 / hour"),
        (125500, None, "EUR", "year", "EUR from 125.5k / year"),
        (None, 90000, "GBP", "year", "GBP up to 90k / year"),
        (45.5, 45.5, "GBP", "hour", "GBP 45.5 / hour"),
        (1250000, 1500000, "JPY", "year", "JPY 1.25M-1.5M / year"),
        (5000, 6000, None, "month", "5k-6k / month"),  # a missing currency is left out, never guessed
        (None, None, "USD", "year", ""),
    ],
)
def test_format_pay(low, high, currency, period, text) -> None:
    assert format_pay(low, high, currency, period) == text


def test_format_places() -> None:
    assert format_places(["Berlin", "London", "Paris", "Rome", "Oslo"]) == "Berlin; London; Paris; +2 more"
    assert format_places(None) == ""


def test_previews_word_pay_the_same_way() -> None:
    frame = pl.DataFrame(
        {
            "title": ["Data Engineer"],
            "pay_min": [32.0],
            "pay_max": [41.0],
            "pay_currency": ["USD"],
            "pay_period": ["hour"],
        }
    )
    assert with_pay(frame)["pay"].to_list() == ["USD 32-41 / hour"]
    table = preview(frame, columns=("title", "pay")).value
    assert "| Data Engineer | USD 32-41 / hour |" in table and "32.0" not in table
