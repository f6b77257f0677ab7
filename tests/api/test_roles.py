"""The role matrix: every route has an entry, and each staff route admits exactly the roles allowed."""

import pytest

from api.deps import PERMISSIONS
from api.main import app
from tests.api.test_workflow import staff  # noqa: F401 - the signed-in staff fixture

# Who may call each route: "anyone" (the public side) or a permission from api/deps.py.
MATRIX = {
    ("GET", "/healthz"): "anyone",
    ("POST", "/api/v1/assessments"): "anyone",
    ("POST", "/api/v1/referrals"): "anyone",
    ("GET", "/api/v1/referrals/{reference}/status"): "anyone",  # guarded by the referrer's token
    ("POST", "/api/v1/auth/token"): "anyone",
    ("POST", "/chat/message"): "anyone",
    ("GET", "/api/v1/staff/referrals"): "referral.read",
    ("GET", "/api/v1/staff/referrals/{reference}"): "referral.read",
    ("POST", "/api/v1/staff/referrals/{reference}/acknowledge"): "referral.acknowledge",
    ("POST", "/api/v1/staff/referrals/{reference}/decision"): "referral.decide",
    ("POST", "/api/v1/staff/referrals/{reference}/feedback"): "referral.feedback",
    ("POST", "/api/v1/staff/referrals/{reference}/addenda"): "referral.addendum",
    ("GET", "/api/v1/staff/referrals/{reference}/export"): "referral.export",
    ("GET", "/api/v1/staff/referrals/{reference}/print"): "referral.export",
    ("GET", "/api/v1/staff/audit/verify"): "audit.verify",
}
ROLES = {"pat": "mash_practitioner", "mo": "mash_manager", "ada": "admin"}
BODIES = {"decision": {"decision": "early_help", "reason": "r"}, "feedback": {"text": "t"}, "addenda": {"text": "t"}}


def app_routes():
    # Every operation the app publishes (FastAPI 0.16x nests included routers, so read the schema).
    for path, operations in app.openapi()["paths"].items():
        for method in operations:
            yield method.upper(), path


def test_every_route_has_an_entry_in_the_matrix():
    assert set(app_routes()) == set(MATRIX), "add the new route to MATRIX with who may call it"


@pytest.mark.parametrize(("method", "path"), [key for key, who in MATRIX.items() if who != "anyone"])
def test_staff_routes_admit_exactly_the_allowed_roles(client, staff, method, path):  # noqa: F811
    for name, role in ROLES.items():
        url = path.replace("{reference}", "MASH-000000-NOPE")
        body = BODIES.get(path.rsplit("/", 1)[-1])
        response = client.request(method, url, headers=staff[name], json=body)
        allowed = role in PERMISSIONS[MATRIX[(method, path)]]
        assert (response.status_code != 403) == allowed, (name, method, path, response.status_code)
        assert client.request(method, url, json=body).status_code == 401
