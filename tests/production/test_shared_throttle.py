"""Two API processes share one Redis: a name locked on one is locked on the other.

Without sharing, an attacker could spread guesses over the replicas behind the proxy and get five
tries on each; with REDIS_URL set the count is one for the whole service.
"""

import os
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from sqlmodel import Session, create_engine

from api.core import db, migrations
from api.core.security import hash_password
from api.models import StaffUser

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery staple"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_api(env: dict[str, str], log: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    with log.open("wb") as err:  # the child keeps its own handle
        server = subprocess.Popen(  # noqa: S603 - a fixed command line
            [sys.executable, "-m", "uvicorn", "api.main:app", "--host", "127.0.0.1", "--port", str(port)],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=err,
        )  # fmt: skip
    return server, f"http://127.0.0.1:{port}"


def wait_until_up(base: str, server: subprocess.Popen, log: Path) -> None:
    for _ in range(300):
        # why it stopped, not only that it did: its last words hold no personal data (a test database)
        assert server.poll() is None, f"the API exited during start-up: {log.read_text()[-2000:]}"
        try:
            if httpx.get(f"{base}/healthz").status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError(f"{base} did not answer")


def test_failed_sign_ins_on_one_process_lock_the_name_on_the_other(tmp_path):
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    engine = create_engine(url)
    migrations.upgrade(engine)
    with Session(engine) as session:
        session.add(StaffUser(username="mo", password_hash=hash_password(PASSWORD), role="mash_manager"))
        session.add(StaffUser(username="pat", password_hash=hash_password(PASSWORD), role="mash_practitioner"))
        session.commit()
    engine.dispose()
    db.get_engine.cache_clear()
    # A secret of its own makes this run's Redis keys its own.
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "REDIS_URL": "redis://127.0.0.1:6379/0",
        "SECRET_KEY": secrets.token_hex(32),
    }
    logs = [tmp_path / "first.log", tmp_path / "second.log"]
    servers = [start_api(env, log) for log in logs]
    try:
        for (server, base), log in zip(servers, logs, strict=True):
            wait_until_up(base, server, log)
        (_, first), (_, second) = servers
        guesses = [
            httpx.post(f"{base}/api/v1/auth/token", data={"username": "mo", "password": "wrong"}).status_code
            for base in (first, second, first, second, first)
        ]
        assert guesses == [401] * 5
        for base in (first, second):
            locked = httpx.post(f"{base}/api/v1/auth/token", data={"username": "mo", "password": PASSWORD})
            assert locked.status_code == 429
        # Only that name: a colleague still signs in on either process.
        assert (
            httpx.post(f"{second}/api/v1/auth/token", data={"username": "pat", "password": PASSWORD}).status_code == 200
        )
    finally:
        for server, _ in servers:
            server.terminate()
            server.wait(timeout=10)
