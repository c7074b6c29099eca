"""What a careers page says about itself in its markup: JSON-LD JobPosting, canonical URL, links.

Read with selectolax from the HTML crawl4ai returns (the rendered DOM in browser mode), because
these are exact structural facts; crawl4ai's markdown is for the human-readable content.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser

_JOB_POSTING_TYPES = frozenset(
    {"jobposting", "schema:jobposting", "http://schema.org/jobposting", "https://schema.org/jobposting"}
)


def _tree(html: str) -> LexborHTMLParser:
    return LexborHTMLParser(html or "")


def base_url(tree: LexborHTMLParser, page_url: str) -> str:
    """The URL relative links resolve against: `<base href>` when the page sets one."""
    node = tree.css_first("base[href]")
    href = (node.attributes.get("href") or "").strip() if node else ""
    return urljoin(page_url, href) if href else page_url


def absolute_http_url(href: str | None, base: str) -> str | None:
    """An absolute http(s) URL without its #fragment, or None (mailto:, javascript:, file:, garbage)."""
    if not href or not href.strip():
        return None
    try:
        url = urldefrag(urljoin(base, href.strip())).url
        parts = urlsplit(url)
        _ = parts.port  # raises ValueError on a malformed port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def _text(tree: LexborHTMLParser, selector: str) -> str | None:
    node = tree.css_first(selector)
    text = " ".join(node.text(deep=True).split()) if node else ""
    return text or None


def _canonical(tree: LexborHTMLParser, page_url: str) -> str | None:
    for node in tree.css("link[rel][href]"):
        if "canonical" in (node.attributes.get("rel") or "").lower().split():
            return absolute_http_url(node.attributes.get("href"), base_url(tree, page_url))
    return None


def link_urls(html: str, page_url: str, selector: str | None = None) -> list[str]:
    """Absolute http(s) URLs of the page's links (inside `selector` matches when given), first-seen order.

    `selector` may match the anchors themselves (`a.job-link`) or containers of them (`ul.jobs`).
    """
    tree = _tree(html)
    base = base_url(tree, page_url)
    anchors = []
    if selector:
        for node in tree.css(selector):
            anchors.extend([node] if node.tag == "a" and "href" in node.attributes else node.css("a[href]"))
    else:
        anchors = tree.css("a[href]")
    urls: dict[str, None] = {}
    for anchor in anchors:
        url = absolute_http_url(anchor.attributes.get("href"), base)
        if url:
            urls.setdefault(url, None)
    return list(urls)


def _is_job_posting(node: dict[str, Any]) -> bool:
    kinds = node.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(k, str) and k.strip().lower() in _JOB_POSTING_TYPES for k in kinds)


def _nodes(value: Any) -> Iterator[dict[str, Any]]:
    """Every object of a JSON-LD document: top level, arrays and `@graph` (no deeper: a JobPosting's
    own `hiringOrganization` is not a posting)."""
    stack = [value]
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack[:0] = item
        elif isinstance(item, dict):
            yield item
            if isinstance(item.get("@graph"), list):
                stack[:0] = item["@graph"]


def _job_posting(tree: LexborHTMLParser) -> tuple[dict[str, Any] | None, list[str]]:
    problems: list[str] = []
    for index, node in enumerate(tree.css("script[type]")):
        kind = (node.attributes.get("type") or "").split(";")[0].strip().lower()
        if kind != "application/ld+json":
            continue
        text = node.text(deep=True).strip()
        if not text:
            continue
        try:
            document = json.loads(text, strict=False)  # strict=False: raw newlines inside strings are common
        except ValueError as error:
            problems.append(f"JSON-LD block #{index + 1} is not valid JSON ({error})")
            continue
        for item in _nodes(document):
            if _is_job_posting(item):
                return item, problems
    return None, problems


def jsonld_identifier(posting: dict[str, Any]) -> str | None:
    """`identifier` as text: a plain value, or a PropertyValue's `value` (the first of a list)."""
    value: Any = posting.get("identifier")
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("value", value.get("@id"))
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    text = str(value).strip()
    return text or None


@dataclass(frozen=True)
class PageFacts:
    title: str | None  # <title>
    heading: str | None  # the first <h1>: on a page without JSON-LD, usually the job title
    canonical_url: str | None  # <link rel="canonical">, absolute
    job_posting: dict[str, Any] | None  # the first schema.org JobPosting in the JSON-LD
    problems: list[str] = field(default_factory=list)  # e.g. a JSON-LD block that is not valid JSON


def page_facts(html: str, page_url: str) -> PageFacts:
    """Everything we read from a posting page's markup, parsing it once."""
    tree = _tree(html)
    job_posting, problems = _job_posting(tree)
    return PageFacts(
        title=_text(tree, "title"),
        heading=_text(tree, "h1"),
        canonical_url=_canonical(tree, page_url),
        job_posting=job_posting,
        problems=problems,
    )
