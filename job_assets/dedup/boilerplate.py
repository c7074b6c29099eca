"""Role-specific text: a posting's description minus its company's boilerplate, as hashed word shingles.

Every posting of a company repeats the same about-us, benefits and equal-opportunity paragraphs; compared
whole, two unrelated roles of one company look alike. A shingle (three consecutive words) is boilerplate
when it appears under many *different roles* of the company. Working on shingles rather than lines makes
this immune to how each source breaks lines (a job board flattens a posting into one paragraph), and
counting distinct roles rather than postings matters: one requisition posted in thirty cities repeats its
own role text thirty times, and that text must survive.

Cost: the spread of a shingle is measured on one posting per role (at most `sample_roles` roles per
company), so a company with thousands of postings costs what a few hundred do.
"""

from __future__ import annotations

import polars as pl

# Runs of characters that are neither letters nor digits, except a lone space (already what it would become):
# replacing only those gives the same text as replacing every run, with a tenth of the replacements.
_NON_WORD = r"(?: [^\p{L}\p{N}]+|[^\p{L}\p{N} ][^\p{L}\p{N}]*)"
_WORD_BITS = 0x1FFFFF  # 21-bit word hashes: three fit in one 64-bit integer without overflow


def normalised_text(column: str) -> pl.Expr:
    """Lowercase words separated by single spaces: what survives reformatting between sources."""
    return pl.col(column).str.to_lowercase().str.replace_all(_NON_WORD, " ").str.strip_chars()


def _shingles(frame: pl.DataFrame) -> pl.DataFrame:
    """(row, company_id, text) -> one row per 3-word shingle occurrence: (row, key), where key =
    company_id * 2**32 + the shingle's 32-bit hash, so one integer column identifies (company, shingle)."""
    words = (
        frame.select("row", "company_id", word=pl.col("text").fill_null("").str.split(" "))
        .explode("word")
        .filter(pl.col("word").str.len_bytes() > 0)
        .select("row", "company_id", h=pl.col("word").hash(11) & _WORD_BITS)
    )
    # Rows are contiguous after the explode: a plain shift plus a same-row check replaces a windowed shift.
    same_row = (pl.col("row").shift(-1) == pl.col("row")) & (pl.col("row").shift(-2) == pl.col("row"))
    packed = (pl.col("h") * (1 << 42)) + (pl.col("h").shift(-1) * (1 << 21)) + pl.col("h").shift(-2)
    return (
        words.select("row", "company_id", same_row.alias("same_row"), shingle=packed.hash(13) & 0xFFFFFFFF)
        .filter("same_row")
        .select("row", key=pl.col("company_id").cast(pl.UInt64()) * (1 << 32) + pl.col("shingle"))
    )


def role_shingles(
    frame: pl.DataFrame,
    *,
    min_roles: int = 3,
    share: float = 0.2,
    sample_roles: int = 200,
) -> pl.DataFrame:
    """`frame` (row, company, role, text: `normalised_text` of the description) -> (row, shingles: list[u64]
    set, measured).

    A shingle is boilerplate in a company when it occurs under at least `max(min_roles, share * roles)` of
    its distinct roles (`role`: a label for titles that could name one job). A company with fewer than
    `min_roles` roles cannot tell its boilerplate from its role text: its rows keep every shingle and say
    `measured = False`, so the matcher asks for more similarity. Rows without text get an empty list.
    """
    frame = frame.with_columns(company_id=pl.col("company").rank("dense").cast(pl.UInt32()))
    # Every occurrence (a shingle repeated within a row is counted once below: cheaper than making each
    # row's shingles unique first).
    shingles = _shingles(frame)
    # One posting per role, at most `sample_roles` roles per company (a deterministic choice).
    sample = (
        frame.select("row", "company_id", "role")
        .unique(["company_id", "role"], keep="first", maintain_order=True)
        .with_columns(n_roles=pl.len().over("company_id"))
        .filter(pl.int_range(pl.len()).over("company_id") < sample_roles)
    )
    sampled = sample.group_by("company_id").agg(pl.len().alias("sampled"), pl.col("n_roles").first())
    threshold = pl.max_horizontal(pl.lit(min_roles), (pl.col("sampled") * share).ceil().cast(pl.Int64))
    boilerplate = (  # a key names its company in its high bits: grouping by the key alone is per company
        shingles.join(sample.select("row"), on="row", how="semi")
        .group_by("key")
        .agg(spread=pl.col("row").n_unique())
        .with_columns(company_id=(pl.col("key") // (1 << 32)).cast(pl.UInt32()))
        .join(sampled, on="company_id")
        .filter((pl.col("n_roles") >= min_roles) & (pl.col("spread") >= threshold))
        .select("key")
    )
    role_specific = (
        shingles.join(boilerplate, on="key", how="anti").group_by("row").agg(shingles=pl.col("key").unique())
    )
    return (
        frame.select("row", "company_id")
        .join(role_specific, on="row", how="left")
        .join(sampled, on="company_id", how="left")
        .select(
            "row",
            pl.col("shingles").fill_null(pl.lit([], pl.List(pl.UInt64()))),
            measured=pl.col("n_roles") >= min_roles,
        )
        .sort("row")
    )
