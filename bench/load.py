"""Chat turns and filings at the same time against the whole stack: throughput and latency per kind.

    .venv/bin/python bench/load.py [--seconds 30] [--chat-users 10] [--filers 5] [--spawn-rate 5]

Starts the API, the Rasa server and the action server on free loopback ports (as scripts/run does,
training the bot first when its data changed) with a throwaway SQLite database, then runs locust
headless with bench/locustfile.py: chat users talking through POST /chat/message and filers posting
referrals to POST /api/v1/referrals. Prints requests, failures, requests/s, p50 and p95 per kind, and
exits 1 if any request failed with a 5xx. Everything it started is stopped at the end, even on error.
"""

import argparse
import contextlib
import csv
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BOT = ROOT / "bot"
API_PYTHON = ROOT / ".venv" / "bin" / "python"
RASA_PYTHON = ROOT / ".venv-rasa" / "bin" / "python"
# locust request name -> printed label; a conversation is every turn from "hello" to the advice.
KINDS = {"chat turn": "chat turns", "conversation": "conversations", "filing": "filings"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Stack:
    """The processes this run started, each in its own process group so their children stop with them."""

    def __init__(self, logs: Path) -> None:
        self.logs = logs
        self.processes: dict[str, subprocess.Popen[bytes]] = {}

    def start(self, name: str, argv: list[str], cwd: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
        with (self.logs / f"{name}.log").open("wb") as log:
            process = subprocess.Popen(  # noqa: S603 - fixed command lines
                argv, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        self.processes[name] = process
        return process

    def wait_until_up(self, name: str, url: str, seconds: float) -> None:
        process = self.processes[name]
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"{name} exited with {process.returncode}; see {self.logs / name}.log")
            try:
                urllib.request.urlopen(url, timeout=2)  # noqa: S310 - a loopback URL built here
                return
            except OSError:
                time.sleep(0.5)
        raise RuntimeError(f"{name} did not answer {url} within {seconds:.0f} s")

    def stop(self) -> None:
        for process in self.processes.values():
            signal_group(process, signal.SIGTERM)
        for process in self.processes.values():
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                signal_group(process, signal.SIGKILL)
                process.wait()


def signal_group(process: subprocess.Popen[bytes], sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError):  # the group already ended
        os.killpg(process.pid, sig)  # the group id is the pid: start_new_session made it the leader


def trained_model(env: dict[str, str]) -> str:
    """The cached model's path; bot/model.py trains first only when the bot changed (a minute or two)."""
    done = subprocess.run(  # noqa: S603 - a fixed command line
        [str(RASA_PYTHON), "bot/model.py"], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.strip().splitlines()[-1]


def start_stack(stack: Stack, folder: Path) -> str:
    api_port, rasa_port, action_port = free_port(), free_port(), free_port()
    api = f"http://127.0.0.1:{api_port}"
    rasa_env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "PYTHONPATH": str(BOT), "API_BASE_URL": api}
    # The API's own settings: a throwaway database, and Rasa on its port. The loopback exemption from the
    # filing limit stays at its default, which is what lets five filers on 127.0.0.1 file freely.
    api_env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | {
        "DATABASE_URL": f"sqlite:///{folder / 'load.db'}",
        "RASA_URL": f"http://127.0.0.1:{rasa_port}",
    }
    print("[load] checking the bot model (trains only when stale)...", file=sys.stderr)
    model = trained_model(rasa_env)
    (folder / "endpoints.yml").write_text(f'action_endpoint:\n  url: "http://127.0.0.1:{action_port}/webhook"\n')
    stack.start("api", [str(API_PYTHON), "-m", "uvicorn", "api.main:app", "--host", "127.0.0.1",
                        "--port", str(api_port), "--no-access-log", "--log-level", "warning"], ROOT, api_env)  # fmt: skip
    stack.start("actions", [str(RASA_PYTHON), "-m", "rasa_sdk", "--actions", "actions", "-p", str(action_port),
                            "--quiet"], ROOT, rasa_env)  # fmt: skip
    stack.start("rasa", [str(RASA_PYTHON), "-m", "rasa", "run", "-i", "127.0.0.1", "-p", str(rasa_port), "-m", model,
                         "--endpoints", str(folder / "endpoints.yml"), "--credentials", "credentials.yml"],
                BOT, rasa_env)  # fmt: skip
    print("[load] waiting for the API, the action server and Rasa...", file=sys.stderr)
    stack.wait_until_up("api", f"{api}/healthz", 60)
    stack.wait_until_up("actions", f"http://127.0.0.1:{action_port}/health", 120)
    stack.wait_until_up("rasa", f"http://127.0.0.1:{rasa_port}/", 300)
    return api


def run_locust(stack: Stack, api: str, folder: Path, args: argparse.Namespace) -> None:
    users = args.chat_users + args.filers
    env = {**os.environ, "LOAD_CHAT_USERS": str(args.chat_users), "LOAD_FILERS": str(args.filers)}
    argv = [str(ROOT / ".venv" / "bin" / "locust"), "-f", str(ROOT / "bench" / "locustfile.py"), "--headless",
            "-u", str(users), "-r", str(args.spawn_rate), "-t", f"{args.seconds:g}s", "--host", api,
            "--csv", str(folder / "load"), "--only-summary", "--loglevel", "WARNING"]  # fmt: skip
    print(f"[load] {args.chat_users} chat users + {args.filers} filers for {args.seconds:g} s...", file=sys.stderr)
    locust = stack.start("locust", argv, ROOT, env)
    try:
        # Locust stops itself after -t; the margin covers start-up and its summary, never an open-ended run.
        locust.wait(timeout=args.seconds + 120)
    except subprocess.TimeoutExpired as late:
        raise RuntimeError(f"locust overran; see {folder / 'locust.log'}") from late
    if not (folder / "load_stats.csv").exists():
        raise RuntimeError(f"locust wrote no stats (exit {locust.returncode}); see {folder / 'locust.log'}")


def report(folder: Path) -> int:
    """Prints the figures per kind; returns how many requests failed with a 5xx."""
    with (folder / "load_stats.csv").open() as stats:
        rows = {row["Name"]: row for row in csv.DictReader(stats)}
    print(f"{'kind':<15}{'requests':>10}{'failures':>10}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}")
    for name, label in KINDS.items():
        row = rows.get(name)
        if row is None:
            print(f"{label:<15}{'no requests':>10}")
            continue
        print(f"{label:<15}{row['Request Count']:>10}{row['Failure Count']:>10}{float(row['Requests/s']):>9.1f}"
              f"{row['50%']:>9}{row['95%']:>9}")  # fmt: skip
    server_errors = 0
    with (folder / "load_failures.csv").open() as failures:
        for row in csv.DictReader(failures):
            print(f"failure: {row['Name']}: {row['Error']} x{row['Occurrences']}")
            # The locustfile names a bad status "HTTP <code>"; a 5xx anywhere is what fails this run.
            if row["Error"].startswith("HTTP 5"):
                server_errors += int(row["Occurrences"])
    return server_errors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--chat-users", type=int, default=10)
    parser.add_argument("--filers", type=int, default=5)
    parser.add_argument("--spawn-rate", type=float, default=5, help="users started per second")
    args = parser.parse_args()
    # SIGTERM must unwind through the finally below like Ctrl-C does, or the stack would be orphaned.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    with tempfile.TemporaryDirectory(prefix="load-") as name:
        folder = Path(name)
        stack = Stack(folder)
        try:
            api = start_stack(stack, folder)
            run_locust(stack, api, folder, args)
        except (RuntimeError, subprocess.CalledProcessError) as error:
            print(f"[load] {error}", file=sys.stderr)
            if isinstance(error, subprocess.CalledProcessError):
                print(error.stderr[-3000:], file=sys.stderr)  # why training or the model check failed
            for log in sorted(folder.glob("*.log")):
                tail = log.read_text(errors="replace").splitlines()[-15:]
                print(f"--- {log.name} (last lines)\n" + "\n".join(tail), file=sys.stderr)
            return 2
        finally:
            stack.stop()
        server_errors = report(folder)
    print(f"{args.chat_users} chat users + {args.filers} filers, {args.seconds:g} s, loopback, one API worker")
    return 1 if server_errors else 0


if __name__ == "__main__":
    sys.exit(main())
