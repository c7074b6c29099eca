"""Start and always stop the servers the slow operations tests need: a throwaway PostgreSQL cluster,
`dagster-webserver` and `dagster-daemon`, each on loopback and a free port."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

PG_BIN = Path("/usr/lib/postgresql/15/bin")
VENV_BIN = Path(sys.executable).parent
T = TypeVar("T")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(
    check: Callable[[], T | None], timeout: float, what: str | Callable[[], str], interval: float = 0.25
) -> T:
    """Poll `check` until it returns something truthy; fail naming `what` at the deadline (a callable is
    called then, e.g. to show the end of a log as it is at that moment)."""
    deadline = time.monotonic() + timeout
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        try:
            result = check()
            if result:
                return result
        except Exception as error:  # not up yet: connection refused, location still loading...
            last_error = error
        time.sleep(interval)
    described = what() if callable(what) else what
    raise TimeoutError(f"gave up after {timeout:g}s waiting for {described} (last error: {last_error})")


def _default_signals() -> None:
    # A process started from a non-interactive script may inherit SIG_IGN for these; Dagster's
    # processes then ignore SIGTERM and never stop (see the environment notes).
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


@contextmanager
def process(
    command: list[str], log: Path, env: dict[str, str], cwd: Path
) -> Iterator[subprocess.Popen[bytes]]:
    """Run `command` in its own process group; on exit SIGTERM the group, SIGKILL what lingers."""
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
            preexec_fn=_default_signals,
        )  # fmt: skip
        try:
            yield proc
        finally:
            stop_group(proc)


def stop_group(proc: subprocess.Popen[bytes], grace: float = 20.0) -> None:
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    with suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=grace)
    with suppress(ProcessLookupError):  # children (code servers, run workers) that outlived their parent
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()


def tail(path: Path, chars: int = 4000) -> str:
    return path.read_text(errors="replace")[-chars:] if path.exists() else ""


@dataclass(frozen=True)
class Postgres:
    host: str
    port: int
    user: str
    db: str

    def env(self) -> dict[str, str]:
        """The variables deploy/dagster.postgres.yaml reads, as docker-compose sets them."""
        return {
            "DAGSTER_POSTGRES_HOST": self.host,
            "DAGSTER_POSTGRES_PORT": str(self.port),
            "DAGSTER_POSTGRES_USER": self.user,
            "DAGSTER_POSTGRES_PASSWORD": "unused-trust-auth",
            "DAGSTER_POSTGRES_DB": self.db,
        }


@contextmanager
def postgres_cluster() -> Iterator[Postgres]:
    """initdb + pg_ctl on loopback in a temp dir (as the `postgres` user when we are root)."""
    base = Path(tempfile.mkdtemp(prefix="job_assets_pg_", dir="/tmp"))
    as_user: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(base, "postgres", "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    data, port = base / "data", free_port()

    def run(*args: str | Path) -> None:
        subprocess.run([*as_user, *map(str, args)], check=True, capture_output=True, timeout=120)

    started = False
    try:
        run(PG_BIN / "initdb", "-D", data, "-U", "dagster", "--auth=trust", "-E", "UTF8", "--no-sync")
        options = f"-k {base} -p {port} -c listen_addresses=127.0.0.1 -c fsync=off"
        run(
            PG_BIN / "pg_ctl", "-D", data, "-o", options, "-l", base / "server.log", "-w", "-t", "60", "start"
        )
        started = True
        run(PG_BIN / "createdb", "-h", "127.0.0.1", "-p", str(port), "-U", "dagster", "dagster")
        yield Postgres("127.0.0.1", port, "dagster", "dagster")
    finally:
        if started:
            subprocess.run([*as_user, str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
                           capture_output=True, timeout=60)  # fmt: skip
        shutil.rmtree(base, ignore_errors=True)


class GraphQL:
    def __init__(self, port: int) -> None:
        self.base = f"http://127.0.0.1:{port}"

    def up(self) -> bool:
        with urllib.request.urlopen(f"{self.base}/server_info", timeout=5) as response:
            return response.status == 200

    def __call__(self, query: str, **variables: Any) -> dict[str, Any]:
        body = json.dumps({"query": query, "variables": variables}).encode()
        request = urllib.request.Request(
            f"{self.base}/graphql", data=body, headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            payload = json.load(response)
        if payload.get("errors"):
            raise RuntimeError(f"GraphQL errors: {payload['errors']}")
        return payload["data"]

    def location_loaded(self, name: str) -> bool:
        data = self(
            "{ workspaceOrError { ... on Workspace { locationEntries { name locationOrLoadError { __typename } } } } }"
        )
        entries = data["workspaceOrError"]["locationEntries"]
        states = {e["name"]: (e["locationOrLoadError"] or {}).get("__typename") for e in entries}
        if states.get(name) == "PythonError":
            raise AssertionError(f"code location {name} failed to load")
        return states.get(name) == "RepositoryLocation"


def dagster_env(home: Path, extra: dict[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DAGSTER_", "JOB_ASSETS_"))}
    env.update({"DAGSTER_HOME": str(home), "PATH": f"{VENV_BIN}:{env.get('PATH', '')}", **extra})
    return env
