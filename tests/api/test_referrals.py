import copy
import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, func, select

from api.models import AuditEvent, OutboxMessage, Referral
from api.services import audit

TEACHER_REFERRAL = {
    "referrer": {"role": "teacher", "name": "A Teacher", "organisation": "Hill Primary", "phone": "01234 567890"},
    "children": [{"name": "ZZCANARY Child", "age_years": 9, "school": "Hill Primary", "nhs_number": "943 476 5919"}],
    "concern": "Mia told me her dad hit her with a belt last night and showed me red marks across her legs.",
    "answers": {"immediate_danger": False},
    "consent": {
        "parents_aware": False,
        "consent": "not_sought",
        "reason_not_sought": "telling dad could put her at risk",
    },
}


def file(client, body=TEACHER_REFERRAL, key=None):
    return client.post("/api/v1/referrals", json=body, headers={"Idempotency-Key": key} if key else {})


def test_a_referral_is_filed_with_a_reference_deadlines_and_next_steps(client, database):
    response = file(client)
    assert response.status_code == 201, response.text
    receipt = response.json()
    assert receipt["reference"].startswith("MASH-") and receipt["status_token"]
    assert receipt["assessment"]["level"] == 4 and receipt["assessment"]["urgency"] == "immediate"
    assert receipt["rag"] == "red"
    received = datetime.fromisoformat(receipt["received_at"])
    assert received < datetime.fromisoformat(receipt["acknowledge_by"]) <= received + timedelta(days=5)
    assert any("three working days" in step for step in receipt["what_happens_next"])
    assert "children.0.address" in receipt["still_needed"]
    with Session(database) as session:
        row = session.exec(select(Referral)).one()
        assert row.filed["children"][0]["nhs_number"] == "9434765919"
        assert session.exec(select(func.count()).select_from(AuditEvent)).one() == 1
        assert session.exec(select(func.count()).select_from(OutboxMessage)).one() == 1
        assert audit.verify(session)[0]


def test_a_retry_with_the_same_key_files_once(client, database):
    first = file(client, key="conversation-1:event-7")
    again = file(client, key="conversation-1:event-7")
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["reference"] == again.json()["reference"]
    assert again.json()["status_token"] is None  # the secret is shown once
    changed = copy.deepcopy(TEACHER_REFERRAL)
    changed["concern"] = "something else entirely"
    conflict = file(client, changed, key="conversation-1:event-7")
    assert conflict.status_code == 409 and conflict.json()["detail"][0]["field"] == "Idempotency-Key"
    with Session(database) as session:
        assert session.exec(select(func.count()).select_from(Referral)).one() == 1


