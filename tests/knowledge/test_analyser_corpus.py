"""The labelled corpus: its size and coverage, and the analyser's score on the held-out part."""

from __future__ import annotations

from collections import Counter

import pytest

from knowledge.analyser import Analyser
from knowledge.analyser.catalogue import read_indicators
from knowledge.analyser.corpus import FRESH_PART, dev_examples, load_corpus, score
from knowledge.loader import load_document

FORMS = {"positive", "negated", "hypothetical", "historical"}


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


@pytest.fixture(scope="module")
def indicators():
    return read_indicators("england")


def test_the_corpus_is_large_enough_and_has_every_form_in_both_splits(corpus):
    assert len(corpus) >= 400
    for split in ("dev", "heldout"):
        assert {e.form for e in corpus if e.split == split} == FORMS
    assert all(not e.labels for e in corpus if e.form != "positive")


def test_the_validation_split_is_never_learnt_from(corpus):
    validation = [e for e in corpus if e.split == "validation"]
    assert {e.form for e in validation} == FORMS
    learnt = {text for texts in dev_examples().values() for text in texts}
    assert learnt and not {e.text for e in validation} & learnt


def test_every_label_is_an_indicator_of_the_catalogue(corpus, indicators):
    known = {i.id for i in indicators}
    assert {i for e in corpus for i in e.labels | e.also} <= known


def test_the_scorer_counts_misses_and_false_alarms(corpus, indicators):
    # An analyser that knows only half the catalogue must lose recall on the dev split, and the
    # errors it makes must be the sentences about the indicators it does not know.
    known = {i.id for i in indicators[::2]}
    scores = score(Analyser([i for i in indicators if i.id in known]), [e for e in corpus if e.split == "dev"])
    full = score(Analyser(indicators), [e for e in corpus if e.split == "dev"])
    assert scores.micro()[1] < full.micro()[1]
    assert all(missed <= {i.id for i in indicators} for _, _, missed in scores.errors)


def test_every_indicator_has_a_positive_sentence_in_both_splits(corpus, indicators):
    for split in ("dev", "heldout"):
        labelled = {i for e in corpus if e.split == split for i in e.labels}
        assert {i.id for i in indicators} - labelled == set(), split


def test_a_concern_in_the_catalogue_twice_is_scored_as_one(indicators):
    from knowledge.analyser.corpus import SAME_CONCERN, same_concern

    by_id = {i.id: i for i in indicators}
    for pair in SAME_CONCERN:
        a, b = (by_id[i] for i in sorted(pair))
        assert (a.level, a.urgency) == (b.level, b.urgency)
    assert same_concern(frozenset({"low_mood_anxiety"})) == {"low_mood_anxiety", "child_low_mood_anxiety"}
    assert same_concern(frozenset({"bite_mark"})) == {"bite_mark"}


def test_the_held_out_score_does_not_fall_back(corpus, indicators):
    # Floors just under the figures reached, per part of the held-out split, so a change to the words
    # or the matching that loses held-out sentences fails here; the goal itself is 0.90 on the whole.
    # The part written beside the dev sentences reached 0.854 and is 0.850 with round 10's words;
    # round 4, written by people who never saw the words lists, 0.776 (0.618 before its dev half was
    # read, 0.665 before round 5 joined the dev split and the words lists were written from it,
    # 0.691 before rounds 6 to 8 did, 0.748 before rounds 9 and 10 did). A round that joins the
    # dev split moves the similarity fallback before any words are written from it: round 11's
    # took round 4 to 0.770, and its words and session 16's reading rules to 0.779; session 17's
    # rules left it there, and round 14 joining the dev split took it to 0.786; session 18's rules
    # (chosen on the validation split) to 0.794, and the part beside the dev sentences to 0.856;
    # session 19's (also chosen on validation) to 0.797 and 0.860; session 20's (also chosen on
    # validation) took round 4 to 0.801; session 21's the part beside the dev sentences to 0.863.
    danger = frozenset(load_document("england").questions["immediate_danger"].confirms)
    analyser = Analyser(indicators, examples=dev_examples())
    held_out = [e for e in corpus if e.split == "heldout"]
    beside = score(analyser, [e for e in held_out if e.source != FRESH_PART], danger)
    fresh = score(analyser, [e for e in held_out if e.source == FRESH_PART], danger)
    assert beside.micro()[2] >= 0.859
    assert fresh.micro()[2] >= 0.796


def test_the_danger_answer_is_no_false_alarm_beside_a_danger_now_concern(indicators):
    # "a baby alone in the flat now" is a neglect concern of emergency urgency: the engine's
    # "in danger now" beside it is the same concern, while beside a lesser one it is a false alarm.
    from knowledge.analyser.corpus import Example

    danger = frozenset(load_document("england").questions["immediate_danger"].confirms)
    analyser = Analyser(indicators)
    text = "there is a baby on its own in the flat right now, no adult with it"
    assert analyser.analyse(text).immediate_danger
    now = score(analyser, [Example(text, frozenset({"baby_alone_now"}), frozenset(), "positive", "dev")], danger)
    lesser = score(analyser, [Example(text, frozenset({"supervision_lapses"}), frozenset(), "positive", "dev")], danger)
    assert not now.fp & Counter(danger)
    assert lesser.fp & Counter(danger)
