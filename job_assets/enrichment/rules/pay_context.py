"""What the words around an amount say: is it pay at all, and per what period.

Context is the amount's own clause - the sentence or list item it sits in - not a fixed number of words, because
benefit lines put their subject far from their figure ("401(k) plan with a company match of 50% of the first 6% you
contribute, up to a maximum of $10,000 per year"). Inside the clause the nearest cue before the amount decides:
a pay cue ("base salary", "hourly rate", "OTE") makes it pay, a non-pay cue (a benefit, a reimbursement, a budget,
a deal size, a funding round) makes it not pay. With no cue before it, a non-pay noun right after the amount
("$2,000 learning budget", "$10-20K+ ACV") rejects it.
"""

from __future__ import annotations

import re

_HEADING_MAX = 60  # a line this short without a sentence end is a heading for the figures under it
# A clause ends at a line break, a list bullet, a semicolon or the end of a sentence ("... per year. Our ...").
_CLAUSE_END = re.compile(r"\n|;|•|(?<=[a-z)])[.!?](?=\s)|(?<=\s)[-*]\s")

# Things paid or counted in money that are not the job's pay. Stems, matched as whole words.
_NOT_PAY_WORDS = (
    r"401\s?\(?k\)?|403\s?\(?b\)?|retirement|pension|superannuation|rrsp|fertility|family[\s-]forming|adoption"
    r"|surrogacy|hra|hsa|fsa|health\s+reimbursement|wellness|well-?being|gym|fitness|stipends?|allowances?"
    r"|budgets?|reimburse\w*|relocation|sign(?:ing|-on|\s+on)\s+bonus|referral|bonus(?:es)?|learning|tuition"
    r"|education(?:al)?|professional\s+development|childcare|commuter|transit|internet|wi-?fi|phone|home\s+office"
    r"|meals?|lunch|food|credits?|gifts?|donat\w*|charit\w*|match(?:es|ed|ing)?|coverage|insurance|life\s+insurance"
    r"|acv|arr|mrr|tcv|gmv|aum|assets\s+under\s+management|deals?|deal\s+sizes?|quota|pipeline|bookings"
    r"|book\s+of\s+business|revenue|sales\s+of|funding|raised|series\s+[a-h]|seed|valuation|valued|backed"
    r"|investors?|customers|users|employees|contracts?\s+worth|worth|fund|grants?|prizes?|awards?|scholarships?"
    r"|equipment|laptop|setup|co-?working|housing|travel|per\s+diem|vacation|pto|commissions?|rsus?|stock"
)
_NOT_PAY = re.compile(rf"(?<![\w-])(?:{_NOT_PAY_WORDS})(?![\w-])", re.IGNORECASE)

# Words that introduce the job's own pay. "your salary" / "of salary" talk about pay as a base for something
# else (a 401(k) match "of your salary"), so they are not cues.
_PAY_WORDS = (
    r"salary|salaries|base|pay|paid|pays|compensation|wages?|rate|ote|on-target\s+earnings|earn\w*|remuneration"
    r"|income|ctc|package|hiring\s+range|pay\s+range|gehalt|verg[üu]tung|jahresgehalt|salaire|r[ée]mun[ée]ration"
    r"|salario|sueldo|retribuci[óo]n|stipendio|retribuzione|salaris|l[öo]n|internship\s+rate"
)
_PAY = re.compile(rf"(?<![\w-])(?:{_PAY_WORDS})(?![\w-])", re.IGNORECASE)
_NOT_A_PAY_CUE = re.compile(
    r"(?:\byour|\bof|%\s*of|\bthe\s+employee'?s)\s*(?:annual\s+|base\s+|eligible\s+)*$", re.I
)

# A stipend is an intern's pay, though a benefit elsewhere ("wellness stipend").
_INTERN = re.compile(r"\bintern(?:s|ship)?\b|\bstage\b|\bpraktikum\b", re.IGNORECASE)

# A non-pay noun right after the amount (a period word already removed): "$2,000 learning budget",
# "$10-20K+ ACV", "$150/month wifi/phone reimbursement"; but "$150,000 + bonus" is pay plus a bonus.
_AFTER_NOT_PAY = re.compile(
    rf"^\s*(?:[A-Za-z'/-]+\s+){{0,3}}?(?:{_NOT_PAY_WORDS}|in\s+equity)(?![\w-])", re.IGNORECASE
)


def clause_before(text: str, start: int, limit: int = 400) -> str:
    """The text of the amount's clause before it. An amount that opens its line ("Pay Range" heading, then
    "$28 — $32 USD") takes a short heading line above it as its clause."""
    window = text[max(0, start - limit) : start]
    ends = list(_CLAUSE_END.finditer(window))
    clause = window[ends[-1].end() :] if ends else window
    if clause.strip(" \t-*•:") or "\n" not in window:
        return clause
    above = window[: window.rstrip(" \t-*•:").rfind("\n")].rstrip().rsplit("\n", 1)[-1]
    return f"{above} " if 0 < len(above) <= _HEADING_MAX and not above.endswith((".", "!", "?")) else clause


def clause_after(text: str, end: int, limit: int = 200) -> str:
    """The text of the amount's clause after it."""
    window = text[end : end + limit]
    cut = _CLAUSE_END.search(window)
    return window[: cut.start()] if cut else window


