"""`job-assets run`: materialise the pipeline for companies through Dagster, with progress and a summary."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

import dagster as dg
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from job_assets.automation.batching import company_batches
from job_assets.automation.partitions import company_partitions


@dataclass
class RunReport:
    succeeded: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    jobs_ok: bool | None = None
    matches_ok: bool | None = None
    seconds: float = 0.0


def _failure_message(result: dg.ExecuteInProcessResult) -> str:
    for event in result.all_events:
        if event.is_step_failure and event.step_failure_data and event.step_failure_data.error:
            error = event.step_failure_data.error
            while error.cause and "Failure" not in error.cls_name:
                error = error.cause
            return f"{event.step_key}: {error.message.strip().splitlines()[-1] if error.message else error.cls_name}"
    return "run failed"


def run_pipeline(
    defs: dg.Definitions,
    instance: dg.DagsterInstance,
    slugs: list[str],
    batch_size: int = 1,
    rebuild_jobs_table: bool = True,
    console: Console | None = None,
    log_level: str = "WARNING",
    batch_failures: Callable[[str], dict[str, str]] | None = None,
) -> RunReport:
    """One run per company (or per batch: `automation.batching`, the schedule's rule), then one run of the
    jobs table, then one of the saved searches' matches and alerts.

    `batch_failures(run_id)` names the companies a successful batched run could not scrape.
    """
    console = console or Console(stderr=True, soft_wrap=True)
    refresh = defs.resolve_job_def("refresh_companies")
    quiet = {"loggers": {"console": {"config": {"log_level": log_level}}}}  # the event log keeps everything
    report = RunReport()
    started = time.perf_counter()
    batches = company_batches(instance.get_dynamic_partitions(company_partitions.name), slugs, batch_size)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=False) as progress:
        task = progress.add_task("scrape, parse, enrich", total=len(slugs))
        for batch in batches:
            progress.update(task, description=batch.label)
            result = refresh.execute_in_process(
                partition_key=batch.partition_key,
                tags=batch.tags,
                instance=instance,
                raise_on_error=False,
                run_config=quiet,
            )
            companies = list(batch.companies)
            if result.success:
                partly = batch_failures(result.run_id) if batch_failures and len(companies) > 1 else {}
                report.failed |= partly
                report.succeeded += [s for s in companies if s not in partly]
            else:
                message = _failure_message(result)
                for slug in companies:
                    report.failed[slug] = message
            progress.advance(task, len(companies))
        if rebuild_jobs_table:
            progress.update(task, description="jobs table")
            result = defs.resolve_job_def("build_jobs_table").execute_in_process(
                instance=instance, raise_on_error=False, run_config=quiet
            )
            report.jobs_ok = result.success
            if not result.success:
                report.failed["(jobs table)"] = _failure_message(result)
            else:  # its own run: a bad searches file fails this one, never the jobs table's
                progress.update(task, description="saved searches and alerts")
                result = defs.resolve_job_def("match_searches").execute_in_process(
                    instance=instance, raise_on_error=False, run_config=quiet
                )
                report.matches_ok = result.success
                if not result.success:
                    report.failed["(saved searches)"] = _failure_message(result)
    report.seconds = time.perf_counter() - started
    return report


def print_summary(console: Console, report: RunReport, counts: dict[str, dict[str, int]]) -> None:
    table = Table(title="job_assets: rows per company")
    for column in ("company", "raw", "parsed", "enriched", "open jobs", "status"):
        table.add_column(column, justify="left" if column in ("company", "status") else "right")
    for slug, row in sorted(counts.items()):
        status = "[red]failed[/red]" if slug in report.failed else "ok"
        table.add_row(slug, *(str(row.get(k, 0)) for k in ("raw", "parsed", "enriched", "jobs")), status)
    console.print(table)
    console.print(
        f"{len(report.succeeded)} companies ok, {len(report.failed)} failed in {report.seconds:.1f}s"
    )
    for slug, message in report.failed.items():
        console.print(f"FAILED {slug}: {message}", style="red", markup=False)
