"""Remote policy from what a posting says: the ATS field first, then locations and title, then the prose."""

from __future__ import annotations

import re
from collections.abc import Sequence

_NOT_REMOTE = re.compile(
    r"\b(?:not|non|no)[\s-]+(?:a\s+|fully\s+|100%\s+)?remote\b|\bremote\s+(?:work\s+)?is\s+not\s+(?:possible|available"
    r"|an\s+option)|\bcannot\s+be\s+(?:done\s+|performed\s+)?remote(?:ly)?\b",
    re.IGNORECASE,
)
_HYBRID = re.compile(
    r"\bhybrid\b|\b(?:\d|one|two|three|four)\s+(?:days?|times)\s+(?:a|per|each)\s+week\s+in\s+(?:the|our)?\s*office"
    r"|\b(?:\d|one|two|three|four)\s+days?\s+(?:a|per)\s+week\s+(?:on[\s-]?site|in[\s-]person)\b"
    r"|\bpartially\s+remote\b|\bflexible\s+(?:remote|work\s+from\s+home)\s+(?:and|/)\s+office\b",
    re.IGNORECASE,
)
_REMOTE = re.compile(
    r"\b(?:fully|100%|completely|entirely)\s+remote\b|\bremote[\s-](?:first|friendly|only|ok|eligible)\b"
    r"|\b(?:this|the)\s+(?:role|position|job|opportunity)\s+is\s+(?:a\s+)?(?:fully\s+)?remote\b"
    r"|\bremote\s+(?:role|position|job|opportunity)\b|\bwork\s+from\s+anywhere\b|\bwork\s+remotely\b"
    r"|\bdistributed\s+team\b|\bremote\s+(?:within|in|from|across)\b|\bwork\s+from\s+home\b",
    re.IGNORECASE,
)
_ONSITE = re.compile(
    r"\bon[\s-]?site\b|\bin[\s-]office\b|\bin[\s-]person\b|\bfive\s+days\s+(?:a|per)\s+week\s+in\b"
    r"|\b5\s+days\s+(?:a|per)\s+week\s+in\b|\bwork\s+from\s+(?:our|the)\s+office\b",
    re.IGNORECASE,
)
_WORD_REMOTE = re.compile(r"\bremote\b", re.IGNORECASE)
_WORD_HYBRID = re.compile(r"\bhybrid\b", re.IGNORECASE)
_WORD_ONSITE = re.compile(r"\bon[\s-]?site\b|\bin[\s-]office\b", re.IGNORECASE)


def _from_labels(labels: Sequence[str]) -> str | None:
    """Locations and titles are short labels ("Remote - US", "London (Hybrid)"): a bare word decides."""
    text = " | ".join(labels)
    if _WORD_HYBRID.search(text):
        return "hybrid"
    if _WORD_REMOTE.search(text) and not _NOT_REMOTE.search(text):
        return "remote"
    if _WORD_ONSITE.search(text):
        return "onsite"
    return None


def _from_prose(text: str) -> str | None:
    """Prose needs phrases, not words: "remote" alone also appears in "remote-control" or benefits lists."""
    if _NOT_REMOTE.search(text):
        return "hybrid" if _HYBRID.search(text) else "onsite"
    if _HYBRID.search(text):
        return "hybrid"
    if _REMOTE.search(text):
        return "remote"
    if _ONSITE.search(text):
        return "onsite"
    return None


def remote_policy(
    workplace: str | None, title: str | None, locations: Sequence[str] | None, description: str | None
) -> str:
    """remote | hybrid | onsite | unknown. The ATS's structured workplace wins over anything read from text."""
    if workplace in ("remote", "hybrid", "onsite"):
        return workplace
    labels = [label for label in [title or "", *(locations or [])] if label]
    return _from_labels(labels) or _from_prose(description or "") or "unknown"
