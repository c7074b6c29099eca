"""Synthetic boards for benchmarks: N companies x M postings, generated on request and cheap.

Content reuses the hand-written role archetypes with a company's own vocabulary, so payload sizes and
shapes match the sample boards. Company `i` lists the same postings every day.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from job_assets_sandbox.catalog.data import load_roles
from job_assets_sandbox.catalog.ids import uuid_id
from job_assets_sandbox.catalog.model import SOURCES, CompanyProfile, Opening, Pay, SamplePosting, Source
from job_assets_sandbox.catalog.places import PLACES

ROLES = load_roles()

_ADJECTIVES = (
    "Amber",
    "Birch",
    "Cedar",
    "Delta",
    "Ember",
    "Fjord",
    "Granite",
    "Harbor",
    "Iris",
    "Juniper",
    "Kite",
    "Linden",
    "Maple",
    "Nimbus",
    "Onyx",
    "Pine",
    "Quartz",
    "Rowan",
    "Summit",
    "Tundra",
)
_NOUNS = (
    "Analytics",
    "Systems",
    "Robotics",
    "Health",
    "Labs",
    "Logistics",
    "Energy",
    "Software",
    "Security",
    "Finance",
    "Networks",
    "Bio",
    "Mobility",
    "Media",
    "Cloud",
)
_DOMAINS = (
    "supply chain planning",
    "clinical operations",
    "retail analytics",
    "industrial IoT",
    "insurance claims",
    "construction management",
    "field service",
    "e-commerce payments",
)
_STACKS = (
    "Python and TypeScript",
    "Go and React",
    "Java and Kotlin",
    "Ruby on Rails and React",
    "Rust and Python",
)
_CLOUDS = ("AWS", "Google Cloud", "Azure")
_ROLE_KEYS = sorted(ROLES)
_PLACE_KEYS = sorted(PLACES)
_WORKPLACES = ("onsite", "hybrid", "remote", "hybrid")
_PAY_STYLES = ("range", "k", "iso", "endash", "up_to")
_BOARD_RE = re.compile(r"^(?P<prefix>[a-z]+)-?(?P<index>\d{4,})$")


class ScaleCatalog:
    """`companies` synthetic companies with `postings` postings on each of their boards.

    Company `i` (0-based) has `sources_per_company` boards, rotating through Greenhouse, Lever and Ashby;
    board names are `bench0007` (Greenhouse) and `bench-0007` (Lever, Ashby); slugs `bench-0007`.
    """

    def __init__(self, companies: int, postings: int, *, sources_per_company: int = 1, prefix: str = "bench"):
        if companies < 1 or postings < 0 or not 1 <= sources_per_company <= 3:
            raise ValueError("need companies >= 1, postings >= 0 and 1 <= sources_per_company <= 3")
        if not prefix.isalpha() or not prefix.islower():
            raise ValueError("prefix must be lowercase letters")
        self.n_companies = companies
        self.n_postings = postings
        self.sources_per_company = sources_per_company
        self.prefix = prefix
        self._company = lru_cache(maxsize=4096)(self._make_company)
        self._board = lru_cache(maxsize=256)(self._make_board)

    def slug(self, index: int) -> str:
        return f"{self.prefix}-{index:04d}"

    def sources(self, index: int) -> tuple[Source, ...]:
        return tuple(SOURCES[(index + k) % 3] for k in range(self.sources_per_company))

    def board_name(self, index: int, source: Source) -> str:
        return f"{self.prefix}{index:04d}" if source == "greenhouse" else self.slug(index)

    def company(self, index: int) -> CompanyProfile:
        return self._company(index)

    def company_name(self, index: int) -> str:
        return f"{_ADJECTIVES[index % 20]} {_NOUNS[(index // 20) % 15]} {index:04d}"

    def _make_company(self, index: int) -> CompanyProfile:
        name = self.company_name(index)
        domain = _DOMAINS[index % len(_DOMAINS)]
        openings = []
        for j in range(self.n_postings):
            role = _ROLE_KEYS[(index + j) % len(_ROLE_KEYS)]
            lap = j // len(_ROLE_KEYS)
            pay = None
            if (index + j) % 2 == 0:
                low = 60_000 + ((index * 7 + j) % 30) * 5_000
                style = _PAY_STYLES[(index + j) % len(_PAY_STYLES)]
                pay = Pay(None if style == "up_to" else low, low + 30_000, style=style)
            openings.append(
                Opening(
                    key=f"p{j:04d}",
                    role=role,
                    title=f"{ROLES[role].title} ({lap + 1})" if lap else None,
                    locations=(_PLACE_KEYS[(index * 3 + j) % len(_PLACE_KEYS)],),
                    workplace=_WORKPLACES[(index + j) % len(_WORKPLACES)],  # type: ignore[arg-type]
                    pay=pay,
                    posted=(index + j) % 45,
                )
            )
        return CompanyProfile(
            slug=self.slug(index),
            name=name,
            boards={s: self.board_name(index, s) for s in self.sources(index)},
            website=f"https://{self.slug(index)}.example.com",
            vars={
                "product": f"the {name} platform",
                "domain": domain,
                "customers": f"{domain} teams",
                "stack": _STACKS[index % len(_STACKS)],
                "cloud": _CLOUDS[index % len(_CLOUDS)],
                "data": f"data from {(index % 90) + 10} million {domain} events",
            },
            about=(
                f"{name} builds software for {domain}. Teams at {(index % 900) + 100} companies rely on us every day.",
                f"We are {(index % 400) + 40} people, and we raised ${(index % 80) + 10}M from long-term investors.",
            ),
            benefits=(
                "Medical, dental and vision insurance",
                f"401(k) with a {(index % 5) + 2}% match",
                "Flexible time off and paid parental leave",
            ),
            eeo=f"{name} is an equal opportunity employer and values diversity of every kind.",
            openings=tuple(openings),
            utc_offset=-5,
        )

    def _make_board(self, source: Source, index: int) -> tuple[SamplePosting, ...]:
        company = self.company(index)
        postings = []
        for j, opening in enumerate(company.openings):
            source_id = (
                str(5_000_000_000 + index * 10_000 + j)
                if source == "greenhouse"
                else uuid_id(self.prefix, index, j, source)
            )
            postings.append(
                SamplePosting(
                    company=company,
                    opening=opening,
                    role=ROLES[opening.role],
                    source=source,
                    board=company.boards[source],
                    source_id=source_id,
                    places=tuple(PLACES[k] for k in opening.locations),
                    requisition=f"REQ-{index:04d}-{j:03d}",
                    internal_id=3_000_000 + index * 10_000 + j,
                )
            )
        return tuple(postings)

    def board(self, source: str, board: str, day: int = 1) -> list[SamplePosting] | None:
        """The board's postings (the same every day); None when no synthetic company has that board."""
        match = _BOARD_RE.match(board)
        if match is None or match["prefix"] != self.prefix:
            return None
        index = int(match["index"])
        if index >= self.n_companies or source not in self.sources(index):
            return None
        if board != self.board_name(index, source):  # type: ignore[arg-type]
            return None
        return list(self._board(source, index))

    def registry(self) -> dict[str, list[dict[str, object]]]:
        """The synthetic companies in the registry format of `job_assets/registry.py`."""
        companies = []
        for index in range(self.n_companies):
            sources = []
            for source in self.sources(index):
                key = "site" if source == "lever" else "board"
                sources.append({"type": source, key: self.board_name(index, source)})
            companies.append({"slug": self.slug(index), "name": self.company_name(index), "sources": sources})
        return {"companies": companies}

    def write_registry(self, path: str | Path) -> Path:
        path = Path(path)
        path.write_text(yaml.safe_dump(self.registry(), sort_keys=False), encoding="utf-8")
        return path
