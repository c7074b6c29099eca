"""Everything the offline demo serves at once: the ATS boards, a careers site and the job boards,
with a registry that points every sample company at them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import yaml

from job_assets_sandbox import careers_sites, job_boards
from job_assets_sandbox.careers_sites import CareersSiteServer
from job_assets_sandbox.job_boards import JobBoardsServer
from job_assets_sandbox.sample_registry import sample_registry_path
from job_assets_sandbox.server import AtsDevServer

# Sample saved searches over the demo companies (a data file of the sandbox package, issue 12's layout).
SAMPLE_SEARCHES = Path(__file__).resolve().parent / "searches.yaml"


@dataclass(frozen=True)
class Demo:
    boards: AtsDevServer
    careers: CareersSiteServer
    job_boards: JobBoardsServer
    registry: Path

    def env(self) -> dict[str, str]:
        """The settings that point the pipeline at the demo servers."""
        urls = job_boards.board_urls(self.job_boards.url)
        return {
            **self.boards.env(),
            "JOBSPY_LINKEDIN_URL": urls["linkedin"],
            "JOBSPY_INDEED_URL": urls["indeed"],
            "JOB_ASSETS_COMPANIES": str(self.registry),
            "JOB_ASSETS_SEARCHES": str(SAMPLE_SEARCHES),
        }


def demo_registry(careers_url: str) -> dict[str, list[dict[str, object]]]:
    """The sample registry plus a careers-site company and Northwind's openings mirrored on job boards."""
    data = yaml.safe_load(sample_registry_path().read_text())
    for company in data["companies"]:
        if company["slug"] == job_boards.MIRRORED_COMPANY:
            company["sources"].append(job_boards.registry_source())
    data["companies"].append(careers_sites.registry_entry(careers_url))
    return data


@contextmanager
def serve_demo(workdir: Path, day: int = 1) -> Iterator[Demo]:
    """Start the demo servers on loopback; the registry (with their ports) is written to `workdir`."""
    with ExitStack() as stack:
        boards = stack.enter_context(AtsDevServer(day=day))
        careers = stack.enter_context(CareersSiteServer(traps=False))
        boards_server = stack.enter_context(JobBoardsServer())
        workdir.mkdir(parents=True, exist_ok=True)
        registry = workdir / "companies.yaml"
        header = "# Written by `job-assets demo` for its loopback servers; rewritten on every demo run.\n"
        registry.write_text(header + yaml.safe_dump(demo_registry(careers.url), sort_keys=False))
        yield Demo(boards, careers, boards_server, registry)
