"""crawl4ai, fenced in to one site: the only way careers-page code fetches a page.

Plain HTTP by default (`AsyncHTTPCrawlerStrategy`, no browser, ~0.1 s a page); Debian's Chromium
over CDP for sites that render their listing with JavaScript. Either way:
- every request is checked against the site's origin and robots.txt *as it is made*, so a
  redirect hop to another host (HTTP mode: an aiohttp middleware runs per hop) or a navigation
  off the site (browser mode: a Playwright route) is refused, not just the links we choose;
  in browser mode a page's own subresources (scripts, XHR, CSS) may come from elsewhere, since
  JavaScript sites need their CDN to render;
- a per-site throttle: at most N pages in flight and a minimum interval between request starts
  (robots.txt `Crawl-delay` wins when larger);
- a timeout per page, enforced twice (crawl4ai's own and an outer `wait_for`), so a hanging page
  costs one page, never the crawl.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

os.environ.setdefault("CRAWL4AI_NO_CLOUD_NOTICE", "1")  # no banner at each crawler start
os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")  # no model-cost-map download on import

import aiohttp
from crawl4ai import AsyncWebCrawler, BrowserConfig, CacheMode, CrawlerRunConfig, DefaultMarkdownGenerator
from crawl4ai.async_configs import HTTPCrawlerConfig
from crawl4ai.async_crawler_strategy import AsyncHTTPCrawlerStrategy

from job_assets.sources.chromium import chromium_cdp
from job_assets.sources.robots import RobotsRules, origin

# Boilerplate around the posting; the markdown keeps the posting itself.
EXCLUDED_TAGS = ["nav", "header", "footer", "aside", "form", "script", "style", "noscript"]
_ERROR_LINE = re.compile(r"^Error:\s*(.+)$", re.MULTILINE)
_HTTP_STATUS = re.compile(r"\bHTTP (\d{3}):")  # crawl4ai's HTTPStatusError text; the result has no status


class RefusedRequest(aiohttp.ClientError):
    """A request (usually a redirect hop) that would leave the site or break robots.txt."""


@dataclass(frozen=True)
class FetchedPage:
    url: str  # what we asked for
    final_url: str  # after same-site redirects
    status: int | None
    html: str = ""
    markdown: str = ""
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


class SiteFence:
    """The rule every request must pass: same origin as the configured site, allowed by robots.txt."""

    def __init__(self, site_url: str, robots: RobotsRules) -> None:
        self.origin = origin(site_url)
        self.robots = robots

    def refusal(self, url: str) -> str | None:
        try:
            if origin(url) != self.origin:
                return f"refused {url}: off the configured site {self.origin}"
        except ValueError:
            return f"refused {url}: not a valid URL"
        if not self.robots.allowed(url):
            return f"refused {url}: disallowed by {self.robots.url}"
        return None


class Throttle:
    """At most `concurrency` requests in flight and `interval_s` between request starts."""

    def __init__(self, concurrency: int, interval_s: float) -> None:
        self._slots = asyncio.Semaphore(max(1, concurrency))
        self._lock = asyncio.Lock()
        self._next_start = 0.0
        self.interval_s = max(0.0, interval_s)

    @contextlib.asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        async with self._slots:
            async with self._lock:
                loop = asyncio.get_running_loop()
                wait = self._next_start - loop.time()
                if wait > 0:
                    await asyncio.sleep(wait)
                self._next_start = loop.time() + self.interval_s
            yield


def short_error(message: str | None) -> str:
    """crawl4ai's error text carries a code listing; keep the one line that says what happened."""
    if not message:
        return "unknown crawl error"
    match = _ERROR_LINE.search(message)
    return (match.group(1) if match else message.strip().splitlines()[0]).strip()[:300]