# "not including bonus", "plus equity": a non-pay word set beside the pay, not naming the amount.
_BESIDE = re.compile(r"(?:not\s+including|excluding|exclusive\s+of|plus|\+|and|in\s+addition\s+to)\s*$", re.I)


def last_cue(before: str, intern: bool = False) -> str | None:
    """`pay`, `not_pay` or None: the nearest cue before the amount in its clause. `intern`: the posting or the
    clause is an internship, whose stipend is its pay."""
    best: tuple[int, str] | None = None
    for match in _PAY.finditer(before):
        if not _NOT_A_PAY_CUE.search(before[: match.start()]):
            best = max(best or (-1, ""), (match.start(), "pay"))
    intern = intern or bool(_INTERN.search(before))
    for match in _NOT_PAY.finditer(before):
        if match.group(0).lower().startswith("stipend") and intern:
            best = max(best or (-1, ""), (match.start(), "pay"))
        elif not _BESIDE.search(before[: match.start()]):
            best = max(best or (-1, ""), (match.start(), "not_pay"))
    return best[1] if best else None


_ON_TARGET = re.compile(r"\bOTE\b|on[\s-]target|total\s+(?:target\s+)?(?:compensation|cash|earnings)", re.I)


def is_on_target(before: str) -> bool:
    """The clause states on-target earnings or total compensation, not base pay."""
    return bool(_ON_TARGET.search(before))


def is_internship(text: str) -> bool:
    return bool(_INTERN.search(text))


_JOINED = re.compile(r"^\s*(?:\+|&|plus\b|and\b|with\b)", re.IGNORECASE)


def not_pay_after(after: str) -> bool:
    """A non-pay noun right after the amount (its period words already removed); "+ bonus", "plus equity"
    add something to the pay rather than name what the amount is."""
    return not _JOINED.search(after) and bool(_AFTER_NOT_PAY.search(after))


def has_pay_word(before: str) -> bool:
    return last_cue(before) == "pay"


_PERIOD_PATTERNS: tuple[tuple[str, str], ...] = (
    ("hour", r"per\s+hour|an\s+hour|/\s?h(?:ou)?r\b|/\s?h\b|hourly|\bp/?h\b|par\s+heure|pro\s+stunde|/\s?std\b"),
    ("day", r"per\s+day|a\s+day|/\s?day\b|daily|day\s+rate|per\s+diem|par\s+jour|pro\s+tag|tagessatz"),
    ("week", r"per\s+week|a\s+week|/\s?w(?:ee)?k\b|weekly|par\s+semaine|pro\s+woche"),
    ("month", r"per\s+month|a\s+month|/\s?mo(?:nth)?\b|monthly|pro\s+monat|par\s+mois|mensuel\w*|monatlich|/\s?monat|al\s+mes|mensual|por\s+m[êe]s|/\s?m[êe]s\b"),
    ("year", r"per\s+year|a\s+year|per\s+annum|\bp\.?\s?a\.?(?!\w)|/\s?y(?:ea)?r\b|/\s?annum|annual\w*|yearly|/\s?jahr|pro\s+jahr|brutto/jahr|jährlich|par\s+an\b|annuel\w*|al\s+año|por\s+año|anual\w*|por\s+ano|ao\s+ano|/\s?ano\b|\bLPA\b"),
)  # fmt: skip
PERIODS = [(period, re.compile(pattern, re.IGNORECASE)) for period, pattern in _PERIOD_PATTERNS]

# "The monthly rate for this internship is $11,000": a period adjective on a pay noun earlier in the clause.
_PERIOD_ADJECTIVE = {
    "hour": "hourly",
    "day": "daily",
    "week": "weekly",
    "month": "monthly|mensuel\\w*|monatlich\\w*|mensual",
    "year": "annual|annualized|yearly|annuel\\w*|jährlich\\w*|anual",
}
_PERIOD_ON_PAY = [
    (period, re.compile(rf"\b(?:{adj})\s+(?:\w+\s+)?(?:{_PAY_WORDS})\b", re.IGNORECASE))
    for period, adj in _PERIOD_ADJECTIVE.items()
]
# A period token between two amounts of a range ("$180.000/year to $260,000/year").
PERIOD_TOKEN = r"(?:\s?(?:/|per\s|an?\s)\s?(?:year|yr|annum|hour|hr|month|mo|week|wk|day)\b|\s?(?:p\.a\.|pa\b|hourly|annually))"


def period_near(after: str, before: str) -> str | None:
    """A period stated right after the amount, else just before it."""
    for period, pattern in PERIODS:
        if pattern.search(after[:40]):
            return period
    for period, pattern in PERIODS:
        if pattern.search(before[-25:]):
            return period
    return None


def period_in_clause(before: str) -> str | None:
    """The period of a pay noun earlier in the clause ("monthly rate", "annual base salary"), the nearest."""
    found = [(m.start(), period) for period, pattern in _PERIOD_ON_PAY for m in pattern.finditer(before)]
    return max(found)[1] if found else None


def strip_period(after: str) -> str:
    for _, pattern in PERIODS:
        after = pattern.sub(" ", after, count=1)
    return after
