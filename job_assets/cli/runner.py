"""`job-assets run`: materialise the pipeline for companies through Dagster, with progress and a summary."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import dagster as dg
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from job_assets.automation.batching import company_batches
from job_assets.automation.partitions import company_partitions

JOBS_TABLE_ROW = "(jobs table)"
SEARCHES_ROW = "(saved searches)"
NOT_COMPANIES = frozenset({JOBS_TABLE_ROW, SEARCHES_ROW})  # failures that are steps, not companies


@dataclass
class RunReport:
    succeeded: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    jobs_ok: bool | None = None
    matches_ok: bool | None = None
    seconds: float = 0.0


INTERRUPTED = ("KeyboardInterrupt", "DagsterExecutionInterruptedError")


def _failure_message(result: dg.ExecuteInProcessResult) -> str:
    """The first failed step and its error's last line, without Dagster's class path."""
    for event in result.all_events:
        if event.is_step_failure and event.step_failure_data and event.step_failure_data.error:
            error = event.step_failure_data.error
            if error.cls_name in INTERRUPTED:
                raise KeyboardInterrupt  # Ctrl-C inside a step: stop the whole command, not just this run
            while error.cause and "Failure" not in error.cls_name:
                error = error.cause
            text = error.message.strip().splitlines()[-1] if error.message else error.cls_name
            text = text.split(": ", 1)[1] if text.startswith("dagster.") and ": " in text else text
            return f"{event.step_key}: {text}"
    if any(e.event_type_value == "PIPELINE_CANCELED" for e in result.all_events):
        raise KeyboardInterrupt
    return "run failed"


def short_reason(slug: str, message: str, width: int = 60) -> str:
    """A failure message shortened for a table cell: no step or company prefix, no URL tail."""
    text = message.split(": ", 1)[1] if ": " in message else message
    text = text.removeprefix(f"{slug}: ")
    text = text.split(" at http", 1)[0]
    return text if len(text) <= width else text[: width - 1] + "…"


def _run_whole(
    defs: dg.Definitions,
    instance: dg.DagsterInstance,
    run_config: dict[str, Any],
    report: RunReport,
    job: str,
    row: str,
) -> bool:
    """Run an unpartitioned job in process; a failure is reported under `row`, never raised."""
    result = defs.resolve_job_def(job).execute_in_process(
        instance=instance, raise_on_error=False, run_config=run_config
    )
    if not result.success:
        report.failed[row] = _failure_message(result)
    return result.success


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
            report.jobs_ok = _run_whole(defs, instance, quiet, report, "build_jobs_table", JOBS_TABLE_ROW)
            if report.jobs_ok:  # its own run: a bad searches file fails this one, never the jobs table's
                progress.update(task, description="saved searches and alerts")
                report.matches_ok = _run_whole(defs, instance, quiet, report, "match_searches", SEARCHES_ROW)
    report.seconds = time.perf_counter() - started
    return report


def print_summary(
    console: Console,
    report: RunReport,
    counts: dict[str, dict[str, int]],
    companies: list[str] | None = None,
    notes: list[str] | None = None,
) -> None:
    """One table with a row per company asked for (a failed company too, with its reason), then one line
    per failure with the full message (URLs unwrapped, to copy), then `notes` (e.g. the LLM fallback)."""
    table = Table(title="job_assets: rows per company (a failed company keeps its last good rows)")
    for column in ("company", "raw", "parsed", "enriched", "open jobs", "status"):
        table.add_column(column, justify="left" if column in ("company", "status") else "right")
    for slug in sorted(set(companies or []) | set(counts) | (set(report.failed) - NOT_COMPANIES)):
        row = counts.get(slug, {})
        message = report.failed.get(slug)
        status = f"[red]failed: {escape(short_reason(slug, message))}[/red]" if message else "ok"
        table.add_row(slug, *(str(row.get(k, 0)) for k in ("raw", "parsed", "enriched", "jobs")), status)
    console.print(table)
    console.print(
        f"{len(report.succeeded)} companies ok, {len(report.failed)} failed in {report.seconds:.1f}s"
    )
    for slug, message in report.failed.items():
        console.print(f"FAILED {slug}: {message}", style="red", markup=False)
    for note in notes or []:
        console.print(note, style="yellow", markup=False)
