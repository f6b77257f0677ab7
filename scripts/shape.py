"""The production shape of docker/compose.yml without docker, on loopback: what `scripts/shape` runs.

    scripts/shape start [--folder var/shape]    starts it all, waits until every part answers, and returns
    scripts/shape stop  [--folder var/shape]    stops everything the start started
    scripts/shape status

Parts, as in compose: PostgreSQL (referrals, and Rasa's conversations in a database of their own) and
Redis (Rasa's lock store and the API's shared throttles), both the machine's own (scripts/services);
two API processes and two Rasa servers, each pair behind a balancer (scripts/balancer.py, standing in
for nginx); one action server filing through the API balancer. Ports, process ids and log files go
to <folder>/state.json and <folder>/logs/, so a test (or a person) can reach a replica directly,
or kill one.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP_PYTHON = ROOT / ".venv" / "bin" / "python"
RASA_PYTHON = ROOT / ".venv-rasa" / "bin" / "python"
POSTGRES = "postgresql://postgres@127.0.0.1:5432"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def psql(sql: str) -> str:
    return subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-tAc", sql],
        check=True, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip


def fresh_database(name: str) -> None:
    psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    psql(f"CREATE DATABASE {name}")


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - loopback URL built here
            return True
    except OSError:
        return False


def start(folder: Path) -> dict:
    if (folder / "state.json").exists():
        stop(folder)
    logs = folder / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    subprocess.run([ROOT / "scripts" / "services", "start"], check=True)
    model = subprocess.run(
        [RASA_PYTHON, "bot/model.py"], cwd=ROOT, check=True, capture_output=True, text=True,
        env={**os.environ, "RASA_TELEMETRY_ENABLED": "false"},
    ).stdout.strip().splitlines()[-1]  # fmt: skip
    fresh_database("shape_referrals")
    fresh_database("shape_conversations")

    ports = {name: free_port() for name in ("api", "api-1", "api-2", "rasa", "rasa-1", "rasa-2", "actions")}
    base = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    api_env = base | {
        "DATABASE_URL": "postgresql+psycopg://postgres@127.0.0.1:5432/shape_referrals",
        "REDIS_URL": "redis://127.0.0.1:6379/2",
        "SECRET_KEY": secrets.token_hex(32),  # one key for both replicas: a token from one works on the other
        "RASA_URL": f"http://127.0.0.1:{ports['rasa']}",
    }
    rasa_env = base | {
        "RASA_TELEMETRY_ENABLED": "false",
        "PYTHONPATH": str(ROOT / "bot"),
        "ACTION_ENDPOINT_URL": f"http://127.0.0.1:{ports['actions']}/webhook",
        "RASA_DB_HOST": "127.0.0.1", "RASA_DB_PORT": "5432", "RASA_DB_NAME": "shape_conversations",
        "RASA_DB_USER": "postgres", "RASA_DB_PASSWORD": "",
        "REDIS_HOST": "127.0.0.1", "REDIS_PORT": "6379",
    }  # fmt: skip
    balancer = [APP_PYTHON, "scripts/balancer.py"]
    commands = {
        "api-1": ([APP_PYTHON, "-m", "uvicorn", "api.main:app", "--port", str(ports["api-1"]), "--no-access-log"], ROOT, api_env),
        "api-2": ([APP_PYTHON, "-m", "uvicorn", "api.main:app", "--port", str(ports["api-2"]), "--no-access-log"], ROOT, api_env),
        "api": ([*balancer, str(ports["api"]), str(ports["api-1"]), str(ports["api-2"])], ROOT, base),
        "actions": ([RASA_PYTHON, "-m", "rasa_sdk", "--actions", "actions", "-p", str(ports["actions"])], ROOT,
                    rasa_env | {"API_BASE_URL": f"http://127.0.0.1:{ports['api']}"}),
        "rasa": ([*balancer, str(ports["rasa"]), str(ports["rasa-1"]), str(ports["rasa-2"])], ROOT, base),
    }  # fmt: skip
    for name in ("rasa-1", "rasa-2"):
        commands[name] = (
            [RASA_PYTHON, "-m", "rasa", "run", "-i", "127.0.0.1", "-p", str(ports[name]), "-m", model,
             "--endpoints", "endpoints.production.yml", "--credentials", "credentials.yml"],
            ROOT / "bot", rasa_env,
        )  # fmt: skip
    state: dict = {"ports": ports, "pids": {}, "logs": str(logs)}
    for name, (command, cwd, env) in commands.items():
        with (logs / f"{name}.log").open("w") as log:
            process = subprocess.Popen(  # noqa: S603 - fixed command lines built above
                [str(part) for part in command],
                cwd=cwd,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group, so stop (or a test's kill) takes its children too
            )
        state["pids"][name] = process.pid
    (folder / "state.json").write_text(json.dumps(state, indent=2))

    checks = {
        "api-1": f"http://127.0.0.1:{ports['api-1']}/healthz",
        "api-2": f"http://127.0.0.1:{ports['api-2']}/healthz",
        "api": f"http://127.0.0.1:{ports['api']}/healthz",
        "actions": f"http://127.0.0.1:{ports['actions']}/health",
        "rasa-1": f"http://127.0.0.1:{ports['rasa-1']}/",
        "rasa-2": f"http://127.0.0.1:{ports['rasa-2']}/",
    }
    deadline = time.monotonic() + 300
    waiting = dict(checks)
    while waiting and time.monotonic() < deadline:
        for name, url in list(waiting.items()):
            if not alive(state["pids"][name]):
                stop(folder)
                raise SystemExit(f"[shape] {name} exited during start-up; see {logs / (name + '.log')}")
            if answers(url):
                del waiting[name]
        time.sleep(0.5)
    if waiting:
        stop(folder)
        raise SystemExit(f"[shape] no answer from {', '.join(waiting)} within 300 s; logs in {logs}")
    return state


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def stop(folder: Path) -> None:
    path = folder / "state.json"
    if not path.exists():
        return
    pids = json.loads(path.read_text())["pids"]
    for pid in pids.values():
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pid, signal.SIGTERM)
    deadline = time.monotonic() + 30
    while any(alive(pid) for pid in pids.values()) and time.monotonic() < deadline:
        time.sleep(0.2)
    for pid in pids.values():
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pid, signal.SIGKILL)
    path.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description="the loopback production shape")
    parser.add_argument("action", choices=["start", "stop", "status"])
    parser.add_argument("--folder", type=Path, default=ROOT / "var" / "shape")
    args = parser.parse_args()
    if args.action == "start":
        state = start(args.folder)
        print(f"[shape] up: API at http://127.0.0.1:{state['ports']['api']} (replicas {state['ports']['api-1']}, "
              f"{state['ports']['api-2']}), Rasa at {state['ports']['rasa']}; state in {args.folder / 'state.json'}")  # fmt: skip
    elif args.action == "stop":
        stop(args.folder)
    else:
        path = args.folder / "state.json"
        if not path.exists():
            print("[shape] not running")
            return
        for name, pid in json.loads(path.read_text())["pids"].items():
            print(f"{name}: {'up' if alive(pid) else 'down'} (pid {pid})")


if __name__ == "__main__":
    sys.exit(main())
