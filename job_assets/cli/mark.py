"""`job-assets mark JOB_ID [--favorite/--no-favorite] [--status S] [--notes TEXT]`: the user's own fields."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from job_assets.dedup.schema import USER_STATUSES


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "mark",
        help="favorite a job, set its status or notes (kept across every rebuild)",
        description="Set a job's user fields in the jobs database. Fields you do not pass are left as they are.",
    )
    parser.add_argument("job_id", help="the job's id (the job_id column of jobs_view)")
    parser.add_argument(
        "--favorite", action=argparse.BooleanOptionalAction, default=None, help="star or unstar it"
    )
    parser.add_argument("--status", choices=USER_STATUSES, help="where you are with it")
    parser.add_argument("--notes", help='free text; --notes "" clears the notes')
    parser.add_argument("--db", help="the DuckDB file (default: $JOB_ASSETS_DB)")
    parser.set_defaults(func=run)
    return parser


def run(args: argparse.Namespace) -> int:
    from job_assets.config import StoreSettings
    from job_assets.store.db import StoreLockedError
    from job_assets.store.jobs_table import UnknownJobError
    from job_assets.store.snapshot import mark_job

    path = args.db or StoreSettings.from_env().database
    if not Path(path).exists():
        print(
            f"job-assets mark: no jobs database at {path}: run the pipeline first (or pass --db)",
            file=sys.stderr,
        )
        return 2
    try:
        # Through the snapshot, so a notebook sees the mark at once; fails fast while a run holds the store.
        row = mark_job(
            args.job_id, favorite=args.favorite, status=args.status, notes=args.notes, db_path=path
        )
    except UnknownJobError as error:
        print(f"job-assets mark: {error}; find a job_id with `job-assets search WORDS`", file=sys.stderr)
        return 2
    except (ValueError, StoreLockedError) as error:
        print(f"job-assets mark: {error}", file=sys.stderr)
        return 2
    favorite = "yes" if row["favorite"] else "no"
    print(
        f"{row['job_id']}: favorite={favorite} status={row['status'] or 'new'} notes={row['notes'] or ''!r}"
    )
    return 0
