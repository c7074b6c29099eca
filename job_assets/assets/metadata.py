"""Small shapers for what the UI shows on a materialisation."""

from collections.abc import Sequence

import dagster as dg
import polars as pl


def _cell(value: object, max_chars: int) -> str:
    text = "" if value is None else str(value)
    text = text.replace("|", "\\|").replace("\n", " ")
    return text if len(text) <= max_chars else text[: max_chars - 1] + "…"


def preview(
    frame: pl.DataFrame, rows: int = 10, max_chars: int = 60, columns: Sequence[str] | None = None
) -> dg.MetadataValue:
    """A markdown table of the first rows, long text cut so the UI stays readable."""
    head = frame.select([c for c in (columns or frame.columns) if c in frame.columns]).head(rows)
    lines = ["| " + " | ".join(head.columns) + " |", "|" + "---|" * len(head.columns)]
    lines += ["| " + " | ".join(_cell(v, max_chars) for v in row) + " |" for row in head.iter_rows()]
    return dg.MetadataValue.md("\n".join(lines))


def seconds(value: float) -> dg.MetadataValue:
    return dg.MetadataValue.float(round(value, 3))
