"""Lines -> text with at most one blank line between paragraphs: the shape every text source ends in."""

from __future__ import annotations

from collections.abc import Iterable


def join_paragraphs(lines: Iterable[str]) -> str:
    """Join already-tidied lines; runs of empty lines become one blank line, none at either end."""
    out: list[str] = []
    blank = False
    for line in lines:
        if not line:
            blank = bool(out)
            continue
        if blank:
            out.append("")
            blank = False
        out.append(line)
    return "\n".join(out)
