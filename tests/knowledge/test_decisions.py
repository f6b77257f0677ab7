"""The compiled decision tables must mean exactly what zen-engine makes of the same JDM tables."""

import json

import pytest
import zen
from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge.loader import available_documents, load_document
from knowledge.schema import ReporterRole, Route, Urgency

INVOLVED = [
    "parent",
    "step_parent",
    "parent_partner",
    "relative",
    "other_child",
    "stranger",
    "adult_working_with_children",
]


def facts(doc):
    answer = st.sampled_from([True, False, None])
    return st.fixed_dictionaries(
        {
            "role": st.sampled_from([r.value for r in ReporterRole]),
            "age": st.one_of(st.none(), st.integers(-1, 17)),
            "answers": st.fixed_dictionaries(
                {},
                optional={"immediate_danger": answer, "concern_is_about_adult_working_with_children": answer},
            ),
            "involved": st.lists(st.sampled_from(INVOLVED), unique=True),
            "tags": st.lists(st.sampled_from(sorted(doc.tags)), unique=True),
            "categories": st.lists(st.sampled_from(sorted(doc.categories)), unique=True, max_size=4),
            "level_max": st.integers(1, 4),
            "dims_l2": st.integers(0, 8),
            "dims_l3": st.integers(0, 5),
            "sides_l3": st.integers(0, 3),
            "indicator_urgency": st.sampled_from([u.value for u in Urgency]),
            "indicator_routes": st.lists(st.sampled_from([r.value for r in Route]), unique=True),
            "level": st.integers(1, 4),
            "urgency": st.sampled_from([u.value for u in Urgency]),
        }
    )


def zen_rows(table, context):
    """Evaluate one table with zen's own graph evaluator."""
    graph = {
        "nodes": [
            {"id": "in", "type": "inputNode", "name": "in", "position": {"x": 0, "y": 0}},
            {
                "id": "t",
                "type": "decisionTableNode",
                "name": table.name,
                "position": {"x": 1, "y": 0},
                "content": table.content,
            },
            {"id": "out", "type": "outputNode", "name": "out", "position": {"x": 2, "y": 0}},
        ],
        "edges": [{"id": "a", "sourceId": "in", "targetId": "t"}, {"id": "b", "sourceId": "t", "targetId": "out"}],
    }
    return zen.ZenEngine().create_decision(json.dumps(graph)).evaluate(context)["result"]


@pytest.mark.parametrize("document_id", available_documents())
def test_compiled_tables_agree_with_zen(document_id):
    doc = load_document(document_id)

    @settings(max_examples=150, deadline=None)
    @given(facts(doc))
    def check(context):
        for table in doc.decisions.tables.values():
            ours = [outputs for _, outputs in table.evaluate(json.dumps(context))]
            assert ours == zen_rows(table, context), table.name

    check()
