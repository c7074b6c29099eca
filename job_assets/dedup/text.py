"""Titles and URLs -> the comparable parts dedup reasons about.

A title carries three different things that must not be confused: the level (`Senior`, `II`: a different
level is a different job), the role and team (`Backend Engineer, Payments`), and noise that differs between
copies of one opening (the city it was posted for, `Remote`, `(m/f/d)`). `parse_title` separates them so the
matcher can compare roles while the level and team guards stay strict.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

import polars as pl

# Level words -> one canonical level token. `Sr.` == `Senior`; roman and arabic grades are levels too.
_LEVEL_WORDS: dict[str, str] = {
    "intern": "intern",
    "internship": "intern",
    "trainee": "intern",
    "apprentice": "intern",
    "junior": "junior",
    "jr": "junior",
    "entry": "junior",
    "graduate": "junior",
    "grad": "junior",
    "associate": "associate",
    "mid": "mid",
    "intermediate": "mid",
    "senior": "senior",
    "sr": "senior",
    "snr": "senior",
    "staff": "staff",
    "principal": "principal",
    "lead": "lead",
    "distinguished": "distinguished",
    "fellow": "fellow",
    "vp": "vp",
    "i": "l1",
    "ii": "l2",
    "iii": "l3",
    "iv": "l4",
    "v": "l5",
    "vi": "l6",
    "1": "l1",
    "2": "l2",
    "3": "l3",
    "4": "l4",
    "5": "l5",
    "6": "l6",
    "l1": "l1",
    "l2": "l2",
    "l3": "l3",
    "l4": "l4",
    "l5": "l5",
    "l6": "l6",
    "l7": "l7",
}
# Phrases removed before tokenising: they say who may apply or how, not what the job is.
_NOISE_PHRASES = re.compile(
    r"\((?:[mwfhdxn]\s*/\s*)+[mwfhdxn]\)|\b(?:[mwfhdx]/){1,3}[mwfhdx]\b|\ball genders\b|\bany gender\b"
    r"|\b(?:fully |100% )?remote(?:[- ]first| friendly)?\b|\bhybrid\b|\bon-?site\b|\bin[- ]office\b"
    r"|\bwork from home\b|\bwfh\b",
    re.IGNORECASE,
)
# Multi-word level phrases, replaced by one level word before tokenising.
_LEVEL_PHRASES = re.compile(
    r"\bnew grad(?:uate)?\b|\bentry[- ]level\b|\bmid[- ]level\b|\bvice president\b", re.I
)
_LEVEL_PHRASE_WORD = {"new": "graduate", "entry": "entry", "mid": "mid", "vice": "vp"}
_WORD = re.compile(r"[^\W_]+")
_TRACKING_PARAMS = (
    r"^(?:utm_[^=]*|gh_src|source|src|ref|referrer|refid|trk|trackingid|lever-source|lever-origin|"
    r"ashby_jid_source|fbclid|gclid|mc_cid|mc_eid|_hs[^=]*|hs[^=]*|iis|iisn|sid)(?:=|$)"
)


def fold(text: str) -> str:
    """Lowercase without accents, so `Développeur` and `Developpeur` compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


@dataclass(frozen=True)
class TitleParts:
    level: str  # canonical level tokens joined by "+", "" when the title names none
    core: str  # the role and team words, in order, without level, place or work-mode noise


@functools.lru_cache(maxsize=65_536)
def _location_phrases(locations: tuple[str, ...]) -> tuple[str, ...]:
    """The parts of a posting's own locations (`london`, `united kingdom`): a title naming them only says
    where this copy was posted, so copies of one requisition in several cities keep one role title."""
    phrases: set[str] = set()
    for location in locations:
        for part in re.split(r"[,;/()]|\s-\s", location):
            part_words = words(part)
            if part_words and (len(part_words) > 1 or len(part_words[0]) > 1):
                phrases.add(" ".join(part_words))
    return tuple(sorted(phrases, key=len, reverse=True))


