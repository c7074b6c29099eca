"""Location strings -> a clean, de-duplicated list, and the one workplace rule for Greenhouse.

One location field often names several places ("San Francisco, CA; New York, NY", "SF / NY / Remote", "New York,
NY or Remote", "Cape Town & Johannesburg", "Hybrid - London, Berlin"): every ATS parser passes each of its
location strings through `split_location_text`. We split on the separators people use between *locations* (`;`,
`|`, ` / `, ` or `, ` and `, ` & `), never inside a country's name ("Trinidad and Tobago"), never inside
parentheses ("Remote (US or Canada)"), and never inside a remote scope that lists regions ("Remote within US and
Canada", "Remote - US / Canada": one scope, not a remote place and an office). A comma separates the parts of ONE
location ("New York, NY, United States", "Bengaluru, Karnataka, India", "Washington, D.C.") unless the parts are
cities that do not qualify each other ("Hybrid - San Francisco, New York City, Austin": three places; see
`place_names`), or every part is a labelled place or a city code. A slash without spaces ("Hybrid/Remote",
"Dallas/Fort Worth") is kept whole: it usually names one place.
"""

from __future__ import annotations

import html as htmllib
import re
from collections.abc import Iterable

from job_assets.parsing import place_names

_SEPARATORS = re.compile(r"(\s*;\s*|\s*\|\s*|\s+/\s+|\s+(?:or|and|&)\s+)", re.IGNORECASE)
_STRONG_SEPARATOR = re.compile(r"^\s*[;|]\s*$")
_PARENTHESES = re.compile(r"\([^()]*\)")
_PROTECT = str.maketrans({" ": "\0", ";": "\1", "|": "\2", ",": "\3", "/": "\4"})
_RESTORE = str.maketrans({"\0": " ", "\1": ";", "\2": "|", "\3": ",", "\4": "/"})
# "Remote within US", "Remote - EMEA", "Remote: Canada", "Fully remote in Germany": a remote place with a scope.
_REMOTE_SCOPE = re.compile(
    r"^(?:(?:fully|100%)\s+)?remote\s*(?:[-–—:,]\s*|\s+(?:within|in|from|across|only\s+in|based\s+in)\s+)\S",
    re.IGNORECASE,
)
# A workplace word before a place ("Hybrid - London", "Remote: Berlin"), and a part that is only one ("Remote").
_WORKPLACE_PREFIX = re.compile(
    r"^(?:(?:fully\s+)?remote|hybrid|on-?site|in[- ]office|office)(?:\s*[-–—:]\s*|\s+)", re.IGNORECASE
)
_WORKPLACE_ONLY = re.compile(
    r"^(?:(?:fully\s+)?remote|hybrid|on-?site|in[- ]office|office)(?:[\s-]*(?:friendly|first|optional))?$",
    re.IGNORECASE,
)
_MIN_UNPREFIXED_PLACES = 3
_MAX_QUALIFIERS = 2  # "Bengaluru, Karnataka, India": a city, its state, its country
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
    return [place for part in location_parts(text) for place in part_places(part)]


def location_parts(text: str | None) -> list[str]:
    """One location field split on the separators between places, each part cleaned; a comma list of cities
    ("Hybrid - London, Berlin") is still one part, so a workplace word heading it speaks for all its cities."""
    if not text:
        return []
    text = htmllib.unescape(text)
    protected = _JOINED_NAMES.sub(lambda m: m.group(0).translate(_PROTECT), text)
    protected = _PARENTHESES.sub(lambda m: m.group(0).translate(_PROTECT), protected)
    pieces = _SEPARATORS.split(protected)
    parts = [pieces[0].translate(_RESTORE)]
    for separator, part in zip(pieces[1::2], pieces[2::2], strict=True):
        part = part.translate(_RESTORE)
        if _continues_remote_scope(parts[-1], separator, part):
            parts[-1] += separator + part
        else:
            parts.append(part)
    cleaned = (clean_location(part) for part in parts)
    return [p for p in cleaned if p]


def part_places(part: str) -> list[str]:
    """One part of `location_parts` -> its places (a comma list of cities is several)."""
    cleaned = (clean_location(piece) for piece in _comma_list(part))
    return [p for p in cleaned if p]


def _continues_remote_scope(scope: str, separator: str, part: str) -> bool:
    """ "Remote within US" + " and " + "Canada": the region belongs to the scope, it is no place of its own."""
    if _STRONG_SEPARATOR.match(separator) or not _REMOTE_SCOPE.match(scope.strip()):
        return False
    region = clean_location(part)
    return bool(region) and "," not in region and place_names.is_region(region)


def _comma_list(part: str) -> list[str]:
    """Commas separate the parts of one place ("Austin, TX"), except in a list whose every item is a labelled place
    ("US-Remote, US-Chicago, US-New York") or a city code ("SF, NYC, SEA, CHI")."""
    items = [item.strip() for item in part.split(",")]
    if len(items) >= 2 and all(_LABELLED_PLACE.match(item) for item in items):
        return items
    if len(items) >= _MIN_CODES and all(_PLACE_CODE.match(item) for item in items):
        return items
    if len(items) >= 2 and not all(place_names.is_code(item) for item in items[1:]):
        return _city_list(part, items)
    return [part]


def _city_list(part: str, items: list[str]) -> list[str]:
    """Cities separated by commas after a workplace word ("Hybrid - London, Berlin"), or three or more of them,
    are places of their own; a city followed by its state or country ("Paris, France", "New York, New York") is
    one. Anything we cannot name keeps the whole."""
    first = _WORKPLACE_PREFIX.sub("", items[0]).strip()
    prefixed = first != items[0]
    if not first or _WORKPLACE_ONLY.match(first):
        return [part]  # "Remote, Bangalore": a workplace and its scope
    places: list[list[str]] = [[items[0]]]
    city = first
    for i, item in enumerate(items[1:], start=1):
        following = items[i + 1] if i + 1 < len(items) else None
        if len(places[-1]) <= _MAX_QUALIFIERS and place_names.qualifies(
            item, city, following, listing=len(places) > 1
        ):
            places[-1].append(item)
        elif place_names.city_countries(item):
            places.append([item])
            city = item
        else:
            return [part]
    # Without a workplace prefix two names may be a district and its city ("Soho, London"): only a longer list
    # ("San Francisco, New York City, Austin") is surely several places.
    if len(places) < (2 if prefixed else _MIN_UNPREFIXED_PLACES) or not place_names.city_countries(first):
        return [part]
    return [", ".join(place) for place in places]


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
