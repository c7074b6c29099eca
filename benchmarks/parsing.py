"""Parsing throughput: `html_to_text` and `parse_raw_frame`, and an equivalence check against an older tree.

Default: medians over repeats on real-format payloads and, side by side, selectolax's own flat `.text()` on the
same markup (the floor for any DOM-based extraction), so the cost of keeping lines and list items is visible.

`--against DIR` (an older source tree, e.g. `git archive main | tar -x -C DIR`): `parse_raw_frame` over the saved
real-world boards and the synthetic scale boards (`--scale N M`, as the daily benchmark serves them), one call
per board as the daily path makes it, each tree in its own process (`--rounds` alternating), timed with
`time.process_time` (CPU, not wall: the machine is shared); every parsed row and every problem must be
identical, and the ratio old/new CPU per posting is printed for each corpus.

    uv run python benchmarks/parsing.py [--postings 3000] [--repeats 5]
    uv run python benchmarks/parsing.py --against /tmp/old --scale 40 50 --repeats 3 --rounds 2
"""

from __future__ import annotations

import argparse
import copy
import html as htmllib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PAYLOADS = ROOT / "job_assets_tests" / "parsing" / "payloads"
SOURCES = {"greenhouse": "greenhouse_job", "lever": "lever_job", "ashby": "ashby_job"}


def _postings(n: int) -> list[Any]:
    """n postings cycling through the three ATS formats, each with a unique id and a longer description."""
    from job_assets.sources.base import RawPosting

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


def throughput(n: int, repeats: int) -> None:
    from selectolax.lexbor import LexborHTMLParser

    from job_assets.parsing.dispatch import parse_raw_frame
    from job_assets.parsing.html import html_to_text
    from job_assets.sources.base import raw_frame

    postings = _postings(n)
    frame = raw_frame(postings)
    markups = [htmllib.unescape(p.payload["content"]) for p in postings if p.source == "greenhouse"]
    size_kb = statistics.median(len(m) for m in markups) / 1024

    ours = _median_seconds(lambda: [html_to_text(m) for m in markups], repeats)
    flat = _median_seconds(lambda: [LexborHTMLParser(m).body.text(separator=" ") for m in markups], repeats)
    whole = _median_seconds(lambda: parse_raw_frame(frame, "Bench"), repeats)
    result = parse_raw_frame(frame, "Bench")
    assert not result.problems and result.frame.height == n

    print(
        f"html_to_text:      {len(markups) / ours:9,.0f} docs/s  ({ours / len(markups) * 1e6:6.1f} us/doc, median doc {size_kb:.1f} KiB)"
    )
    print(
        f"selectolax .text(): {len(markups) / flat:9,.0f} docs/s  ({flat / len(markups) * 1e6:6.1f} us/doc)  ratio ours/flat = {ours / flat:.2f}x"
    )
    print(
        f"parse_raw_frame:   {n / whole:9,.0f} postings/s ({whole / n * 1e6:6.1f} us/posting, {n} postings, 3 ATS formats)"
    )


def worker(tree: str, boards_path: str, out_path: str, repeats: int) -> None:
    """In a fresh process: import `parse_raw_frame` from `tree`, keep its output, time `repeats` passes."""
    sys.path.insert(0, tree)
    import polars as pl

    from job_assets.parsing import dispatch

    if not dispatch.__file__ or not Path(dispatch.__file__).resolve().is_relative_to(Path(tree).resolve()):
        raise SystemExit(f"imported {dispatch.__file__}, not from {tree}")
    raw = pl.read_ipc(boards_path)
    boards = [
        (part["corpus"][0], part["board_name"][0], part.drop("corpus", "board_name"))
        for part in raw.partition_by("board_index", maintain_order=True, include_key=False)
    ]
    corpora = sorted({c for c, _, _ in boards})

    def one_pass(corpus: str) -> list[Any]:
        return [dispatch.parse_raw_frame(f, name) for c, name, f in boards if c == corpus]

    times: dict[str, list[float]] = {c: [] for c in corpora}
    frames, problems = [], []
    for corpus in corpora:
        for result in one_pass(corpus):  # warm-up, and the answers
            frames.append(result.frame)
            problems.append([str(p) for p in result.problems])
        for _ in range(repeats):
            start = time.process_time()
            one_pass(corpus)
            times[corpus].append(time.process_time() - start)
    pl.concat(frames, how="diagonal_relaxed").write_ipc(out_path)
    Path(out_path + ".json").write_text(json.dumps({"times": times, "problems": problems}))


