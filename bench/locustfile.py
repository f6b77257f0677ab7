"""Locust users for bench/load.py: people chatting to the bot and referrers filing at the same time.

    .venv/bin/locust -f bench/locustfile.py --headless -u 15 -r 5 -t 30s --host http://127.0.0.1:8000

Chat turns go through the API's POST /chat/message (the API relays them to Rasa, whose actions call the
API back for the assessment), so both paths share the one API process as they do in service.
LOAD_CHAT_USERS and LOAD_FILERS set how many of each kind run (10 and 5 unless set).
"""

import os
import random
import time
import uuid

import gevent
from locust import HttpUser, constant, events, task
from referrals import BODY  # locust puts this folder on sys.path; one referral body for both benches

WHO = ["I'm a teacher", "I live next door", "I'm a GP", "I'm a health visitor"]
WORRIES = [
    "A girl in my class said her dad hit her with a belt and she has red marks on her legs",
    "The kids next door, about 5 and 7, were left on their own all night again",
    "A year 6 girl told me her mum's boyfriend touches her private parts at night",
    "He comes to school hungry most days, his clothes are dirty and he has head lice that are never treated",
    "Her mum drinks heavily and there is shouting and fighting at home most nights",
]
# The bot's advice ends a conversation; a closed loop of "I don't know" would otherwise never end.
ADVICE_MARKERS = ("My advice", "Would you like me to send a referral")
MAX_ANSWERS = 6
UNREACHABLE = "can't reach the advice service"  # actions/safety.py, said when the API call fails


@events.init.add_listener
def fresh_clock(**_: object) -> None:
    # gevent caches the loop's clock; a slow start (seconds of imports on a busy machine) leaves it stale,
    # and -t then ends the run that much early (a 5 s run ended with no requests). Refresh it before -t starts.
    gevent.get_hub().loop.update_now()


class ChatUser(HttpUser):
    """One whole conversation per task, each with a new sender id, so Rasa holds many trackers at once."""

    fixed_count = int(os.environ.get("LOAD_CHAT_USERS", "10"))
    wait_time = constant(0)  # closed loop: the figures are what the stack sustains, not a think-time model

    def say(self, sender: str, message: str) -> str | None:
        with self.client.post(
            "/chat/message", json={"sender": sender, "message": message}, name="chat turn", catch_response=True
        ) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")
                return None
            try:
                body = response.json()
            except ValueError:
                response.failure("not JSON")
                return None
            if not body.get("available"):
                # The API answers 200 with phone numbers when Rasa is unreachable; under load that is a failure.
                response.failure("bot unavailable")
                return None
            text = "\n".join(message.get("text", "") for message in body["messages"])
            if UNREACHABLE in text:
                # Rasa answered but its action could not get an assessment from the API in time.
                response.failure("advice service unreachable")
                return None
            return text

    @task
    def conversation(self) -> None:
        sender = f"load-{uuid.uuid4().hex[:12]}"
        started = time.perf_counter()
        turns = 0
        for message in ("hello", random.choice(WHO), "no"):
            turns += 1
            if self.say(sender, message) is None:
                return
        reply = self.say(sender, random.choice(WORRIES))
        turns += 1
        for _ in range(MAX_ANSWERS):
            if reply is None or any(marker in reply for marker in ADVICE_MARKERS):
                break
            reply = self.say(sender, "I don't know")
            turns += 1
        if reply is None:
            return
        # One more row in the stats: how long a whole conversation took to reach the advice.
        events.request.fire(
            request_type="CHAT",
            name="conversation",
            response_time=(time.perf_counter() - started) * 1000,
            response_length=turns,
            exception=None if any(marker in reply for marker in ADVICE_MARKERS) else Exception("no advice"),
            context={},
        )


class Filer(HttpUser):
    """A referrer filing through the API, each referral with its own Idempotency-Key."""

    fixed_count = int(os.environ.get("LOAD_FILERS", "5"))
    wait_time = constant(0)

    @task
    def file(self) -> None:
        headers = {"Idempotency-Key": str(uuid.uuid4())}
        with self.client.post(
            "/api/v1/referrals", json=BODY, headers=headers, name="filing", catch_response=True
        ) as response:
            if response.status_code != 201:
                response.failure(f"HTTP {response.status_code}")
