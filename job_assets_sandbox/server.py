"""`AtsDevServer`: the sample boards served at the real Greenhouse, Lever and Ashby paths.

Each ATS lives under its own prefix so that its base URL looks like the real one:

    {url}/greenhouse/v1/boards/{board}/jobs?content=true          (GREENHOUSE_API_URL = {url}/greenhouse/v1)
    {url}/lever/v0/postings/{site}?mode=json&skip=0&limit=100     (LEVER_API_URL = {url}/lever/v0)
    {url}/ashby/posting-api/job-board/{board}?includeCompensation=true   (ASHBY_API_URL = {url}/ashby/posting-api)

Boards come from the sample catalogue (rendered per day), the synthetic scale catalogue, or saved answers:
`saved_boards=DIR` serves every `DIR/<ats>/<board>.json` byte for byte (a board saved from the real API, bad bytes
included; Lever is paged with `skip`/`limit` like the real one), ahead of the catalogues.

`LoopbackServer` (the reusable base with latency, faults and the request log) is re-exported from here.
"""

from __future__ import annotations

import html
import json
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from job_assets_sandbox.catalog import ashby, greenhouse, lever
from job_assets_sandbox.catalog.model import DAYS, SamplePosting
from job_assets_sandbox.catalog.sample import SampleCatalog, sample_catalog
from job_assets_sandbox.catalog.scale import ScaleCatalog
from job_assets_sandbox.loopback import FaultRule, LoopbackServer, Request, RequestRecord, Response

__all__ = ["AtsDevServer", "FaultRule", "LoopbackServer", "Request", "RequestRecord", "Response"]

GREENHOUSE_PREFIX = "/greenhouse/v1"
LEVER_PREFIX = "/lever/v0"
ASHBY_PREFIX = "/ashby/posting-api"

# Error bodies in each API's style.
GREENHOUSE_NOT_FOUND = {"status": 404, "error": "Not Found"}
GREENHOUSE_JOB_NOT_FOUND = {"status": 404, "error": "Job not found"}
LEVER_NOT_FOUND = {"ok": False, "error": "Document not found"}
ASHBY_NOT_FOUND = {"success": False, "errors": ["Job board not found"]}
ATS_NAMES = ("greenhouse", "lever", "ashby")


class BoardProvider(Protocol):
    def board(self, source: str, board: str, day: int = 1) -> list[SamplePosting] | None: ...


