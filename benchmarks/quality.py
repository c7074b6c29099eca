"""Accuracy on real postings: the real-world corpus through the whole pipeline, scored against labels.

    uv run python benchmarks/quality.py                       # rules backend
    uv run python benchmarks/quality.py --llm-url http://gpu-host:8000/v1   # any OpenAI-compatible server
    uv run python benchmarks/quality.py --json                # machine-readable (what the floors test reads)

The corpus (`job_assets_tests/data/realworld/`, provenance in its SOURCES.md) is real Greenhouse, Lever and
Ashby answers saved in public repositories; `truth.yaml` holds labels written by reading each posting. This
script serves the saved answers on 127.0.0.1 at the real API paths (`job_assets_sandbox.realworld_boards`),
writes a registry for the corpus companies, runs `job-assets run` as a user would (its own DuckDB file and
Dagster home in a temporary directory), then reads `enriched_postings` and `job_matches` and prints per-field
accuracy for the `dev`, `holdout` and `holdout2` companies and all together, wrong and missed merges, postings
lost, and every miss. The rules helpers look at dev misses only; holdout measures whether a fix generalises, and
holdout2 (companies gathered after the first rule fixes, never used to tune them) measures it again, fresh.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

import duckdb
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # job_assets_sandbox is a sibling package, not installed in the wheel

from job_assets_sandbox.realworld_boards import CORPUS_DIR, RealWorldBoards  # noqa: E402

TRUTH_PATH = CORPUS_DIR / "truth.yaml"
SPLITS = ("dev", "holdout", "holdout2", "all")
FIELDS = ("title", "locations", "remote", "pay_exact", "pay_invented", "seniority", "employment_type")
PAY_TOLERANCE = 0.005  # relative: 211400 vs 211,400.0 is the same figure


# --- the corpus and its labels -------------------------------------------------------------------------------
def load_truth(path: Path = TRUTH_PATH) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key, label in data["postings"].items():
        board = key.split("/", 2)[1]
        if board not in data["companies"]:
            raise ValueError(f"{path}: {key}: company {board!r} has no split in `companies`")
        label.setdefault("opening", key)
    return data


def company_slug(board: str) -> str:
    return re.sub(r"[^a-z0-9-]+", "-", board.lower()).strip("-")


def registry(boards: dict[tuple[str, str], Path]) -> dict[str, Any]:
    """One company per saved board; a board name is the company's slug (lowercased)."""
    companies: dict[str, dict[str, Any]] = {}
    for ats, board in sorted(boards):
        slug = company_slug(board)
        entry = companies.setdefault(slug, {"slug": slug, "name": board, "sources": []})
        key = {"greenhouse": "board", "lever": "site", "ashby": "board"}[ats]
        entry["sources"].append({"type": ats, key: board})
    return {"companies": list(companies.values())}


# --- running the pipeline ------------------------------------------------------------------------------------
def run_pipeline(workdir: Path, llm_url: str | None = None, verbose: bool = False) -> tuple[Path, int, str]:
    """Serve the corpus, run `job-assets run` on it; returns (DuckDB file, CLI exit code, CLI output)."""
    db_path = workdir / "jobs.duckdb"
    with RealWorldBoards() as server:
        registry_path = workdir / "companies.yaml"
        registry_path.write_text(yaml.safe_dump(registry(server.boards), sort_keys=False))
        env = {
            **os.environ,
            **server.env(),
            "JOB_ASSETS_COMPANIES": str(registry_path),
            "JOB_ASSETS_DB": str(db_path),
            "DAGSTER_HOME": str(workdir / "dagster_home"),
            "NO_COLOR": "1",
        }
        env.pop("JOB_ASSETS_LLM_URL", None)
        if llm_url:
            env["JOB_ASSETS_LLM_URL"] = llm_url
        cli = Path(sys.executable).parent / "job-assets"
        command = [str(cli) if cli.exists() else "job-assets", "run", "--batch-size", "100"]
        done = subprocess.run(command, cwd=ROOT, env=env, capture_output=not verbose, text=True)
    return db_path, done.returncode, (done.stdout or "") + (done.stderr or "")


