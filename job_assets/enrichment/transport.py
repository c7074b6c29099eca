"""The lean HTTP path to an OpenAI-compatible chat endpoint: pre-serialised bodies over a pooled aiohttp session.

Why not the `openai` SDK in the hot loop: per request it re-validates and re-transforms the whole request,
response-format schema included, and its httpx pool assigns each request to a connection by scanning the pool;
together about half of a client's 7-8 ms of CPU per request, which capped one core near 130 requests/s, below
what one vLLM GPU serves. Here the fixed part of a body (model, temperature, response format, every message
before the posting) is serialised once per (format, prefix) and each request only encodes its posting's text;
aiohttp's connector hands out keep-alive connections from a deque and parses HTTP in C. The wire format is the
OpenAI chat-completions protocol unchanged, so any server the SDK talks to (vLLM, llama.cpp, OpenAI) works.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import aiohttp

_RETRYABLE_STATUS = frozenset({408, 409, 425, 429})


class TransportError(Exception):
    """One request that got no usable HTTP answer: the reason, and whether trying again may help."""

    def __init__(
        self, reason: str, retryable: bool, retry_after_s: float | None = None, status: int = 0
    ) -> None:
        super().__init__(reason)
        self.reason, self.retryable, self.retry_after_s, self.status = (
            reason,
            retryable,
            retry_after_s,
            status,
        )


@dataclass(frozen=True)
class ChatAnswer:
    """The parts of a chat completion the extractor reads (`content` None when the answer has no choices)."""

    content: str | None
    finish_reason: str | None
    prompt_tokens: int
    completion_tokens: int


def response_format(kind: str, name: str, schema: dict[str, Any]) -> dict[str, Any]:
    """`json_schema`: the OpenAI form (vLLM); `json_object`: llama.cpp's `{"type": "json_object", "schema": ...}`."""
    if kind == "json_object":
        return {"type": "json_object", "schema": schema}
    return {"type": "json_schema", "json_schema": {"name": name, "schema": schema, "strict": True}}


def _retry_after(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def _error_message(status: int, raw: bytes) -> str:
    """The server's own words: OpenAI's `{"error": {"message": ...}}`, else the start of the body."""
    try:
        data = json.loads(raw)
        error = data.get("error") if isinstance(data, dict) else None
        message = error.get("message") if isinstance(error, dict) else (error or data.get("message"))
        text = str(message) if message else raw.decode("utf-8", "replace")
    except (ValueError, AttributeError):
        text = raw.decode("utf-8", "replace") or f"no body (HTTP {status})"
    return " ".join(text.split())[:300]


def read_answer(raw: bytes) -> ChatAnswer:
    """A 200 body -> ChatAnswer; a body that is not a chat completion raises ValueError."""
    data = json.loads(raw)
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    usage = data.get("usage") or {}
    choices = data.get("choices") or []
    if not choices:
        return ChatAnswer(None, None, usage.get("prompt_tokens") or 0, usage.get("completion_tokens") or 0)
    choice = choices[0]
    message = choice.get("message") or {}
    return ChatAnswer(
        message.get("content") or "",
        choice.get("finish_reason"),
        usage.get("prompt_tokens") or 0,
        usage.get("completion_tokens") or 0,
    )


class ChatTransport:
    """One endpoint: `async with ChatTransport(url, ...) as chat: answer = await chat.post(messages, 512, fmt)`.

    The connection pool holds `connections` keep-alive connections (size it to the requests in flight); the
    caller bounds how many requests it sends at once.
    """

    def __init__(
        self,
        base_url: str,
        *,
        model: str,
        api_key: str,
        timeout_s: float,
        connections: int,
        schema_name: str,
        schema: dict[str, Any],
    ) -> None:
        self.url = base_url.rstrip("/") + "/chat/completions"
        self.model, self.timeout_s, self.connections = model, timeout_s, connections
        self.schema_name, self.schema = schema_name, schema
        self._headers = {"Authorization": f"Bearer {api_key}", "Content-Type": "application/json"}
        self._heads: dict[tuple[str, tuple[tuple[str, str], ...]], bytes] = {}
        self._session: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> ChatTransport:
        connector = aiohttp.TCPConnector(limit=self.connections, limit_per_host=0, keepalive_timeout=60)
        self._session = aiohttp.ClientSession(
            connector=connector,
            headers=self._headers,
            timeout=aiohttp.ClientTimeout(total=self.timeout_s),
            skip_auto_headers=("User-Agent",),
        )
        return self

    async def __aexit__(self, *_: object) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    def body(self, messages: list[dict[str, str]], max_tokens: int, form: str) -> bytes:
        """The request body: a cached head for everything before the last message's text, then that text."""
        prefix = tuple((m["role"], m["content"]) for m in messages[:-1])
        key = (form, prefix)
        head = self._heads.get(key)
        if head is None:
            fixed = {
                "model": self.model,
                "temperature": 0,
                "response_format": response_format(form, self.schema_name, self.schema),
            }
            opening = json.dumps(fixed, ensure_ascii=False, separators=(",", ":"))[:-1]
            earlier = "".join(
                json.dumps({"role": role, "content": content}, ensure_ascii=False, separators=(",", ":"))
                + ","
                for role, content in prefix
            )
            last_role = json.dumps(messages[-1]["role"])
            head = f'{opening},"messages":[{earlier}{{"role":{last_role},"content":'.encode()
            self._heads[key] = head
        text = json.dumps(messages[-1]["content"], ensure_ascii=False).encode()
        return b'%s%s}],"max_tokens":%d}' % (head, text, max_tokens)

    async def post(self, messages: list[dict[str, str]], max_tokens: int, form: str) -> ChatAnswer:
        """One chat completion; raises TransportError for anything but a readable 200."""
        if self._session is None:
            raise RuntimeError("use ChatTransport inside `async with`")
        data = self.body(messages, max_tokens, form)
        try:
            async with self._session.post(self.url, data=data) as response:
                raw = await response.read()
                status = response.status
                retry_after = response.headers.get("Retry-After")
        except TimeoutError:
            raise TransportError(f"timeout after {self.timeout_s:g}s", True) from None
        except aiohttp.ClientError as error:
            raise TransportError(f"connection error: {type(error).__name__}: {error}"[:300], True) from None
        if status >= 400:
            retryable = status in _RETRYABLE_STATUS or status >= 500
            message = f"HTTP {status}: {_error_message(status, raw)}"
            raise TransportError(message, retryable, _retry_after(retry_after), status)
        try:
            return read_answer(raw)
        except (ValueError, AttributeError, TypeError) as error:
            raise TransportError(f"HTTP {status} but not a chat completion: {error}"[:300], False) from None
