"""Partition writes and reads on every store backend; the file backend's lock and version errors."""

import gzip
from pathlib import Path

import duckdb
import polars as pl
import pytest

from job_assets.store.db import (
    StoreLockedError,
    StoreVersionError,
    connect,
    read_table,
    replace_partition,
    replace_partitions,
    replace_table,
)
from job_assets_tests.store.conftest import Store


def frame(company: str, values: list[int]) -> pl.DataFrame:
    return pl.DataFrame(
        {"company": [company] * len(values), "v": values}, schema={"company": pl.String, "v": pl.Int64}
    )


def test_replace_partition_replaces_only_that_company(store: Store) -> None:
    with store.connect() as conn:
        replace_partition(conn, "t", "a", frame("a", [1, 2]))
        replace_partition(conn, "t", "b", frame("b", [3]))
        replace_partition(conn, "t", "a", frame("a", [4]))
        replace_partition(conn, "t", "a", frame("a", [4]))  # idempotent
        rows = read_table(conn, "t").sort("v").rows()
    assert rows == [("b", 3), ("a", 4)]


def test_empty_frame_empties_the_partition_and_creates_the_table(store: Store) -> None:
    with store.connect() as conn:
        replace_partition(conn, "t", "a", frame("a", []))
        assert read_table(conn, "t").height == 0
        replace_partition(conn, "t", "a", frame("a", [1]))
        replace_partition(conn, "t", "a", frame("a", []))
        assert read_table(conn, "t").height == 0


def test_new_columns_are_added_and_old_rows_read_as_null(store: Store) -> None:
    with store.connect() as conn:
        replace_partition(conn, "t", "a", frame("a", [1]))
        replace_partition(conn, "t", "b", frame("b", [2]).with_columns(pl.lit("x").alias("w")))
        out = read_table(conn, "t").sort("v")
    assert out.get_column("w").to_list() == [None, "x"]


def test_failed_write_rolls_back_and_keeps_previous_rows(store: Store) -> None:
    with store.connect() as conn:
        replace_partition(conn, "t", "a", frame("a", [1, 2]))
        bad = pl.DataFrame({"company": ["a"], "v": ["not a number"]})
        with pytest.raises(duckdb.Error):
            replace_partition(conn, "t", "a", bad)
        assert sorted(read_table(conn, "t").get_column("v").to_list()) == [1, 2]


def test_refuses_rows_of_another_company(store: Store) -> None:
    with store.connect() as conn, pytest.raises(ValueError, match="other companies"):
        replace_partition(conn, "t", "a", frame("b", [1]))


def test_replace_partitions_swaps_a_runs_companies_in_one_write(store: Store) -> None:
    with store.connect() as conn:
        replace_partition(conn, "t", "other", frame("other", [9]))
        replace_partitions(conn, "t", ["a", "b", "c"], pl.concat([frame("a", [1, 2]), frame("b", [3])]))
        replace_partitions(conn, "t", ["a", "b", "c"], pl.concat([frame("a", [4]), frame("c", [5])]))
        rows = read_table(conn, "t").sort("company")
    # b had no rows this time: it ends with none; c gained its rows; a run never touches other companies
    assert rows.rows() == [("a", 4), ("c", 5), ("other", 9)]


def test_replace_partitions_refuses_rows_outside_the_run_and_changes_nothing(store: Store) -> None:
    with store.connect() as conn:
        replace_partitions(conn, "t", ["a", "b"], pl.concat([frame("a", [1]), frame("b", [2])]))
        with pytest.raises(ValueError, match=r"other companies \['z'\]"):
            replace_partitions(conn, "t", ["a", "b"], pl.concat([frame("a", [3]), frame("z", [4])]))
        assert sorted(read_table(conn, "t").rows()) == [("a", 1), ("b", 2)]


def test_replace_table_and_schema_for_missing_table(store: Store) -> None:
    with store.connect() as conn:
        assert read_table(conn, "nope", schema={"x": pl.Int32()}).schema == pl.Schema({"x": pl.Int32()})
        replace_table(conn, "t", frame("a", [1]))
        replace_table(conn, "t", frame("b", [2]))
        assert read_table(conn, "t").rows() == [("b", 2)]


def test_lock_held_by_another_process_gives_a_clear_error(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "s.duckdb"
    with connect(path) as conn:
        replace_table(conn, "t", frame("a", [1]))
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb,sys; c=duckdb.connect({str(path)!r}); print('held', flush=True); sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(StoreLockedError, match="locked by another process"), connect(path, wait_s=0.3):
            pass
    finally:
        holder.communicate("")
    with connect(path, read_only=True) as conn:  # released: opens again
        assert read_table(conn, "t").height == 1


def test_a_file_from_a_newer_duckdb_gives_a_clear_error(tmp_path: Path) -> None:
    """DuckDB 2.x files (an earlier demo's data/jobs.duckdb) cannot be read by the pinned 1.5.x.

    The fixture is a real file written by duckdb 2.0.0 (`create table t as select 1 a`), gzipped."""
    path = tmp_path / "old_demo.duckdb"
    path.write_bytes(
        gzip.decompress((Path(__file__).parent / "data" / "written_by_duckdb_2_0_0.duckdb.gz").read_bytes())
    )
    with (
        pytest.raises(StoreVersionError, match=r"newer DuckDB.*rebuild it.*job-assets demo"),
        connect(path, wait_s=0.1),
    ):
        pass
    assert path.exists()  # nothing deleted for the user
