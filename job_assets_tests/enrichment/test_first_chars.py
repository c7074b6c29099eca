"""`quick_start`: the first-characters lookahead must keep every match of the rules' patterns, and step aside when
it cannot tell what a match starts with."""

from __future__ import annotations

import re
from functools import cache

import pytest

from job_assets.enrichment.rules import (
    employment,
    language,
    pay,
    pay_context,
    remote,
    remote_phrases,
    requirements,
    seniority,
    seniority_words,
    skills,
    summary,
)
from job_assets.enrichment.rules.first_chars import quick_start
from job_assets.enrichment.rules.keywords import Prefiltered
from job_assets_tests.enrichment.test_rules_prefilter import _corpus_texts

MODULES = (
    employment, language, pay, pay_context, remote, remote_phrases, requirements, seniority, seniority_words,
    skills, summary,
)  # fmt: skip
# Characters `re.IGNORECASE` equates with ASCII letters, digits and spaces of other scripts, a word joiner.
ODD = "İıſKµ ΣσςẞßＡ０\u2060\u00a0\u2028 Ⅷ ﬁ"


def _patterns() -> dict[str, re.Pattern[str]]:
    found: dict[str, re.Pattern[str]] = {}
    for module in MODULES:
        for name, value in vars(module).items():
            parts = value if isinstance(value, tuple) else (value,)
            for i, part in enumerate(parts):
                for inner in part if isinstance(part, tuple) else (part,):
                    regex = inner.regex if isinstance(inner, Prefiltered) else inner
                    if isinstance(regex, re.Pattern):
                        found[f"{module.__name__}.{name}[{i}]"] = regex
    return found


PATTERNS = _patterns()


@cache
def _texts() -> tuple[str, ...]:
    texts = _corpus_texts()[::4]  # a quarter of the corpus (0.8 MB) is enough, and the test stays quick
    return tuple(texts + [t.upper() for t in texts[:5]] + [ODD + t[:2000] + ODD for t in texts[:5]])


def _spans(regex: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in regex.finditer(text)]


def test_the_rules_patterns_are_found() -> None:
    assert len(PATTERNS) > 40
    assert sum(quick_start(p) is not p for p in PATTERNS.values()) > 20  # most get a lookahead


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_same_matches_on_real_postings(name: str) -> None:
    regex = PATTERNS[name]
    fast = quick_start(regex)
    for text in _texts():
        assert _spans(fast, text) == _spans(regex, text), name


def test_case_folded_first_letters() -> None:
    """A lookahead compiled with the pattern's flags takes the same case variants as the pattern."""
    for pattern, text in (("sk", "ſK"), (r"\bki", "Kİ"), ("(?-i:[A-Z])x", "Qx"), ("[^\\W\\d]", "ẞ")):
        regex = re.compile(pattern, re.IGNORECASE)
        assert quick_start(regex).search(text) is not None
        assert _spans(quick_start(regex), text) == _spans(regex, text)


@pytest.mark.parametrize(
    ("pattern", "flags"),
    [
        (r"a*", 0),  # can match nothing: no first character
        (r"\b(?:x|y?)", 0),
        (r".x", 0),  # any first character
        (r"[^a]x", 0),
        (r"(?:(?i:a)|b)c", 0),  # a case-insensitive group in a case-sensitive pattern
        (r"\Bx|(?P<g>y)?(?(g)z|w)", 0),  # a conditional
    ],
)
def test_steps_aside_when_it_cannot_tell(pattern: str, flags: int) -> None:
    regex = re.compile(pattern, flags)
    assert quick_start(regex) is regex


def test_lookahead_skips_repeats_and_zero_width() -> None:
    regex = re.compile(r"(?<![\w.])\b(?:x{0,2}(?:ab|c+)|\d{2})(?=\s)", re.IGNORECASE)
    fast = quick_start(regex)
    assert fast.pattern.startswith("(?=[")
    for text in ("xxab ", "XC ", "12 ", "a.c ", "xab", "0x ab "):
        assert _spans(fast, text) == _spans(regex, text)


def test_second_character_when_the_first_says_little() -> None:
    """Nine first letters: the second character is looked at too, unless a match can be one character long."""
    words = "ab|cd|ef|gh|ij|kl|mn|op|qr(?:st)*"
    two = quick_start(re.compile(rf"\b(?:{words})", re.IGNORECASE))
    look = two.pattern.split("(?:", 1)[0]
    assert look.count("[") == 2
    for text in ("xx AB cd", "qr", "q r", "Qrstst", "ba dc"):
        assert _spans(two, text) == _spans(re.compile(rf"\b(?:{words})", re.IGNORECASE), text)
    one = quick_start(re.compile(rf"{words}|s"))
    assert one.pattern.split("(?:", 1)[0].count("[") == 1
