"""Facts-only responses are built from parts the engine made, without validating them again; they must
be exactly the models validation gives: same values, types, field order and fields set, same JSON."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from knowledge import AssessmentRequest, AssessmentResponse, assess
from knowledge.loader import available_documents, load_document
from knowledge.schema import ReporterRole

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def cases(doc):
    return st.fixed_dictionaries(
        {
            "reporter_role": st.sampled_from(list(ReporterRole)),
            "child_age_years": st.one_of(st.none(), st.integers(-1, 17)),
            "indicators": st.lists(st.sampled_from(sorted(doc.indicators)), max_size=8),
            "answers": st.dictionaries(st.sampled_from(sorted(doc.questions)), st.sampled_from([True, False, None])),
            "threshold_document": st.just(doc.id),
        }
    )


def shape(value):
    """A model as what it is made of: its class, fields in their order, fields set, and each value
    with its exact type (1.0 is not 1), all the way down."""
    if isinstance(value, BaseModel):
        return (
            type(value),
            [(name, shape(item)) for name, item in value.__dict__.items()],
            sorted(value.model_fields_set),
            value.__pydantic_extra__,
            value.__pydantic_private__,
        )
    if isinstance(value, list | tuple):
        return (type(value), [shape(item) for item in value])
    if isinstance(value, dict):
        return (type(value), [(key, shape(item)) for key, item in value.items()])
    return (type(value), value)


@pytest.mark.parametrize("document_id", available_documents())
def test_built_responses_are_the_validated_ones(document_id):
    doc = load_document(document_id)

    @SETTINGS
    @given(cases(doc))
    def check(case):
        response = assess(AssessmentRequest(**case), document=doc)
        validated = AssessmentResponse.model_validate(response.model_dump())
        assert shape(response) == shape(validated)
        assert response == validated
        assert response.model_dump_json() == validated.model_dump_json()

    check()


def test_responses_share_no_part():
    """Each response is its own: changing one (the API may) never changes the next."""
    doc = load_document("england")
    request = AssessmentRequest(
        reporter_role="teacher", child_age_years=0, indicators=sorted(doc.indicators)[:3], answers={}
    )
    first = assess(request, document=doc)
    expected = first.model_dump_json()
    first.indicators[0].description = "changed"
    first.route_advice[0].how = "changed"
    first.consent.text = "changed"
    first.next_steps.append("changed")
    first.questions.clear()
    first.model_fields_set.discard("level")
    second = assess(request, document=doc)
    assert second.model_dump_json() == expected
    assert second.model_fields_set == set(AssessmentResponse.model_fields)
