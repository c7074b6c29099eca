"""CPU per posting of the rules extractor (`extract_rules`), and an equivalence check against an older tree.

Postings, timed and compared per corpus: "real", the real-world corpus (`job_assets_tests/data/realworld/`,
parsed by the real parsers) plus the sample catalogue's day-1 postings; "scale", the synthetic boards the daily
benchmark serves (`--scale N M`, `benchmarks/corpora.py`). Each tree runs in its own process (`--worker`), which warms up once, then times
`--repeats` passes over every posting with `time.process_time` (CPU, not wall: the machine is shared) and prints
the median CPU ms/posting. With `--against DIR` (an older source tree, e.g. `git archive main | tar -x -C DIR`),
both trees run side by side, alternating, every field of every posting (including the excluded
`remote_stated`/`remote_presence_only`) must be identical, and the ratio old/new is printed.

    uv run python benchmarks/rules.py [--repeats 5] [--scale 40 50]
    uv run python benchmarks/rules.py --against /tmp/rulesfast_old --repeats 5 --rounds 2
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def load_postings(scale: tuple[int, int]) -> dict[str, list[dict[str, Any]]]:
    """(title, description_text, locations, company_name) per corpus: "real" (the real-world boards and the
    catalogue's day-1 postings) and "scale" (the synthetic boards the daily benchmark serves), parsed by the
    real parsers."""
    sys.path.insert(0, str(ROOT))  # job_assets_sandbox is a sibling package, not installed in the wheel
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import polars as pl
    from corpora import real_boards, scale_boards

    from job_assets.parsing.dispatch import parse_raw_frame
    from job_assets_sandbox.evaluation import catalogue_postings

    def rows(frames: list[pl.DataFrame]) -> list[dict[str, Any]]:
        parsed = pl.concat(frames, how="diagonal_relaxed")
        return [
            {k: row[k] for k in ("title", "description_text", "locations", "company_name")}
            for row in parsed.iter_rows(named=True)
        ]

    real = [parse_raw_frame(frame, board).frame for board, frame in real_boards()]
    real.append(catalogue_postings(1).drop("group", "case"))
    synthetic = (
        [parse_raw_frame(frame, name).frame for name, frame in scale_boards(*scale)] if scale[0] else []
    )
    return {"real": rows(real)} | ({"scale": rows(synthetic)} if synthetic else {})


def worker(tree: str, postings_path: str, out_path: str, repeats: int) -> None:
    """In a fresh process: import `extract_rules` from `tree`, dump its answers, time `repeats` passes."""
    sys.path.insert(0, tree)
    from job_assets.enrichment.rules import extract as module

    if not module.__file__ or not Path(module.__file__).resolve().is_relative_to(Path(tree).resolve()):
        raise SystemExit(f"imported {module.__file__}, not from {tree}")
    corpora = json.loads(Path(postings_path).read_text())

    def one_pass(postings: list[dict[str, Any]]) -> list[Any]:
        return [
            module.extract_rules(p["title"], p["description_text"], p["locations"], p["company_name"])
            for p in postings
        ]

    times: dict[str, list[float]] = {}
    answers: dict[str, list[dict[str, Any]]] = {}
    for corpus, postings in corpora.items():
        results = one_pass(postings)  # warm-up, and the answers
        times[corpus] = []
        for _ in range(repeats):
            start = time.process_time()
            one_pass(postings)
            times[corpus].append(time.process_time() - start)
        answers[corpus] = [{name: getattr(r, name) for name in type(r).model_fields} for r in results]
    Path(out_path).write_text(json.dumps({"times": times, "answers": answers}, default=str))


def _run_worker(tree: Path, postings: Path, repeats: int, workdir: Path) -> dict[str, Any]:
    out = workdir / "out.json"
    subprocess.run(
        [sys.executable, __file__, "--worker", str(tree), "--postings", str(postings), "--out", str(out),
         "--repeats", str(repeats)],
        check=True,
    )  # fmt: skip
    return json.loads(out.read_text())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5, help="timed passes per worker process")
    parser.add_argument("--rounds", type=int, default=1, help="worker processes per tree, alternating")
    parser.add_argument("--against", type=Path, help="an older source tree to compare with")
    parser.add_argument(
        "--scale", type=int, nargs=2, default=(40, 50), metavar=("N", "M"),
        help="also N synthetic companies x M postings (0 0: none)",
    )  # fmt: skip
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--postings", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.postings, args.out, args.repeats)
        return
    trees = {"this tree": ROOT} | ({"against": args.against.resolve()} if args.against else {})
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        corpora = load_postings(tuple(args.scale))
        path = workdir / "postings.json"
        path.write_text(json.dumps(corpora))
        times: dict[str, dict[str, list[float]]] = {name: {c: [] for c in corpora} for name in trees}
        answers: dict[str, Any] = {}
        for _ in range(args.rounds):
            for name, tree in trees.items():
                result = _run_worker(tree, path, args.repeats, workdir)
                for corpus, values in result["times"].items():
                    times[name][corpus] += values
                answers[name] = result["answers"]
    sizes = ", ".join(f"{len(p)} {c}" for c, p in corpora.items())
    print(f"{sizes} postings, {args.rounds} x {args.repeats} passes, load average {os.getloadavg()[0]:.2f}")
    failed = False
    for corpus, postings in corpora.items():
        medians = {name: statistics.median(t[corpus]) / len(postings) * 1000 for name, t in times.items()}
        for name, ms in medians.items():
            low = min(times[name][corpus]) / len(postings) * 1000
            print(f"{corpus:>5} {name:>10}: {ms:.3f} CPU ms/posting (median; min {low:.3f})")
        if args.against:
            old, new = answers["against"][corpus], answers["this tree"][corpus]
            diffs = [
                (i, field, o[field], n[field])
                for i, (o, n) in enumerate(zip(old, new, strict=True))
                for field in o
                if o[field] != n.get(field)
            ]
            for i, field, o, n in diffs[:20]:
                print(f"DIFF {corpus} posting {i} ({postings[i]['title']!r}) {field}: {o!r} -> {n!r}")
            print(
                f"{corpus:>5} identical: {not diffs} ({len(old)} postings x {len(old[0])} fields, "
                f"{len(diffs)} differences); ratio against / this tree: "
                f"{medians['against'] / medians['this tree']:.2f}x"
            )
            failed |= bool(diffs)
    if failed:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
