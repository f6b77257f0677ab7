"""Bodies the API cannot use: each refusal names `body` when there is no field inside it to name, and an
oversized body is refused whole (413) whether or not it declares its length."""

import json

from sqlmodel import Session, func, select

from api.core.config import get_settings
from api.core.security import hash_password
from api.models import Referral, StaffUser

VALID = {
    "referrer": {"role": "public", "anonymous": True},
    "children": [{"name": "Test Child", "age_years": 6}],
    "concern": "The children next door were left alone all night.",
}


def referrals_stored(database) -> int:
    with Session(database) as session:
        return session.exec(select(func.count()).select_from(Referral)).one()


def test_invalid_json_names_the_body_and_where_decoding_failed(client):
    response = client.post(
        "/api/v1/referrals", content=b'{"concern": "hit', headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 422
    [problem] = response.json()["detail"]
    assert problem["field"] == "body"
    assert "not valid JSON" in problem["message"] and "character" in problem["message"]
    assert "hit" not in response.text  # the reason never quotes what was sent


def test_a_list_where_an_object_belongs_names_the_body(client):
    response = client.post("/api/v1/referrals", json=["a list"])
    assert response.status_code == 422
    assert [problem["field"] for problem in response.json()["detail"]] == ["body"]


def test_field_errors_keep_their_dotted_names(client):
    response = client.post("/api/v1/referrals", json={**VALID, "children": [{"age_years": 40}]})
    assert response.status_code == 422
    assert "children.0.age_years" in [problem["field"] for problem in response.json()["detail"]]


def test_a_declared_oversized_body_is_refused_before_it_is_read(client, database):
    limit = get_settings().max_body_bytes
    body = json.dumps({**VALID, "concern": "x" * (limit + 1)})
    response = client.post("/api/v1/referrals", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 413
    assert str(limit) in response.json()["detail"][0]["message"]
    assert referrals_stored(database) == 0


def test_a_chunked_oversized_body_with_no_length_is_refused_too(client, database):
    limit = get_settings().max_body_bytes
    body = json.dumps({**VALID, "concern": "x" * (limit + 1)}).encode()

    def chunks():
        for start in range(0, len(body), 64 * 1024):
            yield body[start : start + 64 * 1024]

    response = client.post("/api/v1/referrals", content=chunks(), headers={"Content-Type": "application/json"})
    assert response.status_code == 413
    assert referrals_stored(database) == 0


def test_a_body_under_the_limit_is_not_refused_for_its_size(client, database):
    response = client.post("/api/v1/referrals", json={**VALID, "concern": "x" * 19_000})
    assert response.status_code == 201, response.text
    assert referrals_stored(database) == 1


# Found by tests/production/test_openapi_fuzz.py (schemathesis): each answer below once broke the schema.


def test_a_body_that_cannot_be_decoded_is_a_422_naming_the_body_not_a_400(client, database):
    not_utf8 = client.post("/api/v1/referrals", content=b"\x80\xfe{", headers={"Content-Type": "application/json"})
    no_boundary = client.post("/api/v1/auth/token", content=b"username=a", headers={"Content-Type": "multipart/form-data"})  # fmt: skip
    for response in (not_utf8, no_boundary):
        assert response.status_code == 422
        assert [problem["field"] for problem in response.json()["detail"]] == ["body"]
    assert referrals_stored(database) == 0


def test_the_published_422_problem_is_the_one_the_api_sends(client):
    published = client.get("/openapi.json").json()["components"]["schemas"]["ValidationError"]
    [problem] = client.post("/api/v1/referrals", json={**VALID, "concern": ""}).json()["detail"]
    assert set(problem) == set(published["required"]) == set(published["properties"]) == {"field", "message"}


def _manager_token(client, database) -> dict[str, str]:
    with Session(database) as session:
        session.add(StaffUser(username="mo", password_hash=hash_password("pw"), role="mash_manager"))
        session.commit()
    token = client.post("/api/v1/auth/token", data={"username": "mo", "password": "pw"}).json()["access_token"]
    return {"Authorization": f"Bearer {token}"}


def test_every_staff_answer_without_a_token_or_referral_is_documented(client, database):
    manager = _manager_token(client, database)
    operations = client.get("/openapi.json").json()["paths"]
    staff = [
        (method, path) for path, item in operations.items() if path.startswith("/api/v1/staff/") for method in item
    ]
    assert len(staff) == 9
    for method, path in staff:
        documented = operations[path][method]["responses"]
        url = path.replace("{reference}", "MASH-000000-NOPE")
        body = {"decision": "no_further_action", "reason": "x"} if path.endswith("/decision") else {"text": "x"}
        signed_out = client.request(method, url, json=body if method == "post" else None)
        assert signed_out.status_code == 401 and "401" in documented, path
        if "{reference}" in path:
            missing = client.request(method, url, json=body if method == "post" else None, headers=manager)
            assert missing.status_code == 404 and "404" in documented, path


def test_an_addendum_is_answered_with_what_was_stored_not_an_empty_object(client, database):
    manager = _manager_token(client, database)
    reference = client.post("/api/v1/referrals", json=VALID).json()["reference"]
    response = client.post(f"/api/v1/staff/referrals/{reference}/addenda", json={"text": "Sibling at Hill Secondary."}, headers=manager)  # fmt: skip
    assert response.status_code == 201
    assert response.json()["text"] == "Sibling at Hill Secondary." and response.json()["author"] == "mo"
