"""A headless Debian Chromium that crawl4ai drives over the DevTools protocol (CDP).

`playwright install` and `crawl4ai-setup` need to download browsers, which these machines cannot;
Debian's `chromium` package works (`apt-get install chromium`). We start it ourselves on a free
port with a throwaway profile and stop it when the crawl ends, instead of writing its path into
`~/.crawl4ai/` for crawl4ai's managed browser.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import shutil
import tempfile
from collections.abc import AsyncIterator

DEFAULT_PATHS = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
_DEVTOOLS = re.compile(r"DevTools listening on (ws://\S+)")
START_TIMEOUT_S = 30.0


class ChromiumUnavailable(RuntimeError):
    """No Chromium to render a JavaScript site with; the message says how to install it."""


def find_chromium(path: str | None = None) -> str:
    """The Chromium executable: `path` if given, else Debian's, else `chromium` on PATH."""
    candidates = [path] if path else [*DEFAULT_PATHS, shutil.which("chromium") or ""]
    for candidate in candidates:
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    raise ChromiumUnavailable(
        f"browser mode needs Chromium and none was found at {path or ', '.join(DEFAULT_PATHS)}: "
        "install it with `apt-get install chromium` (see docs/sources.md)"
    )


@contextlib.asynccontextmanager
async def chromium_cdp(path: str | None = None) -> AsyncIterator[str]:
    """Start headless Chromium and yield its CDP websocket URL; the process and profile go away after."""
    executable = find_chromium(path)
    profile = tempfile.mkdtemp(prefix="job_assets-chromium-")
    process = await asyncio.create_subprocess_exec(
        executable,
        "--headless",
        "--no-sandbox",  # root in containers/CI; the pages are the crawl targets, not arbitrary input to a desktop
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",  # no update checks, no safe-browsing calls: only the crawl's traffic
        "--no-first-run",
        "--remote-debugging-address=127.0.0.1",
        "--remote-debugging-port=0",
        f"--user-data-dir={profile}",
        "about:blank",
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        ws_url = await asyncio.wait_for(_devtools_url(process), START_TIMEOUT_S)
        drain = asyncio.create_task(_drain(process))  # a full stderr pipe would block Chromium
        try:
            yield ws_url
        finally:
            drain.cancel()
    finally:
        if process.returncode is None:
            process.terminate()
            try:
                await asyncio.wait_for(process.wait(), 10)
            except TimeoutError:
                process.kill()
                await process.wait()
        shutil.rmtree(profile, ignore_errors=True)


async def _devtools_url(process: asyncio.subprocess.Process) -> str:
    assert process.stderr is not None
    seen: list[str] = []
    while line := (await process.stderr.readline()).decode(errors="replace"):
        match = _DEVTOOLS.search(line)
        if match:
            return match.group(1)
        seen.append(line.strip())
    raise ChromiumUnavailable(f"Chromium exited before opening DevTools: {' | '.join(seen[-5:])}")


async def _drain(process: asyncio.subprocess.Process) -> None:
    assert process.stderr is not None
    while await process.stderr.readline():
        pass
