"""`job-assets demo` and `job-assets ui --demo`: the sample boards in their own store and Dagster instance.

The demo never touches the user's store, registry or instance: it lives under `JOB_ASSETS_DEMO_DIR`
(default `data/demo/`: `jobs.duckdb`, `dagster_home/`, and the registry it writes for its servers), so
`job-assets ui` afterwards shows the user's own companies and `job-assets ui --demo` the demo's.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console

from job_assets import config


@dataclass(frozen=True)
class DemoPaths:
    root: Path

    @property
    def store(self) -> Path:
        return self.root / "jobs.duckdb"

    @property
    def home(self) -> Path:
        return self.root / "dagster_home"


def demo_paths() -> DemoPaths:
    return DemoPaths(Path(config.InstanceSettings.from_env().demo_dir).resolve())


@contextmanager
def demo_environment(console: Console) -> Iterator[DemoPaths]:
    """The demo's servers up on loopback, and this process's settings pointing at them and at the demo's
    own store and instance, whose company partitions match the demo registry (so no sensor removes them)."""
    try:  # the sandbox ships with a clone, not with the wheel: imported here only
        from job_assets_sandbox.demo import serve_demo
    except ImportError as error:
        raise SystemExit(
            "job-assets demo needs the sandbox package (job_assets_sandbox), which comes with a clone of the "
            f"repository, not with the installed wheel: run `uv run job-assets demo` in a clone ({error})"
        ) from error

    paths = demo_paths()
    with serve_demo(paths.root) as served:
        os.environ.update(
            {**served.env(), "JOB_ASSETS_DB": str(paths.store), "DAGSTER_HOME": str(paths.home)}
        )
        console.print(
            f"demo: sample ATS boards at {served.boards.url}, a careers site at {served.careers.url}, job boards "
            f"at {served.job_boards.url} (no internet needed); its own store {paths.store} and instance "
            f"{paths.home}",
            markup=False,
        )
        yield paths


def run(
    args: argparse.Namespace,
    console: Console,
    run_command: Callable[[argparse.Namespace], int],
    dagster_dev: Callable[[int], int],
) -> int:
    with demo_environment(console):
        run_args = argparse.Namespace(
            company=None, batch_size=args.batch_size, no_jobs=False, verbose=args.verbose
        )
        code = run_command(run_args)
        if not args.ui:
            console.print(
                "look at it: `uv run job-assets ui --demo`; your own companies: edit data/companies.yaml, "
                "then `uv run job-assets run`",
                markup=False,
            )
            return code
        console.print("the UI shows the demo's instance; its sample servers stay up until Ctrl-C")
        return dagster_dev(args.port) or code


def ui(port: int, console: Console) -> int:
    from job_assets.cli import _load_companies, dagster_dev
    from job_assets.cli.instance import prepare

    with demo_environment(console) as paths:
        if not paths.store.exists():
            console.print(
                "no demo store yet: run `uv run job-assets demo` first (or `demo --ui`)", markup=False
            )
            return 2
        _, slugs = _load_companies(None)
        prepare(slugs)
        console.print("the UI shows the demo's instance; its sample servers stay up until Ctrl-C")
        return dagster_dev(port)
