"""`LoopbackServer`: a real HTTP/1.1 server on 127.0.0.1 for tests, the offline demo and benchmarks.

Subclass it (or call `route`) to speak an API; inject latency and faults (status codes, 429 with
Retry-After, hangs, dropped connections, malformed JSON) per path to exercise a client's retry logic over a
real socket instead of a mock. Shutdown is prompt even while requests hang: every wait in here is on one
event that `stop()` sets.
"""

from __future__ import annotations

import contextlib
import json
import logging
import re
import socket
import threading
import time
from collections.abc import Iterable
from dataclasses import replace
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self
from urllib.parse import parse_qs, unquote, urlsplit

from job_assets_sandbox.http_types import (
    MALFORMED_JSON,
    FaultKind,
    FaultRule,
    Handler,
    Request,
    RequestRecord,
    Response,
)

__all__ = ["FaultKind", "FaultRule", "Handler", "LoopbackServer", "Request", "RequestRecord", "Response"]

log = logging.getLogger(__name__)


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    owner: LoopbackServer


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as real APIs (and connection pools) expect
    disable_nagle_algorithm = True  # headers and body go out in two writes: no 40 ms delayed-ACK stall
    server_version = "job-assets-sandbox/1"
    server: _HTTPServer

    def log_message(self, format: str, *args: Any) -> None:  # no per-request noise on stderr
        return

    def setup(self) -> None:
        super().setup()
        self.server.owner._track(self.connection, add=True)

    def finish(self) -> None:
        try:
            super().finish()
        except OSError:
            pass
        finally:
            self.server.owner._track(self.connection, add=False)

    def _dispatch(self) -> None:
        self.server.owner._serve(self)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = _dispatch


