"""`RealWorldBoards`: saved real ATS answers served on loopback at the real API paths, byte for byte.

The real-world evaluation corpus (`job_assets_tests/data/realworld/`) holds one file per board as Greenhouse,
Lever or Ashby answered it. This server hands those bytes back unchanged (bad bytes included), under the
same per-ATS prefixes as the sample dev server, so the pipeline reads them exactly as it would read the
live APIs:

    {url}/greenhouse/v1/boards/{board}/jobs?content=true                (GREENHOUSE_API_URL = {url}/greenhouse/v1)
    {url}/lever/v0/postings/{site}?mode=json&skip=0&limit=100           (LEVER_API_URL = {url}/lever/v0)
    {url}/ashby/posting-api/job-board/{board}?includeCompensation=true  (ASHBY_API_URL = {url}/ashby/posting-api)

Lever pages with `skip`/`limit`: a board that fits in the first page is served as saved; a longer one is
sliced (and re-serialised) page by page. Unknown boards get each API's own 404 body.
"""

from __future__ import annotations

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Self
from urllib.parse import parse_qs, unquote, urlsplit

CORPUS_DIR = Path(__file__).resolve().parent.parent / "job_assets_tests" / "data" / "realworld"
ATS_DIRS = ("greenhouse", "lever", "ashby")

_ROUTES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("greenhouse", re.compile(r"^/greenhouse/v1/boards/(?P<board>[^/]+)/jobs/?$")),
    ("lever", re.compile(r"^/lever/v0/postings/(?P<board>[^/]+)/?$")),
    ("ashby", re.compile(r"^/ashby/posting-api/job-board/(?P<board>[^/]+)/?$")),
)
_NOT_FOUND: dict[str, Any] = {
    "greenhouse": {"status": 404, "error": "Not Found"},
    "lever": {"ok": False, "error": "Document not found"},
    "ashby": {"success": False, "errors": ["Job board not found"]},
}


def saved_boards(corpus: Path = CORPUS_DIR) -> dict[tuple[str, str], Path]:
    """(ats, board) -> the saved answer, for every `<ats>/<board>.json` in the corpus."""
    return {(ats, path.stem): path for ats in ATS_DIRS for path in sorted((corpus / ats).glob("*.json"))}


def _lever_page(raw: bytes, query: dict[str, list[str]]) -> bytes:
    skip = int(query.get("skip", ["0"])[0] or 0)
    limit = int(query.get("limit", ["0"])[0] or 0)
    if not limit:
        return raw if skip == 0 else b"[]"
    postings = json.loads(raw.decode("utf-8", errors="surrogateescape"))
    if skip == 0 and len(postings) <= limit:
        return raw  # the whole board fits in the first page: the saved bytes, untouched
    page = postings[skip : skip + limit]
    return json.dumps(page, ensure_ascii=False).encode("utf-8", errors="surrogateescape")


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "job-assets-realworld/1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        return

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        path, query = unquote(parts.path), parse_qs(parts.query)
        self.server.owner.requests.append(self.path)
        for ats, pattern in _ROUTES:
            match = pattern.match(path)
            if not match:
                continue
            saved = self.server.owner.boards.get((ats, match["board"]))
            if saved is None:
                return self._send(404, json.dumps(_NOT_FOUND[ats]).encode())
            raw = saved.read_bytes()
            return self._send(200, _lever_page(raw, query) if ats == "lever" else raw)
        self._send(404, b'{"error": "no such path"}')

    def _send(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    owner: RealWorldBoards


class RealWorldBoards:
    """A context manager: `with RealWorldBoards() as boards: env.update(boards.env())`."""

    def __init__(self, corpus: Path = CORPUS_DIR, port: int = 0) -> None:
        self.boards = saved_boards(corpus)
        self.requests: list[str] = []
        self._server = _Server(("127.0.0.1", port), _Handler)
        self._server.owner = self
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="realworld-boards", daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def env(self) -> dict[str, str]:
        """The settings that point the pipeline's ATS sources at this server."""
        return {
            "GREENHOUSE_API_URL": f"{self.url}/greenhouse/v1",
            "LEVER_API_URL": f"{self.url}/lever/v0",
            "ASHBY_API_URL": f"{self.url}/ashby/posting-api",
        }

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()
