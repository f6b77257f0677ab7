import pytest
from sqlmodel import Session, func, select

from api.core.security import hash_password
from api.models import AuditEvent, Referral, StaffUser
from api.services import audit
from tests.api.test_referrals import TEACHER_REFERRAL, file

PASSWORD = "correct horse battery staple"


@pytest.fixture
def staff(client, database):
    with Session(database) as session:
        for name, role in [("pat", "mash_practitioner"), ("mo", "mash_manager"), ("ada", "admin")]:
            session.add(StaffUser(username=name, password_hash=hash_password(PASSWORD), role=role))
        session.commit()

    def headers(name: str) -> dict[str, str]:
        token = client.post("/api/v1/auth/token", data={"username": name, "password": PASSWORD}).json()["access_token"]
        return {"Authorization": f"Bearer {token}"}

    return {name: headers(name) for name in ("pat", "mo", "ada")}


def test_the_queue_puts_the_most_urgent_first_and_every_read_is_audited(client, database, staff):
    public = {**TEACHER_REFERRAL, "referrer": {"role": "public", "anonymous": True},
              "concern": "The family has money worries and the kids are often late."}  # fmt: skip
    file(client, public)
    urgent = file(client).json()["reference"]
    queue = client.get("/api/v1/staff/referrals", headers=staff["pat"]).json()
    assert queue[0]["reference"] == urgent and queue[0]["urgency"] == "immediate"
    assert [
        item["urgency"] for item in client.get("/api/v1/staff/referrals?urgency=standard", headers=staff["pat"]).json()
    ] == ["standard"]
    client.get(f"/api/v1/staff/referrals/{urgent}", headers=staff["pat"])
    with Session(database) as session:
        actions = session.exec(select(AuditEvent.action)).all()
    assert actions.count("queue.read") == 2 and actions.count("referral.read") == 1


def test_acknowledge_decide_feedback_reach_the_referrer(client, database, staff):
    receipt = file(client).json()
    reference, token = receipt["reference"], receipt["status_token"]
    early = client.post(
        f"/api/v1/staff/referrals/{reference}/decision",
        json={"decision": "section_17_assessment", "reason": "x"},
        headers=staff["mo"],
    )
    assert early.status_code == 409  # acknowledge first
    assert client.post(f"/api/v1/staff/referrals/{reference}/acknowledge", headers=staff["pat"]).status_code == 200
    assert client.post(f"/api/v1/staff/referrals/{reference}/acknowledge", headers=staff["pat"]).status_code == 409
    by_practitioner = client.post(f"/api/v1/staff/referrals/{reference}/decision",
                                  json={"decision": "strategy_discussion_section_47", "reason": "belt injuries"}, headers=staff["pat"])  # fmt: skip
    assert by_practitioner.status_code == 403
    decided = client.post(f"/api/v1/staff/referrals/{reference}/decision",
                          json={"decision": "strategy_discussion_section_47", "reason": "belt injuries"}, headers=staff["mo"])  # fmt: skip
    assert decided.status_code == 200 and decided.json()["status"] == "decided"
    client.post(
        f"/api/v1/staff/referrals/{reference}/feedback",
        json={"text": "We are making enquiries; thank you."},
        headers=staff["pat"],
    )
    client.post(
        f"/api/v1/staff/referrals/{reference}/addenda",
        json={"text": "Sibling attends Hill Secondary."},
        headers=staff["pat"],
    )
    status = client.get(f"/api/v1/referrals/{reference}/status", headers={"X-Status-Token": token}).json()
    assert status["acknowledged_at"] and status["decision"] == "strategy_discussion_section_47"
    assert status["feedback"] == "We are making enquiries; thank you."
    full = client.get(f"/api/v1/staff/referrals/{reference}", headers=staff["mo"]).json()
    assert full["filed"]["concern"] == TEACHER_REFERRAL["concern"]  # what was filed is unchanged
    assert full["addenda"][0]["text"] == "Sibling attends Hill Secondary." and full["addenda"][0]["author"] == "pat"
    with Session(database) as session:
        assert audit.verify(session)[0]
        assert session.exec(select(func.count()).select_from(Referral)).one() == 1


def test_roles_are_enforced_and_tokens_are_required(client, staff):
    reference = file(client).json()["reference"]
    assert client.get("/api/v1/staff/referrals").status_code == 401
    assert client.get("/api/v1/staff/referrals", headers={"Authorization": "Bearer forged"}).status_code == 401
    assert client.get("/api/v1/staff/referrals", headers=staff["ada"]).status_code == 403  # admins have no case access
    assert client.get(f"/api/v1/staff/referrals/{reference}", headers=staff["ada"]).status_code == 403
    assert client.get("/api/v1/staff/audit/verify", headers=staff["ada"]).json()["intact"] is True
    assert client.get("/api/v1/staff/audit/verify", headers=staff["pat"]).status_code == 403


def test_sign_in_is_throttled_after_five_failures(client, staff):
    for _ in range(5):
        assert client.post("/api/v1/auth/token", data={"username": "mo", "password": "wrong"}).status_code == 401
    assert client.post("/api/v1/auth/token", data={"username": "mo", "password": PASSWORD}).status_code == 429


def test_earlier_referrals_about_the_same_child_are_found(client, staff):
    first = {
        **TEACHER_REFERRAL,
        "children": [{"name": "Amelia Jones", "date_of_birth": "2017-03-02", "address": "4 Elm Road, Leigh"}],
    }
    same_child_misspelt = {**TEACHER_REFERRAL, "children": [{"name": "Amelia Jonez", "date_of_birth": "2017-03-02"}]}
    same_address = {**TEACHER_REFERRAL, "children": [{"name": "Leo Smith", "address": "4 ELM ROAD LEIGH"}]}
    other_child = {**TEACHER_REFERRAL, "children": [{"name": "Ben Brown", "date_of_birth": "2015-01-01"}]}
    earliest = file(client, first).json()["reference"]
    second = file(client, same_child_misspelt).json()["reference"]
    third = file(client, same_address).json()["reference"]
    fourth = file(client, other_child).json()["reference"]
    view = client.get(f"/api/v1/staff/referrals/{second}", headers=staff["pat"]).json()
    assert [(m["reference"], m["matched_on"], m["re_referral"]) for m in view["earlier_referrals"]] == [
        (earliest, "name and date of birth", True)
    ]
    view = client.get(f"/api/v1/staff/referrals/{third}", headers=staff["pat"]).json()
    assert [m["matched_on"] for m in view["earlier_referrals"]] == ["address"]
    assert client.get(f"/api/v1/staff/referrals/{fourth}", headers=staff["pat"]).json()["earlier_referrals"] == []


def test_export_as_json_and_as_a_printable_form_escapes_what_was_filed(client, database, staff):
    hostile = {**TEACHER_REFERRAL, "concern": "<script>alert(1)</script> he hit her with a belt"}
    reference = file(client, hostile).json()["reference"]
    exported = client.get(f"/api/v1/staff/referrals/{reference}/export", headers=staff["pat"])
    assert exported.status_code == 200 and exported.json()["filed"]["concern"] == hostile["concern"]
    assert "attachment" in exported.headers["content-disposition"]
    printed = client.get(f"/api/v1/staff/referrals/{reference}/print", headers=staff["mo"])
    assert printed.status_code == 200 and f"Multi-agency referral {reference}" in printed.text
    assert "<script>alert(1)</script>" not in printed.text and "&lt;script&gt;" in printed.text
    with Session(database) as session:
        actions = session.exec(select(AuditEvent.action)).all()
    assert {"referral.exported", "referral.printed"} <= set(actions)