def read_store(db_path: Path) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    """(posting key -> enriched row, posting key -> job_id), keyed like the truth: `ats/board/id`."""
    with duckdb.connect(str(db_path), read_only=True) as conn:
        rows = conn.execute(
            "select company, source, source_id, title, locations, remote, salary_min, salary_max,"
            " salary_currency, salary_period, seniority, employment_type, posting_key from enriched_postings"
        ).fetchall()
        columns = [d[0] for d in conn.description]
        matches = dict(conn.execute("select posting_key, job_id from job_matches").fetchall())
    got: dict[str, dict[str, Any]] = {}
    jobs: dict[str, str] = {}
    for row in rows:
        record = dict(zip(columns, row, strict=True))
        key = f"{record['source']}/{record['company']}/{record['source_id']}"
        got[key] = record
        if record["posting_key"] in matches:
            jobs[key] = matches[record["posting_key"]]
    return got, jobs


# --- scoring -------------------------------------------------------------------------------------------------
def _norm_place(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _same_amount(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= PAY_TOLERANCE * max(abs(float(a)), abs(float(b)), 1.0)


@dataclass
class Tally:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += ok
        self.total += 1

    def rate(self) -> float | None:
        return round(self.right / self.total, 4) if self.total else None


@dataclass
class SplitScore:
    fields: dict[str, Tally] = field(default_factory=lambda: {f: Tally() for f in FIELDS})
    postings: int = 0
    lost: int = 0
    wrong_merges: int = 0  # pairs of postings of different openings put in one job
    missed_merges: int = 0  # pairs of postings of one opening left in different jobs


def _pay(record: dict[str, Any]) -> dict[str, Any] | None:
    if record.get("salary_min") is None and record.get("salary_max") is None:
        return None
    return {
        "min": record.get("salary_min"),
        "max": record.get("salary_max"),
        "currency": record.get("salary_currency"),
        "period": record.get("salary_period"),
    }


def _pay_matches(expected: dict[str, Any], got: dict[str, Any] | None) -> bool:
    if got is None:
        return False
    return (
        _same_amount(expected.get("min"), got["min"])
        and _same_amount(expected.get("max"), got["max"])
        and expected.get("currency") == got["currency"]
        and expected.get("period") == got["period"]
    )


def score(truth: dict[str, Any], got: dict[str, dict[str, Any]], jobs: dict[str, str]) -> dict[str, Any]:
    """Per split: per-field accuracy, merges, lost postings; plus the list of misses. Plain data (JSON-able)."""
    splits = {name: SplitScore() for name in SPLITS}
    misses: list[dict[str, Any]] = []
    labels: dict[str, dict[str, Any]] = truth["postings"]

    def split_of(key: str) -> str:
        return truth["companies"][key.split("/")[1]]["split"]

    def record_miss(key: str, what: str, expected: Any, actual: Any) -> None:
        misses.append(
            {"posting": key, "split": split_of(key), "field": what, "expected": expected, "got": actual}
        )

    for key, label in labels.items():
        targets = (splits[split_of(key)], splits["all"])
        store_key = _store_key(key)
        for s in targets:
            s.postings += 1
        record = got.get(store_key)
        if record is None:
            for s in targets:
                s.lost += 1
            record_miss(key, "lost", "in the store", None)
            continue
        checks: dict[str, tuple[bool, Any, Any]] = {}
        checks["title"] = (record["title"] == label["title"], label["title"], record["title"])
        expected_places = sorted(_norm_place(p) for p in label.get("locations") or [])
        got_places = sorted(_norm_place(p) for p in record["locations"] or [])
        checks["locations"] = (
            expected_places == got_places,
            label.get("locations") or [],
            record["locations"],
        )
        checks["remote"] = (record["remote"] == label["remote"], label["remote"], record["remote"])
        got_pay = _pay(record)
        if label.get("pay"):
            checks["pay_exact"] = (_pay_matches(label["pay"], got_pay), label["pay"], got_pay)
        else:
            checks["pay_invented"] = (got_pay is None, None, got_pay)
        checks["seniority"] = (
            record["seniority"] == label["seniority"],
            label["seniority"],
            record["seniority"],
        )
        got_type = record["employment_type"] or "unknown"
        checks["employment_type"] = (got_type == label["employment_type"], label["employment_type"], got_type)
        for name, (ok, expected, actual) in checks.items():
            for s in targets:
                s.fields[name].add(ok)
            if not ok:
                record_miss(key, name, expected, actual)

    by_company: dict[str, list[str]] = defaultdict(list)
    for key in labels:
        if _store_key(key) in jobs:
            by_company[key.split("/")[1]].append(key)
    for keys in by_company.values():
        for a, b in combinations(sorted(keys), 2):
            same_job = jobs[_store_key(a)] == jobs[_store_key(b)]
            same_opening = labels[a]["opening"] == labels[b]["opening"]
            if same_job == same_opening:
                continue
            what = "wrong_merge" if same_job else "missed_merge"
            for s in (splits[split_of(a)], splits["all"]):
                if same_job:
                    s.wrong_merges += 1
                else:
                    s.missed_merges += 1
            record_miss(a, what, labels[a]["opening"] if same_job else labels[b]["opening"], b)

    unlabelled = sorted(k for k in got if k not in {_store_key(x) for x in labels})
    return {
        "splits": {
            name: {
                "postings": s.postings,
                "lost": s.lost,
                "wrong_merges": s.wrong_merges,
                "missed_merges": s.missed_merges,
                "fields": {
                    f: {"right": t.right, "total": t.total, "rate": t.rate()} for f, t in s.fields.items()
                },
            }
            for name, s in splits.items()
        },
        "misses": misses,
        "unlabelled_in_store": unlabelled,
    }


def _store_key(truth_key: str) -> str:
    """`ats/Board/id` -> the store's `source/company-slug/source_id`."""
    ats, board, posting_id = truth_key.split("/", 2)
    return f"{ats}/{company_slug(board)}/{posting_id}"


def evaluate(llm_url: str | None = None, verbose: bool = False) -> dict[str, Any]:
    """The whole measurement: serve, run the CLI, score. What the floors test calls."""
    truth = load_truth()
    with tempfile.TemporaryDirectory(prefix="job-assets-quality-") as tmp:
        db_path, code, output = run_pipeline(Path(tmp), llm_url=llm_url, verbose=verbose)
        if not db_path.exists():
            raise RuntimeError(f"job-assets run wrote no store (exit {code}):\n{output[-3000:]}")
        got, jobs = read_store(db_path)
    result = score(truth, got, jobs)
    result["cli_exit_code"] = code
    result["backend"] = f"llm {llm_url}" if llm_url else "rules"
    return result


# --- printing ------------------------------------------------------------------------------------------------
def _fmt(t: dict[str, Any], invert: bool = False) -> str:
    if not t["total"]:
        return "     -     "
    if invert:  # pay invented: count the postings that got pay they do not state
        return f"{t['total'] - t['right']:>3}/{t['total']:<4}   "
    return f"{100 * t['rate']:5.1f}% {t['right']:>3}/{t['total']:<3}"


def print_report(result: dict[str, Any], show_misses: bool = True) -> None:
    print(f"backend: {result['backend']}   (CLI exit code {result['cli_exit_code']})")
    header = f"{'':18}" + "".join(f"{name:>20}" for name in SPLITS)
    print(header)
    rows: list[tuple[str, Any]] = [(f, None) for f in FIELDS]
    for name, _ in rows:
        label = "pay invented" if name == "pay_invented" else name.replace("_", " ")
        cells = [_fmt(result["splits"][s]["fields"][name], invert=name == "pay_invented") for s in SPLITS]
        print(f"{label:18}" + "".join(f"{c:>20}" for c in cells))
    for metric in ("wrong_merges", "missed_merges", "lost", "postings"):
        cells = [str(result["splits"][s][metric]) for s in SPLITS]
        print(f"{metric.replace('_', ' '):18}" + "".join(f"{c:>20}" for c in cells))
    if result["unlabelled_in_store"]:
        print(f"unlabelled postings in the store: {len(result['unlabelled_in_store'])}")
    if show_misses:
        print("\nmisses (posting, field, expected, got):")
        for miss in sorted(result["misses"], key=lambda m: (m["split"], m["field"], m["posting"])):
            print(
                f"  [{miss['split']}] {miss['posting']}  {miss['field']}: expected {miss['expected']!r} got {miss['got']!r}"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--llm-url", help="an OpenAI-compatible endpoint (else the offline rules backend)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--no-misses", action="store_true", help="only the figures")
    parser.add_argument("--split", choices=SPLITS, help="only list misses of this split")
    parser.add_argument("-v", "--verbose", action="store_true", help="show the CLI's own output")
    args = parser.parse_args(argv)
    result = evaluate(llm_url=args.llm_url, verbose=args.verbose)
    if args.split and args.split != "all":
        result["misses"] = [m for m in result["misses"] if m["split"] == args.split]
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1, default=str))
    else:
        print_report(result, show_misses=not args.no_misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
