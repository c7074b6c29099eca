"""The hand-written sample catalogue: postings per board and day, and the ground truth behind them."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from itertools import product
from typing import Any

from job_assets_sandbox.catalog import ashby, greenhouse, lever
from job_assets_sandbox.catalog.data import load_companies, load_roles
from job_assets_sandbox.catalog.ids import greenhouse_id, small_id, uuid_id
from job_assets_sandbox.catalog.model import (
    DAYS,
    CompanyProfile,
    Opening,
    PayTruth,
    PostingKey,
    SamplePosting,
    Source,
    pay_truth,
)
from job_assets_sandbox.catalog.places import PLACES

ROLES = load_roles()


@dataclass(frozen=True)
class DayChanges:
    """What a day's boards changed against the day before (posting keys)."""

    removed: tuple[PostingKey, ...]
    added: tuple[PostingKey, ...]
    edited: tuple[PostingKey, ...]


def _requisition(company: CompanyProfile, opening: Opening, department: str) -> str:
    prefix = "".join(ch for ch in department.upper() if ch.isalpha())[:3] or "GEN"
    return f"{prefix}-{small_id(company.slug, opening.key, base=100, span=900)}"


def _source_id(company: CompanyProfile, opening: Opening, source: Source, place: str | None) -> str:
    parts = (company.slug, opening.key, source, place or "")
    return str(greenhouse_id(*parts)) if source == "greenhouse" else uuid_id(*parts)


def build_postings(company: CompanyProfile) -> list[SamplePosting]:
    postings: list[SamplePosting] = []
    for opening in company.openings:
        role = ROLES[opening.role]
        sources = [s for s in company.boards if opening.sources is None or s in opening.sources]
        groups = [(key,) for key in opening.locations] if opening.split else [opening.locations]
        department = opening.department or role.department
        for source, places in product(sources, groups):
            postings.append(
                SamplePosting(
                    company=company,
                    opening=opening,
                    role=role,
                    source=source,
                    board=company.boards[source],
                    source_id=_source_id(company, opening, source, places[0] if opening.split else None),
                    places=tuple(PLACES[k] for k in places),
                    requisition=_requisition(company, opening, department),
                    # A repost (`same_as`) is a new post of the same Greenhouse job: it keeps that job's id.
                    internal_id=small_id(
                        company.slug, opening.same_as or opening.key, base=3_000_000, span=999_999
                    ),
                )
            )
    return postings


def validate(companies: tuple[CompanyProfile, ...], postings: list[SamplePosting]) -> None:
    """Fail loudly on a content mistake: ground truth that points nowhere, or two unrelated openings of one
    company sharing an archetype (which would make the truth ambiguous)."""
    problems: list[str] = []
    seen: dict[PostingKey, SamplePosting] = {}
    for p in postings:
        if p.key in seen:
            problems.append(f"id collision {p.key}")
        seen[p.key] = p
    for company in companies:
        keys = {o.key for o in company.openings}
        by_role: dict[str, list[Opening]] = defaultdict(list)
        for o in company.openings:
            for ref in (o.same_as, o.negative_of):
                if ref is not None and ref not in keys:
                    problems.append(f"{company.slug}/{o.key}: refers to unknown opening {ref!r}")
            if o.role not in ROLES or any(k not in PLACES for k in o.locations):
                problems.append(f"{company.slug}/{o.key}: unknown role or place")
            if o.level and o.level not in ROLES[o.role].levels:
                problems.append(f"{company.slug}/{o.key}: unknown level {o.level!r}")
            if o.pay and "greenhouse" in company.boards and not o.pay.in_text and o.sources != ("ashby",):
                problems.append(
                    f"{company.slug}/{o.key}: Greenhouse has no structured pay; state it in the text"
                )
            by_role[o.role].append(o)
        for role, openings in by_role.items():
            linked = {o.key for o in openings if o.same_as or o.negative_of}
            linked |= {o.same_as or o.negative_of for o in openings if o.same_as or o.negative_of}
            if len(openings) > 1 and len({o.key for o in openings} - linked) > 0:
                problems.append(f"{company.slug}: openings {[o.key for o in openings]} share role {role!r}")
    if problems:
        raise ValueError("invalid sample catalogue:\n" + "\n".join(problems))


