"""The production shape without docker: two API processes and two Rasa servers on loopback, with
conversations in PostgreSQL and Rasa's locks in Redis, started and stopped by scripts/shape.

One conversation moves between every worker turn by turn (each API replica, each Rasa replica), one
API replica is killed with SIGKILL before the referral is confirmed, and the referral is still filed,
once, through the survivor.
"""

import itertools
import json
import os
import signal
import subprocess
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parents[2]
REFERRALS = "postgresql+psycopg://postgres@127.0.0.1:5432/shape_referrals"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def shape(tmp_path_factory):
    folder = tmp_path_factory.mktemp("shape")
    subprocess.run([ROOT / "scripts" / "shape", "start", "--folder", folder], check=True, timeout=900)
    try:
        yield json.loads((folder / "state.json").read_text())
    finally:
        subprocess.run([ROOT / "scripts" / "shape", "stop", "--folder", folder], check=True, timeout=120)
        assert not (folder / "state.json").exists()


def via_api(port: int):
    def say(sender: str, message: str) -> str:
        reply = httpx.post(
            f"http://127.0.0.1:{port}/chat/message", json={"sender": sender, "message": message}, timeout=60
        )
        assert reply.status_code == 200 and reply.json()["available"], reply.text
        return "\n".join(m.get("text", "") for m in reply.json()["messages"])

    say.worker = f"api:{port}"
    return say


def via_rasa(port: int):
    def say(sender: str, message: str) -> str:
        reply = httpx.post(
            f"http://127.0.0.1:{port}/webhooks/rest/webhook", json={"sender": sender, "message": message}, timeout=60
        )
        assert reply.status_code == 200, reply.text
        return "\n".join(m.get("text", "") for m in reply.json())

    say.worker = f"rasa:{port}"
    return say


def test_a_conversation_moves_between_workers_and_survives_losing_an_api_replica(shape):
    ports, pids = shape["ports"], shape["pids"]
    workers = itertools.cycle(
        [via_api(ports["api-1"]), via_rasa(ports["rasa-1"]), via_api(ports["api-2"]), via_rasa(ports["rasa-2"])]
    )
    used = []

    def say(message: str) -> str:
        worker = next(workers)
        used.append(worker.worker)
        return worker(sender, message)

    sender = f"shape-{os.getpid()}"
    assert "not an emergency line" in say("hello")
    assert "immediate danger" in say("I'm a teacher")
    say("no")
    reply = say("A year 6 girl told me her mum's boyfriend touches her private parts at night")
    for _ in range(6):
        if "Would you like me to send a referral" in reply:
            break
        reply = say("I don't know")
    assert "level 4 of 4" in reply and "Would you like me to send a referral" in reply
    assert "child's name" in say("yes")
    say("Ella Example")
    say("Example Primary School")
    say("Sam Teacher")
    say("Example Primary School")
    assert "Sam Teacher" in say("sam.teacher@example.org")
    assert {
        f"api:{ports['api-1']}",
        f"api:{ports['api-2']}",
        f"rasa:{ports['rasa-1']}",
        f"rasa:{ports['rasa-2']}",
    } <= set(used)

    os.killpg(pids["api-1"], signal.SIGKILL)  # mid-conversation, as a crashed replica
    # The confirmation goes to a Rasa replica; the action server files through the API balancer,
    # which skips the dead replica.
    receipt = via_rasa(ports["rasa-1"])(sender, "yes")
    assert "Your referral has been sent" in receipt, receipt
    reference = receipt.split("reference is ")[1].split(".")[0]
    assert "Your referral has been sent" not in via_api(ports["api-2"])(sender, "yes")  # not filed twice

    engine = create_engine(REFERRALS)
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT reference FROM referral")).scalars().all()
    engine.dispose()
    assert rows == [reference]
    # The survivor still serves the whole API through the balancer.
    assert httpx.get(f"http://127.0.0.1:{ports['api']}/healthz").status_code == 200
