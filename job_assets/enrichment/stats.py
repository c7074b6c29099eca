"""What one enrichment run did and cost: the figures asset metadata shows."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

MAX_LISTED_FAILURES = 20


def percentile(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile (q in 0..100); None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def failure_kind(reason: str) -> str:
    """A short class for grouping ("HTTP 503", "timeout", "truncated", "invalid answer", ...)."""
    if reason.startswith("HTTP "):
        return reason.split(":", 1)[0]
    for kind in ("timeout", "connection error", "truncated", "not valid JSON", "fails the schema"):
        if kind in reason:
            return kind
    return reason.split(":", 1)[0][:40]


@dataclass
class EnrichStats:
    backend: str  # rules | llm
    model: str | None
    prompt_version: str
    rows: int = 0
    llm_postings: int = 0  # postings sent to the LLM (cache misses, deduplicated by content hash)
    llm_calls: int = 0  # HTTP requests, retries included
    retries: int = 0
    cache_hits: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    long_context: int = 0  # postings routed to the long-context endpoint
    truncated_inputs: int = 0  # descriptions cut to fit the context
    failures: dict[str, str] = field(default_factory=dict)  # posting_key -> reason
    latencies_s: list[float] = field(default_factory=list)
    duration_s: float = 0.0
    max_in_flight: int = 0  # the most LLM requests on the wire at once (what kept the server's batch full)

    @property
    def cache_hit_rate(self) -> float | None:
        """Hits over postings that needed an answer; None when no LLM was configured."""
        if self.backend != "llm":
            return None
        wanted = self.cache_hits + self.llm_postings
        return self.cache_hits / wanted if wanted else 1.0

    @property
    def latency(self) -> dict[str, float | None]:
        return {
            "p50": percentile(self.latencies_s, 50),
            "p95": percentile(self.latencies_s, 95),
            "max": max(self.latencies_s) if self.latencies_s else None,
        }

    def failures_by_kind(self) -> dict[str, int]:
        return dict(Counter(failure_kind(reason) for reason in self.failures.values()).most_common())

    def as_metadata(self) -> dict[str, Any]:
        """Plain values (no Dagster types): the asset wraps them. Absent figures are left out, not zeroed,
        and the rules backend shows only what applies to it (no LLM calls, tokens or cache)."""
        if self.backend != "llm":
            return {
                "rows": self.rows,
                "backend": self.backend,
                "rules_version": self.prompt_version,
                "duration_s": round(self.duration_s, 3),
            }
        latency = self.latency
        listed = sorted(self.failures.items())[:MAX_LISTED_FAILURES]
        data: dict[str, Any] = {
            "rows": self.rows,
            "backend": self.backend,
            "model": self.model,
            "prompt_version": self.prompt_version,
            "llm_postings": self.llm_postings,
            "llm_calls": self.llm_calls,
            "llm_retries": self.retries,
            "cache_hits": self.cache_hits,
            "cache_hit_rate": None if self.cache_hit_rate is None else round(self.cache_hit_rate, 4),
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "long_context_postings": self.long_context,
            "truncated_inputs": self.truncated_inputs,
            "failures": len(self.failures),
            "failures_by_kind": self.failures_by_kind() or None,
            "failed_postings": "\n".join(f"{key}: {reason}" for key, reason in listed) or None,
            "latency_p50_s": None if latency["p50"] is None else round(latency["p50"], 4),
            "latency_p95_s": None if latency["p95"] is None else round(latency["p95"], 4),
            "latency_max_s": None if latency["max"] is None else round(latency["max"], 4),
            "duration_s": round(self.duration_s, 3),
            "llm_max_in_flight": self.max_in_flight if self.backend == "llm" else None,
        }
        return {key: value for key, value in data.items() if value is not None}
