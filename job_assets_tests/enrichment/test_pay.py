"""Pay from text: the formats real postings use, and the numbers that only look like pay."""

from __future__ import annotations

import pytest

from job_assets.enrichment.rules.pay import annualise, find_all_pay, find_pay

PAY_CASES = [
    # (text, min, max, currency, period)
    ("The salary range for this role is $120,000 - $150,000 per year.", 120000, 150000, "USD", "year"),
    ("Compensation: $120K-$150K + equity", 120000, 150000, "USD", "year"),
    ("Base pay: USD 120,000 to 150,000", 120000, 150000, "USD", "year"),
    ("Salary: £55,000 - £65,000 plus benefits", 55000, 65000, "GBP", "year"),
    ("Gehalt: €60.000 – €75.000 brutto/Jahr", 60000, 75000, "EUR", "year"),
    ("Pay: $45 - $60 per hour", 45, 60, "USD", "hour"),
    ("We pay up to $210k for this role.", None, 210000, "USD", "year"),
    ("CAD 95,000 to 115,000 annually", 95000, 115000, "CAD", "year"),
    ("The hiring range is $95,000 - $115,000 CAD.", 95000, 115000, "CAD", "year"),
    ("The pay range is between $100,000 and $120,000.", 100000, 120000, "USD", "year"),
    ("Target range: $120-150k", 120000, 150000, "USD", "year"),
    ("Range: $150,000.00 - $180,000.00 USD", 150000, 180000, "USD", "year"),
    ("Salaire : 120 000 – 150 000 € par an", 120000, 150000, "EUR", "year"),
    ("Rate: $58.50/hr", 58.5, 58.5, "USD", "hour"),
    ("Day rate £400 - £500 per day, outside IR35", 400, 500, "GBP", "day"),
    ("Stipend-free internship paying $8,000 - $10,000 per month", 8000, 10000, "USD", "month"),
    ("Weekly pay of $2,000/week during the engagement", 2000, 2000, "USD", "week"),
    ("CTC: ₹25,00,000 - ₹35,00,000 per annum", 2500000, 3500000, "INR", "year"),
    ("Salary range (USD): 120000 - 150000", 120000, 150000, "USD", "year"),
    ("Base salary: $150,000", 150000, 150000, "USD", "year"),
    ("OTE $200k (50/50 split)", 200000, 200000, "USD", "year"),
    ("Salary starting at $80,000, depending on experience", 80000, None, "USD", "year"),
    ("年収 ¥6,000,000 - ¥9,000,000", 6000000, 9000000, "JPY", "year"),
    ("A$140,000 – A$160,000 + super", 140000, 160000, "AUD", "year"),
    (
        "The pay range for this role, not including bonus, is $120,000 - $150,000 + bonus + equity.",
        120000,
        150000,
        "USD",
        "year",
    ),
    ("Hourly rate: $30-$35", 30, 35, "USD", "hour"),
    ("Salary: 80k - 100k EUR", 80000, 100000, "EUR", "year"),
]


@pytest.mark.parametrize(("text", "low", "high", "currency", "period"), PAY_CASES)
def test_pay_formats(text: str, low: float | None, high: float | None, currency: str, period: str) -> None:
    pay = find_pay(text)
    assert pay is not None, text
    assert (pay.min, pay.max, pay.currency, pay.period) == (low, high, currency, period)


TRAPS = [
    "We offer a 401(k) with a 4% match and 10,000+ happy customers.",
    "We match 401(k) contributions up to $6,000 per year.",
    "We raised $50M in our Series B led by Sequoia.",
    "Backed by a $1B valuation and $100 million in ARR.",
    "We raised $30 million from top investors.",
    "A $2,000 annual learning budget and a $500/month wellness stipend.",
    "New hires get a $5,000 signing bonus.",
    "You have 5+ years of experience and 3-5 years with Python.",
    "Over 2,500 employees in 12 countries, serving 40,000 customers since 2010.",
    "Founded in 2014, we have grown to $120 million in revenue.",
    "Home office stipend of $1,000 and a $150 monthly internet allowance.",
    "Call 555-1234 or visit us at 100 - 120 Main Street.",
]


@pytest.mark.parametrize("text", TRAPS)
def test_numbers_that_are_not_pay(text: str) -> None:
    assert find_all_pay(text) == []


def test_per_location_ranges_first_is_primary() -> None:
    text = (
        "Our salary ranges are based on location:\n"
        "San Francisco / New York: $150,000 - $180,000 USD\n"
        "Seattle: $140,000 - $170,000 USD\n"
        "Remote (US): $120,000 - $150,000 USD\n"
    )
    found = find_all_pay(text)
    assert [(p.min, p.max) for p in found] == [(150000, 180000), (140000, 170000), (120000, 150000)]
    assert find_pay(text) == found[0]


def test_pay_among_traps_is_still_found() -> None:
    text = (
        "Acme raised $40M in 2023 and serves 10,000 customers. Benefits: 401(k) match, $1,000 learning budget. "
        "The base salary for this position is $130,000 - $160,000 per year."
    )
    pay = find_pay(text)
    assert pay is not None and (pay.min, pay.max, pay.period) == (130000, 160000, "year")


def test_annualise() -> None:
    assert annualise(50, "hour") == 104000
    assert annualise(400, "day") == 104000
    assert annualise(2000, "week") == 104000
    assert annualise(10000, "month") == 120000
    assert annualise(120000, "year") == 120000
    assert annualise(None, "year") is None
    assert annualise(100, None) is None


def test_pay_annual_properties() -> None:
    pay = find_pay("Pay: $45 - $60 per hour")
    assert pay is not None and (pay.annual_min, pay.annual_max) == (93600, 124800)


def test_empty_text() -> None:
    assert find_pay(None) is None and find_pay("") is None
