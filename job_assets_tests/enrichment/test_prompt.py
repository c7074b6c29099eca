"""The prompt: a byte-identical prefix, the posting last, long descriptions cut or routed."""

from __future__ import annotations

import pytest

from job_assets.enrichment.prompt import (
    SYSTEM_PROMPT,
    TRUNCATION_MARK,
    PostingText,
    build_prompt,
    estimate_tokens,
    parse_posting_text,
    truncate_at_sentence,
)

from .conftest import parsed_row


def test_prefix_is_identical_and_free_of_posting_data() -> None:
    prompts = [
        build_prompt(PostingText.from_row(parsed_row(i)), context_tokens=4096, answer_tokens=512)
        for i in range(4)
    ]
    assert {p.messages[0]["content"] for p in prompts} == {SYSTEM_PROMPT}
    assert all(p.messages[0]["role"] == "system" for p in prompts)
    assert len({p.messages[1]["content"] for p in prompts}) == 4  # the posting differs, and comes last
    for i in range(4):
        row = parsed_row(i)
        assert row["posting_key"] not in SYSTEM_PROMPT and row["url"] not in prompts[i].messages[1]["content"]
    assert "2025" not in SYSTEM_PROMPT


def test_posting_text_round_trips_for_the_test_server() -> None:
    posting = PostingText.from_row(parsed_row(1, locations=["London", "Remote - UK"]))
    title, locations, description = parse_posting_text(posting.header() + posting.description)
    assert (title, list(locations), description) == (
        posting.title,
        ["London", "Remote - UK"],
        posting.description,
    )


def test_truncation_ends_at_a_sentence_boundary() -> None:
    text = " ".join(f"Sentence number {i} says something about the role." for i in range(200))
    cut, truncated = truncate_at_sentence(text, 100)
    assert truncated and cut.endswith(".") and text.startswith(cut)
    assert estimate_tokens(cut) <= 100
    assert truncate_at_sentence("Short.", 100) == ("Short.", False)


def test_long_description_is_truncated_without_a_long_endpoint() -> None:
    long_text = "We build reliable systems for our customers every day. " * 2000
    prompt = build_prompt(
        PostingText.from_row(parsed_row(0, description_text=long_text)),
        context_tokens=4096,
        answer_tokens=512,
    )
    assert prompt.truncated and not prompt.long_context
    assert prompt.messages[1]["content"].endswith(TRUNCATION_MARK)
    assert prompt.estimated_tokens + 512 <= 4096
    assert prompt.messages[0]["content"] == SYSTEM_PROMPT


def test_long_description_goes_whole_to_the_long_endpoint() -> None:
    long_text = "We build reliable systems for our customers every day. " * 1000
    posting = PostingText.from_row(parsed_row(0, description_text=long_text))
    prompt = build_prompt(posting, context_tokens=4096, answer_tokens=512, long_context_tokens=65536)
    assert prompt.long_context and not prompt.truncated
    assert prompt.messages[1]["content"].endswith(long_text)
    short = build_prompt(
        PostingText.from_row(parsed_row(0)), context_tokens=4096, answer_tokens=512, long_context_tokens=65536
    )
    assert not short.long_context


def test_a_context_too_small_for_the_prefix_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="leaves no room"):
        build_prompt(PostingText.from_row(parsed_row(0)), context_tokens=600, answer_tokens=512)
