"""AtsDevServer over real HTTP: the three ATS formats, Lever paging, days, faults, 404s, scale mode."""

from __future__ import annotations

import html
import json
from collections import Counter

import httpx
import pytest

from job_assets.registry import load_registry
from job_assets_sandbox import AtsDevServer, ScaleCatalog, sample_catalog, sample_registry_path

CATALOG = sample_catalog()


@pytest.fixture(scope="module")
def server():
    with AtsDevServer() as s:
        yield s


@pytest.fixture
def client():
    with httpx.Client(timeout=5) as c:
        yield c


@pytest.fixture(autouse=True)
def _reset(server: AtsDevServer):
    server.day = 1
    server.clear_faults()
    yield


def greenhouse(server: AtsDevServer, client: httpx.Client, board: str, **params: str) -> httpx.Response:
    return client.get(f"{server.greenhouse_url}/boards/{board}/jobs", params=params)


def lever(server: AtsDevServer, client: httpx.Client, site: str, **params: object) -> httpx.Response:
    return client.get(f"{server.lever_url}/postings/{site}", params={"mode": "json", **params})


def ashby(server: AtsDevServer, client: httpx.Client, board: str, **params: str) -> httpx.Response:
    return client.get(f"{server.ashby_url}/job-board/{board}", params=params)


def fetch_all(server: AtsDevServer, client: httpx.Client) -> dict[tuple[str, str], dict]:
    """Every posting of every sample board, keyed like parsed_postings (source, source_id)."""
    out: dict[tuple[str, str], dict] = {}
    for source, board in CATALOG.boards():
        if source == "greenhouse":
            jobs = greenhouse(server, client, board, content="true").json()["jobs"]
        elif source == "lever":
            jobs = lever(server, client, board).json()
        else:
            jobs = ashby(server, client, board, includeCompensation="true").json()["jobs"]
        out.update({(source, str(j["id"])): j for j in jobs})
    return out


def test_env_points_at_real_looking_base_urls(server: AtsDevServer) -> None:
    env = server.env()
    assert env == {
        "GREENHOUSE_API_URL": f"{server.url}/greenhouse/v1",
        "LEVER_API_URL": f"{server.url}/lever/v0",
        "ASHBY_API_URL": f"{server.url}/ashby/posting-api",
    }


def test_counts_match_the_catalogue(server: AtsDevServer, client: httpx.Client) -> None:
    postings = fetch_all(server, client)
    assert len(postings) == len(CATALOG.postings(1)) >= 150
    per_source = Counter(source for source, _ in postings)
    assert set(per_source) == {"greenhouse", "lever", "ashby"}
    companies = Counter(s for c in CATALOG.companies for s in c.boards)
    assert all(companies[s] >= 3 for s in ("greenhouse", "lever", "ashby"))


def test_greenhouse_format(server: AtsDevServer, client: httpx.Client) -> None:
    data = greenhouse(server, client, "northwindrobotics", content="true").json()
    assert set(data) == {"jobs", "meta"} and data["meta"]["total"] == len(data["jobs"]) > 10
    job = data["jobs"][0]
    for key in (
        "id",
        "internal_job_id",
        "title",
        "updated_at",
        "requisition_id",
        "location",
        "absolute_url",
        "metadata",
        "first_published",
        "company_name",
        "content",
        "departments",
        "offices",
    ):
        assert key in job, key
    assert isinstance(job["id"], int) and isinstance(job["location"]["name"], str)
    content = job["content"]
    assert content.startswith("&lt;") and "<p>" not in content  # entity-escaped, as the real API
    assert "&amp;nbsp;" in content and "&lt;script" in content
    unescaped = html.unescape(content)
    assert "<p>" in unescaped and "<li>" in unescaped and "<script" in unescaped
    bare = greenhouse(server, client, "northwindrobotics").json()["jobs"][0]
    assert not {"content", "departments", "offices"} & set(bare)
    # one requisition posted per city: same requisition and internal job id, one city each
    field = [j for j in data["jobs"] if j["title"] == "Field Service Technician"]
    assert len(field) == 5 and len({j["requisition_id"] for j in field}) == 1
    assert (
        len({j["internal_job_id"] for j in field}) == 1 and len({j["location"]["name"] for j in field}) == 5
    )


