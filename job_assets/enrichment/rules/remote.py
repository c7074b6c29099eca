"""Remote policy from what a posting's own words say about THIS role: title, location labels, then the prose.

Only statements of policy count. A word is not a statement: "Work From Home Support" and "home office stipend"
are benefits, "hybrid commission model" is pay, "distributed team" and "in-person prospecting" describe the
work, "remote-first" describes the company. What is read (phrase patterns, in `remote_phrases`):

1. policy statements: "this role is hybrid", "3 days a week in the office", "office 3x a week", "in the office
   Tuesday-Thursday", "#LI-Hybrid", "Workplace type: Remote", "within commuting distance", "100% télétravail",
   "vor Ort", "modalidad híbrida"...; a stated hybrid arrangement beats the rest, then an office requirement
   ("not remote", "on-site five days"), then remote;
2. labels (title, locations): "Remote - US", "London (Hybrid)", "(Télétravail)";

What a company says of itself ("we are remote-first") is not read: it is not this role's policy, and a board's
structured value or the LLM decides then. Nothing stated: None, and the caller decides (`merge`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from job_assets.enrichment.rules.remote_phrases import (
    BENEFIT,
    COMMUTE,
    HYBRID,
    HYBRID_HINT,
    LABEL_HYBRID,
    LABEL_ONSITE,
    LABEL_REMOTE,
    NOT_POLICY_HYBRID,
    NOT_POLICY_REMOTE,
    NOT_REMOTE,
    ONSITE,
    REMOTE,
)

POLICIES = ("remote", "hybrid", "onsite")


def _blank(pattern: re.Pattern[str], text: str) -> str:
    """Replace each match by spaces of the same length (keeps offsets, and no new words join up)."""
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


def _policy_text(text: str) -> str:
    """The text with benefit lines and non-policy uses of "hybrid"/"remote" blanked out."""
    for pattern in (BENEFIT, NOT_POLICY_HYBRID, NOT_POLICY_REMOTE):
        text = _blank(pattern, text)
    return text


def _from_statements(text: str) -> str | None:
    """A stated hybrid arrangement, then an office requirement, then remote; a bare French/German/Spanish
    word for home working last (it means "some days from home" unless a share is stated)."""
    if HYBRID.search(text):
        return "hybrid"
    if NOT_REMOTE.search(text) or ONSITE.search(text):
        return "onsite"
    remote = REMOTE.search(text) is not None
    if COMMUTE.search(text):  # "remote, within commuting distance of our hub": some office days
        return "hybrid" if remote else "onsite"
    if remote:
        return "remote"
    if HYBRID_HINT.search(text):
        return "hybrid"
    return None


def _from_labels(labels: Sequence[str]) -> str | None:
    """Titles and locations are short labels ("Remote - US", "London (Hybrid)"): a bare word decides."""
    text = _policy_text(" | ".join(labels))
    if LABEL_HYBRID.search(text):
        return "hybrid"
    if LABEL_REMOTE.search(text) and not NOT_REMOTE.search(text):
        return "remote"
    if LABEL_ONSITE.search(text):
        return "onsite"
    return None


def remote_from_text(title: str | None, locations: Sequence[str] | None, description: str | None) -> str | None:
    """remote | hybrid | onsite when the posting's words state it, else None."""
    prose = _policy_text(description or "")
    labels = [label for label in [title or "", *(locations or [])] if label]
    return _from_statements(prose) or _from_labels(labels)
