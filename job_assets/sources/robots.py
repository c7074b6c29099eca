"""robots.txt for one site, read the way RFC 9309 says (not the way `urllib.robotparser` defaults).

`RobotFileParser.read()` treats 401/403 as "disallow everything" and has no timeout or retries, so
we fetch the file with the polite client and only use the standard library for the parsing:
- 2xx: the rules apply;
- 4xx (any, 401/403 included): there are no rules, everything is allowed (RFC 9309 §2.3.1.3);
- 5xx or unreachable after retries: the site must be assumed to disallow everything (§2.3.1.4),
  which the caller reports as the source failing rather than as zero postings.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from job_assets.sources.base import SourceError
from job_assets.sources.http import PoliteClient

MAX_CRAWL_DELAY_S = 10.0  # a Crawl-delay of an hour would stall a whole daily run


def origin(url: str) -> str:
    """`scheme://host:port` as a site identity: a different port is a different site."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    port = parts.port or {"http": 80, "https": 443}.get(scheme)
    return f"{scheme}://{(parts.hostname or '').lower()}:{port}"


def robots_url(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/robots.txt"


@dataclass(frozen=True)
class RobotsRules:
    """The parsed rules for one site and the user agent we crawl as."""

    url: str
    user_agent: str
    parser: RobotFileParser | None  # None: no robots.txt, everything allowed

    def allowed(self, url: str) -> bool:
        return self.parser is None or self.parser.can_fetch(self.user_agent, url)

    @property
    def crawl_delay_s(self) -> float | None:
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(self.user_agent)
        if delay is None:
            rate = self.parser.request_rate(self.user_agent)
            delay = rate.seconds / rate.requests if rate and rate.requests else None
        return min(float(delay), MAX_CRAWL_DELAY_S) if delay is not None else None


def parse_robots(text: str, url: str, user_agent: str) -> RobotsRules:
    parser = RobotFileParser(url)
    parser.parse(text.splitlines())
    return RobotsRules(url, user_agent, parser)


async def fetch_robots(site_url: str, *, client: PoliteClient, company: str, source: str) -> RobotsRules:
    """The site's rules; raises `SourceError` when the file is unreachable (then nothing may be crawled)."""
    url = robots_url(site_url)
    user_agent = client.policy.user_agent
    try:
        text = await client.get_text(url, company=company, source=source)
    except SourceError as error:
        if isinstance(error.status, int) and 400 <= error.status < 500:
            return RobotsRules(url, user_agent, None)
        raise SourceError(
            company,
            source,
            url,
            error.status,
            f"robots.txt unreachable, so the site may not be crawled: {error.detail}",
        ) from error
    return parse_robots(text, url, user_agent)
