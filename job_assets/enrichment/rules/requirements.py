"""Requirements stated in prose: minimum years of experience and visa sponsorship.

Each needs its context word ("experience", "sponsor"), so "founded 10 years ago" or "4-year vesting" never count.
"""

from __future__ import annotations

import re

from job_assets.enrichment.rules.keywords import Prefiltered

_I = re.IGNORECASE
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
}  # fmt: skip
_N = r"(?:\d{1,2}|" + "|".join(_NUMBER_WORDS) + ")"
# Prefilter: every match ends with "years"/"yrs".
_YEARS = Prefiltered(
    re.compile(
        # `(?=[...])` first: the first letters a match can start with (at least, min..., over, more than, "(", a
        # digit or a number word: one, two, ..., eleven, nine); one look at a letter is cheaper than the whole
        # alternation at every position (~1.8x).
        r"(?=[amo(\dtfsen])"
        rf"(?:at\s+least|minimum\s+(?:of\s+)?|min\.?\s+|over\s+|more\s+than\s+)?\(?(?P<n>{_N})\)?\s*"
        rf"(?:\+|plus)?\s*(?:(?:-|–|to)\s*{_N}\s*\+?\s*)?(?:or\s+more\s+)?(?:years?|yrs?)['’]?"
        r"(?P<tail>[^.;\n]{0,60})",
        _I,
    ),
    ("year", "yr"),
)
_EXPERIENCE_TAIL = re.compile(r"^\s*(?:of\s+)?(?:[\w/+#.,()-]+\s+){0,6}?(?:experience|exp\b)", _I)
_EXPERIENCE_BEFORE = re.compile(r"experience\s*(?:of|:)?\s*(?:at\s+least|minimum\s+of)?\s*$", _I)


def years_experience_min(text: str | None) -> int | None:
    """The first stated minimum ("5+ years of experience", "at least three years' experience", "3-5 yrs exp")."""
    if not text:
        return None
    for match in _YEARS.finditer(text):
        before = text[max(0, match.start() - 40) : match.start()]
        if not (_EXPERIENCE_TAIL.match(match.group("tail")) or _EXPERIENCE_BEFORE.search(before)):
            continue
        raw = match.group("n").lower()
        years = _NUMBER_WORDS.get(raw) or int(raw)
        if 0 < years <= 40:
            return years
    return None


# Prefilter: each alternative has "sponsor", "visa" or "must".
_NO_SPONSOR = Prefiltered(
    re.compile(
        r"\b(?:unable|not\s+able|cannot|can\s*not|can['’]t|do\s+not|does\s+not|don['’]t|doesn['’]t|will\s+not"
        r"|won['’]t|are\s+not|is\s+not)\s+(?:\w+\s+){0,3}?(?:sponsor|offer\s+(?:visa\s+)?sponsorship|provide\s+(?:visa\s+)?"
        r"sponsorship|support\s+visa)"
        r"|\bno\s+(?:visa\s+|immigration\s+)?sponsorship\b"
        r"|\bsponsorship\s+(?:is\s+)?(?:not|un)\s*available\b"
        r"|\bwithout\s+(?:the\s+need\s+for\s+)?(?:current\s+or\s+future\s+|any\s+)?(?:visa\s+|employer\s+)?sponsorship\b"
        r"|\bnot\s+(?:be\s+)?eligible\s+for\s+(?:visa\s+)?sponsorship\b"
        r"|\bmust\s+(?:already\s+)?have\s+(?:the\s+)?(?:right|authori[sz]ation)\s+to\s+work\b",
        _I,
    ),
    ("sponsor", "visa", "must"),
)
# Prefilter: each alternative has "sponsor" or names a visa, immigration, an H-1B or a work permit.
_SPONSOR = Prefiltered(
    re.compile(
        r"\b(?:visa|immigration|h-?1b|work\s+permit)\s+(?:sponsorship|support)\s+(?:is\s+)?(?:available|offered|provided"
        r"|possible)\b"
        r"|\b(?:we|company)\s+(?:will|can|do|does|are\s+able\s+to|is\s+able\s+to)\s+(?:\w+\s+){0,2}?sponsor\b"
        r"|\b(?:offer|offers|provide|provides|including)\s+(?:visa|h-?1b|immigration)\s+(?:sponsorship|support)\b"
        r"|\bsponsorship\s+(?:is\s+)?available\b|\bsponsor\s+(?:work\s+)?visas\b|\bwilling\s+to\s+sponsor\b",
        _I,
    ),
    ("sponsor", "visa", "immigration", "1b", "permit"),
)


def visa_sponsorship(text: str | None) -> bool | None:
    """False when the posting rules sponsorship out, True when it offers it, None when it does not say."""
    if not text:
        return None
    if _NO_SPONSOR.search(text):
        return False
    if _SPONSOR.search(text):
        return True
    return None
