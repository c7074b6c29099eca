"""Postings -> clusters of postings that are one job, with the rule and score of every merge.

Order of work: exact keys first (the same canonical URL; the same title and description), vectorised in
polars; then near-duplicates among what is left, compared only within one company and one level, in batches
of whole companies so memory stays bounded at a million postings.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import polars as pl

from job_assets.dedup.boilerplate import normalised_text, role_shingles
from job_assets.dedup.cluster import Edge, GuardedUnionFind, merge_edges, orient
from job_assets.dedup.regions import Area, area_of
from job_assets.dedup.schema import POSTING_COLUMNS, REQUIRED_COLUMNS, conform
from job_assets.dedup.similarity import (
    MatchConfig,
    accepts,
    block_pairs,
    jaccard,
    role_groups,
    title_agreement,
)
from job_assets.dedup.text import TitleParts, canonical_url, normalise_department, parse_title

ASSIGNMENT_SCHEMA: dict[str, pl.DataType] = {
    "posting_key": pl.String(),
    "company": pl.String(),
    "cluster_key": pl.String(),  # posting_key of the cluster's earliest real posting: names the cluster
    "rule": pl.String(),
    "score": pl.Float64(),
    "matched_to": pl.String(),
}


def prepare_postings(postings: pl.DataFrame) -> pl.DataFrame:
    """Conform to the columns dedup reads and keep one row per (company, posting_key): the latest fetch.
    Sorted, so every later step is independent of the input's row order."""
    frame = conform(postings, POSTING_COLUMNS, REQUIRED_COLUMNS)
    null_keys = frame.filter(pl.col("posting_key").is_null() | pl.col("company").is_null()).height
    if null_keys:
        raise ValueError(f"{null_keys} posting(s) have no posting_key or company; cannot deduplicate them")
    return (
        frame.sort(["company", "posting_key", "fetched_at"], nulls_last=False)
        .unique(["company", "posting_key"], keep="last", maintain_order=True)
        .with_columns(pl.col("locations").fill_null(pl.lit([], pl.List(pl.String()))))
    )


def _title_features(frame: pl.DataFrame) -> pl.DataFrame:
    levels, cores = [], []
    parsed: dict[tuple[str | None, tuple[str, ...]], TitleParts] = {}  # one requisition repeats its title
    for title, locations in zip(frame["title"].to_list(), frame["locations"].to_list(), strict=True):
        key = (title, tuple(locations or ()))
        parts = parsed.get(key)
        if parts is None:
            parts = parsed[key] = parse_title(*key)
        levels.append(parts.level)
        cores.append(parts.core)
    departments = frame["department"].drop_nulls().unique().to_list()
    dept_norm = {d: normalise_department(d) for d in departments}
    return frame.with_columns(
        level=pl.Series(levels, dtype=pl.String()),
        role=pl.Series(cores, dtype=pl.String()),
        canon_url=canonical_url("url"),
        dept=pl.col("department").replace_strict(dept_norm, default=None, return_dtype=pl.String()),
    )


def _areas(frame: pl.DataFrame) -> list[Area]:
    """Each posting's area for the region rule: its locations, and the currency of its structured pay."""
    currency = pl.when(pl.col("salary_source") == "structured").then(pl.col("salary_currency"))
    rows = frame.select("locations", currency.alias("currency")).iter_rows()
    known: dict[tuple[tuple[str, ...], str | None], Area] = {}  # a company repeats a few places many times
    areas = []
    for locations, currency in rows:
        key = (tuple(locations or ()), currency)
        area = known.get(key)
        if area is None:
            area = known[key] = area_of(key[0], currency)
        areas.append(area)
    return areas


def _exact_edges(frame: pl.DataFrame, key: str, rule: str) -> pl.DataFrame:
    """Each member of a (company, key) group linked to the group's first row."""
    return (
        frame.filter(pl.col(key).is_not_null())
        .with_columns(first=pl.col("row").min().over(["company", key]))
        .filter(pl.col("row") != pl.col("first"))
        .select(a=pl.col("first"), b=pl.col("row"), rule=pl.lit(rule), score=pl.lit(1.0))
    )


def _company_batches(frame: pl.DataFrame, batch_rows: int) -> Iterator[pl.DataFrame]:
    """Whole companies, about `batch_rows` rows at a time, each company's rows together. Gathered per
    batch, so the input need not be sorted by company and only one batch is ever copied."""
    groups = frame.select("company", "row").group_by("company").agg("row").sort("company")
    pending: list[int] = []
    for rows in groups["row"].to_list():
        pending += rows
        if len(pending) >= batch_rows:
            yield frame[pending]
            pending = []
    if pending:
        yield frame[pending]


