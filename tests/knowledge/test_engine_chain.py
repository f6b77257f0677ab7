"""The engine runs each table set as one compiled function of a decision key; it must give what the
tables give when they are run one by one (Table.fired, itself checked against zen in test_decisions)."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from knowledge import engine
from knowledge.decisions import DecisionTables
from knowledge.loader import available_documents, load_document
from knowledge.schema import ReporterRole, Route, Urgency

SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
RANK = {u.value: u.rank for u in Urgency}
VALUE = {u.rank: u.value for u in Urgency}
INVOLVED = ["parent", "relative", "stranger", "adult_working_with_children"]


def keys(doc, decisions):
    """Decision keys as engine._prefix and the book's features make them, with any values the tables test."""
    answer = st.sampled_from([True, False, None])
    answered = st.dictionaries(st.sampled_from(sorted(decisions.answer_keys)), answer).map(
        lambda answers: tuple((key, answers[key]) for key in decisions.answer_keys if key in answers)
    )
    tags = sorted(doc.tags | (decisions.read_tags or frozenset()))
    return st.tuples(
        st.sampled_from([role.value for role in ReporterRole]),
        st.one_of(st.sampled_from([None, -1, 0, 12, 13, 17]), st.integers(-1, 17)),
        answered,
        st.frozensets(st.sampled_from(INVOLVED)),
        st.frozensets(st.sampled_from(tags)),
        st.integers(1, 4),
        st.integers(0, 8),
        st.integers(0, 5),
        st.integers(0, 3),
        st.integers(0, 6),
        st.sampled_from(list(RANK)),
        st.frozensets(st.sampled_from([route.value for route in Route])),
    )


def one_by_one(decisions, key):
    """The tables run in turn on the facts the key stands for: (rank, level, routes, trace)."""
    facts = engine._facts(key)
    tables = decisions.tables
    trace = tables["level"].fired(facts)
    level = max([1, *(int(out["level"]) for out in trace if out.get("level") is not None)])
    facts["level"] = level
    urgency = tables["urgency"].fired(facts)
    rank = max([0, *(RANK.get(out.get("urgency"), 0) for out in urgency)])
    facts["urgency"] = VALUE[rank]
    routes = tables["routes"].fired(facts)
    return rank, level, {out["route"] for out in routes}, [*trace, *urgency, *routes]


def check_chains(doc, decisions):
    traced, untraced = engine._chain(decisions, traced=True), engine._chain(decisions)

    @SETTINGS
    @given(keys(doc, decisions))
    def check(key):
        rank, level, routes, trace = one_by_one(decisions, key)
        assert traced(key) == (rank, level, routes, trace)
        assert untraced(key) == (rank, level, frozenset(routes))

    check()


@pytest.mark.parametrize("document_id", available_documents())
def test_compiled_chain_gives_what_the_tables_give_one_by_one(document_id):
    doc = load_document(document_id)
    check_chains(doc, doc.decisions)


def test_later_tables_read_the_level_and_urgency_the_earlier_ones_gave(tmp_path):
    """Output cells that read the facts, at every stage: a level row's cell cannot see the level yet,
    an urgency row's sees the level, a route row's sees both."""
    doc = load_document("england")
    graph = json.loads(doc.decisions.path.read_text())
    nodes = {node.get("name"): node for node in graph["nodes"]}
    for name in ("level", "urgency", "routes"):
        rules = nodes[name]["content"]["rules"]
        rules[0]["out_source"] = "level"
        rules[-1]["out_reason"] = "urgency"
    nodes["routes"]["content"]["rules"][1]["out_source"] = "level_max + dims_l2"
    path = tmp_path / "decisions.jdm.json"
    path.write_text(json.dumps(graph))
    decisions = DecisionTables.from_file(path)
    check_chains(doc, decisions)
    key = ("teacher", 7, (), frozenset(), frozenset(), 2, 1, 0, 0, 0, "standard", frozenset())
    entries = {(row["table"], row["rule"]): row for row in engine._chain(decisions, traced=True)(key)[3]}
    assert entries[("level", "highest_indicator")]["source"] is None
    assert entries[("urgency", "indicator_urgency")]["source"] == 2
