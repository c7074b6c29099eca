"""Markdown (crawl4ai page content, jobspy descriptions) -> the same plain text `html.py` produces.

Both tools hand us markdown; the parsed schema's `description_text` is plain text with `- ` list
items (nested ones indented by two spaces) and one blank line between paragraphs, so emphasis,
heading hashes, link syntax and backslash escapes are removed and bullets unified. A light pass,
not a markdown parser: a stray `*` in prose stays as it is.
"""

from __future__ import annotations

import html
import re

from job_assets.parsing.paragraphs import join_paragraphs

_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_HEADING = re.compile(r"^#{1,6}\s+")
_BULLET = re.compile(r"^[*+-]\s+")
_NUMBERED = re.compile(r"^\d+[.)]\s+")
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_RULE = re.compile(r"^(?:[-*_]\s*){3,}$")
_SPACES = re.compile(r"[^\S\n]+")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


def _indent(raw: str) -> int:
    expanded = raw.replace("\t", "    ")
    return len(expanded) - len(expanded.lstrip())


def _line(raw: str, levels: dict[int, int]) -> str:
    """One markdown line -> its text, keeping a list item's `- ` and nesting. The nesting level is
    the rank of the item's indent among the document's list indents: html2text indents top-level
    items by two spaces and nested ones by four, markdownify by none and by four."""
    level = levels.get(_indent(raw), 0)
    line = raw.strip()
    if _RULE.match(line):
        return ""
    line = _HEADING.sub("", line)
    bullet = ""
    if _BULLET.match(line):
        line, bullet = _BULLET.sub("", line), "  " * min(level, 3) + "- "
    elif _NUMBERED.match(line):
        bullet = "  " * min(level, 3)
    line = _IMAGE.sub("", line)
    line = _LINK.sub(r"\1", line)
    line = _EMPHASIS.sub(r"\2", line)
    line = _ESCAPE.sub(r"\1", line)
    line = _SPACES.sub(" ", html.unescape(line).replace("\xa0", " ").translate(_INVISIBLE)).strip()
    return bullet + line if line else ""


def markdown_to_text(markdown: str | None) -> str:
    if not markdown or not markdown.strip():
        return ""
    raws = markdown.splitlines()
    indents = sorted({_indent(r) for r in raws if _BULLET.match(r.strip()) or _NUMBERED.match(r.strip())})
    levels = {indent: rank for rank, indent in enumerate(indents)}
    return join_paragraphs(_line(raw, levels) for raw in raws)
