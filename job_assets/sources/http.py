"""A polite async HTTP client shared by every API source.

Job boards are other people's servers: we identify ourselves, keep few requests in flight per
host, give up after a timeout, and back off (honouring Retry-After) when told to slow down.
"""

from __future__ import annotations

import asyncio
import codecs
import email.utils
import json
import logging
import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import httpx

from job_assets import __version__
from job_assets.sources.base import SourceError

logger = logging.getLogger(__name__)

RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
USER_AGENT = (
    f"job_assets/{__version__} (+https://github.com/job-assets/job_assets; job-market research crawler)"
)


@dataclass(frozen=True)
class HttpPolicy:
    # The user's settings (config.HttpSettings holds their defaults).
    timeout_s: float
    retries: int
    per_host: int
    backoff_s: float
    # The client's own limits, not settings.
    max_backoff_s: float = 30.0
    max_retry_after_s: float = 120.0  # honour a server's Retry-After up to this; beyond it, give up sooner
    user_agent: str = USER_AGENT


@dataclass
class HttpStats:
    """What a fetch cost, for asset metadata and the scrape benchmark."""

    requests: int = 0
    retries: int = 0
    seconds_in_flight: float = 0.0
    statuses: dict[int, int] = field(default_factory=lambda: defaultdict(int))


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3)."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))  # RFC says integer seconds; some servers send decimals
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def decode_utf8(content: bytes) -> tuple[str, int]:
    """(text, number of invalid bytes replaced). JSON is UTF-8 (RFC 8259; a BOM is tolerated); each invalid
    sequence becomes U+FFFD. Linear: the count is what the replacement removed, not a byte-by-byte retry."""
    content = content.removeprefix(codecs.BOM_UTF8)
    try:
        return content.decode("utf-8"), 0
    except UnicodeDecodeError:
        pass
    text = content.decode("utf-8", errors="replace")
    added = text.count("\ufffd") - content.count(
        "\ufffd".encode()
    )  # replacement marks that were not in the bytes
    kept_bytes = len(text.encode("utf-8")) - 3 * added
    return text, len(content) - kept_bytes


class PoliteClient:
    """`async with PoliteClient(policy) as client: await client.get_json(url, company=..., source=...)`."""

    def __init__(self, policy: HttpPolicy, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.policy = policy
        self.stats = HttpStats()
        self._limits: dict[str, asyncio.Semaphore] = {}
        self._client = httpx.AsyncClient(
            timeout=httpx.Timeout(self.policy.timeout_s),
            headers={"User-Agent": self.policy.user_agent, "Accept": "application/json, text/html;q=0.9"},
            follow_redirects=True,
            transport=transport,
            limits=httpx.Limits(max_connections=200, max_keepalive_connections=50),
        )

    async def __aenter__(self) -> PoliteClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._client.aclose()

    def _host_limit(self, url: str) -> asyncio.Semaphore:
        host = urlsplit(url).netloc
        if host not in self._limits:
            self._limits[host] = asyncio.Semaphore(self.policy.per_host)
        return self._limits[host]

    def _backoff(self, attempt: int, retry_after: float | None) -> float:
        if retry_after is not None:
            return min(retry_after, self.policy.max_retry_after_s)
        ceiling = min(self.policy.max_backoff_s, self.policy.backoff_s * 2**attempt)
        return random.uniform(ceiling / 2, ceiling)  # "equal jitter": never zero, never in lockstep

    async def get(
        self, url: str, *, company: str, source: str, params: dict[str, Any] | None = None
    ) -> httpx.Response:
        """GET with retries; raises `SourceError` naming company, source, URL and status when it gives up."""
        last_status: int | str | None = None
        detail = ""
        shown_url = str(httpx.URL(url, params=params)) if params else url
        for attempt in range(self.policy.retries + 1):
            retry_after: float | None = None
            async with self._host_limit(url):
                loop = asyncio.get_running_loop()
                started = loop.time()
                try:
                    response = await self._client.get(url, params=params)
                except httpx.TimeoutException as error:
                    last_status, detail = (
                        "timeout",
                        f"no answer within {self.policy.timeout_s:g}s ({type(error).__name__})",
                    )
                except httpx.TransportError as error:
                    last_status, detail = "connection error", str(error) or type(error).__name__
                else:
                    self.stats.statuses[response.status_code] += 1
                    if response.status_code < 400:
                        return response
                    last_status, detail = response.status_code, response.text[:200].strip()
                    if response.status_code not in RETRY_STATUSES:
                        break
                    retry_after = retry_after_seconds(response.headers.get("Retry-After"))
                finally:
                    self.stats.requests += 1
                    self.stats.seconds_in_flight += loop.time() - started
            if attempt < self.policy.retries:
                self.stats.retries += 1
                await asyncio.sleep(self._backoff(attempt, retry_after))
        raise SourceError(company, source, shown_url, last_status, detail)

    async def get_json(
        self,
        url: str,
        *,
        company: str,
        source: str,
        params: dict[str, Any] | None = None,
        warnings: list[str] | None = None,
    ) -> Any:
        """The answer as JSON. Invalid UTF-8 bytes are replaced (as a browser shows the page) rather than failing the
        board: a warning naming the source, the URL and the count goes to `warnings` and the log."""
        response = await self.get(url, company=company, source=source, params=params)
        text, replaced = decode_utf8(response.content)
        if replaced:
            message = (
                f"{source}: {replaced} invalid UTF-8 byte(s) replaced with U+FFFD in the answer from "
                f"{response.url} (company {company})"
            )
            logger.warning(message)
            if warnings is not None:
                warnings.append(message)
        try:
            return json.loads(text)
        except ValueError as error:
            raise SourceError(
                company, source, str(response.url), response.status_code, f"answer is not valid JSON: {error}"
            ) from error

    async def get_text(
        self, url: str, *, company: str, source: str, params: dict[str, Any] | None = None
    ) -> str:
        return (await self.get(url, company=company, source=source, params=params)).text
