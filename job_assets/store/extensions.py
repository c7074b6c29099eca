"""DuckDB extensions from the installed `duckdb-extension-*` packages, never from a download.

DuckDB's official extensions are published on PyPI, one package per extension, for exactly one DuckDB
version each: the wheel holds `duckdb_extension_NAME/extensions/v<version>/NAME.duckdb_extension`, and a
binary built for another core refuses to load. So the lock file pins `duckdb` and the packages together,
and this module loads by path (`LOAD '<file>'`), which works offline and never reaches the network.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import duckdb

# extension name -> the PyPI package that ships it
PACKAGES = {
    "ducklake": "duckdb-extension-ducklake",
    "postgres_scanner": "duckdb-extension-postgres-scanner",
    "sqlite_scanner": "duckdb-extension-sqlite-scanner",
    "httpfs": "duckdb-extension-httpfs",
    "fts": "duckdb-extension-fts",
}


class MissingExtensionError(RuntimeError):
    """The package holding a DuckDB extension for this DuckDB version is not installed."""


def extension_path(name: str) -> Path:
    """Where the installed package keeps `name` for the running DuckDB; a clear error when it does not."""
    package = PACKAGES.get(name, f"duckdb-extension-{name.replace('_', '-')}")
    version = duckdb.__version__
    install = f"install {package}=={version} (it is in the project's dependencies: `uv sync`)"
    spec = importlib.util.find_spec(package.replace("-", "_"))
    if spec is None or not spec.submodule_search_locations:
        raise MissingExtensionError(f"DuckDB extension {name!r} is not installed: {install}")
    root = Path(next(iter(spec.submodule_search_locations))) / "extensions"
    path = root / f"v{version}" / f"{name}.duckdb_extension"
    if not path.is_file():
        found = sorted(p.name for p in root.glob("v*")) if root.is_dir() else []
        raise MissingExtensionError(
            f"DuckDB extension {name!r} for DuckDB {version} is not in {package} (it has {found or 'none'}): "
            f"the extension and the core must be the same version; {install}"
        )
    return path


def load(conn: duckdb.DuckDBPyConnection, *names: str) -> None:
    """LOAD each extension into `conn` from its package (a no-op for one already loaded)."""
    loaded = {
        row[0]
        for row in conn.execute("select extension_name from duckdb_extensions() where loaded").fetchall()
    }
    for name in names:
        if name not in loaded:
            conn.execute(f"load '{extension_path(name)}'")