class SampleCatalog:
    """The sample boards of every hand-written company, for days 1 to 3."""

    def __init__(self, companies: tuple[CompanyProfile, ...] | None = None) -> None:
        companies = load_companies() if companies is None else companies
        self.companies = companies
        self._postings = [p for c in companies for p in build_postings(c)]
        validate(companies, self._postings)
        self._boards: dict[tuple[str, str], list[SamplePosting]] = defaultdict(list)
        for company in companies:
            for source, board in company.boards.items():
                self._boards[(source, board)] = []
        for p in self._postings:
            self._boards[(p.source, p.board)].append(p)

    # --- boards -----------------------------------------------------------------------------------------
    def boards(self, source: Source | None = None) -> list[tuple[str, str]]:
        return [key for key in self._boards if source is None or key[0] == source]

    def board(self, source: str, board: str, day: int = 1) -> list[SamplePosting] | None:
        """The postings a board lists on `day`, in board order; None for a board that does not exist."""
        _check_day(day)
        postings = self._boards.get((source, board))
        if postings is None:
            return None
        return [p for p in postings if p.opening.listed_on(day, p.source)]

    def postings(
        self,
        day: int | None = 1,
        *,
        source: str | None = None,
        company: str | None = None,
        unlisted: bool = True,
    ) -> list[SamplePosting]:
        """Every posting served on `day` (None: on any day); `unlisted=False` leaves out Ashby's unlisted
        jobs, which boards serve but which are not public openings."""
        if day is not None:
            _check_day(day)
        return [
            p
            for p in self._postings
            if (day is None or p.opening.listed_on(day, p.source))
            and (source is None or p.source == source)
            and (company is None or p.company.slug == company)
            and (unlisted or p.opening.listed)
        ]

    def render(self, posting: SamplePosting, day: int = 1) -> dict[str, Any]:
        """One posting as its board's API returns it (Greenhouse with content, Ashby with compensation)."""
        if posting.source == "greenhouse":
            return greenhouse.job(posting, day, content=True)
        if posting.source == "lever":
            return lever.posting_json(posting, day)
        return ashby.job(posting, day, include_compensation=True)

    # --- ground truth -------------------------------------------------------------------------------------
    def opening_ids(self, day: int | None = None) -> dict[PostingKey, str]:
        """Posting -> the real opening it advertises (`company/opening`), public postings only."""
        return {p.key: p.identity for p in self.postings(day, unlisted=False)}

    def duplicate_groups(self, day: int | None = None) -> list[list[PostingKey]]:
        """Sets of postings that are one real opening (two or more postings each), sorted."""
        groups: dict[str, list[PostingKey]] = defaultdict(list)
        for key, identity in self.opening_ids(day).items():
            groups[identity].append(key)
        return sorted(sorted(g) for g in groups.values() if len(g) > 1)

    def hard_negatives(self, day: int | None = None) -> list[tuple[PostingKey, PostingKey, str]]:
        """Pairs that look alike but are different openings, with the reason."""
        postings = self.postings(day, unlisted=False)
        pairs = []
        for a in postings:
            if a.opening.negative_of is None:
                continue
            for b in postings:
                if b.company is a.company and b.opening.key == a.opening.negative_of:
                    pairs.append((a.key, b.key, a.opening.negative_reason))
        return pairs

    def expected_pay(self, day: int = 1) -> dict[PostingKey, PayTruth | None]:
        """The pay each public posting states (text or structured), for evaluating extractors."""
        return {p.key: pay_truth(p.opening.pay_on(day)) for p in self.postings(day, unlisted=False)}

    def changes(self, day: int) -> DayChanges:
        """What changed on `day` against `day - 1`."""
        _check_day(day)
        before = {p.key for p in self.postings(day - 1)} if day > 1 else set()
        after = {p.key: p for p in self.postings(day)}
        edited = tuple(sorted(k for k, p in after.items() if p.opening.edit_day == day and k in before))
        return DayChanges(
            removed=tuple(sorted(before - after.keys())),
            added=tuple(sorted(after.keys() - before)),
            edited=edited,
        )


def _check_day(day: int) -> None:
    if day not in DAYS:
        raise ValueError(f"sample boards exist for days {DAYS[0]} to {DAYS[-1]}, not day {day}")


@cache
def sample_catalog() -> SampleCatalog:
    """The shared, immutable sample catalogue (built once per process)."""
    return SampleCatalog()
