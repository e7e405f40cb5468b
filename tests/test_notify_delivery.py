"""Notifications: events queued once per channel, delivered by webhook and SMTP, retried."""

from __future__ import annotations

import http.server
import json
import socket
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy.engine import Engine
from sqlmodel import select

from forecasts.clock import FixedClock
from forecasts.config import Settings, load_settings
from forecasts.db import session, write_session
from forecasts.jobs.notify import notify
from forecasts.models import Article, Claim, ClaimHistory
from forecasts.models.daemon import Outbox
from forecasts.notify import message, outbox, webhook

NOW = datetime(2024, 3, 10, 9, 0, tzinfo=UTC)


class Receiver:
    """A webhook endpoint on 127.0.0.1 answering ``status`` and keeping the JSON bodies."""

    def __init__(self) -> None:
        self.bodies: list[dict[str, Any]] = []
        self.status = 200
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                size = int(self.headers.get("Content-Length", "0"))
                receiver.bodies.append(json.loads(self.rfile.read(size)))
                self.send_response(receiver.status)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def hook() -> Iterator[Receiver]:
    r = Receiver()
    yield r
    r.close()


class Mailbox:
    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], str]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(
            (envelope.mail_from, list(envelope.rcpt_tos), envelope.content.decode())
        )
        return "250 OK"


@pytest.fixture
def smtp() -> Iterator[tuple[Controller, Mailbox]]:
    box = Mailbox()
    with socket.socket() as probe:  # aiosmtpd needs a concrete port
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(box, hostname="127.0.0.1", port=port)
    controller.start()
    yield controller, box
    controller.stop()


def _settings(tmp_path: Path, db_url: str, notify: str) -> Settings:
    path = tmp_path / "notify.toml"
    path.write_text(f'database_url = "{db_url}"\n[notify]\n{notify}\n', encoding="utf-8")
    return load_settings(path)


def _claim(engine: Engine, status_to: str | None = None, due: date = date(2024, 3, 14)) -> int:
    with write_session(engine) as s:
        article = Article(
            content_hash=f"h{due}{status_to}", text="t", reference_date=date(2024, 1, 1),
            ingested_at=NOW,
        )  # fmt: skip
        s.add(article)
        s.flush()
        claim = Claim(
            article_id=article.id or 0, sentence="s", claim="Yellen will visit Beijing",
            due_earliest=date(2024, 1, 1), due_latest=due, created_at=NOW,
        )  # fmt: skip
        s.add(claim)
        s.flush()
        if status_to:
            claim.status = status_to
            s.add(
                ClaimHistory(
                    claim_id=claim.id or 0,
                    at=NOW,
                    from_status="open",
                    to_status=status_to,
                    reason="Reuters: Yellen arrived in Beijing",
                )
            )
        return claim.id or 0


def test_nothing_is_queued_without_a_channel(engine: Engine, settings: Settings) -> None:
    _claim(engine, "fulfilled")
    assert notify(engine, settings, FixedClock(NOW)).queued == 0
    with session(engine) as s:
        assert s.exec(select(Outbox)).all() == []


def test_resolved_review_and_due_claims_are_posted_once(
    engine: Engine, tmp_path: Path, db_url: str, hook: Receiver
) -> None:
    """Each event is delivered once; running the job again sends nothing new."""
    cfg = _settings(tmp_path, db_url, f'webhook_url = "{hook.url}"\ndue_lead_days = 7')
    fulfilled = _claim(engine, "fulfilled", due=date(2024, 2, 1))
    review = _claim(engine, "needs_review", due=date(2024, 2, 2))
    due = _claim(engine, None, due=date(2024, 3, 14))
    _claim(engine, None, due=date(2024, 6, 1))  # outside the lead time
    clock = FixedClock(NOW)
    summary = notify(engine, cfg, clock)
    assert (summary.queued, summary.sent, summary.failed) == (3, 3, 0)
    kinds = sorted((b["event"], b["data"]["claim_id"]) for b in hook.bodies)
    assert kinds == [("due_soon", due), ("needs_review", review), ("resolved", fulfilled)]
    assert all("Yellen" in b["text"] and b["content"] == b["text"] for b in hook.bodies)
    assert notify(engine, cfg, clock).sent == 0 and len(hook.bodies) == 3


