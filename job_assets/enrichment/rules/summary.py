"""A deterministic one-or-two-sentence summary: the first meaningful sentences about the role.

Postings usually open with company boilerplate, so a role heading ("About the role", "What you'll do") is looked
for first; headings, short fragments and legal boilerplate are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

MAX_CHARS = 300

_ROLE_HEADING = re.compile(
    r"^\s*(?:about\s+(?:the|this)\s+(?:role|position|job|opportunity|team)|the\s+role|role\s+overview|the\s+opportunity"
    r"|position\s+(?:overview|summary)|job\s+(?:summary|description|overview)|in\s+this\s+role|what\s+you['’]ll\s+do"
    r"|your\s+role|the\s+position|overview)\b[^\n]{0,30}$",
    re.IGNORECASE | re.MULTILINE,
)
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+(?=\s|$)|(?=\n)|$)")
_BOILERPLATE = re.compile(
    r"equal\s+opportunity|eeo|affirmative\s+action|reasonable\s+accommodation|regardless\s+of\s+race|apply\s+now"
    r"|click\s+(?:here|apply)|privacy\s+(?:policy|notice)|cookie|javascript",
    re.IGNORECASE,
)


def _sentences(text: str) -> Iterator[str]:
    """The usable sentences in text order, lazily: the summary needs at most two of them."""
    for match in _SENTENCE.finditer(text):
        sentence = " ".join(match.group(0).split()).strip(" -•*·:")
        if len(sentence) < 25 or len(sentence.split()) < 5 or _BOILERPLATE.search(sentence):
            continue
        if sentence[-1] not in ".!?":
            if len(sentence) < 60:
                continue  # a heading or a bullet fragment
            sentence += "."
        yield sentence


def _first_two(text: str) -> list[str]:
    return list(islice(_sentences(text), 2))


def summarise(title: str | None, company_name: str | None, description: str | None) -> str:
    """Up to two sentences and MAX_CHARS characters; the title and company when the text has nothing usable."""
    text = description or ""
    heading = _ROLE_HEADING.search(text)
    sentences = _first_two(text[heading.end() :]) if heading else []
    sentences = sentences or _first_two(text)
    summary = ""
    for sentence in sentences[:2]:
        candidate = f"{summary} {sentence}".strip()
        if len(candidate) > MAX_CHARS:
            break
        summary = candidate
    if not summary and sentences:
        summary = sentences[0][: MAX_CHARS - 1].rsplit(" ", 1)[0] + "…"
    if summary:
        return summary
    if title:
        return f"{title} at {company_name}." if company_name else f"{title}."
    return ""
