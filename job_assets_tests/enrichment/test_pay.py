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
    # periods stated before the figure, in the clause
    ("The monthly rate for this internship is $11,000 USD + housing stipend.", 11000, 11000, "USD", "month"),
    ("The hourly rate for this role is $28.", 28, 28, "USD", "hour"),
    ("Annual base salary range is $140,000 to $170,000.", 140000, 170000, "USD", "year"),
    ("Salary: €45k p.a.", 45000, 45000, "EUR", "year"),
    ("Compensation: $95k/yr", 95000, 95000, "USD", "year"),
    ("£350 per day (outside IR35)", 350, 350, "GBP", "day"),
    ("Pay: $1,200 per week", 1200, 1200, "USD", "week"),
    # European and other number formats inside ranges
    ("Salary: $180.000/year to $260,000/year", 180000, 260000, "USD", "year"),
    ("Gehalt: 45.000 € - 55.000 € brutto im Jahr", 45000, 55000, "EUR", "year"),
    ("Salary: €45k-€55k", 45000, 55000, "EUR", "year"),
    ("Salaire : 45 000 - 55 000 EUR par an", 45000, 55000, "EUR", "year"),
    ("Salary: £40,000 - £50,000", 40000, 50000, "GBP", "year"),
    ("The salary range is CA$110,000 - CA$130,000.", 110000, 130000, "CAD", "year"),
    ("Base pay: C$85,000 to C$95,000", 85000, 95000, "CAD", "year"),
    ("Salary: A$120k - A$140k plus super", 120000, 140000, "AUD", "year"),
    ("CTC: INR 12,00,000 - 18,00,000 per annum", 1200000, 1800000, "INR", "year"),
    ("Stipend: ₹40,000 per month for the internship", 40000, 40000, "INR", "month"),
    ("Salário: R$ 8.000 - R$ 10.000 por mês", 8000, 10000, "BRL", "month"),
    ("Salary: R$8.000/month to R$10.000/month", 8000, 10000, "BRL", "month"),
    ("Rate: $55-65/hour", 55, 65, "USD", "hour"),
    ("€3.500 - €4.200 brutto pro Monat", 3500, 4200, "EUR", "month"),
    # a benefit earlier in the text never hides the pay sentence after it
    (
        "- 401(k) with a 4% match\n- Fertility benefits up to $10,000 per year\n"
        "The base salary for this role is $150,000 - $180,000.",
        150000,
        180000,
        "USD",
        "year",
    ),
    ("Our 401(k) plan is generous. The salary for this position is $120,000.", 120000, 120000, "USD", "year"),
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
    # benefits, reimbursements and stipends: the clause says so, however far back
    "Fertility and family-forming benefits of up to $10,000 per year.",
    "- HRA: the company funds up to $10,000 per year towards your deductible",
    "A wellness benefit up to $10,000 per year for gym, therapy and more.",
    "$150/month wifi/phone reimbursement",
    "We offer a $150 per month phone and internet reimbursement.",
    "401(k) plan with a company match of 50% of the first 6% of your salary you contribute, "
    "up to a maximum of $10,000 per year.",
    "- Traditional and Roth 401(k) options, with the company matching every dollar you put in, "
    "up to a maximum of $10,000 per year",
    "Learning & development budget of €1,500 per year",
    "Relocation assistance of up to $15,000 for candidates moving to Austin.",
    "A $10,000 sign-on bonus for this position.",
    "Home office setup: $1,000 one-time, plus $100/month co-working allowance.",
    "Annual bonus of up to $20,000 based on company performance.",
    # deal sizes, revenue and funding are not pay
    "You will manage deal sizes averaging $10-20K+ ACV with a 30-day sales cycle.",
    "Close deals of $50,000 - $250,000 with mid-market customers.",
    "We raised a $90M Series B in 2024.",
    "Own a book of business worth $2M - $5M in annual recurring revenue.",
    "Carry a quota of $800k per year.",
]


@pytest.mark.parametrize("text", TRAPS)
def test_numbers_that_are_not_pay(text: str) -> None:
    assert find_all_pay(text) == []


def test_per_location_ranges_give_the_full_range() -> None:
    text = (
        "Our salary ranges are based on location:\n"
        "San Francisco / New York: $150,000 - $180,000 USD\n"
        "Seattle: $140,000 - $170,000 USD\n"
        "Remote (US): $120,000 - $150,000 USD\n"
    )
    found = find_all_pay(text)
    assert [(p.min, p.max) for p in found] == [(150000, 180000), (140000, 170000), (120000, 150000)]
    pay = find_pay(text)
    assert pay is not None and (pay.min, pay.max, pay.currency, pay.period) == (120000, 180000, "USD", "year")


def test_per_location_ranges_never_mix_currencies_and_prefer_base_over_on_target() -> None:
    text = (
        "For candidates located in NYC or SF, the pay range for this role is $175,000 - $240,000. "
        "For candidates located in all other locations, the pay range for this role is $154,200 - $215,000. "
        "In Canada the range is CA$200,000 - CA$260,000.\nOTE: $300,000 - $400,000"
    )
    pay = find_pay(text)
    assert pay is not None and (pay.min, pay.max, pay.currency) == (154200, 240000, "USD")


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


def test_pay_next_to_a_benefit_in_the_same_list() -> None:
    text = (
        "Benefits\n- 401(k) with a match up to a maximum of $10,000 per year\n"
        "- $150/month wifi/phone reimbursement\n- Deal sizes averaging $10-20K+ ACV\n"
        "Compensation\n- Base salary: $130,000 - $150,000 per year\n"
    )
    assert [(p.min, p.max, p.period) for p in find_all_pay(text)] == [(130000, 150000, "year")]


def test_your_salary_is_not_a_pay_cue() -> None:
    # "of your salary" talks about pay as the base for a match, not as this amount's name.
    assert find_all_pay("We match 5% of your salary, up to $8,000 per year.") == []


def test_a_stipend_is_an_internships_pay_and_a_benefit_elsewhere() -> None:
    text = "Stipend: $3,000/month"
    assert find_all_pay(text) == []
    pay = find_pay(text, internship=True)
    assert pay is not None and (pay.min, pay.period) == (3000, "month")
    pay = find_pay("This internship offers a monthly stipend of ₹40,000.")
    assert pay is not None and (pay.min, pay.currency, pay.period) == (40000, "INR", "month")


def test_a_heading_line_is_the_clause_of_the_figures_under_it() -> None:
    # Greenhouse pay-range widgets render as a "Pay Range" heading over the bare figures.
    pay = find_pay("Our job titles may span more than one level.\nPay Range\n$28—$32 USD")
    assert pay is not None and (pay.min, pay.max, pay.currency, pay.period) == (28, 32, "USD", "hour")
    assert find_all_pay("Fertility benefits\n$10,000 per year") == []
