"""Boilerplate shared by the two Halden Group companies (Tidewater on Greenhouse, Quillstone on Lever):
the same benefits and equal-opportunity text must not make their postings look alike."""

from __future__ import annotations

HALDEN_ABOUT = (
    "{company} is part of Halden Group, a family of independent software companies that each serve one "
    "industry exceptionally well. Halden companies keep their own names, products and culture, and share "
    "the stability of a group with more than 2,000 employees."
)

HALDEN_BENEFITS = (
    "Comprehensive health, dental and vision coverage from day one",
    "401(k) with a 5% match in the US; a 6% pension contribution in the UK and Ireland",
    "25 days of paid holiday plus public holidays, and a paid volunteering day",
    "Enhanced parental leave: 20 weeks at full pay for birthing parents, 12 weeks for other parents",
    "$1,000 or local equivalent for your home office setup",
    "Access to the Halden Academy, our group-wide learning platform",
)

HALDEN_EEO = (
    "Halden Group companies are equal opportunity employers. We celebrate diversity and are committed to "
    "creating an inclusive environment for all employees. We welcome applicants of every background, "
    "identity and experience, and we provide reasonable adjustments throughout our hiring process."
)