def _role_groups(batch: pl.DataFrame, config: MatchConfig) -> pl.Series:
    """Per company, an id for each group of role titles that could name one job (see `role_groups`)."""
    labels: dict[tuple[str, str], str] = {}
    for company, roles in batch.group_by("company").agg(pl.col("role").unique().sort()).iter_rows():
        for role, group in zip(roles, role_groups(roles, config), strict=True):
            labels[company, role] = roles[group]
    return pl.Series(
        [labels[c, r] for c, r in zip(batch["company"].to_list(), batch["role"].to_list(), strict=True)],
        dtype=pl.String(),
    )


def _batch_edges(batch: pl.DataFrame, config: MatchConfig) -> tuple[list[Edge], set[int], pl.DataFrame]:
    """All pairs found within one batch of whole companies: exact keys first, then near-duplicates among
    the postings left after exact-text grouping. Also returns the rows with enough role text to compare and
    the rows with no description at all (for `_title_only_edges`)."""
    batch = batch.with_columns(text=normalised_text("description_text")).with_columns(
        text_key=pl.when(pl.col("text").str.len_bytes() > 0).then(
            pl.concat_str(["company", "level", "role", "text"], separator="\x1f").hash(7)
        )
    )
    exact = pl.concat(
        [_exact_edges(batch, "canon_url", "url"), _exact_edges(batch, "text_key", "exact_text")]
    )
    edges = [Edge(a, b, rule, score) for a, b, rule, score in exact.iter_rows()]
    reps = batch.filter(
        pl.col("text_key").is_null() | (pl.col("row") == pl.col("row").min().over(["company", "text_key"]))
    )
    shingled = role_shingles(
        reps.select("row", "company", _role_groups(reps, config).alias("role"), "text"),
        min_roles=config.boilerplate_min_roles,
        share=config.boilerplate_share,
    )
    lengths = shingled["shingles"].list.len().to_numpy()
    offsets = np.concatenate([[0], np.cumsum(lengths, dtype=np.int64)])
    flat = shingled["shingles"].explode().drop_nulls().to_numpy()
    position = {row: i for i, row in enumerate(shingled["row"].to_list())}
    with_text = {
        r for r, n in zip(shingled["row"].to_list(), lengths, strict=True) if n >= config.min_shingles
    }
    block_level = pl.col("level") if config.guards else pl.lit("")
    blocks = (
        reps.select("row", "company", block_level.alias("level"), "role")
        .group_by("company", "level", maintain_order=True)
        .agg("row", "role")
    )
    block_rows, block_roles, shingles = [], [], []
    for rows, roles in zip(blocks["row"].to_list(), blocks["role"].to_list(), strict=True):
        if len(rows) < 2:
            continue
        block_rows.append(rows)
        block_roles.append(roles)
        shingles.append([flat[offsets[position[r]] : offsets[position[r] + 1]] for r in rows])
    pairs = list(block_pairs(list(zip(block_roles, shingles, strict=True)), config))
    left = [block_rows[k][i] for k, i, _ in pairs]
    right = [block_rows[k][j] for k, _, j in pairs]
    titles = [(block_roles[k][i], block_roles[k][j]) for k, i, j in pairs]
    edges += _near_text_edges(shingled, position, left, right, titles, config)
    textless = batch.filter(pl.col("text_key").is_null()).select("row", "company", "level", "role")
    return edges, with_text, textless


def _near_text_edges(
    shingled: pl.DataFrame,
    position: dict[int, int],
    left: list[int],
    right: list[int],
    titles: list[tuple[str, str]],
    config: MatchConfig,
) -> list[Edge]:
    """The candidate pairs (`left[k]`, `right[k]`, rows of one block) that `accepts` as one job, all at once:
    one set intersection per pair in polars (`role_shingles` makes each row's shingles unique) and one
    rapidfuzz call for the titles, rather than a Python set per posting."""
    if not left:
        return []
    at_left = np.array([position[r] for r in left], dtype=np.int64)
    at_right = np.array([position[r] for r in right], dtype=np.int64)
    lists = shingled["shingles"]
    pairs = pl.DataFrame({"a": lists.gather(at_left), "b": lists.gather(at_right)})
    inter = pairs.select(pl.col("a").list.set_intersection("b").list.len()).to_series().to_numpy()
    similarity = jaccard(inter, pairs["a"].list.len().to_numpy(), pairs["b"].list.len().to_numpy())
    agreement = title_agreement([a for a, _ in titles], [b for _, b in titles])
    measured = shingled["measured"].to_numpy()[at_left]  # per company, and a block is one company
    scores = similarity.tolist()
    return [
        Edge(left[k], right[k], "near_text", round(scores[k], 4))
        for k in np.flatnonzero(accepts(similarity, agreement, config, measured)).tolist()
    ]


