"""The offline demo: sample Greenhouse, Lever and Ashby boards and the loopback servers that serve them.

    with AtsDevServer() as server:          # http://127.0.0.1:<free port>
        os.environ.update(server.env())     # GREENHOUSE_API_URL, LEVER_API_URL, ASHBY_API_URL
        ...                                 # registry: sample_registry_path()
        server.day = 2                      # the next day's boards

`LoopbackServer` is the reusable base (routes, latency, faults, request log) for other fake services.
No Dagster in here: this is plain Python used by the CLI, the tests and the benchmarks.
"""

from __future__ import annotations

from job_assets.devserver.catalog import DayChanges, PayTruth, SampleCatalog, SamplePosting, sample_catalog
from job_assets.devserver.catalog.scale import ScaleCatalog
from job_assets.devserver.loopback import FaultRule, LoopbackServer, Request, RequestRecord, Response
from job_assets.devserver.sample_registry import sample_registry_path
from job_assets.devserver.server import AtsDevServer

__all__ = [
    "AtsDevServer",
    "DayChanges",
    "FaultRule",
    "LoopbackServer",
    "PayTruth",
    "Request",
    "RequestRecord",
    "Response",
    "SampleCatalog",
    "SamplePosting",
    "ScaleCatalog",
    "sample_catalog",
    "sample_registry_path",
]
