"""Role-specific text: a posting's description minus its company's boilerplate, as hashed word shingles.

Every posting of a company repeats the same about-us, benefits and equal-opportunity paragraphs; compared
whole, two unrelated roles of one company look alike. A shingle (three consecutive words) is boilerplate
when it appears under many *different role titles* of the company. Working on shingles rather than lines
makes this immune to how each source breaks lines (a job board flattens a whole posting into one paragraph),
and counting distinct titles rather than postings matters: one requisition posted in thirty cities repeats
its own role text thirty times, and that text must survive.
"""

from __future__ import annotations

import polars as pl

_NON_WORD = r"[^\p{L}\p{N}]+"
SHINGLE_SEED = 0x5EED


def normalised_text(column: str) -> pl.Expr:
    """Lowercase words separated by single spaces: what survives reformatting between sources."""
    return pl.col(column).str.to_lowercase().str.replace_all(_NON_WORD, " ").str.strip_chars()


def _shingles(frame: pl.DataFrame, shingle_words: int) -> pl.DataFrame:
    """(row, ...) + description_text -> one row per (row, shingle hash) occurrence."""
    words = (
        frame.select("row", pl.col("description_text").fill_null(""))
        .with_columns(word=normalised_text("description_text").str.split(" "))
        .select("row", "word")
        .explode("word")
        .filter(pl.col("word").str.len_bytes() > 0)
    )
    # Rows are contiguous after the explode, so a plain shift plus a same-row check is the cheap
    # equivalent of a shift over each row's window.
    parts = [pl.col("word")]
    same_row = pl.lit(True)
    for k in range(1, shingle_words):
        parts.append(pl.col("word").shift(-k))
        same_row = same_row & (pl.col("row").shift(-k) == pl.col("row"))
    return (
        words.select(
            "row",
            same_row.alias("same_row"),
            shingle=(pl.concat_str(parts, separator=" ").hash(SHINGLE_SEED) & 0xFFFFFFFF).cast(pl.UInt32()),
        )
        .filter("same_row")
        .drop("same_row")
    )


def role_shingles(
    frame: pl.DataFrame,
    *,
    min_roles: int = 3,
    share: float = 0.2,
    shingle_words: int = 3,
) -> pl.DataFrame:
    """`frame` (row, company, role, description_text) -> (row, shingles: sorted unique list[u32]).

    A shingle is boilerplate in a company when it occurs under at least `max(min_roles, share * roles)`
    distinct roles (`role` is the level-free title). Rows without role text get an empty list.
    """
    shingles = _shingles(frame, shingle_words).join(frame.select("row", "company", "role"), on="row")
    roles = frame.group_by("company").agg(pl.col("role").n_unique().alias("n_roles"))
    threshold = pl.max_horizontal(pl.lit(min_roles), (pl.col("n_roles") * share).ceil().cast(pl.Int64))
    boilerplate = (
        shingles.group_by("company", "shingle")
        .agg(pl.col("role").n_unique().alias("spread"))
        .join(roles, on="company")
        .filter(pl.col("spread") >= threshold)
        .select("company", "shingle")
    )
    role_specific = (
        shingles.join(boilerplate, on=["company", "shingle"], how="anti")
        .group_by("row")
        .agg(pl.col("shingle").unique().sort().alias("shingles"))
    )
    return (
        frame.select("row")
        .join(role_specific, on="row", how="left")
        .with_columns(pl.col("shingles").fill_null(pl.lit([], pl.List(pl.UInt32()))))
        .sort("row")
    )
