"""Which open jobs a saved search keeps: the yes/no rules, as polars expressions over the jobs frame.

The rules, each applied only when the search sets its key (all of them must hold):

- `companies` / `exclude_companies`: the job's company slug or display name, case-insensitive, whole.
- `locations`: a job is kept when ANY entry matches ANY of its locations. An entry matches when its words
  appear, in order and as whole words, in a location of the job, case-insensitive: `London` matches
  "London, United Kingdom", `New York` matches "New York, NY", `Germany` matches "Berlin, Germany", `US`
  matches "Remote - US"; `York` does not match "Yorkshire". No radius and no aliases: list the names the
  postings use (e.g. `[United States, USA, US]`). The entry `remote` also matches every job whose remote
  policy is `remote`, whatever its location text says.
- `remote`: the job's remote policy (remote, hybrid, onsite) is one of the list; `unknown` does not match.
- `seniority`: the job's seniority is one of the list; `unknown` does not match.
- `employment_types`: the job's type is one of the list; a job that does not state one is kept (most
  boards never say, Greenhouse never does) and its reasons say so.
- `skills.must`: every one is in the job's extracted skills (case-insensitive).
- `exclude_keywords`: a job is dropped when all the words of any entry appear, in order, in its title.
- `posted_within_days`: first seen by this project within the last N days.
- `min_annual_pay`: see `pay_ok`; jobs without pay, or paid in a currency that cannot be compared, are kept.
- Always: the job is open, and you have not marked it `not_interested`.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import polars as pl

from job_assets.dedup.schema import JOBS_SCHEMA, USER_FIELDS_SCHEMA
from job_assets.matching.currency import converted
from job_assets.matching.searches import ExchangeRates, Search
from job_assets.store.queries import tokenize

WORD_PATTERN = r"[^\W_]+[+#]*"  # the search index's tokens (store.queries.tokenize), in polars' regex
EXCLUDED_STATUSES = ("not_interested",)
_READ = (
    "job_id", "company", "company_name", "title", "locations", "remote", "seniority", "employment_type",
    "salary_min", "salary_max", "salary_currency", "salary_period", "salary_annual_min", "salary_annual_max",
    "skills", "url", "first_seen_at",
)  # fmt: skip
# The columns a search reads, typed as the jobs table and the user fields define them (one schema, in dedup).
JOB_COLUMNS: dict[str, pl.DataType] = {
    **{name: JOBS_SCHEMA[name] for name in _READ},
    **{name: USER_FIELDS_SCHEMA[name] for name in ("favorite", "status")},
}


def phrase(text: str) -> str:
    """A name or phrase as the padded word string the rules search for: "New York" -> " new york "."""
    return " " + " ".join(tokenize(text)) + " "


def _words(expr: pl.Expr) -> pl.Expr:
    return pl.lit(" ") + expr.str.to_lowercase().str.extract_all(WORD_PATTERN).list.join(" ") + pl.lit(" ")


def prepare(jobs: pl.DataFrame) -> pl.DataFrame:
    """The jobs frame with the normalised columns the rules read (computed once for every search)."""
    return jobs.with_columns(
        _title_words=_words(pl.col("title").fill_null("")),
        # One padded word string per location, so a phrase can never straddle two locations.
        _location_words=pl.col("locations").fill_null([]).list.eval(_words(pl.element())),
        _skills=pl.col("skills").fill_null([]).list.eval(pl.element().str.to_lowercase()),
        _company_keys=pl.concat_list(
            pl.col("company").str.to_lowercase(), pl.col("company_name").str.to_lowercase()
        ),
        # The highest figure the job's range reaches (annualised), for the pay floor.
        _pay_top=pl.coalesce("salary_annual_max", "salary_annual_min"),
    )


def location_match(entries: list[str]) -> pl.Expr:
    """The first of `entries` that matches the job (null when none): the location rule above."""
    out = pl.lit(None, pl.String())
    for entry in reversed(entries):
        words = phrase(entry)
        hit = pl.col("_location_words").list.eval(pl.element().str.contains(words, literal=True)).list.any()
        if words.strip() == "remote":
            hit = hit | (pl.col("remote") == "remote")
        out = pl.when(hit).then(pl.lit(entry)).otherwise(out)
    return out


def pay_top(search_currency: str, rates: ExchangeRates | None) -> pl.Expr:
    """The top of the job's annual range in `search_currency`; null when absent or not comparable."""
    return converted(pl.col("_pay_top"), pl.col("salary_currency"), search_currency, rates)


def pay_ok(search: Search, rates: ExchangeRates | None) -> pl.Expr:
    """Dropped only when the pay is comparable and its top stays below the minimum."""
    if search.min_annual_pay is None or search.currency is None:
        return pl.lit(True)
    top = pay_top(search.currency, rates)
    return top.is_null() | (top >= search.min_annual_pay)


def _in(column: str, values: list[str]) -> pl.Expr:
    return pl.col(column).is_in(values).fill_null(False)


def keep(search: Search, now: datetime, rates: ExchangeRates | None) -> pl.Expr:
    """Every rule of `search` as one boolean expression over a `prepare`d frame."""
    rules = [
        pl.col("status").fill_null("new").is_in(EXCLUDED_STATUSES).not_(),
        pay_ok(search, rates),
    ]
    if search.companies:
        wanted = [c.lower() for c in search.companies]
        rules.append(pl.col("_company_keys").list.eval(pl.element().is_in(wanted)).list.any())
    if search.exclude_companies:
        unwanted = [c.lower() for c in search.exclude_companies]
        rules.append(pl.col("_company_keys").list.eval(pl.element().is_in(unwanted)).list.any().not_())
    if search.locations:
        rules.append(location_match(search.locations).is_not_null())
    if search.remote:
        rules.append(_in("remote", list(search.remote)))
    if search.seniority:
        rules.append(_in("seniority", search.seniority))
    if search.employment_types:
        rules.append(pl.col("employment_type").is_null() | _in("employment_type", search.employment_types))
    for skill in search.skills.must:
        rules.append(pl.col("_skills").list.contains(skill))
    for entry in search.exclude_keywords:
        rules.append(pl.col("_title_words").str.contains(phrase(entry), literal=True).not_())
    if search.posted_within_days:
        rules.append(pl.col("first_seen_at") >= now - timedelta(days=search.posted_within_days))
    return pl.all_horizontal(rules)
