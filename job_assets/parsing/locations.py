"""Location strings -> a clean, de-duplicated list, and the one workplace rule for Greenhouse.

Greenhouse puts several locations in one free-text `location.name`
("San Francisco, CA; New York, NY", "London / Remote", "Austin, TX or Remote"). We split on the
separators people use between *locations* (`;`, `|`, ` / `, ` or `) and never on commas, because a
comma separates the parts of ONE location ("New York, NY, United States"). A slash without spaces
("Hybrid/Remote", "Dallas/Fort Worth") is kept whole: it usually names one place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_SEPARATORS = re.compile(r"\s*;\s*|\s*\|\s*|\s+/\s+|\s+or\s+", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_EDGE_PUNCT = " \t\n-–—,.;:|/"

# A whole location that only says "remote" (optionally with a region): "Remote", "Remote - US",
# "Remote (EMEA)", "US - Remote", "United States (Remote)", "Fully Remote", "Anywhere".
_REMOTE = re.compile(
    r"^(?:(?:fully|100%)\s+)?remote\b.*$|^.*[\s(\-–—,]remote\s*\)?$|^(?:anywhere|work from home|wfh)$",
    re.IGNORECASE,
)
_HYBRID = re.compile(r"^hybrid\b.*$|^.*[\s(\-–—,]hybrid\s*\)?$", re.IGNORECASE)
_REMOTE_WORD = re.compile(r"\bremote\b", re.IGNORECASE)
# Words that make a "remote" location mixed or partial ("Remote-friendly", "Hybrid/Remote").
_OFFICE_WORDS = re.compile(
    r"\bhybrid\b|\bon-?site\b|\bin[- ]office\b|remote[\s-]*(?:first|friendly|optional|eligible|possible|ok)\b",
    re.IGNORECASE,
)


def clean_location(text: str) -> str:
    return _SPACES.sub(" ", text).strip(_EDGE_PUNCT)


def split_location_text(text: str | None) -> list[str]:
    """One free-text location field -> its locations, in order."""
    if not text:
        return []
    parts = (clean_location(p) for p in _SEPARATORS.split(text))
    return [p for p in parts if p]


def dedupe_locations(locations: Iterable[str]) -> list[str]:
    """Drop repeats (case- and space-insensitive), keeping the first spelling and the order."""
    seen: set[str] = set()
    out: list[str] = []
    for loc in locations:
        cleaned = clean_location(loc)
        key = cleaned.casefold()
        if cleaned and key not in seen:
            seen.add(key)
            out.append(cleaned)
    return out


def workplace_from_location_names(locations: list[str]) -> str | None:
    """Greenhouse has no workplace field: a location list that ONLY names remote (or only hybrid) places
    says so structurally; a mix ("Austin, TX or Remote") or an office says nothing, so None (enrichment
    reads the text)."""
    if not locations:
        return None
    if all(_REMOTE.match(loc) and not _OFFICE_WORDS.search(loc) for loc in locations):
        return "remote"
    if all(_HYBRID.match(loc) and not _REMOTE_WORD.search(loc) for loc in locations):
        return "hybrid"
    return None
