"""A money figure written by hand ("120,000", "60.000", "45 000", "25,00,000", "58.50", "45,50") -> a number.

Grouping decides the reading: commas in threes (US) or the Indian lakh pattern are thousands; dots in threes
(European) are thousands with a decimal comma; spaces, no-break spaces and apostrophes (Swiss) group thousands.
A lone comma or dot with one or two digits after it is a decimal mark. Used by the careers-page parser for
schema.org values written as text and by the pay rules for figures in prose.
"""

from __future__ import annotations

import re

_THOUSANDS_COMMA = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?")
_THOUSANDS_DOT = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_PLAIN = re.compile(r"\d+(?:[.,]\d+)?")


def parse_number(raw: str) -> float | None:
    """The figure's value, or None when `raw` is not one number (a range, a word)."""
    text = re.sub(r"[\u00a0\u202f' ]", "", raw.strip())
    if _THOUSANDS_COMMA.fullmatch(text):
        return float(text.replace(",", ""))
    if _THOUSANDS_DOT.fullmatch(text):
        return float(text.replace(".", "").replace(",", "."))
    if _PLAIN.fullmatch(text):
        return float(text.replace(",", "."))
    return None
