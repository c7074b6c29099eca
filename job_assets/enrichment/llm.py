"""The LLM backend: schema-constrained extraction against any OpenAI-compatible server (vLLM, llama.cpp ...).

One lean HTTP transport per endpoint (`transport.py`: bodies serialised once per schema, a pool sized to the
concurrency), a semaphore that keeps many requests in flight so a vLLM batch stays full, requests sent in an
order that keeps shared prompt prefixes hot in vLLM's prefix cache, and two kinds of retry: transport
(429/5xx/connection/timeout, jittered exponential backoff, never 400/422) and content (one retry with more
max_tokens when the answer is truncated or fails validation). Whatever still fails is returned as an error
string for that posting; nothing here raises for one bad posting.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import ValidationError

from job_assets.enrichment.prompt import PostingText, Prompt, build_prompt, description_budget
from job_assets.enrichment.schema import EXTRACTION_JSON_SCHEMA, SCHEMA_NAME, ExtractedFields
from job_assets.enrichment.transport import ChatAnswer, ChatTransport, TransportError, response_format

ResponseFormat = Literal["json_schema", "json_object", "auto"]
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


def _validation_reason(error: ValidationError) -> str:
    first = error.errors()[0]
    if first["type"] == "json_invalid":
        return f"answer is not valid JSON ({first['msg']})"
    where = ".".join(str(part) for part in first["loc"]) or "answer"
    return f"answer fails the schema at {where}: {first['msg']} ({error.error_count()} errors)"


def prefix_order(prompts: Mapping[str, Prompt]) -> list[str]:
    """Keys in the order to send them: by endpoint, then shared prefix (system prompt, then the posting's header,
    so one role's postings follow each other), then length (a batch of similar lengths finishes together). vLLM
    keeps a prefix's KV blocks while requests that share it are in flight; sent together, they hit the cache."""

    def key(k: str) -> tuple[bool, str, str, int]:
        messages = prompts[k].messages
        system = messages[0]["content"] if len(messages) > 1 else ""
        user = messages[-1]["content"]
        header = user.partition("\nDescription:\n")[0]
        return prompts[k].long_context, system, header, len(user)

    return sorted(prompts, key=key)


class LLMExtractor:
    """Use as `async with LLMExtractor(config) as llm: outcomes = await llm.extract_many(postings)`."""

    def __init__(self, config: LLMConfig) -> None:
        if not config.url:
            raise ValueError("LLMExtractor needs a url; without one, use the rules backend")
        self.config = config
        self._format: Literal["json_schema", "json_object"] = (
            "json_object" if config.response_format == "json_object" else "json_schema"
        )
        urls = {False: config.url} | ({True: config.long_url} if config.long_url else {})
        self._transports = {long: self._transport(url) for long, url in urls.items()}
        self._semaphores = {key: asyncio.Semaphore(config.concurrency) for key in self._transports}
        self.in_flight = 0
        self.max_in_flight = 0  # the most requests this extractor had on the wire at once

    def _transport(self, url: str) -> ChatTransport:
        return ChatTransport(
            url,
            model=self.config.model,
            api_key=self.config.api_key,
            timeout_s=self.config.timeout_s,
            connections=self.config.concurrency,
            schema_name=SCHEMA_NAME,
            schema=EXTRACTION_JSON_SCHEMA,
        )

    async def __aenter__(self) -> LLMExtractor:
        for transport in self._transports.values():
            await transport.__aenter__()
        return self

    async def __aexit__(self, *_: object) -> None:
        for transport in self._transports.values():
            await transport.__aexit__()

    def response_format(self) -> dict[str, Any]:
        return response_format(self._format, SCHEMA_NAME, EXTRACTION_JSON_SCHEMA)

    def prompt(self, posting: PostingText) -> Prompt:
        config = self.config
        return build_prompt(
            posting,
            context_tokens=config.context_tokens,
            answer_tokens=config.retry_max_tokens,
            long_context_tokens=config.long_context_tokens if config.long_url else None,
        )

    async def extract_many(self, postings: Mapping[str, PostingText]) -> dict[str, Outcome]:
        """One outcome per key, requests sent in `prefix_order`; a bug in one posting's path becomes that
        posting's failure, not the batch's."""
        prompts = {key: self.prompt(posting) for key, posting in postings.items()}
        keys = prefix_order(prompts)
        # Tasks start in creation order and the semaphore wakes waiters first-in first-out: the wire order is `keys`.
        results = await asyncio.gather(
            *(self.extract_prompt(prompts[k]) for k in keys), return_exceptions=True
        )
        outcomes: dict[str, Outcome] = {}
        for key, result in zip(keys, results, strict=True):
            if isinstance(result, BaseException):
                if not isinstance(result, Exception):
                    raise result  # cancellation, KeyboardInterrupt: not a posting's fault
                result = Outcome(error=f"internal error: {type(result).__name__}: {result}"[:300])
            outcomes[key] = result
        return {key: outcomes[key] for key in postings}

    async def extract(self, posting: PostingText) -> Outcome:
        return await self.extract_prompt(self.prompt(posting))

    async def extract_prompt(self, prompt: Prompt) -> Outcome:
        outcome = Outcome(long_context=prompt.long_context, truncated_input=prompt.truncated)
        max_tokens = self.config.max_tokens
        for attempt in range(2):
            try:
                answer = await self._request(prompt.messages, max_tokens, prompt.long_context, outcome)
            except TransportError as error:
                outcome.error = error.reason
                return outcome
            problem = self._read(answer, max_tokens, outcome)
            if problem is None:
                return outcome
            if attempt == 0:
                outcome.retries += 1
                max_tokens = self.config.retry_max_tokens
        outcome.error = f"{problem}; still so after a retry with max_tokens={max_tokens}"
        return outcome

    @staticmethod
    def _read(answer: ChatAnswer, max_tokens: int, outcome: Outcome) -> str | None:
        """Validated fields into `outcome`, or why the answer is unusable."""
        if answer.content is None:
            return "answer has no choices"
        if answer.finish_reason == "length":
            return f"answer truncated (finish_reason=length at max_tokens={max_tokens})"
        try:
            outcome.fields = ExtractedFields.model_validate_json(answer.content)
        except ValidationError as error:
            return _validation_reason(error)
        return None

    async def _request(
        self, messages: list[dict[str, str]], max_tokens: int, long: bool, outcome: Outcome
    ) -> ChatAnswer:
        """One chat completion, with transport retries; raises `TransportError` when they run out."""
        retries_left = self.config.max_retries
        attempt = 0
        while True:  # bounded: every pass either returns, raises, spends a retry or switches format once
            try:
                async with self._semaphores[long]:
                    return await self._call(messages, max_tokens, long, outcome)
            except TransportError as error:
                if self._switch_format(error):  # the server wants the other response_format: again at once
                    outcome.retries += 1
                    continue
                if not error.retryable or retries_left <= 0:
                    tries = attempt + 1
                    raise TransportError(
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
    ) -> ChatAnswer:
        outcome.calls += 1
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        started = time.perf_counter()
        try:
            answer = await self._transports[long].post(messages, max_tokens, self._format)
        finally:
            self.in_flight -= 1
            outcome.latencies_s.append(time.perf_counter() - started)
        outcome.prompt_tokens += answer.prompt_tokens
        outcome.completion_tokens += answer.completion_tokens
        return answer

    def _switch_format(self, error: TransportError) -> bool:
        """In `auto` mode, a server that rejects json_schema (llama.cpp: HTTP 500) gets llama.cpp's form."""
        if (
            self.config.response_format != "auto"
            or self._format != "json_schema"
            or error.status not in (400, 422, 500)
        ):
            return False
        if "response_format" not in error.reason and "json_schema" not in error.reason:
            return False
        self._format = "json_object"
        return True
