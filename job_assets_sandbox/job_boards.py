"""LinkedIn and Indeed on loopback, in their real wire formats, for python-jobspy.

jobspy reads its board URLs from class attributes (`LinkedIn.base_url`, `Indeed.api_url`), so
`pointed_at(server.url)` makes the real `scrape_jobs` talk to `JobBoardsServer` and nothing else:
- LinkedIn: the guest search fragment `/jobs-guest/jobs/api/seeMoreJobPostings/search` (10 cards a
  page, `start` paging, the exact empty page jobspy recognises) and the job page `/jobs/view/{id}`;
- Indeed: the GraphQL `jobSearch` endpoint (`POST /graphql`), with `what:` and `cursor:` read from
  the query jobspy builds.
A search returns the jobs whose company or title contains a keyword, so a company search also
brings other companies with similar names: the fetcher must filter them out.
Content: some openings of the catalogue's Northwind Robotics (also on its Greenhouse board: cross-source
duplicates), plus the noise. `opening_ids` is the ground truth for the mirrored ones.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime

from job_assets_sandbox.loopback import LoopbackServer, Request, Response

LINKEDIN_SEARCH = "/jobs-guest/jobs/api/seeMoreJobPostings/search"
LINKEDIN_EMPTY_PAGE = "<!DOCTYPE html>\n\n<!---->"  # what LinkedIn sends past the last page
INDEED_GRAPHQL = "/graphql"
LINKEDIN_PAGE = 10  # cards per search page (jobspy stops when a page has fewer)
INDEED_PAGE = 100


@dataclass(frozen=True)
class BoardJob:
    """One job as the boards show it; `linkedin_id`/`indeed_key` None: not on that board."""

    title: str
    company: str
    city: str | None
    region: str | None  # a US state code, as LinkedIn prints it
    country: str  # ISO alpha-2
    description_html: str
    posted: date
    linkedin_id: str | None = None
    indeed_key: str | None = None
    pay: tuple[float, float, str, str] | None = None  # min, max, currency, period (YEAR|MONTH|HOUR)
    employment: str = "Full-time"  # LinkedIn's criteria wording
    remote: bool = False
    apply_url: str | None = None  # the employer's own page (Indeed `viewJobUrl`)
    opening: str | None = None  # ground truth: the catalogue opening (`company/opening`) it advertises

    @property
    def linkedin_location(self) -> str:
        if self.remote and not self.city:
            return "United States" if self.country == "US" else self.country
        return (
            ", ".join(p for p in (self.city, self.region) if p)
            if self.country == "US"
            else f"{self.city}, {self.country}"
        )


_INDEED_JOB_TYPES = {
    "Full-time": "CF3CP",
    "Part-time": "75GKK",
    "Contract": "NJXCK",
    "Internship": "VDTG7",
    "Temporary": "4HKF7",
}
_INDEED_REMOTE = "DSQF7"
_LINKEDIN_PERIOD = {"YEAR": "/yr", "MONTH": "/mo", "HOUR": "/hr"}


def _money(value: float) -> str:
    return f"${value:,.2f}"


def linkedin_card(job: BoardJob, base: str, position: int) -> str:
    """A search-result card in LinkedIn's guest markup (the classes jobspy's parser looks for)."""
    slug = re.sub(r"[^a-z0-9]+", "-", f"{job.title} at {job.company}".lower()).strip("-")
    company_slug = re.sub(r"[^a-z0-9]+", "-", job.company.lower()).strip("-")
    return (
        "<li>\n"
        '<div class="base-card relative w-full hover:no-underline focus:no-underline base-card--link '
        f'base-search-card base-search-card--link job-search-card" data-entity-urn="urn:li:jobPosting:{job.linkedin_id}" '
        f'data-impression-id="jobs-search-result-{position}" data-reference-id="ref{position}" data-tracking-id="trk{position}">\n'
        f'<a class="base-card__full-link absolute top-0 right-0 bottom-0 left-0 p-0 z-[2]" '
        f'href="{base}/jobs/view/{slug}-{job.linkedin_id}?position={position + 1}&amp;pageNum=0" '
        'data-tracking-control-name="public_jobs_jserp-result_search-card">'
        f'<span class="sr-only">{html.escape(job.title)}</span></a>\n'
        '<div class="search-entity-media"><img class="artdeco-entity-image artdeco-entity-image--square-4" '
        f'data-delayed-url="{base}/media/logo-{company_slug}.png" alt=""></div>\n'
        '<div class="base-search-card__info">\n'
        f'<h3 class="base-search-card__title">\n        {html.escape(job.title)}\n      </h3>\n'
        '<h4 class="base-search-card__subtitle">\n'
        f'<a class="hidden-nested-link" href="{base}/company/{company_slug}?trk=public_jobs_jserp-result_job-search-card-subtitle">'
        f"\n          {html.escape(job.company)}\n        </a>\n</h4>\n"
        '<div class="base-search-card__metadata">\n'
        f'<span class="job-search-card__location">\n          {html.escape(job.linkedin_location)}\n        </span>\n'
        f'<time class="job-search-card__listdate" datetime="{job.posted.isoformat()}">\n  recently\n</time>\n'
        "</div>\n</div>\n</div>\n</li>\n"
    )


def linkedin_job_page(job: BoardJob) -> str:
    """The public job page: description, pay and the criteria list jobspy reads with `fetch_description`."""
    salary = ""
    if job.pay:
        low, high, _, period = job.pay
        suffix = _LINKEDIN_PERIOD.get(period, "/yr")
        salary = (
            f'<div class="compensation__salary">\n  {_money(low)}{suffix} - {_money(high)}{suffix}\n</div>'
        )
    criteria = "".join(
        f'<li class="description__job-criteria-item"><h3 class="description__job-criteria-subheader">{name}</h3>'
        f'<span class="description__job-criteria-text description__job-criteria-text--criteria">{value}</span></li>'
        for name, value in (
            ("Seniority level", "Mid-Senior level"),
            ("Employment type", job.employment),
            ("Job function", "Engineering"),
            ("Industries", "Software Development"),
        )
    )
    return (
        f"<!DOCTYPE html><html><head><title>{html.escape(job.company)} hiring {html.escape(job.title)}</title></head><body>"
        f'<main><h1 class="top-card-layout__title">{html.escape(job.title)}</h1>{salary}'
        '<div class="description__text description__text--rich"><section class="show-more-less-html">'
        f'<div class="show-more-less-html__markup show-more-less-html__markup--clamp-after-5">{job.description_html}</div>'
        f'</section></div><ul class="description__job-criteria-list">{criteria}</ul></main></body></html>'
    )


def indeed_job(job: BoardJob) -> dict[str, object]:
    """One `jobSearch.results[].job` object as Indeed's GraphQL API returns it."""
    posted = datetime(job.posted.year, job.posted.month, job.posted.day, 15, tzinfo=UTC)
    attributes = (
        [{"key": _INDEED_JOB_TYPES[job.employment], "label": job.employment}]
        if job.employment in _INDEED_JOB_TYPES
        else []
    )
    if job.remote:
        attributes.append({"key": _INDEED_REMOTE, "label": "Remote"})
    salary = None
    if job.pay:
        low, high, _, period = job.pay
        salary = {"unitOfWork": period, "range": {"min": low, "max": high}}
    return {
        "key": job.indeed_key,
        "title": job.title,
        "sourceEmployerName": job.company,
        "dateOnIndeed": int(posted.timestamp() * 1000),
        "description": {"html": job.description_html},
        "location": {"countryCode": job.country, "admin1Code": job.region, "city": job.city},
        "compensation": {
            "baseSalary": salary,
            "currencyCode": job.pay[2] if job.pay else None,
            "estimated": None,
        },
        "attributes": attributes,
        "employer": {
            "relativeCompanyPageUrl": f"/cmp/{re.sub(r'[^A-Za-z0-9]+', '-', job.company)}",
            "name": job.company,
            "ugcStats": {"ratings": {"overallRating": {"value": 4.1, "count": 57}}},
            "dossier": {
                "employerDetails": {
                    "addresses": None,
                    "industry": "TECH_SOFTWARE",
                    "employeesLocalizedLabel": "201 to 500",
                    "revenueLocalizedLabel": None,
                    "briefDescription": None,
                },
                "images": {"squareLogoUrl": None},
                "links": {"corporateWebsite": None},
            },
        },
        "recruit": {"viewJobUrl": job.apply_url},
    }


