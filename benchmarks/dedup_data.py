"""Generated postings for the dedup benchmark: many companies, realistic lengths, known duplicate groups.

Each company has its own boilerplate (about, benefits, equal-opportunity text: ~250 words in every posting)
and openings with their own role text (~150-250 words). About a quarter of the openings appear more than
once: posted in several cities, mirrored on a careers page or a job board (reformatted, `Sr.` for `Senior`),
or reposted under a new id with a sentence dropped or added. Titles repeat within a company across teams and
levels, so the hard negatives are there too. `group` is the true opening of every posting.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import polars as pl

BASE_ROLES = (
    "Software Engineer", "Backend Engineer", "Frontend Engineer", "Data Engineer", "Data Scientist",
    "Data Analyst", "Machine Learning Engineer", "Product Manager", "Product Designer", "Account Executive",
    "Sales Development Representative", "Customer Success Manager", "Solutions Engineer", "Site Reliability Engineer",
    "Security Engineer", "Technical Writer", "Recruiter", "Financial Analyst", "Marketing Manager",
    "Support Specialist", "Mechanical Engineer", "Field Service Technician", "Operations Manager", "QA Engineer",
    "Mobile Engineer", "Engineering Manager", "Payroll Specialist", "Legal Counsel", "Office Manager", "Designer",
)  # fmt: skip
TEAMS = (
    "Payments", "Identity", "Growth", "Search", "Platform", "Infrastructure", "Billing", "Ads", "Risk", "Mobile",
    "Data Platform", "Onboarding", "Enterprise", "Partnerships", "Compliance", "Analytics", "Core", "Checkout",
)  # fmt: skip
LEVELS = ("", "", "", "Senior ", "Senior ", "Staff ", "Junior ", "Principal ", "Lead ")
SUFFIX_LEVELS = ("", "", "", "", " II", " III")
CITIES = (
    "New York, NY", "San Francisco, CA", "Chicago, IL", "Austin, TX", "Seattle, WA", "Boston, MA", "Denver, CO",
    "London, United Kingdom", "Berlin, Germany", "Paris, France", "Toronto, ON", "Amsterdam, Netherlands",
    "Dublin, Ireland", "Singapore, Singapore", "Sydney, Australia", "Remote - US",
)  # fmt: skip
SOURCES = ("greenhouse", "lever", "ashby")


class Vocabulary:
    """Pseudo-words and sentences, so texts have realistic lengths and overlaps without any corpus."""

    def __init__(self, rng: np.random.Generator, words: int = 6000, sentences: int = 40_000) -> None:
        syllables = [c + v for c in "bcdfghklmnprstvz" for v in ("a", "e", "i", "o", "u", "ai", "ou")]
        lengths = rng.integers(1, 4, size=words)
        picks = rng.integers(0, len(syllables), size=(words, 3))
        self.words = ["".join(syllables[p] for p in row[:n]) for row, n in zip(picks, lengths, strict=True)]
        zipf = 1.0 / np.arange(1, words + 1) ** 0.9
        sizes = rng.integers(8, 22, size=sentences)
        chosen = rng.choice(words, size=int(sizes.sum()), p=zipf / zipf.sum())
        out, start = [], 0
        for size in sizes:
            text = " ".join(self.words[i] for i in chosen[start : start + size])
            out.append(text[0].upper() + text[1:] + ".")
            start += size
        self.sentences = out

    def pick(self, rng: np.random.Generator, n: int) -> list[str]:
        return [self.sentences[i] for i in rng.integers(0, len(self.sentences), size=n)]


def _company_sizes(rng: np.random.Generator, n: int) -> list[int]:
    """Heavy-tailed like real boards: most companies list tens of postings, a few list thousands."""
    sizes: list[int] = []
    while sum(sizes) < n:
        sizes.append(int(min(8000, max(3, rng.lognormal(mean=3.6, sigma=1.1)))))
    sizes[-1] -= sum(sizes) - n
    return [s for s in sizes if s > 0]


def _openings(rng: np.random.Generator, vocab: Vocabulary, company: int, size: int) -> list[dict]:
    boiler = (
        "About us\n" + " ".join(vocab.pick(rng, 5)),
        "Benefits\n" + "\n".join("- " + s for s in vocab.pick(rng, 7)),
        " ".join(vocab.pick(rng, 3)),
    )
    n_roles = max(2, size // 3)
    roles = [
        (
            BASE_ROLES[rng.integers(len(BASE_ROLES))],
            TEAMS[rng.integers(len(TEAMS))] if rng.random() < 0.5 else None,
        )
        for _ in range(n_roles)
    ]
    postings: list[dict] = []
    opening = 0
    while len(postings) < size:
        base, team = roles[rng.integers(n_roles)]
        level = LEVELS[rng.integers(len(LEVELS))]
        suffix = SUFFIX_LEVELS[rng.integers(len(SUFFIX_LEVELS))] if not level else ""
        title = f"{level}{base}{suffix}" + (f", {team}" if team else "")
        body = vocab.pick(rng, int(rng.integers(6, 13)))
        role_text = (
            "The role\n" + " ".join(body[:3]) + "\nWhat you will do\n" + "\n".join("- " + s for s in body[3:])
        )
        group = f"c{company}-o{opening}"
        opening += 1
        city = CITIES[rng.integers(len(CITIES))]
        source = SOURCES[rng.integers(len(SOURCES))]
        posted = int(rng.integers(0, 60))
        copies = [(title, role_text, city, source, posted, "original")]
        r = rng.random()
        if r < 0.10:  # one requisition, several cities
            for other in rng.choice(len(CITIES), size=int(rng.integers(1, 4)), replace=False):
                copies.append(
                    (
                        f"{title} - {CITIES[other].split(',')[0]}",
                        role_text,
                        CITIES[other],
                        source,
                        posted,
                        "city",
                    )
                )
        elif r < 0.18:  # mirrored on a careers page or a job board, reformatted
            mirror = "careers_page" if rng.random() < 0.5 else "jobspy"
            copies.append(
                (
                    title.replace("Senior ", "Sr. "),
                    role_text.replace("\n", " "),
                    city,
                    mirror,
                    posted + 1,
                    "mirror",
                )
            )
        elif r < 0.25:  # reposted under a new id with a sentence dropped and one added
            edited = body[:]
            edited.pop(int(rng.integers(3, len(edited))))
            edited.append(vocab.pick(rng, 1)[0])
            text = (
                "The role\n"
                + " ".join(edited[:3])
                + "\nWhat you will do\n"
                + "\n".join("- " + s for s in edited[3:])
            )
            copies.append((title, text, city, source, max(0, posted - 20), "repost"))
        for i, (t, text, loc, src, days, _kind) in enumerate(copies):
            postings.append(
                {
                    "group": group,
                    "title": t,
                    "role_text": text,
                    "city": loc,
                    "source": src,
                    "days": days,
                    "copy": i,
                }
            )
            if len(postings) >= size:
                break
    for p in postings:
        p["description_text"] = "\n\n".join((boiler[0], p.pop("role_text"), boiler[1], boiler[2]))
    return postings


def generate(n: int, seed: int = 7, batch: int = 50_000) -> pl.DataFrame:
    """`n` postings in the dedup input columns plus `group` (the true opening)."""
    rng = np.random.default_rng(seed)
    vocab = Vocabulary(rng)
    fetched = datetime(2025, 9, 20, 6, tzinfo=UTC)
    frames: list[pl.DataFrame] = []
    rows: list[dict] = []
    serial = 0
    for company, size in enumerate(_company_sizes(rng, n)):
        for p in _openings(rng, vocab, company, size):
            serial += 1
            source = p["source"]
            rows.append(
                {
                    "posting_key": f"{source}:{serial}",
                    "company": f"company-{company:05d}",
                    "company_name": f"Company {company}",
                    "source": source,
                    "url": f"https://boards.example/{company}/{serial}",
                    "title": p["title"],
                    "locations": [p["city"]],
                    "description_text": p["description_text"],
                    "posted_at": fetched - timedelta(days=p["days"]),
                    "fetched_at": fetched,
                    "group": p["group"],
                }
            )
        if len(rows) >= batch:
            frames.append(pl.DataFrame(rows))
            rows = []
    if rows:
        frames.append(pl.DataFrame(rows))
    return pl.concat(frames).with_columns(pl.col("posted_at", "fetched_at").dt.replace_time_zone("UTC"))
