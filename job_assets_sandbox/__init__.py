"""The sandbox: the offline demo's sample boards and the loopback stand-ins for the services job_assets talks to
(Greenhouse, Lever and Ashby APIs, career sites, job boards, an OpenAI-compatible LLM).

Not part of the product: the wheel and the image carry `job_assets` only. It is importable from a clone (the
editable install puts the repository root on `sys.path`), where `job-assets demo`, the tests and the benchmarks
use it. The sample catalogue's content is data: `catalog/companies/*.yaml`, `catalog/roles/*.yaml`,
`catalog/places.yaml`, read by `catalog/data.py`.

    with AtsDevServer() as server:          # http://127.0.0.1:<free port>
        os.environ.update(server.env())     # GREENHOUSE_API_URL, LEVER_API_URL, ASHBY_API_URL
        ...                                 # registry: sample_registry_path()
        server.day = 2                      # the next day's boards

`LoopbackServer` is the reusable base (routes, latency, faults, request log) for other fake services.
No Dagster in here: this is plain Python used by the CLI, the tests and the benchmarks.
"""

from __future__ import annotations

from job_assets_sandbox.catalog import DayChanges, PayTruth, SampleCatalog, SamplePosting, sample_catalog
from job_assets_sandbox.catalog.scale import ScaleCatalog
from job_assets_sandbox.loopback import FaultRule, LoopbackServer, Request, RequestRecord, Response
from job_assets_sandbox.sample_registry import sample_registry_path
from job_assets_sandbox.server import AtsDevServer

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
