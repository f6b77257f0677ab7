"""End to end: the real API (Python 3.11), the real action server and Rasa server (Python 3.10),
a neighbour talking through the REST channel until a referral is filed and stored once.

The three processes log at their production levels into files, and the last test reads them: the
canary name and address planted in the conversations must appear in none (hazard H8)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from rasa_cli import BOT, rasa_env
from test_rest_channel import free_port, say, wait_until_up

pytestmark = pytest.mark.slow
ROOT = BOT.parent
API_PYTHON = ROOT / ".venv" / "bin" / "python"


@pytest.fixture(scope="module")
def stack(trained_model, tmp_path_factory) -> Iterator[tuple[str, Path]]:
    folder = tmp_path_factory.mktemp("stack")
    database = folder / "service.db"
    action_port, rasa_port, api_port = free_port(), free_port(), free_port()
    (folder / "endpoints.yml").write_text(f'action_endpoint:\n  url: "http://127.0.0.1:{action_port}/webhook"\n')
    env = {**rasa_env(), "API_BASE_URL": f"http://127.0.0.1:{api_port}"}
    api_env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | {"DATABASE_URL": f"sqlite:///{database}"}
    logs = [(folder / f"{name}.log").open("w") for name in ("api", "actions", "rasa")]
    processes = [
        subprocess.Popen(
            [str(API_PYTHON), "-m", "uvicorn", "api.main:app", "--port", str(api_port)],
            cwd=ROOT, env=api_env, stdout=logs[0], stderr=subprocess.STDOUT,
        ),
        subprocess.Popen(
            [sys.executable, "-m", "rasa_sdk", "--actions", "actions", "-p", str(action_port)],
            cwd=ROOT, env=env, stdout=logs[1], stderr=subprocess.STDOUT,
        ),
        subprocess.Popen(
            [sys.executable, "-m", "rasa", "run", "-i", "127.0.0.1", "-p", str(rasa_port), "-m", str(trained_model),
             "--endpoints", str(folder / "endpoints.yml"), "--credentials", "credentials.yml"],
            cwd=BOT, env=env, stdout=logs[2], stderr=subprocess.STDOUT,
        ),
    ]  # fmt: skip
    try:
        wait_until_up(f"http://127.0.0.1:{api_port}/healthz", processes[0])
        wait_until_up(f"http://127.0.0.1:{action_port}/health", processes[1])
        wait_until_up(f"http://127.0.0.1:{rasa_port}/", processes[2])
        yield f"http://127.0.0.1:{rasa_port}/webhooks/rest/webhook", database
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=30)
        for log in logs:
            log.close()


def test_a_neighbour_files_an_anonymous_referral_through_the_chat(stack):
    webhook, database = stack
    sender = f"neighbour-{os.getpid()}"
    say(webhook, sender, "hi")
    assert "danger" in say(webhook, sender, "I live next door")
    say(webhook, sender, "no")
    reply = say(webhook, sender, "The kids next door, about 5 and 7, were left on their own all night again")
    for _ in range(6):  # answer whatever the API still asks with "I don't know", until the offer
        if "Would you like me to send a referral" in reply:
            break
        reply = say(webhook, sender, "I don't know")
    assert "Would you like me to send a referral" in reply
    assert "child's name" in say(webhook, sender, "yes please")
    say(webhook, sender, "skip")
    assert "name" in say(webhook, sender, "14 Zzcanary Avenue")
    say(webhook, sender, "skip")
    summary = say(webhook, sender, "skip")
    assert "14 Zzcanary Avenue" in summary
    receipt = say(webhook, sender, "yes")
    assert "Your referral has been sent" in receipt
    with sqlite3.connect(database) as connection:
        rows = connection.execute("SELECT reference, filed FROM referral").fetchall()
    assert len(rows) == 1 and rows[0][0] in receipt
    filed = json.loads(rows[0][1])
    assert filed["referrer"]["anonymous"] is True and filed["children"][0]["where_now"] == "14 Zzcanary Avenue"
    # Saying yes again must not file a second referral.
    say(webhook, sender, "yes")
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT count(*) FROM referral").fetchone()[0] == 1


def test_a_teacher_is_told_not_to_seek_consent_and_files_a_named_referral(stack):
    webhook, database = stack
    sender = f"teacher-{os.getpid()}"
    say(webhook, sender, "hello")
    assert "immediate danger" in say(webhook, sender, "I'm a teacher")
    say(webhook, sender, "no")
    reply = say(webhook, sender, "A year 6 girl told me her mum's boyfriend touches her private parts at night")
    assert "immediate danger" not in reply  # the "no" already given is not asked again
    for _ in range(6):
        if "My advice" in reply:
            break
        reply = say(webhook, sender, "I don't know")
    # Suspected sexual abuse: specialist, today, and never "ask the parents first" (safety rule 4).
    assert "level 4 of 4" in reply and "urgent" in reply
    assert "Do not seek the parents' consent" in reply
    assert "Would you like me to send a referral" in reply
    assert "child's name" in say(webhook, sender, "yes")
    say(webhook, sender, "Ella Qwertyson")
    say(webhook, sender, "Example Primary School")
    assert "cannot refer anonymously" in say(webhook, sender, "skip")
    assert "organisation" in say(webhook, sender, "Sam Teacher")
    say(webhook, sender, "Example Primary School")
    summary = say(webhook, sender, "sam.teacher@example.org")
    assert "Sam Teacher" in summary and "Your organisation: Example Primary School" in summary
    receipt = say(webhook, sender, "yes")
    assert "Your referral has been sent" in receipt
    with sqlite3.connect(database) as connection:
        (filed,) = connection.execute(
            "SELECT filed FROM referral WHERE reference = ?", (receipt.split("reference is ")[1].split(".")[0],)
        ).fetchone()
    referrer = json.loads(filed)["referrer"]
    assert referrer["organisation"] == "Example Primary School" and referrer["email"] == "sam.teacher@example.org"


def test_a_worry_the_service_cannot_read_is_screened_past_the_question_limit(stack):
    webhook, _database = stack
    sender = f"unread-{os.getpid()}"
    say(webhook, sender, "hi")
    say(webhook, sender, "I live nearby")
    say(webhook, sender, "no")
    reply = say(webhook, sender, "Something about the little one next door just doesn't sit right with me.")
    assert "not sure I understood" in reply
    # Five "no"s reach the bot's limit of five questions; screening goes on all the same, since
    # otherwise the advice would rest on words nobody understood.
    for _ in range(5):
        assert "?" in reply and "My advice" not in reply
        reply = say(webhook, sender, "no")
    assert "grown-ups at home hit, hurt or threaten each other" in reply
    reply = say(webhook, sender, "yes")
    for _ in range(6):
        if "My advice" in reply:
            break
        reply = say(webhook, sender, "I don't know")
    assert "level 4 of 4" in reply and "Would you like me to send a referral" in reply


def test_no_disclosure_reaches_any_process_log(stack):
    """Runs after the conversations above in this module: the child's name, the address and the words of
    the disclosure went through Rasa, the action server and the API; none of their logs holds them."""
    _webhook, database = stack
    logs = {path.stem: path.read_text() for path in database.parent.glob("*.log")}
    assert set(logs) == {"api", "actions", "rasa"}
    assert '"event": "request"' in logs["api"]  # the API's request lines were captured at all
    for name, text in logs.items():
        for canary in ("Qwertyson", "Zzcanary", "private parts", "left on their own"):
            assert canary not in text, f"{canary!r} appears in the {name} log"