def _title_only_edges(
    frame: pl.DataFrame, textless: pl.DataFrame, uf: GuardedUnionFind, with_text: set[int]
) -> list[Edge]:
    """A posting with no description (a job board listing fetched without one) joins the job with the
    same level and role title when exactly one such job exists; with two or more, it is ambiguous."""
    if textless.is_empty():
        return []
    wanted = {(c, lv, r) for _, c, lv, r in textless.iter_rows() if r}
    jobs: dict[tuple[str, str, str], set[int]] = {}
    anchor: dict[tuple[str, str, str], int] = {}
    for row, company, level, role in frame.select("row", "company", "level", "role").iter_rows():
        key = (company, level, role)
        if key in wanted and row in with_text:
            jobs.setdefault(key, set()).add(uf.find(row))
            anchor.setdefault(key, row)
    return [
        Edge(anchor[c, lv, r], row, "title_only", 1.0)
        for row, c, lv, r in textless.iter_rows()
        if len(jobs.get((c, lv, r), ())) == 1
    ]


def match_postings(postings: pl.DataFrame, config: MatchConfig | None = None) -> pl.DataFrame:
    """Every posting -> its cluster (ASSIGNMENT_SCHEMA).

    `postings`: from `prepare_postings` (unique per company and key, in a deterministic order), optionally with a
    boolean `_standin` column marking rows that stand in for something else and must never anchor a cluster.
    """
    config = config or MatchConfig()
    if postings.is_empty():
        return pl.DataFrame(schema=ASSIGNMENT_SCHEMA)
    frame = _title_features(postings.with_row_index("row"))
    edges: list[Edge] = []
    with_text: set[int] = set()
    textless: list[pl.DataFrame] = []
    for batch in _company_batches(frame, config.batch_rows):
        found, texted, no_text = _batch_edges(batch, config)
        edges += found
        with_text |= texted
        textless.append(no_text)
    uf = GuardedUnionFind(
        frame["level"].to_list(),
        frame["role"].to_list(),
        frame["source"].to_list(),
        frame["dept"].to_list(),
        config.typo_ratio,
        enabled=config.guards,
        areas=_areas(frame) if config.regions else None,
        requisitions=frame["requisition_id"].to_list() if config.requisitions else None,
    )
    accepted = merge_edges(uf, edges)
    accepted += merge_edges(uf, _title_only_edges(frame, pl.concat(textless), uf, with_text))

    # Two orders: explanations start from a stand-in (a previous job's text, so "matched job:<id>" says why
    # the id was inherited); the cluster key (from which a new job's id is derived) is the earliest real
    # posting, never a stand-in.
    standin = pl.col("_standin") if "_standin" in frame.columns else pl.lit(False)
    by_age = frame.select("row", "posted_at", "fetched_at", "posting_key", standin.alias("_standin"))
    by_age = by_age.sort(["_standin", "posted_at", "fetched_at", "posting_key"], nulls_last=True)
    is_standin = by_age.sort("row")["_standin"].to_list()
    age_rank = np.empty(frame.height, dtype=np.int64)
    age_rank[by_age["row"].to_numpy()] = np.arange(frame.height)
    explain_rank = [r - frame.height if s else r for r, s in zip(age_rank.tolist(), is_standin, strict=True)]
    root_of, how = orient(frame.height, uf, accepted, explain_rank)
    oldest: dict[int, int] = {}
    for row in range(frame.height):
        root = root_of[row]
        if root not in oldest or age_rank[row] < age_rank[oldest[root]]:
            oldest[root] = row
    keys = frame["posting_key"].to_list()
    return pl.DataFrame(
        {
            "posting_key": keys,
            "company": frame["company"],
            "cluster_key": [keys[oldest[r]] for r in root_of],
            "rule": [h[0] for h in how],
            "score": [h[1] for h in how],
            "matched_to": [None if h[2] is None else keys[h[2]] for h in how],
        },
        schema=ASSIGNMENT_SCHEMA,
    )
