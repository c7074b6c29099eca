"""How a job's fields read to a person: one wording for pay and places everywhere (CLI, UI previews, alerts)."""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

_PERIOD_WORDS = {"hour": "hour", "day": "day", "week": "week", "month": "month", "year": "year"}


def _amount(value: float) -> str:
    """120000 -> "120k", 1250000 -> "1.25M", 45.5 -> "45.5" (hourly rates stay whole numbers)."""
    for size, suffix in ((1_000_000, "M"), (1_000, "k")):
        if abs(value) >= size:
            return f"{value / size:.4g}{suffix}" if value % size else f"{value / size:.0f}{suffix}"
    return f"{value:.2f}".rstrip("0").rstrip(".")


def format_pay(minimum: float | None, maximum: float | None, currency: str | None, period: str | None) -> str:
    """ "USD 120k-150k / year"; "" when there is no figure. A missing currency or period is left out, never guessed."""
    if minimum is None and maximum is None:
        return ""
    if minimum is not None and maximum is not None and minimum != maximum:
        figure = f"{_amount(minimum)}-{_amount(maximum)}"
    elif minimum is not None and maximum is None:
        figure = f"from {_amount(minimum)}"
    elif minimum is None and maximum is not None:
        figure = f"up to {_amount(maximum)}"
    else:
        figure = _amount(float(minimum or 0))
    text = f"{currency} {figure}" if currency else figure
    if period:
        text += f" / {_PERIOD_WORDS.get(period, period)}"
    return text


def pay_expr(minimum: pl.Expr, maximum: pl.Expr, currency: pl.Expr, period: pl.Expr) -> pl.Expr:
    """`format_pay` over frame columns, for the places that word pay inside a frame (match reasons, alerts, UI
    previews): one wording, written once."""
    parts = pl.struct(
        minimum.alias("minimum"), maximum.alias("maximum"), currency.alias("currency"), period.alias("period")
    )
    return parts.map_elements(
        lambda row: format_pay(row["minimum"], row["maximum"], row["currency"], row["period"]),
        return_dtype=pl.String,
        skip_nulls=False,
    )


SALARY_COLUMNS = ("salary_min", "salary_max", "salary_currency", "salary_period")


def salary_pay() -> pl.Expr:
    """A job's or enriched posting's pay (its `salary_*` columns), worded."""
    return pay_expr(*(pl.col(c) for c in SALARY_COLUMNS))


def format_places(locations: Sequence[str] | None, limit: int = 3) -> str:
    """ "Berlin; London; +2 more"."""
    places = [p for p in (locations or []) if p]
    shown = "; ".join(places[:limit])
    return shown + (f"; +{len(places) - limit} more" if len(places) > limit else "")
