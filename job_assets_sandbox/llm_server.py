"""A loopback OpenAI-compatible LLM server for tests and demos: no model, real protocol, faults on demand.

`GET /v1/models` and `POST /v1/chat/completions` with `response_format` (the OpenAI `json_schema` form and
llama.cpp's `json_object` + `schema` form). Answers are derived deterministically from the posting in the
prompt (by the rules extractor, by default) and then conformed to the requested schema, so every answer
validates, like a server with constrained decoding. Faults are injected on demand: latency, a concurrency cap
(requests beyond it wait, like a vLLM batch), HTTP errors with Retry-After, invalid JSON, answers that break the
schema, truncation (finish_reason "length"), dropped connections. Counts calls and tokens. The protocol itself is
`chat_protocol`; throughput benchmarks use `llm_server_async` (one event loop, no thread per connection).

    python -m job_assets_sandbox.llm_server --port 8001 --latency 0.2 --concurrency 32
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import threading
from collections import deque
from dataclasses import dataclass
from typing import Any

from job_assets_sandbox.chat_protocol import (
    CHAT_FORMATS,
    Answer,
    ChatError,
    ChatRequest,
    answer_content,
    check_request,
    completion,
    conform,
    error_body,
    models,
    parse_request,
    rules_answer,
    tokens,
)
from job_assets_sandbox.loopback import LoopbackServer, Request, Response

__all__ = ["ContentFault", "FakeLLMServer", "ServerStats", "conform", "rules_answer"]


@dataclass
class ServerStats:
    calls: int = 0  # POST /v1/chat/completions that reached the handler (HTTP faults are in the request log)
    completions: int = 0  # answered 200
    prompt_tokens: int = 0
    completion_tokens: int = 0
    active: int = 0  # answers being produced now (inside the concurrency cap)
    max_active: int = 0


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
        formats: tuple[str, ...] = CHAT_FORMATS,
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
        body = json.dumps(error_body(f"injected HTTP {status}")).encode()
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

    def _content_fault(self, user_message: str) -> ContentFault | None:
        with self._stats_lock:
            for marker, fault in self._sticky:
                if marker in user_message:
                    return fault
            return self._content_faults.popleft() if self._content_faults else None

    # routes
    def _models(self, _: Request) -> Response:
        return Response.json(models(self.model))

    def _stats(self, _: Request) -> Response:
        with self._stats_lock:
            counters = dataclasses.asdict(self.stats)
        return Response.json(
            counters | {"chat_requests": self.chat_requests(), "peak_in_flight": self.peak_in_flight}
        )

    def _chat(self, request: Request) -> Response:
        with self._stats_lock:
            self.stats.calls += 1
        try:
            body = parse_request(request.body)
            with self._stats_lock:
                self.bodies.append(body)
            chat = check_request(body, self.formats)
        except ChatError as error:
            return Response.json(error.body, error.status)
        return Response.json(self._completion(chat, self._content_fault(chat.user)))

    def _completion(self, chat: ChatRequest, fault: ContentFault | None) -> dict[str, Any]:
        if self._slots:
            self._slots.acquire()  # beyond the cap, requests queue here like in a full vLLM batch
        try:
            with self._stats_lock:
                self.stats.active += 1
                self.stats.max_active = max(self.stats.max_active, self.stats.active)
            if self.latency_s:
                self._stopping.wait(self.latency_s)
            value = self.answer(chat.user)
        finally:
            with self._stats_lock:
                self.stats.active -= 1
            if self._slots:
                self._slots.release()
        content, finish = answer_content(chat, value, fault.kind if fault else None)
        with self._stats_lock:
            self.stats.completions += 1
            self.stats.prompt_tokens += chat.prompt_tokens
            self.stats.completion_tokens += tokens(content)
            number = self.stats.completions
        return completion(chat, content, finish, number)


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
