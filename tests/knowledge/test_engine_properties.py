"""Safety properties of the engine, over the whole catalogue (facts only, no text)."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from knowledge import AssessmentRequest, assess
from knowledge.loader import available_documents, load_document, read_document
from knowledge.schema import ReporterRole, Route, Urgency

RANK = {u: u.rank for u in Urgency}
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def cases(doc):
    return st.fixed_dictionaries(
        {
            "reporter_role": st.sampled_from(list(ReporterRole)),
            "child_age_years": st.one_of(st.none(), st.integers(-1, 17)),
            "indicators": st.lists(st.sampled_from(sorted(doc.indicators)), unique=True, max_size=6),
            "answers": st.fixed_dictionaries(
                {},
                optional={
                    "immediate_danger": st.sampled_from([False, None]),
                    "concern_is_about_adult_working_with_children": st.sampled_from([True, False, None]),
                },
            ),
            "threshold_document": st.just(doc.id),
        }
    )


@pytest.mark.parametrize("document_id", available_documents())
def test_adding_an_indicator_never_lowers_level_or_urgency(document_id):
    doc = load_document(document_id)

    @SETTINGS
    @given(cases(doc), st.sampled_from(sorted(doc.indicators)))
    def check(case, extra):
        before = assess(AssessmentRequest(**case))
        after = assess(AssessmentRequest(**{**case, "indicators": [*case["indicators"], extra]}))
        assert after.level >= before.level
        assert RANK[after.urgency] >= RANK[before.urgency]

    check()


@pytest.mark.parametrize("document_id", available_documents())
def test_danger_now_always_gives_999(document_id):
    doc = load_document(document_id)

    @SETTINGS
    @given(cases(doc))
    def check(case):
        response = assess(AssessmentRequest(**{**case, "answers": {**case["answers"], "immediate_danger": True}}))
        assert response.urgency is Urgency.emergency
        assert Route.emergency_services in response.routes
        assert response.level == 4
        assert response.next_steps[0] == response.route_advice[0].how  # the 999 step comes first

    check()


@pytest.mark.parametrize("document_id", available_documents())
def test_same_input_and_version_give_the_same_output(document_id):
    doc = load_document(document_id)
    fresh = read_document(doc.folder)  # a second, independent load of the same version

    @SETTINGS
    @given(cases(doc))
    def check(case):
        request = AssessmentRequest(**case)
        first = assess(request)
        assert assess(request) == first
        assert assess(request, document=fresh) == first

    check()


@pytest.mark.parametrize("document_id", available_documents())
def test_suspected_significant_harm_never_gets_advice_not_to_refer(document_id):
    doc = load_document(document_id)
    harm = sorted(i.id for i in doc.indicators.values() if "significant_harm" in i.tags)
    assert harm, "the catalogue must mark significant-harm indicators"
    for indicator_id in harm:
        response = assess(
            AssessmentRequest(reporter_role="teacher", indicators=[indicator_id], threshold_document=doc.id)
        )
        assert response.level == 4 and Route.mash_referral in response.routes, indicator_id
        assert response.urgency is not Urgency.standard, indicator_id