def test_concurrent_retries_store_one_referral(client, database):
    results = []

    def submit():
        results.append(file(client, key="same-key").status_code)

    threads = [threading.Thread(target=submit) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 6, "a request raised instead of answering"
    assert sorted(results).count(201) == 1 and set(results) <= {200, 201}
    with Session(database) as session:
        assert session.exec(select(func.count()).select_from(Referral)).one() == 1
        assert audit.verify(session) == (True, 1, "")


def test_a_reference_already_taken_is_drawn_again_and_nothing_is_lost(client, database, monkeypatch):
    # Six hex digits a day collide by chance (a bench of a few thousand filings hit it): force it.
    from api.services import referrals

    draws = iter(["MASH-000000-AAAAAA", "MASH-000000-AAAAAA", "MASH-000000-AAAAAA", "MASH-000000-BBBBBB"])
    monkeypatch.setattr(referrals, "_reference", lambda received: next(draws))
    first, second = file(client, key="first"), file(client, key="second")
    assert (first.status_code, second.status_code) == (201, 201), second.text
    assert (first.json()["reference"], second.json()["reference"]) == ("MASH-000000-AAAAAA", "MASH-000000-BBBBBB")
    token = {"X-Status-Token": second.json()["status_token"]}
    assert client.get("/api/v1/referrals/MASH-000000-BBBBBB/status", headers=token).status_code == 200
    with Session(database) as session:
        assert session.exec(select(func.count()).select_from(Referral)).one() == 2
        assert session.exec(select(func.count()).select_from(OutboxMessage)).one() == 2
        assert audit.verify(session)[0]


def test_a_reference_that_cannot_be_drawn_is_an_error_not_a_silent_loss(client, database, monkeypatch):
    from api.services import referrals

    monkeypatch.setattr(referrals, "_reference", lambda received: "MASH-000000-AAAAAA")
    assert file(client, key="first").status_code == 201
    with pytest.raises(referrals.ReferenceExhausted):
        file(client, key="second")
    with Session(database) as session:
        assert session.exec(select(func.count()).select_from(Referral)).one() == 1
        assert session.exec(select(func.count()).select_from(AuditEvent)).one() == 1


def test_the_referrer_sees_status_with_reference_and_token_only(client):
    receipt = file(client).json()
    ok = client.get(
        f"/api/v1/referrals/{receipt['reference']}/status", headers={"X-Status-Token": receipt["status_token"]}
    )
    assert ok.status_code == 200 and ok.json()["status"] == "received"
    wrong = client.get(f"/api/v1/referrals/{receipt['reference']}/status", headers={"X-Status-Token": "guess"})
    assert wrong.status_code == 404


def test_a_member_of_the_public_may_stay_anonymous_but_a_professional_may_not(client):
    public = {**TEACHER_REFERRAL, "referrer": {"role": "public", "anonymous": True}}
    assert file(client, public).status_code == 201
    anonymous_teacher = {**TEACHER_REFERRAL, "referrer": {"role": "teacher", "anonymous": True}}
    response = file(client, anonymous_teacher)
    assert response.status_code == 422 and "professionals cannot refer anonymously" in response.text


def test_bad_input_names_each_field_and_stores_nothing(client, database):
    body = copy.deepcopy(TEACHER_REFERRAL)
    body["children"][0]["nhs_number"] = "943 476 5918"
    body["children"][0]["age_years"] = 30
    body["phoned_first_at"] = "2099-01-01T00:00:00Z"
    response = file(client, body)
    assert response.status_code == 422
    fields = {problem["field"] for problem in response.json()["detail"]}
    assert {"children.0.nhs_number", "children.0.age_years", "phoned_first_at"} <= fields
    assert "ZZCANARY" not in response.text  # errors never echo what was submitted
    with Session(database) as session:
        assert session.exec(select(func.count()).select_from(Referral)).one() == 0
        assert session.exec(select(func.count()).select_from(AuditEvent)).one() == 0


def test_a_phoned_referral_shows_its_48_hour_confirmation_clock(client):
    called = datetime.now(UTC) - timedelta(hours=2)
    body = {**TEACHER_REFERRAL, "phoned_first_at": called.isoformat()}
    receipt = file(client, body).json()
    due = datetime.fromisoformat(receipt["confirmation_due"])
    assert abs((due - called) - timedelta(hours=48)) < timedelta(seconds=1)
    assert "48 hours" in receipt["what_happens_next"][0]


def test_the_audit_trail_is_append_only_and_tampering_is_detected(client, database):
    file(client)
    file(client, key="second")
    with Session(database) as session:
        first = session.exec(select(AuditEvent).order_by(AuditEvent.id)).first()
        first.actor = "someone else"
        session.add(first)
        with pytest.raises(DBAPIError, match="append-only"):
            session.commit()
    # A database superuser can still remove the trigger: the hash chain catches what follows.
    with database.begin() as connection:
        if database.dialect.name == "postgresql":
            connection.execute(text("DROP TRIGGER auditevent_append_only ON auditevent"))
        else:
            connection.execute(text("DROP TRIGGER auditevent_no_update"))
        connection.execute(
            text("UPDATE auditevent SET actor = 'someone else' WHERE id = (SELECT min(id) FROM auditevent)")
        )
    with Session(database) as session:
        intact, _, problem = audit.verify(session)
        assert not intact and "does not follow" in problem
