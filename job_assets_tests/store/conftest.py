"""The store backends every test in this folder runs on: a DuckDB file, a DuckLake with a SQLite catalog,
and a DuckLake with a PostgreSQL 15 catalog on loopback (skipped, with the reason, where the server
binaries are missing). Tests take `store` and open it with `store.connect()`."""

from __future__ import annotations

import subprocess
import uuid
from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from job_assets.store import db
from job_assets_tests.servers import PG_BIN, Postgres, postgres_cluster

BACKENDS = ("file", "ducklake-sqlite", "ducklake-postgres")


@dataclass(frozen=True)
class Store:
    """One store under test: what `JOB_ASSETS_DB` and `JOB_ASSETS_DATA_PATH` would be set to."""

    database: str
    data_path: str | None = None

    @property
    def is_lake(self) -> bool:
        return self.database.startswith("ducklake:")

    def connect(
        self, read_only: bool = False, **kwargs: object
    ) -> AbstractContextManager[duckdb.DuckDBPyConnection]:
        return db.connect(self.database, read_only=read_only, data_path=self.data_path, **kwargs)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def lake_postgres() -> Iterator[Postgres]:
    if not (PG_BIN / "initdb").exists():
        pytest.skip(f"PostgreSQL 15 server binaries not at {PG_BIN} (apt-get install postgresql-15)")
    with postgres_cluster() as pg:
        yield pg


def new_postgres_catalog(pg: Postgres) -> str:
    """A fresh database on the loopback server for one DuckLake catalog."""
    name = f"lake_{uuid.uuid4().hex[:10]}"
    subprocess.run(
        [str(PG_BIN / "createdb"), "-h", pg.host, "-p", str(pg.port), "-U", pg.user, name],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    return f"ducklake:postgres:dbname={name} host={pg.host} port={pg.port} user={pg.user}"


def make_store(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Store:
    if backend == "file":
        return Store(str(tmp_path / "jobs.duckdb"))
    data = str(tmp_path / "lake_data") + "/"
    if backend == "ducklake-sqlite":
        return Store(f"ducklake:sqlite:{tmp_path / 'catalog.sqlite'}", data)
    pg = request.getfixturevalue("lake_postgres")
    return Store(new_postgres_catalog(pg), data)


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Store:
    return make_store(request.param, tmp_path, request)
