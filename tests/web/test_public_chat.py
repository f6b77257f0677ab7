"""The chat page in headless Chromium: against a real Rasa server, action server and API, a neighbour
chats to a filed referral; with the bot unreachable, the page gives the phone numbers."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.web.conftest import ROOT, axe, create_staff, free_port, screenshot, sign_in, wait_for

RASA_PYTHON = ROOT / ".venv-rasa" / "bin" / "python"
API_PYTHON = ROOT / ".venv" / "bin" / "python"


def start(argv: list[str], cwd: Path, env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(argv, cwd=cwd, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT)  # noqa: S603


def stop(processes: list[subprocess.Popen[bytes]]) -> None:
    for process in processes:
        process.terminate()
    for process in processes:
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


def api_env(database: Path, rasa_url: str) -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | {
        "DATABASE_URL": f"sqlite:///{database}",
        "RASA_URL": rasa_url,
    }


@pytest.fixture(scope="module")
def chat_stack(tmp_path_factory) -> Iterator[tuple[str, Path]]:
    """The API at the returned URL, proxying to a real Rasa server with its action server."""
    folder = tmp_path_factory.mktemp("chat-stack")
    database = folder / "service.db"
    rasa_env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "PYTHONPATH": str(ROOT / "bot")}
    # bot/model.py trains only when the bot changed since the cached model (the bot tests share it).
    model = (
        subprocess.run(  # noqa: S603 - a fixed command line
            [str(RASA_PYTHON), "bot/model.py"], cwd=ROOT, env=rasa_env, capture_output=True, text=True, check=True
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    action_port, rasa_port, api_port = free_port(), free_port(), free_port()
    (folder / "endpoints.yml").write_text(f'action_endpoint:\n  url: "http://127.0.0.1:{action_port}/webhook"\n')
    rasa_env["API_BASE_URL"] = f"http://127.0.0.1:{api_port}"
    processes = [
        start([str(API_PYTHON), "-m", "uvicorn", "api.main:app", "--port", str(api_port)], ROOT,
              api_env(database, f"http://127.0.0.1:{rasa_port}"), folder / "api.log"),
        start([str(RASA_PYTHON), "-m", "rasa_sdk", "--actions", "actions", "-p", str(action_port)], ROOT, rasa_env,
              folder / "actions.log"),
        start([str(RASA_PYTHON), "-m", "rasa", "run", "-i", "127.0.0.1", "-p", str(rasa_port), "-m", model,
               "--endpoints", str(folder / "endpoints.yml"), "--credentials", "credentials.yml"], ROOT / "bot",
              rasa_env, folder / "rasa.log"),
    ]  # fmt: skip
    try:
        wait_for(f"http://127.0.0.1:{api_port}/healthz", processes[0])
        wait_for(f"http://127.0.0.1:{action_port}/health", processes[1], timeout=120)
        wait_for(f"http://127.0.0.1:{rasa_port}/", processes[2], timeout=300)
        yield f"http://127.0.0.1:{api_port}", database
    finally:
        stop(processes)


@pytest.fixture
def chat_page(browser: Browser, chat_stack) -> Iterator[Page]:
    context = browser.new_context(base_url=chat_stack[0])
    opened = context.new_page()
    try:
        yield opened
    finally:
        context.close()


def replies(page: Page, act) -> str:
    """What the bot added to the conversation after `act` (typing or pressing a quick reply)."""
    page.evaluate("document.querySelectorAll('#chat-log > *').forEach(node => node.dataset.seen = '1')")
    act()
    page.wait_for_function("() => !document.getElementById('chat-send').disabled")
    return page.evaluate(
        "Array.from(document.querySelectorAll('#chat-log > :not([data-seen])')).map(n => n.innerText).join('\\n')"
    )


def typed(page: Page, text: str) -> str:
    def act():
        page.fill("#chat-input", text)
        page.press("#chat-input", "Enter")

    return replies(page, act)


def pressed(page: Page, title: str) -> str:
    return replies(
        page, lambda: page.locator(".chat-buttons").last.get_by_role("button", name=title, exact=True).click()
    )


@pytest.mark.slow
def test_a_neighbour_chats_to_a_filed_referral_in_the_browser(chat_page: Page, chat_stack):
    page = chat_page
    page.goto("/")
    expect(page.locator("#chat-log")).to_contain_text("not an emergency line")
    axe(page)
    screenshot(page, "public-chat-start")

    assert "danger" in typed(page, "I live next door")
    pressed(page, "No")
    reply = typed(page, "The kids next door, about 5 and 7, were left on their own all night again")
    for _ in range(6):  # whatever the API still asks, "I don't know" is always accepted
        if page.locator(".chat-card").count():
            break
        reply = pressed(page, "I don't know")
    card = page.locator(".chat-card").first
    expect(card).to_contain_text("Our advice")
    expect(card).to_contain_text("of 4")
    expect(card).to_contain_text("Why")
    assert "Would you like me to send a referral" in reply
    axe(page)
    screenshot(page, "public-chat-advice")

    assert "child's name" in pressed(page, "Yes, send it")
    typed(page, "skip")
    assert "name" in typed(page, "14 Acacia Avenue")
    typed(page, "skip")
    assert "14 Acacia Avenue" in typed(page, "skip")
    typed(page, "yes")
    filed = page.locator(".chat-card--filed")
    expect(filed).to_contain_text("Referral sent")
    expect(filed).to_contain_text("keep this safe")
    axe(page)
    screenshot(page, "public-chat-filed")

    with sqlite3.connect(chat_stack[1]) as connection:
        references = [row[0] for row in connection.execute("SELECT reference FROM referral")]
    assert len(references) == 1
    reference = references[0]
    expect(filed).to_contain_text(reference)
    token = page.locator(".chat-token").inner_text().strip()

    # Quick exit mid-conversation: the page goes, and coming back starts a new conversation, not this one.
    sender = page.evaluate("sessionStorage.getItem('chat-sender')")
    page.route("https://www.bbc.co.uk/**", lambda route: route.fulfill(body="<title>Weather</title>"))
    for _ in range(3):
        page.keyboard.press("Escape")
    page.wait_for_url("https://www.bbc.co.uk/**")
    page.goto(chat_stack[0] + "/")
    expect(page.locator("#chat-log")).to_contain_text("not an emergency line")
    assert page.evaluate("sessionStorage.getItem('chat-sender')") not in (None, sender)
    expect(page.locator("#chat-log")).not_to_contain_text("Acacia")

    # The same referral at the front door: a practitioner acknowledges it, a manager decides and writes
    # feedback, and the neighbour reads it on the status page with the reference and token the chat gave.
    create_staff(f"sqlite:///{chat_stack[1]}")
    sign_in(page, "desk-prac")
    page.goto(f"/desk/referrals/{reference}")
    expect(page.locator(".desk-concern")).to_contain_text("left on their own all night")
    page.get_by_role("button", name="Acknowledge receipt").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Acknowledged")
    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "desk-mgr")
    page.goto(f"/desk/referrals/{reference}")
    page.get_by_label("Assessment under section 17 (child in need)").check()
    page.get_by_label("Reason for the decision").fill("Young children repeatedly left alone overnight.")
    page.get_by_role("button", name="Record the decision").click()
    page.get_by_label("Feedback to the referrer").fill("Thank you. A social worker is visiting the family.")
    page.get_by_role("button", name="Send feedback").click()
    expect(page.locator("#timeline")).to_contain_text("A social worker is visiting the family.")
    page.get_by_role("button", name="Sign out").click()

    page.goto("/status")
    page.get_by_label("Reference").fill(reference)
    page.get_by_label("Status token").fill(token)
    page.get_by_role("button", name="Check status").click()
    expect(page.locator("#feedback")).to_have_text("Thank you. A social worker is visiting the family.")
    expect(page.locator("#referral-status")).to_contain_text("section 17 assessment")


def test_when_the_bot_cannot_be_reached_the_page_gives_the_phone_numbers(browser: Browser, tmp_path):
    nothing = free_port()  # no Rasa listens here
    port = free_port()
    process = start(
        [str(API_PYTHON), "-m", "uvicorn", "api.main:app", "--port", str(port)],
        ROOT,
        api_env(tmp_path / "service.db", f"http://127.0.0.1:{nothing}"),
        tmp_path / "api.log",
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/healthz", process)
        context = browser.new_context(base_url=f"http://127.0.0.1:{port}")
        page = context.new_page()
        page.goto("/")
        banner = page.locator("#chat-unavailable")
        expect(banner).to_be_visible()
        for number in ("999", "0808 800 5000", "0800 1111"):
            expect(banner).to_contain_text(number)
        axe(page)
        screenshot(page, "public-chat-unavailable")
        context.close()
    finally:
        stop([process])
