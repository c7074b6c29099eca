"""The LLM backend: schema-constrained extraction against any OpenAI-compatible server (vLLM, llama.cpp ...).

One shared `AsyncOpenAI` client per endpoint with its own retries off (ours know which errors are worth
retrying), a semaphore that keeps many requests in flight so a vLLM batch stays full, and two kinds of retry:
transport (429/5xx/connection/timeout, jittered exponential backoff, never 400/422) and content (one retry with
more max_tokens when the answer is truncated or fails validation). Whatever still fails is returned as an error
string for that posting; nothing here raises for one bad posting.
"""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass, field
from typing import Any, Literal

import openai
from pydantic import ValidationError

from job_assets.enrichment.prompt import PostingText, build_prompt, description_budget
from job_assets.enrichment.schema import EXTRACTION_JSON_SCHEMA, SCHEMA_NAME, ExtractedFields

ResponseFormat = Literal["json_schema", "json_object", "auto"]
_RETRYABLE_STATUS = {408, 409, 425, 429}
MIN_DESCRIPTION_TOKENS = 256


@dataclass(frozen=True)
class LLMConfig:
    """Where and how to call the model. `url=None` means no LLM: the rules backend alone.

    response_format: `json_schema` is the portable OpenAI form (vLLM); `json_object` is llama.cpp's
    `{"type": "json_object", "schema": ...}` (it rejects json_schema with HTTP 500); `auto` starts with
    json_schema and switches for good on the first error that names response_format.
    """

    # The user's settings (config.LLMSettings holds their defaults).
    url: str | None
    model: str
    api_key: str
    long_url: str | None
    concurrency: int
    timeout_s: float
    response_format: ResponseFormat
    # The client's own tuning, not settings.
    max_tokens: int = 512
    retry_max_tokens: int = 1024
    context_tokens: int = 8192
    long_context_tokens: int = 65536
    max_retries: int = 4
    backoff_s: float = 0.5
    backoff_max_s: float = 20.0

    def __post_init__(self) -> None:
        if self.response_format not in ("json_schema", "json_object", "auto"):
            raise ValueError(
                f"response_format must be json_schema, json_object or auto, not {self.response_format!r}"
            )
        if self.concurrency < 1 or self.timeout_s <= 0 or self.max_tokens < 1 or self.max_retries < 0:
            raise ValueError(f"invalid LLM settings: {self}")
        if self.retry_max_tokens < self.max_tokens:
            raise ValueError("retry_max_tokens must be at least max_tokens")
        room = description_budget("", self.context_tokens, self.retry_max_tokens)
        if room < MIN_DESCRIPTION_TOKENS:
            raise ValueError(
                f"context_tokens={self.context_tokens} leaves {room} tokens for a posting after the prompt and a "
                f"{self.retry_max_tokens}-token answer; raise it or lower retry_max_tokens"
            )

    @property
    def enabled(self) -> bool:
        return bool(self.url)


@dataclass
class Outcome:
    """One posting's trip through the LLM: the fields or the reason there are none, and what it cost."""

    fields: ExtractedFields | None = None
    error: str | None = None
    calls: int = 0
    retries: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    latencies_s: list[float] = field(default_factory=list)
    long_context: bool = False
    truncated_input: bool = False


class _TransportError(Exception):
    def __init__(
        self, reason: str, retryable: bool, retry_after_s: float | None = None, switched_format: bool = False
    ) -> None:
        super().__init__(reason)
        self.reason, self.retryable, self.retry_after_s = reason, retryable, retry_after_s
        self.switched_format = switched_format


def _retry_after(error: openai.APIStatusError) -> float | None:
    value = error.response.headers.get("retry-after")
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def _validation_reason(error: ValidationError) -> str:
    first = error.errors()[0]
    if first["type"] == "json_invalid":
        return f"answer is not valid JSON ({first['msg']})"
    where = ".".join(str(part) for part in first["loc"]) or "answer"
    return f"answer fails the schema at {where}: {first['msg']} ({error.error_count()} errors)"


