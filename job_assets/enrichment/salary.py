"""Which pay a posting shows: the ATS's structured pay once it passes a plausibility check, else the rules'
reading of explicit text, else the LLM's (when plausible). Never a guess: what cannot be decided is null.

Structured pay is the employer's own field, but boards fill it carelessly, so it is checked first:

- a 0-0 range (Lever's empty `salaryRange`) or non-positive bounds are no pay;
- a reversed range (min > max) is swapped;
- a period that does not fit the magnitude (an Ashby tier "per year" of 55-65): when the text states the same
  figures with a period, the explicit text wins; otherwise a figure under 300 labelled per year is read per
  hour (no yearly salary is that small, and hourly wages are), and any other mismatch is dropped;
- figures outside what real pay takes for the period (`rules.pay.plausible`, without its prose-only spread
  limit: an employer's own 10,000-125,000 is kept) are dropped;
- the text states pay otherwise (other figures, or the same figures with another period: "$55-65/hour"): the
  explicit prose wins (when the figures agree the currency stays the ATS's: a bare "$" is only presumed USD).

`salary_note` says what was done and why whenever a value was corrected, replaced or dropped, so a user (and the
quality benchmark) can see it; it is null when the shown pay was taken as given.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from job_assets.enrichment.rules.pay import annualise, plausible
from job_assets.enrichment.schema import ExtractedFields
from job_assets.parsing.schema import PAY_PERIODS

_HOURLY_CEILING = 300  # no yearly salary is this small; hourly wages are


@dataclass(frozen=True)
class Salary:
    min: float | None
    max: float | None
    currency: str | None
    period: str | None
    source: str | None
    note: str | None = None

    def columns(self) -> dict[str, Any]:
        return {
            "salary_min": self.min,
            "salary_max": self.max,
            "salary_currency": self.currency,
            "salary_period": self.period,
            "salary_annual_min": annualise(self.min, self.period),
            "salary_annual_max": annualise(self.max, self.period),
            "salary_source": self.source,
            "salary_note": self.note,
        }


NO_SALARY = Salary(None, None, None, None, None)


def _figures(low: float | None, high: float | None) -> str:
    def one(value: float | None) -> str:
        return "?" if value is None else f"{value:,.2f}".rstrip("0").rstrip(".")

    return one(low) if low == high else f"{one(low)}-{one(high)}"


def _same_figures(a: tuple[float | None, float | None], b: tuple[float | None, float | None]) -> bool:
    values = [(x, y) for x, y in zip(a, b, strict=True) if x is not None or y is not None]
    return bool(values) and all(
        x is not None and y is not None and abs(x - y) <= 0.01 * max(x, y) for x, y in values
    )


def _infer_period(high: float) -> str:
    return "year" if high >= 1000 else "hour"


def _structured(row: Mapping[str, Any], text: Salary | None) -> tuple[Salary | None, str | None]:
    """The structured pay after the checks (None when dropped or absent; `text_rules` when the text corrects
    it) and a note on what was done."""
    low, high = row.get("pay_min"), row.get("pay_max")
    if low is None and high is None:
        return None, None
    stated = _figures(low, high)
    low = low if low is not None and low > 0 else None
    high = high if high is not None and high > 0 else None
    if low is None and high is None:
        return None, f"structured pay {stated} dropped: no positive figure"
    notes: list[str] = []
    if low is not None and high is not None and low > high:
        low, high = high, low
        notes.append(f"structured range {stated} reversed")
    currency = row.get("pay_currency")
    period = row.get("pay_period") if row.get("pay_period") in PAY_PERIODS else None
    top = max(v for v in (low, high) if v is not None)
    if period is None:
        period = _infer_period(top)
        notes.append(f"structured pay gave no period; {period} from its size")
    if text is not None and (text.period != period or not _same_figures((low, high), (text.min, text.max))):
        # The posting's own prose states its pay otherwise (other figures, or the same with another period):
        # explicit prose wins. The currency stays the ATS's when the figures agree (a bare "$" in text is only
        # presumed USD).
        same = _same_figures((low, high), (text.min, text.max))
        note = (
            f"structured pay {stated} {currency or ''} per {period} differs from the text's "
            f"{_figures(text.min, text.max)} {text.currency} per {text.period}: text wins"
        ).replace("  ", " ")
        return Salary(
            text.min, text.max, (currency if same else None) or text.currency, text.period, "text_rules"
        ), note
    if not plausible(low, high, period, currency or "", max_spread=None):
        if period == "year" and top < _HOURLY_CEILING and plausible(low, high, "hour", currency or "", None):
            notes.append(f"structured pay {stated} per year is hourly-sized: read per hour")
            period = "hour"
        else:
            return (
                None,
                f"structured pay {stated} {currency or ''} per {period} dropped: implausible".replace(
                    "  ", " "
                ),
            )
    return Salary(low, high, currency, period, "structured"), "; ".join(notes) or None


def choose_salary(row: Mapping[str, Any], rules: ExtractedFields, llm: ExtractedFields | None) -> Salary:
    """The pay shown for one posting, where it came from, and a note on any correction (see module doc)."""
    text = (
        Salary(rules.salary_min, rules.salary_max, rules.salary_currency, rules.salary_period, "text_rules")
        if rules.has_salary()
        else None
    )
    structured, note = _structured(row, text)
    if structured is not None:
        return Salary(
            structured.min, structured.max, structured.currency, structured.period, structured.source, note
        )
    if text is not None:
        return Salary(text.min, text.max, text.currency, text.period, "text_rules", note)
    if llm is not None and llm.has_salary():
        top = llm.salary_max or llm.salary_min or 0.0
        period = llm.salary_period or _infer_period(top)
        if plausible(llm.salary_min, llm.salary_max, period, llm.salary_currency or ""):
            return Salary(llm.salary_min, llm.salary_max, llm.salary_currency, period, "llm", note)
        note = "; ".join(
            filter(
                None,
                [
                    note,
                    f"llm pay {_figures(llm.salary_min, llm.salary_max)} per {period} dropped: implausible",
                ],
            )
        )
    return Salary(None, None, None, None, None, note)
