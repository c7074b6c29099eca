"""Parsing throughput: `html_to_text` and `parse_raw_frame` on real-format payloads.

Prints medians over repeats and, side by side, selectolax's own flat `.text()` on the same markup
(the floor for any DOM-based extraction), so the cost of keeping lines and list items is visible.

    uv run python benchmarks/parsing.py [--postings 3000] [--repeats 5]
"""

from __future__ import annotations

import argparse
import copy
import html as htmllib
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from job_assets.parsing.dispatch import parse_raw_frame
from job_assets.parsing.html import html_to_text
from job_assets.sources.base import RawPosting, raw_frame

PAYLOADS = Path(__file__).resolve().parent.parent / "job_assets_tests" / "parsing" / "payloads"
SOURCES = {"greenhouse": "greenhouse_job", "lever": "lever_job", "ashby": "ashby_job"}


def _postings(n: int) -> list[RawPosting]:
    """n postings cycling through the three ATS formats, each with a unique id and a longer description."""
    templates = {s: json.loads((PAYLOADS / f"{name}.json").read_text()) for s, name in SOURCES.items()}
    out = []
    for i in range(n):
        source = list(SOURCES)[i % 3]
        job: dict[str, Any] = copy.deepcopy(templates[source])
        job["id"] = 10_000_000 + i if source == "greenhouse" else f"{source}-{i}"
        if source == "greenhouse":
            job["content"] = job["content"] * 3  # ~ a typical 1,500-word posting
        elif source == "ashby":
            job["descriptionHtml"] = job["descriptionHtml"] * 6
        out.append(RawPosting("bench", source, str(job["id"]), None, job))
    return out


def _median_seconds(fn: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postings", type=int, default=3000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()

    postings = _postings(args.postings)
    frame = raw_frame(postings)
    markups = [htmllib.unescape(p.payload["content"]) for p in postings if p.source == "greenhouse"]
    size_kb = statistics.median(len(m) for m in markups) / 1024

    ours = _median_seconds(lambda: [html_to_text(m) for m in markups], args.repeats)
    flat = _median_seconds(
        lambda: [LexborHTMLParser(m).body.text(separator=" ") for m in markups], args.repeats
    )
    whole = _median_seconds(lambda: parse_raw_frame(frame, "Bench"), args.repeats)
    result = parse_raw_frame(frame, "Bench")
    assert not result.problems and result.frame.height == args.postings

    print(
        f"html_to_text:      {len(markups) / ours:9,.0f} docs/s  ({ours / len(markups) * 1e6:6.1f} us/doc, median doc {size_kb:.1f} KiB)"
    )
    print(
        f"selectolax .text(): {len(markups) / flat:9,.0f} docs/s  ({flat / len(markups) * 1e6:6.1f} us/doc)  ratio ours/flat = {ours / flat:.2f}x"
    )
    print(
        f"parse_raw_frame:   {args.postings / whole:9,.0f} postings/s ({whole / args.postings * 1e6:6.1f} us/posting, {args.postings} postings, 3 ATS formats)"
    )


if __name__ == "__main__":
    main()
