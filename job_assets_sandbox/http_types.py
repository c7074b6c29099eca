"""The records `LoopbackServer` trades in: requests, responses, fault rules and the request log."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

FaultKind = Literal["status", "hang", "malformed", "drop"]
MALFORMED_JSON = b'{"jobs": [{"id": 4012345006, "title": "Senior Backend Engin'


@dataclass
class Request:
    method: str
    path: str  # percent-decoded, without the query
    query: dict[str, str]  # the first value of each parameter
    query_lists: dict[str, list[str]]
    headers: dict[str, str]  # lower-case names
    body: bytes
    params: dict[str, str] = field(default_factory=dict)  # named groups of the matched route

    def json(self) -> Any:
        return json.loads(self.body or b"null")


@dataclass
class Response:
    status: int = 200
    body: bytes | Iterable[bytes] = b""  # an iterable is streamed with chunked transfer encoding
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)
    close: bool = False  # close the connection after this response

    @classmethod
    def json(cls, data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
        body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
        return cls(status, body, "application/json; charset=utf-8", dict(headers or {}))

    @classmethod
    def raw_json(cls, body: bytes, status: int = 200) -> Response:
        """Already-serialised JSON (cached payloads, or deliberately broken ones)."""
        return cls(status, body, "application/json; charset=utf-8")

    @classmethod
    def text(cls, text: str, status: int = 200, content_type: str = "text/plain; charset=utf-8") -> Response:
        return cls(status, text.encode(), content_type)

    @classmethod
    def html(cls, text: str, status: int = 200) -> Response:
        return cls(status, text.encode(), "text/html; charset=utf-8")

    @classmethod
    def stream(cls, chunks: Iterable[bytes], content_type: str = "text/event-stream") -> Response:
        return cls(200, chunks, content_type)


Handler = Callable[[Request], Response]


@dataclass
class FaultRule:
    """Answer requests whose path matches `pattern` with a fault, `times` times (None: every time)."""

    pattern: re.Pattern[str]
    kind: FaultKind
    times: int | None = 1
    status: int = 500
    body: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)
    seconds: float | None = None  # hang: how long before the connection is dropped (None: until stop)
    methods: frozenset[str] | None = None
    hits: int = 0

    def matches(self, method: str, path: str) -> bool:
        if self.times is not None and self.hits >= self.times:
            return False
        return (self.methods is None or method in self.methods) and self.pattern.search(path) is not None


@dataclass
class RequestRecord:
    method: str
    path: str
    query: str
    arrived: float  # time.monotonic()
    status: int | None = None  # None: no response was sent (hang, drop, client gone)
    fault: FaultKind | None = None
    duration: float | None = None
