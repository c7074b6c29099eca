"""The `job-assets` command: the demo, running the pipeline, the UI, finding and marking jobs, saved-search
matches, settings, resetting a store."""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
from pathlib import Path

from rich.console import Console

from job_assets import config
from job_assets.cli import demo, find, mark, matches, reset

console = Console(stderr=True, soft_wrap=True)  # errors name files and URLs: never wrap them
INTERRUPTED_EXIT = 130  # what a shell reports for a command stopped by Ctrl-C (128 + SIGINT)


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


def _llm_backend() -> tuple[str, list[str]] | None:
    """How this run will enrich, and the notes for its summary; None (after one clear message) when the
    LLM endpoint does not answer and the user did not allow the rules fallback."""
    from job_assets.enrichment.probe import LLMUnreachableError, check_endpoint

    llm = config.LLMSettings.from_env()
    url = llm.url
    if not url:
        return "offline rules extractor", []
    try:
        answer = check_endpoint(url, llm.api_key, llm.fallback)
    except (LLMUnreachableError, ValueError) as error:
        console.print(f"job-assets: {error}", style="red", markup=False)
        return None
    if answer.ok:
        return f"LLM at {url}", []
    note = f"{answer.message()}: enriched with rules instead (JOB_ASSETS_LLM_FALLBACK=rules)"
    return "rules, the LLM endpoint being down (see the summary)", [note]


def cmd_run(args: argparse.Namespace) -> int:
    from job_assets.automation.batching import batch_size
    from job_assets.cli.instance import prepare
    from job_assets.cli.runner import print_summary, run_pipeline
    from job_assets.store.db import connect
    from job_assets.store.summary import counts_per_company

    selected, all_slugs = _load_companies(args.company)
    backend = _llm_backend()
    if backend is None:
        return 2
    instance, _, _ = prepare(all_slugs)
    from job_assets.definitions import defs  # after env is final: resources bind to it

    store = config.StoreSettings.from_env()
    console.print(f"{len(selected)} companies -> {store.database} (enrichment: {backend[0]})")
    configured = args.batch_size or config.AutomationSettings.from_env().scrape_batch
    report = run_pipeline(
        defs,
        instance,
        selected,
        batch_size=batch_size(len(selected), configured),
        rebuild_jobs_table=not args.no_jobs,
        console=console,
        # Failures reach the summary table with their reason; Dagster's event log (and its tracebacks)
        # is printed only when asked for, and is always in the instance for the UI.
        log_level="DEBUG" if args.verbose else "CRITICAL",
        batch_failures=lambda run_id: _run_failures(run_id),
    )
    with connect(store.database, read_only=True, data_path=store.data_path) as conn:
        counts = {k: v for k, v in counts_per_company(conn).items() if k in selected}
    print_summary(console, report, counts, selected, notes=backend[1])
    return 1 if report.failed else 0


def dagster_dev(port: int) -> int:
    """`dagster dev` on $DAGSTER_HOME until it exits; Ctrl-C is passed on and waited for, never a traceback."""
    from job_assets.cli.instance import ensure_home

    ensure_home()
    # The `dagster` next to this interpreter (the project's environment), whatever PATH says.
    beside = Path(sys.executable).parent / "dagster"
    command = [
        str(beside) if beside.exists() else "dagster",
        "dev",
        "-w",
        str(config.PROJECT_ROOT / "workspace.yaml"),
        "-p",
        str(port),
    ]
    child = subprocess.Popen(command, cwd=config.PROJECT_ROOT)
    try:
        return child.wait()
    except KeyboardInterrupt:
        # A terminal's Ctrl-C reaches the whole process group; a lone SIGINT to us is passed on.
        if child.poll() is None:
            child.send_signal(signal.SIGINT)
        try:
            child.wait(timeout=60)
        except subprocess.TimeoutExpired:
            child.terminate()
            child.wait()
        raise


def cmd_ui(args: argparse.Namespace) -> int:
    if args.demo:
        return demo.ui(args.port, console)
    return dagster_dev(args.port)


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

    p = sub.add_parser("demo", help="run everything offline against bundled sample job boards (own store)")
    p.add_argument(
        "--batch-size",
        type=int,
        default=1,
        help="companies per Dagster run (default 1: a run per sample company, so the UI shows each)",
    )
    p.add_argument("-v", "--verbose", action="store_true", help="print Dagster's event log to the terminal")
    p.add_argument("--ui", action="store_true", help="then open the Dagster UI on the demo's instance")
    p.add_argument("--port", type=int, default=3000, help="the UI's port (with --ui)")
    p.set_defaults(func=lambda args: demo.run(args, console, cmd_run, dagster_dev))

    p = sub.add_parser("run", help="scrape, parse, enrich and deduplicate the registry's companies")
    p.add_argument("--company", nargs="+", metavar="SLUG", help="only these companies (default: all)")
    p.add_argument(
        "--batch-size",
        type=int,
        default=None,
        help="companies per Dagster run (default: JOB_ASSETS_SCRAPE_BATCH, else chosen from the number of companies)",
    )
    p.add_argument("--no-jobs", action="store_true", help="skip rebuilding the jobs table")
    p.add_argument(
        "-v", "--verbose", action="store_true", help="print Dagster's event log (with tracebacks) too"
    )
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("setup", help="sync company partitions with the registry and set the GPU pool limit")
    p.set_defaults(func=cmd_setup)

    p = sub.add_parser("ui", help="open the Dagster UI on your instance (or the demo's, with --demo)")
    p.add_argument("--port", type=int, default=3000)
    p.add_argument(
        "--demo", action="store_true", help="the demo's store and instance, with its sample servers up"
    )
    p.set_defaults(func=cmd_ui)

    p = sub.add_parser("settings", help="print every setting's current value (or the README's table)")
    p.add_argument("--markdown", action="store_true", help="the configuration table, from the schema")
    p.set_defaults(func=cmd_settings)

    find.add_parsers(sub)
    mark.add_parser(sub)
    matches.add_parser(sub)
    reset.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        console.print(
            f"job-assets {args.command}: stopped (Ctrl-C); a company's rows change only when its run completes",
            style="yellow",
            markup=False,
        )
        return INTERRUPTED_EXIT


if __name__ == "__main__":
    sys.exit(main())
