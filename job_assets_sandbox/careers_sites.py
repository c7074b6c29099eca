"""A company careers website on loopback, with the traps a polite crawler must handle.

`/careers` lists the openings of Copperleaf Energy Storage, a careers-site-only company (these
postings exist on no ATS board or job board). The listing links to
- posting pages WITH schema.org JobPosting JSON-LD (one reached via `?src=listing` whose canonical
  URL drops the query; one whose only canonical is the JSON-LD `url`) and WITHOUT (content only);
- `/careers/internal/...`, which robots.txt disallows;
- a page that never answers (`hang`), and one that redirects to ANOTHER site;
- a posting on another site (`offsite_url`) and nav links (`/about`, `/blog`).
`/careers-js` is the same listing rendered by JavaScript (browser mode), `/bulk-careers` a long
listing (page budget), `/broken-careers` a listing that always fails, `/flaky-careers` a listing
whose posting pages all fail. `CareersSiteServer` serves it; `OtherSiteServer` is the other site.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from datetime import date

from job_assets_sandbox.loopback import LoopbackServer, Request, Response

COMPANY_SLUG = "copperleaf-energy"
COMPANY_NAME = "Copperleaf Energy Storage"
HANGING_PATH = "/careers/jobs/substation-designer"  # never answers
ROBOTS = "User-agent: *\nDisallow: /careers/internal/\nDisallow: /admin/\n"


@dataclass(frozen=True)
class CareerPosting:
    slug: str
    title: str
    department: str
    city: str | None
    region: str | None
    country: str
    paragraphs: tuple[str, ...]
    duties: tuple[str, ...]
    employment: str = "FULL_TIME"
    remote: bool = False
    pay: tuple[float, float, str, str] | None = None  # min, max, currency, unitText
    identifier: str | None = None
    jsonld: bool = True
    canonical_link: bool = True  # <link rel="canonical">; False + jsonld: the JSON-LD `url` only
    listing_query: str = ""  # how the listing links to it (e.g. "?src=listing")
    posted: date = date(2025, 9, 1)
    section: str = "jobs"  # /careers/{section}/{slug}

    @property
    def path(self) -> str:
        return f"/careers/{self.section}/{self.slug}"

    @property
    def location(self) -> str:
        if self.remote:
            return f"Remote ({self.country})"
        return ", ".join(p for p in (self.city, self.region, self.country) if p)


_ABOUT = (
    "Copperleaf Energy Storage designs and operates grid-scale battery storage for utilities and cooperatives "
    "across the Ohio Valley. Our plants smooth out renewable generation and keep the lights on when demand peaks."
)

POSTINGS: tuple[CareerPosting, ...] = (
    CareerPosting(
        slug="battery-test-engineer",
        title="Battery Test Engineer",
        department="Engineering",
        city="Pittsburgh",
        region="PA",
        country="US",
        identifier="CES-1042",
        pay=(118000, 142000, "USD", "YEAR"),
        paragraphs=(
            "You will plan and run the cycling, abuse and thermal tests that qualify every cell and module "
            "before it reaches one of our storage plants.",
            "You will work with our cell suppliers and our controls team to turn test data into design changes.",
        ),
        duties=(
            "Design test plans for lithium iron phosphate modules",
            "Automate test rigs in Python",
            "Write qualification reports",
        ),
    ),
    CareerPosting(
        slug="field-service-technician",
        title="Field Service Technician",
        department="Operations",
        city="Wheeling",
        region="WV",
        country="US",
        identifier="CES-1043",
        pay=(32, 41, "USD", "HOUR"),
        employment="FULL_TIME",
        listing_query="?src=listing",
        paragraphs=(
            "You will keep our battery plants in the Ohio Valley running: scheduled maintenance, fault finding "
            "and repairs on inverters, HVAC and battery racks.",
        ),
        duties=(
            "Perform preventive maintenance",
            "Respond to site alarms on a rotating schedule",
            "Keep safety records",
        ),
    ),
    CareerPosting(
        slug="grid-data-analyst",
        title="Grid Data Analyst (Remote)",
        department="Data",
        city=None,
        region=None,
        country="US",
        remote=True,
        canonical_link=False,
        pay=(95000, 115000, "USD", "YEAR"),
        employment="CONTRACTOR",
        paragraphs=(
            "You will model how our plants respond to market prices and grid frequency events, and build the "
            "dashboards our dispatch team uses every day.",
        ),
        duties=(
            "Analyse plant telemetry with SQL and Python",
            "Forecast market prices",
            "Present findings to operators",
        ),
    ),
    CareerPosting(
        slug="procurement-specialist",
        title="Procurement Specialist",
        department="Supply Chain",
        city="Columbus",
        region="OH",
        country="US",
        jsonld=False,
        paragraphs=(
            "You will source battery racks, transformers and balance-of-plant equipment for our new sites, "
            "negotiate with suppliers and keep our projects on schedule.",
        ),
        duties=(
            "Run requests for proposal",
            "Track supplier delivery dates",
            "Negotiate framework agreements",
        ),
    ),
    CareerPosting(
        slug="warehouse-coordinator",
        title="Warehouse Coordinator",
        department="Operations",
        city="Columbus",
        region="OH",
        country="US",
        jsonld=False,
        canonical_link=False,
        employment="PART_TIME",
        paragraphs=(
            "You will receive, store and ship spare parts for our plants from our Columbus warehouse.",
        ),
        duties=(
            "Receive and inspect deliveries",
            "Keep inventory counts accurate",
            "Prepare shipments to sites",
        ),
    ),
    CareerPosting(
        slug="executive-assistant",
        title="Executive Assistant",
        department="Office of the CEO",
        city="Pittsburgh",
        region="PA",
        country="US",
        section="internal",
        identifier="CES-0999",
        paragraphs=(
            "An internal-only posting: robots.txt disallows this path, so a polite crawler never sees it.",
        ),
        duties=("Manage calendars",),
    ),
)
CRAWLABLE = tuple(p for p in POSTINGS if p.section == "jobs")


def job_posting_jsonld(posting: CareerPosting, base: str) -> dict[str, object]:
    description = "".join(f"<p>{html.escape(p)}</p>" for p in posting.paragraphs)
    description += "<ul>" + "".join(f"<li>{html.escape(d)}</li>" for d in posting.duties) + "</ul>"
    data: dict[str, object] = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": posting.title,
        "description": description,
        "datePosted": posting.posted.isoformat(),
        "validThrough": "2026-01-31T23:59",
        "employmentType": posting.employment,
        "hiringOrganization": {"@type": "Organization", "name": COMPANY_NAME, "sameAs": base},
        "url": f"{base}{posting.path}",
    }
    if posting.identifier:
        data["identifier"] = {"@type": "PropertyValue", "name": COMPANY_NAME, "value": posting.identifier}
    if posting.remote:
        data["jobLocationType"] = "TELECOMMUTE"
        data["applicantLocationRequirements"] = {"@type": "Country", "name": posting.country}
    else:
        data["jobLocation"] = {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": posting.city,
                "addressRegion": posting.region,
                "addressCountry": posting.country,
            },
        }
    if posting.pay:
        low, high, currency, unit = posting.pay
        data["baseSalary"] = {
            "@type": "MonetaryAmount",
            "currency": currency,
            "value": {"@type": "QuantitativeValue", "minValue": low, "maxValue": high, "unitText": unit},
        }
    return data


def _page(title: str, main: str, head: str = "") -> str:
    """A realistic page: boilerplate around the content (crawl4ai drops nav/header/footer)."""
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title>{head}</head><body>"
        "<header><a href='/'>Copperleaf Energy Storage</a></header>"
        "<nav><a href='/'>Home</a> <a href='/about'>About us</a> <a href='/blog'>Blog</a> <a href='/careers'>Careers</a></nav>"
        f"<main>{main}</main>"
        "<footer><p>© 2025 Copperleaf Energy Storage, Inc. All rights reserved. <a href='/privacy'>Privacy</a></p></footer>"
        "</body></html>"
    )


def posting_page(posting: CareerPosting, base: str) -> str:
    head = ""
    if posting.canonical_link:
        head += f"<link rel='canonical' href='{posting.path}'>"
    if posting.jsonld:
        head += f"<script type='application/ld+json'>{json.dumps(job_posting_jsonld(posting, base))}</script>"
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in posting.paragraphs)
    duties = "".join(f"<li>{html.escape(d)}</li>" for d in posting.duties)
    main = (
        f"<article><h1>{html.escape(posting.title)}</h1>"
        f"<p class='meta'>{html.escape(posting.department)} · {html.escape(posting.location)}</p>"
        f"<p>{html.escape(_ABOUT)}</p>{paragraphs}<h2>What you will do</h2><ul>{duties}</ul>"
        "<p><a href='/careers/apply'>Apply now</a></p></article>"
    )
    return _page(f"{posting.title} | Careers at {COMPANY_NAME}", main, head)


def _listing_items(offsite_url: str | None, traps: bool) -> list[tuple[str, str]]:
    """The listing's links; `traps` adds the hanging page and the redirect off the site."""
    items = [(p.path + p.listing_query, p.title) for p in POSTINGS]
    if traps:
        items += [(HANGING_PATH, "Substation Designer"), ("/careers/jobs/moved-role", "Site Manager")]
    if offsite_url:
        items.append((offsite_url, "Partner role at our installer"))
    return items


