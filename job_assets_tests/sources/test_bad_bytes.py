"""One invalid UTF-8 byte in an ATS answer costs one character, never the board.

A real Lever answer from the real-world corpus is served byte for byte on loopback by `RealWorldBoards`, with a
stray Latin-1 byte written into one posting's title (what a misconfigured proxy or a hand-edited feed produces).
"""

from __future__ import annotations

import asyncio
import json
import logging
from pathlib import Path

import pytest

from job_assets.registry import Company
from job_assets.sources.fetch import FetchResult, fetch_companies
from job_assets.sources.http import decode_utf8
from job_assets_sandbox.realworld_boards import CORPUS_DIR, RealWorldBoards
from job_assets_tests.defaults import api_urls, http_policy

POLICY = http_policy(timeout_s=5, retries=1, backoff_s=0.01, max_backoff_s=0.02)
BOARD = "leverdemo"


def _corpus_with_a_bad_byte(root: Path) -> tuple[list[dict], str]:
    """A corpus dir holding the saved Lever board with byte 0xE9 ("é" in Latin-1) inside one posting's title."""
    raw = (CORPUS_DIR / "lever" / f"{BOARD}.json").read_bytes()
    postings = json.loads(raw)
    target = postings[1]["text"]
    assert raw.count(json.dumps(target, ensure_ascii=False).encode()) == 1
    broken = target[:3] + "\udce9" + target[3:]  # a lone surrogate: encoded below as the raw byte 0xE9
    bad = raw.replace(
        json.dumps(target, ensure_ascii=False).encode(),
        json.dumps(broken, ensure_ascii=False).encode("utf-8", errors="surrogateescape"),
    )
    (root / "lever").mkdir(parents=True)
    (root / "lever" / f"{BOARD}.json").write_bytes(bad)
    with pytest.raises(UnicodeDecodeError):
        bad.decode("utf-8")
    return postings, target


def test_a_bad_byte_is_replaced_and_every_posting_kept(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    saved, target = _corpus_with_a_bad_byte(tmp_path)
    company = Company(slug="leverdemo", name="Lever Demo", sources=[{"type": "lever", "site": BOARD}])
    with RealWorldBoards(corpus=tmp_path) as server, caplog.at_level(logging.WARNING):
        urls = api_urls(lever=f"{server.url}/lever/v0")
        result = asyncio.run(fetch_companies([company], POLICY, urls))[company.slug]
    assert isinstance(result, FetchResult), result
    assert [p.source_id for p in result.postings] == [p["id"] for p in saved]  # nothing lost
    titles = [p.payload["text"] for p in result.postings]
    assert titles[1] == target[:3] + "\ufffd" + target[3:]
    assert titles[0] == saved[0]["text"] and titles[2:] == [p["text"] for p in saved[2:]]
    (warning,) = result.warnings
    assert "lever" in warning and "1 invalid UTF-8 byte" in warning and f"/postings/{BOARD}" in warning
    assert any("1 invalid UTF-8 byte" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize(
    ("content", "text", "replaced"),
    [
        (b'{"a": "caf\xc3\xa9"}', '{"a": "café"}', 0),
        (b'\xef\xbb\xbf{"a": 1}', '{"a": 1}', 0),  # a BOM is not an error
        (b'{"a": "caf\xe9"}', '{"a": "caf\ufffd"}', 1),
        (b'{"a": "\xc3"}', '{"a": "\ufffd"}', 1),  # a truncated sequence
        (
            b'{"a": "\x80\x80 \xef\xbf\xbd"}',
            '{"a": "\ufffd\ufffd \ufffd"}',
            2,
        ),  # a real U+FFFD is not counted
    ],
)
def test_decode_counts_replaced_bytes(content: bytes, text: str, replaced: int) -> None:
    assert decode_utf8(content) == (text, replaced)