class LLMExtractor:
    """Use as `async with LLMExtractor(config) as llm: outcome = await llm.extract(posting)`."""

    def __init__(self, config: LLMConfig) -> None:
        if not config.url:
            raise ValueError("LLMExtractor needs a url; without one, use the rules backend")
        self.config = config
        self._format: Literal["json_schema", "json_object"] = (
            "json_object" if config.response_format == "json_object" else "json_schema"
        )
        self._clients: dict[bool, openai.AsyncOpenAI] = {False: self._client(config.url)}
        if config.long_url:
            self._clients[True] = self._client(config.long_url)
        self._semaphores = {key: asyncio.Semaphore(config.concurrency) for key in self._clients}

    def _client(self, url: str) -> openai.AsyncOpenAI:
        return openai.AsyncOpenAI(
            base_url=url, api_key=self.config.api_key, max_retries=0, timeout=self.config.timeout_s
        )

    async def __aenter__(self) -> LLMExtractor:
        return self

    async def __aexit__(self, *_: object) -> None:
        for client in self._clients.values():
            await client.close()

    def response_format(self) -> dict[str, Any]:
        if self._format == "json_object":
            return {"type": "json_object", "schema": EXTRACTION_JSON_SCHEMA}
        return {
            "type": "json_schema",
            "json_schema": {"name": SCHEMA_NAME, "schema": EXTRACTION_JSON_SCHEMA, "strict": True},
        }

    async def extract(self, posting: PostingText) -> Outcome:
        config = self.config
        prompt = build_prompt(
            posting,
            context_tokens=config.context_tokens,
            answer_tokens=config.retry_max_tokens,
            long_context_tokens=config.long_context_tokens if config.long_url else None,
        )
        outcome = Outcome(long_context=prompt.long_context, truncated_input=prompt.truncated)
        max_tokens = config.max_tokens
        for attempt in range(2):
            try:
                response = await self._request(prompt.messages, max_tokens, prompt.long_context, outcome)
            except _TransportError as error:
                outcome.error = error.reason
                return outcome
            problem = self._read(response, max_tokens, outcome)
            if problem is None:
                return outcome
            if attempt == 0:
                outcome.retries += 1
                max_tokens = config.retry_max_tokens
        outcome.error = f"{problem}; still so after a retry with max_tokens={max_tokens}"
        return outcome

    def _read(self, response: Any, max_tokens: int, outcome: Outcome) -> str | None:
        """Validated fields into `outcome`, or why the answer is unusable."""
        choices = getattr(response, "choices", None) or []
        if not choices:
            return "answer has no choices"
        choice = choices[0]
        if choice.finish_reason == "length":
            return f"answer truncated (finish_reason=length at max_tokens={max_tokens})"
        try:
            outcome.fields = ExtractedFields.model_validate_json(choice.message.content or "")
        except ValidationError as error:
            return _validation_reason(error)
        return None

    async def _request(
        self, messages: list[dict[str, str]], max_tokens: int, long: bool, outcome: Outcome
    ) -> Any:
        """One chat completion, with transport retries; raises `_TransportError` when they run out."""
        retries_left = self.config.max_retries
        attempt = 0
        while True:  # bounded: every pass either returns, raises, spends a retry or switches format once
            try:
                async with self._semaphores[long]:
                    return await self._call(messages, max_tokens, long, outcome)
            except _TransportError as error:
                if error.switched_format:  # the server wants the other response_format: again at once
                    outcome.retries += 1
                    continue
                if not error.retryable or retries_left <= 0:
                    tries = attempt + 1
                    raise _TransportError(
                        error.reason + (f" (after {tries} attempts)" if tries > 1 else ""), False
                    ) from None
                retries_left -= 1
                attempt += 1
                outcome.retries += 1
                await asyncio.sleep(self._backoff(attempt, error.retry_after_s))

    def _backoff(self, attempt: int, retry_after_s: float | None) -> float:
        """Full jitter (uniform up to the doubled ceiling), but never sooner than the server's Retry-After."""
        ceiling = min(self.config.backoff_max_s, self.config.backoff_s * 2 ** (attempt - 1))
        delay = random.uniform(0, ceiling)
        if retry_after_s is not None:
            delay = max(delay, min(retry_after_s, self.config.backoff_max_s))
        return delay

    async def _call(
        self, messages: list[dict[str, str]], max_tokens: int, long: bool, outcome: Outcome
    ) -> Any:
        outcome.calls += 1
        started = time.perf_counter()
        try:
            response = await self._clients[long].chat.completions.create(
                model=self.config.model,
                messages=messages,  # type: ignore[arg-type]
                temperature=0,
                max_tokens=max_tokens,
                response_format=self.response_format(),  # type: ignore[arg-type]
            )
        except openai.APIStatusError as error:
            status = error.status_code
            message = " ".join(str(error.message).split())[:300]
            if self._switch_format(status, message):
                raise _TransportError(f"HTTP {status}: {message}", True, switched_format=True) from None
            retryable = status in _RETRYABLE_STATUS or status >= 500
            raise _TransportError(f"HTTP {status}: {message}", retryable, _retry_after(error)) from None
        except openai.APITimeoutError:
            raise _TransportError(f"timeout after {self.config.timeout_s:g}s", True) from None
        except openai.APIConnectionError as error:
            cause = error.__cause__ or error
            raise _TransportError(f"connection error: {type(cause).__name__}: {cause}"[:300], True) from None
        except openai.OpenAIError as error:
            raise _TransportError(f"{type(error).__name__}: {error}"[:300], False) from None
        finally:
            outcome.latencies_s.append(time.perf_counter() - started)
        usage = getattr(response, "usage", None)
        if usage is not None:
            outcome.prompt_tokens += usage.prompt_tokens or 0
            outcome.completion_tokens += usage.completion_tokens or 0
        return response

    def _switch_format(self, status: int, message: str) -> bool:
        """In `auto` mode, a server that rejects json_schema (llama.cpp: HTTP 500) gets llama.cpp's form."""
        if (
            self.config.response_format != "auto"
            or self._format != "json_schema"
            or status not in (400, 422, 500)
        ):
            return False
        if "response_format" not in message and "json_schema" not in message:
            return False
        self._format = "json_object"
        return True
