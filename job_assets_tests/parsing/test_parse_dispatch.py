from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import polars as pl
import pytest

from job_assets.parsing.dispatch import PARSERS, ParseProblem, empty_parsed_frame, parse_raw_frame
from job_assets.parsing.record import PostingContext, PostingFields, build_record
from job_assets.parsing.schema import PARSED_SCHEMA
from job_assets.sources.base import RAW_SCHEMA
from job_assets_tests.parsing.samples import FETCHED_AT, payload, raw


def _all_three() -> pl.DataFrame:
    return raw(
        [
            ("greenhouse", payload("greenhouse_job")),
            ("lever", payload("lever_job")),
            ("ashby", payload("ashby_job")),
        ]
    )


def test_frame_is_exactly_the_parsed_schema() -> None:
    result = parse_raw_frame(_all_three(), "Acme Robotics")
    assert result.problems == []
    assert result.frame.schema == pl.Schema(PARSED_SCHEMA)
    assert result.frame.columns == list(PARSED_SCHEMA)
    assert result.frame["posting_key"].to_list() == [
        "greenhouse:4012345007",
        "lever:5ac21346-8e0c-4494-8e7a-3eb92ff77902",
        "ashby:0e1f2a3b-4c5d-6e7f-8091-a2b3c4d5e6f7",
    ]
    assert result.frame["company_name"].unique().to_list() == ["Acme Robotics"]
    assert result.frame["fetched_at"].to_list() == [FETCHED_AT] * 3
    assert result.frame["locations"].to_list()[2] == ["Berlin", "London", "Amsterdam"]


def test_empty_inputs_give_the_empty_schema_frame() -> None:
    assert empty_parsed_frame().schema == pl.Schema(PARSED_SCHEMA)
    assert empty_parsed_frame().height == 0
    result = parse_raw_frame(pl.DataFrame(schema=RAW_SCHEMA), "Acme")
    assert result.frame.schema == pl.Schema(PARSED_SCHEMA)
    assert result.frame.height == 0
    assert result.problems == []


def test_malformed_postings_are_skipped_and_reported() -> None:
    frame = raw(
        [
            ("greenhouse", payload("greenhouse_job")),
            ("greenhouse", {"id": 55, "content": "&lt;p&gt;no title&lt;/p&gt;"}),
            ("lever", {"id": "lv-1", "text": ["not", "a", "string"]}),
            ("ashby", {"title": "No id"}),
            ("ashby", {"id": "ab-2", "title": "Bad date", "publishedAt": "last tuesday"}),
            ("workable", {"id": "wk-1", "title": "Unregistered source"}),
            ("lever", payload("lever_job")),
        ]
    )
    broken_json = pl.DataFrame(
        [
            {**frame.row(0, named=True), "source_id": "77", "payload": "{not json"},
            {**frame.row(0, named=True), "source_id": "78", "payload": "[1, 2]"},
        ],
        schema=RAW_SCHEMA,
    )
    result = parse_raw_frame(pl.concat([frame, broken_json]), "Acme")
    assert result.frame["posting_key"].to_list() == [
        "greenhouse:4012345007",
        "lever:5ac21346-8e0c-4494-8e7a-3eb92ff77902",
    ]
    reasons = {p.posting_key: p.reason for p in result.problems}
    assert list(reasons) == [
        "greenhouse:55",
        "lever:lv-1",
        "ashby:#row3",
        "ashby:ab-2",
        "workable:wk-1",
        "greenhouse:77",
        "greenhouse:78",
    ]
    assert reasons["greenhouse:55"] == "missing title"
    assert reasons["lever:lv-1"] == "text: expected string, got array"
    assert reasons["ashby:#row3"] == "missing id"
    assert reasons["ashby:ab-2"].startswith("publishedAt: not an ISO 8601 timestamp")
    assert reasons["workable:wk-1"].startswith("no parser for source 'workable'")
    assert reasons["greenhouse:77"].startswith("payload is not valid JSON")
    assert reasons["greenhouse:78"] == "payload is not a JSON object (got list)"
    assert result.problem_lines()[0] == "greenhouse:55: missing title"


def test_a_parser_crash_is_reported_for_that_posting_only() -> None:
    def crashing(payload: dict[str, Any], ctx: PostingContext) -> dict[str, Any]:
        if payload["id"] == "boom":
            raise ZeroDivisionError("division by zero")
        return PARSERS["lever"](payload, ctx)

    frame = raw([("lever", {"id": "boom", "text": "x"}), ("lever", {"id": "ok", "text": "Fine"})])
    result = parse_raw_frame(frame, "Acme", parsers={"lever": crashing})
    assert result.frame["posting_key"].to_list() == ["lever:ok"]
    assert result.problems == [ParseProblem("lever:boom", "unexpected ZeroDivisionError: division by zero")]


