"""The polite client over real loopback HTTP: retries, backoff, Retry-After, timeouts, per-host limits."""

import asyncio
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from job_assets.sources.base import SourceError
from job_assets.sources.http import USER_AGENT, HttpPolicy, PoliteClient, retry_after_seconds
from job_assets_sandbox.loopback import LoopbackServer, Response
from job_assets_tests.defaults import http_policy

FAST = http_policy(timeout_s=2, retries=3, per_host=4, backoff_s=0.01, max_backoff_s=0.05)


@pytest.fixture
def server():
    with LoopbackServer() as srv:
        srv.route(
            r"/ok", lambda request: Response.json({"ok": True, "ua": request.headers.get("user-agent")})
        )
        yield srv


def get(server: LoopbackServer, path: str = "/ok", policy: HttpPolicy = FAST):
    async def go():
        async with PoliteClient(policy) as client:
            data = await client.get_json(server.url + path, company="acme", source="greenhouse")
            return data, client.stats

    return asyncio.run(go())


def test_success_sends_an_honest_user_agent(server: LoopbackServer) -> None:
    data, stats = get(server)
    assert data == {"ok": True, "ua": USER_AGENT}
    assert "job_assets/" in USER_AGENT and stats.requests == 1 and stats.retries == 0


def test_500_twice_then_success(server: LoopbackServer) -> None:
    server.fail("/ok", 500, times=2)
    data, stats = get(server)
    assert data["ok"] is True
    assert server.count("/ok") == 3 and stats.retries == 2


def test_429_honours_retry_after_seconds(server: LoopbackServer) -> None:
    server.rate_limit("/ok", retry_after=0.4, times=1)
    get(server)
    first, second = server.requests
    assert first.status == 429 and second.status == 200
    assert second.arrived - first.arrived >= 0.4  # waited as told, not the 10 ms backoff


def test_retry_after_as_http_date() -> None:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    assert retry_after_seconds(format_datetime(now + timedelta(seconds=7), usegmt=True), now) == 7
    assert retry_after_seconds("3") == 3
    assert retry_after_seconds("soon") is None and retry_after_seconds(None) is None


def test_gives_up_after_retries_with_a_clear_error(server: LoopbackServer) -> None:
    server.fail("/ok", 503, times=None)
    with pytest.raises(SourceError) as error:
        get(server)
    message = str(error.value)
    assert (
        "acme" in message
        and "greenhouse" in message
        and "HTTP 503" in message
        and server.url + "/ok" in message
    )
    assert server.count("/ok") == FAST.retries + 1


def test_client_errors_are_not_retried(server: LoopbackServer) -> None:
    with pytest.raises(SourceError, match="HTTP 404"):
        get(server, "/missing")
    assert server.count("/missing") == 1


def test_a_hanging_server_times_out(server: LoopbackServer) -> None:
    server.hang("/ok", times=None)
    policy = http_policy(timeout_s=0.3, retries=1, backoff_s=0.01)
    with pytest.raises(SourceError, match="timeout"):
        get(server, policy=policy)
    assert server.count("/ok") == 2


def test_connection_errors_are_retried(server: LoopbackServer) -> None:
    server.drop("/ok", times=1)
    data, stats = get(server)
    assert data["ok"] is True and stats.retries == 1


def test_malformed_json_names_the_source(server: LoopbackServer) -> None:
    server.malformed("/ok")
    with pytest.raises(SourceError, match="not valid JSON"):
        get(server)


def test_per_host_concurrency_limit(server: LoopbackServer) -> None:
    server.latency = 0.05

    async def go():
        async with PoliteClient(http_policy(per_host=3)) as client:
            await asyncio.gather(
                *(client.get(server.url + "/ok", company="a", source="s") for _ in range(12))
            )

    asyncio.run(go())
    assert server.count("/ok") == 12
    assert server.peak_in_flight == 3


def test_hosts_are_limited_separately() -> None:
    with LoopbackServer(latency=0.05) as one, LoopbackServer(latency=0.05) as two:
        for srv in (one, two):
            srv.route(r"/ok", lambda request: Response.json({}))

        async def go():
            async with PoliteClient(http_policy(per_host=2)) as client:
                urls = [one.url + "/ok", two.url + "/ok"] * 4
                await asyncio.gather(*(client.get(u, company="a", source="s") for u in urls))

        asyncio.run(go())
        assert one.peak_in_flight == 2 and two.peak_in_flight == 2
