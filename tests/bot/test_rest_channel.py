"""The real Rasa server and action server, talked to through the REST channel.

The API is deliberately unreachable here (its port is closed), which is the path that must never
fail: the person still gets "call 999" at once and the phone numbers, never a pretend answer.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator

import pytest
from rasa_cli import BOT, rasa_env

pytestmark = pytest.mark.slow
ROOT = BOT.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, f"{url} exited with {process.returncode}"
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 (a local test server)
            return
        except OSError:
            time.sleep(1)
    raise AssertionError(f"{url} did not come up in {seconds} s")


@pytest.fixture(scope="module")
def rest_webhook(trained_model, tmp_path_factory) -> Iterator[str]:
    action_port, rasa_port, api_port = free_port(), free_port(), free_port()
    endpoints = tmp_path_factory.mktemp("rasa") / "endpoints.yml"
    endpoints.write_text(f'action_endpoint:\n  url: "http://127.0.0.1:{action_port}/webhook"\n')
    env = {**rasa_env(), "API_BASE_URL": f"http://127.0.0.1:{api_port}"}
    actions = subprocess.Popen(
        [sys.executable, "-m", "rasa_sdk", "--actions", "actions", "-p", str(action_port)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    rasa = subprocess.Popen(
        [sys.executable, "-m", "rasa", "run", "-i", "127.0.0.1", "-p", str(rasa_port), "-m", str(trained_model),
         "--endpoints", str(endpoints), "--credentials", "credentials.yml"],
        cwd=BOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        wait_until_up(f"http://127.0.0.1:{action_port}/health", actions)
        wait_until_up(f"http://127.0.0.1:{rasa_port}/", rasa)
        yield f"http://127.0.0.1:{rasa_port}/webhooks/rest/webhook"
    finally:
        for process in (rasa, actions):
            process.terminate()
            process.wait(timeout=30)


def say(webhook: str, sender: str, text: str) -> str:
    body = json.dumps({"sender": sender, "message": text}).encode()
    request = urllib.request.Request(webhook, data=body, headers={"Content-Type": "application/json"})  # noqa: S310
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (a local test server)
        return "\n".join(message.get("text", "") for message in json.load(response))


def test_conversation_with_the_api_down(rest_webhook):
    sender = f"e2e-{os.getpid()}"
    assert "not an emergency line" in say(rest_webhook, sender, "hello")
    assert say(rest_webhook, sender, "I'm a teacher") == "First: is the child in immediate danger right now?"
    assert say(rest_webhook, sender, "no").startswith("Tell me what is worrying you")
    reply = say(rest_webhook, sender, "A girl in my class said her dad hit her with a belt")
    assert "can't reach the advice service" in reply
    assert "0300 000 0000" in reply and "0808 800 5000" in reply
    assert say(rest_webhook, sender, "he is hitting her right now").startswith("Call 999 now.")


def test_danger_words_before_anything_else(rest_webhook):
    assert say(rest_webhook, "e2e-danger", "help me now my dad is going to hurt me").startswith("Call 999 now.")
