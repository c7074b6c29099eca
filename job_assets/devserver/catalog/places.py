"""The cities and remote areas the sample companies hire in."""

from __future__ import annotations

from job_assets.devserver.catalog.model import Place

_US = ("United States", "US")
_CA = ("Canada", "CA")


def _us(key: str, city: str, region: str, code: str) -> Place:
    return Place(key, city, region, code, *_US)


PLACES: dict[str, Place] = {
    p.key: p
    for p in (
        _us("pittsburgh", "Pittsburgh", "Pennsylvania", "PA"),
        _us("boston", "Boston", "Massachusetts", "MA"),
        _us("austin", "Austin", "Texas", "TX"),
        _us("reno", "Reno", "Nevada", "NV"),
        _us("columbus", "Columbus", "Ohio", "OH"),
        _us("allentown", "Allentown", "Pennsylvania", "PA"),
        _us("dallas", "Dallas", "Texas", "TX"),
        _us("atlanta", "Atlanta", "Georgia", "GA"),
        _us("chicago", "Chicago", "Illinois", "IL"),
        _us("portland", "Portland", "Oregon", "OR"),
        _us("nyc", "New York", "New York", "NY"),
        _us("sf", "San Francisco", "California", "CA"),
        _us("seattle", "Seattle", "Washington", "WA"),
        _us("denver", "Denver", "Colorado", "CO"),
        _us("nashville", "Nashville", "Tennessee", "TN"),
        _us("memphis", "Memphis", "Tennessee", "TN"),
        Place("montreal", "Montreal", "Quebec", "QC", *_CA),
        Place("vancouver", "Vancouver", "British Columbia", "BC", *_CA),
        Place("toronto", "Toronto", "Ontario", "ON", *_CA),
        Place("london", "London", "England", None, "United Kingdom", "UK"),
        Place("berlin", "Berlin", "Berlin", None, "Germany", "DE"),
        Place("amsterdam", "Amsterdam", "North Holland", None, "Netherlands", "NL"),
        Place("dublin", "Dublin", "Leinster", None, "Ireland", "IE"),
        Place("remote-us", None, None, None, *_US, remote=True),
        Place("remote-ca", None, None, None, *_CA, remote=True),
        Place("remote-uk", None, None, None, "United Kingdom", "UK", remote=True),
    )
}

# ISO 3166 alpha-2 as Lever's `country` field gives it (the UK is GB there).
ISO_COUNTRY = {"UK": "GB"}


def iso_country(place: Place) -> str:
    return ISO_COUNTRY.get(place.country_code, place.country_code)
