"""Is the LLM endpoint there? One `GET {url}/models` with a short timeout, asked once before enrichment.

Without it a down server costs every posting its full retry budget and is reported one posting at a time;
with it the run learns once, names the URL, and either stops or (when the user allowed it) uses the rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import httpx

PROBE_TIMEOUT_S = 5.0
Fallback = Literal["fail", "rules"]
FALLBACKS: tuple[str, ...] = ("fail", "rules")


class LLMUnreachableError(RuntimeError):
    """The endpoint did not answer the probe and the user did not allow the rules fallback."""


@dataclass(frozen=True)
class ProbeResult:
    url: str
    problem: str | None  # None: it answered

    @property
    def ok(self) -> bool:
        return self.problem is None

    def message(self) -> str:
        return f"the LLM endpoint {self.url} does not answer ({self.problem})"


def probe(url: str, api_key: str = "EMPTY", timeout_s: float = PROBE_TIMEOUT_S) -> ProbeResult:
    """GET `{url}/models`: any 2xx with a JSON body is an answer; everything else is the reason it is not."""
    target = url.rstrip("/") + "/models"
    try:
        response = httpx.get(target, headers={"Authorization": f"Bearer {api_key}"}, timeout=timeout_s)
    except httpx.TimeoutException:
        return ProbeResult(url, f"no answer from {target} within {timeout_s:g}s")
    except httpx.HTTPError as error:
        return ProbeResult(url, f"{type(error).__name__} on {target}: {error}"[:300])
    if not response.is_success:
        return ProbeResult(url, f"HTTP {response.status_code} from {target}")
    try:
        response.json()
    except ValueError:
        return ProbeResult(url, f"{target} answered HTTP {response.status_code} but not with JSON")
    return ProbeResult(url, None)


def check_endpoint(url: str, api_key: str, fallback: str, timeout_s: float = PROBE_TIMEOUT_S) -> ProbeResult:
    """Probe once; raise `LLMUnreachableError` with one clear message unless `fallback == "rules"`."""
    if fallback not in FALLBACKS:
        raise ValueError(f"LLM fallback must be one of {', '.join(FALLBACKS)}, not {fallback!r}")
    result = probe(url, api_key, timeout_s)
    if not result.ok and fallback != "rules":
        raise LLMUnreachableError(
            f"{result.message()}: start it, unset JOB_ASSETS_LLM_URL to use the rules extractor, or set "
            "JOB_ASSETS_LLM_FALLBACK=rules to enrich with rules while it is down"
        )
    return result
