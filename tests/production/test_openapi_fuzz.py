"""Schemathesis against what the OpenAPI schema publishes: no 5xx, every status is one the operation
documents, and every documented response body matches its schema.

The API runs as a real uvicorn process on a temporary SQLite file, so the fuzzing goes through the same
middleware, lifespan and settings as production. Staff operations are fuzzed four ways: without a token
(401), with a token and generated references (mostly 404s), with a token on a referral that exists, so
acknowledging, deciding, feedback and export really run, and with a role that may not (403).
"""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance
from sqlmodel import Session, create_engine

from api.core import migrations
from api.core.security import hash_password
from api.main import app
from api.models import StaffUser

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery staple"
STAFF = {"pat": "mash_practitioner", "mo": "mash_manager", "ada": "admin"}
CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]
STAFF_PATHS = "^/api/v1/staff/"
REFERRAL = {
    "referrer": {"role": "teacher", "name": "A Teacher", "organisation": "Hill Primary", "phone": "01234 567890"},
    "children": [{"name": "Fuzz Child", "age_years": 9, "school": "Hill Primary"}],
    "concern": "Mia told me her dad hit her with a belt last night and showed me red marks across her legs.",
}


def fuzzing(max_examples: int):
    # Derandomized with no example database: CI sees the same cases on every run, and the budget keeps the
    # whole file well inside 90 s on two shared cores. The deadline is off because Argon2 sign-ins and
    # fsync'd SQLite writes are legitimately slow per request, which says nothing about correctness.
    return settings(
        max_examples=max_examples,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _add_staff(url: str) -> None:
    engine = create_engine(url)
    migrations.upgrade(engine)
    with Session(engine) as session:
        for name, role in STAFF.items():
            session.add(StaffUser(username=name, password_hash=hash_password(PASSWORD), role=role))
        session.commit()
    engine.dispose()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz")
    url = f"sqlite:///{folder / 'fuzz.db'}"
    _add_staff(url)
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": url,
        # Generated bodies file many referrals from one address; the limit has its own tests.
        "FILING_LIMIT": "0",
        # Nothing listens here, so /chat/message takes its documented "bot unavailable" answer at once.
        "RASA_URL": f"http://127.0.0.1:{free_port()}",
        "LOG_LEVEL": "WARNING",
        "PYTHONUNBUFFERED": "1",
    }
    log = (folder / "server.log").open("w+")
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "api.main:app", "--host", "127.0.0.1", "--port", str(port)],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        # Start-up imports spaCy and loads the threshold document: tens of seconds on a busy two-core machine.
        for _ in range(900):
            if _answers(f"{base}/healthz") or process.poll() is not None:
                break
            time.sleep(0.1)
        if not _answers(f"{base}/healthz"):
            log.seek(0)
            pytest.fail(f"the API did not start:\n{log.read()}")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


def _answers(url: str) -> bool:
    try:
        return httpx.get(url).status_code == 200
    except httpx.TransportError:
        return False


@pytest.fixture(scope="module")
def tokens(server) -> dict[str, str]:
    def sign_in(name: str) -> str:
        response = httpx.post(f"{server}/api/v1/auth/token", data={"username": name, "password": PASSWORD})
        assert response.status_code == 200, response.text
        return response.json()["access_token"]

    return {name: sign_in(name) for name in STAFF}


@pytest.fixture(scope="module")
def filed_reference(server) -> str:
    response = httpx.post(f"{server}/api/v1/referrals", json=REFERRAL)
    assert response.status_code == 201, response.text
    return response.json()["reference"]


# The schema comes from the app object (the uvicorn process serves the same code), because
# schemathesis.pytest.from_fixture relies on a pytest internal (Node._nodeid) that pytest 9 removed.
schema = schemathesis.openapi.from_dict(app.openapi())


def bearer(tokens: dict[str, str], path: str) -> dict[str, str]:
    # The manager may do every referral step; only the audit check is the admin's.
    name = "ada" if path.endswith("/audit/verify") else "mo"
    return {"Authorization": f"Bearer {tokens[name]}"}


@schema.parametrize()
@fuzzing(max_examples=10)
def test_every_operation_without_a_token(case, server):
    case.call_and_validate(base_url=server, checks=CHECKS)


@schema.include(path_regex=STAFF_PATHS).parametrize()
@fuzzing(max_examples=8)
def test_staff_operations_with_a_token(case, server, tokens):
    response = case.call_and_validate(base_url=server, headers=bearer(tokens, case.path), checks=CHECKS)
    assert response.status_code != 401  # the token is accepted, so the fuzzing reaches the route itself


@schema.include(path_regex=r"^/api/v1/staff/referrals/\{reference\}").parametrize()
@fuzzing(max_examples=6)
def test_staff_operations_on_a_referral_that_exists(case, server, tokens, filed_reference):
    case.path_parameters = {**(case.path_parameters or {}), "reference": filed_reference}
    response = case.call_and_validate(base_url=server, headers=bearer(tokens, case.path), checks=CHECKS)
    assert response.status_code not in (401, 404)


@schema.include(path_regex=STAFF_PATHS).parametrize()
@fuzzing(max_examples=5)
def test_staff_operations_with_a_role_that_may_not(case, server, tokens, filed_reference):
    # An admin may only check the audit trail, and a practitioner may not. The role is checked before any field
    # is; only a body that is not JSON at all is refused first, since it is read before the role is looked up.
    name = "pat" if case.path.endswith("/audit/verify") else "ada"
    if "reference" in (case.path_parameters or {}):
        case.path_parameters = {**case.path_parameters, "reference": filed_reference}
    response = case.call_and_validate(
        base_url=server, headers={"Authorization": f"Bearer {tokens[name]}"}, checks=CHECKS
    )
    if case.method.upper() == case.operation.method.upper():  # not one of the coverage phase's wrong methods
        unreadable = response.status_code == 422 and [p["field"] for p in response.json()["detail"]] == ["body"]
        assert response.status_code == 403 or unreadable
