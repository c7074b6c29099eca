"""`job-assets reset [--demo] [--yes]`: delete a store and its Dagster instance, after a confirmation.

The registry is never deleted. A `DAGSTER_HOME` the user chose loses only what Dagster keeps there (its
history and storage), never the folder, since it may hold anything else.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path
from typing import Any

# What a SQLite-backed Dagster instance writes into its home.
DAGSTER_ENTRIES = ("history", "storage", "schedules", "logs", ".logs_queue", ".nux", ".telemetry")


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "reset",
        help="delete a store (jobs, postings, your marks) and its Dagster runs, after a confirmation",
        description="Delete the jobs store and the Dagster instance's history. The registry stays.",
    )
    parser.add_argument("--demo", action="store_true", help="the demo's store and instance instead of yours")
    parser.add_argument("--yes", action="store_true", help="do not ask")
    parser.set_defaults(func=run)
    return parser


def store_files(store: Path) -> list[Path]:
    """The live file, its reader snapshot, their write-ahead logs and the publish lock."""
    from job_assets.store.snapshot import snapshot_path

    snapshot = snapshot_path(store)
    candidates = [store, snapshot]
    candidates += [p.with_name(p.name + ".wal") for p in (store, snapshot)]
    candidates.append(snapshot.with_name(snapshot.name + ".lock"))
    return [p for p in candidates if p.exists()]


def targets(demo: bool) -> list[Path]:
    from job_assets import config
    from job_assets.cli.demo import demo_paths

    default_home = Path(config.InstanceSettings().dagster_home)

    if demo:
        root = demo_paths().root
        return [root] if root.exists() else []
    found = store_files(Path(config.StoreSettings.from_env().database).resolve())
    home = Path(config.InstanceSettings.from_env().dagster_home).resolve()
    if home == default_home.resolve():
        found += [home] if home.exists() else []
    else:
        found += [home / name for name in DAGSTER_ENTRIES if (home / name).exists()]
    return found


def _confirm(paths: list[Path]) -> bool:
    print("job-assets reset deletes:", file=sys.stderr)
    for path in paths:
        print(f"  {path}{'/' if path.is_dir() else ''}", file=sys.stderr)
    try:
        answer = input("Delete these? [y/N] ")
    except EOFError:  # no terminal to ask on
        return False
    return answer.strip().lower() in ("y", "yes")


def run(args: argparse.Namespace) -> int:
    paths = targets(args.demo)
    which = "the demo's" if args.demo else "your"
    if not paths:
        print(f"job-assets reset: nothing to delete ({which} store and instance are already empty)")
        return 0
    if not args.yes and not _confirm(paths):
        print("job-assets reset: nothing deleted (pass --yes to skip the question)", file=sys.stderr)
        return 1
    for path in paths:
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)
    print(f"job-assets reset: deleted {which} store and Dagster instance ({len(paths)} paths)")
    return 0
