"""A referral is never lost or filed twice when the API process dies (hazard H7).

A real uvicorn process files referrals from eight concurrent clients, each referral with its own
Idempotency-Key. Five times, at moments drawn from a seeded random generator while requests are in
flight, the process is killed with SIGKILL (no shutdown, no flush) and started again. Clients retry
every connection error or 5xx with the same key and body, as the action server does. Afterwards
every key is sent once more. Then, in the database itself: every referral is stored exactly once,
each with exactly one audit row and one outbox message (nothing half-stored, nothing orphaned), the
stored content is what was sent, and `python -m api.cli verify-audit` finds the hash chain intact.
Runs on a fresh SQLite file and on a fresh schema of the real PostgreSQL.
"""

from __future__ import annotations

import json
import os
import queue
import random
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter, defaultdict
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parents[2]
POSTGRES = os.environ.get("TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
REFERRALS = 1000
CLIENTS = 8
KILLS = 5
DEADLINE_SECONDS = 300  # a bound for a hung run; a healthy one takes about 60 s, a third of it 6 start-ups


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def body(number: int) -> dict:
    return {
        "referrer": {"role": "teacher", "name": "A Teacher", "organisation": "Hill Primary", "phone": "01234 567890"},
        "children": [{"name": f"Child {number:04d}", "age_years": 9, "school": "Hill Primary"}],
        "concern": f"Child {number:04d} told me her dad hit her with a belt last night and showed me red marks.",
        "answers": {"immediate_danger": False},
    }


class Server:
    """One uvicorn process at a time on a fixed port; killed with SIGKILL and started again."""

    def __init__(self, database_url: str, log: Path) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = {**os.environ, "DATABASE_URL": database_url, "PYTHONUNBUFFERED": "1"}
        self.log = log.open("a")
        self.process: subprocess.Popen | None = None
        self.starts = 0

    def start(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "api.main:app", "--host", "127.0.0.1", "--port", str(self.port),
             "--log-level", "warning"],
            cwd=ROOT, env=self.env, stdout=self.log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        self.starts += 1
        deadline = (
            time.monotonic() + 120
        )  # a bound for a hung start; a busy 2-core machine needs far more than the usual 5 s
        while time.monotonic() < deadline:
            assert self.process.poll() is None, f"the API exited with {self.process.returncode} on start"
            try:
                if httpx.get(f"{self.base}/healthz", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.05)
        raise AssertionError("the API did not become healthy within 120 s")

    def kill9(self) -> None:
        assert self.process is not None and self.process.poll() is None, "the API died before it was killed"
        os.kill(self.process.pid, signal.SIGKILL)
        assert self.process.wait(timeout=10) == -signal.SIGKILL

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request, tmp_path):
    """A fresh SQLite file, or a fresh schema on the real PostgreSQL (dropped afterwards)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'kill9.db'}"
        return
    schema = f"k9_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES)
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        yield f"{POSTGRES}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@pytest.mark.slow
def test_kill_9_mid_stream_loses_and_duplicates_nothing(database_url, tmp_path):
    keys = {f"kill9-{number:04d}-{uuid.uuid4()}": body(number) for number in range(REFERRALS)}
    references: dict[str, set[str]] = defaultdict(set)  # key -> every reference any response gave
    created: Counter[str] = Counter()  # key -> how many 201s
    problems: list[str] = []
    retries = Counter()
    lock = threading.Lock()
    done = threading.Event()
    answered = [0]
    work: queue.Queue[str] = queue.Queue()
    for key in keys:
        work.put(key)

    server = Server(database_url, tmp_path / "server.log")
    server.start()
    deadline = time.monotonic() + DEADLINE_SECONDS

    def client() -> None:
        with httpx.Client(base_url=server.base, timeout=10) as http:
            while time.monotonic() < deadline:
                try:
                    key = work.get_nowait()
                except queue.Empty:
                    return
                while time.monotonic() < deadline:  # retry this referral, same key and body, until answered
                    try:
                        response = http.post("/api/v1/referrals", json=keys[key], headers={"Idempotency-Key": key})
                    except httpx.TransportError as error:
                        with lock:
                            retries[type(error).__name__] += 1
                        time.sleep(0.05)
                        continue
                    if response.status_code >= 500:
                        with lock:
                            retries[str(response.status_code)] += 1
                        time.sleep(0.05)
                        continue
                    with lock:
                        if response.status_code in (200, 201):
                            references[key].add(response.json()["reference"])
                            created[key] += response.status_code == 201
                            answered[0] += 1
                        else:
                            problems.append(f"{key}: {response.status_code} {response.text[:200]}")
                    break

    # Kill at seeded random points spread over the run, while the clients are sending.
    rng = random.Random(7)  # noqa: S311 - moments to kill at, not a secret
    kill_at = sorted(rng.sample(range(REFERRALS // 10, REFERRALS * 8 // 10), KILLS))

    def killer() -> None:
        for threshold in kill_at:
            while answered[0] < threshold and not done.is_set() and time.monotonic() < deadline:
                time.sleep(0.005)
            if done.is_set() or time.monotonic() >= deadline:
                return
            server.kill9()
            time.sleep(rng.uniform(0.0, 0.3))  # clients keep retrying into a dead port meanwhile
            server.start()

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    killing = threading.Thread(target=killer)
    try:
        killing.start()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        done.set()
        killing.join()

        assert not problems, problems[:5]
        assert server.starts == 1 + KILLS, f"killed {server.starts - 1} times, wanted {KILLS}"
        assert sum(retries.values()) > 0, "no request was cut off: the kills did not land mid-stream"
        unanswered = [key for key in keys if key not in references]
        assert not unanswered, f"{len(unanswered)} referrals never answered before the deadline"

        # Every key once more, after the last restart: a replay of the same single referral.
        with httpx.Client(base_url=server.base, timeout=10) as http:
            for key, sent in keys.items():
                again = http.post("/api/v1/referrals", json=sent, headers={"Idempotency-Key": key})
                assert again.status_code == 200, (key, again.status_code, again.text[:200])
                assert again.json()["status_token"] is None
                references[key].add(again.json()["reference"])
    finally:
        done.set()
        server.stop()

    split = {key: refs for key, refs in references.items() if len(refs) != 1}
    assert not split, f"keys answered with more than one reference: {list(split.items())[:3]}"
    assert all(count <= 1 for count in created.values()), "a key was answered 201 twice"

    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT id, reference, idempotency_key, filed FROM referral")).all()
            audit = Counter(
                connection.execute(text("SELECT referral_id FROM auditevent WHERE action = 'referral.filed'")).scalars()
            )
            outbox = Counter(
                connection.execute(
                    text("SELECT referral_id FROM outboxmessage WHERE kind = 'referral.received'")
                ).scalars()
            )
    finally:
        engine.dispose()

    stored = Counter(row.idempotency_key for row in rows)
    assert len(rows) == REFERRALS and set(stored) == set(keys), f"{len(rows)} stored for {REFERRALS} sent"
    assert max(stored.values()) == 1
    for row in rows:
        assert references[row.idempotency_key] == {row.reference}, "the stored reference is not the one answered"
        filed = row.filed if isinstance(row.filed, dict) else json.loads(row.filed)
        sent = keys[row.idempotency_key]
        assert filed["children"][0]["name"] == sent["children"][0]["name"] and filed["concern"] == sent["concern"]
    ids = {row.id for row in rows}
    # Nothing half-stored: each referral has its audit row and its outbox message, and nothing else does.
    assert audit == Counter(ids) and outbox == Counter(ids)

    verify = subprocess.run(
        [sys.executable, "-m", "api.cli", "verify-audit"],
        cwd=ROOT, env={**os.environ, "DATABASE_URL": database_url}, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert verify.returncode == 0, verify.stdout + verify.stderr
    assert f"audit chain intact: {REFERRALS} rows checked" in verify.stdout, verify.stdout
