"""Pay in another currency is compared only through a configured exchange-rate table, never silently.

`exchange_rates` in the searches file says how many `base` units one unit of each currency buys. Without
it, a job paid in EUR is not compared with a USD minimum: it is neither kept for its pay nor dropped for
it, and its reasons say so. With it, pay is converted to the search's currency before the comparison and
the reason shows the converted figure.
"""

from __future__ import annotations

import polars as pl

from job_assets.matching.searches import ExchangeRates


def factors_to(target: str, rates: ExchangeRates | None) -> dict[str, float]:
    """Multipliers taking an amount in each comparable currency to `target`; always `{target: 1}` at least."""
    if rates is None:
        return {target: 1.0}
    in_base = {rates.base: 1.0, **rates.rates}
    if target not in in_base:  # the table cannot reach the target: only same-currency pay compares
        return {target: 1.0}
    return {code: value / in_base[target] for code, value in in_base.items()}


def converted(amount: pl.Expr, currency: pl.Expr, target: str, rates: ExchangeRates | None) -> pl.Expr:
    """`amount` (in `currency`) expressed in `target`; null when it cannot be compared."""
    factors = factors_to(target, rates)
    factor = currency.replace_strict(
        list(factors), list(factors.values()), default=None, return_dtype=pl.Float64
    )
    return amount * factor


def not_compared_reason(currency: pl.Expr, target: str, rates: ExchangeRates | None) -> pl.Expr:
    """Why pay in `currency` was not compared with a minimum in `target` (for the match's reasons)."""
    why = "no exchange_rates configured" if rates is None else "no rate for it in exchange_rates"
    return pl.lit("pay in ") + currency + pl.lit(f" not compared with your minimum in {target} ({why})")
