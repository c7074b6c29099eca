"""The OpenAI chat-completions protocol as the loopback LLM stand-ins speak it, with no transport attached.

Two servers share it: `llm_server.FakeLLMServer` (a thread per connection, fault injection, for tests) and
`llm_server_async.AsyncLLMServer` (one event loop, for throughput benchmarks). Requests are checked the way
vLLM checks them (a model string and a non-empty message list; `response_format` in the OpenAI `json_schema`
form or llama.cpp's `json_object` + `schema` form); answers are conformed to the requested schema, as a
server with constrained decoding would produce, and cut at `max_tokens` with `finish_reason` "length".
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from job_assets.enrichment.prompt import parse_posting_text
from job_assets.enrichment.rules import extract_rules

CHARS_PER_TOKEN = 4.0
CHAT_FORMATS = ("json_schema", "json_object")
Answer = Callable[[str], Any]  # the last user message -> a JSON-able value (conformed to the schema after)


class ChatError(Exception):
    """A request the server refuses: the HTTP status and OpenAI's error body."""

    def __init__(self, status: int, message: str, kind: str = "server_error") -> None:
        super().__init__(message)
        self.status, self.body = status, error_body(message, kind)


@dataclass(frozen=True)
class ChatRequest:
    """A checked `POST /v1/chat/completions` body."""

    body: dict[str, Any]
    user: str  # the last user message: what the answer is derived from
    schema: dict[str, Any] | None  # the schema the answer must validate against, if any
    prompt_tokens: int

    @property
    def max_tokens(self) -> int | None:
        value = self.body.get("max_tokens") or self.body.get("max_completion_tokens")
        return value if isinstance(value, int) else None


def error_body(message: str, kind: str = "server_error") -> dict[str, Any]:
    """OpenAI's error shape (the openai client reads `error.message`)."""
    return {"error": {"message": message, "type": kind, "param": None, "code": None}}


def parse_request(raw: bytes) -> dict[str, Any]:
    """The JSON body, with a model string and a non-empty message list; ChatError 400 otherwise."""
    try:
        body = json.loads(raw or b"null")
        messages = body["messages"]
        if not isinstance(body.get("model"), str) or not isinstance(messages, list) or not messages:
            raise ValueError("model (string) and messages (non-empty list) are required")
    except (ValueError, KeyError, TypeError) as error:
        raise ChatError(400, f"invalid request: {error}", "invalid_request_error") from None
    return body


def check_request(body: dict[str, Any], formats: tuple[str, ...] = CHAT_FORMATS) -> ChatRequest:
    """A parsed body's schema and user message; ChatError for a response_format this server does not take."""
    messages = body["messages"]
    user = next((str(m.get("content") or "") for m in reversed(messages) if m.get("role") == "user"), "")
    prompt_tokens = sum(tokens(str(m.get("content") or "")) + 4 for m in messages)
    return ChatRequest(body, user, _schema(body.get("response_format"), formats), prompt_tokens)


def _schema(response_format: Any, formats: tuple[str, ...]) -> dict[str, Any] | None:
    if not response_format:
        return None
    kind = response_format.get("type") if isinstance(response_format, dict) else None
    if kind not in formats and kind != "text":
        # llama.cpp's server answers the OpenAI json_schema form with HTTP 500 and this message
        allowed = " or ".join(repr(f) for f in ("text", *formats))
        raise ChatError(500, f"response_format.type: Input should be {allowed}")
    if kind == "json_schema":
        schema = (response_format.get("json_schema") or {}).get("schema")
        if not isinstance(schema, dict):
            raise ChatError(400, "response_format.json_schema.schema is required", "invalid_request_error")
        return schema
    schema = response_format.get("schema")
    return schema if isinstance(schema, dict) else None


def answer_content(request: ChatRequest, value: Any, fault: str | None = None) -> tuple[str, str]:
    """(content, finish_reason) for an answer `value`: conformed to the schema, then the fault (`invalid_json`,
    `invalid_schema`, `truncate`) if any, then cut at max_tokens."""
    content = json.dumps(conform(request.schema, value), ensure_ascii=False)
    if fault == "invalid_json":
        content = content[: len(content) // 2] + ' "oops'
    elif fault == "invalid_schema":
        content = json.dumps({"remote": "on the moon", "unexpected_key": True})
    max_tokens = request.max_tokens
    if fault == "truncate":
        return content[: len(content) // 2], "length"
    if max_tokens is not None and tokens(content) > max_tokens:
        return content[: int(max_tokens * CHARS_PER_TOKEN)], "length"
    return content, "stop"


def completion(request: ChatRequest, content: str, finish: str, number: int) -> dict[str, Any]:
    """The `chat.completion` object vLLM returns (non-streaming)."""
    completion_tokens = tokens(content)
    return {
        "id": f"chatcmpl-fake-{number}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": request.body.get("model"),
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "logprobs": None,
                "finish_reason": finish,
            }
        ],
        "usage": {
            "prompt_tokens": request.prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": request.prompt_tokens + completion_tokens,
        },
    }


def models(model: str) -> dict[str, Any]:
    """`GET /v1/models`."""
    return {
        "object": "list",
        "data": [{"id": model, "object": "model", "created": 0, "owned_by": "job_assets"}],
    }


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
