"""Shared browser fixtures: the real app under uvicorn on a free loopback port, and headless Chromium.

The server is a subprocess so the app runs exactly as deployed (its start-up migrates the database) and so
the browser's requests go over real HTTP. The database is a temporary SQLite file per test session.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "reports" / "screenshots"
AXE_URL = "/static/vendor/axe-core/axe.min.js"
CHROMIUM = "/usr/bin/chromium"
BLOCKING_IMPACTS = ("serious", "critical")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with code {process.returncode} before answering {url}")
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - loopback URL built here
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"server did not answer {url} within {timeout:.0f}s")


@pytest.fixture(scope="session")
def live_database(tmp_path_factory: pytest.TempPathFactory) -> str:
    return f"sqlite:///{tmp_path_factory.mktemp('web-db') / 'service.db'}"


@pytest.fixture(scope="session")
def live_server(live_database: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of the real app; DATABASE_URL of the same database is in the `live_database` fixture."""
    port = free_port()
    env = {**os.environ, "DATABASE_URL": live_database, "ENVIRONMENT": "development"}
    log = (tmp_path_factory.mktemp("web-log") / "uvicorn.log").open("wb")
    process = subprocess.Popen(  # noqa: S603 - fixed argv
        [sys.executable, "-m", "uvicorn", "api.main:app", "--host", "127.0.0.1", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{base_url}/healthz", process)
        yield base_url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser: Browser, live_server: str) -> Iterator[Page]:
    """A fresh browser context per test (no shared sessionStorage or cookies), based at the live server."""
    context = browser.new_context(base_url=live_server)
    opened = context.new_page()
    try:
        yield opened
    finally:
        context.close()


def axe(page: Page, context: str = "document") -> list[dict]:
    """Run axe-core on the page as it is now; fail listing every serious or critical violation.

    Injected from the app's own /static (same origin), so pages need not load it and a 'self'-only
    Content-Security-Policy still allows it. Returns all violations for callers that want more.
    """
    page.add_script_tag(url=AXE_URL)
    violations = page.evaluate(
        "async (ctx) => (await axe.run(ctx === 'document' ? document : ctx)).violations", context
    )
    blocking = [v for v in violations if v.get("impact") in BLOCKING_IMPACTS]
    if blocking:
        lines = [
            f"{v['impact']}: {v['id']} - {v['help']} ({len(v['nodes'])} nodes: "
            + "; ".join(" ".join(map(str, node["target"])) for node in v["nodes"][:5])
            + ")"
            for v in blocking
        ]
        pytest.fail(f"axe found {len(blocking)} serious/critical violations on {page.url}:\n" + "\n".join(lines))
    return violations


def screenshot(page: Page, name: str) -> Path:
    """Full-page screenshot at reports/screenshots/<name>.png (gitignored; docs/ holds curated copies)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


STAFF_PASSWORD = "correct horse battery staple"
STAFF = {"desk-prac": "mash_practitioner", "desk-mgr": "mash_manager", "desk-admin": "admin"}


def create_staff(database_url: str) -> None:
    """A practitioner, a manager and an admin (desk-prac, desk-mgr, desk-admin) in that database."""
    from sqlmodel import Session, create_engine, select

    from api.core.security import hash_password
    from api.models import StaffUser

    engine = create_engine(database_url)
    with Session(engine) as session:
        for username, role in STAFF.items():
            if not session.exec(select(StaffUser).where(StaffUser.username == username)).first():
                session.add(StaffUser(username=username, password_hash=hash_password(STAFF_PASSWORD), role=role))
        session.commit()
    engine.dispose()


def sign_in(page: Page, username: str, password: str = STAFF_PASSWORD) -> None:
    page.goto("/desk/sign-in")
    page.get_by_label("Name").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