def _matches(job: BoardJob, keywords: str | None) -> bool:
    words = re.findall(r"\w+", (keywords or "").lower())
    text = f"{job.company} {job.title}".lower()
    return not words or any(w in text for w in words)


class JobBoardsServer(LoopbackServer):
    """LinkedIn's guest pages and Indeed's GraphQL API over `jobs`. Make a board fail with the base
    class's faults, e.g. `server.fail(INDEED_GRAPHQL, 429, times=None)`."""

    def __init__(self, jobs: list[BoardJob] | None = None, *, port: int = 0) -> None:
        super().__init__(port=port)
        self.jobs = list(sample_jobs() if jobs is None else jobs)
        self.route(LINKEDIN_SEARCH, self._linkedin_search)
        self.route(r"/jobs/view/(?:[a-z0-9-]+-)?(?P<id>\d+)", self._linkedin_job)
        self.route(INDEED_GRAPHQL, self._indeed_search, methods=("POST",))

    def _linkedin_search(self, request: Request) -> Response:
        found = [j for j in self.jobs if j.linkedin_id and _matches(j, request.query.get("keywords"))]
        start = int(request.query.get("start", "0"))
        page = found[start : start + LINKEDIN_PAGE]
        if not page:
            return Response.html(LINKEDIN_EMPTY_PAGE)
        return Response.html("".join(linkedin_card(j, self.url, start + i) for i, j in enumerate(page)))

    def _linkedin_job(self, request: Request) -> Response:
        job = next((j for j in self.jobs if j.linkedin_id == request.params["id"]), None)
        if job is None:
            return Response.html("<html><body><h1>This job is no longer available</h1></body></html>", 404)
        return Response.html(linkedin_job_page(job))

    def _indeed_search(self, request: Request) -> Response:
        query = (request.json() or {}).get("query", "")
        what = re.search(r'what:\s*"((?:[^"\\]|\\.)*)"', query)
        cursor = re.search(r'cursor:\s*"(\d+)"', query)
        found = [j for j in self.jobs if j.indeed_key and _matches(j, what.group(1) if what else None)]
        start = int(cursor.group(1)) if cursor else 0
        page, end = found[start : start + INDEED_PAGE], start + INDEED_PAGE
        search = {
            "pageInfo": {"nextCursor": str(end) if end < len(found) else None},
            "results": [{"job": indeed_job(j)} for j in page],
        }
        return Response.json({"data": {"jobSearch": search}})


