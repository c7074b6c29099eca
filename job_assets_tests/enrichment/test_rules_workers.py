"""The rules pass in worker processes: the same fields as in this process, in order, and errors raised."""

from __future__ import annotations

import asyncio
import html
import re
from pathlib import Path

import polars as pl
import pytest

from job_assets.enrichment import rules_workers
from job_assets.enrichment.enrich import enrich_postings
from job_assets.enrichment.rules_workers import extract_all, extract_in_workers, worker_count
from job_assets_sandbox.llm_server import FakeLLMServer

from .conftest import fast_config, parsed_frame

CORPUS = Path(__file__).resolve().parent.parent / "data" / "realworld"


def _real_items(limit: int) -> list[rules_workers.RulesInput]:
    """Real board text (every saved answer, tags dropped) in posting-sized pieces, with a real-looking title."""
    items: list[rules_workers.RulesInput] = []
    for path in sorted(CORPUS.glob("*/*.json")):
        raw = html.unescape(html.unescape(path.read_text(encoding="utf-8", errors="replace")))
        raw = re.sub(r"<[^>]+>|\\n", "\n", raw)
        items += [
            ("Senior Software Engineer", raw[i : i + 4000], ["Remote - US"], path.stem)
            for i in range(0, len(raw), 4000)
        ]
    return items[:limit]


def test_worker_count() -> None:
    small = rules_workers.MIN_ROWS_PER_WORKER - 1
    assert worker_count(small, beside_llm=False) == 0 and worker_count(small, beside_llm=True) == 0
    assert (
        worker_count(100 * rules_workers.MIN_ROWS_PER_WORKER, beside_llm=True) == 1
    )  # the loop keeps a core
    # one worker would add only its start
    assert worker_count(rules_workers.MIN_ROWS_PER_WORKER, beside_llm=False) == 0


def test_worker_count_is_one_per_core(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rules_workers.os, "cpu_count", lambda: 2)
    assert worker_count(100 * rules_workers.MIN_ROWS_PER_WORKER, beside_llm=False) == 2
    monkeypatch.setattr(rules_workers.os, "cpu_count", lambda: 1)
    assert worker_count(100 * rules_workers.MIN_ROWS_PER_WORKER, beside_llm=False) == 0


def test_workers_give_the_same_fields_in_order_on_real_text() -> None:
    items = _real_items(3 * rules_workers.CHUNK_ROWS // 2)  # more than one chunk per worker
    assert len(items) > rules_workers.CHUNK_ROWS
    assert asyncio.run(extract_in_workers(items, workers=2)) == extract_all(items)


def test_an_error_in_a_worker_is_raised_here() -> None:
    items = [*_real_items(5), ("Engineer", 12345, None, None)]  # not text: the rules raise TypeError
    with pytest.raises(TypeError):
        asyncio.run(extract_in_workers(items, workers=1))  # type: ignore[arg-type]


def _without_time(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.drop("enriched_at")


@pytest.mark.parametrize("backend", ["rules", "llm"])
def test_enrich_postings_in_workers_equals_in_process(backend: str, monkeypatch: pytest.MonkeyPatch) -> None:
    parsed = parsed_frame(60)
    with FakeLLMServer(model="fake-llm") as server:
        config = fast_config(server) if backend == "llm" else None
        here = asyncio.run(enrich_postings(parsed, {}, config))
        monkeypatch.setattr(rules_workers, "MIN_ROWS_PER_WORKER", 10)  # 60 postings now go to workers
        monkeypatch.setattr(rules_workers.os, "cpu_count", lambda: 2)
        monkeypatch.setattr(rules_workers, "CHUNK_ROWS", 7)
        assert worker_count(parsed.height, beside_llm=backend == "llm") >= 1
        there = asyncio.run(enrich_postings(parsed, {}, config))
    assert _without_time(there.frame).equals(_without_time(here.frame))
    assert there.stats.backend == here.stats.backend == backend