def test_a_new_source_registers_with_one_entry_and_bad_records_are_caught() -> None:
    def workable(payload: dict[str, Any], ctx: PostingContext) -> dict[str, Any]:
        fields = PostingFields(
            source_id=payload["id"], title=payload["title"], workplace=payload.get("workplace")
        )
        return build_record(ctx, fields)

    parsers = {**PARSERS, "workable": workable}
    frame = raw(
        [
            ("workable", {"id": "wk-1", "title": "Welder"}),
            ("workable", {"id": "wk-2", "title": "Painter", "workplace": "on the moon"}),
        ]
    )
    result = parse_raw_frame(frame, "Acme", parsers=parsers)
    assert result.frame["posting_key"].to_list() == ["workable:wk-1"]
    assert result.problems == [
        ParseProblem("workable:wk-2", "workplace: 'on the moon' is not one of remote, hybrid, onsite")
    ]


def test_duplicate_posting_keys_keep_the_latest_fetch() -> None:
    old, new = payload("lever_job"), payload("lever_job")
    new["text"] = "Senior Platform Engineer"
    earlier = raw([("lever", old)], fetched_at=FETCHED_AT - timedelta(days=1))
    later = raw([("lever", new)], fetched_at=FETCHED_AT)
    other = raw([("ashby", payload("ashby_job"))])
    for frame in (pl.concat([earlier, other, later]), pl.concat([later, other, earlier])):
        result = parse_raw_frame(frame, "Acme")
        assert result.frame.height == 2
        assert result.duplicates == 1
        lever_row = result.frame.filter(pl.col("source") == "lever").row(0, named=True)
        assert lever_row["title"] == "Senior Platform Engineer"
        assert lever_row["fetched_at"] == FETCHED_AT


def test_duplicates_fetched_together_keep_the_latest_update_then_the_last_row() -> None:
    a, b, c = payload("ashby_job"), payload("ashby_job"), payload("ashby_job")
    a["title"], a["updatedAt"] = "Newest", "2024-05-02T00:00:00Z"
    b["title"], b["updatedAt"] = "Older", "2024-05-01T00:00:00Z"
    c["title"], c["updatedAt"] = "Newest again", "2024-05-02T00:00:00Z"
    result = parse_raw_frame(raw([("ashby", a), ("ashby", b)]), "Acme")
    assert result.frame["title"].to_list() == ["Newest"]
    result = parse_raw_frame(raw([("ashby", a), ("ashby", b), ("ashby", c)]), "Acme")
    assert result.frame["title"].to_list() == ["Newest again"]
    assert result.duplicates == 2


def _hash_of(source: str, job: dict[str, Any], fetched_at: datetime = FETCHED_AT) -> str:
    result = parse_raw_frame(raw([(source, job)], fetched_at=fetched_at), "Acme")
    assert result.problems == []
    return result.frame["content_hash"][0]


@pytest.mark.parametrize(
    ("source", "name"), [("greenhouse", "greenhouse_job"), ("lever", "lever_job"), ("ashby", "ashby_job")]
)
def test_content_hash_ignores_key_order_and_fetch_time_but_not_content(source: str, name: str) -> None:
    job = payload(name)
    reordered = dict(reversed(list(job.items())))
    assert list(reordered) != list(job)
    base = _hash_of(source, job)
    assert _hash_of(source, reordered) == base
    assert _hash_of(source, job, fetched_at=FETCHED_AT + timedelta(hours=5)) == base
    retitled = payload(name)
    retitled["text" if source == "lever" else "title"] += " II"
    assert _hash_of(source, retitled) != base


def test_content_hash_ignores_raw_noise_that_does_not_change_the_parsed_content() -> None:
    job = payload("greenhouse_job")
    noisy = payload("greenhouse_job")
    noisy["internal_job_id"] = 999  # parsed as requisition_id, an identity column outside the hash
    noisy["content"] = noisy["content"].replace("&lt;/p&gt;", "&lt;/p&gt;\n\n   ")  # only whitespace
    assert _hash_of("greenhouse", noisy) == _hash_of("greenhouse", job)
    moved = payload("greenhouse_job")
    moved["location"]["name"] = "Austin, TX"
    assert _hash_of("greenhouse", moved) != _hash_of("greenhouse", job)


def test_content_hash_is_recomputable_from_the_frame_row() -> None:
    from job_assets.parsing.record import content_hash

    row = parse_raw_frame(_all_three(), "Acme").frame.row(1, named=True)
    assert content_hash(row) == row["content_hash"]


def test_raw_frame_without_the_raw_columns_is_a_caller_error() -> None:
    with pytest.raises(ValueError, match="missing columns \\['payload'\\]"):
        parse_raw_frame(_all_three().drop("payload"), "Acme")
