"""Accuracy on real postings can only go up: the real-world corpus through the CLI, scored against its labels.

One run of `benchmarks/quality.py`'s evaluation (loopback server with the saved ATS answers, `job-assets run`
with the rules backend, its own DuckDB file and Dagster home) is shared by the module. The floors are the
figures measured on the corpus when it landed; raise them when a rule fix lands, never lower them.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]

# Rates (right / labelled) per split, rounded down from what `benchmarks/quality.py` measured after the rule
# fixes of issue 9 (278 postings, 31 companies; before them: remote 0.784, seniority 0.838, employment 0.838 all;
# after the first round: remote 0.986, seniority 0.957, pay exact 0.991, wrong merges 2).
# Floors are per split: `all` mixes the splits, so a new, harder split (holdout2) would drag it below a floor
# that dev and holdout still meet. holdout2 (107 postings, 16 companies gathered later, never used to tune rules)
# holds the figures measured when it landed (locations 0.616, remote 0.962, seniority 0.953, employment 0.99,
# wrong merges 3), raised as its classes were fixed: place lists and the territory rule (locations 1.0, merges 0);
# in-person teams, office days for locals only, levels named with the role, stated people management, function
# managers, two-type ATS values (remote, seniority, employment type 1.0).
FLOORS: dict[str, dict[str, float]] = {
    "dev": {
        "title": 1.0,
        "locations": 0.994,
        "remote": 0.994,
        "pay_exact": 1.0,
        "seniority": 1.0,
        "employment_type": 1.0,
    },
    "holdout": {
        "title": 1.0,
        "locations": 1.0,
        "remote": 1.0,
        "pay_exact": 1.0,
        "seniority": 1.0,
        "employment_type": 1.0,
    },
    "holdout2": {
        "title": 1.0,
        "locations": 1.0,
        "remote": 1.0,
        "pay_exact": 1.0,
        "seniority": 1.0,
        "employment_type": 1.0,
    },
}
# Counts that must not grow, per split; before the fixes (dev and holdout together): invented pay 9, wrong
# merges 18.
CEILINGS: dict[str, dict[str, int]] = {
    "dev": {"pay_invented": 0, "wrong_merges": 0, "missed_merges": 0, "lost": 0},
    "holdout": {"pay_invented": 0, "wrong_merges": 0, "missed_merges": 0, "lost": 0},
    "holdout2": {"pay_invented": 0, "wrong_merges": 0, "missed_merges": 0, "lost": 0},
}

pytestmark = [
    pytest.mark.slow,
    pytest.mark.timeout(1200),
    pytest.mark.xdist_group("realworld"),
]  # one corpus run


def _quality() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_quality", ROOT / "benchmarks" / "quality.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def quality() -> ModuleType:
    return _quality()


@pytest.fixture(scope="module")
def result(quality: ModuleType) -> dict[str, Any]:
    return quality.evaluate()


def test_every_corpus_posting_is_labelled_and_stored(result: dict[str, Any], quality: ModuleType) -> None:
    truth = quality.load_truth()
    assert result["cli_exit_code"] == 0
    assert result["unlabelled_in_store"] == []
    assert result["splits"]["all"]["postings"] == len(truth["postings"]) >= 200
    assert len({key.split("/")[1] for key in truth["postings"]}) >= 25


@pytest.mark.parametrize("split", sorted(FLOORS))
def test_field_accuracy_floors(result: dict[str, Any], split: str) -> None:
    fields = result["splits"][split]["fields"]
    below = {
        name: (fields[name]["rate"], floor)
        for name, floor in FLOORS[split].items()
        if fields[name]["rate"] is not None and fields[name]["rate"] < floor
    }
    misses = [m for m in result["misses"] if m["field"] in below and (split == "all" or m["split"] == split)]
    assert not below, f"{split}: (rate, floor) {below}\n" + json.dumps(misses[:40], default=str, indent=1)


@pytest.mark.parametrize("split", sorted(CEILINGS))
def test_counts_do_not_grow(result: dict[str, Any], split: str) -> None:
    scored = result["splits"][split]
    got = {
        "pay_invented": scored["fields"]["pay_invented"]["total"] - scored["fields"]["pay_invented"]["right"],
        "wrong_merges": scored["wrong_merges"],
        "missed_merges": scored["missed_merges"],
        "lost": scored["lost"],
    }
    grown = {name: (got[name], ceiling) for name, ceiling in CEILINGS[split].items() if got[name] > ceiling}
    assert not grown, f"{split}: (now, ceiling) {grown}"


# --- the harness itself (fast: no pipeline run) ---------------------------------------------------------------
def test_boards_are_served_byte_for_byte() -> None:
    from job_assets_sandbox.realworld_boards import RealWorldBoards

    with RealWorldBoards() as server, httpx.Client(timeout=10) as client:
        for (ats, board), path in server.boards.items():
            base = server.env()[f"{ats.upper()}_API_URL"]
            url = {
                "greenhouse": f"{base}/boards/{board}/jobs",
                "lever": f"{base}/postings/{board}",
                "ashby": f"{base}/job-board/{board}",
            }[ats]
            params = {
                "greenhouse": {"content": "true"},
                "lever": {"mode": "json", "skip": 0, "limit": 100},
                "ashby": {"includeCompensation": "true"},
            }[ats]
            answer = client.get(url, params=params)
            assert answer.status_code == 200, url
            assert answer.content == path.read_bytes(), url
        assert client.get(f"{server.env()['LEVER_API_URL']}/postings/nobody").json() == {
            "ok": False,
            "error": "Document not found",
        }


def test_score_counts_wrong_merges_invented_pay_and_lost(quality: ModuleType) -> None:
    base = {
        "remote": "onsite",
        "seniority": "unknown",
        "employment_type": "full_time",
        "locations": ["Paris"],
    }
    truth = {
        "companies": {"acme": {"split": "dev"}},
        "postings": {
            "lever/acme/1": {**base, "title": "A", "pay": None, "opening": "a-fr"},
            "lever/acme/2": {**base, "title": "A", "pay": None, "opening": "a-uk"},
            "lever/acme/3": {
                **base,
                "title": "B",
                "pay": {"min": 10, "max": 20, "currency": "EUR", "period": "hour"},
                "opening": "b",
            },
        },
    }
    row = {
        "locations": ["paris "],
        "remote": "onsite",
        "seniority": "unknown",
        "employment_type": "full_time",
        "salary_min": None,
        "salary_max": None,
        "salary_currency": None,
        "salary_period": None,
    }
    got = {
        "lever/acme/1": {
            **row,
            "title": "A",
            "salary_max": 10000.0,
            "salary_currency": "USD",
            "salary_period": "year",
        },
        "lever/acme/2": {**row, "title": "A"},
    }
    result = quality.score(truth, got, {"lever/acme/1": "job-1", "lever/acme/2": "job-1"})
    every = result["splits"]["all"]
    assert every["wrong_merges"] == 1 and every["missed_merges"] == 0
    assert every["lost"] == 1
    assert every["fields"]["pay_invented"] == {"right": 1, "total": 2, "rate": 0.5}
    assert every["fields"]["locations"]["rate"] == 1.0  # case and spacing do not count
    assert {(m["posting"], m["field"]) for m in result["misses"]} == {
        ("lever/acme/1", "pay_invented"),
        ("lever/acme/1", "wrong_merge"),
        ("lever/acme/3", "lost"),
    }