def test_greenhouse_single_job_with_pay_transparency(server: AtsDevServer, client: httpx.Client) -> None:
    job = greenhouse(server, client, "brightpathhealth", content="true").json()["jobs"][0]
    url = f"{server.greenhouse_url}/boards/brightpathhealth/jobs/{job['id']}"
    single = client.get(url, params={"pay_transparency": "true"}).json()
    assert (
        single["pay_input_ranges"][0]["min_cents"] == 3800
        and single["pay_input_ranges"][0]["currency_type"] == "USD"
    )
    assert "content-pay-transparency" in html.unescape(single["content"])
    missing = client.get(f"{server.greenhouse_url}/boards/brightpathhealth/jobs/1")
    assert missing.status_code == 404 and missing.json()["status"] == 404


def test_lever_format_and_paging(server: AtsDevServer, client: httpx.Client) -> None:
    everything = lever(server, client, "orbitalfreight").json()
    assert isinstance(everything, list) and len(everything) == 17
    posting = everything[0]
    for key in (
        "id",
        "text",
        "categories",
        "country",
        "createdAt",
        "description",
        "descriptionPlain",
        "lists",
        "additional",
        "additionalPlain",
        "hostedUrl",
        "applyUrl",
        "workplaceType",
    ):
        assert key in posting, key
    assert set(posting["categories"]) == {"location", "commitment", "team", "department", "allLocations"}
    assert isinstance(posting["createdAt"], int) and posting["lists"][0]["content"].startswith("<li>")
    assert any("salaryRange" in p for p in everything)

    pages, skip = [], 0
    while True:  # the real API's contract: a plain list per page, stop at a short page
        page = lever(server, client, "orbitalfreight", skip=skip, limit=5).json()
        pages.append(page)
        if len(page) < 5:
            break
        skip += 5
    assert [len(p) for p in pages] == [5, 5, 5, 2]
    assert [p["id"] for page in pages for p in page] == [p["id"] for p in everything]
    assert lever(server, client, "orbitalfreight", skip=100, limit=5).json() == []
    assert lever(server, client, "orbitalfreight", skip="x").status_code == 400
    listing = client.get(f"{server.lever_url}/postings/orbitalfreight")  # no mode=json: HTML, like Lever
    assert listing.headers["content-type"].startswith("text/html")


def test_ashby_format_and_compensation_flag(server: AtsDevServer, client: httpx.Client) -> None:
    data = ashby(server, client, "lumengrid", includeCompensation="true").json()
    assert data["apiVersion"] == "1"
    job = data["jobs"][0]
    for key in (
        "id",
        "title",
        "department",
        "team",
        "employmentType",
        "location",
        "secondaryLocations",
        "publishedAt",
        "isListed",
        "isRemote",
        "workplaceType",
        "address",
        "jobUrl",
        "applyUrl",
        "descriptionHtml",
        "descriptionPlain",
        "compensation",
    ):
        assert key in job, key
    assert "postalAddress" in job["address"]
    tiered = [j for j in data["jobs"] if len(j["compensation"]["compensationTiers"]) > 1]
    assert tiered and tiered[0]["compensation"]["summaryComponents"][0]["compensationType"] == "Salary"
    component = tiered[0]["compensation"]["compensationTiers"][0]["components"][0]
    assert set(component) >= {"compensationType", "interval", "currencyCode", "minValue", "maxValue"}
    empty = [j for j in data["jobs"] if not j["compensation"]["compensationTiers"]]
    assert empty and empty[0]["compensation"]["compensationTierSummary"] is None
    plain = ashby(server, client, "lumengrid").json()
    assert all("compensation" not in j for j in plain["jobs"])
    assert ashby(server, client, "lumengrid", includeCompensation="false").json() == plain


def test_unknown_boards_are_404_in_each_api_style(server: AtsDevServer, client: httpx.Client) -> None:
    gh = greenhouse(server, client, "no-such-board")
    assert gh.status_code == 404 and gh.json()["status"] == 404
    lv = lever(server, client, "no-such-site")
    assert lv.status_code == 404 and lv.json() == {"ok": False, "error": "Document not found"}
    ab = ashby(server, client, "no-such-board")
    assert ab.status_code == 404 and ab.json()["success"] is False


def test_day_two_closes_and_opens_postings(server: AtsDevServer, client: httpx.Client) -> None:
    day1 = fetch_all(server, client)
    server.day = 2
    day2 = fetch_all(server, client)
    changes = CATALOG.changes(2)
    assert set(day1) - set(day2) == set(changes.removed) and changes.removed
    assert set(day2) - set(day1) == set(changes.added) and changes.added
    edited = set(changes.edited)
    assert edited and all(day1[k]["updated_at"] != day2[k]["updated_at"] for k in edited)
    unchanged = (set(day1) & set(day2)) - edited
    assert len(unchanged) > 140
    assert all(json.dumps(day1[k]) == json.dumps(day2[k]) for k in unchanged)  # byte for byte
    server.day = 3
    day3 = fetch_all(server, client)
    assert set(day3) - set(day2) == set(CATALOG.changes(3).added) != set()
    reopened = next(iter(set(day3) - set(day2)))
    assert day3[reopened] == day1[reopened]  # same id, same content as before it closed
    with pytest.raises(ValueError):
        server.day = 4


