"""A disclosure must never reach a log: a planted canary name goes through a real uvicorn process
(assessment, referral, a rejected referral, status) and must not appear in anything it printed.
The request lines that are printed name route templates, statuses and durations."""

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
CANARY = "ZZCANARY Qwertyson"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_canary_never_reaches_the_logs(tmp_path):
    port = free_port()
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'canary.db'}", "PYTHONUNBUFFERED": "1"}
    log = (tmp_path / "server.log").open("w+")
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "api.main:app", "--host", "127.0.0.1", "--port", str(port), "--log-level", "debug"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        base = f"http://127.0.0.1:{port}"
        # Start-up imports spaCy and builds the analyser from the catalogue: well over ten seconds on
        # a slow or busy two-core machine, so wait on a deadline and say so if it never answers.
        deadline = time.monotonic() + 120
        while True:
            assert server.poll() is None, "the API exited during start-up"
            try:
                if httpx.get(f"{base}/healthz").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "the API did not answer within 120 s"
            time.sleep(0.1)
        narrative = f"{CANARY} told me her stepdad hits her with a belt and she is scared to go home."
        assessed = httpx.post(f"{base}/api/v1/assessments", json={"reporter_role": "teacher", "narrative": narrative})
        assert assessed.status_code == 200
        referral = {
            "referrer": {"role": "public", "anonymous": True},
            "children": [{"name": CANARY, "age_years": 9, "address": f"1 {CANARY} Street"}],
            "concern": narrative,
        }
        filed = httpx.post(f"{base}/api/v1/referrals", json=referral)
        assert filed.status_code == 201
        bad = httpx.post(f"{base}/api/v1/referrals", json={**referral, "children": [{"name": CANARY, "age_years": 99}]})
        assert bad.status_code == 422
        receipt = filed.json()
        status = httpx.get(
            f"{base}/api/v1/referrals/{receipt['reference']}/status",
            headers={"X-Status-Token": receipt["status_token"]},
        )
        assert status.status_code == 200
    finally:
        server.terminate()
        server.wait(timeout=10)
    log.seek(0)
    printed = log.read()
    requests = [line for line in map(_json, printed.splitlines()) if line and line.get("event") == "request"]
    seen = {(line["method"], line["route"], line["status"]) for line in requests}
    assert {
        ("POST", "/api/v1/assessments", 200),
        ("POST", "/api/v1/referrals", 201),
        ("POST", "/api/v1/referrals", 422),
        ("GET", "/api/v1/referrals/{reference}/status", 200),
    } <= seen
    assert all(isinstance(line["duration_ms"], float) and len(line["request_id"]) == 32 for line in requests)
    assert "ZZCANARY" not in printed and "Qwertyson" not in printed
    assert receipt["status_token"] not in printed
    assert receipt["reference"] not in printed  # paths are logged as templates, never with their values


def _json(line: str) -> dict | None:
    try:
        return json.loads(line)
    except ValueError:
        return None
