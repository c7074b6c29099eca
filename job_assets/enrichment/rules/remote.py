"""Remote policy from what a posting's own words say about THIS role.

Only statements of policy count. A word is not a statement: "Work From Home Support" and "home office stipend"
are benefits, "hybrid commission model" is pay, "distributed team" and "in-person prospecting" describe the
work, "remote-first" describes the company. Two strengths (`merge` places the ATS's structured value between):

- stated: a sentence about the role ("this role is hybrid", "3 days a week in the office", "in-office three
  days a week", "in the office Tuesday-Thursday", "within commuting distance", "100% télétravail", "vor Ort",
  "modalidad híbrida"), else the title's own label ("Engineer (Remote)"), else the location labels ("Remote - US",
  "London (Hybrid)"). A stated hybrid arrangement beats the rest (unless its office days are asked only of those
  near an office, "For our team in the NY area, ... at HQ on Tuesdays and Thursdays", in a posting that says the
  role can be worked anywhere: remote), then an office requirement ("not remote", "on-site five days", "we're
  in-person with offices in SF and NY", "we are an in-office company"), then remote. A location label speaks for
  its place only: any remote place means the role can be held remotely; hybrid or on-site only when every place
  says so.
  Office presence without a share of days ("working in-person at our HQ", "within commuting distance") is read as
  on-site but marked `presence_only`: it contradicts a remote flag, and a board's "hybrid" refines it.
- tagged: LinkedIn tags ("#LI-Hybrid", "R123_Hybrid"), a bare "hybrid" in prose ("many teams offer hybrid
  options") and bare French/German/Spanish words for home working ("Homeoffice", "télétravail"). Tags are posting metadata for another site, and a bare "Homeoffice" says there
  is some home working, not how much: they decide only when the ATS's field does not.

Nothing said: None, and the caller decides (`merge`: the ATS's value, the LLM, or "unknown").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from job_assets.enrichment.rules.keywords import first_match
from job_assets.enrichment.rules.remote_phrases import (
    BENEFIT,
    COMMUTE,
    FIVE_DAYS,
    FREQUENCY,
    HYBRID,
    HYBRID_HINT,
    LABEL_HYBRID,
    LABEL_ONSITE,
    LABEL_REMOTE,
    LOCAL_ONLY,
    NOT_POLICY_HYBRID,
    NOT_POLICY_REMOTE,
    NOT_REMOTE,
    OFFICE_PRESENCE,
    ONSITE,
    REMOTE,
    SENTENCE,
    TAGS,
    WORKPLACE_WORD,
)


@dataclass(frozen=True)
class RemoteReading:
    policy: str | None  # remote | hybrid | onsite, or None when the words say nothing
    stated: bool = False  # a statement or label about the role (beats the ATS's field), not a tag
    presence_only: bool = False  # "onsite" read from office presence alone: a board's "hybrid" refines it


def _blank(pattern: re.Pattern[str], text: str) -> str:
    """Replace each match by spaces of the same length (keeps offsets, and no new words join up)."""
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


def _policy_text(text: str) -> str:
    """The text with benefit lines and non-policy uses of "hybrid"/"remote" blanked out."""
    for pattern in (BENEFIT, NOT_POLICY_HYBRID, NOT_POLICY_REMOTE):
        text = _blank(pattern, text)
    return text


def _office_days(text: str) -> tuple[str, str] | None:
    """A sentence with both a weekly frequency and a place of work: hybrid, or onsite for five days; and the
    sentence."""
    # Only sentences a workplace word overlaps can qualify. Found on the whole text in one scan: a sentence's
    # own match is found there too, or an earlier one across its line break ("in\noffice") that overlaps it.
    places = [m.span() for m in WORKPLACE_WORD.finditer(text)]
    if not places:
        return None
    place = 0
    for sentence in SENTENCE.finditer(text):
        start, end = sentence.span()
        while place < len(places) and places[place][1] <= start:
            place += 1
        if place == len(places):
            return None
        if places[place][0] >= end:
            continue
        part = sentence.group(0)
        if not WORKPLACE_WORD.search(part):
            continue
        if FIVE_DAYS.search(part):
            return "onsite", part
        if FREQUENCY.search(part):
            return "hybrid", part
    return None


def _local_option(text: str, sentence: str) -> bool:
    """Office days asked only of those near an office, in a posting that says the role can be held remotely."""
    return bool(LOCAL_ONLY.search(sentence)) and REMOTE.search(text) is not None


def _from_statements(text: str) -> str | None:
    """A stated hybrid arrangement, then an office requirement, then remote."""
    hybrid = first_match(HYBRID, text)
    if hybrid:
        sentence = next(m.group(0) for m in SENTENCE.finditer(text) if m.start() <= hybrid.start() < m.end())
        return "remote" if _local_option(text, sentence) else "hybrid"
    days = _office_days(text)
    if days:
        return "remote" if days[0] == "hybrid" and _local_option(text, days[1]) else days[0]
    if NOT_REMOTE.search(text) or ONSITE.search(text):
        return "onsite"
    remote = REMOTE.search(text) is not None
    if COMMUTE.search(text):  # "remote, within commuting distance of our hub": some office days
        return "hybrid" if remote else _PRESENCE
    if remote:
        return "remote"
    return _PRESENCE if OFFICE_PRESENCE.search(text) else None


_PRESENCE = "onsite-presence"  # internal: on-site without a share of days


def _label(text: str) -> str | None:
    if LABEL_HYBRID.search(text):
        return "hybrid"
    if LABEL_REMOTE.search(text) and not NOT_REMOTE.search(text):
        return "remote"
    if LABEL_ONSITE.search(text):
        return "onsite"
    return None


def _from_locations(locations: Sequence[str]) -> str | None:
    """Any remote place: the role can be held remotely. Hybrid/on-site only when every place says it."""
    labels = [_label(_policy_text(location)) for location in locations if location]
    if "remote" in labels:
        return "remote"
    if labels and all(label == labels[0] for label in labels):
        return labels[0]
    return None


def _from_tags(text: str) -> str | None:
    for policy, pattern in TAGS:
        if pattern.search(text):
            return policy
    return None


def read_remote(title: str | None, locations: Sequence[str] | None, description: str | None) -> RemoteReading:
    """What the posting's words say, and how strongly (see the module docstring)."""
    prose = _policy_text(description or "")
    stated = _from_statements(prose) or _label(_policy_text(title or "")) or _from_locations(locations or [])
    if stated == _PRESENCE:
        return RemoteReading("onsite", stated=True, presence_only=True)
    if stated:
        return RemoteReading(stated, stated=True)
    tagged = _from_tags(prose) or ("hybrid" if HYBRID_HINT.search(prose) else None)
    return RemoteReading(tagged)


def remote_from_text(
    title: str | None, locations: Sequence[str] | None, description: str | None
) -> str | None:
    """remote | hybrid | onsite when the posting's words say it, else None."""
    return read_remote(title, locations, description).policy
