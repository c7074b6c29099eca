"""`job-assets matches [NAME] [--json]` on a real store: ranked, new ones marked, clear errors."""

import json
from datetime import timedelta
from pathlib import Path

import pytest

from job_assets.cli import main
from job_assets.matching.matcher import match_all
from job_assets.matching.searches import parse_searches
from job_assets.store import snapshot
from job_assets.store.db import connect
from job_assets.store.matches import write_build
from job_assets_tests.matching.store_fixture import NOW, build_store, job, pay

SEARCHES = parse_searches(
    {
        "searches": [
            {"name": "data", "keywords": ["data engineer"], "skills": {"nice": ["python"]}},
            {"name": "berlin", "locations": ["Berlin"]},
        ]
    }
)


@pytest.fixture
def store(tmp_path: Path) -> Path:
    """Two builds: day 1 has j1 and j2; day 2 adds j3 (new) and closes j2."""
    path = tmp_path / "jobs.duckdb"
    day1 = [
        job("j1", "Senior Data Engineer", skills=["Python"], **pay(150_000, 180_000)),
        job("j2", "Data Engineer", locations=["London, United Kingdom"]),
    ]
    for when, rows in ((NOW - timedelta(days=1), day1), (NOW, [day1[0], {**day1[1], "is_open": False},
                       job("j3", "Data Engineer, Platform", skills=["Python"], **pay(60, 80, "EUR", "hour"))])):  # fmt: skip
        build_store(path, rows)
        reader = snapshot.open_reader(path)
        matches = match_all(reader, SEARCHES, when)
        reader.close()
        with connect(path) as conn:
            write_build(conn, matches, when)
    return path


def test_prints_ranked_matches_with_new_ones_marked(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["matches", "data", "--db", str(store)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("data: 2 matches, 1 new\n")
    lines = out.splitlines()
    first = next(i for i, line in enumerate(lines) if "Senior Data Engineer" in line)
    third = next(i for i, line in enumerate(lines) if "Data Engineer, Platform" in line)
    assert "NEW" not in lines[first] and "NEW Data Engineer, Platform" in lines[third]
    assert "EUR 60-80 / hour" in out and "https://jobs.example.com/j3" in out
    assert "London" not in out  # j2 closed: it dropped out


def test_json_lists_every_search(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["matches", "--json", "--db", str(store)]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {(r["search"], r["job_id"], r["new"]) for r in rows} == {
        ("data", "j1", False),
        ("data", "j3", True),
        ("berlin", "j1", False),
        ("berlin", "j3", True),
    }
    assert all(r["url"] and r["pay"] and isinstance(r["reasons"], list) for r in rows)


def test_unknown_search_and_missing_store_are_clear_errors(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["matches", "nope", "--db", str(store)]) == 2
    assert (
        "no matches stored for search 'nope' (searches with matches: berlin, data;" in capsys.readouterr().err
    )
    assert main(["matches", "--db", str(tmp_path / "absent.duckdb")]) == 2
    assert "no jobs database at" in capsys.readouterr().err
