"""`normalised_text` replaces only the separators that change (not a lone space): the same text as replacing
every run of non-letters and non-digits, which is the rule it implements."""

from __future__ import annotations

import polars as pl

from job_assets.dedup.boilerplate import normalised_text
from job_assets_sandbox.evaluation import load_labelled
from job_assets_tests.dedup.test_evaluation import EVAL_SET

TRICKY = [
    "",
    " ",
    "   ",
    "plain words only",
    "  leading and trailing  ",
    "a  b   c",
    "tabs\tand\nnew\r\nlines",
    "Senior Engineer - Payments (Remote, EU) / 2x",
    "Café crème, naïve façade — Zürich · München",
    "日本語のテキスト、句読点。そして English",
    "C++ / C# / .NET; R&D: 100%!",
    "x\u00a0y\u2003z\u200bw",  # no-break, em and zero-width spaces
    " -leading punctuation",
    "trailing punctuation- ",
    "١٢٣ Arabic-Indic digits ٤٥",
    None,
]


def test_tricky_strings_match_the_every_run_rule() -> None:
    frame = pl.DataFrame({"t": TRICKY}, schema={"t": pl.String()})
    fast = frame.select(normalised_text("t"))["t"].to_list()
    every_run = frame.select(
        pl.col("t").str.to_lowercase().str.replace_all(r"[^\p{L}\p{N}]+", " ").str.strip_chars()
    )["t"].to_list()
    assert fast == every_run
    assert fast[5] == "a b c" and fast[10] == "c c net r d 100"
    assert fast[7] == "senior engineer payments remote eu 2x"


def test_real_descriptions_match_the_every_run_rule() -> None:
    texts = load_labelled(EVAL_SET).select("description_text")
    fast = texts.select(normalised_text("description_text"))
    every_run = texts.select(
        pl.col("description_text")
        .str.to_lowercase()
        .str.replace_all(r"[^\p{L}\p{N}]+", " ")
        .str.strip_chars()
    )
    assert fast.equals(every_run)
    assert fast["description_text"].str.contains("  ").sum() == 0
