"""The searches file: what loads, and errors that name the file, the search and the field."""

from pathlib import Path

import pytest
import yaml

from job_assets.matching.searches import SearchesError, load_searches, parse_searches

VALID = {
    "profile": {
        "skills": ["Python", "SQL"],
        "seniority": ["senior"],
        "min_annual_pay": 90000,
        "currency": "gbp",
    },
    "exchange_rates": {"base": "USD", "rates": {"EUR": 1.08, "GBP": 1.27}},
    "searches": [
        {
            "name": "data-eng",
            "keywords": "data engineer",
            "companies": ["northwind-robotics"],
            "locations": ["Berlin", "remote"],
            "remote": ["remote", "hybrid"],
            "seniority": ["senior", "staff"],
            "employment_types": ["full_time"],
            "min_annual_pay": 120000,
            "currency": "usd",
            "skills": {"must": ["Python"], "nice": ["dbt"]},
            "exclude_keywords": ["manager"],
            "exclude_companies": ["kestrel"],
            "posted_within_days": 14,
            "notify": ["json://127.0.0.1:9/hook", "$MY_SLACK_URL"],
        },
        {"name": "anything"},
    ],
}


def write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "searches.yaml"
    path.write_text(yaml.safe_dump(data) if not isinstance(data, str) else data)
    return path


def test_a_full_file_loads_with_normalised_values(tmp_path: Path) -> None:
    loaded = load_searches(write(tmp_path, VALID))
    assert loaded is not None
    search = loaded.searches[0]
    assert search.keywords == ["data engineer"]  # one string is one alternative
    assert search.currency == "USD" and loaded.profile.currency == "GBP"
    assert search.skills.must == ["python"] and loaded.profile.skills == ["python", "sql"]
    assert loaded.searches[1].max_results == 100 and loaded.exchange_rates.rates["EUR"] == 1.08


def test_no_file_is_no_searches_not_an_error(tmp_path: Path) -> None:
    assert load_searches(tmp_path / "absent.yaml") is None
    assert parse_searches(None).searches == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"min_annual_pay": "lots"}, "search 'data-eng': field min_annual_pay: Input should be a valid number"),
        ({"currency": None}, "search 'data-eng': field (the search): min_annual_pay needs a currency"),
        ({"currency": "dollars"}, "search 'data-eng': field currency: must be an ISO 4217 code"),
        ({"seniority": ["senor"]}, "search 'data-eng': field seniority: unknown value(s) ['senor']"),
        ({"remote": ["anywhere"]}, "search 'data-eng': field remote.0: Input should be 'remote', 'hybrid' or 'onsite'"),
        ({"employment_types": ["fulltime"]}, "search 'data-eng': field employment_types: unknown value(s)"),
        ({"min_anual_pay": 1}, "search 'data-eng': field min_anual_pay: unknown key"),
        ({"skills": ["python"]}, "search 'data-eng': field skills: Input should be a valid dictionary"),
        ({"posted_within_days": 0}, "search 'data-eng': field posted_within_days: Input should be greater than or equal to 1"),
        ({"keywords": ["data", "--"]}, "search 'data-eng': field keywords: ['--'] has no word to search for"),
        ({"notify": ["not a url"]}, "search 'data-eng': field notify: each entry must be an Apprise URL"),
        ({"name": "Data Eng"}, "search 'Data Eng': field name: must be lowercase letters"),
    ],
)  # fmt: skip
def test_errors_name_file_search_and_field(tmp_path: Path, change: dict, expected: str) -> None:
    data = yaml.safe_load(yaml.safe_dump(VALID))
    data["searches"][0].update(change)
    path = write(tmp_path, data)
    with pytest.raises(SearchesError) as error:
        load_searches(path)
    assert f"{path}: {expected}" in str(error.value)


def test_file_level_errors(tmp_path: Path) -> None:
    with pytest.raises(SearchesError, match=r"searches.yaml: not valid YAML"):
        load_searches(write(tmp_path, "searches: [name: x\n"))
    with pytest.raises(SearchesError, match=r"expected a mapping with a `searches:` list, got list"):
        load_searches(write(tmp_path, [1, 2]))
    with pytest.raises(SearchesError, match=r"search 'a': field name: used by more than one search"):
        load_searches(write(tmp_path, {"searches": [{"name": "a"}, {"name": "a"}]}))
    with pytest.raises(SearchesError, match=r"search #2: field name: Field required"):
        load_searches(write(tmp_path, {"searches": [{"name": "a"}, {"keywords": ["x"]}]}))
    with pytest.raises(SearchesError, match=r"profile: field seniority: unknown value"):
        load_searches(write(tmp_path, {"profile": {"seniority": ["boss"]}}))
    with pytest.raises(
        SearchesError, match=r"exchange_rates: field rates: Value error|exchange_rates: field rates"
    ):
        load_searches(write(tmp_path, {"exchange_rates": {"base": "USD", "rates": {"EUR": -1}}}))


def test_notify_reads_environment_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    search = parse_searches(VALID).searches[0]
    monkeypatch.delenv("MY_SLACK_URL", raising=False)
    with pytest.raises(
        SearchesError, match=r"search 'data-eng': notify names \$MY_SLACK_URL, which is not set"
    ):
        search.notify_urls()
    monkeypatch.setenv("MY_SLACK_URL", "slack://T000/B000/XXXX")
    assert search.notify_urls() == ["json://127.0.0.1:9/hook", "slack://T000/B000/XXXX"]
