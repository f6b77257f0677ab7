"""The referrer's status page in a real browser: status and feedback with the right token, one refusal otherwise."""

import httpx
import pytest
from sqlmodel import Session, create_engine, select

from api.models import Referral, StaffUser
from api.services import workflow
from tests.web.conftest import axe, screenshot

REFERRAL = {
    "referrer": {"role": "teacher", "name": "A Teacher", "organisation": "Hill Primary", "phone": "01234 567890"},
    "children": [{"name": "Test Child", "age_years": 9, "school": "Hill Primary"}],
    "concern": "Mia told me her dad hit her with a belt last night and showed me red marks across her legs.",
    "answers": {"immediate_danger": False},
    "consent": {
        "parents_aware": False,
        "consent": "not_sought",
        "reason_not_sought": "telling dad could put her at risk",
    },
}
FEEDBACK = "Strategy discussion held; a social worker is visiting the family."


@pytest.fixture(scope="module")
def filed(live_server, live_database) -> dict:
    response = httpx.post(f"{live_server}/api/v1/referrals", json=REFERRAL, timeout=30)
    assert response.status_code == 201, response.text
    receipt = response.json()
    engine = create_engine(live_database)
    with Session(engine) as session:
        row = session.exec(select(Referral).where(Referral.reference == receipt["reference"])).one()
        worker = StaffUser(username="sw1", password_hash="-", role="social_worker")
        workflow.feedback(session, worker, row, FEEDBACK)
    engine.dispose()
    return receipt


def check(page, reference: str, token: str) -> None:
    page.goto("/status")
    page.get_by_label("Reference").fill(reference)
    page.get_by_label("Status token").fill(token)
    page.get_by_role("button", name="Check status").click()


def test_the_form_is_accessible_and_sends_a_self_only_policy(page):
    response = page.goto("/status")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    axe(page)
    screenshot(page, "public-status-form")


def test_the_right_token_shows_status_acknowledgment_deadline_and_feedback(page, filed):
    check(page, filed["reference"], filed["status_token"])
    assert page.get_by_role("heading", level=1).inner_text() == f"Referral {filed['reference']}"
    summary = page.locator("#referral-status").inner_text()
    assert "Not yet – due by" in summary
    assert page.locator("#feedback").inner_text() == FEEDBACK
    axe(page)
    screenshot(page, "public-status-result")


@pytest.mark.parametrize("wrong", ["token", "reference"])
def test_a_wrong_token_or_reference_gets_the_same_refusal(page, filed, wrong):
    reference = "MASH-000000-000000" if wrong == "reference" else filed["reference"]
    token = "not-the-token" if wrong == "token" else filed["status_token"]
    check(page, reference, token)
    alert = page.get_by_role("alert").inner_text()
    assert "No referral matches that reference and status token" in alert
    assert FEEDBACK not in page.content()
    axe(page)
    screenshot(page, f"public-status-error-{wrong}")
