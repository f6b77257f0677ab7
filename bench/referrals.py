"""Referrals filed per second and p95 latency with 20 concurrent clients, on SQLite and on PostgreSQL.

    .venv/bin/python bench/referrals.py [--seconds 10] [--clients 20] [--workers 1] [--postgres URL]

Starts a real uvicorn server (--workers processes; production runs two replicas) for each database and
files the same kind of referral a teacher would, each with its own Idempotency-Key. Loopback only,
bounded in time. The clients run in this process on the same cores as the server, so on a 2-core
machine they take a share of the CPU the server would otherwise have.
"""

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import httpx
from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parents[1]
BODY = {
    "referrer": {"role": "teacher", "name": "A Teacher", "organisation": "Hill Primary", "phone": "01234 567890"},
    "children": [{"name": "Bench Child", "age_years": 9, "school": "Hill Primary"}],
    "concern": "She told me her dad hit her with a belt last night and showed me red marks on her legs.",
    "answers": {"immediate_danger": False},
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run(label: str, database_url: str, seconds: float, clients: int, workers: int) -> None:
    port = free_port()
    env = {**os.environ, "DATABASE_URL": database_url}
    server = subprocess.Popen(  # noqa: S603 - a fixed command line
        [sys.executable, "-m", "uvicorn", "api.main:app", "--port", str(port), "--log-level", "warning",
         "--workers", str(workers)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                httpx.get(f"{base}/healthz")
                break
            except httpx.TransportError:
                time.sleep(0.1)
        latencies: list[float] = []
        errors = 0
        lock = threading.Lock()
        stop = time.perf_counter() + seconds

        def client() -> None:
            nonlocal errors
            with httpx.Client(base_url=base, timeout=30) as http:
                while time.perf_counter() < stop:
                    started = time.perf_counter()
                    try:
                        response = http.post(
                            "/api/v1/referrals", json=BODY, headers={"Idempotency-Key": str(uuid.uuid4())}
                        )
                        failed = response.status_code != 201
                    except httpx.TransportError:
                        failed = True  # a dropped connection is a failed filing, counted, not a dead client
                    with lock:
                        latencies.append(time.perf_counter() - started)
                        errors += failed

        threads = [threading.Thread(target=client) for _ in range(clients)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
        p95 = statistics.quantiles(latencies, n=20)[-1] * 1000
        print(f"{label}: {len(latencies) / elapsed:,.0f} referrals/s, p50 {statistics.median(latencies) * 1000:.0f} ms, "
              f"p95 {p95:.0f} ms, {errors} errors, {clients} clients, {workers} worker(s), {elapsed:.1f} s")  # fmt: skip
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--postgres", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        run("SQLite", f"sqlite:///{folder}/bench.db", args.seconds, args.clients, args.workers)
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(args.postgres)
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        run("PostgreSQL", f"{args.postgres}?options=-csearch_path%3D{schema}", args.seconds, args.clients, args.workers)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))


if __name__ == "__main__":
    main()
