"""`notebooks/explore_jobs.ipynb` runs top to bottom (nbclient, the venv's kernel) on a real store."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from job_assets.store import snapshot
from job_assets_tests.conftest import DemoRun

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK = ROOT / "notebooks" / "explore_jobs.ipynb"


def load_benchmark():
    spec = importlib.util.spec_from_file_location("bench_queries", ROOT / "benchmarks" / "queries.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def execute(live: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> nbformat.NotebookNode:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    mark_cell = next(c for c in notebook.cells if "mark" in c.get("metadata", {}).get("tags", []))
    assert "MARK_EXAMPLE = False" in mark_cell.source
    mark_cell.source = mark_cell.source.replace("MARK_EXAMPLE = False", "MARK_EXAMPLE = True")
    monkeypatch.setenv("JOB_ASSETS_DB", str(live))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    client = NotebookClient(
        notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    )
    client.execute()
    return notebook


def check_outputs(notebook: nbformat.NotebookNode) -> None:
    outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    figures = [o["data"]["text/plain"] for o in outputs if "image/png" in o.get("data", {})]
    # Open jobs per company, pay by seniority and by remote policy (one figure), top skills.
    assert len(figures) == 3 and "with 2 Axes" in figures[1], figures
    searches = next(i for i, c in enumerate(notebook.cells) if c.source.startswith("## Saved searches"))
    trial = notebook.cells[searches + 1].outputs[-1]["data"]["text/html"]  # a search tried on the snapshot
    assert "keywords: data engineer (BM25" in trial or "keywords: machine learning (BM25" in trial, trial[
        :2000
    ]
    last = notebook.cells[-1].outputs[-1]["data"]["text/html"]  # the marked jobs, latest mark first
    assert "from the explore notebook" in last and "interested" in last, last


def test_notebook_runs_on_a_generated_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    live = tmp_path / "jobs.duckdb"
    load_benchmark().generate_store(live, 3000)
    snapshot.publish_snapshot(live)
    check_outputs(execute(live, monkeypatch, tmp_path))


@pytest.mark.slow
@pytest.mark.xdist_group("demo")  # the session's one demo run: its users share an xdist worker
def test_notebook_runs_on_the_demo_store(
    demo_run: DemoRun, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert demo_run.result.returncode == 0, demo_run.result.stderr[-3000:]
    live = tmp_path / "jobs.duckdb"
    shutil.copyfile(demo_run.db, live)  # the notebook marks a job: leave the shared demo store as it was
    check_outputs(execute(live, monkeypatch, tmp_path))
