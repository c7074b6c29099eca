"""The reusable LoopbackServer over real HTTP: routing, latency, faults, request log, prompt shutdown."""

from __future__ import annotations

import json
import threading
import time

import httpx
import pytest

from job_assets_sandbox import LoopbackServer, Request, Response


class EchoServer(LoopbackServer):
    """A tiny API, the way another engineer would subclass the base (e.g. a fake LLM endpoint)."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.route(r"/items/(?P<item>[a-z0-9]+)", self._item)
        self.route(r"/echo", self._echo, methods=("POST",))
        self.route(r"/boom", self._boom)
        self.route(r"/stream", lambda r: Response.stream([b"data: 1\n\n", b"data: 2\n\n"]))

    def _item(self, request: Request) -> Response:
        return Response.json({"item": request.params["item"], "q": request.query.get("q")})

    def _echo(self, request: Request) -> Response:
        return Response.json({"got": request.json(), "type": request.headers.get("content-type")})

    def _boom(self, request: Request) -> Response:
        raise RuntimeError("handler bug")


@pytest.fixture
def server():
    with EchoServer() as s:
        yield s


@pytest.fixture
def client():
    with httpx.Client(timeout=5) as c:
        yield c


def test_routes_params_methods_and_defaults(server: EchoServer, client: httpx.Client) -> None:
    assert server.url.startswith("http://127.0.0.1:") and server.port > 0
    r = client.get(f"{server.url}/items/abc", params={"q": "x y"})
    assert r.status_code == 200 and r.json() == {"item": "abc", "q": "x y"}
    assert client.post(f"{server.url}/echo", json={"a": [1, 2]}).json() == {
        "got": {"a": [1, 2]},
        "type": "application/json",
    }
    assert client.get(f"{server.url}/echo").status_code == 405
    assert client.get(f"{server.url}/nothing-here").status_code == 404
    head = client.head(f"{server.url}/items/abc")
    assert head.status_code == 200 and head.content == b""
    assert client.get(f"{server.url}/stream").text == "data: 1\n\ndata: 2\n\n"


def test_handler_exception_is_a_500_with_detail(server: EchoServer, client: httpx.Client) -> None:
    r = client.get(f"{server.url}/boom")
    assert r.status_code == 500 and "handler bug" in r.json()["detail"]
    assert client.get(f"{server.url}/items/ok").status_code == 200  # the server keeps serving


def test_fail_twice_then_ok_and_log(server: EchoServer, client: httpx.Client) -> None:
    rule = server.fail(r"^/items/", 500, times=2)
    statuses = [client.get(f"{server.url}/items/x").status_code for _ in range(3)]
    assert statuses == [500, 500, 200]
    assert rule.hits == 2
    assert server.count(r"^/items/") == 3
    assert server.count(r"^/items/", status=500) == 2
    assert [r.fault for r in server.requests] == ["status", "status", None]
    assert client.get(f"{server.url}/stream").status_code == 200  # other paths never matched


def test_rate_limit_sends_retry_after(server: EchoServer, client: httpx.Client) -> None:
    server.rate_limit(r"/items/", retry_after=2, times=1)
    limited = client.get(f"{server.url}/items/x")
    assert limited.status_code == 429 and limited.headers["Retry-After"] == "2"
    assert client.get(f"{server.url}/items/x").status_code == 200


def test_fault_methods_filter_and_forever(server: EchoServer, client: httpx.Client) -> None:
    server.fail(r"/echo", 503, times=None, methods=("POST",))
    for _ in range(3):
        assert client.post(f"{server.url}/echo", json={}).status_code == 503
    assert client.get(f"{server.url}/echo").status_code == 405  # GET is not covered by the rule
    server.clear_faults()
    assert client.post(f"{server.url}/echo", json={}).status_code == 200


def test_malformed_json(server: EchoServer, client: httpx.Client) -> None:
    server.malformed(r"/items/")
    r = client.get(f"{server.url}/items/x")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    with pytest.raises(json.JSONDecodeError):
        r.json()


def test_drop_is_a_connection_error(server: EchoServer, client: httpx.Client) -> None:
    server.drop(r"/items/")
    with pytest.raises(httpx.RemoteProtocolError):
        client.get(f"{server.url}/items/x")
    assert client.get(f"{server.url}/items/x").status_code == 200


def test_hang_outlasts_client_timeout_and_shutdown_is_prompt() -> None:
    server = EchoServer().start()
    server.hang(r"/items/", times=None)
    errors: list[BaseException] = []

    def call() -> None:
        try:
            httpx.get(f"{server.url}/items/x", timeout=30)
        except httpx.HTTPError as error:
            errors.append(error)

    background = threading.Thread(target=call)
    background.start()
    with pytest.raises(httpx.ReadTimeout):
        httpx.get(f"{server.url}/items/y", timeout=0.2)
    assert server.wait_for(2, r"/items/")
    started = time.monotonic()
    server.stop()  # one request still hanging, with a 30 s client timeout
    assert time.monotonic() - started < 1.0
    background.join(2)
    assert not background.is_alive() and errors  # the hung client got a connection error, not an answer
    assert all(r.status is None and r.fault == "hang" for r in server.requests)


def test_latency_and_peak_concurrency() -> None:
    # One second each: long enough that four threads started at once overlap even on a loaded machine;
    # served one after another they would take four.
    with EchoServer(latency=1.0) as server:
        started = time.monotonic()
        threads = [threading.Thread(target=httpx.get, args=(f"{server.url}/items/{i}",)) for i in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.monotonic() - started
        assert server.count(r"/items/", status=200) == 4
        assert server.peak_in_flight == 4  # all four were in the server at once
        assert 1.0 <= elapsed < 4.0  # served concurrently, each delayed
        assert all(r.duration is not None and r.duration >= 1.0 for r in server.requests)
        server.latency = 0
        server.reset_log()
        httpx.get(f"{server.url}/items/z")
        assert server.requests[0].duration < 1.0 and server.peak_in_flight == 1


def test_keep_alive_connections_do_not_block_shutdown() -> None:
    server = EchoServer().start()
    with httpx.Client() as pooled:  # leaves an idle keep-alive connection open on the server
        assert pooled.get(f"{server.url}/items/a").status_code == 200
        started = time.monotonic()
        server.stop()
        assert time.monotonic() - started < 1.0
    with pytest.raises(RuntimeError):
        server.start()  # single use


def test_request_log_is_exact_under_concurrency(server: EchoServer) -> None:
    def burst() -> None:
        with httpx.Client() as c:
            for i in range(10):
                c.get(f"{server.url}/items/{i}")

    threads = [threading.Thread(target=burst) for _ in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert server.count(r"/items/") == 50
    assert server.wait_for(50, r"/items/", timeout=0.1)
    assert not server.wait_for(51, r"/items/", timeout=0.05)