@functools.lru_cache(maxsize=262_144)
def _title_words(title: str) -> str:
    text = _NOISE_PHRASES.sub(" ", title)
    text = _LEVEL_PHRASES.sub(
        lambda m: f" {_LEVEL_PHRASE_WORD[m.group(0).split()[0].split('-')[0].lower()]} ", text
    )
    return " ".join(words(text))


def parse_title(title: str | None, locations: list[str] | tuple[str, ...] | None = None) -> TitleParts:
    joined = _title_words(title or "")
    # The posting's own places are dropped wherever they stand ("Analyst - London", "London Analyst"):
    # the same requisition posted for Paris must keep the same role title.
    for phrase in _location_phrases(tuple(locations or ())):
        if phrase in joined:
            joined = re.sub(rf"(?:^| ){re.escape(phrase)}(?= |$)", " ", joined)
    levels: set[str] = set()
    core_words: list[str] = []
    for word in joined.split():
        level = _LEVEL_WORDS.get(word)
        if level is not None:
            levels.add(level)
        else:
            core_words.append(word)
    return TitleParts(level="+".join(sorted(levels)), core=" ".join(core_words))


def strip_places(title: str, locations: list[str]) -> str:
    """`Account Executive - Chicago` -> `Account Executive` for a job posted in several places: the title of
    one copy should not name one of its cities."""
    phrases = [p for loc in locations for p in re.split(r"[,;/()]|\s-\s", loc) if p.strip()]
    stripped = title
    for _ in range(3):  # "Engineer - Chicago, IL" has two trailing place parts
        before = stripped
        for phrase in sorted({p.strip() for p in phrases}, key=len, reverse=True):
            stripped = re.sub(
                rf"\s*(?:[-–—|,:]\s*|\(\s*){re.escape(phrase)}\s*\)?\s*$", "", stripped, flags=re.IGNORECASE
            )
        if stripped == before:
            break
    return stripped.strip() or title


def collapse_locations(locations: list[str]) -> list[str]:
    """Drop a location another one spells out in full (`Boston, MA` next to `Boston, MA, US`)."""
    folded = [fold(loc) for loc in locations]
    return [
        loc
        for loc, f in zip(locations, folded, strict=True)
        if not any(other != f and other.startswith(f + ",") for other in folded)
    ]


def canonical_url(column: str = "url") -> pl.Expr:
    """The URL two copies of one posting share: https, lowercased host without `www.`, no fragment, no
    trailing slash, no tracking parameters, the other parameters sorted (`gh_jid` identifies the job and is
    kept). Null when the value is not an absolute http(s) URL. Vectorised: it runs on every posting."""
    url = pl.col(column).str.strip_chars().str.replace(r"#.*$", "")
    host = (
        url.str.extract(r"^[hH][tT][tT][pP][sS]?://([^/?#\s]+)", 1)
        .str.to_lowercase()
        .str.replace(r"^www\.", "")
    )
    path = url.str.extract(r"^[hH][tT][tT][pP][sS]?://[^/?#]+([^?]*)", 1).str.replace(r"/+$", "")
    query = (
        url.str.extract(r"\?(.*)$", 1)
        .fill_null("")
        .str.split("&")
        .list.eval(
            pl.element().filter(
                (pl.element().str.len_bytes() > 0)
                & ~pl.element().str.to_lowercase().str.contains(_TRACKING_PARAMS)
            )
        )
        .list.sort()
        .list.join("&")
    )
    return (
        pl.when(host.is_not_null() & (host != ""))
        .then(
            pl.concat_str(
                [
                    pl.lit("https://"),
                    host,
                    pl.when(path.fill_null("") == "").then(pl.lit("/")).otherwise(path),
                    pl.when(query != "").then(pl.lit("?") + query).otherwise(pl.lit("")),
                ]
            )
        )
        .alias(column)
    )


def normalise_department(department: str | None) -> str | None:
    if not department:
        return None
    joined = " ".join(words(department.replace("&", " and ")))
    return joined or None
