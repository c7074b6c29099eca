"""A lean loopback OpenAI-compatible LLM server for throughput benchmarks: one event loop, real protocol.

The same protocol as `FakeLLMServer` (`chat_protocol`: `GET /v1/models`, `POST /v1/chat/completions` with
`response_format`, answers conformed to the schema), with a latency per answer and a cap on answers in progress
(requests beyond it queue, like a full vLLM batch), but none of its fault injection. Why a second server: the
threaded one spends ~0.5 ms of CPU per request in Python's `http.server` (a thread per connection, headers
parsed by the email package) and its hundreds of threads contend for one GIL; a benchmark of a client at
256 requests in flight then measures the stand-in as much as the client. This one serves from one asyncio loop
with aiohttp's C HTTP parser, as vLLM's uvicorn server does, at ~0.3 ms per request. Run it in its own process
(`python -m job_assets_sandbox.llm_server_async --latency 1 --concurrency 256`); `GET /stats` gives its
counters and its own CPU time, so a benchmark can tell the server's cost from the client's.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import time
from dataclasses import asdict, dataclass
from typing import Any

from aiohttp import web

from job_assets_sandbox.chat_protocol import (
    Answer,
    ChatError,
    answer_content,
    check_request,
    completion,
    models,
    parse_request,
    rules_answer,
    tokens,
)

# vLLM's uvicorn listens with a backlog of 2048: a client opening hundreds of connections at once loses none
BACKLOG = 2048


@dataclass
class AsyncServerStats:
    calls: int = 0  # chat requests received
    completions: int = 0  # answered 200
    prompt_tokens: int = 0
    completion_tokens: int = 0
    active: int = 0  # answers being produced now (inside the concurrency cap)
    max_active: int = 0
    in_flight: int = 0  # chat requests received and not yet answered (queued beyond the cap included)
    peak_in_flight: int = 0
    connections: int = 0  # TCP connections that sent a chat request: with keep-alive, about the concurrency


def _json(data: Any, status: int = 200) -> web.Response:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    return web.Response(body=body, status=status, content_type="application/json")


class AsyncLLMServer:
    """`await AsyncLLMServer(latency_s=1.0, concurrency=256).start()`, then `base_url`; `await stop()`."""

    def __init__(
        self,
        *,
        model: str = "fake-llm",
        latency_s: float = 0.0,
        concurrency: int | None = None,
        answer: Answer = rules_answer,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        self.model, self.latency_s, self.concurrency, self.answer = model, latency_s, concurrency, answer
        self.host, self.port = host, port
        self.stats = AsyncServerStats()
        self._slots: asyncio.Semaphore | None = None
        self._peers: set[Any] = set()
        self._runner: web.AppRunner | None = None

    @property
    def base_url(self) -> str:
        """What an OpenAI client takes as `base_url`."""
        return f"http://{self.host}:{self.port}/v1"

    async def start(self) -> AsyncLLMServer:
        self._slots = asyncio.Semaphore(self.concurrency) if self.concurrency else None
        app = web.Application()
        app.router.add_get("/v1/models", lambda _: _json(models(self.model)))
        app.router.add_get("/health", lambda _: _json({"status": "ok"}))
        app.router.add_get("/v1/health", lambda _: _json({"status": "ok"}))
        app.router.add_get("/stats", self._stats)  # not OpenAI: the counters, for a client in another process
        app.router.add_post("/v1/chat/completions", self._chat)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port, backlog=BACKLOG)
        await site.start()
        self.port = self._runner.addresses[0][1]
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _stats(self, _: web.Request) -> web.Response:
        return _json(asdict(self.stats) | {"chat_requests": self.stats.calls, "cpu_s": time.process_time()})

    async def _chat(self, request: web.Request) -> web.Response:
        stats = self.stats
        stats.calls += 1
        peer = request.transport.get_extra_info("peername") if request.transport else None
        if peer not in self._peers:
            self._peers.add(peer)
            stats.connections = len(self._peers)
        stats.in_flight += 1
        stats.peak_in_flight = max(stats.peak_in_flight, stats.in_flight)
        try:
            try:
                chat = check_request(parse_request(await request.read()))
            except ChatError as error:
                return _json(error.body, error.status)
            if self._slots is not None:
                await self._slots.acquire()  # beyond the cap, requests queue here like in a full vLLM batch
            try:
                stats.active += 1
                stats.max_active = max(stats.max_active, stats.active)
                if self.latency_s:
                    await asyncio.sleep(self.latency_s)
            finally:
                stats.active -= 1
                if self._slots is not None:
                    self._slots.release()
            content, finish = answer_content(chat, self.answer(chat.user))
            stats.completions += 1
            stats.prompt_tokens += chat.prompt_tokens
            stats.completion_tokens += tokens(content)
            return _json(completion(chat, content, finish, stats.completions))
        finally:
            stats.in_flight -= 1


async def serve(server: AsyncLLMServer) -> None:
    """Start `server`, print the line launchers read (its 5th word is the base URL), serve until cancelled."""
    await server.start()
    print(f"fake LLM server at {server.base_url} (model {server.model})", flush=True)
    try:
        await asyncio.Event().wait()
    finally:
        await server.stop()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8001, help="0: any free port (the URL is printed)")
    parser.add_argument("--model", default="fake-llm")
    parser.add_argument("--latency", type=float, default=0.0, help="seconds per answer")
    parser.add_argument("--concurrency", type=int, default=None, help="answers in progress at once")
    args = parser.parse_args(argv)
    server = AsyncLLMServer(
        model=args.model, latency_s=args.latency, concurrency=args.concurrency, host=args.host, port=args.port
    )
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(server))


if __name__ == "__main__":
    main()
