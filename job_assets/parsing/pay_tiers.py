"""Several structured pay ranges on one posting (Ashby compensation tiers, Greenhouse pay_input_ranges): which
one the posting's pay is.

Boards list one range per location or zone. The policy, the same for every ATS:

1. when every location of the posting is named by some range's label ("Berlin" for Berlin, "Canada" for
   "Toronto, ON, Canada", "US" for "Remote - US"), those ranges are the posting's; the range over them is its pay;
2. otherwise ("Zone A", "Tier 2", "SF Bay Area" for "San Francisco, CA", a location no label names), every
   range is a candidate: the range over all of them, never a narrower one guessed from a partial match;
3. never across currencies or periods: only ranges in the currency and period of the first candidate (the
   primary location's range when it has one, else the board's first) count.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from job_assets.parsing.record import Pay

_GENERIC = {
    "zone", "tier", "range", "pay", "salary", "base", "hourly", "annual", "yearly", "monthly", "the", "for",
    "location", "locations", "based", "in", "remote", "hybrid", "onsite", "office", "and", "of", "area", "metro",
    "compensation", "target", "ote", "all", "other", "rate", "wage",
}  # fmt: skip
_ALIASES = {
    "united states of america": "us", "united states": "us", "usa": "us", "u.s.": "us", "u.s.a.": "us",
    "united kingdom": "uk", "great britain": "uk", "gb": "uk", "england": "uk",
}  # fmt: skip
_ALIAS = re.compile(
    r"\b(" + "|".join(re.escape(k) for k in sorted(_ALIASES, key=len, reverse=True)) + r")(?!\w)"
)


@dataclass(frozen=True)
class PayRange:
    label: str
    min: float | None
    max: float | None
    currency: str | None
    period: str | None


class Range(Protocol):
    min: float | None
    max: float | None
    currency: str | None
    period: str | None


def span(ranges: Sequence[Range]) -> tuple[float | None, float | None]:
    """(lowest min, highest max) over the ranges in the first one's currency and period: several ranges (one
    per location, tier or sentence) are one posting's pay, never mixed across currencies or periods."""
    first = ranges[0]
    same = [r for r in ranges if (r.currency, r.period) == (first.currency, first.period)]
    lows = [r.min for r in same if r.min is not None]
    highs = [r.max for r in same if r.max is not None]
    return (min(lows) if lows else None, max(highs) if highs else None)


def _words(text: str) -> set[str]:
    text = _ALIAS.sub(lambda m: _ALIASES[m.group(1)], text.lower())
    return {w for w in re.findall(r"[^\W_]+", text) if w not in _GENERIC}


def _names(label: str, location: str) -> bool:
    """The range's label names the location: all its words are in the location ("Canada" in "Toronto, ON,
    Canada", "Berlin" in "Berlin, Germany"). A label naming more ("Zone B (all other US locations)", "SF Bay
    Area") is no proof that this location is in it."""
    label_words = _words(label)
    return bool(label_words) and label_words <= _words(location)


def choose_range(ranges: Sequence[PayRange], locations: Sequence[str]) -> Pay | None:
    """The posting's pay from its ranges (see the module doc)."""
    ranges = [r for r in ranges if r.min is not None or r.max is not None]
    if not ranges:
        return None
    per_location = [[r for r in ranges if r.label and _names(r.label, loc)] for loc in locations]
    named = [r for found in per_location for r in found] if per_location and all(per_location) else []
    candidates = list(dict.fromkeys(named)) or ranges
    low, high = span(candidates)
    return Pay(min=low, max=high, currency=candidates[0].currency, period=candidates[0].period)
