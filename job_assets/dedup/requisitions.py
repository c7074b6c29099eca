"""The requisition rule: postings of one source and board whose ATS requisition ids differ are different openings.

Companies post one title many times in one country (PhonePe's "Cluster Collections Manager" per town, several
"Engineering Manager" hires in Bangalore), often with the same text, so neither the text nor the region rule can
tell them apart; the ATS can: each is its own job with its own id (`parsing.schema` `requisition_id`). An id is
only comparable within the ATS and board that issued it, so a Greenhouse posting and its LinkedIn mirror are never
compared; a posting without an id vetoes nothing (today's rules decide). The same id is no veto, but not a merge
by itself either: one Greenhouse job carries several job posts, which may advertise it under two titles with the
same text and places (Anthropic's "Fellows Program" and "Fellows Program, AI Safety": one requisition, one opening,
merged by the text rules) or in several countries (the region rule keeps those apart), so the usual rules decide.
"""

from __future__ import annotations

from collections.abc import Mapping


def requisitions_compatible(a: Mapping[str, str], b: Mapping[str, str]) -> bool:
    """Could two clusters be one opening, as far as ids go? `a`, `b`: source -> the one requisition id a
    cluster's postings of that source carry (a cluster never holds two ids of one source: this rule keeps it so).
    Both clusters are of one company (dedup compares within a company), so a source names one board."""
    return all(b.get(source, ident) == ident for source, ident in a.items())
