"""`python -m job_assets_sandbox`: serve the sample boards until interrupted, and say how to use them."""

from __future__ import annotations

import argparse
import contextlib
import json
import signal
import sys
import tempfile
import threading
from pathlib import Path

from job_assets_sandbox.catalog.model import DAYS
from job_assets_sandbox.catalog.scale import ScaleCatalog
from job_assets_sandbox.sample_registry import sample_registry_path
from job_assets_sandbox.server import AtsDevServer


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m job_assets_sandbox",
        description="Serve sample Greenhouse, Lever and Ashby job boards on 127.0.0.1 (offline demo).",
    )
    parser.add_argument("--port", type=int, default=0, help="port to listen on (default: a free port)")
    parser.add_argument("--latency-ms", type=float, default=0.0, help="delay added to every response")
    parser.add_argument("--day", type=int, default=1, choices=DAYS, help="which day's boards to serve")
    parser.add_argument(
        "--scale",
        type=int,
        nargs=2,
        metavar=("N", "M"),
        help="also serve N synthetic companies with M postings each (benchmarks)",
    )
    parser.add_argument("--sources-per-company", type=int, default=1, choices=(1, 2, 3), help="with --scale")
    parser.add_argument(
        "--scale-registry", type=Path, help="where to write the synthetic companies' registry"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON line (env, registry) for scripts")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    scale = None
    registry = sample_registry_path()
    if args.scale:
        n, m = args.scale
        scale = ScaleCatalog(n, m, sources_per_company=args.sources_per_company)
        registry = args.scale_registry or Path(tempfile.gettempdir()) / f"job-assets-scale-{n}x{m}.yaml"
        scale.write_registry(registry)
    server = AtsDevServer(day=args.day, scale=scale, port=args.port, latency=args.latency_ms / 1000)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    with server:
        env = {**server.env(), "JOB_ASSETS_COMPANIES": str(registry)}
        if args.json:
            print(json.dumps({"url": server.url, "env": env}), flush=True)
        else:
            postings = len(server.catalog.postings(args.day))
            extra = (
                f"; plus {scale.n_companies} synthetic companies x {scale.n_postings} postings"
                if scale
                else ""
            )
            print(
                f"Serving sample job boards on {server.url} (day {args.day}: {postings} sample postings{extra})."
            )
            print("Point job_assets at them with:\n")
            for name, value in env.items():
                print(f"  export {name}={value}")
            print("\nPress Ctrl-C to stop.", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            stop.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