def listing_page(offsite_url: str | None, traps: bool = True) -> str:
    links = "".join(
        f"<li><a class='job-link' href='{html.escape(href)}'>{html.escape(title)}</a></li>"
        for href, title in _listing_items(offsite_url, traps)
    )
    main = f"<h1>Careers at {COMPANY_NAME}</h1><p>{html.escape(_ABOUT)}</p><ul class='jobs'>{links}</ul>"
    return _page(f"Careers | {COMPANY_NAME}", main)


def js_listing_page() -> str:
    """The listing built by a script from the same site: an HTTP crawl sees no posting links."""
    main = f"<h1>Careers at {COMPANY_NAME}</h1><p>{html.escape(_ABOUT)}</p><div id='jobs'>Loading openings…</div>"
    return _page(f"Careers | {COMPANY_NAME}", main, "<script src='/static/listing.js' defer></script>")


def js_listing_script(offsite_url: str | None) -> str:
    items = _listing_items(offsite_url, traps=False)
    return (
        f"const items = {json.dumps(items)};\n"
        "document.getElementById('jobs').innerHTML = '<ul class=\"jobs\">' + items.map(([href, title]) =>\n"
        "  `<li><a class=\"job-link\" href=\"${href}\">${title}</a></li>`).join('') + '</ul>';\n"
    )


