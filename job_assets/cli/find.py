"""`job-assets search QUERY [filters]` and `job-assets show JOB_ID`: find a job from the terminal, then `mark` it."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from job_assets.display import format_pay, format_places


def add_parsers(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "search",
        help="ranked open jobs for some words, with filters; prints each job_id (for `mark` and `show`)",
        description="Open jobs ranked by keyword match (title, skills, description). No words: newest first.",
    )
    p.add_argument("query", nargs="*", help="words to look for, e.g. senior python data engineer")
    p.add_argument(
        "--company", action="append", default=[], help="a company slug or part of its name (repeatable)"
    )
    p.add_argument("--remote", action="append", default=[], help="remote, hybrid or onsite (repeatable)")
    p.add_argument("--seniority", action="append", default=[], help="e.g. senior, staff, lead (repeatable)")
    p.add_argument("--min-pay", type=float, help="at least this much a year (in --currency)")
    p.add_argument("--currency", default="USD", help="the currency of --min-pay (default USD)")
    p.add_argument("--new-days", type=int, help="first seen in the last N days")
    p.add_argument("--limit", type=int, default=20, help="at most this many jobs (default 20)")
    p.add_argument("--json", action="store_true", help="JSON lines instead of a table")
    p.add_argument("--db", help="the DuckDB file (default: $JOB_ASSETS_DB)")
    p.set_defaults(func=run_search)

    p = subparsers.add_parser(
        "show", help="one job in full: its postings, sources, history and your fields", description=__doc__
    )
    p.add_argument("job_id")
    p.add_argument("--json", action="store_true", help="JSON instead of text")
    p.add_argument("--db", help="the DuckDB file (default: $JOB_ASSETS_DB)")
    p.set_defaults(func=run_show)


def _live(args: argparse.Namespace) -> Path:
    from job_assets import config

    return Path(args.db or config.StoreSettings.from_env().database)


def _reader(live: Path) -> Any:
    from job_assets.store.snapshot import SnapshotUnavailableError, open_reader

    try:
        return open_reader(live)
    except SnapshotUnavailableError as error:
        print(f"job-assets: {error}", file=sys.stderr)
        raise SystemExit(2) from error


def _pay(row: dict[str, Any]) -> str:
    return format_pay(row["salary_min"], row["salary_max"], row["salary_currency"], row["salary_period"])


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


def run_search(args: argparse.Namespace) -> int:
    from job_assets.store.lookup import JobFilters, search_jobs

    filters = JobFilters(
        companies=tuple(args.company),
        remote=tuple(args.remote),
        seniority=tuple(args.seniority),
        min_pay=args.min_pay,
        currency=args.currency,
        new_days=args.new_days,
    )
    conn = _reader(_live(args))
    try:
        found = search_jobs(conn, " ".join(args.query), filters, limit=args.limit).to_dicts()
    finally:
        conn.close()
    if args.json:
        for row in found:
            print(json.dumps({k: _plain(v) for k, v in row.items()} | {"pay": _pay(row)}, ensure_ascii=False))
        return 0
    if not found:
        print("no open job matches; try fewer words or filters", file=sys.stderr)
        return 0
    table = Table(show_lines=False, pad_edge=False)
    for column in ("job_id", "company", "title", "pay", "locations", "remote", "url"):
        table.add_column(column, no_wrap=column in ("job_id", "pay", "url"), overflow="fold")
    for row in found:
        table.add_row(
            row["job_id"],
            row["company_name"] or row["company"],
            row["title"],
            _pay(row),
            format_places(row["locations"]),
            row["remote"] or "",
            row["url"] or "",
        )
    console = Console()
    if not console.is_terminal:  # piped: wide enough for whole URLs and ids, never folded
        console = Console(width=240)
    console.print(table)
    print(
        f"{len(found)} jobs; `job-assets show JOB_ID` for one, `job-assets mark JOB_ID --favorite` to keep it"
    )
    return 0


def run_show(args: argparse.Namespace) -> int:
    from job_assets.store.lookup import JobNotFoundError, job_detail

    live = _live(args)
    conn = _reader(live)
    try:
        detail = job_detail(conn, live, args.job_id)
    except JobNotFoundError as error:
        print(f"job-assets show: {error}", file=sys.stderr)
        return 2
    finally:
        conn.close()
    job = detail.job
    if args.json:
        payload = {k: _plain(v) for k, v in job.items()} | {"pay": _pay(job)}
        payload["postings"] = [{k: _plain(v) for k, v in p.items()} for p in detail.postings]
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    state = "open" if job["is_open"] else f"closed {_plain(job['closed_at']) or ''}".strip()
    lines = [
        f"{job['title']} at {job['company_name'] or job['company']}  [{job['job_id']}]",
        f"  pay:        {_pay(job) or 'not stated'}"
        + (f" (from {job['salary_source']})" if job.get("salary_source") else ""),
        f"  where:      {'; '.join(job['locations'] or []) or 'not stated'} ({job['remote'] or 'unknown'})",
        f"  seniority:  {job['seniority'] or 'unknown'}; {job['employment_type'] or 'type not stated'}",
        f"  skills:     {', '.join(job['skills'] or []) or '-'}",
        f"  url:        {job['url'] or '-'}",
        f"  sources:    {', '.join(job['sources'] or [])}",
        f"  history:    first seen {_plain(job['first_seen_at'])}, last seen {_plain(job['last_seen_at'])}, {state}",
        f"  yours:      favorite={'yes' if job['favorite'] else 'no'} status={job['status']}"
        f" notes={job['notes'] or ''!r}"
        + (f" (updated {_plain(job['user_updated_at'])})" if job["user_updated_at"] else ""),
    ]
    if job.get("summary"):
        lines.append(f"  summary:    {job['summary']}")
    lines.append(
        f"  postings ({len(detail.postings)}):"
        if not detail.postings_note
        else f"  postings: {detail.postings_note}"
    )
    for p in detail.postings:
        how = p["rule"] + (f" to {p['matched_to']}" if p["matched_to"] else "")
        lines.append(
            f"    - {p['posting_key']} ({p['source']}): posted {_plain(p['posted_at']) or '?'}, fetched {_plain(p['fetched_at'])}; joined by {how}"
        )
        if p["url"]:
            lines.append(f"      {p['url']}")
    print("\n".join(lines))
    return 0
