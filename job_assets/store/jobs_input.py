"""The inputs of a `jobs` build, staged as company chunks so a build never holds every posting at once.

Inside the read (one transaction, so one snapshot on a DuckLake), DuckDB writes the columns dedup reads of
`enriched_postings`, and the previous `jobs` and `job_matches`, to Parquet files in a scratch directory, one
file set per chunk of whole companies (`dedup.chunks`), in one pass (`COPY ... PARTITION_BY`). The connection
is then closed (a DuckDB file's lock is held only for the copy), and the build reads one chunk at a time.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl

from job_assets.dedup.chunks import CompanyChunk, plan_chunks
from job_assets.dedup.schema import JOBS_SCHEMA, MATCHES_SCHEMA, POSTING_COLUMNS
from job_assets.store.db import duckdb_settings, table_exists

POSTINGS_TABLE = "enriched_postings"
JOBS_TABLE = "jobs"
MATCHES_TABLE = "job_matches"
# DuckDB's defaults suit one big query on a machine of its own: a PARTITION_BY copy buffers 524,288 rows per
# thread before it writes (every posting, at 100k), and the buffer pool may take 80% of RAM. A build bounds both.
STAGE_SETTINGS = {"partitioned_write_flush_threshold": "10000", "memory_limit": "'1GB'"}
_STAGED = ((POSTINGS_TABLE, POSTING_COLUMNS), (JOBS_TABLE, JOBS_SCHEMA), (MATCHES_TABLE, MATCHES_SCHEMA))


@dataclass(frozen=True)
class StagedInputs:
    directory: Path
    chunks: int
    postings: int  # rows of `enriched_postings` read
    previous_job_ids: pl.Series  # every previous job's id (new ids must avoid them all)

    def __iter__(self) -> Iterator[CompanyChunk]:
        for i in range(self.chunks):
            yield self.chunk(i)

    def chunk(self, i: int) -> CompanyChunk:
        """Chunk `i` read from its files (what a worker process reads)."""
        return CompanyChunk(
            self._read(POSTINGS_TABLE, POSTING_COLUMNS, i),
            self._read(JOBS_TABLE, JOBS_SCHEMA, i),
            self._read(MATCHES_TABLE, MATCHES_SCHEMA, i),
        )

    def _read(self, table: str, schema: dict[str, pl.DataType], chunk: int) -> pl.DataFrame:
        files = sorted((self.directory / table / f"_chunk={chunk}").glob("*.parquet"))
        if not files:
            return pl.DataFrame(schema=schema)
        frame = pl.read_parquet(files, hive_partitioning=False)
        return frame.select(  # a table from an older build may lack a column: null, in the contract's type
            [pl.col(c).cast(t) if c in frame.columns else pl.lit(None, t).alias(c) for c, t in schema.items()]
        )


def _columns(conn: duckdb.DuckDBPyConnection, table: str, wanted: dict[str, pl.DataType]) -> list[str]:
    rows = conn.execute(
        "select column_name from information_schema.columns where table_name = ? and table_catalog = current_database()",
        [table],
    ).fetchall()
    present = {name for (name,) in rows}
    return [c for c in wanted if c in present]


def stage_inputs(conn: duckdb.DuckDBPyConnection, directory: Path, chunk_rows: int) -> StagedInputs:
    """Write the build's inputs under `directory`, chunked by company (call inside the read transaction)."""
    tables = [(t, s) for t, s in _STAGED if table_exists(conn, t)]
    if any(t == POSTINGS_TABLE for t, _ in tables):
        (null_keys,) = conn.execute(
            f'select count(*) from "{POSTINGS_TABLE}" where posting_key is null or company is null'
        ).fetchall()[0]
        if null_keys:
            raise ValueError(
                f"{null_keys} posting(s) have no posting_key or company; cannot deduplicate them"
            )
    counts = [
        conn.sql(f'select company, count(*)::bigint as n from "{t}" group by company').pl()
        for t, _ in tables
        if t != MATCHES_TABLE
    ]
    counts_frame = (
        pl.concat(counts) if counts else pl.DataFrame(schema={"company": pl.String(), "n": pl.Int64()})
    )
    plan = plan_chunks(counts_frame.drop_nulls("company"), chunk_rows)
    chunk_of = pl.DataFrame(
        {"company": [c for companies in plan for c in companies],
         "_chunk": [i for i, companies in enumerate(plan) for _ in companies]},
        schema={"company": pl.String(), "_chunk": pl.Int32()},
    )  # fmt: skip
    postings = 0
    conn.register("_jobs_build_chunks", chunk_of)
    try:
        with duckdb_settings(conn, STAGE_SETTINGS):
            for table, schema in tables:
                columns = ", ".join(f't."{c}"' for c in _columns(conn, table, schema))
                target = (directory / table).as_posix().replace("'", "''")
                conn.execute(
                    f'copy (select {columns}, m._chunk from "{table}" t join _jobs_build_chunks m on t.company = m.company)'
                    f" to '{target}' (format parquet, partition_by (_chunk), compression snappy, row_group_size 2048)"
                )
        if any(t == POSTINGS_TABLE for t, _ in tables):
            postings = conn.execute(f'select count(*) from "{POSTINGS_TABLE}"').fetchall()[0][0]
        job_ids = (
            conn.sql(f'select job_id from "{JOBS_TABLE}"').pl()["job_id"]
            if any(t == JOBS_TABLE for t, _ in tables)
            else pl.Series("job_id", [], dtype=pl.String())
        )
    finally:
        conn.unregister("_jobs_build_chunks")
    return StagedInputs(directory, len(plan), postings, job_ids)
