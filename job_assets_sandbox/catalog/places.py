"""The cities and remote areas the sample companies hire in (data in `places.yaml`)."""

from __future__ import annotations

from job_assets_sandbox.catalog.data import load_places
from job_assets_sandbox.catalog.model import Place

PLACES: dict[str, Place] = load_places()

# ISO 3166 alpha-2 as Lever's `country` field gives it (the UK is GB there).
ISO_COUNTRY = {"UK": "GB"}


def iso_country(place: Place) -> str:
    return ISO_COUNTRY.get(place.country_code, place.country_code)
