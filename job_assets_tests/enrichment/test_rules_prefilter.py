"""The literal prefilters in front of the rules' patterns: they must never skip a text the pattern matches."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from job_assets.enrichment.rules import employment, remote_phrases, requirements, seniority_words, skills
from job_assets.enrichment.rules.keywords import Prefiltered, first_match, folded

CORPUS = Path(__file__).resolve().parent.parent / "data" / "realworld"


def _prefiltered() -> dict[str, Prefiltered]:
    found: dict[str, Prefiltered] = {}
    for module in (employment, remote_phrases, requirements, seniority_words):
        for name, value in vars(module).items():
            parts = value if isinstance(value, tuple) else (value,)
            for i, part in enumerate(parts):
                if isinstance(part, Prefiltered):
                    found[f"{module.__name__}.{name}[{i}]"] = part
    return found


PREFILTERED = _prefiltered()


def _corpus_texts() -> list[str]:
    """Every saved real-world answer, unescaped, in chunks of a posting's size."""
    texts = []
    for path in sorted(CORPUS.glob("*/*.json")):
        raw = html.unescape(html.unescape(path.read_text(encoding="utf-8", errors="replace")))
        raw = re.sub(r"<[^>]+>|\\n", "\n", raw)
        texts += [raw[i : i + 20_000] for i in range(0, len(raw), 20_000)]
    return texts


def test_folding_matches_ignorecase_for_ascii_letters() -> None:
    """Every character `re.IGNORECASE` takes for an ASCII letter folds to that letter ("İ", "ſ", the Kelvin sign)."""
    letter = re.compile("[a-z]", re.IGNORECASE)
    for code in range(0x110000):
        char = chr(code)
        if letter.fullmatch(char):
            assert len(folded(char)) == 1 and re.fullmatch(folded(char), char, re.IGNORECASE), hex(code)
    assert folded("HYBRİD ſite") == "hybrid site"


@pytest.mark.parametrize("name", sorted(PREFILTERED))
def test_every_match_holds_a_keyword(name: str) -> None:
    """On real postings, each match of the pattern contains one of its keywords (so the prefilter skips none)."""
    prefiltered = PREFILTERED[name]
    matches = 0
    for text in _corpus_texts():
        for match in prefiltered.regex.finditer(text):
            matches += 1
            assert any(k in folded(match.group(0)) for k in prefiltered.keywords), (name, match.group(0))
        assert (prefiltered.search(text) is None) == (prefiltered.regex.search(text) is None)


def test_first_match_is_the_alternation_leftmost_match() -> None:
    parts = (
        Prefiltered(re.compile(r"\bhybrid\b", re.I), ("hybrid",)),
        Prefiltered(re.compile(r"\d days"), ("days",)),
    )
    both = re.compile(r"\bhybrid\b|\d days", re.I)
    for text in ("3 days a week, hybrid", "Hybrid: 3 days", "remote", "HYBRID"):
        found, expected = first_match(parts, text), both.search(text)
        assert (found and found.start()) == (expected and expected.start())


def test_keywords_must_be_lowercase_words() -> None:
    with pytest.raises(ValueError, match="lower-case ASCII"):
        Prefiltered(re.compile("Remote"), ("Remote",))
    with pytest.raises(ValueError, match="lower-case ASCII"):
        Prefiltered(re.compile(r"from\s+home"), ("from home",))


def test_folding_keeps_offsets_and_word_characters() -> None:
    """Skills are matched case-sensitively on the folded text (`skills._INSENSITIVE`): that finds what
    `re.IGNORECASE` finds on the text only if folding keeps every offset and what is a word character, and the
    aliases are lower-case ASCII."""
    edge = re.compile(r"[\w+#.]")
    for code in range(0x110000):
        char = chr(code)
        assert len(folded(char)) == 1, hex(code)
        assert bool(edge.match(char)) == bool(edge.match(folded(char))), hex(code)
    assert all(alias == alias.lower() and alias.isascii() for alias in skills._ALIAS_TO_CANONICAL)
    assert skills.extract_skills("PYTHON, KUBERNETES and ReactJS on ſnowflake") == [
        "Python",
        "Kubernetes",
        "React",
        "Snowflake",
    ]
