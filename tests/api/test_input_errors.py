"""Bodies the API cannot use: each refusal names `body` when there is no field inside it to name, and an
oversized body is refused whole (413) whether or not it declares its length."""

import json

from sqlmodel import Session, func, select

from api.core.config import get_settings
from api.models import Referral

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