@contextmanager
def pointed_at(base_url: str) -> Iterator[None]:
    """Point python-jobspy's LinkedIn and Indeed scrapers at `base_url` (and drop LinkedIn's 3-7 s
    pause between pages, which protects the real site); restores the real URLs on exit."""
    from jobspy.indeed import Indeed
    from jobspy.linkedin import LinkedIn

    from job_assets.sources.job_boards import point_boards

    saved = (LinkedIn.base_url, LinkedIn.delay, Indeed.api_url)
    point_boards(board_urls(base_url))
    LinkedIn.delay = (0.0, 0.0)
    try:
        yield
    finally:
        LinkedIn.base_url, LinkedIn.delay, Indeed.api_url = saved


def board_urls(base_url: str) -> dict[str, str]:
    """The `board_urls` (see `sources.job_boards.point_boards`) of a `JobBoardsServer` at `base_url`."""
    return {"linkedin": base_url, "indeed": f"{base_url}{INDEED_GRAPHQL}"}


# -- sample content: Northwind Robotics (a Greenhouse sample company) mirrored on the boards ----------

MIRRORED_COMPANY = "northwind-robotics"
MIRRORED_OPENINGS = ("perception-swe", "controls-senior", "sre", "field-tech")
_SCRIPT = re.compile(r"<script\b.*?</script>", re.DOTALL | re.IGNORECASE)
_EMPLOYMENT = {
    "full_time": "Full-time",
    "part_time": "Part-time",
    "contract": "Contract",
    "intern": "Internship",
    "temporary": "Temporary",
}


