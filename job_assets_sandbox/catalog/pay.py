"""Pay written the many ways real postings write it, from one structured `Pay`."""

from __future__ import annotations

from job_assets_sandbox.catalog.model import Pay, PayTier

SYMBOLS = {"USD": "$", "GBP": "£", "EUR": "€", "CAD": "CA$"}
PERIOD_PHRASE = {
    "year": "per year",
    "month": "per month",
    "week": "per week",
    "day": "per day",
    "hour": "per hour",
}
STYLES = ("range", "plain", "k", "iso", "eu", "up_to", "endash", "suffix")

# Structured interval names of each ATS.
LEVER_INTERVAL = {
    "year": "per-year-salary",
    "month": "per-month-salary",
    "week": "per-week-salary",
    "day": "per-day-wage",
    "hour": "per-hour-wage",
}
ASHBY_INTERVAL = {"year": "1 YEAR", "month": "1 MONTH", "week": "1 WEEK", "day": "1 DAY", "hour": "1 HOUR"}


def _sym(currency: str) -> str:
    return SYMBOLS.get(currency, currency + " ")


def _comma(value: int) -> str:
    return f"{value:,}"


def _dots(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _k(value: int, upper: bool = True) -> str:
    if value < 1000:
        return str(value)
    text = f"{value / 1000:g}"
    return text + ("K" if upper else "k")


def format_range(style: str, low: int | None, high: int, currency: str, period: str) -> str:
    """`$120,000 - $150,000 per year`, `$120K-$150K`, `USD 120,000 to 150,000`, `€60.000 – €75.000`..."""
    s = _sym(currency)
    per = PERIOD_PHRASE[period]
    if style == "up_to" or low is None:
        return f"up to {s}{_k(high, upper=False) if high >= 1000 else high}"
    if style == "range":
        if low == high:
            return f"{s}{_comma(low)} {per}"
        return f"{s}{_comma(low)} - {s}{_comma(high)} {per}"
    if style == "plain":
        return f"{s}{_comma(low)} - {s}{_comma(high)}"
    if style == "k":
        return f"{s}{_k(low)}-{s}{_k(high)}"
    if style == "iso":
        return f"{currency} {_comma(low)} to {_comma(high)}"
    if style == "eu":
        return f"{s}{_dots(low)} – {s}{_dots(high)}"
    if style == "endash":
        return f"{s}{_comma(low)}–{s}{_comma(high)} {currency}"
    if style == "suffix":
        return f"${_comma(low)} - ${_comma(high)} {currency} {per}"
    raise ValueError(f"unknown pay style {style!r}; expected one of {', '.join(STYLES)}")


def tier_range(pay: Pay, tier: PayTier) -> str:
    return format_range(pay.style, tier.min, tier.max, tier.currency or pay.currency, pay.period)


def pay_text(pay: Pay, default_sentence: str) -> tuple[list[str], list[str]]:
    """The paragraphs and the per-location list items that state this pay in a description."""
    if pay.tiers:
        lead = (pay.sentence or "The base pay for this role depends on where you live:").replace(
            "{range}", ""
        )
        items = [f"{t.label}: {tier_range(pay, t)}" for t in pay.tiers]
        return [lead.strip()], items
    text = format_range(pay.style, pay.min, pay.max, pay.currency, pay.period)
    sentence = (pay.sentence or default_sentence).format(range=text)
    return [sentence], []


def short_money(value: int, currency: str) -> str:
    """Ashby's compact amounts: `$150K`, `£91K`, `$45`."""
    return f"{_sym(currency)}{_k(value)}"


def ashby_summary(low: int | None, high: int, currency: str, period: str) -> str:
    """`$150K – $180K`, or `$45 – $60 per hour` for wages."""
    lo = short_money(low if low is not None else high, currency)
    text = lo if low is None or low == high else f"{lo} – {short_money(high, currency)}"
    return text if period == "year" else f"{text} {PERIOD_PHRASE[period]}"
