"""The extraction prompt: a fixed prefix (instructions + schema), then one posting.

The system message is byte-identical for every posting (no dates, ids or names in it), so a vLLM server with
prefix caching computes it once. The posting goes last; a description over the context budget is cut at a
sentence boundary, or, when a long-context endpoint exists, sent there whole.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from job_assets.enrichment.schema import EXTRACTION_JSON_SCHEMA

CHARS_PER_TOKEN = 3.5
"""Conservative for English prose with Qwen/Llama tokenizers (~4 chars per token): estimates run high, so a
prompt cut to the estimate fits."""
TEMPLATE_OVERHEAD_TOKENS = 64  # chat template tokens around the messages, plus margin
TRUNCATION_MARK = "\n[description truncated]"

INSTRUCTIONS = """\
You read one job posting and extract facts from it. Answer with a single JSON object and nothing else.

Rules:
- Use only what the posting states about this role. When a fact is not stated, use null (or "unknown" where the \
schema says so); never guess from the company, the industry or the job family.
- Explicit words in the posting beat the job board's flags: "Hybrid, 3 days in office" is hybrid even if listed \
as remote; "Intern" in the title beats a listed "Full-time".
- salary_min / salary_max: the base pay range for this role in the unit stated (do not convert hourly or monthly \
pay to a year). If several ranges in one currency are listed (one per location or zone), span them: the lowest \
min and the highest max. A single figure is both min and max; "up to X" has no min. On-target earnings only \
when no base pay is stated. Never use numbers that are not pay: benefits and their caps ("fertility benefit up \
to $10,000 per year"), 401(k) matches, reimbursements and stipends ("$150/month phone reimbursement"), bonuses, \
equity, deal sizes or quotas ("deals averaging $10-20K ACV"), revenue, funding, valuations, customer counts, \
years of experience.
- salary_currency: the ISO 4217 code (USD, EUR, GBP, CAD, INR, ...). salary_period: year, month, week, day or \
hour, as stated ("The monthly rate for this internship is $11,000" is month).
- remote: remote, hybrid, onsite or unknown, for this role (not the company's general policy: "remote-first \
company" alone says nothing about the role). A place labelled remote ("Remote (US)") means remote. Benefit lines \
("Work From Home Support", "home office stipend"), "hybrid" pay or cloud models, "distributed team" and \
"in-person prospecting" are not policy. A team that works in person ("We're in-person with offices in SF and \
NY", "we are an in-office company") is onsite; an interview "onsite" or in-person events are not. Office days asked \
only of those near an office of a role that can be worked anywhere are remote. unknown when not stated.
- seniority: the level the title's role states, else a level the description states ("this is a mid-level role", \
"As a first-line manager ...", "As Senior Applications Engineer you will ..."), else unknown; "3+ years of \
managing a team" is a requirement, not this role's management. Words in a team, programme, segment or market name are not levels: "Accountant, Close Management", \
"Care Coordinator, Senior Living Partnerships", "Mid-Market Account Executive" state none. intern, junior, mid, \
senior (also "Lead"), staff, principal, manager (manages people; a Product, Program, Account, Compliance, Global Mobility or \
Business Development Manager manages no people unless the text says so), director (including "Head of"), executive (VP, SVP, RVP and C-level) \
or unknown. Ladder steps I, II, III are junior, mid, senior; IV and above are unknown.
- employment_type: full_time, part_time, contract, intern, temporary, or null when not stated (CDI is full_time, \
CDD temporary, Stage or Werkstudent intern; a "Trainee" is not an intern). A board value naming two types \
("Temporary/Contract") is the one the text names (a freelancer or vendor pool is contract).
- years_experience_min: the smallest number of years of experience required, or null.
- skills: up to 20 short canonical names of technologies, tools and methods the role uses (e.g. "Python", \
"Kubernetes", "React"); no soft skills, no sentences.
- visa_sponsorship: true if the posting offers visa sponsorship, false if it rules it out, null if it does not say.
- summary: one or two plain sentences on what the role does, without the company's marketing.
"""

SYSTEM_PROMPT = (
    INSTRUCTIONS
    + "\nThe JSON object must validate against this JSON schema:\n"
    + json.dumps(EXTRACTION_JSON_SCHEMA, sort_keys=True, separators=(",", ":"))
)


def estimate_tokens(text: str) -> int:
    return math.ceil(len(text) / CHARS_PER_TOKEN)


@dataclass(frozen=True)
class PostingText:
    """What the model reads about one posting (never its ids, URLs or dates: they carry no facts)."""

    title: str
    company_name: str
    locations: tuple[str, ...]
    department: str | None
    description: str

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> PostingText:
        return cls(
            title=row.get("title") or "",
            company_name=row.get("company_name") or row.get("company") or "",
            locations=tuple(row.get("locations") or ()),
            department=row.get("department"),
            description=row.get("description_text") or "",
        )

    def header(self) -> str:
        lines = [f"Title: {self.title}", f"Company: {self.company_name}"]
        if self.locations:
            lines.append(f"Locations: {'; '.join(self.locations)}")
        if self.department:
            lines.append(f"Department: {self.department}")
        return "\n".join(lines) + "\nDescription:\n"


@dataclass(frozen=True)
class Prompt:
    messages: list[dict[str, str]]
    long_context: bool  # send to the long-context endpoint
    truncated: bool
    estimated_tokens: int


def description_budget(header: str, context_tokens: int, answer_tokens: int) -> int:
    """Tokens left for the description once the prefix, the header and the longest answer are reserved."""
    fixed = estimate_tokens(SYSTEM_PROMPT) + estimate_tokens(header) + TEMPLATE_OVERHEAD_TOKENS
    return context_tokens - fixed - answer_tokens


_SENTENCE_END = re.compile(r"[.!?][)\"'”’]?\s|\n\s*\n")


def truncate_at_sentence(text: str, max_tokens: int) -> tuple[str, bool]:
    """The longest prefix within `max_tokens` (by estimate) that ends at a sentence boundary."""
    limit = max(0, int(max_tokens * CHARS_PER_TOKEN))
    if len(text) <= limit:
        return text, False
    cut = text[:limit]
    ends = [m.end() for m in _SENTENCE_END.finditer(cut)]
    if ends and ends[-1] >= limit // 2:
        cut = cut[: ends[-1]]
    elif " " in cut:
        cut = cut.rsplit(" ", 1)[0]  # one run-on sentence: at least cut between words
    return cut.rstrip(), True


def build_prompt(
    posting: PostingText,
    *,
    context_tokens: int,
    answer_tokens: int,
    long_context_tokens: int | None = None,
) -> Prompt:
    """Messages for one posting. `long_context_tokens` is set when a long-context endpoint is configured."""
    header = posting.header()
    budget = description_budget(header, context_tokens, answer_tokens)
    if budget <= 0:
        raise ValueError(
            f"context of {context_tokens} tokens leaves no room for a posting after the {answer_tokens}-token answer"
        )
    description = posting.description
    long_context = False
    if estimate_tokens(description) > budget and long_context_tokens:
        long_context = True
        budget = description_budget(header, long_context_tokens, answer_tokens)
    truncated = estimate_tokens(description) > budget
    if truncated:
        description = truncate_at_sentence(description, budget - estimate_tokens(TRUNCATION_MARK))[0]
        description += TRUNCATION_MARK
    user = header + description
    messages = [{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": user}]
    tokens = estimate_tokens(SYSTEM_PROMPT) + estimate_tokens(user) + TEMPLATE_OVERHEAD_TOKENS
    return Prompt(messages=messages, long_context=long_context, truncated=truncated, estimated_tokens=tokens)


def parse_posting_text(user_message: str) -> tuple[str, Sequence[str], str]:
    """(title, locations, description) back from a user message built here: lets a test server answer from it."""
    head, sep, description = user_message.partition("\nDescription:\n")
    if not sep:
        return "", (), user_message
    fields = dict(line.split(": ", 1) for line in head.splitlines() if ": " in line)
    locations = [loc for loc in fields.get("Locations", "").split("; ") if loc]
    return fields.get("Title", ""), locations, description