class PageCrawler:
    """`async with PageCrawler(site, robots, ...) as crawler: page = await crawler.fetch(url)`."""

    def __init__(
        self,
        site_url: str,
        robots: RobotsRules,
        *,
        user_agent: str,
        timeout_s: float,
        concurrency: int,
        interval_s: float,
        browser: bool = False,
        chromium_path: str | None = None,
    ) -> None:
        self.fence = SiteFence(site_url, robots)
        self.timeout_s = timeout_s
        self.user_agent = user_agent
        self.browser = browser
        self.chromium_path = chromium_path
        delay = robots.crawl_delay_s
        self.throttle = Throttle(concurrency, max(interval_s, delay or 0.0))
        self._stack = contextlib.AsyncExitStack()
        self._crawler: AsyncWebCrawler | None = None
        self._routed: set[int] = set()  # browser contexts whose requests pass the fence
        self._run_config = CrawlerRunConfig(
            cache_mode=CacheMode.BYPASS,
            verbose=False,
            page_timeout=int(timeout_s * 1000),
            wait_until="networkidle" if browser else "domcontentloaded",
            excluded_tags=EXCLUDED_TAGS,
            word_count_threshold=1,
            markdown_generator=DefaultMarkdownGenerator(
                options={"ignore_links": True, "ignore_images": True}
            ),
        )

    async def __aenter__(self) -> PageCrawler:
        try:
            if self.browser:
                cdp_url = await self._stack.enter_async_context(chromium_cdp(self.chromium_path))
                config = BrowserConfig(
                    browser_mode="cdp",
                    cdp_url=cdp_url,
                    create_isolated_context=True,  # a new page per crawl: crawl4ai's CDP page reuse races
                    user_agent=self.user_agent,
                    verbose=False,
                )
                crawler = AsyncWebCrawler(config=config)
                crawler.crawler_strategy.set_hook("on_page_context_created", self._route_fence)
            else:
                strategy = AsyncHTTPCrawlerStrategy(
                    browser_config=HTTPCrawlerConfig(headers={"User-Agent": self.user_agent})
                )
                strategy.set_hook("before_request", self._add_fence_middleware)
                crawler = AsyncWebCrawler(crawler_strategy=strategy, config=BrowserConfig(verbose=False))
            await crawler.start()
            self._stack.push_async_callback(crawler.close)
            self._crawler = crawler
        except BaseException:
            await self._stack.aclose()
            raise
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._stack.aclose()

    # -- the fence, as each mode enforces it ---------------------------------------------------

    def _add_fence_middleware(self, url: str, request_kwargs: dict[str, Any]) -> None:
        request_kwargs["middlewares"] = (self._fence_middleware,)

    async def _fence_middleware(
        self, request: aiohttp.ClientRequest, handler: aiohttp.ClientHandlerType
    ) -> aiohttp.ClientResponse:
        refusal = self.fence.refusal(str(request.url))
        if refusal:
            raise RefusedRequest(refusal)
        return await handler(request)

    async def _route_fence(self, page: Any, context: Any = None, **_: Any) -> Any:
        """Route each browser context once (it covers every page crawl4ai opens in it): a route per
        page would stack handlers and could race with crawl4ai closing that page."""
        if context is None or id(context) in self._routed:
            return page

        async def route(route: Any) -> None:
            request = route.request
            if request.resource_type == "document" and self.fence.refusal(request.url):
                await route.abort("blockedbyclient")
                return
            await route.continue_()

        self._routed.add(id(context))
        await context.route("**/*", route)
        return page

    # -- fetching ----------------------------------------------------------------------------

    async def fetch(self, url: str) -> FetchedPage:
        """One page; never raises for the page's own failure (see `FetchedPage.error`)."""
        assert self._crawler is not None, "use `async with PageCrawler(...)`"
        refusal = self.fence.refusal(url)
        if refusal:
            return FetchedPage(url, url, None, error=refusal)
        async with self.throttle.slot():
            try:
                result = await asyncio.wait_for(
                    self._crawler.arun(url, config=self._run_config), self.timeout_s + 5
                )
            except TimeoutError:
                return FetchedPage(url, url, None, error=f"no answer within {self.timeout_s:g}s")
        final_url = result.redirected_url or url
        if not result.success:
            error, status = short_error(result.error_message), result.status_code
            if status is None and (found := _HTTP_STATUS.search(error)):
                status = int(found.group(1))
                error = f"HTTP {status}"
            elif "timed out" in error.lower() or "timeout" in error.lower():
                error = f"no answer within {self.timeout_s:g}s ({error})"
            return FetchedPage(url, final_url, status, error=error)
        if self.fence.refusal(final_url):  # browser redirects are checked here as well as in the route
            return FetchedPage(url, final_url, result.status_code, error=self.fence.refusal(final_url))
        markdown = result.markdown.raw_markdown if result.markdown is not None else ""
        return FetchedPage(
            url, final_url, result.status_code, html=result.html or "", markdown=markdown or ""
        )