def against(old: Path, scale: tuple[int, int], repeats: int, rounds: int) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import polars as pl
    from corpora import real_boards, scale_boards

    boards = [("real", *b) for b in real_boards()] + [("scale", *b) for b in scale_boards(*scale)]
    sizes = {c: sum(f.height for cc, _, f in boards if cc == c) for c in ("real", "scale")}
    raw = pl.concat(
        [
            f.with_columns(corpus=pl.lit(c), board_name=pl.lit(name), board_index=pl.lit(i))
            for i, (c, name, f) in enumerate(boards)
        ]
    )
    trees = {"this tree": ROOT, "against": old.resolve()}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "raw.arrow"
        raw.write_ipc(path)
        times: dict[str, dict[str, list[float]]] = {name: {"real": [], "scale": []} for name in trees}
        outputs: dict[str, tuple[pl.DataFrame, Any]] = {}
        for _ in range(rounds):
            for name, tree in trees.items():
                out = Path(tmp) / f"out-{name.replace(' ', '')}.arrow"
                subprocess.run(
                    [sys.executable, __file__, "--worker", str(tree), "--boards", str(path), "--out", str(out),
                     "--repeats", str(repeats)],
                    check=True,
                )  # fmt: skip
                result = json.loads(Path(str(out) + ".json").read_text())
                for corpus, values in result["times"].items():
                    times[name][corpus] += values
                outputs[name] = (pl.read_ipc(out), result["problems"])
    print(
        f"{sizes['real']} real + {sizes['scale']} synthetic ({scale[0]}x{scale[1]}) postings, {len(boards)} boards, "
        f"{rounds} x {repeats} passes, load average {os.getloadavg()[0]:.2f}"
    )
    for corpus in ("real", "scale"):
        medians = {name: statistics.median(t[corpus]) / sizes[corpus] * 1000 for name, t in times.items()}
        print(
            f"{corpus:>5}: this tree {medians['this tree']:.3f}, against {medians['against']:.3f} CPU ms/posting "
            f"(median); ratio against / this tree {medians['against'] / medians['this tree']:.2f}x"
        )
    (new, new_problems), (old_frame, old_problems) = outputs["this tree"], outputs["against"]
    same = new.equals(old_frame) and new_problems == old_problems
    if not same:
        if new.columns != old_frame.columns or new.height != old_frame.height:
            print(f"DIFF shape/columns: {new.shape} {new.columns} vs {old_frame.shape} {old_frame.columns}")
        else:
            for column in new.columns:
                differ = (new[column] != old_frame[column]).fill_null(True) & ~(
                    new[column].is_null() & old_frame[column].is_null()
                )
                for i in differ.arg_true().head(5):
                    print(f"DIFF row {i} {column}: {old_frame[column][i]!r} -> {new[column][i]!r}")
        if new_problems != old_problems:
            print("DIFF problems")
    print(f"identical: {same} ({new.height} parsed rows x {new.width} columns)")
    if not same:
        raise SystemExit(1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postings", type=int, default=3000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=1, help="with --against: worker processes per tree")
    parser.add_argument("--against", type=Path, help="an older source tree to compare with")
    parser.add_argument(
        "--scale", type=int, nargs=2, default=(40, 50), metavar=("N", "M"), help="with --against"
    )
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--boards", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.boards, args.out, args.repeats)
    elif args.against:
        against(args.against, tuple(args.scale), args.repeats, args.rounds)
    else:
        sys.path.insert(0, str(ROOT))
        throughput(args.postings, args.repeats)


if __name__ == "__main__":
    main()
