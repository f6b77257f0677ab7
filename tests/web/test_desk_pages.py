"""The MASH desk in a real browser: sign-in, the queue, a referral acknowledged by a practitioner and
decided by a manager, the feedback the referrer then sees, role-hiding backed by the API, and the audit
trail for admins. Every page is checked with axe-core."""

from __future__ import annotations

import copy
from datetime import timedelta

import httpx
import pytest
from playwright.sync_api import Page, expect
from sqlmodel import Session, create_engine, select

from api.models import Referral, utcnow
from tests.web.conftest import axe, create_staff, screenshot, sign_in

REFERRAL = {
    "referrer": {"role": "gp", "name": "Dr Example", "organisation": "Example Surgery", "phone": "01234 567890"},
    "children": [{"name": "Desk Child", "age_years": 6, "school": "Oak Primary"}],
    "concern": "Six year old with bruising to both upper arms like grip marks; mum's partner <b>shouted</b> at her.",
    "answers": {"immediate_danger": False},
}


@pytest.fixture(scope="module")
def staff(live_database) -> None:
    create_staff(live_database)


def file(live_server: str, child: str) -> dict:
    body = copy.deepcopy(REFERRAL)
    body["children"][0]["name"] = child
    response = httpx.post(f"{live_server}/api/v1/referrals", json=body, timeout=30)
    assert response.status_code == 201, response.text
    return response.json()


def sign_out(page: Page) -> None:
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in to the MASH desk")
    assert page.goto("/desk").url.endswith("/desk/sign-in")  # the session is gone


def test_the_desk_asks_for_sign_in_and_says_when_it_fails(page: Page, staff):
    page.goto("/desk")
    expect(page).to_have_url(page.url.split("/desk")[0] + "/desk/sign-in")
    axe(page)
    screenshot(page, "desk-sign-in")
    sign_in(page, "desk-prac", "wrong password")
    expect(page.locator(".govuk-error-summary")).to_contain_text("The name or password is not right.")
    axe(page)
    screenshot(page, "desk-sign-in-error")


def test_a_practitioner_acknowledges_a_manager_decides_and_the_referrer_sees_the_feedback(
    page: Page, staff, live_server
):
    receipt = file(live_server, "Journey Child")
    reference = receipt["reference"]

    sign_in(page, "desk-prac")
    row = page.locator("#queue tr", has_text=reference)
    expect(row).to_contain_text("left")
    axe(page)
    screenshot(page, "desk-queue")
    row.get_by_role("link", name=reference).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(reference)
    expect(page.locator("#indicators")).to_be_visible()
    expect(page.locator(".desk-concern")).to_contain_text("<b>shouted</b>")  # escaped, shown as typed
    # A practitioner is not offered the decision, and the API refuses it when forged.
    expect(page.locator("#decision-form")).to_have_count(0)
    page.get_by_role("button", name="Acknowledge receipt").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Acknowledged")
    expect(page.locator("#timeline")).to_contain_text("by desk-prac")
    csrf = page.locator("input[name=csrf]").first.input_value()
    forged = page.request.post(
        f"{live_server}/desk/referrals/{reference}/decision",
        form={"csrf": csrf, "decision": "early_help", "reason": "forged"},
    )
    assert forged.status == 403
    axe(page)
    sign_out(page)

    sign_in(page, "desk-mgr")
    page.goto(f"/desk/referrals/{reference}")
    page.get_by_role("button", name="Record the decision").click()  # nothing chosen: the form says what is missing
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose a decision")
    axe(page)
    page.get_by_label("Strategy discussion and section 47 enquiries").check()
    page.get_by_label("Reason for the decision").fill("Unexplained grip marks on a six year old.")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Decision recorded")
    page.get_by_label("Feedback to the referrer").fill("Thank you: a strategy discussion is being held today.")
    page.get_by_role("button", name="Send feedback").click()
    expect(page.locator("#timeline")).to_contain_text("a strategy discussion is being held today")
    axe(page)
    screenshot(page, "desk-referral")
    page.get_by_role("link", name="Print the referral form").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(reference)
    # Its print stylesheet applies (inline styles are allowed on this page alone).
    assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith("Arial")
    axe(page)
    screenshot(page, "desk-print")

    page.goto("/status")
    page.get_by_label("Reference").fill(reference)
    page.get_by_label("Status token").fill(receipt["status_token"])
    page.get_by_role("button", name="Check status").click()
    expect(page.locator("#feedback")).to_have_text("Thank you: a strategy discussion is being held today.")
    expect(page.locator("#referral-status")).to_contain_text("strategy discussion section 47")


def test_overdue_referrals_are_marked_in_words_and_can_be_filtered(page: Page, staff, live_server, live_database):
    late = file(live_server, "Late Child")["reference"]
    fresh = file(live_server, "Fresh Child")["reference"]
    engine = create_engine(live_database)
    with Session(engine) as session:  # a referral received three days ago, never acknowledged
        row = session.exec(select(Referral).where(Referral.reference == late)).one()
        row.received_at = utcnow() - timedelta(days=3)
        row.acknowledge_by = utcnow() - timedelta(days=2)
        session.add(row)
        session.commit()
    engine.dispose()

    sign_in(page, "desk-prac")
    expect(page.locator("#queue tr", has_text=late)).to_contain_text("Overdue")
    expect(page.locator("#queue tr", has_text=fresh)).not_to_contain_text("Overdue")
    page.get_by_label("Acknowledgment").select_option("yes")
    page.get_by_role("button", name="Apply").click()
    expect(page.locator("#queue")).to_contain_text(late)
    expect(page.locator("#queue")).not_to_contain_text(fresh)
    assert "overdue=yes" in page.url  # the filtered view is a link that can be shared
    axe(page)


def test_a_form_posted_without_its_csrf_token_is_refused(page: Page, staff, live_server):
    reference = file(live_server, "Csrf Child")["reference"]
    sign_in(page, "desk-prac")
    refused = page.request.post(f"{live_server}/desk/referrals/{reference}/acknowledge", form={"csrf": "guess"})
    assert refused.status == 403
    page.goto(f"/desk/referrals/{reference}")
    expect(page.get_by_role("button", name="Acknowledge receipt")).to_be_visible()  # still not acknowledged


def test_an_admin_sees_the_verified_audit_trail_and_no_referrals(page: Page, staff, live_server):
    reference = file(live_server, "Admin Child")["reference"]
    sign_in(page, "desk-admin")
    expect(page.locator("#chain")).to_contain_text("The hash chain verifies")
    expect(page.locator("#audit")).to_contain_text("auth.signed_in")
    expect(page.get_by_role("link", name="Queue")).to_have_count(0)
    axe(page)
    screenshot(page, "desk-audit")
    assert page.goto(f"/desk/referrals/{reference}").status == 403


def test_earlier_referrals_about_the_same_child_are_shown_with_the_re_referral_flag(page: Page, staff, live_server):
    def about_sam() -> str:
        body = copy.deepcopy(REFERRAL)
        body["children"][0] = {"name": "Sam Earlier", "date_of_birth": "2019-04-02", "school": "Oak Primary"}
        response = httpx.post(f"{live_server}/api/v1/referrals", json=body, timeout=30)
        assert response.status_code == 201, response.text
        return response.json()["reference"]

    first, second = about_sam(), about_sam()
    sign_in(page, "desk-prac")
    page.goto(f"/desk/referrals/{second}")
    earlier = page.locator("#earlier")
    expect(earlier).to_contain_text(first)
    expect(earlier).to_contain_text("name and date of birth")
    expect(earlier).to_contain_text("Re-referral within 12 months")
