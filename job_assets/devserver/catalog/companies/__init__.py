"""The hand-written sample companies, one module each."""

from __future__ import annotations

from job_assets.devserver.catalog.companies import (
    brightpath,
    cobalt,
    fernhill,
    juniper,
    kestrel,
    lumen,
    northwind,
    orbital,
    quillstone,
    tidewater,
)
from job_assets.devserver.catalog.model import CompanyProfile

COMPANIES: tuple[CompanyProfile, ...] = tuple(
    m.COMPANY
    for m in (
        northwind,
        tidewater,
        cobalt,
        brightpath,
        fernhill,
        orbital,
        quillstone,
        lumen,
        kestrel,
        juniper,
    )
)
