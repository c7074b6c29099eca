"""The `job-assets` command: set up, run the pipeline, run the offline demo, open the UI, mark jobs, see matches."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

from rich.console import Console

from job_assets import config
from job_assets.cli import mark, matches

console = Console(stderr=True, soft_wrap=True)  # errors name files and URLs: never wrap them


def _load_companies(only: list[str] | None) -> tuple[list[str], list[str]]:
    """(the selected slugs, every slug) of the registry; exits 2 with the reason when it is invalid."""
    from job_assets.registry import RegistryError, load_registry

    try:
        companies = load_registry(config.RegistrySettings.from_env().path)
    except RegistryError as error:
        console.print(str(error), style="red", markup=False)
        raise SystemExit(2) from error
    slugs = [c.slug for c in companies]
    unknown = sorted(set(only or []) - set(slugs))
    if unknown:
        console.print(
            f"not in the registry {config.RegistrySettings.from_env().path}: {', '.join(unknown)}",
            style="red",
            markup=False,
        )
        raise SystemExit(2)
    return [s for s in slugs if not only or s in only], slugs


def cmd_setup(args: argparse.Namespace) -> int:
    from job_assets.cli.instance import prepare

    _, all_slugs = _load_companies(None)
    _instance, added, removed = prepare(all_slugs)
    console.print(f"DAGSTER_HOME={os.environ['DAGSTER_HOME']}")
    console.print(
        f"company partitions: {len(all_slugs)} (added {len(added)}, removed {len(removed)}); pool vllm_gpu=1"
    )
    return 0


def _run_failures(run_id: str) -> dict[str, str]:
    from job_assets.store import scrape_log
    from job_assets.store.db import connect

    store = config.StoreSettings.from_env()
    with connect(store.database, read_only=True, data_path=store.data_path) as conn:
        return scrape_log.failures_in_run(conn, run_id)


def cmd_run(args: argparse.Namespace) -> int:
    from job_assets.automation.batching import batch_size
    from job_assets.cli.instance import prepare
    from job_assets.cli.runner import print_summary, run_pipeline
    from job_assets.store.db import connect
    from job_assets.store.summary import counts_per_company

    selected, all_slugs = _load_companies(args.company)
    instance, _, _ = prepare(all_slugs)
    from job_assets.definitions import defs  # after env is final: resources bind to it

    llm_url = config.LLMSettings.from_env().url
    backend = f"LLM at {llm_url}" if llm_url else "offline rules extractor"
    console.print(
        f"{len(selected)} companies -> {config.StoreSettings.from_env().database} (enrichment: {backend})"
    )
    configured = args.batch_size or config.AutomationSettings.from_env().scrape_batch
    report = run_pipeline(
        defs,
        instance,
        selected,
        batch_size=batch_size(len(selected), configured),
        rebuild_jobs_table=not args.no_jobs,
        console=console,
        log_level="DEBUG" if args.verbose else "WARNING",
        batch_failures=lambda run_id: _run_failures(run_id),
    )
    store = config.StoreSettings.from_env()
    with connect(store.database, read_only=True, data_path=store.data_path) as conn:
        counts = {k: v for k, v in counts_per_company(conn).items() if k in selected}
    print_summary(console, report, counts)
    return 1 if report.failed else 0


def cmd_demo(args: argparse.Namespace) -> int:
    try:  # the sandbox ships with a clone, not with the wheel: imported here only
        from job_assets_sandbox.demo import serve_demo
    except ImportError as error:
        console.print(
            "job-assets demo needs the sandbox package (job_assets_sandbox), which comes with a clone of the "
            f"repository, not with the installed wheel: run `uv run job-assets demo` in a clone ({error})",
            style="red",
            markup=False,
        )
        return 2

    with serve_demo(config.PROJECT_ROOT / "data" / "demo") as demo:
        os.environ.update(demo.env())
        console.print(
            f"sample ATS boards at {demo.boards.url}, a careers site at {demo.careers.url}, job boards at "
            f"{demo.job_boards.url} (no internet needed); registry {demo.registry}"
        )
        run_args = argparse.Namespace(
            company=None, batch_size=args.batch_size, no_jobs=False, verbose=args.verbose
        )
        code = cmd_run(run_args)
        if args.ui:
            console.print("the demo servers stay up while the UI runs; stop with Ctrl-C")
            code = cmd_ui(argparse.Namespace(port=args.port)) or code
        return code


def cmd_ui(args: argparse.Namespace) -> int:
    from job_assets.cli.instance import ensure_home

    ensure_home()
    command = ["dagster", "dev", "-w", str(config.PROJECT_ROOT / "workspace.yaml"), "-p", str(args.port)]
    return subprocess.call(command, cwd=config.PROJECT_ROOT)


def cmd_settings(args: argparse.Namespace) -> int:
    if args.markdown:
        print(config.markdown_table())
        return 0
    for group in config.SCHEMA:
        current = group.from_env()
        for name, env in group.env_fields():
            source = "environment" if os.environ.get(env) else "default"
            print(f"{env}={getattr(current, name) if getattr(current, name) is not None else ''}  # {source}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="job-assets", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("run", help="scrape, parse, enrich and deduplicate the registry's companies")
    p.add_argument("--company", nargs="+", metavar="SLUG", help="only these companies (default: all)")
    p.add_argument(
        "--batch-size",
        type=int,
        default=None,
        help="companies per Dagster run (default: JOB_ASSETS_SCRAPE_BATCH, else chosen from the number of companies)",
    )
    p.add_argument("--no-jobs", action="store_true", help="skip rebuilding the jobs table")
    p.add_argument("-v", "--verbose", action="store_true", help="print Dagster's event log to the terminal")
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("demo", help="run everything offline against bundled sample job boards")
    p.add_argument(
        "--batch-size",
        type=int,
        default=None,
        help="companies per Dagster run (default: JOB_ASSETS_SCRAPE_BATCH, else chosen from the number of companies)",
    )
    p.add_argument("-v", "--verbose", action="store_true", help="print Dagster's event log to the terminal")
    p.add_argument(
        "--ui", action="store_true", help="then open the Dagster UI with the demo servers still up"
    )
    p.add_argument("--port", type=int, default=3000, help="the UI's port (with --ui)")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("setup", help="sync company partitions with the registry and set the GPU pool limit")
    p.set_defaults(func=cmd_setup)

    p = sub.add_parser("ui", help="open the Dagster UI on the same instance the CLI uses")
    p.add_argument("--port", type=int, default=3000)
    p.set_defaults(func=cmd_ui)

    p = sub.add_parser("settings", help="print every setting's current value (or the README's table)")
    p.add_argument("--markdown", action="store_true", help="the configuration table, from the schema")
    p.set_defaults(func=cmd_settings)

    mark.add_parser(sub)
    matches.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
