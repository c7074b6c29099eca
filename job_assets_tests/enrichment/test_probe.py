"""The LLM endpoint probe: a down endpoint is found once, before any posting is sent, and reported once."""

from pathlib import Path

import dagster as dg
import pytest

from job_assets.assets.checks import asset_checks
from job_assets.assets.enriched import enriched_postings
from job_assets.assets.parsed import parsed_postings
from job_assets.assets.raw import raw_postings
from job_assets.enrichment.probe import LLMUnreachableError, check_endpoint, probe
from job_assets.resources import LLMResource
from job_assets.store.db import connect, table_exists
from job_assets_sandbox.llm_server import FakeLLMServer
from job_assets_tests.servers import free_port

ASSETS = [raw_postings, parsed_postings, enriched_postings, *asset_checks]
COMPANY = "fernhill-games"


def closed_url() -> str:
    return f"http://127.0.0.1:{free_port()}/v1"  # nothing listens there


def test_probe_answers() -> None:
    with FakeLLMServer() as server:
        assert probe(server.base_url).ok
        assert [r.path for r in server.requests] == ["/v1/models"]


def test_closed_port_is_named_once() -> None:
    url = closed_url()
    result = probe(url, timeout_s=2)
    assert not result.ok and "ConnectError" in (result.problem or "")
    with pytest.raises(LLMUnreachableError) as raised:
        check_endpoint(url, "EMPTY", "fail", timeout_s=2)
    message = str(raised.value)
    assert url in message and "JOB_ASSETS_LLM_FALLBACK=rules" in message and "\n" not in message


def test_server_answering_500_is_unreachable() -> None:
    with FakeLLMServer() as server:
        server.fail(r"/v1/models", 500, times=None)
        result = probe(server.base_url)
        assert not result.ok and result.problem == f"HTTP 500 from {server.base_url}/models"
        assert (
            check_endpoint(server.base_url, "EMPTY", "rules").problem == result.problem
        )  # allowed: no raise


def test_unknown_fallback_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="fail, rules"):
        check_endpoint("http://127.0.0.1:1/v1", "EMPTY", "sometimes")


@pytest.fixture
def instance():
    with dg.instance_for_test() as inst:
        inst.add_dynamic_partitions("company", [COMPANY])
        yield inst


def materialize(instance, resources, llm: LLMResource) -> dg.ExecuteInProcessResult:
    return dg.materialize(
        ASSETS,
        selection=[raw_postings, parsed_postings, enriched_postings],
        partition_key=COMPANY,
        instance=instance,
        resources={**resources, "llm": llm},
        raise_on_error=False,
    )


def test_down_llm_fails_the_run_with_one_message(instance, pipeline_resources, db_path: Path) -> None:
    url = closed_url()
    result = materialize(instance, pipeline_resources, LLMResource(url=url))
    assert not result.success
    failures = [e for e in result.all_events if e.is_step_failure]
    assert [e.step_key for e in failures] == ["enriched_postings"]
    error = failures[0].step_failure_data.error
    assert error is not None and url in error.message and "does not answer" in error.message
    warnings = [
        e for e in instance.all_logs(result.run_id) if e.level >= 30 and "enrichment failed for" in e.message
    ]
    assert warnings == []  # never one line per posting


def test_fallback_enriches_with_rules_and_says_so_once(instance, pipeline_resources, db_path: Path) -> None:
    with FakeLLMServer() as server:
        url = server.base_url
        server.fail(r"/v1/.*", 500, times=None)
        result = materialize(instance, pipeline_resources, LLMResource(url=url, fallback="rules"))
        assert result.success
        assert server.count(r"chat/completions") == 0  # no posting was sent to a server known to be down
    meta = result.asset_materializations_for_node("enriched_postings")[0].metadata
    note = meta["llm_unavailable"].value
    assert url in note and "HTTP 500" in note and "enriched with rules" in note
    assert meta["backend"].value == "rules" and "llm_calls" not in meta and "cache_hit_rate" not in meta
    assert (
        "| pay |" in meta["preview"].value and "/ year |" in meta["preview"].value
    )  # "USD 120k-150k / year"
    notes = [e for e in instance.all_logs(result.run_id) if "does not answer" in (e.message or "")]
    assert len(notes) == 1
    with connect(db_path, read_only=True) as conn:
        assert table_exists(conn, "enrichment_cache")  # created empty on the first run, LLM or not
        rows = conn.execute(
            "select count(*), count(distinct enrich_backend) from enriched_postings"
        ).fetchall()
    assert rows[0][0] > 0 and rows[0][1] == 1