class LoopbackServer:
    """`with LoopbackServer() as server:` serves on `server.url` from a daemon thread until the block ends."""

    def __init__(self, *, port: int = 0, latency: float = 0.0, host: str = "127.0.0.1") -> None:
        self.latency = latency  # seconds added before every response; may be changed while running
        self._address = (host, port)
        self._routes: list[tuple[frozenset[str], re.Pattern[str], Handler]] = []
        self._faults: list[FaultRule] = []
        self._log: list[RequestRecord] = []
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._closing = threading.Event()
        self._connections: set[socket.socket] = set()
        self._in_flight = 0
        self._peak_in_flight = 0
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None

    # --- lifecycle --------------------------------------------------------------------------------------
    def start(self) -> Self:
        if self._httpd is not None or self._closing.is_set():
            raise RuntimeError("a LoopbackServer starts once; create a new one")
        httpd = _HTTPServer(self._address, _Handler)
        httpd.owner = self
        self._httpd = httpd
        name = f"{type(self).__name__}:{httpd.server_address[1]}"
        self._thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, name=name)
        self._thread.daemon = True
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        """Stop serving: wakes hanging requests, closes open connections, joins the serving thread."""
        self._closing.set()
        httpd, self._httpd = self._httpd, None
        if httpd is None:
            return
        httpd.shutdown()
        httpd.server_close()
        with self._lock:
            connections = list(self._connections)
        for conn in connections:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        if self._thread is not None:
            self._thread.join(timeout)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError("the server is not running")
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        """`http://127.0.0.1:PORT`, no trailing slash."""
        return f"http://{self._address[0]}:{self.port}"

    # --- routing ------------------------------------------------------------------------------------------
    def route(self, pattern: str, handler: Handler, *, methods: Iterable[str] = ("GET",)) -> None:
        """Serve paths that fully match `pattern`; its named groups arrive in `request.params`."""
        self._routes.append((frozenset(m.upper() for m in methods), re.compile(pattern), handler))

    def handle(self, request: Request) -> Response:
        """Dispatch to the first matching route. Override for anything routes cannot express."""
        allowed = False
        for methods, pattern, handler in self._routes:
            match = pattern.fullmatch(request.path)
            if match is None:
                continue
            if request.method not in methods and not (request.method == "HEAD" and "GET" in methods):
                allowed = True
                continue
            request.params = {k: v for k, v in match.groupdict().items() if v is not None}
            return handler(request)
        if allowed:
            return Response.json({"error": "method not allowed"}, 405)
        return self.not_found(request)

    def not_found(self, request: Request) -> Response:
        return Response.json({"error": "not found", "path": request.path}, 404)

    # --- faults -------------------------------------------------------------------------------------------
    def add_fault(self, rule: FaultRule) -> FaultRule:
        with self._lock:
            self._faults.append(rule)
        return rule

    def _rule(
        self, pattern: str, kind: FaultKind, times: int | None, methods: Iterable[str] | None, **kw: Any
    ) -> FaultRule:
        ms = frozenset(m.upper() for m in methods) if methods is not None else None
        return self.add_fault(FaultRule(re.compile(pattern), kind, times, methods=ms, **kw))

    def fail(
        self,
        pattern: str,
        status: int = 500,
        *,
        times: int | None = 1,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
        methods: Iterable[str] | None = None,
    ) -> FaultRule:
        """Answer `status` to the next `times` matching requests, then behave normally again."""
        return self._rule(
            pattern, "status", times, methods, status=status, body=body, headers=dict(headers or {})
        )

    def rate_limit(
        self,
        pattern: str,
        *,
        retry_after: float | str = 1,
        times: int | None = 1,
        methods: Iterable[str] | None = None,
    ) -> FaultRule:
        """Answer 429 with a `Retry-After` header (seconds, or an HTTP date string)."""
        value = retry_after if isinstance(retry_after, str) else f"{retry_after:g}"
        return self.fail(pattern, 429, times=times, headers={"Retry-After": value}, methods=methods)

    def hang(
        self,
        pattern: str,
        *,
        times: int | None = 1,
        seconds: float | None = None,
        methods: Iterable[str] | None = None,
    ) -> FaultRule:
        """Never answer (until `seconds` pass or the server stops), then drop the connection."""
        return self._rule(pattern, "hang", times, methods, seconds=seconds)

    def drop(self, pattern: str, *, times: int | None = 1, methods: Iterable[str] | None = None) -> FaultRule:
        """Close the connection without a response (a connection error for the client)."""
        return self._rule(pattern, "drop", times, methods)

    def malformed(
        self,
        pattern: str,
        *,
        times: int | None = 1,
        body: bytes = MALFORMED_JSON,
        methods: Iterable[str] | None = None,
    ) -> FaultRule:
        """Answer 200 with a JSON content type and a body that is not valid JSON."""
        return self._rule(pattern, "malformed", times, methods, status=200, body=body)

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()

    def _take_fault(self, method: str, path: str) -> FaultRule | None:
        with self._lock:
            for rule in self._faults:
                if rule.matches(method, path):
                    rule.hits += 1
                    return rule
        return None

    # --- request log ----------------------------------------------------------------------------------------
    @property
    def requests(self) -> list[RequestRecord]:
        """A snapshot of every request so far, in arrival order."""
        with self._lock:
            return [replace(r) for r in self._log]

    def count(
        self, pattern: str | None = None, *, status: int | None = None, method: str | None = None
    ) -> int:
        """Requests whose path matches `pattern` (regex search), optionally with a given answer status."""
        regex = re.compile(pattern) if pattern is not None else None
        with self._lock:
            return sum(
                1
                for r in self._log
                if (regex is None or regex.search(r.path))
                and (status is None or r.status == status)
                and (method is None or r.method == method.upper())
            )

    def wait_for(self, count: int = 1, pattern: str | None = None, *, timeout: float = 5.0) -> bool:
        """Block until `count` matching requests have arrived; False on timeout. For tests: wait on a
        condition, never sleep and hope."""
        regex = re.compile(pattern) if pattern is not None else None
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                seen = sum(1 for r in self._log if regex is None or regex.search(r.path))
                left = deadline - time.monotonic()
                if seen >= count:
                    return True
                if left <= 0:
                    return False
                self._changed.wait(left)

    def reset_log(self) -> None:
        with self._lock:
            self._log.clear()
            self._peak_in_flight = self._in_flight

    @property
    def in_flight(self) -> int:
        with self._lock:
            return self._in_flight

    @property
    def peak_in_flight(self) -> int:
        """The most requests handled at once since start (or `reset_log`): checks client concurrency limits."""
        with self._lock:
            return self._peak_in_flight

    # --- serving -------------------------------------------------------------------------------------------
    def _track(self, conn: socket.socket, *, add: bool) -> None:
        with self._lock:
            if add:
                self._connections.add(conn)
            else:
                self._connections.discard(conn)

    def _serve(self, h: _Handler) -> None:
        split = urlsplit(h.path)
        length = int(h.headers.get("Content-Length") or 0)
        body = h.rfile.read(length) if length > 0 else b""
        query_lists = parse_qs(split.query, keep_blank_values=True)
        request = Request(
            method=h.command,
            path=unquote(split.path),
            query={k: v[0] for k, v in query_lists.items()},
            query_lists=query_lists,
            headers={k.lower(): v for k, v in h.headers.items()},
            body=body,
        )
        record = RequestRecord(request.method, request.path, split.query, time.monotonic())
        with self._changed:
            self._log.append(record)
            self._in_flight += 1
            self._peak_in_flight = max(self._peak_in_flight, self._in_flight)
            self._changed.notify_all()
        try:
            self._answer(h, request, record)
        finally:
            self._settle(record, record.status, record.fault)

    def _settle(self, record: RequestRecord, status: int | None, fault: FaultKind | None) -> None:
        """Close the request's log entry once (a second call is a no-op)."""
        with self._changed:
            if record.duration is not None:
                return
            record.status, record.fault = status, fault
            self._in_flight -= 1
            record.duration = time.monotonic() - record.arrived
            self._changed.notify_all()

    def _answer(self, h: _Handler, request: Request, record: RequestRecord) -> None:
        if self.latency > 0 and self._closing.wait(self.latency):
            h.close_connection = True
            return
        rule = self._take_fault(request.method, request.path)
        if rule is not None and rule.kind in ("hang", "drop"):
            if rule.kind == "hang":
                self._closing.wait(rule.seconds)
            h.close_connection = True
            record.fault = rule.kind
            return
        if rule is not None:
            default = json.dumps({"error": HTTPStatus(rule.status).phrase}).encode()
            response = Response(
                rule.status, rule.body if rule.body is not None else default, headers=rule.headers
            )
            response.content_type = "application/json; charset=utf-8"
        else:
            try:
                response = self.handle(request)
            except Exception as error:
                log.exception(
                    "%s: handler failed for %s %s", type(self).__name__, request.method, request.path
                )
                response = Response.json({"error": "internal server error", "detail": repr(error)}, 500)
        fault = rule.kind if rule is not None else None
        # Logged before the answer leaves: a client that has read it must find it in the log.
        self._settle(record, response.status, fault)
        if not self._write(h, response, head=request.method == "HEAD"):
            with self._changed:
                record.status = None  # the client never got it
                self._changed.notify_all()

    def _write(self, h: _Handler, response: Response, *, head: bool) -> bool:
        try:
            h.send_response(response.status)
            h.send_header("Content-Type", response.content_type)
            for name, value in response.headers.items():
                h.send_header(name, value)
            if response.close:
                h.send_header("Connection", "close")
                h.close_connection = True
            if isinstance(response.body, bytes | bytearray):
                h.send_header("Content-Length", str(len(response.body)))
                h.end_headers()
                if not head:
                    h.wfile.write(response.body)
            else:
                h.send_header("Transfer-Encoding", "chunked")
                h.end_headers()
                for chunk in response.body:
                    if self._closing.is_set():
                        h.close_connection = True
                        return True
                    if chunk:
                        h.wfile.write(b"%X\r\n%s\r\n" % (len(chunk), chunk))
                        h.wfile.flush()
                h.wfile.write(b"0\r\n\r\n")
            h.wfile.flush()
            return True
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            h.close_connection = True
            return False
