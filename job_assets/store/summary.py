"""Row counts per company across the pipeline's tables, for the CLI summary."""

from __future__ import annotations

import duckdb

from job_assets.store.db import table_exists

TABLES = {"raw": "raw_postings", "parsed": "parsed_postings", "enriched": "enriched_postings"}


def counts_per_company(conn: duckdb.DuckDBPyConnection) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {}
    for label, table in TABLES.items():
        if table_exists(conn, table):
            for company, n in conn.execute(f'select company, count(*) from "{table}" group by 1').fetchall():
                counts.setdefault(company, {})[label] = n
    if table_exists(conn, "jobs"):
        for company, n in conn.execute(
            "select company, count(*) from jobs where is_open group by 1"
        ).fetchall():
            counts.setdefault(company, {})["jobs"] = n
    return counts
