"""Fewer false readings where one sentence holds words of two concerns, never at the cost of the
assessment: each rule that drops a reading, in both directions, and the engine property it rests on."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from knowledge import AssessmentRequest, assess
from knowledge.analyser import Analyser
from knowledge.analyser.similar import Similar
from knowledge.loader import available_documents, load_document
from knowledge.schema import Indicator, ReporterRole

SOURCE = [{"file": "002_e27514d5ccdb7380.txt", "where": "lines 1-2"}]


def _indicator(id_: str, words: list[str], **extra) -> Indicator:
    return Indicator.model_validate(
        {
            "id": id_,
            "level": extra.pop("level", 4),
            "domain": extra.pop("domain", "child.health"),
            "category": extra.pop("category", "physical_abuse"),
            "professional": id_,
            "plain": id_,
            "words": words,
            "source": SOURCE,
            **extra,
        }
    )


def _found(analyser: Analyser, text: str) -> set[str]:
    return {f.indicator_id for f in analyser.analyse(text).findings}


# --- words inside a longer match --------------------------------------------------------------


def test_a_lesser_reading_inside_a_longer_match_goes_even_in_another_dimension():
    analyser = Analyser(
        [
            _indicator("child_uses_cannabis", ["cannabis"], level=2, domain="child.health", category="health"),
            _indicator("made_to_work", ["cannabis farm"], level=4, domain="child.education", category="trafficking"),
        ]
    )
    assert _found(analyser, "he is made to work in a cannabis farm") == {"made_to_work"}
    # the word alone is still read
    assert _found(analyser, "he smokes cannabis after school") == {"child_uses_cannabis"}


def test_a_reading_inside_a_longer_match_stays_where_its_dimension_could_still_raise_the_level():
    # Two level 3 concerns in different dimensions can add up to level 4: neither is dropped.
    analyser = Analyser(
        [
            _indicator("cooks_for_family", ["all the cooking"], level=3, domain="parenting.guidance_boundaries"),
            _indicator("young_carer", ["does all the cooking"], level=3, domain="child.self_care"),
        ]
    )
    assert _found(analyser, "he does all the cooking") == {"cooks_for_family", "young_carer"}


def test_words_a_longer_match_passed_over_in_its_gap_are_not_its_own():
    analyser = Analyser(
        [
            _indicator("sen_support", ["adhd"], level=2, domain="child.education", category="education"),
            _indicator("suicide_plan", ["has a plan"], level=4, domain="child.health", category="self_harm_suicide"),
        ]
    )
    # "has ... a ... plan" spans "adhd", but only as a gap: the reading of "adhd" stays.
    assert _found(analyser, "she has adhd and a support plan") == {"sen_support", "suicide_plan"}
    # the same words as the longer pattern's own words are its
    analyser = Analyser(
        [
            _indicator("sen_support", ["plan"], level=2, domain="child.education", category="education"),
            _indicator("suicide_plan", ["has a plan"], level=4, domain="child.health", category="self_harm_suicide"),
        ]
    )
    assert _found(analyser, "she has a plan") == {"suicide_plan"}


def test_a_reading_whose_family_must_not_be_asked_is_never_dropped_for_one_whose_may():
    def found(inner_category: str) -> set[str]:
        analyser = Analyser(
            [
                _indicator("exploited", ["machete"], level=4, domain="child.relationships", category=inner_category),
                _indicator("partner_violence", ["has a machete"], level=4, domain="parenting.safety"),
            ]
        )
        return _found(analyser, "her ex has a machete")

    # consent not to be sought (exploitation) against "inform" (physical abuse): both kept
    assert found("child_criminal_exploitation") == {"exploited", "partner_violence"}
    assert found("physical_abuse") == {"partner_violence"}


@cache
def _droppable(document_id: str) -> tuple[tuple[str, str], ...]:
    """Every (dropped, kept) pair of the document's indicators the longest-reading rule may drop."""
    doc = load_document(document_id)
    analyser = Analyser(doc.indicators.values())
    ids = sorted(doc.indicators)
    return tuple((x, k) for x in ids for k in ids if x != k and analyser._adds_nothing(x, k))


