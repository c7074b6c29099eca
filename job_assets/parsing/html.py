"""Posting HTML -> clean readable text (one line per paragraph, heading and list item).

Runs on every posting, so it walks selectolax's (lexbor) DOM once in Python with an explicit stack
(no recursion limit on deeply nested markup) instead of rendering via a heavier HTML-to-markdown
library. Greenhouse sends its HTML entity-ESCAPED (`&lt;p&gt;...`); `html_to_text` detects that and
unescapes once before parsing, so `&amp;nbsp;` inside it ends up as a plain space, not as text.
"""

from __future__ import annotations

import html as htmllib
import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from job_assets.parsing.paragraphs import join_paragraphs


def _tags(names: str) -> frozenset[str]:
    return frozenset(names.split())


_SKIP = _tags("script style noscript template head title iframe object svg canvas button")
# Blocks a browser renders with a margin: a blank line around them (inside a list item, a new line).
_PARAGRAPHS = _tags("p h1 h2 h3 h4 h5 h6 hr table ul ol dl blockquote pre figure details")
# Blocks without a margin (Lever writes one `<div>` per line): a new line, no blank line.
_LINES = _tags(
    "div section article header footer main aside nav form fieldset address summary figcaption tr dt dd caption option"
)
_CELLS = _tags("td th")

_ESCAPED_TAG = re.compile(r"&lt;\s*/?\s*[a-zA-Z][a-zA-Z0-9]*(?:\s[^&]*?)?\s*/?\s*&gt;")
_REAL_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
_SPACES = re.compile(r"[^\S\n]+")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


def is_entity_escaped(text: str) -> bool:
    """True for Greenhouse-style content: escaped tags (`&lt;p&gt;`) and no real tag at all."""
    return _ESCAPED_TAG.search(text) is not None and _REAL_TAG.search(text) is None


class _Writer:
    """Accumulates inline text into lines and decides the separators between them."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.parts: list[str] = []
        self.prefix = ""
        self.separator = 0  # 0: none yet, 1: new line, 2: blank line before the next line

    def text(self, value: str) -> None:
        if self.parts or not value.isspace():  # whitespace between blocks is layout, not text
            self.parts.append(value)

    def space(self) -> None:
        self.parts.append(" ")

    def brk(self, level: int) -> None:
        if self.parts:
            self._flush()
        if level > self.separator:
            self.separator = level

    def line_break(self) -> None:
        """`<br>`: ends the line; a `<br>` on an empty line (`<br><br>`, `<div><br></div>`) is a blank line."""
        empty = not "".join(self.parts).strip()
        self.brk(2 if empty and self.lines else 1)

    def item(self, prefix: str) -> None:
        """A list item: its first non-empty line gets the `- ` prefix."""
        self.brk(1)
        self.prefix = prefix

    def _flush(self) -> None:
        if not self.parts:
            return
        joined = "".join(self.parts)
        # The invisible characters are not ASCII, and `translate` looks every character up: only when needed.
        if not joined.isascii():
            joined = joined.translate(_INVISIBLE)
        line = " ".join(joined.split())
        self.parts = []
        if not line:
            return
        if self.lines and self.separator == 2:
            self.lines.append("")
        self.lines.append(self.prefix + line)
        self.prefix = ""
        self.separator = 0

    def result(self) -> str:
        self._flush()
        return "\n".join(self.lines)


def _children(node: LexborNode) -> list[LexborNode | str]:
    out: list[LexborNode | str] = []
    child = node.child
    while child is not None:
        out.append(child)
        child = child.next
    return out


def _walk(root: LexborNode, out: _Writer) -> None:
    # A depth-first walk with an explicit stack. A block element also pushes its tag name (a str) so
    # that popping it later means "after the element's children"; inline elements push nothing.
    stack: list[LexborNode | str] = _children(root)
    stack.reverse()
    li_depth = 0
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if item == "li":
                li_depth -= 1
                out.brk(1)
            else:
                out.brk(2 if item in _PARAGRAPHS and not li_depth else 1)
            continue
        tag = item.tag
        if tag == "-text":
            out.text(item.text_content or "")
            continue
        if tag is None or tag[0] == "-" or tag in _SKIP:
            continue  # comments, doctype, scripts
        if tag == "br":
            out.line_break()
            continue
        if tag == "li":
            out.item("  " * li_depth + "- ")
            li_depth += 1
            stack.append(tag)
        elif tag in _PARAGRAPHS:
            out.brk(1 if li_depth else 2)
            stack.append(tag)
        elif tag in _LINES:
            out.brk(1)
            stack.append(tag)
        elif tag in _CELLS:
            out.space()
        children = _children(item)
        children.reverse()
        stack.extend(children)


def plain_to_text(text: str) -> str:
    """Plain text (Ashby `descriptionPlain`, Lever `*Plain`): keep its lines, tidy the spaces."""
    raws = htmllib.unescape(text).translate(_INVISIBLE).splitlines()
    return join_paragraphs(_SPACES.sub(" ", raw.replace("\xa0", " ")).strip() for raw in raws)


def html_to_text(markup: str | None) -> str:
    """HTML (or entity-escaped HTML, or plain text) -> readable text; "" for nothing."""
    if not markup or not markup.strip():
        return ""
    if is_entity_escaped(markup):
        markup = htmllib.unescape(markup)
    if "<" not in markup:
        return plain_to_text(markup)
    tree = LexborHTMLParser(markup)
    root = tree.body or tree.root
    if root is None:
        return ""
    out = _Writer()
    _walk(root, out)
    return out.result()
