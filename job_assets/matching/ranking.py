"""The fit score (0-100) of a job for a saved search, with the reasons a person reads.

Each part scores 0..1 and counts only when the search (or the profile) says something about it; the
score is the weighted mean of the parts that count, times 100, so a search without keywords is not
penalised for having no text relevance:

| part | weight | 1.0 when | 0 when |
|---|---|---|---|
| text relevance | 0.30 | the best BM25 score among the search's matches | (scaled linearly to it) |
| skills | 0.25 | the job lists every wanted skill (must + nice + profile skills) | none of them |
| pay | 0.15 | the top of its range is >= 1.25x the minimum (0.8 at exactly the minimum) | 0.4 with no pay or pay not comparable; below the minimum: top/minimum x 0.8 |
| seniority | 0.10 | one of the wanted levels (0.5 one step away, 0.3 unknown) | further away |
| location | 0.10 | matches a wanted location (the filter rule) | does not |
| recency | 0.10 | first seen now | halves every 14 days |

Search keys win over the profile's (`seniority`, `locations`, minimum pay); skills are the union.
Ties are broken by recency, then job id, so a ranking is stable from one build to the next.
"""

from __future__ import annotations

from datetime import datetime

import polars as pl

from job_assets.display import pay_expr, salary_pay
from job_assets.matching.currency import not_compared_reason
from job_assets.matching.filters import location_match, pay_top
from job_assets.matching.searches import ExchangeRates, Profile, Search

WEIGHTS = {
    "relevance": 0.30,
    "skills": 0.25,
    "pay": 0.15,
    "seniority": 0.10,
    "location": 0.10,
    "recency": 0.10,
}
LADDER = ("intern", "junior", "mid", "senior", "staff", "principal")
RECENCY_HALF_LIFE_DAYS = 14.0
PAY_FULL_AT = 1.25
PAY_UNKNOWN = 0.4


def _seniority_part(wanted: list[str]) -> tuple[pl.Expr, pl.Expr]:
    level = pl.col("seniority").fill_null("unknown")
    steps = [LADDER.index(w) for w in wanted if w in LADDER]
    rank = level.replace_strict(list(LADDER), list(range(len(LADDER))), default=None, return_dtype=pl.Int64)
    near = pl.lit(False)
    for step in steps:
        near = near | ((rank - step).abs() == 1).fill_null(False)
    value = (
        pl.when(level.is_in(wanted))
        .then(1.0)
        .when(near)
        .then(0.5)
        .when(level == "unknown")
        .then(0.3)
        .otherwise(0.0)
    )
    reason = (
        pl.when(level.is_in(wanted))
        .then(pl.lit("seniority ") + level + pl.lit(" (wanted)"))
        .when(level == "unknown")
        .then(pl.lit("seniority not stated"))
        .otherwise(pl.lit("seniority ") + level + pl.lit(f" (you want {', '.join(wanted)})"))
    )
    return value, reason


def _skills_part(search: Search, profile: Profile) -> tuple[pl.Expr, pl.Expr] | None:
    wanted = list(dict.fromkeys([*search.skills.must, *search.skills.nice, *profile.skills]))
    if not wanted:
        return None
    have = pl.col("_skills").list.set_intersection(pl.lit(wanted, dtype=pl.List(pl.String())))
    missing = pl.lit(wanted, dtype=pl.List(pl.String())).list.set_difference(pl.col("_skills"))
    value = have.list.len() / len(wanted)
    reason = pl.when(have.list.len() > 0).then(
        pl.lit("skills matched: ") + have.list.sort().list.join(", ")
    ).otherwise(pl.lit("no wanted skill listed")) + pl.when(missing.list.len() > 0).then(
        pl.lit(" (missing: ") + missing.list.sort().list.join(", ") + pl.lit(")")
    ).otherwise(pl.lit(""))
    return value, reason


