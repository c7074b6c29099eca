"""Pay from posting text: the explicit formats real postings use, and none of the numbers that only look like pay.

A figure counts only with a currency marker ($, £, €, USD, CAD ...) and a plausible size for its period. Ranges
are taken as stated; a lone figure needs a qualifier ("up to $210k"), a stated period or a pay word before it
("Base salary:"). Whether the figure is pay at all is for its clause to say (`pay_context`): benefits,
reimbursements, stipends outside internships, 401(k) matches, bonuses, deal sizes, revenue and funding are not.
Amounts in millions/billions are never pay. Numbers may be grouped the US, European, Swiss, Indian (lakh) or
space-separated way, in one range too ("$180.000/year to $260,000/year"). When a posting lists several ranges (one
per location), its pay is the full range over them (`find_pay`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from job_assets.enrichment.rules.pay_context import (
    PERIOD_TOKEN,
    clause_after,
    clause_before,
    has_pay_word,
    is_internship,
    is_on_target,
    last_cue,
    not_pay_after,
    period_in_clause,
    period_near,
    strip_period,
)
from job_assets.parsing.amounts import parse_number
from job_assets.parsing.pay_tiers import span

ANNUAL_FACTORS: dict[str, int] = {"year": 1, "month": 12, "week": 52, "day": 260, "hour": 2080}

_PREFIX_CURRENCIES: dict[str, str] = {
    "US$": "USD", "USD": "USD", "CA$": "CAD", "C$": "CAD", "CAD": "CAD", "AU$": "AUD", "A$": "AUD", "AUD": "AUD",
    "NZ$": "NZD", "NZD": "NZD", "S$": "SGD", "SGD": "SGD", "HK$": "HKD", "HKD": "HKD", "R$": "BRL", "BRL": "BRL",
    "£": "GBP", "GBP": "GBP", "€": "EUR", "EUR": "EUR", "CHF": "CHF", "₹": "INR", "INR": "INR", "¥": "JPY",
    "JPY": "JPY", "SEK": "SEK", "NOK": "NOK", "DKK": "DKK", "PLN": "PLN", "MXN": "MXN", "ZAR": "ZAR", "$": "USD",
}  # fmt: skip
_SUFFIX_CURRENCIES: dict[str, str] = {k: v for k, v in _PREFIX_CURRENCIES.items() if k.isalpha()} | {
    "€": "EUR",
    "£": "GBP",
    "zł": "PLN",
}
_LARGE_UNIT_CURRENCIES = {"JPY", "INR"}  # salaries in the millions are ordinary here


def _alternation(tokens: dict[str, str]) -> str:
    parts = []
    for token in sorted(tokens, key=len, reverse=True):
        escaped = re.escape(token)
        parts.append(rf"(?<![A-Za-z]){escaped}(?![A-Za-z])" if token[-1].isalpha() else escaped)
    return "|".join(parts)


_NUM = (
    r"\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?"  # 120,000 / 120,000.00
    r"|\d{1,2}(?:,\d{2})+,\d{3}"  # 25,00,000 (Indian grouping)
    r"|\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?"  # 60.000 / 60.000,00
    r"|\d{1,3}(?:[\u00a0\u202f' ]\d{3})+(?!\d)"  # 60 000 / 120'000
    r"|\d+(?:[.,]\d{1,2})?"  # 120 / 58.50 / 45,50
)
_NOT_LARGE = r"(?!\s?(?:million|billion|mn|bn|mm|[mMbB])(?![A-Za-z]))"


def _amount(i: int) -> str:
    return (
        rf"(?:(?P<c{i}>{_alternation(_PREFIX_CURRENCIES)})\s?)?"
        rf"(?P<n{i}>{_NUM})(?P<k{i}>\s?[kK](?![A-Za-z])|\s?thousand\b)?{_NOT_LARGE}\+?"
        rf"(?:\s?(?P<s{i}>{_alternation(_SUFFIX_CURRENCIES)}))?"
    )


_SEPARATOR = r"\s*(?P<sep>-|–|—|~|\bto\b|\band\b|\bbis\b)\s*"
# Every amount starts with a digit, a currency symbol or an upper-case code, whose second character is upper-case
# or "$" (USD, C$, NZ$): checking that first makes the scan skip ordinary prose, capitalised words included,
# cheaply (3-4x faster on whole descriptions).
_START = r"(?=[\d$£€¥₹]|[A-Z][A-Z$])"
_RANGE = re.compile(_START + _amount(1) + f"(?:{PERIOD_TOKEN})?" + _SEPARATOR + _amount(2))
_SINGLE = re.compile(_START + _amount(1))
_QUALIFIER = re.compile(  # `(?=[umfsa])`: the first letters of the qualifiers, a cheap look first
    r"(?=[umfsa])(?P<q>up\s+to|upto|maximum(?:\s+of)?|max\.?|from|starting\s+(?:at|from)|minimum(?:\s+of)?|min\.?|at\s+least)\s*$",
    re.IGNORECASE,
)

_BOUNDS: dict[str, tuple[float, float]] = {
    "year": (1_000, 2_000_000),
    "month": (100, 500_000),
    "week": (50, 50_000),
    "day": (10, 20_000),
    "hour": (1, 2_000),
}


@dataclass(frozen=True)
class Pay:
    """One pay statement in the unit it was stated in."""

    min: float | None
    max: float | None
    currency: str
    period: str
    on_target: bool = False  # stated as on-target earnings / total compensation, not base pay

    @property
    def annual_min(self) -> float | None:
        return annualise(self.min, self.period)

    @property
    def annual_max(self) -> float | None:
        return annualise(self.max, self.period)


def annualise(value: float | None, period: str | None) -> float | None:
    """Hour x 2080, day x 260, week x 52, month x 12: the conventional full-time year."""
    if value is None or period not in ANNUAL_FACTORS:
        return None
    return round(value * ANNUAL_FACTORS[period], 2)


def _number(raw: str) -> float:
    value = parse_number(raw)
    if value is None:  # cannot happen: _NUM only matches what parse_number reads
        raise ValueError(f"not a figure: {raw!r}")
    return value


def _value(match: re.Match[str], i: int) -> tuple[float, bool]:
    value = _number(match.group(f"n{i}"))
    has_k = bool(match.group(f"k{i}"))
    return (value * 1000 if has_k else value), has_k


def _currency(match: re.Match[str], count: int, before: str) -> str | None:
    found = [match.group(f"{kind}{i}") for i in range(1, count + 1) for kind in ("c", "s")]
    codes = [_PREFIX_CURRENCIES.get(t) or _SUFFIX_CURRENCIES[t] for t in found if t]
    explicit = [code for token, code in zip([t for t in found if t], codes, strict=True) if token != "$"]
    if explicit:
        return explicit[0]
    if codes:
        return codes[0]
    context = re.search(r"\b(USD|CAD|EUR|GBP|AUD|CHF|SGD|NZD|INR|JPY)\b", before[-40:])
    return context.group(1) if context and has_pay_word(before[-60:]) else None


def _infer_period(high: float, before: str) -> str | None:
    """No period stated: a year when it is salary-sized; an hour only for a small range next to a pay word."""
    if high >= 10_000:
        return "year"
    if high < 300 and has_pay_word(before[-60:]):
        return "hour"
    return None


def _context(text: str, match: re.Match[str], intern: bool) -> tuple[str, str] | None:
    """(clause before, clause after) of a match, or None when its context says it is not pay."""
    before = clause_before(text, match.start())
    after = clause_after(text, match.end())
    cue = last_cue(before, intern or is_internship(after))
    if cue == "not_pay" or (cue is None and not_pay_after(strip_period(after))):
        return None
    return before, after


def _period(after: str, before: str) -> str | None:
    return period_near(after, before) or period_in_clause(before)


def plausible(
    low: float | None, high: float | None, period: str, currency: str, max_spread: float | None = 10
) -> bool:
    """Within the range real pay takes for the period, and (for figures read from prose) a range no wider than
    `max_spread` times its floor: a wider one is two unrelated numbers, not a pay range."""
    floor, ceiling = _BOUNDS[period]
    if currency in _LARGE_UNIT_CURRENCIES:
        ceiling *= 1000
    values = [v for v in (low, high) if v is not None]
    if not values or any(not floor <= v <= ceiling for v in values):
        return False
    if low is None or high is None:
        return True
    return high >= low and (max_spread is None or high <= low * max_spread)


def _from_range(text: str, match: re.Match[str], intern: bool) -> Pay | None:
    context = _context(text, match, intern)
    if context is None:
        return None
    before, after = context
    if match.group("sep").lower() == "and" and not re.search(r"between\s*$", before, re.IGNORECASE):
        return None
    currency = _currency(match, 2, before)
    if currency is None:
        return None
    (low, low_k), (high, high_k) = _value(match, 1), _value(match, 2)
    if high_k and not low_k and low < 1000 <= high and low * 1000 <= high * 1.5:
        low *= 1000  # "$120-150k"
    if low_k and not high_k and high < 1000 <= low:
        high *= 1000  # "$120k-150"
    period = _period(after, before) or _infer_period(high, before)
    if period is None or not plausible(low, high, period, currency):
        return None
    return Pay(min=low, max=high, currency=currency, period=period, on_target=is_on_target(before))


def _from_single(text: str, match: re.Match[str], intern: bool) -> Pay | None:
    if not (match.group("c1") or match.group("s1")):
        return None
    context = _context(text, match, intern)
    if context is None:
        return None
    before, after = context
    qualifier = _QUALIFIER.search(before)
    stated = _period(after, before)
    if not (qualifier or stated or has_pay_word(before)):
        return None
    currency = _currency(match, 1, before)
    value, _ = _value(match, 1)
    period = stated or _infer_period(value, before if qualifier is None else before[: qualifier.start()])
    if currency is None or period is None:
        return None
    if qualifier and re.match(r"up|upto|max", qualifier.group("q"), re.IGNORECASE):
        low, high = None, value
    elif qualifier:
        low, high = value, None
    else:
        low, high = value, value
    return (
        Pay(min=low, max=high, currency=currency, period=period, on_target=is_on_target(before))
        if plausible(low, high, period, currency)
        else None
    )


def find_all_pay(text: str | None, internship: bool = False) -> list[Pay]:
    """Every pay statement in the text, in order of appearance. `internship`: the posting is one (its
    title says so), so a stipend is its pay rather than a benefit."""
    if not text:
        return []
    found: list[tuple[int, Pay]] = []
    taken: list[tuple[int, int]] = []
    for match in _RANGE.finditer(text):
        pay = _from_range(text, match, internship)
        if pay:
            found.append((match.start(), pay))
            taken.append(match.span())
    for match in _SINGLE.finditer(text):
        if any(start < match.end() and match.start() < end for start, end in taken):
            continue
        pay = _from_single(text, match, internship)
        if pay:
            found.append((match.start(), pay))
    return [pay for _, pay in sorted(found, key=lambda item: item[0])]


def find_pay(text: str | None, internship: bool = False) -> Pay | None:
    """The posting's pay: the range over its base-pay statements in the first one's currency and period.

    Postings that state several ranges state one per location ("NYC/SF: $175,000 - $240,000; elsewhere
    $154,200 - $215,000"): the posting's pay is the full range over them, as for structured tiers
    (`parsing.pay_tiers`). On-target earnings count only when no base pay is stated; another currency or
    period is never mixed in.
    """
    found = find_all_pay(text, internship)
    base = [p for p in found if not p.on_target] or found
    if not base:
        return None
    first = base[0]
    low, high = span(base)
    return Pay(min=low, max=high, currency=first.currency, period=first.period, on_target=first.on_target)
