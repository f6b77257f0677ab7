"""Golden cases beside the rules: every rule row and every route is exercised by at least one case."""

from pathlib import Path

import pytest
import yaml

from knowledge import AssessmentRequest, assess
from knowledge.loader import DOCUMENTS_DIR, available_documents, load_document
from knowledge.schema import Route


def golden_cases(document_id: str) -> dict[str, dict]:
    """A document's cases are its own plus its parent's; its own replace the parent's with the same id."""
    doc = load_document(document_id)
    cases = golden_cases(doc.meta.extends) if doc.meta.extends else {}
    for path in sorted((DOCUMENTS_DIR / document_id / "golden").glob("*.yml")):
        for case in yaml.safe_load(Path(path).read_text()) or []:
            cases[case["id"]] = case
    return cases


ALL = [(document_id, case) for document_id in available_documents() for case in golden_cases(document_id).values()]


def run(document_id: str, case: dict):
    return assess(AssessmentRequest(**{**case["request"], "threshold_document": document_id}))


@pytest.mark.parametrize(("document_id", "case"), ALL, ids=[f"{d}:{c['id']}" for d, c in ALL])
def test_golden_case(document_id, case):
    response = run(document_id, case)
    expect = case["expect"]
    assert response.level == expect["level"]
    assert response.urgency.value == expect["urgency"]
    routes = {route.value for route in response.routes}
    assert set(expect.get("routes", [])) <= routes
    assert not set(expect.get("routes_absent", [])) & routes
    if "consent" in expect:
        assert response.consent.advice.value == expect["consent"]
    fired = {f"{row['table']}.{row['rule']}" for row in response.trace}
    assert set(expect.get("rules", [])) <= fired


@pytest.mark.parametrize("document_id", available_documents())
def test_every_rule_row_and_route_is_reached_by_a_golden_case(document_id):
    doc = load_document(document_id)
    fired, routes = set(), set()
    for case in golden_cases(document_id).values():
        response = run(document_id, case)
        fired |= {f"{row['table']}.{row['rule']}" for row in response.trace}
        routes |= set(response.routes)
    rows = {f"{name}.{row.id}" for name, table in doc.decisions.tables.items() for row in table.rows}
    assert rows - fired == set(), "rule rows no golden case reaches"
    assert set(Route) - routes == set(), "routes no golden case gives"
