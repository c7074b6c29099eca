"""Real receivers on loopback for alert tests: an SMTP server (aiosmtpd) and an HTTP webhook."""

from __future__ import annotations

import email
import email.policy
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import EmailMessage

from aiosmtpd.controller import Controller

from job_assets_sandbox.loopback import LoopbackServer, Request, Response
from job_assets_tests.servers import free_port


@dataclass
class Mailbox:
    """What the SMTP server accepted, parsed as email messages."""

    messages: list[EmailMessage] = field(default_factory=list)
    arrived: threading.Condition = field(default_factory=threading.Condition)

    async def handle_DATA(self, server, session, envelope) -> str:  # aiosmtpd handler hook
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.arrived:
            self.messages.append(message)  # type: ignore[arg-type]
            self.arrived.notify_all()
        return "250 Message accepted for delivery"

    def wait_for(self, count: int, timeout: float = 10.0) -> list[EmailMessage]:
        with self.arrived:
            if not self.arrived.wait_for(lambda: len(self.messages) >= count, timeout):
                raise TimeoutError(f"{len(self.messages)} emails arrived, expected {count}")
            return list(self.messages)


@contextmanager
def smtp_server() -> Iterator[tuple[Mailbox, int]]:
    """A real SMTP server on 127.0.0.1 and a free port; yields (mailbox, port)."""
    mailbox = Mailbox()
    port = free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()  # returns once the server answers
    try:
        yield mailbox, port
    finally:
        controller.stop()


class Webhook(LoopbackServer):
    """Accepts POSTs on any path and keeps their JSON bodies; `fail_next(n)` answers 500 n times."""

    def __init__(self) -> None:
        super().__init__()
        self.bodies: list[tuple[str, dict]] = []
        self.route(r"/.*", self._receive, methods=("POST",))

    def _receive(self, request: Request) -> Response:
        self.bodies.append((request.path, request.json()))
        return Response.text("ok")

    def received(self, path_prefix: str = "/") -> list[dict]:
        return [body for path, body in self.bodies if path.startswith(path_prefix)]
