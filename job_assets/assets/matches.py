"""`job_matches_by_search`: every saved search's ranked open jobs, then the alerts for the new ones."""

import time
from datetime import UTC, datetime

import dagster as dg
import polars as pl

from job_assets.assets.metadata import seconds
from job_assets.matching import alerts
from job_assets.matching.delivery import send_all
from job_assets.matching.matcher import match_all
from job_assets.matching.searches import SearchesError, SearchFile
from job_assets.resources import SearchesResource, StoreResource
from job_assets.store import snapshot
from job_assets.store.matches import log_deliveries, pending, read_matches, write_build

NEW_ROWS_SHOWN = 20


def _cell(value: object) -> str:
    return str(value or "").replace("|", "\\|").replace("\n", " ")


def new_matches_table(rows: pl.DataFrame) -> dg.MetadataValue:
    """A markdown table of a search's new matches, each title linking to the posting."""
    lines = ["| rank | score | job | company | locations | pay |", "|---:|---:|---|---|---|---|"]
    for job in rows.head(NEW_ROWS_SHOWN).iter_rows(named=True):
        title = _cell(job["title"])
        link = f"[{title}]({job['url']})" if job["url"] else title
        lines.append(
            f"| {job['rank']} | {job['score']:.0f} | {link} | {_cell(job['company_name'])} "
            f"| {_cell('; '.join(job['locations'] or []))} | {_cell(job['pay'])} |"
        )
    if rows.height > NEW_ROWS_SHOWN:
        lines.append(f"\n… and {rows.height - NEW_ROWS_SHOWN} more: `job-assets matches {rows['search'][0]}`")
    if not rows.height:
        lines = ["no new matches in this build"]
    return dg.MetadataValue.md("\n".join(lines))


def _load(searches: SearchesResource) -> SearchFile | None:
    try:
        loaded = searches.load()
        for search in loaded.searches if loaded else []:
            search.notify_urls()  # a $VARIABLE that is not set is a configuration error too
        return loaded
    except SearchesError as error:
        raise dg.Failure(
            description=f"saved searches not matched (the jobs table is unaffected):\n{error}",
            metadata={"searches_file": dg.MetadataValue.path(searches.path)},
        ) from error


@dg.asset(
    deps=["jobs"],
    group_name="jobs",
    kinds={"python", "duckdb"},
    automation_condition=dg.AutomationCondition.eager(),
    description="Your saved searches' open jobs, ranked by fit with the reasons; new ones are sent as alerts.",
)
def job_matches_by_search(
    context: dg.AssetExecutionContext, store: StoreResource, searches: SearchesResource
) -> dg.MaterializeResult:
    started = time.perf_counter()
    loaded = _load(searches)
    if loaded is None:
        context.log.info(f"no saved searches: {searches.path} does not exist")
        return dg.MaterializeResult(
            metadata={"searches": 0, "searches_file": dg.MetadataValue.path(searches.path)}
        )
    now = datetime.now(UTC)
    reader = snapshot.open_reader(store.database)
    try:
        matches = match_all(reader, loaded, now)
    finally:
        reader.close()
    match_s = time.perf_counter() - started
    with store.connect() as conn:
        write_build(conn, matches, now)
        stored = read_matches(conn)
        work = alerts.plan(loaded, lambda name, key: pending(conn, name, key))
    sent_started = time.perf_counter()
    deliveries = send_all(work)  # no connection held while talking to mail servers and webhooks
    send_s = time.perf_counter() - sent_started
    if deliveries:
        with store.connect() as conn:
            log_deliveries(conn, alerts.deliveries_frame(deliveries))

    metadata: dict[str, object] = {
        "searches": len(loaded.searches),
        "searches_file": dg.MetadataValue.path(searches.path),
    }
    for search in loaded.searches:
        rows = stored.filter(pl.col("search") == search.name)
        new = rows.filter(pl.col("new"))
        metadata[f"{search.name} / matches"] = rows.height
        metadata[f"{search.name} / new"] = new.height
        metadata[f"{search.name} / new matches"] = new_matches_table(new)
    failed = [d for d in deliveries if not d.ok]
    for delivery in failed:
        context.log.warning(
            f"alert for {delivery.search!r} to {delivery.channel} failed; its {len(delivery.job_ids)} jobs "
            f"stay pending and are retried next build: {delivery.error}"
        )
    metadata["alerts"] = dg.MetadataValue.json(
        [
            {"search": d.search, "channel": d.channel, "jobs": len(d.job_ids), "ok": d.ok, "error": d.error}
            for d in deliveries
        ]
    )
    metadata["alerts_failed"] = len(failed)
    metadata["match_seconds"] = seconds(match_s)
    metadata["alert_seconds"] = seconds(send_s)
    return dg.MaterializeResult(metadata=metadata)