def _pay_part(
    minimum: float, currency: str, rates: ExchangeRates | None, whose: str
) -> tuple[pl.Expr, pl.Expr]:
    top = pay_top(currency, rates)
    ratio = top / minimum
    value = (
        pl.when(top.is_null())
        .then(PAY_UNKNOWN)
        .when(ratio >= 1)
        .then(0.8 + 0.2 * ((ratio - 1) / (PAY_FULL_AT - 1)).clip(0, 1))
        .otherwise(ratio.clip(0, 1) * 0.8)
    )
    job_currency = pl.col("salary_currency")
    factor_low = pl.col("salary_annual_min") * (top / pl.col("_pay_top"))
    converted = (
        pl.when(job_currency != currency)
        .then(
            pl.lit(" (= ")
            + pay_expr(factor_low, top, pl.lit(currency), pl.lit("year"))
            + pl.lit(" at your exchange_rates)")
        )
        .otherwise(pl.lit(""))
    )
    floor = f"{whose} minimum of {_plain(minimum)} {currency}"
    reason = (
        pl.when(pl.col("_pay_top").is_null())
        .then(pl.lit("no pay listed"))
        .when(top.is_null())
        .then(
            pl.when(job_currency.is_null())
            .then(pl.lit(f"pay not compared with {floor}: its currency is not stated"))
            .otherwise(not_compared_reason(job_currency, currency, rates))
        )
        .when(ratio >= 1)
        .then(pl.lit("pay ") + salary_pay() + converted + pl.lit(f" reaches {floor}"))
        .otherwise(pl.lit("pay ") + salary_pay() + converted + pl.lit(f" is below {floor}"))
    )
    return value, reason


def _plain(amount: float) -> str:
    return f"{amount:,.0f}"


def score(
    frame: pl.DataFrame, search: Search, profile: Profile, rates: ExchangeRates | None, now: datetime
) -> pl.DataFrame:
    """`frame` (filtered, `prepare`d, with `relevance` when the search has keywords) plus `score`,
    `reasons` (list of strings) and `rank` (1 = best), best first, at most `search.max_results` rows."""
    parts: list[tuple[str, pl.Expr, pl.Expr | None]] = []
    if search.keywords:
        best = frame.get_column("relevance").max() if frame.height else None
        value = pl.col("relevance") / float(best) if best else pl.lit(1.0)
        reason = (
            pl.lit("keywords: ")
            + pl.col("keyword")
            + pl.lit(" (BM25 ")
            + pl.col("relevance").round(2).cast(pl.String)
            + pl.lit(")")
        )
        parts.append(("relevance", value, reason))
    skills = _skills_part(search, profile)
    if skills:
        parts.append(("skills", *skills))
    if search.min_annual_pay is not None and search.currency:
        parts.append(("pay", *_pay_part(search.min_annual_pay, search.currency, rates, "your")))
    elif profile.min_annual_pay is not None and profile.currency:
        parts.append(("pay", *_pay_part(profile.min_annual_pay, profile.currency, rates, "your profile's")))
    seniority = search.seniority or profile.seniority
    if seniority:
        parts.append(("seniority", *_seniority_part(seniority)))
    places = search.locations or profile.locations
    if places:
        where = location_match(places)
        parts.append(
            (
                "location",
                where.is_not_null().cast(pl.Float64),
                pl.when(where.is_not_null())
                .then(pl.lit("location matches '") + where + pl.lit("'"))
                .otherwise(pl.lit(f"not in {', '.join(places)}")),
            )
        )
    age_days = (pl.lit(now) - pl.col("first_seen_at")).dt.total_seconds() / 86_400
    age_days = age_days.clip(lower_bound=0)
    days = age_days.floor().cast(pl.Int64)
    parts.append(
        (
            "recency",
            pl.lit(0.5).pow(age_days / RECENCY_HALF_LIFE_DAYS),
            pl.when(days == 0)
            .then(pl.lit("first seen today"))
            .when(days == 1)
            .then(pl.lit("first seen yesterday"))
            .otherwise(pl.lit("first seen ") + days.cast(pl.String) + pl.lit(" days ago")),
        )
    )
    total = sum(WEIGHTS[name] for name, _, _ in parts)
    fit = sum(WEIGHTS[name] * value.fill_null(0.0) for name, value, _ in parts) / total * 100
    reasons = [reason for _, _, reason in parts if reason is not None]
    if search.employment_types:
        reasons.append(
            pl.when(pl.col("employment_type").is_null()).then(pl.lit("employment type not stated"))
        )
    reasons.append(pl.when(pl.col("favorite").fill_null(False)).then(pl.lit("one of your favourites")))
    # Reasons are text work: written for the `max_results` rows kept, not for every candidate.
    return (
        frame.with_columns(score=fit.round(1))
        .sort(["score", "first_seen_at", "job_id"], descending=[True, True, False], nulls_last=True)
        .head(search.max_results)
        .with_columns(
            reasons=pl.concat_list(reasons).list.drop_nulls(),
            rank=pl.int_range(1, pl.len() + 1, dtype=pl.Int32),
        )
    )
