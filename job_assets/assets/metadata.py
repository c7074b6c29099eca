"""Small shapers for what the UI shows on a materialisation."""

from collections.abc import Sequence

import dagster as dg
import polars as pl

from job_assets.display import SALARY_COLUMNS, pay_expr

# Enriched postings and jobs name their pay salary_*, parsed postings (the source's own figures) pay_*.
PAY_COLUMN_SETS = (
    SALARY_COLUMNS,
    ("pay_min", "pay_max", "pay_currency", "pay_period"),
)


def _cell(value: object, max_chars: int) -> str:
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    text = "" if value is None else str(value)
    text = text.replace("|", "\\|").replace("\n", " ")
    return text if len(text) <= max_chars else text[: max_chars - 1] + "…"


def with_pay(frame: pl.DataFrame) -> pl.DataFrame:
    """`frame` plus a `pay` column worded as everywhere else ("USD 120k-150k / year")."""
    for columns in PAY_COLUMN_SETS:
        if all(c in frame.columns for c in columns):
            return frame.with_columns(pay=pay_expr(*(pl.col(c) for c in columns)))
    return frame


def preview(
    frame: pl.DataFrame, rows: int = 10, max_chars: int = 60, columns: Sequence[str] | None = None
) -> dg.MetadataValue:
    """A markdown table of the first rows, long text cut so the UI stays readable; pay as "USD 120k-150k / year"."""
    head = with_pay(frame.head(rows))
    head = head.select([c for c in (columns or head.columns) if c in head.columns])
    lines = ["| " + " | ".join(head.columns) + " |", "|" + "---|" * len(head.columns)]
    lines += ["| " + " | ".join(_cell(v, max_chars) for v in row) + " |" for row in head.iter_rows()]
    return dg.MetadataValue.md("\n".join(lines))


def seconds(value: float) -> dg.MetadataValue:
    return dg.MetadataValue.float(round(value, 3))
