"""The postings the CPU benchmarks (`rules.py`, `parsing.py`) run on, as raw frames per board.

- real: the saved real-world boards (`job_assets_tests/data/realworld/`), as the sources would have fetched them;
- scale: the synthetic boards the daily benchmark serves (`job_assets_sandbox.catalog.scale`), rendered as the
  loopback server renders them (Greenhouse with content, Lever, Ashby with compensation), through JSON.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # job_assets_sandbox is a sibling package, not installed in the wheel

from job_assets.sources.base import RawPosting, postings_from_jobs_board, raw_frame  # noqa: E402


def _raws(ats: str, board: str, data: object) -> list[RawPosting]:
    if ats == "lever":
        assert isinstance(data, list)
        return [RawPosting(board, ats, str(p["id"]), p.get("hostedUrl"), p) for p in data]
    url_field = "absolute_url" if ats == "greenhouse" else "jobUrl"
    return postings_from_jobs_board(board, ats, "saved", data, [], url_field)


def real_boards() -> list[tuple[str, pl.DataFrame]]:
    """(company, raw frame) of every saved real-world board."""
    from job_assets_sandbox.realworld_boards import saved_boards

    out = []
    for (ats, board), path in sorted(saved_boards().items()):
        data = json.loads(path.read_text(encoding="utf-8", errors="surrogateescape"))
        raws = _raws(ats, board, data)
        if raws:
            out.append((board, raw_frame(raws)))
    return out


def scale_boards(companies: int, postings: int) -> list[tuple[str, pl.DataFrame]]:
    """(company, raw frame) of the first `companies` synthetic companies, `postings` each, day 1."""
    from job_assets_sandbox.catalog import ashby, greenhouse, lever
    from job_assets_sandbox.catalog.scale import ScaleCatalog

    catalog = ScaleCatalog(companies, postings)
    out = []
    for index in range(companies):
        for source in catalog.sources(index):
            board = catalog.board_name(index, source)
            found = catalog.board(source, board) or []
            if source == "greenhouse":
                data: object = greenhouse.board(found, 1, content=True)
            elif source == "lever":
                data = [lever.posting_json(p, 1) for p in found]
            else:
                data = ashby.board(found, 1, include_compensation=True)
            raws = _raws(source, catalog.slug(index), json.loads(json.dumps(data)))
            if raws:
                out.append((catalog.company_name(index), raw_frame(raws)))
    return out
