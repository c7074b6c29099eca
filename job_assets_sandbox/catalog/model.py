"""The records the sample boards are built from.

Content is written once, source-neutrally (a company profile, its openings, role archetypes), and rendered
into each ATS's wire format by `greenhouse.py`, `lever.py` and `ashby.py`. Keeping the truth (which postings
are one opening, what the pay is) next to the content means tests and evaluations never have to guess it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Literal

Source = Literal["greenhouse", "lever", "ashby"]
SOURCES: tuple[Source, ...] = ("greenhouse", "lever", "ashby")
Workplace = Literal["onsite", "hybrid", "remote", "unspecified"]
Employment = Literal["full_time", "part_time", "contract", "intern", "temporary"]
Period = Literal["year", "month", "week", "day", "hour"]
PostingKey = tuple[str, str]  # (source, source_id), as in `parsed_postings.posting_key`

# Day 1 of the sample boards. Fixed, so every rendering is byte-for-byte reproducible.
DAY_ONE = datetime(2025, 9, 15, 13, 0, tzinfo=UTC)
DAYS = (1, 2, 3)


def day_start(day: int) -> datetime:
    return DAY_ONE + timedelta(days=day - 1)


@dataclass(frozen=True)
class Place:
    key: str
    city: str | None  # None for a remote area
    region: str | None
    region_code: str | None
    country: str
    country_code: str
    remote: bool = False

    @property
    def name(self) -> str:
        """How most boards print it: `Pittsburgh, PA`, `London, United Kingdom`, `Remote - US`."""
        if self.remote:
            return f"Remote - {self.country_code if self.country_code in ('US', 'UK') else self.country}"
        if self.country_code in ("US", "CA"):
            return f"{self.city}, {self.region_code}"
        return f"{self.city}, {self.country}"


@dataclass(frozen=True)
class PayTier:
    """One range of a pay table: per location zone, or per country with its own currency."""

    label: str
    min: int
    max: int
    currency: str | None = None  # None: the currency of the `Pay`


@dataclass(frozen=True)
class Pay:
    """What the posting pays and how it says so. `min=None` is an open-ended `up to $210k`."""

    min: int | None
    max: int
    currency: str = "USD"
    period: Period = "year"
    style: str = "range"  # see pay.STYLES
    sentence: str | None = None  # a template with {range}; None: the company's default sentence
    tiers: tuple[PayTier, ...] = ()
    in_text: bool = True  # stated in the description
    structured: bool = True  # in Lever salaryRange / Ashby compensation / Greenhouse pay_input_ranges
    equity: bool = False


@dataclass(frozen=True)
class Level:
    """A level of a role archetype: the same skeleton with a few level-specific lines (a hard negative)."""

    title: str
    years: str
    responsibilities: tuple[str, ...] = ()
    requirements: tuple[str, ...] = ()


@dataclass(frozen=True)
class Role:
    """A role archetype; `{company}`, `{product}`, `{domain}`, `{customers}`, `{stack}`, `{cloud}`, `{data}`
    and `{team}` are filled from the company and the opening."""

    key: str
    title: str
    department: str
    team: str
    summary: str
    detail: str
    responsibilities: tuple[str, ...]
    requirements: tuple[str, ...]
    nice_to_have: tuple[str, ...] = ()
    years: str = "3+"
    levels: Mapping[str, Level] = field(default_factory=dict)


@dataclass(frozen=True)
class Opening:
    """One real opening at a company, as its recruiter wrote it; it may become several postings."""

    key: str
    role: str
    locations: tuple[str, ...]
    title: str | None = None
    level: str | None = None
    team: str | None = None
    department: str | None = None
    workplace: Workplace = "onsite"
    employment: Employment = "full_time"
    pay: Pay | None = None
    posted: int = 14  # days before day 1
    intro: str | None = None  # replaces the role's summary paragraph
    added: tuple[str, ...] = ()  # sentences appended to the detail paragraph
    split: bool = False  # one posting per location, same requisition and description
    sources: tuple[Source, ...] | None = None  # None: every source of the company
    same_as: str | None = None  # ground truth: a repost of that opening
    negative_of: str | None = None  # ground truth: looks like that opening but is another job
    negative_reason: str = ""
    opens: int = 1  # first day listed
    closes: int | None = None  # first day no longer listed
    closes_sources: tuple[Source, ...] | None = None  # None: closes everywhere
    reopens: int | None = None  # listed again from this day, same ids
    edit_day: int | None = None  # edited in place (same ids) from this day
    edit_pay: Pay | None = None
    edit_added: tuple[str, ...] = ()
    listed: bool = True  # False: Ashby `isListed: false`, reachable by link only, not a public opening
    source_titles: tuple[tuple[Source, str], ...] = ()  # a mirror's title as that board words it

    def listed_on(self, day: int, source: Source) -> bool:
        if day < self.opens:
            return False
        closed = self.closes is not None and day >= self.closes
        if closed and self.closes_sources is not None and source not in self.closes_sources:
            closed = False
        if closed and self.reopens is not None and day >= self.reopens:
            closed = False
        return not closed

    def pay_on(self, day: int) -> Pay | None:
        if self.edit_day is not None and day >= self.edit_day and self.edit_pay is not None:
            return self.edit_pay
        return self.pay


@dataclass(frozen=True)
class CompanyProfile:
    slug: str
    name: str
    boards: Mapping[Source, str]
    vars: Mapping[str, str]  # product, domain, customers, stack, cloud, data
    about: tuple[str, ...]  # "about us" paragraphs, shared by every posting (with traps: funding, counts)
    benefits: tuple[str, ...]
    eeo: str
    openings: tuple[Opening, ...]
    website: str
    pay_sentence: str = "The base salary range for this role is {range}."
    utc_offset: int = -4  # hours, for Greenhouse timestamps
    about_first: bool = True
    script: str | None = None  # a stray <script> some boards leave in the content
    metadata: bool = False  # Greenhouse custom fields (Employment Type)
    pay_block: bool = False  # Greenhouse pay transparency block in the content instead of a sentence
    pay_inline: bool = False  # pay sentence at the end of "about the role" rather than its own section
    headings: tuple[str, str, str] = ("What you'll do", "What you'll bring", "Nice to have")


@dataclass(frozen=True)
class SamplePosting:
    """One posting as one board lists it."""

    company: CompanyProfile
    opening: Opening
    role: Role
    source: Source
    board: str
    source_id: str
    places: tuple[Place, ...]
    requisition: str
    internal_id: int  # Greenhouse internal_job_id: shared by the postings of one requisition

    @property
    def key(self) -> PostingKey:
        return (self.source, self.source_id)

    @property
    def identity(self) -> str:
        """The real opening this posting advertises (ground truth for deduplication)."""
        return f"{self.company.slug}/{self.opening.same_as or self.opening.key}"

    @property
    def title(self) -> str:
        for source, title in self.opening.source_titles:
            if source == self.source:
                return title
        if self.opening.title:
            return self.opening.title
        if self.opening.level:
            return self.role.levels[self.opening.level].title
        return self.role.title

    @property
    def team(self) -> str:
        return self.opening.team or self.role.team

    @property
    def department(self) -> str:
        return self.opening.department or self.role.department

    @property
    def published(self) -> datetime:
        """First published: `posted` days before its opening day, at a time of day that varies per posting."""
        noise = int(self.source_id.replace("-", "")[-6:], 16)
        opened = day_start(self.opening.opens) - timedelta(days=self.opening.posted)
        return opened.replace(hour=4) + timedelta(minutes=noise % 480, seconds=noise % 59)

    def updated(self, day: int) -> datetime:
        if self.opening.edit_day is not None and day >= self.opening.edit_day:
            return day_start(self.opening.edit_day) - timedelta(hours=3, minutes=17)
        return self.published + timedelta(hours=5, minutes=int(self.source_id.replace("-", "")[-2:], 16) % 60)


@dataclass(frozen=True)
class PayTruth:
    """The pay a posting states, for evaluating extractors. Tiers in another currency are left out of
    min/max but kept in `tiers`."""

    min: int | None
    max: int
    currency: str
    period: Period
    tiers: tuple[PayTier, ...] = ()


def pay_truth(pay: Pay | None) -> PayTruth | None:
    if pay is None:
        return None
    same = [t for t in pay.tiers if (t.currency or pay.currency) == pay.currency]
    low = min(t.min for t in same) if same else pay.min
    high = max(t.max for t in same) if same else pay.max
    return PayTruth(low, high, pay.currency, pay.period, pay.tiers)
