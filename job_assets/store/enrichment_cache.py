"""The LLM answer cache's table (`enrichment_cache`): one row per (content hash, model, prompt version), in the DuckDB file.

An unchanged posting is never sent twice; a new model or prompt version misses and re-enriches. Only valid
answers are stored (failures are retried next run). The functions take a connection the caller opens briefly:
look up before the LLM work, store after it, and hold no connection in between.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import duckdb
import polars as pl

from job_assets.store.db import in_transaction, is_lake

if TYPE_CHECKING:
    from job_assets.enrichment.enrich import CacheEntry

TABLE = "enrichment_cache"

CACHE_SCHEMA: dict[str, pl.DataType] = {
    "content_hash": pl.String(),
    "model": pl.String(),
    "prompt_version": pl.String(),
    "fields": pl.String(),  # ExtractedFields as JSON
    "created_at": pl.Datetime("us", "UTC"),
}


def ensure(conn: duckdb.DuckDBPyConnection) -> None:
    # DuckLake has no keys: there `store` keeps (hash, model, prompt version) unique itself.
    key = "" if is_lake(conn) else ", primary key (content_hash, model, prompt_version)"
    conn.execute(
        f"""
        create table if not exists {TABLE} (
            content_hash varchar not null,
            model varchar not null,
            prompt_version varchar not null,
            fields varchar not null,
            created_at timestamptz not null{key}
        )
        """
    )


def _exists(conn: duckdb.DuckDBPyConnection) -> bool:
    rows = conn.execute(
        "select count(*) from information_schema.tables"
        " where table_catalog = current_database() and table_schema = 'main' and table_name = ?",
        [TABLE],
    ).fetchall()
    return bool(rows[0][0])


def lookup(
    conn: duckdb.DuckDBPyConnection, content_hashes: Iterable[str | None], model: str, prompt_version: str
) -> dict[str, dict[str, Any]]:
    """content_hash -> cached fields for the hashes that have an answer from this model and prompt version.

    Works on a read-only connection and before the table exists (nothing is cached yet).
    """
    hashes = sorted({h for h in content_hashes if h})
    if not hashes or not _exists(conn):
        return {}
    wanted = pl.DataFrame({"content_hash": hashes}, schema={"content_hash": pl.String()})
    view = "_enrichment_cache_wanted"
    conn.register(view, wanted)
    try:
        rows = conn.execute(
            f"select c.content_hash, c.fields from {TABLE} c join {view} w using (content_hash) "
            "where c.model = ? and c.prompt_version = ?",
            [model, prompt_version],
        ).fetchall()
    finally:
        conn.unregister(view)
    return {content_hash: json.loads(fields) for content_hash, fields in rows}


def store(conn: duckdb.DuckDBPyConnection, entries: Sequence[CacheEntry]) -> int:
    """Insert or replace entries in one transaction; returns how many were written."""
    if not entries:
        return 0
    ensure(conn)
    now = datetime.now(UTC)
    unique = {(e.content_hash, e.model, e.prompt_version): e for e in entries}
    frame = pl.DataFrame(
        [
            {
                "content_hash": e.content_hash,
                "model": e.model,
                "prompt_version": e.prompt_version,
                "fields": json.dumps(e.fields, sort_keys=True, ensure_ascii=False),
                "created_at": now,
            }
            for e in unique.values()
        ],
        schema=CACHE_SCHEMA,
    )
    view = "_enrichment_cache_incoming"
    conn.register(view, frame)
    try:
        if is_lake(conn):  # replace = delete the same keys, then insert, in one (retried) transaction

            def work() -> None:
                conn.execute(
                    f"delete from {TABLE} t using {view} v where t.content_hash = v.content_hash"
                    " and t.model = v.model and t.prompt_version = v.prompt_version"
                )
                conn.execute(f"insert into {TABLE} by name select * from {view}")

            in_transaction(conn, work)
        else:  # one statement: atomic on its own
            conn.execute(f"insert or replace into {TABLE} by name select * from {view}")
    finally:
        conn.unregister(view)
    return frame.height
