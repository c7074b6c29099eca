"""Literal prefilters: skip a costly pattern on a text that lacks every word the pattern needs.

`re` tries a case-insensitive pattern that opens with `\\b` and an alternation at every word of the text (no
literal prefix to scan for), ~0.05-0.5 ms on a posting per pattern; `in` on lower-cased text is a C scan. Safe
only when every match of the pattern contains one of its keywords (lower-case ASCII, no whitespace: `\\s+` may
be a newline or several spaces): each use names them next to its pattern, and says why none can be missing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache

from job_assets.enrichment.rules.first_chars import quick_start

# `re.IGNORECASE` also matches "İ" and "ı" to i and "ſ" to s; `str.lower` keeps "ı" and "ſ" and turns "İ" into
# two characters. The Kelvin sign, which `re` matches to k, `str.lower` already turns into k.
_LIKE_RE = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


@lru_cache(maxsize=16)
def folded(text: str) -> str:
    """The text lower-cased as `re.IGNORECASE` compares ASCII letters (one posting's text is read by many
    patterns in a row: cached)."""
    if "İ" in text or "ı" in text or "ſ" in text:
        text = text.translate(_LIKE_RE)
    return text.lower()


class Prefiltered:
    """A compiled pattern and the keywords one of which each of its matches contains."""

    def __init__(self, regex: re.Pattern[str], keywords: tuple[str, ...]) -> None:
        if not keywords or any(
            k != k.lower() or not k.isascii() or not k.strip() or " " in k for k in keywords
        ):
            raise ValueError(f"keywords must be lower-case ASCII words: {keywords!r}")
        self.regex = regex
        self._fast = quick_start(regex)  # the same matches, found faster
        self.keywords = keywords

    def may_match(self, text: str) -> bool:
        low = folded(text)
        return any(keyword in low for keyword in self.keywords)

    def search(self, text: str) -> re.Match[str] | None:
        return self._fast.search(text) if self.may_match(text) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self._fast.finditer(text) if self.may_match(text) else iter(())

    def sub(self, repl: Callable[[re.Match[str]], str], text: str) -> str:
        return self._fast.sub(repl, text) if self.may_match(text) else text


def first_match(parts: Sequence[Prefiltered], text: str) -> re.Match[str] | None:
    """The leftmost match of any part: where `re` finds the alternation of all the parts (at an equal start,
    the earlier part's match, as an alternation tries its branches in order)."""
    found = [m for m in (part.search(text) for part in parts) if m is not None]
    return min(found, key=lambda m: m.start()) if found else None