def test_slack_and_discord_bodies() -> None:
    note = message.report_written("2024-02", ["reports/2024-02.md"])
    assert set(webhook.body(note, "slack")) == {"text"}
    assert set(webhook.body(note, "discord")) == {"content"}
    assert "2024-02" in webhook.body(note, "discord")["content"]
    long = message.Message("report", "k", "s", "x" * 5000)
    assert len(webhook.body(long, "discord")["content"]) == 2000


def test_failed_deliveries_are_retried_with_backoff_then_given_up(
    engine: Engine, tmp_path: Path, db_url: str, hook: Receiver, caplog: pytest.LogCaptureFixture
) -> None:
    """A 500 is retried after 60 s, then 120 s; after max_attempts it is given up and logged."""
    cfg = _settings(
        tmp_path, db_url, f'webhook_url = "{hook.url}"\nmax_attempts = 3\nretry_base_seconds = 60'
    )
    hook.status = 500
    _claim(engine, "unfulfilled")
    clock = FixedClock(NOW)
    assert notify(engine, cfg, clock).failed == 1
    assert notify(engine, cfg, clock).failed == 0  # not due yet
    clock.advance(timedelta(seconds=60))
    assert notify(engine, cfg, clock).failed == 1
    clock.advance(timedelta(seconds=119))
    assert notify(engine, cfg, clock).failed == 0
    clock.advance(timedelta(seconds=1))
    assert notify(engine, cfg, clock).gave_up == 1
    with session(engine) as s:
        row = s.exec(select(Outbox)).one()
    assert row.gave_up and row.attempts == 3 and "HTTP 500" in row.last_error
    assert any("given up" in r.getMessage() and r.levelname == "ERROR" for r in caplog.records)


def test_an_unreachable_webhook_is_not_fatal(engine: Engine, tmp_path: Path, db_url: str) -> None:
    cfg = _settings(tmp_path, db_url, 'webhook_url = "http://127.0.0.1:9/nothing"')
    _claim(engine, "fulfilled")
    summary = notify(engine, cfg, FixedClock(NOW))
    assert summary.failed == 1 and summary.sent == 0


def test_email_goes_through_a_local_smtp_server(
    engine: Engine, tmp_path: Path, db_url: str, smtp: tuple[Controller, Mailbox]
) -> None:
    controller, box = smtp
    cfg = _settings(
        tmp_path,
        db_url,
        f'smtp_host = "127.0.0.1"\nsmtp_port = {controller.port}\nsmtp_security = "none"\n'
        'email_from = "bot@example.org"\nemail_to = ["me@example.org"]',
    )
    _claim(engine, "fulfilled")
    assert notify(engine, cfg, FixedClock(NOW)).sent == 1
    sender, rcpts, content = box.messages[0]
    assert sender == "bot@example.org" and rcpts == ["me@example.org"]
    assert "Subject: [forecasts] Claim #1 came true" in content and "Yellen" in content


def test_each_channel_gets_its_own_row(engine: Engine, tmp_path: Path, db_url: str) -> None:
    cfg = _settings(
        tmp_path,
        db_url,
        'webhook_url = "http://127.0.0.1:9/x"\nsmtp_host = "127.0.0.1"\nemail_to = ["a@b.c"]\non_report = false',
    )
    with write_session(engine) as s:
        note = message.claim_due_soon(1, "c", date(2024, 3, 12))
        assert outbox.enqueue(s, cfg, note, NOW) == 2
        assert outbox.enqueue(s, cfg, note, NOW) == 0
        assert outbox.enqueue(s, cfg, message.report_written("2024-02", []), NOW) == 0
