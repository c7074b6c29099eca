from pathlib import Path

import pytest
import yaml

from job_assets.config import PROJECT_ROOT
from job_assets.registry import RegistryError, load_registry, parse_registry


def write(tmp_path: Path, companies: list[dict]) -> Path:
    path = tmp_path / "companies.yaml"
    path.write_text(yaml.safe_dump({"companies": companies}))
    return path


def gh(board: str = "acme") -> dict:
    return {"type": "greenhouse", "board": board}


def test_shipped_registry_is_valid_and_has_three_companies_per_ats() -> None:
    companies = load_registry(PROJECT_ROOT / "data" / "companies.yaml")
    per_type: dict[str, int] = {}
    for company in companies:
        for source in company.sources:
            per_type[source.type] = per_type.get(source.type, 0) + 1
    assert {k: v >= 3 for k, v in per_type.items()} == {"greenhouse": True, "lever": True, "ashby": True}


def test_valid_registry_with_every_source_type(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        [
            {
                "slug": "acme-robotics",
                "name": "Acme Robotics",
                "sources": [
                    gh("acmerobotics"),
                    {"type": "lever", "site": "acme"},
                    {"type": "ashby", "board": "acme"},
                    {"type": "careers_page", "url": "https://acme.example/careers", "max_pages": 5},
                    {"type": "jobspy", "sites": ["indeed"], "search_term": "Acme Robotics"},
                ],
            }
        ],
    )
    [company] = load_registry(path)
    assert company.slug == "acme-robotics"
    assert [s.type for s in company.sources] == ["greenhouse", "lever", "ashby", "careers_page", "jobspy"]
    assert company.sources[3].max_pages == 5


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        (
            {"slug": "Acme Co", "name": "A", "sources": [gh()]},
            "company Acme Co: field slug: must be lowercase",
        ),
        (
            {"slug": "acme", "name": "A", "sources": [{"type": "workday", "x": 1}]},
            "unknown source type 'workday'",
        ),
        (
            {"slug": "acme", "name": "A", "sources": [{"type": "greenhouse"}]},
            "company acme: field sources.0.board",
        ),
        ({"slug": "acme", "name": "A", "sources": [{"board": "x"}]}, "source has no 'type'"),
        ({"slug": "acme", "name": "A", "sources": []}, "company acme: field sources"),
        ({"name": "A", "sources": [gh()]}, "company entry #1: field slug: Field required"),
        (
            {"slug": "acme", "name": "A", "sources": [{"type": "lever", "site": "x", "sitee": 1}]},
            "sources.0.sitee",
        ),
    ],
)
def test_invalid_entries_name_file_company_and_field(tmp_path: Path, entry: dict, expected: str) -> None:
    path = write(tmp_path, [entry])
    with pytest.raises(RegistryError) as error:
        load_registry(path)
    assert str(path) in str(error.value)
    assert expected in str(error.value)


def test_duplicate_slug(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        [{"slug": "a", "name": "A", "sources": [gh()]}, {"slug": "a", "name": "B", "sources": [gh()]}],
    )
    with pytest.raises(RegistryError, match="company a: field slug: duplicate slug"):
        load_registry(path)


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    path = write(
        tmp_path, [{"slug": "A", "name": "A", "sources": [gh()]}, {"slug": "b", "name": "B", "sources": []}]
    )
    with pytest.raises(RegistryError) as error:
        load_registry(path)
    assert "company A" in str(error.value) and "company b" in str(error.value)


def test_missing_file_and_bad_yaml(tmp_path: Path) -> None:
    with pytest.raises(RegistryError, match="not found"):
        load_registry(tmp_path / "nope.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("companies: [\n")
    with pytest.raises(RegistryError, match="not valid YAML"):
        load_registry(bad)
    with pytest.raises(RegistryError, match="'companies' list"):
        parse_registry({"company": []}, bad)


def test_registry_is_parsed_once_per_version_of_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    import job_assets.registry as registry

    path = write(tmp_path, [{"slug": "acme", "name": "Acme", "sources": [gh()]}])
    parses: list[object] = []
    real_parse = registry.parse_registry
    monkeypatch.setattr(registry, "parse_registry", lambda data, p: parses.append(p) or real_parse(data, p))
    first = load_registry(path)
    assert load_registry(path) == first and load_registry(str(path)) == first
    assert len(parses) == 1  # the second and third reads came from the cache

    path.write_text(
        yaml.safe_dump({"companies": [{"slug": "beta", "name": "Beta", "sources": [gh("beta")]}]})
    )
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))  # an edit within the same clock tick
    assert [c.slug for c in load_registry(path)] == ["beta"] and len(parses) == 2

    path.write_text("companies: [")  # a broken edit is an error, never the stale cached registry
    with pytest.raises(RegistryError, match="not valid YAML"):
        load_registry(path)


def test_the_resource_resolves_a_runs_companies_from_one_read(tmp_path: Path) -> None:
    import dagster as dg

    from job_assets.resources import RegistryResource

    path = write(tmp_path, [{"slug": s, "name": s.title(), "sources": [gh(s)]} for s in ("a", "b", "c")])
    resource = RegistryResource(path=str(path))
    assert [c.slug for c in resource.companies(["c", "a"])] == ["c", "a"]
    assert resource.company("b").name == "B"
    with pytest.raises(dg.Failure, match=r"\['zz'\] are partitions but not in"):
        resource.companies(["a", "zz"])