def _dumps(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def _is_true(value: str | None) -> bool:
    return value is not None and value.lower() == "true"


def saved_board_files(folder: Path) -> dict[tuple[str, str], Path]:
    """(ats, board) -> the saved answer, for every `<ats>/<board>.json` under `folder`."""
    return {(ats, path.stem): path for ats in ATS_NAMES for path in sorted((folder / ats).glob("*.json"))}


def _lever_page(raw: bytes, skip: int, limit: int | None) -> bytes:
    """A page of a saved Lever board: the saved bytes untouched when the board fits in the page."""
    if limit is None:
        return raw if skip == 0 else b"[]"
    postings = json.loads(raw.decode("utf-8", errors="surrogateescape"))
    if skip == 0 and len(postings) <= limit:
        return raw
    return json.dumps(postings[skip : skip + limit], ensure_ascii=False).encode(
        "utf-8", errors="surrogateescape"
    )


class AtsDevServer(LoopbackServer):
    """Serves the sample catalogue (and optional synthetic scale boards) in the three ATS formats."""

    def __init__(
        self,
        *,
        day: int = 1,
        scale: tuple[int, int] | ScaleCatalog | None = None,
        catalog: SampleCatalog | None = None,
        port: int = 0,
        latency: float = 0.0,
        saved_boards: Path | None = None,
    ) -> None:
        super().__init__(port=port, latency=latency)
        self.saved = saved_board_files(saved_boards) if saved_boards is not None else {}
        self.catalog = catalog or sample_catalog()
        self.scale = ScaleCatalog(*scale) if isinstance(scale, tuple) else scale
        self.day = day
        self._cache: OrderedDict[tuple[str, str, int, bool], tuple[bytes, ...] | None] = OrderedDict()
        self._cache_lock = threading.Lock()
        gh, lv, ab = GREENHOUSE_PREFIX, LEVER_PREFIX, ASHBY_PREFIX
        self.route(rf"{gh}/boards/(?P<board>[^/]+)/jobs/?", self._greenhouse_jobs)
        self.route(rf"{gh}/boards/(?P<board>[^/]+)/jobs/(?P<id>\d+)", self._greenhouse_job)
        self.route(rf"{gh}/boards/(?P<board>[^/]+)/?", self._greenhouse_board)
        self.route(rf"{lv}/postings/(?P<site>[^/]+)/?", self._lever_postings)
        self.route(rf"{lv}/postings/(?P<site>[^/]+)/(?P<id>[0-9a-f-]+)", self._lever_posting)
        self.route(rf"{ab}/job-board/(?P<board>[^/]+)/?", self._ashby_board)

    @property
    def day(self) -> int:
        return self._day

    @day.setter
    def day(self, value: int) -> None:
        """Switch every board to another day's postings, at once, while serving."""
        if value not in DAYS:
            raise ValueError(f"sample boards exist for days {DAYS[0]} to {DAYS[-1]}, not day {value}")
        self._day = value

    @property
    def greenhouse_url(self) -> str:
        return self.url + GREENHOUSE_PREFIX

    @property
    def lever_url(self) -> str:
        return self.url + LEVER_PREFIX

    @property
    def ashby_url(self) -> str:
        return self.url + ASHBY_PREFIX

    def env(self) -> dict[str, str]:
        """The settings that point the sources at this server."""
        return {
            "GREENHOUSE_API_URL": self.greenhouse_url,
            "LEVER_API_URL": self.lever_url,
            "ASHBY_API_URL": self.ashby_url,
        }

    # --- board lookup and rendering (cached per board, day and variant) ------------------------------------
    def _postings(self, source: str, board: str, day: int) -> list[SamplePosting] | None:
        found = self.catalog.board(source, board, day)
        if found is None and self.scale is not None:
            found = self.scale.board(source, board, day)
        return found

    def _fragments(
        self,
        source: str,
        board: str,
        day: int,
        variant: bool,
        render: Callable[[SamplePosting], dict[str, Any]],
    ) -> tuple[bytes, ...] | None:
        """Each posting of a board serialised on its own, so pages and envelopes are cheap joins."""
        key = (source, board, day, variant)
        with self._cache_lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        postings = self._postings(source, board, day)
        fragments = None if postings is None else tuple(_dumps(render(p)) for p in postings)
        with self._cache_lock:
            self._cache[key] = fragments
            while len(self._cache) > 256:
                self._cache.popitem(last=False)
        return fragments

    # --- Greenhouse -------------------------------------------------------------------------------------------
    def _greenhouse_jobs(self, request: Request) -> Response:
        saved = self.saved.get(("greenhouse", request.params["board"]))
        if saved is not None:
            return Response.raw_json(saved.read_bytes())
        day, content = self.day, _is_true(request.query.get("content"))
        fragments = self._fragments(
            "greenhouse",
            request.params["board"],
            day,
            content,
            lambda p: greenhouse.job(p, day, content=content),
        )
        if fragments is None:
            return Response.json(GREENHOUSE_NOT_FOUND, 404)
        body = b'{"jobs":[' + b",".join(fragments) + b'],"meta":{"total":%d}}' % len(fragments)
        return Response.raw_json(body)

    def _greenhouse_job(self, request: Request) -> Response:
        postings = self._postings("greenhouse", request.params["board"], self.day)
        if postings is None:
            return Response.json(GREENHOUSE_NOT_FOUND, 404)
        for posting in postings:
            if posting.source_id == request.params["id"]:
                transparency = _is_true(request.query.get("pay_transparency"))
                return Response.json(
                    greenhouse.job(posting, self.day, content=True, pay_transparency=transparency)
                )
        return Response.json(GREENHOUSE_JOB_NOT_FOUND, 404)

    def _greenhouse_board(self, request: Request) -> Response:
        postings = self._postings("greenhouse", request.params["board"], self.day)
        if postings is None:
            return Response.json(GREENHOUSE_NOT_FOUND, 404)
        board = request.params["board"]
        company = postings[0].company if postings else None
        about = "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in (company.about if company else ()))
        return Response.json({"name": company.name if company else board, "content": html.escape(about)})

    # --- Lever --------------------------------------------------------------------------------------------------
    def _lever_postings(self, request: Request) -> Response:
        day, site = self.day, request.params["site"]
        try:
            skip = int(request.query.get("skip") or 0)
            limit = int(request.query["limit"]) if request.query.get("limit") else None
        except ValueError:
            return Response.json({"ok": False, "error": "Invalid skip or limit"}, 400)
        if skip < 0 or (limit is not None and limit < 0):
            return Response.json({"ok": False, "error": "Invalid skip or limit"}, 400)
        saved = self.saved.get(("lever", site))
        if saved is not None:
            return Response.raw_json(_lever_page(saved.read_bytes(), skip, limit))
        fragments = self._fragments("lever", site, day, True, lambda p: lever.posting_json(p, day))
        if fragments is None:
            return Response.json(LEVER_NOT_FOUND, 404)
        page = fragments[skip:] if limit is None else fragments[skip : skip + limit]
        if request.query.get("mode") != "json":  # Lever's default mode is an HTML list
            titles = "".join(f"<li>{html.escape(json.loads(f)['text'])}</li>" for f in page)
            return Response.html(f"<html><body><ul class='postings'>{titles}</ul></body></html>")
        return Response.raw_json(b"[" + b",".join(page) + b"]")

    def _lever_posting(self, request: Request) -> Response:
        postings = self._postings("lever", request.params["site"], self.day) or []
        for posting in postings:
            if posting.source_id == request.params["id"]:
                return Response.json(lever.posting_json(posting, self.day))
        return Response.json(LEVER_NOT_FOUND, 404)

    # --- Ashby --------------------------------------------------------------------------------------------------
    def _ashby_board(self, request: Request) -> Response:
        saved = self.saved.get(("ashby", request.params["board"]))
        if saved is not None:
            return Response.raw_json(saved.read_bytes())
        day, comp = self.day, _is_true(request.query.get("includeCompensation"))
        fragments = self._fragments(
            "ashby",
            request.params["board"],
            day,
            comp,
            lambda p: ashby.job(p, day, include_compensation=comp),
        )
        if fragments is None:
            return Response.json(ASHBY_NOT_FOUND, 404)
        return Response.raw_json(b'{"apiVersion":"1","jobs":[' + b",".join(fragments) + b"]}")
