"""The outbox delivered to a real SMTP server (aiosmtpd on loopback)."""

import socket

import pytest
from aiosmtpd.controller import Controller
from sqlmodel import Session, select

from api.core.config import Settings
from api.models import OutboxMessage
from api.services import notifications
from tests.api.test_referrals import TEACHER_REFERRAL, file
from tests.api.test_workflow import staff  # noqa: F401 - the signed-in staff fixture


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.messages.append((envelope.rcpt_tos, envelope.content.decode()))
        return "250 OK"


@pytest.fixture
def smtp():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield Settings(smtp_host="127.0.0.1", smtp_port=port, mash_inbox="mash@council.example"), inbox
    controller.stop()


def test_new_referrals_and_feedback_are_delivered_once_without_the_disclosure(client, database, staff, smtp):  # noqa: F811
    settings, inbox = smtp
    body = {**TEACHER_REFERRAL, "referrer": {**TEACHER_REFERRAL["referrer"], "email": "teacher@school.example"}}
    reference = file(client, body).json()["reference"]
    client.post(
        f"/api/v1/staff/referrals/{reference}/feedback",
        json={"text": "Thank you; enquiries under way."},
        headers=staff["pat"],
    )
    with Session(database) as session:
        assert notifications.deliver_pending(session, settings) == 2
        assert notifications.deliver_pending(session, settings) == 0  # delivered once
        assert all(item.delivered_at for item in session.exec(select(OutboxMessage)))
    assert [rcpt for rcpt, _ in inbox.messages] == [["mash@council.example"], ["teacher@school.example"]]
    for _, content in inbox.messages:
        assert reference in content
        assert "ZZCANARY" not in content and "belt" not in content


def test_without_an_smtp_server_nothing_is_marked_delivered(client, database):
    file(client)
    with Session(database) as session:
        assert notifications.deliver_pending(session, Settings(smtp_host=None)) == 0
        assert all(item.delivered_at is None for item in session.exec(select(OutboxMessage)))
