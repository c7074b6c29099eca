"""Which of the languages the rules read (English, French, German, Spanish) a posting is written in.

Only needed where one word means different things across them ("Stage" is an internship in French and a theatre
job in English; "CDI" a permanent contract in French and a healthcare specialty in English). Counted on common
function words, which no posting avoids; a short or mixed text says None.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STOPWORDS: dict[str, frozenset[str]] = {
    "en": _words("the and you we with for our your will are of is to this that"),
    "fr": _words("et vous nous avec les des une pour dans votre notre est sur aux du le au"),
    "de": _words("und die der das mit für wir sie ein eine ist zu den von auf bei im dein deine unser"),
    "es": _words("y el los las para con una del es por su sus nuestro nuestra tu como"),
}
_WORD = re.compile(r"[^\W\d_]+")
_FRENCH_TITLE = re.compile(r"\b(?:[HF]\s*/\s*[FH]|[HF]\s*-\s*[FH])\b|[àâçéèêëîïôûù]", re.IGNORECASE)
_SAMPLE_CHARS = 3000
_MIN_HITS = 5


@lru_cache(maxsize=16)  # `seniority` and `employment` each ask about the same posting
def language(text: str | None) -> str | None:
    """ "en" | "fr" | "de" | "es" when the text's function words clearly say so, else None."""
    if not text:
        return None
    seen = Counter(_WORD.findall(text[:_SAMPLE_CHARS].lower()))
    counts = {lang: sum(seen[word] for word in words if word in seen) for lang, words in _STOPWORDS.items()}
    best = max(counts, key=lambda lang: counts[lang])
    ranked = sorted(counts.values(), reverse=True)
    if ranked[0] < _MIN_HITS or ranked[0] < 1.5 * ranked[1]:
        return None
    return best


def is_french(title: str | None, text: str | None) -> bool:
    """The description is French, or (no telling description) the title carries French marks ("H/F", accents)."""
    lang = language(text)
    if lang is not None:
        return lang == "fr"
    return bool(title and _FRENCH_TITLE.search(title))