def test_faults_apply_to_ats_paths(server: AtsDevServer, client: httpx.Client) -> None:
    server.rate_limit(r"^/greenhouse/v1/boards/tidewater/", retry_after=1)
    first = greenhouse(server, client, "tidewater")
    assert first.status_code == 429 and first.headers["Retry-After"] == "1"
    assert greenhouse(server, client, "tidewater").status_code == 200
    server.fail(r"^/lever/", 500, times=2)
    assert [lever(server, client, "quillstone").status_code for _ in range(3)] == [500, 500, 200]
    server.hang(r"^/ashby/")
    with pytest.raises(httpx.ReadTimeout):
        client.get(f"{server.ashby_url}/job-board/kestrel", timeout=0.2)


def test_scale_mode_serves_synthetic_boards(client: httpx.Client, tmp_path) -> None:
    scale = ScaleCatalog(30, 50)
    registry = load_registry(scale.write_registry(tmp_path / "scale.yaml"))
    assert len(registry) == 30
    with AtsDevServer(scale=scale) as server:
        seen: set[tuple[str, str]] = set()
        for company in registry:
            source = company.sources[0]
            if source.type == "greenhouse":
                jobs = greenhouse(server, client, source.board, content="true").json()["jobs"]
            elif source.type == "lever":
                jobs = lever(server, client, source.site, limit=100).json()
            else:
                jobs = ashby(server, client, source.board, includeCompensation="true").json()["jobs"]
            assert len(jobs) == 50
            seen |= {(source.type, str(j["id"])) for j in jobs}
        assert len(seen) == 30 * 50
        assert greenhouse(server, client, "bench0030").status_code == 404  # past N
        assert lever(server, client, "bench-0000").status_code == 404  # company 0 is on Greenhouse
        assert greenhouse(server, client, "northwindrobotics").status_code == 200  # samples still served


def test_sample_registry_lists_every_served_board() -> None:
    companies = load_registry(sample_registry_path())
    served = {
        (s.type, getattr(s, "board", None) or getattr(s, "site", None)) for c in companies for s in c.sources
    }
    assert set(CATALOG.boards()) <= served
    slugs = {c.slug for c in CATALOG.companies}
    assert slugs <= {c.slug for c in companies}
    names = {c.slug: c.name for c in companies}
    assert all(names[c.slug] == c.name for c in CATALOG.companies)


def test_saved_boards_are_served_byte_for_byte_ahead_of_the_catalogue(tmp_path, client: httpx.Client) -> None:
    (tmp_path / "greenhouse").mkdir()
    (tmp_path / "lever").mkdir()
    (tmp_path / "ashby").mkdir()
    greenhouse_body = b'{"jobs":[{"id":1,"title":"Caf\xe9 Manager"}],"meta":{"total":1}}'  # bad UTF-8 kept
    (tmp_path / "greenhouse" / "northwind.json").write_bytes(greenhouse_body)
    lever_board = [{"id": f"id-{i}", "text": f"Role {i}"} for i in range(5)]
    lever_body = json.dumps(lever_board, indent=1).encode()
    (tmp_path / "lever" / "saved-site.json").write_bytes(lever_body)
    (tmp_path / "ashby" / "saved.json").write_bytes(b'{"apiVersion":"1","jobs":[]}')
    with AtsDevServer(saved_boards=tmp_path) as s:
        assert client.get(f"{s.greenhouse_url}/boards/northwind/jobs?content=true").content == greenhouse_body
        whole = client.get(f"{s.lever_url}/postings/saved-site", params={"mode": "json", "limit": "100"})
        assert whole.content == lever_body  # fits in one page: untouched
        pages = [
            client.get(
                f"{s.lever_url}/postings/saved-site", params={"mode": "json", "skip": k, "limit": 2}
            ).json()
            for k in (0, 2, 4, 6)
        ]
        assert [p["id"] for page in pages for p in page] == [p["id"] for p in lever_board]
        assert client.get(f"{s.ashby_url}/job-board/saved").json() == {"apiVersion": "1", "jobs": []}
        # boards that were not saved still come from the catalogue
        board = CATALOG.boards("ashby")[0][1]
        assert client.get(f"{s.ashby_url}/job-board/{board}").json()["jobs"]
