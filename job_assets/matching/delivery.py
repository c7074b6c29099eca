"""Sending digests through Apprise (email, Slack, Discord, ntfy, Telegram, Teams, webhooks: one URL syntax).

Apprise URLs carry secrets (passwords, tokens, webhook paths). They live in the searches file or the
environment and only `Channel.url` holds one: everything that is shown, logged or stored uses
`Channel.display` (Apprise's own privacy-masked form of the URL) or `Channel.key` (a hash), and error
text is scrubbed of every secret part of the URL before it leaves this module.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import parse_qsl, unquote, urlsplit

import apprise

from job_assets.matching.digest import Digest

MAX_PARALLEL = 8
MIN_SECRET_CHARS = 4


@dataclass(frozen=True)
class Channel:
    url: str  # secret: never print, log or store it
    display: str
    key: str

    def __repr__(self) -> str:  # a stray print or log of the object must not leak the URL
        return f"Channel({self.display})"


@dataclass(frozen=True)
class Delivery:
    search: str
    channel: str  # the masked display form
    channel_key: str
    job_ids: list[str]
    ok: bool
    error: str | None
    at: datetime
    seconds: float


def _secrets(url: str) -> list[str]:
    """The parts of a URL that may be secret: credentials, path segments, query values."""
    parts = urlsplit(url)
    candidates = [parts.username, parts.password, parts.path.strip("/"), *parts.path.split("/")]
    candidates += [value for _, value in parse_qsl(parts.query)]
    found = {unquote(c) for c in candidates if c} | {c for c in candidates if c}
    return sorted((s for s in found if len(s) >= MIN_SECRET_CHARS), key=len, reverse=True)


def redact(text: str, url: str, whole: bool = True) -> str:
    """`text` with the URL (when `whole`) and each of its secret parts replaced by `***`."""
    for secret in [url, *_secrets(url)] if whole else _secrets(url):
        text = text.replace(secret, "***")
    return text


def channel(url: str) -> Channel:
    """A channel for an Apprise URL; an unsupported URL still gets a masked name (sending it fails)."""
    key = hashlib.sha256(url.encode()).hexdigest()[:16]
    plugin = apprise.Apprise.instantiate(url, suppress_exceptions=True)
    if plugin:
        display = redact(plugin.url(privacy=True).split("?")[0], url, whole=False)
    else:
        display = urlsplit(url).scheme + "://*** (not a URL Apprise supports)"
    return Channel(url=url, display=display, key=key)


def send(target: Channel, digest: Digest, search: str) -> Delivery:
    """One digest to one channel; never raises for a delivery failure (it is returned, to be logged)."""
    started = time.perf_counter()
    at = datetime.now(UTC)
    notifier = apprise.Apprise()
    error: str | None = None
    ok = False
    try:
        if not notifier.add(target.url):
            error = "Apprise does not understand this URL (check its scheme and parts)"
        else:
            result = notifier.notify(
                body=digest.body, title=digest.title, body_format=apprise.NotifyFormat.TEXT
            )
            ok = bool(result)
            if not ok:
                messages = [
                    entry.message
                    for entry in result.logs()
                    if entry.level in ("WARNING", "ERROR", "CRITICAL")
                ]
                error = "; ".join(messages[-3:]) or "the service refused the message"
    except Exception as failure:  # a plugin bug must not lose the other channels' deliveries
        error = f"{type(failure).__name__}: {failure}"
    return Delivery(
        search=search,
        channel=target.display,
        channel_key=target.key,
        job_ids=digest.job_ids,
        ok=ok,
        error=redact(error, target.url) if error else None,
        at=at,
        seconds=time.perf_counter() - started,
    )


def send_all(work: Iterable[tuple[str, Channel, Digest]]) -> list[Delivery]:
    """Every (search, channel, digest) at once (each channel is its own HTTP/SMTP exchange)."""
    items = list(work)
    if not items:
        return []
    # Apprise logs each send at INFO with the service's host; keep our own record instead.
    logging.getLogger("apprise").setLevel(logging.WARNING)
    with ThreadPoolExecutor(max_workers=min(MAX_PARALLEL, len(items))) as pool:
        return list(pool.map(lambda item: send(item[1], item[2], item[0]), items))
