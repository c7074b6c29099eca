"""Location strings -> a clean, de-duplicated list, and the one workplace rule for Greenhouse.

Greenhouse puts several locations in one free-text `location.name`
("San Francisco, CA; New York, NY", "London / Remote", "Austin, TX or Remote", "Cape Town & Johannesburg"). We
split on the separators people use between *locations* (`;`, `|`, ` / `, ` or `, ` and `, ` & `; never inside a
country's name like "Trinidad and Tobago") and never on commas, because a
comma separates the parts of ONE location ("New York, NY, United States"). A slash without spaces
("Hybrid/Remote", "Dallas/Fort Worth") is kept whole: it usually names one place.
"""

from __future__ import annotations

import html as htmllib
import re
from collections.abc import Iterable

_SEPARATORS = re.compile(r"\s*;\s*|\s*\|\s*|\s+/\s+|\s+(?:or|and|&)\s+", re.IGNORECASE)
# Country names that contain a separator word: never split inside them.
_JOINED_NAMES = re.compile(
    r"\b(?:trinidad|bosnia|antigua|saint kitts|st\.? kitts|saint vincent|st\.? vincent|turks|heard island|sao tome"
    r"|são tomé|saint pierre|st\.? pierre|wallis|svalbard|south georgia|saint helena|st\.? helena)\s+(?:and|&)\s+",
    re.IGNORECASE,
)
_SPACES = re.compile(r"\s+")
_LABELLED_PLACE = re.compile(r"^[A-Z]{2,3}-\S")  # "US-Remote", "UK-London"
_PLACE_CODE = re.compile(r"^[A-Z]{2,4}$")  # "SF", "NYC"
_MIN_CODES = 4  # three codes could be city, state, country ("NYC, NY, USA")
_EDGE_PUNCT = " \t\n-–—,;:|/"
# Stand-ins for "no location" that boards put in the field.
_PLACEHOLDER = re.compile(
    r"^(?:unavailable|not\s+available|n/?a|tbd|tba|tbc|to\s+be\s+(?:determined|confirmed|announced)|unknown|none"
    r"|null|undefined|not\s+specified|unspecified|-+|\?+|location)$",
    re.IGNORECASE,
)
# A trailing dot that ends an abbreviation ("Washington D.C.", "St.", "Jr.") belongs to the name.
_ABBREVIATION_END = re.compile(r"(?:\b[A-Za-z]\.){2,}$|\b[A-Z][a-z]?\.$")

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
    """Entities unescaped, spaces collapsed, edge punctuation dropped (an abbreviation keeps its dot); a
    placeholder ("UNAVAILABLE", "N/A", "TBD") is no location: ""."""
    text = _SPACES.sub(" ", htmllib.unescape(text)).strip(_EDGE_PUNCT)
    while text.endswith(".") and not _ABBREVIATION_END.search(text):
        text = text[:-1].strip(_EDGE_PUNCT)
    return "" if _PLACEHOLDER.match(text) else text


def split_location_text(text: str | None) -> list[str]:
    """One free-text location field -> its locations, in order ("Cape Town & Johannesburg" is two)."""
    if not text:
        return []
    text = htmllib.unescape(text)
    protected = _JOINED_NAMES.sub(lambda m: m.group(0).replace(" ", "\0"), text)
    parts = [p.replace("\0", " ") for p in _SEPARATORS.split(protected)]
    cleaned = (clean_location(piece) for part in parts for piece in _comma_list(part))
    return [p for p in cleaned if p]


def _comma_list(part: str) -> list[str]:
    """Commas separate the parts of one place ("Austin, TX"), except in a list whose every item is a labelled place
    ("US-Remote, US-Chicago, US-New York") or a city code ("SF, NYC, SEA, CHI")."""
    items = [item.strip() for item in part.split(",")]
    if len(items) >= 2 and all(_LABELLED_PLACE.match(item) for item in items):
        return items
    if len(items) >= _MIN_CODES and all(_PLACE_CODE.match(item) for item in items):
        return items
    return [part]


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
