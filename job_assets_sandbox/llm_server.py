"""A loopback OpenAI-compatible LLM server for tests, demos and benchmarks: no model, real protocol.

`GET /v1/models` and `POST /v1/chat/completions` with `response_format` (the OpenAI `json_schema` form and
llama.cpp's `json_object` + `schema` form). Answers are derived deterministically from the posting in the
prompt (by the rules extractor, by default) and then conformed to the requested schema, so every answer
validates, like a server with constrained decoding. Faults are injected on demand: latency, a concurrency cap
(requests beyond it wait, like a vLLM batch), HTTP errors with Retry-After, invalid JSON, answers that break the
schema, truncation (finish_reason "length"), dropped connections. Counts calls and tokens.

    python -m job_assets_sandbox.llm_server --port 8001 --latency 0.2 --concurrency 32
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import socket
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from job_assets.enrichment.prompt import parse_posting_text
from job_assets.enrichment.rules import extract_rules
from job_assets_sandbox.loopback import LoopbackServer, Request, Response

CHARS_PER_TOKEN = 4.0
Answer = Callable[[str], Any]  # the last user message -> a JSON-able value (conformed to the schema after)


def rules_answer(user_message: str) -> dict[str, Any]:
    """The default answer: what the rules read from the posting in the prompt."""
    title, locations, description = parse_posting_text(user_message)
    return extract_rules(title, description, locations).model_dump(mode="json")


def conform(schema: dict[str, Any] | None, value: Any) -> Any:
    """`value` reshaped to validate against `schema` (the subset constrained decoders honour)."""
    if not schema:
        return value
    if "anyOf" in schema:
        branches = schema["anyOf"]
        for branch in branches:
            if _fits(branch, value):
                return conform(branch, value)
        nullable = any(_fits(branch, None) for branch in branches)
        return None if nullable else conform(branches[0], value)
    if "enum" in schema:
        options = schema["enum"]
        return value if value in options else (None if None in options else options[0])
    kinds = schema.get("type") or []
    kinds = [kinds] if isinstance(kinds, str) else list(kinds)
    if value is None and "null" in kinds:
        return None
    if "object" in kinds:
        source = value if isinstance(value, dict) else {}
        return {key: conform(sub, source.get(key)) for key, sub in schema.get("properties", {}).items()}
    if "array" in kinds:
        items = [conform(schema.get("items"), item) for item in (value if isinstance(value, list) else [])]
        return items[: schema.get("maxItems", len(items))]
    if "string" in kinds:
        if not isinstance(value, str):
            return None if "null" in kinds else ""
        return value[: schema.get("maxLength", len(value))]
    if "integer" in kinds or "number" in kinds:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return None if "null" in kinds else schema.get("minimum", 0)
        number = min(max(value, schema.get("minimum", value)), schema.get("maximum", value))
        return int(number) if "integer" in kinds else number
    if "boolean" in kinds:
        return value if isinstance(value, bool) else (None if "null" in kinds else False)
    return None if "null" in kinds else value


def _fits(schema: dict[str, Any], value: Any) -> bool:
    """Roughly: would `value` already validate (enough to choose an anyOf branch)?"""
    if "enum" in schema:
        return value in schema["enum"]
    kinds = schema.get("type") or []
    kinds = [kinds] if isinstance(kinds, str) else list(kinds)
    checks = {
        "null": value is None,
        "string": isinstance(value, str),
        "boolean": isinstance(value, bool),
        "integer": isinstance(value, int) and not isinstance(value, bool),
        "number": isinstance(value, int | float) and not isinstance(value, bool),
        "array": isinstance(value, list),
        "object": isinstance(value, dict),
    }
    return any(checks.get(kind, False) for kind in kinds)


def tokens(text: str) -> int:
    return max(1, math.ceil(len(text) / CHARS_PER_TOKEN))


@dataclass
class ServerStats:
    calls: int = 0  # POST /v1/chat/completions that reached the handler (HTTP faults are in the request log)
    completions: int = 0  # answered 200
    prompt_tokens: int = 0
    completion_tokens: int = 0
    active: int = 0  # answers being produced now (inside the concurrency cap)
    max_active: int = 0
    connections: int = 0  # TCP connections accepted: with keep-alive, about the client's concurrency


@dataclass(frozen=True)
class ContentFault:
    kind: str  # invalid_json | invalid_schema | truncate


class FakeLLMServer(LoopbackServer):
    """`with FakeLLMServer(latency_s=0.05, concurrency=8) as llm: AsyncOpenAI(base_url=llm.base_url, ...)`.

    HTTP-level faults come from `LoopbackServer` (`fail`, `rate_limit`, `hang`, `drop` on CHAT_PATH, or the
    shortcuts below); answer-level faults (invalid JSON, schema violations, truncation) are added here.
    """

    CHAT_PATH = r"/v1/chat/completions"

    def __init__(
        self,
        *,
        model: str = "fake-llm",
        latency_s: float = 0.0,
        concurrency: int | None = None,
        answer: Answer = rules_answer,
        formats: tuple[str, ...] = ("json_schema", "json_object"),
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        super().__init__(port=port, host=host)  # no base latency: ours is spent inside a concurrency slot
        self.model, self.latency_s, self.answer, self.formats = model, latency_s, answer, formats
        self.stats = ServerStats()
        self.bodies: deque[dict[str, Any]] = deque(maxlen=10_000)  # chat request bodies, newest last
        self._slots = threading.BoundedSemaphore(concurrency) if concurrency else None
        self._content_faults: deque[ContentFault] = deque()
        self._sticky: list[tuple[str, ContentFault]] = []
        self._stats_lock = threading.Lock()
        self._stopping = threading.Event()
        self.route(r"/v1/models", self._models)
        self.route(r"/(?:v1/)?health", lambda _: Response.json({"status": "ok"}))
        self.route(self.CHAT_PATH, self._chat, methods=("POST",))
        self.route(r"/stats", self._stats)  # not OpenAI: the counters, for a client in another process

    @property
    def base_url(self) -> str:
        """What an OpenAI client takes as `base_url`."""
        return f"{self.url}/v1"

    def stop(self, timeout: float = 5.0) -> None:
        self._stopping.set()  # wakes answers sleeping out their latency
        super().stop(timeout)

    # faults on the next requests (HTTP level: LoopbackServer's rules, on the chat path)
    def fail_next(self, count: int, status: int = 503, retry_after: float | None = None) -> None:
        headers = {"Retry-After": f"{retry_after:g}"} if retry_after is not None else None
        body = json.dumps(_error_body(f"injected HTTP {status}")).encode()
        self.fail(self.CHAT_PATH, status, times=count, headers=headers, body=body)

    def hang_next(self, count: int, seconds: float | None = None) -> None:
        """No answer (until `seconds` or stop): the client's timeout fires."""
        self.hang(self.CHAT_PATH, times=count, seconds=seconds)

    def drop_next(self, count: int) -> None:
        """Close the connection without answering (a crashed or restarted server)."""
        self.drop(self.CHAT_PATH, times=count)

    # faults in the answers
    def invalid_next(self, count: int, kind: str = "json") -> None:
        """kind `json`: not JSON at all; `schema`: JSON that breaks the schema (an enum outside it, extra keys)."""
        with self._stats_lock:
            self._content_faults.extend([ContentFault(f"invalid_{kind}")] * count)

    def truncate_next(self, count: int) -> None:
        with self._stats_lock:
            self._content_faults.extend([ContentFault("truncate")] * count)

    def invalid_when(self, marker: str, kind: str = "json") -> None:
        """Every request whose posting contains `marker` gets an invalid answer (a posting that never works)."""
        with self._stats_lock:
            self._sticky.append((marker, ContentFault(f"invalid_{kind}")))

    def clear_faults(self) -> None:
        super().clear_faults()
        with self._stats_lock:
            self._content_faults.clear()
            self._sticky.clear()

    def chat_requests(self, status: int | None = None) -> int:
        """Chat requests received, HTTP faults included (optionally only those answered `status`)."""
        return self.count(self.CHAT_PATH, status=status)

    def reset_stats(self) -> None:
        with self._stats_lock:
            self.stats = ServerStats()
            self.bodies.clear()
        self.reset_log()

    def _track(self, conn: socket.socket, *, add: bool) -> None:
        super()._track(conn, add=add)
        if add:
            with self._stats_lock:
                self.stats.connections += 1

    def _content_fault(self, user_message: str) -> ContentFault | None:
        with self._stats_lock:
            for marker, fault in self._sticky:
                if marker in user_message:
                    return fault
            return self._content_faults.popleft() if self._content_faults else None

    # routes
    def _models(self, _: Request) -> Response:
        data = [{"id": self.model, "object": "model", "created": 0, "owned_by": "job_assets"}]
        return Response.json({"object": "list", "data": data})

    def _stats(self, _: Request) -> Response:
        with self._stats_lock:
            counters = dataclasses.asdict(self.stats)
        process = {"cpu_s": time.process_time()}  # this process's CPU: a benchmark tells server from client
        return Response.json(
            counters
            | process
            | {"chat_requests": self.chat_requests(), "peak_in_flight": self.peak_in_flight}
        )

    def _chat(self, request: Request) -> Response:
        with self._stats_lock:
            self.stats.calls += 1
        try:
            body = request.json()
            messages = body["messages"]
            if not isinstance(body.get("model"), str) or not isinstance(messages, list) or not messages:
                raise ValueError("model (string) and messages (non-empty list) are required")
        except (ValueError, KeyError, TypeError) as error:
            return Response.json(_error_body(f"invalid request: {error}", "invalid_request_error"), 400)
        with self._stats_lock:
            self.bodies.append(body)
        schema, rejection = self._schema(body.get("response_format"))
        if rejection is not None:
            return rejection
        user = next((str(m.get("content") or "") for m in reversed(messages) if m.get("role") == "user"), "")
        return Response.json(self._completion(body, messages, user, schema, self._content_fault(user)))

    def _schema(self, response_format: Any) -> tuple[dict[str, Any] | None, Response | None]:
        if not response_format:
            return None, None
        kind = response_format.get("type") if isinstance(response_format, dict) else None
        if kind not in self.formats and kind != "text":
            # llama.cpp's server answers the OpenAI json_schema form with HTTP 500 and this message
            allowed = " or ".join(repr(f) for f in ("text", *self.formats))
            return None, Response.json(_error_body(f"response_format.type: Input should be {allowed}"), 500)
        if kind == "json_schema":
            schema = (response_format.get("json_schema") or {}).get("schema")
            if not isinstance(schema, dict):
                message = "response_format.json_schema.schema is required"
                return None, Response.json(_error_body(message, "invalid_request_error"), 400)
            return schema, None
        return response_format.get("schema"), None

    def _completion(
        self,
        body: dict[str, Any],
        messages: list[dict[str, Any]],
        user: str,
        schema: dict[str, Any] | None,
        fault: ContentFault | None,
    ) -> dict[str, Any]:
        prompt_tokens = sum(tokens(str(m.get("content") or "")) + 4 for m in messages)
        if self._slots:
            self._slots.acquire()  # beyond the cap, requests queue here like in a full vLLM batch
        try:
            with self._stats_lock:
                self.stats.active += 1
                self.stats.max_active = max(self.stats.max_active, self.stats.active)
            if self.latency_s:
                self._stopping.wait(self.latency_s)
            content = json.dumps(conform(schema, self.answer(user)), ensure_ascii=False)
        finally:
            with self._stats_lock:
                self.stats.active -= 1
            if self._slots:
                self._slots.release()
        finish = "stop"
        if fault and fault.kind == "invalid_json":
            content = content[: len(content) // 2] + ' "oops'
        elif fault and fault.kind == "invalid_schema":
            content = json.dumps({"remote": "on the moon", "unexpected_key": True})
        max_tokens = body.get("max_tokens") or body.get("max_completion_tokens")
        if fault and fault.kind == "truncate":
            content, finish = content[: len(content) // 2], "length"
        elif isinstance(max_tokens, int) and tokens(content) > max_tokens:
            content, finish = content[: int(max_tokens * CHARS_PER_TOKEN)], "length"
        completion_tokens = tokens(content)
        with self._stats_lock:
            self.stats.completions += 1
            self.stats.prompt_tokens += prompt_tokens
            self.stats.completion_tokens += completion_tokens
            number = self.stats.completions
        return {
            "id": f"chatcmpl-fake-{number}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": body.get("model"),
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content},
                    "logprobs": None,
                    "finish_reason": finish,
                }
            ],
            "usage": {
                "prompt_tokens": prompt_tokens,
                "completion_tokens": completion_tokens,
                "total_tokens": prompt_tokens + completion_tokens,
            },
        }


def _error_body(message: str, kind: str = "server_error") -> dict[str, Any]:
    """OpenAI's error shape (the openai client reads `error.message`)."""
    return {"error": {"message": message, "type": kind, "param": None, "code": None}}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8001, help="0: any free port (the URL is printed)")
    parser.add_argument("--model", default="fake-llm")
    parser.add_argument("--latency", type=float, default=0.0, help="seconds per answer")
    parser.add_argument("--concurrency", type=int, default=None, help="answers in progress at once")
    args = parser.parse_args(argv)
    server = FakeLLMServer(
        model=args.model, latency_s=args.latency, concurrency=args.concurrency, host=args.host, port=args.port
    )
    server.start()
    print(f"fake LLM server at {server.base_url} (model {args.model})", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.stop()


if __name__ == "__main__":
    main()
