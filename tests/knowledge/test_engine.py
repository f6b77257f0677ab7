"""What the engine says, to whom, and what it asks next."""

import pytest

from knowledge import AssessmentRequest, InvalidRequest, assess, engine
from knowledge.loader import load_document
from knowledge.schema import Consent, Route, Urgency

DOC = load_document("england")


def ask(**fields):
    return assess(AssessmentRequest(**fields))


def ids_where(predicate):
    return sorted(i.id for i in DOC.indicators.values() if predicate(i))


def test_nothing_known_is_universal_and_asks_about_danger_first():
    response = ask(reporter_role="teacher", child_age_years=7)
    assert (response.level, response.urgency, response.routes) == (1, Urgency.standard, [Route.universal])
    assert response.questions[0].id == "immediate_danger"
    assert response.threshold_document.id == "england" and response.threshold_document.version == DOC.version


def test_answered_questions_are_not_asked_again():
    response = ask(
        reporter_role="teacher",
        answers={"immediate_danger": False, "concern_is_about_adult_working_with_children": None},
    )
    asked = {q.id for q in response.questions}
    assert "immediate_danger" not in asked and "concern_is_about_adult_working_with_children" not in asked


def test_every_question_offered_could_change_the_outcome():
    for indicator_id in sorted(DOC.indicators)[::7]:
        request = AssessmentRequest(reporter_role="gp", child_age_years=8, indicators=[indicator_id])
        base = assess(request)
        for question in base.questions:
            spec = DOC.questions[question.id]
            if spec.always_first or spec.standing:
                continue
            yes = assess(request.model_copy(update={"answers": {question.id: True}}))
            no = assess(request.model_copy(update={"answers": {question.id: False}}))
            outcomes = {(r.level, r.urgency, tuple(r.routes)) for r in (base, yes, no)}
            assert len(outcomes) > 1, (indicator_id, question.id)


SCREENING = [q.id for q in DOC.questions.values() if q.screening]
UNREAD = "Something about the way things are at number 12 does not sit right with me."


def test_words_that_match_nothing_are_never_read_as_needs_met():
    response = ask(reporter_role="public", narrative=UNREAD, answers={"immediate_danger": False})
    assert response.indicators == [] and response.level == 1
    assert response.rationale.startswith(engine.NOT_MATCHED["public"])
    assert "met" not in response.rationale and "Nothing described" not in response.rationale


def test_words_that_match_nothing_lead_to_a_question_about_each_kind_of_harm_in_turn():
    assert len(SCREENING) >= 4
    answers = {"immediate_danger": False}
    asked = []
    while True:
        questions = [q.id for q in ask(reporter_role="public", narrative=UNREAD, answers=answers).questions]
        if not questions or questions[0] not in SCREENING:
            break
        asked.append(questions[0])
        answers[questions[0]] = False
    assert asked == SCREENING  # each in the document's order, none twice
    assert "concern_is_about_adult_working_with_children" in questions


@pytest.mark.parametrize("question_id", SCREENING)
def test_a_yes_to_a_screening_question_is_a_concern_and_ends_the_screening(question_id):
    answers = {"immediate_danger": False, question_id: True}
    response = ask(reporter_role="teacher", child_age_years=9, narrative=UNREAD, answers=answers)
    assert response.level >= 3
    assert {i.id for i in response.indicators} == set(DOC.questions[question_id].confirms)
    assert not {q.id for q in response.questions} & set(SCREENING)
    assert engine.NOT_MATCHED["professional"] not in response.rationale


def test_screening_is_for_words_that_matched_nothing():
    read = ask(reporter_role="teacher", narrative="He told me his dad hits him with a belt", answers={})
    ticked = ask(reporter_role="teacher", indicators=["hunger_sometimes"])
    no_words = ask(reporter_role="teacher", answers={"immediate_danger": False})
    for response in (read, ticked, no_words):
        assert not {q.id for q in response.questions} & set(SCREENING)
    assert "Nothing described so far" in no_words.rationale


@pytest.mark.parametrize("category", sorted(c.id for c in DOC.categories.values() if c.consent is Consent.do_not_seek))
def test_never_advise_seeking_consent_where_that_endangers_the_child(category):
    for indicator_id in ids_where(lambda i, c=category: i.category == c):
        for extra in ([], ids_where(lambda i: i.category == "education")[:1]):
            response = ask(reporter_role="teacher", child_age_years=10, indicators=[indicator_id, *extra])
            assert response.consent.advice is Consent.do_not_seek, indicator_id
            assert "consent" in response.consent.text.lower() or "tell the family" in response.consent.text.lower()


def test_early_help_asks_for_agreement():
    indicator_id = ids_where(lambda i: i.level == 2 and DOC.categories[i.category].consent is Consent.seek)[0]
    response = ask(reporter_role="teacher", child_age_years=10, indicators=[indicator_id])
    assert response.level == 2 and Route.early_help in response.routes
    assert response.consent.advice is Consent.seek


def test_wording_follows_the_audience():
    harm = ids_where(lambda i: "significant_harm" in i.tags and i.urgency is Urgency.immediate)[0]
    teacher = ask(reporter_role="teacher", child_age_years=9, indicators=[harm])
    assert "designated safeguarding lead" in teacher.next_steps[0]
    child = ask(reporter_role="child", child_age_years=9, indicators=[harm])
    assert any("0800 1111" in step for step in child.next_steps)
    assert not any("designated safeguarding lead" in step for step in child.next_steps)
    public = ask(reporter_role="public", child_age_years=9, indicators=[harm])
    assert public.indicators[0].description == DOC.indicators[harm].plain
    assert teacher.indicators[0].description == DOC.indicators[harm].professional


def test_below_level_4_the_advice_still_says_refer_if_you_suspect_harm():
    response = ask(reporter_role="teacher", child_age_years=10, indicators=ids_where(lambda i: i.level == 2)[:1])
    assert any("refer to the front door anyway" in step for step in response.next_steps)


def test_raising_a_level_is_explained():
    needs = {}
    for indicator in DOC.indicators.values():
        if indicator.level == 2:
            needs.setdefault(indicator.domain, indicator.id)
    response = ask(reporter_role="teacher", child_age_years=10, indicators=list(needs.values())[:3])
    assert response.level == 3
    assert "raised from 2 to 3" in response.rationale and "we give the higher one" in response.rationale


def test_every_indicator_cites_its_source_and_evidence():
    harm = ids_where(lambda i: "significant_harm" in i.tags)[:3]
    response = ask(reporter_role="gp", child_age_years=5, indicators=harm)
    for item in response.indicators:
        assert item.source.startswith("00") and ".txt" in item.source
        assert item.evidence == "ticked by the reporter"


def test_unknown_ids_are_refused_naming_the_field():
    with pytest.raises(InvalidRequest) as caught:
        ask(reporter_role="gp", indicators=["not_an_indicator"])
    assert caught.value.field == "indicators.0"
    with pytest.raises(InvalidRequest) as caught:
        ask(reporter_role="gp", answers={"not_a_question": True})
    assert caught.value.field == "answers.not_a_question"


def test_routes_carry_who_to_contact():
    response = ask(
        reporter_role="teacher", child_age_years=9, answers={"concern_is_about_adult_working_with_children": True}
    )
    lado = next(advice for advice in response.route_advice if advice.route is Route.lado)
    assert lado.timescale == "within one working day"
    assert lado.contact_phone and lado.contact_is_placeholder
    assert response.urgency is Urgency.immediate
