"""Digests through Apprise to real receivers on loopback: SMTP, a JSON webhook, Slack's webhook format."""

from datetime import UTC, datetime

import polars as pl
import pytest
from apprise.plugins.slack import NotifySlack

from job_assets.matching.delivery import channel, send, send_all
from job_assets.matching.digest import build_digest
from job_assets.store.matches import STORED_COLUMNS
from job_assets_tests.matching.channels import Webhook, smtp_server
from job_assets_tests.servers import free_port

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
ROWS = pl.DataFrame(
    [
        {
            "search": "data-eng", "job_id": "j1", "rank": 1, "score": 87.4, "favorite": False,
            "reasons": ["skills matched: python, sql", "pay USD 150k-180k / year reaches your minimum of 140,000 USD",
                        "first seen today"],
            "company": "tidewater", "company_name": "Tidewater Analytics", "title": "Senior Data Engineer",
            "locations": ["Remote - US", "Portland, OR"], "pay": "USD 150k-180k / year",
            "url": "https://jobs.example.com/j1", "first_seen_at": NOW, "first_matched_at": NOW,
            "last_matched_at": NOW, "active": True,
        },
        {
            "search": "data-eng", "job_id": "j2", "rank": 2, "score": 61.0, "favorite": True, "reasons": [],
            "company": "quillstone", "company_name": "Quillstone", "title": "Data Engineer",
            "locations": ["London, United Kingdom"], "pay": "GBP 65k-80k / year",
            "url": "https://jobs.example.com/j2", "first_seen_at": NOW, "first_matched_at": NOW,
            "last_matched_at": NOW, "active": True,
        },
    ],
    schema=STORED_COLUMNS,
)  # fmt: skip
EVERY_JOB_LINE = [
    "Senior Data Engineer at Tidewater Analytics",
    "Remote - US; Portland, OR",
    "USD 150k-180k / year",
    "https://jobs.example.com/j1",
    "Data Engineer at Quillstone",
    "London, United Kingdom",
    "GBP 65k-80k / year",
    "https://jobs.example.com/j2",
]


def test_digest_lists_title_company_locations_pay_and_link() -> None:
    digest = build_digest("data-eng", ROWS)
    assert digest.title == "2 new jobs for your search 'data-eng'"
    assert digest.job_ids == ["j1", "j2"]
    for line in EVERY_JOB_LINE:
        assert line in digest.body
    assert "why: skills matched: python, sql; pay USD 150k-180k / year reaches" in digest.body
    assert "first seen today" not in digest.body  # every alert is about new jobs


def test_email_digest_arrives_at_a_real_smtp_server() -> None:
    with smtp_server() as (mailbox, port):
        url = f"mailto://127.0.0.1:{port}?mode=insecure&from=alerts@example.com&to=me@example.com"
        delivery = send(channel(url), build_digest("data-eng", ROWS), "data-eng")
        assert delivery.ok and delivery.error is None
        (message,) = mailbox.wait_for(1)
    assert message["To"] == "me@example.com"
    assert message["Subject"] == "2 new jobs for your search 'data-eng'"
    body = message.get_body(("plain", "html")).get_content()
    for line in EVERY_JOB_LINE:
        assert line in body


def test_json_webhook_and_slack_format_arrive_over_loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    with Webhook() as hook:
        # Apprise's Slack plugin posts to this class attribute; pointing it at loopback keeps the real
        # plugin (Slack's webhook payload) and only changes where it goes.
        monkeypatch.setattr(NotifySlack, "webhook_url", f"{hook.url}/services")
        urls = [f"json://127.0.0.1:{hook.port}/alerts", "slack://T1JJ3T3L2/A1BRTD4JD/TIiajkdnlazkcOXrIdevi7"]
        digest = build_digest("data-eng", ROWS)
        deliveries = send_all([("data-eng", channel(u), digest) for u in urls])
        assert [d.ok for d in deliveries] == [True, True], [d.error for d in deliveries]
        (generic,) = hook.received("/alerts")
        (slack,) = hook.received("/services/T1JJ3T3L2/A1BRTD4JD/TIiajkdnlazkcOXrIdevi7")
    assert generic["title"] == digest.title and generic["type"] == "info"
    for line in EVERY_JOB_LINE:
        assert line in generic["message"]
    slack_text = str(slack)  # Slack's format: blocks/attachments with the title and the text
    assert "2 new jobs for your search" in slack_text and "https://jobs.example.com/j2" in slack_text


def test_failures_are_reported_never_raised_and_secrets_never_shown() -> None:
    digest = build_digest("data-eng", ROWS)
    closed = f"json://user:hunter2secret@127.0.0.1:{free_port()}/hook/tok3nSECRET"
    with Webhook() as hook:
        hook.fail("/hook", 500, times=1, methods=["POST"])
        failing = f"json://127.0.0.1:{hook.port}/hook/tok3nSECRET"
        refused, server_error = send_all([("s", channel(closed), digest), ("s", channel(failing), digest)])
    for delivery in (refused, server_error):
        assert not delivery.ok and delivery.error
        text = f"{delivery.channel} {delivery.error}"
        assert "hunter2secret" not in text and "tok3nSECRET" not in text
    assert "500" in server_error.error
    assert repr(channel(closed)) == f"Channel({channel(closed).display})"
    assert channel(closed).display.startswith("json://")
