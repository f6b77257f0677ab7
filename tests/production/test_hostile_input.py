"""Hostile input against the real app (every layer but the socket: FastAPI's TestClient, real
migrations, a fresh SQLite file or a fresh schema on the real PostgreSQL).

- A rejection is a clear 4xx that names the field (or, when the body cannot be parsed at all, says
  so), never echoes the submitted value (it may hold a disclosure: hazard H8), and stores nothing:
  no referral, no audit row, no outbox message (hazard H7, nothing half-stored).
- What is accepted is stored exactly as sent (script tags, SQL metacharacters, unicode tricks) and
  shown escaped in the staff print view; SQL-ish strings in paths and queries do nothing.
"""

from __future__ import annotations

import copy
import json
import os
import uuid

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text
from sqlmodel import Session, func, select

from api.core import db, migrations
from api.core.security import hash_password
from api.main import app
from api.models import AuditEvent, OutboxMessage, Referral, StaffUser
from api.services import audit, signin

POSTGRES = os.environ.get("TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
PASSWORD = "correct horse battery staple"
SECRET = "ZZHOSTILE Secretname"  # planted in every rejected value: must never come back in a response
VALID = {
    "referrer": {"role": "teacher", "name": "A Teacher", "organisation": "Hill Primary", "phone": "01234 567890"},
    "children": [{"name": "Mia Example", "age_years": 9, "school": "Hill Primary"}],
    "concern": "Mia told me her dad hit her with a belt last night and showed me red marks across her legs.",
    "answers": {"immediate_danger": False},
}
SCRIPT = "<script>alert('x')</script>"
SQLISH = "Robert'); DROP TABLE referral;-- \" OR 1=1; /* */ \\' %' _"
UNICODE_TRICKS = (
    "Ann\u202eevil\u202c \u200b\u200d\ufeff M\u0430ria \U0001f600 \u0301e"  # RTL override, zero-width, Cyrillic a
)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database(request, tmp_path):
    if request.param == "sqlite":
        engine = db.get_engine(f"sqlite:///{tmp_path / 'hostile.db'}")
        migrations.upgrade(engine)
        yield engine
        engine.dispose()
        return
    schema = f"h_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES)
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    engine = create_engine(POSTGRES, connect_args={"options": f"-csearch_path={schema}"})
    try:
        migrations.upgrade(engine)
        yield engine
    finally:
        engine.dispose()
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@pytest.fixture
def client(database, monkeypatch):
    monkeypatch.setattr(db, "get_engine", lambda url=None: database)
    signin.reset()
    with TestClient(app) as test_client:
        yield test_client


def with_(path: str, value) -> dict:
    """VALID with one field (dotted path, list indexes as numbers) set to value."""
    body = copy.deepcopy(VALID)
    *parents, last = path.split(".")
    node = body
    for part in parents:
        node = node[int(part)] if part.isdigit() else node.setdefault(part, {})
    node[int(last) if last.isdigit() else last] = value
    return body


def stored(database) -> tuple[int, int, int]:
    with Session(database) as session:
        return tuple(session.exec(select(func.count()).select_from(table)).one() for table in (Referral, AuditEvent, OutboxMessage))  # fmt: skip


# Each: a body that must be refused, and the field the refusal must name.
REJECTED_FIELDS = {
    "10k-char child name": (with_("children.0.name", SECRET + "x" * 10_000), "children.0.name"),
    "10k-char referrer name": (with_("referrer.name", SECRET + "x" * 10_000), "referrer.name"),
    "300k-char concern": (with_("concern", SECRET + "x" * 300_000), "concern"),
    "500 kB unknown field": ({**VALID, "padding": SECRET + "x" * 500_000}, "padding"),
    "10k answers": (with_("answers", {f"{SECRET}{n}": True for n in range(10_000)}), "answers"),
    "1000 children": (with_("children", [{"name": SECRET, "age_years": 9}] * 1000), "children"),
    "nested object as a name": (with_("children.0.name", {"a": {"b": {"c": [SECRET]}}}), "children.0.name"),
    "script in an email": (with_("referrer.email", f"{SECRET}<script>@x.y"), "referrer.email"),
    "SQL in an age": (with_("children.0.age_years", f"9; DROP TABLE referral; -- {SECRET}"), "children.0.age_years"),
    "SQL in a role": (with_("referrer.role", f"teacher' OR '1'='1 {SECRET}"), "referrer.role"),
    "lone surrogate in the concern": (with_("concern", f"{SECRET} \ud800 hit her"), "concern"),
    "empty concern": (with_("concern", "   "), "concern"),
}


@pytest.mark.parametrize("case", sorted(REJECTED_FIELDS))
def test_rejected_bodies_name_the_field_and_store_nothing(client, database, case):
    body, field = REJECTED_FIELDS[case]
    content = json.dumps(body)  # the lone surrogate goes out as the JSON escape \ud800, as a hostile client would
    response = client.post(
        "/api/v1/referrals", content=content, headers={"Content-Type": "application/json", "Idempotency-Key": case}
    )
    assert response.status_code == 422, (case, response.status_code, response.text[:300])
    fields = [problem["field"] for problem in response.json()["detail"]]
    assert any(named == field or named.startswith(field + ".") for named in fields), (case, fields)
    assert stored(database) == (0, 0, 0)


# Bodies that cannot be parsed as JSON at all: no field to name, so the answer must say the body is bad.
UNPARSEABLE = {
    "invalid UTF-8": b'{"concern": "' + SECRET.encode() + b' \xff\xfe\xc3\x28 hit her"}',
    "deeply nested list (100k levels)": b'{"concern": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    "deeply nested objects (50k levels)": b'{"answers": ' + b'{"a": ' * 50_000 + b"1" + b"}" * 50_000 + b"}",
    "truncated JSON": json.dumps(VALID).encode()[:-20],
    "JSON that is not an object": json.dumps([SECRET]).encode(),
}


@pytest.mark.parametrize("case", sorted(UNPARSEABLE))
@pytest.mark.parametrize("path", ["/api/v1/referrals", "/api/v1/assessments"])
def test_unparseable_bodies_are_a_clear_4xx_and_store_nothing(client, database, case, path):
    response = client.post(path, content=UNPARSEABLE[case], headers={"Content-Type": "application/json"})
    assert response.status_code == 422, (case, response.status_code, response.text[:300])
    detail = response.json()["detail"]
    words = json.dumps(detail).lower()
    # A body that cannot be read, JSON that does not decode, or an array where an object belongs: each a
    # 422 naming the field "body" (api/main.py), as the schema documents.
    assert "body" in words or "json" in words or "object" in words, (case, detail)
    assert SECRET not in response.text
    assert stored(database) == (0, 0, 0)


def test_rejections_never_echo_the_submitted_value(client, database):
    responses = [
        client.post("/api/v1/referrals", content=json.dumps(body), headers={"Content-Type": "application/json"})
        for body, _field in REJECTED_FIELDS.values()
    ]
    responses.append(client.post("/api/v1/referrals", json=VALID, headers={"Idempotency-Key": SECRET + "k" * 300}))
    responses.append(client.post("/api/v1/assessments", json={"reporter_role": "teacher", "narrative": SECRET * 5000}))
    for response in responses:
        assert 400 <= response.status_code < 500, response.status_code
        assert "ZZHOSTILE" not in response.text and "Secretname" not in response.text, response.text[:300]
    # The over-long header is named too, and still nothing was stored.
    assert any(problem["field"].lower().endswith("idempotency-key") for problem in responses[-2].json()["detail"])
    assert stored(database) == (0, 0, 0)


@pytest.fixture
def staff_headers(client, database):
    with Session(database) as session:
        session.add(StaffUser(username="pat", password_hash=hash_password(PASSWORD), role="mash_practitioner"))
        session.commit()
    token = client.post("/api/v1/auth/token", data={"username": "pat", "password": PASSWORD}).json()["access_token"]
    return {"Authorization": f"Bearer {token}"}


def test_script_sql_and_unicode_tricks_are_stored_as_sent_and_escaped_in_the_print_view(
    client, database, staff_headers
):
    body = copy.deepcopy(VALID)
    body["referrer"]["name"] = f"{SCRIPT} {SQLISH}"[:200]
    body["referrer"]["organisation"] = '"><img src=x onerror=alert(1)>'
    body["children"][0]["name"] = f"{UNICODE_TRICKS} {SCRIPT}"[:200]
    body["children"][0]["address"] = f"1 {SQLISH} Street"
    body["concern"] = f"{VALID['concern']} {SCRIPT} {SQLISH} {UNICODE_TRICKS} <b onmouseover=alert(2)>hit</b>"
    body["child_views"] = "</p></td></table><script>alert(3)</script>"
    body["agencies_involved"] = ["<iframe src=javascript:alert(4)>", "GP & school"]
    filed = client.post("/api/v1/referrals", json=body, headers={"Idempotency-Key": f"{SQLISH}"[:200]})
    assert filed.status_code == 201, filed.text[:300]
    reference = filed.json()["reference"]

    with Session(database) as session:
        row = session.exec(select(Referral)).one()
    assert row.filed["concern"] == body["concern"]  # stored as sent, not stripped or pre-escaped
    assert row.filed["children"][0]["name"] == body["children"][0]["name"]
    assert row.filed["referrer"]["organisation"] == body["referrer"]["organisation"]
    assert row.idempotency_key == SQLISH[:200]

    page = client.get(f"/api/v1/staff/referrals/{reference}/print", headers=staff_headers)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    html = page.text
    for raw in ("<script>", "<img", "<iframe", "<b onmouseover", "</table><script>"):
        assert raw not in html, f"{raw} reached the print view unescaped"
    assert "&lt;script&gt;alert(" in html  # shown, as text
    assert "&lt;iframe src=javascript:alert(4)&gt;" in html and "GP &amp; school" in html
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in html or "&quot;&gt;&lt;img" in html
    assert "DROP TABLE referral" in html and "\u202e" in html  # the text itself is kept, only escaped
    # The JSON views give the value back as data, exactly.
    view = client.get(f"/api/v1/staff/referrals/{reference}", headers=staff_headers)
    assert view.headers["content-type"].startswith("application/json")
    assert view.json()["filed"]["concern"] == body["concern"]


def test_sql_metacharacters_in_paths_queries_and_headers_do_nothing(client, database, staff_headers):
    filed = client.post("/api/v1/referrals", json=VALID).json()
    for reference in ("' OR '1'='1", "MASH%' OR 1=1 --", "x'; DROP TABLE referral; --", "%", "_"):
        status = client.get(f"/api/v1/referrals/{reference}/status", headers={"X-Status-Token": "' OR '1'='1"})
        assert status.status_code == 404, (reference, status.status_code)
        staff = client.get(f"/api/v1/staff/referrals/{reference}", headers=staff_headers)
        assert staff.status_code == 404, (reference, staff.status_code)
    wrong_token = client.get(
        f"/api/v1/referrals/{filed['reference']}/status", headers={"X-Status-Token": "' OR 1=1 --"}
    )
    assert wrong_token.status_code == 404
    queue = client.get("/api/v1/staff/referrals", params={"status": "' OR 1=1 --"}, headers=staff_headers)
    assert queue.status_code == 200 and queue.json() == []
    attempt = client.post("/api/v1/auth/token", data={"username": "pat' OR '1'='1' --", "password": "' OR '1'='1"})
    assert attempt.status_code in (400, 401)
    # The tables are all still there and hold exactly what was filed.
    referrals, _audit_rows, outbox = stored(database)
    assert (referrals, outbox) == (1, 1)
    with Session(database) as session:
        assert audit.verify(session)[0]
    assert client.get(f"/api/v1/referrals/{filed['reference']}/status", headers={"X-Status-Token": filed["status_token"]}).status_code == 200  # fmt: skip


def test_nul_bytes_and_control_characters_never_cause_a_5xx(client, database):
    body = with_("concern", f"{VALID['concern']} \x00 \x1b[31m \x7f end")
    body["children"][0]["name"] = "Mia\x00Example"
    response = client.post("/api/v1/referrals", json=body)
    assert response.status_code in (201, 422), (response.status_code, response.text[:300])
    if response.status_code == 201:
        with Session(database) as session:
            assert session.exec(select(Referral)).one().filed["concern"] == body["concern"]
    else:
        assert stored(database) == (0, 0, 0)
    assessed = client.post("/api/v1/assessments", json={"reporter_role": "teacher", "narrative": body["concern"]})
    assert assessed.status_code in (200, 422)


# Bodies over the API's size limit (1 MiB by default) are refused whole, before any route runs.
OVERSIZED = {
    "2 MB concern": with_("concern", SECRET + "x" * 2_000_000),
    "5 MB unknown field": {**VALID, "padding": SECRET + "x" * 5_000_000},
}


@pytest.mark.parametrize("case", sorted(OVERSIZED))
def test_oversized_bodies_are_refused_with_413_and_store_nothing(client, database, case):
    response = client.post("/api/v1/referrals", content=json.dumps(OVERSIZED[case]),
                           headers={"Content-Type": "application/json", "Idempotency-Key": case})  # fmt: skip
    assert response.status_code == 413, (case, response.status_code)
    assert response.json()["detail"][0]["field"] == "body"
    assert SECRET not in response.text
    assert stored(database) == (0, 0, 0)