def _bulk_listing(prefix: str, count: int) -> str:
    links = "".join(f"<li><a href='{prefix}/job-{i}'>Opening number {i}</a></li>" for i in range(count))
    return _page(f"Careers | {COMPANY_NAME}", f"<h1>All openings at {COMPANY_NAME}</h1><ul>{links}</ul>")


def _bulk_posting(index: int) -> str:
    main = (
        f"<h1>Opening number {index}</h1><p>{html.escape(_ABOUT)}</p>"
        "<p>A generated posting used to check that a crawl stops at its page budget.</p>"
    )
    return _page(f"Opening {index} | {COMPANY_NAME}", main)


_SITE_PAGES = ("/", "/about", "/blog", "/privacy", "/careers/apply")


class CareersSiteServer(LoopbackServer):
    """The careers site on 127.0.0.1. `offsite_url`: a posting on another site the listing links to
    (and `moved-role` redirects to); `robots`: the robots.txt body, or a status to answer instead;
    `traps=False` (the demo) leaves the hanging page and the off-site redirect out of the listing."""

    def __init__(
        self,
        *,
        offsite_url: str | None = None,
        robots: str | int = ROBOTS,
        bulk_count: int = 40,
        traps: bool = True,
        port: int = 0,
        latency: float = 0.0,
    ) -> None:
        super().__init__(port=port, latency=latency)
        self.offsite_url, self.robots, self.bulk_count, self.traps = offsite_url, robots, bulk_count, traps
        self.user_agents: list[str] = []
        self.hang(f"^{HANGING_PATH}$", times=None)  # never answers (until the server stops)

    def listing_url(self, path: str = "/careers") -> str:
        return self.url + path

    def handle(self, request: Request) -> Response:
        self.user_agents.append(request.headers.get("user-agent", ""))
        path, by_path = request.path, {p.path: p for p in POSTINGS}
        if path == "/robots.txt":
            if isinstance(self.robots, int):
                return Response.text("robots.txt unavailable", self.robots)
            return Response.text(self.robots)
        if path in ("/careers", "/careers/"):
            return Response.html(listing_page(self.offsite_url, self.traps))
        if path == "/careers-js":
            return Response.html(js_listing_page())
        if path == "/static/listing.js":
            return Response.text(js_listing_script(self.offsite_url), content_type="application/javascript")
        if path in by_path:
            return Response.html(posting_page(by_path[path], self.url))
        if path == "/careers/jobs/moved-role":
            return Response(302, b"", "text/plain", {"Location": self.offsite_url or "http://127.0.0.1:9/"})
        if path == "/bulk-careers":
            return Response.html(_bulk_listing("/bulk-careers", self.bulk_count))
        if path.startswith("/bulk-careers/job-"):
            return Response.html(_bulk_posting(int(path.rsplit("-", 1)[1])))
        if path == "/broken-careers":
            return Response.html(
                _page("Unavailable", "<h1>Service unavailable</h1><p>Try again later.</p>"), 503
            )
        if path == "/flaky-careers":  # its posting pages do not exist
            return Response.html(_bulk_listing("/flaky-careers", 3))
        if path in _SITE_PAGES:
            return Response.html(_page(COMPANY_NAME, f"<h1>{COMPANY_NAME}</h1><p>{html.escape(_ABOUT)}</p>"))
        return Response.html(_page("Not found", "<h1>Not found</h1><p>No such page on this site.</p>"), 404)


class OtherSiteServer(LoopbackServer):
    """Another website (another origin) that a careers crawl must never touch."""

    def handle(self, request: Request) -> Response:
        return Response.html(
            _page("Partner", "<h1>Installer partner jobs</h1><p>A posting on a different website.</p>")
        )


def registry_entry(base_url: str) -> dict[str, object]:
    """The demo registry entry for the careers-site company served at `base_url` (serve it with
    `CareersSiteServer(traps=False)`: the demo should not wait out the hanging page's timeout)."""
    return {
        "slug": COMPANY_SLUG,
        "name": COMPANY_NAME,
        "sources": [{"type": "careers_page", "url": f"{base_url}/careers", "max_pages": 20}],
    }