def stable_key(text: str) -> str:
    """A 16-hex-digit Indeed job key that is the same on every run."""
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def mirrored_jobs(day: int = 1) -> list[BoardJob]:
    """Some of the catalogue's Northwind Robotics openings as LinkedIn and Indeed list them: the same
    employer text as on its Greenhouse board (boards copy it), one location per opening, and on
    Indeed a link back to the Greenhouse posting."""
    from job_assets_sandbox.catalog.greenhouse import absolute_url, content_html
    from job_assets_sandbox.catalog.sample import sample_catalog

    jobs: list[BoardJob] = []
    seen: set[str] = set()
    for posting in sample_catalog().postings(day, source="greenhouse", company=MIRRORED_COMPANY):
        opening = posting.opening
        if opening.key not in MIRRORED_OPENINGS or opening.key in seen:
            continue  # a split opening (one posting per city) is advertised once, for its first city
        seen.add(opening.key)
        index = MIRRORED_OPENINGS.index(opening.key)
        place, pay = posting.places[0], opening.pay_on(day)
        jobs.append(
            BoardJob(
                title=posting.title,
                company=posting.company.name if index % 2 == 0 else f"{posting.company.name}, Inc.",
                city=place.city,
                region=place.region_code,
                country=place.country_code,
                description_html=_SCRIPT.sub("", content_html(posting, day)),
                posted=posting.published.date(),
                linkedin_id=str(4_100_000_100 + index),
                indeed_key=stable_key(f"{MIRRORED_COMPANY}/{opening.key}") if index < 2 else None,
                pay=(pay.min or pay.max, pay.max, pay.currency, pay.period.upper()) if pay else None,
                employment=_EMPLOYMENT.get(opening.employment, "Full-time"),
                remote=place.remote,
                apply_url=absolute_url(posting),
                opening=f"{posting.company.slug}/{opening.same_as or opening.key}",
            )
        )
    return jobs


def noise_jobs() -> list[BoardJob]:
    """Results a "Northwind Robotics" search also returns: similar names and a recruiter's ad."""
    text = "<p>A role at another employer that a keyword search for Northwind Robotics also matches.</p>"
    day = date(2025, 9, 10)
    return [
        BoardJob(
            "Warehouse Automation Consultant",
            "Northwind Robotics Consulting LLC",
            "Dallas",
            "TX",
            "US",
            text,
            day,
            linkedin_id="4100000201",
            indeed_key=stable_key("noise/consulting"),
        ),
        BoardJob(
            "Sales Associate", "Northwind Traders", "Seattle", "WA", "US", text, day, linkedin_id="4100000202"
        ),
        BoardJob(
            "Robotics Software Engineer (Northwind Robotics client)",
            "Keystone Talent Partners",
            "Pittsburgh",
            "PA",
            "US",
            text,
            day,
            linkedin_id="4100000203",
            indeed_key=stable_key("noise/keystone"),
            pay=(60, 75, "USD", "HOUR"),
            employment="Contract",
        ),
    ]


def sample_jobs(day: int = 1) -> list[BoardJob]:
    return [*mirrored_jobs(day), *noise_jobs()]


def opening_ids(jobs: list[BoardJob]) -> dict[tuple[str, str], str]:
    """Ground truth for deduplication: jobspy posting key -> the catalogue opening it advertises."""
    truth: dict[tuple[str, str], str] = {}
    for job in jobs:
        if job.opening:
            if job.linkedin_id:
                truth[("jobspy", f"li-{job.linkedin_id}")] = job.opening
            if job.indeed_key:
                truth[("jobspy", f"in-{job.indeed_key}")] = job.opening
    return truth


def registry_source() -> dict[str, object]:
    """The jobspy source the demo adds to Northwind Robotics (next to its Greenhouse board)."""
    return {
        "type": "jobspy",
        "sites": ["linkedin", "indeed"],
        "search_term": "Northwind Robotics",
        "results": 25,
    }
