"""A posting's description as blocks (headings, paragraphs, lists), before any ATS formats it.

The role-specific text comes from the archetype and the opening; the company's boilerplate (about us,
benefits, equal opportunity) is identical in all of a company's postings, as on real boards.
"""

from __future__ import annotations

from dataclasses import dataclass

from job_assets_sandbox.catalog.model import SamplePosting
from job_assets_sandbox.catalog.pay import pay_text

Block = tuple[str, str | tuple[str, ...]]  # ("h", text) | ("p", text) | ("ul", items)


@dataclass(frozen=True)
class Description:
    about: tuple[Block, ...]
    role: tuple[Block, ...]
    lists: tuple[tuple[str, tuple[str, ...]], ...]
    pay: tuple[Block, ...]
    benefits: tuple[Block, ...]
    eeo: tuple[Block, ...]

    def blocks(self, *, about_first: bool) -> list[Block]:
        middle = [*self.role]
        for heading, items in self.lists:
            middle += [("h", heading), ("ul", items)]
        middle += [*self.pay]
        tail = [*self.benefits, *self.eeo]
        return [*self.about, *middle, *tail] if about_first else [*middle, *self.about, *tail]


def _fill(text: str, values: dict[str, str]) -> str:
    try:
        return text.format_map(values)
    except KeyError as error:
        raise ValueError(f"sample text uses an unknown placeholder {error} in: {text[:60]!r}") from error


def describe(posting: SamplePosting, day: int) -> Description:
    company, opening, role = posting.company, posting.opening, posting.role
    level = role.levels.get(opening.level) if opening.level else None
    values = {**company.vars, "company": company.name, "team": posting.team, "title": posting.title}
    values["years"] = level.years if level else role.years

    summary = _fill(opening.intro or role.summary, values)
    detail_sentences = [_fill(role.detail, values), *opening.added]
    if opening.edit_day is not None and day >= opening.edit_day:
        detail_sentences += opening.edit_added
    role_blocks: list[Block] = [("h", "About the role"), ("p", summary), ("p", " ".join(detail_sentences))]

    responsibilities = [*(level.responsibilities if level else ()), *role.responsibilities]
    requirements = [*role.requirements, *(level.requirements if level else ())]
    do, bring, nice = company.headings
    lists = [(do, tuple(_fill(t, values) for t in responsibilities))]
    lists.append((bring, tuple(_fill(t, values) for t in requirements)))
    if role.nice_to_have:
        lists.append((nice, tuple(_fill(t, values) for t in role.nice_to_have)))

    pay_blocks: list[Block] = []
    pay = opening.pay_on(day)
    if pay is not None and pay.in_text:
        paragraphs, items = pay_text(pay, company.pay_sentence)
        if company.pay_inline and not items:
            role_blocks.append(("p", paragraphs[0]))
        else:
            pay_blocks += [("h", "Compensation"), *(("p", p) for p in paragraphs)]
            if items:
                pay_blocks.append(("ul", tuple(items)))

    about = (("h", f"About {company.name}"), *(("p", _fill(p, values)) for p in company.about))
    return Description(
        about=about,
        role=tuple(role_blocks),
        lists=tuple(lists),
        pay=tuple(pay_blocks),
        benefits=(("h", "Benefits"), ("ul", tuple(_fill(b, values) for b in company.benefits))),
        eeo=(("p", _fill(company.eeo, values)),),
    )


def plain(blocks: list[Block] | tuple[Block, ...], bullet: str = "•") -> str:
    """Readable text: headings and paragraphs separated by blank lines, one list item a line."""
    parts: list[str] = []
    for kind, value in blocks:
        if kind == "ul":
            assert isinstance(value, tuple)
            parts.append("\n".join(f"{bullet} {item}" for item in value))
        else:
            assert isinstance(value, str)
            parts.append(value)
    return "\n\n".join(parts)
