"""`job-assets matches [NAME] [--json]`: your saved searches' ranked matches, new ones marked."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import polars as pl

JSON_FIELDS = (
    "search", "rank", "score", "new", "favorite", "job_id", "title", "company_name", "locations", "pay", "url",
    "reasons", "first_matched_at",
)  # fmt: skip


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "matches",
        help="your saved searches' ranked matches (new ones marked)",
        description="Print the open jobs matching each saved search (or one), best first, as of the last "
        "build of the job_matches_by_search asset. NEW marks jobs first matched in that build.",
    )
    parser.add_argument("name", nargs="?", help="one search's name (default: every search)")
    parser.add_argument("--json", action="store_true", help="one JSON object per match, in a list")
    parser.add_argument("--db", help="the DuckDB file (default: $JOB_ASSETS_DB)")
    parser.set_defaults(func=run)
    return parser


def _jsonable(row: dict[str, Any]) -> dict[str, Any]:
    out = {k: row[k] for k in JSON_FIELDS}
    out["first_matched_at"] = row["first_matched_at"].isoformat() if row["first_matched_at"] else None
    return out


def _print_text(matches: pl.DataFrame) -> None:
    for (search,), rows in matches.group_by("search", maintain_order=True):
        new = int(rows.get_column("new").sum() or 0)
        print(f"{search}: {rows.height} matches, {new} new")
        for job in rows.iter_rows(named=True):
            mark = "NEW " if job["new"] else ""
            star = " *favourite*" if job["favorite"] else ""
            print(
                f"  {job['rank']:>3}. {mark}{job['title']} - {job['company_name']} (fit {job['score']:.0f}){star}"
            )
            places = "; ".join(job["locations"] or []) or "location not stated"
            print(f"       {places} | {job['pay'] or 'pay not listed'}")
            print(f"       {job['url'] or '(no link)'}")
            reasons = [r for r in job["reasons"] or [] if r != "one of your favourites"]
            if reasons:
                print(f"       why: {'; '.join(reasons)}")
        print()


def run(args: argparse.Namespace) -> int:
    from job_assets import config
    from job_assets.store.db import StoreLockedError
    from job_assets.store.matches import read_matches_at

    path = args.db or config.StoreSettings.from_env().database
    if not Path(path).exists():
        print(
            f"job-assets matches: no jobs database at {path}: run the pipeline first (or pass --db)",
            file=sys.stderr,
        )
        return 2
    try:
        everything = read_matches_at(path)
    except StoreLockedError as error:
        print(
            f"job-assets matches: the store is busy (a run is writing it); try again shortly. ({error})",
            file=sys.stderr,
        )
        return 2
    known = everything.get_column("search").unique(maintain_order=True).to_list()
    matches = everything.filter(pl.col("search") == args.name) if args.name else everything
    if args.name and args.name not in known:
        searches = ", ".join(known) or "none yet"
        print(
            f"job-assets matches: no matches stored for search {args.name!r} (searches with matches: {searches}; "
            f"the searches file is {config.SearchesSettings.from_env().path})",
            file=sys.stderr,
        )
        return 2
    if args.json:
        print(json.dumps([_jsonable(row) for row in matches.iter_rows(named=True)], indent=2))
    elif not matches.height:
        print(
            f"no matches yet: add searches to {config.SearchesSettings.from_env().path} and run `job-assets run`"
        )
    else:
        _print_text(matches)
    return 0
