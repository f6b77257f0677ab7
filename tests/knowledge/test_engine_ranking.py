"""The engine's shortcuts give what the plain computation gives.

Question ranking skips what-if decisions that cannot differ from the case's own and runs the rest
without a trace; these tests rank the questions the plain way (a full, traced decision for every
question's yes and no) and compare, on random facts from every document.
"""

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from knowledge import AssessmentRequest, assess, engine
from knowledge.analyser import Analysis, Finding
from knowledge.engine import MAX_QUESTIONS, Evidence, decide
from knowledge.loader import available_documents, load_document
from knowledge.schema import ReporterRole, Urgency

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
INVOLVED = ["parent", "relative", "stranger", "adult_working_with_children"]


def cases(doc):
    ids = sorted(doc.indicators)
    return st.fixed_dictionaries(
        {
            "role": st.sampled_from([role.value for role in ReporterRole]),
            "age": st.one_of(st.none(), st.integers(-1, 17)),
            "ticked": st.lists(st.sampled_from(ids), unique=True, max_size=6),
            "read": st.lists(st.sampled_from(ids), unique=True, max_size=3),  # found in the text
            "danger_in_text": st.booleans(),
            "involved": st.lists(st.sampled_from(INVOLVED), unique=True, max_size=2),
            "answers": st.dictionaries(st.sampled_from(sorted(doc.questions)), st.sampled_from([True, False, None])),
        }
    )


def request_of(doc, case):
    request = AssessmentRequest(
        reporter_role=case["role"],
        child_age_years=case["age"],
        indicators=case["ticked"],
        answers=case["answers"],
        threshold_document=doc.id,
    )
    analysis = Analysis(
        findings=[Finding(i, "words", 0, 5, 0.8) for i in case["read"]],
        involved=case["involved"],
        immediate_danger=case["danger_in_text"],
    )
    return request, analysis


def plain_ranking(doc, request, analysis):
    """The questions to ask, ranked with a full decision for each question's yes and no."""
    evidence = engine._gather(doc, request, analysis)
    facts = dict(role=request.reporter_role.value, age=request.child_age_years, answers=request.answers)
    involved = tuple(analysis.involved)
    now = decide(doc, evidence, **facts, involved=involved)
    present = {e.indicator.category for e in evidence.values()} | {
        t for e in evidence.values() for t in e.indicator.tags
    }

    def change(other):
        routes = {r.value for r in now.routes} ^ {r.value for r in other.routes}
        return (abs(other.urgency.rank - now.urgency.rank), abs(other.level - now.level), len(routes))

    ranked = []
    for order, question in enumerate(doc.questions.values()):
        if question.id in request.answers:
            continue
        if question.screening:
            # asked only while nothing is a concern (the analysis here always holds words)
            if not evidence:
                ranked.append((1, 0, 0, 0, order, question.id))
            continue
        if question.always_first or question.standing:
            if any(i not in evidence for i in question.confirms):
                ranked.append((0 if question.always_first else 1, 0, 0, 0, order, question.id))
            continue
        if question.ask_when and not present.intersection(question.ask_when):
            continue
        yes = {**{i: Evidence(doc.indicators[i], "yes", "answer") for i in question.confirms}, **evidence}
        no = {k: e for k, e in evidence.items() if not (k in question.rules_out and e.origin == "text")}
        best = max(change(decide(doc, case, **facts, involved=involved)) for case in (yes, no))
        if best > (0, 0, 0):
            ranked.append((2, -best[0], -best[1], -best[2], order, question.id))
    return [question_id for *_, question_id in sorted(ranked)[:MAX_QUESTIONS]]


@pytest.mark.parametrize("document_id", available_documents())
def test_ranking_with_shortcuts_asks_what_plain_ranking_asks(document_id):
    doc = load_document(document_id)

    @SETTINGS
    @given(cases(doc))
    def check(case):
        request, analysis = request_of(doc, case)
        engine.clear_caches()  # no verdict from an earlier example: every path is taken afresh
        response = assess(request, document=doc, analysis=analysis)
        assert [q.id for q in response.questions] == plain_ranking(doc, request, analysis)

    check()


@pytest.mark.parametrize("document_id", available_documents())
def test_what_if_verdicts_are_the_traced_decisions(document_id):
    doc = load_document(document_id)

    @SETTINGS
    @given(cases(doc))
    def check(case):
        request, analysis = request_of(doc, case)
        evidence = engine._gather(doc, request, analysis)
        facts = dict(role=case["role"], age=case["age"], answers=case["answers"], involved=tuple(case["involved"]))
        traced = decide(doc, evidence, **facts)
        key = engine._prefix(doc.decisions, **facts) + engine._book(doc).sum(evidence).features
        engine.clear_caches()
        assert engine._verdict(doc.decisions, key) == (
            traced.urgency.rank,
            traced.level,
            frozenset(route.value for route in traced.routes),
        )

    check()


@pytest.mark.parametrize("document_id", available_documents())
def test_features_are_computed_from_the_indicators(document_id):
    """The per-document sums give the features the tables read, worked out here from the indicators."""
    doc = load_document(document_id)
    decisions = doc.decisions
    rank = {u: u.rank for u in Urgency}

    @SETTINGS
    @given(st.lists(st.sampled_from(sorted(doc.indicators)), unique=True, max_size=8))
    def check(ids):
        items = [doc.indicators[i] for i in ids]
        tags = {t for i in items for t in i.tags}
        routes = {r.value for i in items for r in i.routes}
        l3 = {i.domain for i in items if i.level >= 3}
        expected = (
            tags if decisions.read_tags is None else tags & decisions.read_tags,
            max([1, *(i.level for i in items)]),
            len({i.domain for i in items if i.level >= 2}),
            len(l3),
            len({d.split(".", 1)[0] for d in l3}),
            len([i for i in items if i.category == "neglect" and i.level >= 2]),
            max([Urgency.standard, *(i.urgency for i in items)], key=rank.get).value,
            routes if decisions.read_routes is None else routes & decisions.read_routes,
        )
        evidence = {i.id: Evidence(i, "ticked", "ticked") for i in items}
        assert engine._book(doc).sum(evidence).features == expected

    check()


def test_a_response_never_shares_the_cached_verdict_trace():
    """Trace entries are built once per table row and verdicts are cached: a caller changing one
    response's trace must not change the next response's."""
    doc = load_document("england")
    request = AssessmentRequest(reporter_role="teacher", child_age_years=0, indicators=sorted(doc.indicators)[:3])
    first = assess(request, document=doc)
    expected = [dict(row) for row in first.trace]
    for row in first.trace:
        row["reason"] = "changed"
    assert assess(request, document=doc).trace == expected


def test_documents_sharing_tables_keep_their_own_wording():
    """A local document without its own tables shares its parent's, hence cached verdicts; the
    words built from a verdict must still be each document's own."""
    parent = load_document("england")
    key = next(iter(parent.meta.next_steps))
    reworded = {
        k: w.model_copy(update={"professional": f"local: {w.professional}"}) for k, w in parent.meta.next_steps.items()
    }
    local = dataclasses.replace(parent, meta=parent.meta.model_copy(update={"next_steps": reworded}))
    assert local.decisions is parent.decisions and key
    request = AssessmentRequest(reporter_role="gp", child_age_years=9, indicators=sorted(parent.indicators)[:2])
    ours, theirs = assess(request, document=parent), assess(request, document=local)
    assert ours.next_steps != theirs.next_steps
    assert any(step.startswith("local: ") for step in theirs.next_steps)
    assert not any(step.startswith("local: ") for step in assess(request, document=parent).next_steps)