@pytest.mark.parametrize("document_id", available_documents())
def test_dropping_a_reading_that_adds_nothing_never_changes_the_assessment(document_id):
    doc = load_document(document_id)
    pairs = _droppable(document_id)
    assert pairs

    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        st.sampled_from(pairs),
        st.lists(st.sampled_from(sorted(doc.indicators)), unique=True, max_size=5),
        st.sampled_from(list(ReporterRole)),
        st.one_of(st.none(), st.integers(-1, 17)),
    )
    def check(pair, others, role, age):
        dropped, kept = pair
        case = {"reporter_role": role, "child_age_years": age, "threshold_document": doc.id}
        rest = [i for i in others if i not in pair]
        before = assess(AssessmentRequest(**case, indicators=[*rest, kept, dropped]))
        after = assess(AssessmentRequest(**case, indicators=[*rest, kept]))
        assert (after.level, after.urgency, after.routes, after.consent.advice) == (
            before.level,
            before.urgency,
            before.routes,
            before.consent.advice,
        )

    check()


# --- the subject of the clause ------------------------------------------------------------------


def test_so_before_the_words_is_not_a_new_clause():
    analyser = Analyser(
        [
            _indicator("child_low_mood", ["depressed"], level=2, domain="child.emotional_behavioural"),
            _indicator("parent_low_mood", ["can't get out of bed"], level=3, domain="parenting.emotional_warmth"),
        ]
    )
    # "mum is so depressed": mum's, not the child's
    assert _found(analyser, "mum is so depressed she can't get out of bed") == {"parent_low_mood"}
    # "so" that starts a clause about the child leaves the child's reading
    assert _found(analyser, "mum can't get out of bed so he is depressed") == {"child_low_mood", "parent_low_mood"}


# --- the similarity fallback --------------------------------------------------------------------


def test_the_fallback_needs_more_than_one_word_in_common():
    similar = Similar.train(
        {
            "private_fostering": ["lives with friends of the family", "staying with a family friend for months"],
            "drug_debt": ["owes money to dealers", "the dealers say he owes them for the drugs"],
        },
        str.split,
    )
    key, score, shared = similar.best(["has", "lots", "of", "friends"])
    assert (key, len(shared)) == ("private_fostering", 1)
    key, score, shared = similar.best(["the", "dealers", "want", "the", "money", "he", "owes"])
    assert key == "drug_debt" and len(shared) >= 2


def test_a_sentence_sharing_one_word_with_a_concern_is_not_read_as_it():
    analyser = Analyser(
        [_indicator("drug_debt", ["owes money to dealers"]), _indicator("bruise_on_face", ["bruise on his face"])],
        examples={"drug_debt": ["the dealers say he owes them for the drugs he lost"]},
    )
    assert _found(analyser, "the dealers came round again") == set()
    assert _found(analyser, "he lost a bag of drugs and the dealers want paying") == {"drug_debt"}


# --- a lone word beside a phrase ----------------------------------------------------------------


def _lone_word_analyser(**lone) -> Analyser:
    return Analyser(
        [
            _indicator("child_uses_weed", ["weed"], level=2, domain="child.health", category="health"),
            _indicator("adults_give_drugs", ["older men"], level=4, domain="child.relationships", **lone),
            _indicator("support_plan", ["has a plan"], level=4, domain="child.education", category="education"),
        ]
    )


def test_a_lone_word_beside_a_phrase_in_its_clause_that_covers_it_is_that_phrases_detail():
    analyser = _lone_word_analyser()
    assert _found(analyser, "older men are giving her weed at a house in town") == {"adults_give_drugs"}
    # alone, or in another clause, the word is read
    assert _found(analyser, "she smokes weed every day") == {"child_uses_weed"}
    both = {"adults_give_drugs", "child_uses_weed"}
    assert _found(analyser, "older men hang about outside and she smokes weed every day") == both
    assert _found(analyser, "older men hang about outside. she smokes weed every day") == both


def test_a_lone_word_stays_beside_a_loose_match_or_one_that_does_not_cover_it():
    # "has ... a ... plan" read across a gap is no phrase the word belongs to
    assert _found(_lone_word_analyser(), "she has weed and a plan") == {"child_uses_weed", "support_plan"}
    # a phrase whose concern lacks the word's routes leaves it
    analyser = Analyser(
        [
            _indicator(
                "child_uses_weed", ["weed"], level=2, domain="child.health", category="health", routes=["police"]
            ),
            _indicator("adults_give_drugs", ["older men"], level=4, domain="child.relationships"),
        ]
    )
    assert _found(analyser, "older men are giving her weed") == {"adults_give_drugs", "child_uses_weed"}
