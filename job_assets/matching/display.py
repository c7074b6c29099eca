"""How pay reads to a person, as polars expressions: "150k–180k USD/year", "45–60 EUR/hour"."""

from __future__ import annotations

import polars as pl


def amount_text(amount: pl.Expr) -> pl.Expr:
    """150000 -> "150k", 152500 -> "152.5k", 45 -> "45", 22.5 -> "22.5"."""
    thousands = (amount / 1000).round(1)
    big = pl.when(thousands == thousands.round(0)).then(thousands.cast(pl.Int64).cast(pl.String)).otherwise(
        thousands.cast(pl.String)
    ) + pl.lit("k")
    small = amount.round(2)
    small_text = (
        pl.when(small == small.round(0))
        .then(small.cast(pl.Int64).cast(pl.String))
        .otherwise(small.cast(pl.String))
    )
    return pl.when(amount.abs() >= 10_000).then(big).otherwise(small_text)


def range_text(low: pl.Expr, high: pl.Expr) -> pl.Expr:
    """ "150k–180k", or one figure when the range has one end (or both ends equal)."""
    low_text, high_text = amount_text(low), amount_text(high)
    return (
        pl.when(low.is_not_null() & high.is_not_null() & (low != high))
        .then(low_text + pl.lit("–") + high_text)
        .otherwise(pl.coalesce(low_text, high_text))
    )


def pay_text() -> pl.Expr:
    """The job's pay as posted (amounts, currency, period), or "pay not listed"."""
    figures = range_text(pl.col("salary_min"), pl.col("salary_max"))
    period = (
        pl.when(pl.col("salary_period").is_not_null())
        .then(pl.lit("/") + pl.col("salary_period"))
        .otherwise(pl.lit(""))
    )
    currency = pl.coalesce(pl.col("salary_currency"), pl.lit("(currency not stated)"))
    return (
        pl.when(figures.is_not_null())
        .then(figures + pl.lit(" ") + currency + period)
        .otherwise(pl.lit("pay not listed"))
    )
