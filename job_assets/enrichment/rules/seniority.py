"""Seniority from the job title: the words and ladders titles really use.

Checked from the most specific to the least: "Senior Director" is a director, "Senior Engineering Manager" a
manager, "Principal Product Manager" a principal (a product manager manages a product, not people).
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

# "Product Manager" and friends are individual contributors: they never make a title "manager".
_IC_MANAGER = re.compile(
    r"\b(?:product|program|programme|project|account|customer\s+success|partner|community|success|content"
    r"|category|territory|channel|release|office|case|property)\s+manager\b",
    _I,
)
# Roman or arabic ladder level at the end of the title (or before a comma, dash or bracket).
_LEVEL = re.compile(r"\b(I{1,3}|IV|V|[1-5])\s*(?:$|[,(\-–/|])")

_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "intern",
        re.compile(r"\b(?:intern|internship|co-?op|werkstudent|working\s+student|apprentice\w*)\b", _I),
    ),
    (
        "executive",
        re.compile(
            r"\b(?:chief\s+\w+(?:\s+\w+)?\s+officer|c[etofpimrs]o|ciso|vp|svp|evp|avp|vice[\s-]+president"
            r"|president|co-?founder|general\s+manager)\b",
            _I,
        ),
    ),
    ("director", re.compile(r"\b(?:director|head\s+of|dir\.)", _I)),
    ("manager", re.compile(r"\b(?:manager|mgr|management)\b", _I)),
    ("principal", re.compile(r"\b(?:principal|distinguished|fellow)\b", _I)),
    ("staff", re.compile(r"\bstaff\b(?!\s+(?:accountant|nurse|writer|assistant|auditor))", _I)),
    ("senior", re.compile(r"\b(?:senior|sr\.?|snr|lead(?!\s+gen)|expert)(?=\W|$)", _I)),
    (
        "junior",
        re.compile(
            r"\b(?:junior|jr\.?|entry[\s-]level|graduate|new\s+grad|early[\s-]career|trainee|associate)(?=\W|$)",
            _I,
        ),
    ),
    ("mid", re.compile(r"\b(?:mid[\s-]?level|mid[\s-]senior|intermediate|experienced)\b", _I)),
)
_LEVEL_SENIORITY = {"I": "junior", "1": "junior", "II": "mid", "2": "mid", "III": "senior", "3": "senior"}
_LEVEL_SENIORITY |= {"IV": "staff", "4": "staff", "V": "principal", "5": "principal"}


def seniority_from_title(title: str | None) -> str:
    """intern | junior | mid | senior | staff | principal | manager | director | executive | unknown."""
    if not title:
        return "unknown"
    text = _IC_MANAGER.sub(" role ", title)
    for level, pattern in _RULES:
        if pattern.search(text):
            if level == "junior" and re.search(r"\bassociate\b", text, _I) and _LEVEL.search(text):
                break  # "Associate Engineer II": the ladder level is more precise
            return level
    level_match = _LEVEL.search(title)
    if level_match:
        return _LEVEL_SENIORITY[level_match.group(1).upper()]
    return "unknown"
