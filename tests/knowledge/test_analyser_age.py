"""The child's age read from a narrative: lengths of time and school years are not ages.

"Sofa surfing for three weeks" once made a 16-year-old a baby (and any bruise in the text an injury
to a non-mobile baby); "a year 9 boy" read as "a year" made him one year old.
"""

from __future__ import annotations

import pytest

from knowledge.analyser.age import is_non_mobile_baby, read_age


@pytest.mark.parametrize(
    "text, age",
    [
        ("A year 9 boy is being called names", 13),
        ("a year 10 girl has stopped eating", 14),
        ("he has been sofa surfing for three weeks after his mum told him to leave", None),
        ("she has been in care for 3 years", None),
        ("a year ago she was hurt", None),
        ("it happened 3 weeks ago", None),
        ("in two weeks time they fly to Pakistan", None),
        ("a little boy of about 3 is wandering by the road", 3),
        ("a girl of twelve", 12),
        ("a 3 week old baby", 0),
        ("the baby, 3 weeks, has a bruise", 0),
        ("my 3 yr old", 3),
        ("he is 7 years", 7),
        ("a year old baby", 1),
        ("she is 20 weeks along and using heroin", -1),
        ("expectant mother smokes cannabis daily", -1),
        ("the dad-to-be has a conviction for violence", -1),
        ("asking for the morning after pill, she's 12. her boyfriend is in year 9", 12),
        ("im 15 mins away", None),
        ("she is 5 ft tall", None),
        ("my mum is 40", None),
        ("my brother is 15 and he makes me do stuff. im 9", 9),  # "is" is not "i's"
        ("my daughter is 13 and pregnant", 13),  # not read as an unborn baby
        ("my grandson's 7 and comes in hungry", 7),
        # a hedge before it, or the number as a word where the clause ends with it
        ("he's only about four and there was nobody else in the flat", 4),
        ("My best friend's girl is only 14 and she's just found out", 14),
        ("shes like 6 and goes out on her own", 6),
        ("I'm only two streets away", None),
        ("she's one of the girls who", None),
        ("he is ten times worse", None),
        ("her boyfriend is 19", None),
        ("the girl is 5 ft tall", None),
        # "2day" is text-speak for today; a baby "2day old" is two days old
        ("got kicked out 2day im 16", 16),
        ("my 2day old baby has a mark on her", 0),
    ],
)
def test_age_or_no_age(text, age):
    assert read_age(text) == age


@pytest.mark.parametrize(
    "text, age",
    [
        # a note's bracketed age, after a word for the child or an initial, comes before the other party's
        ("Yr 7 pupil (12) told TA she had sex with a 15-year-old boy", 12),
        ("DSL: C (12) told form tutor she has had sex with a boy (14)", 12),
        ("Y9 (14) disclosed a boy (15) in her year held her down", 14),
        ("School: Y10 girl (15) seen getting into cars with older men", 15),
        # a brother's or sister's, told beside the child's, is not the child's
        ("Antenatal booking. Mum's first child (3) lives with her gran under an SGO. She is pregnant again.", -1),
    ],
)
def test_a_bracketed_age_is_the_childs_the_note_opens_with(text, age):
    assert read_age(text) == age


def test_a_length_of_time_does_not_make_a_non_mobile_baby():
    assert not is_non_mobile_baby("a bruise on her arm; she has been sofa surfing for three weeks")
    assert is_non_mobile_baby("a 3 week old with a bruise")
    assert is_non_mobile_baby("bruise on a 7 wk old")


def test_weeks_count_as_months_and_in_a_pregnancy_count_the_pregnancy():
    assert is_non_mobile_baby("bruise on a 26 week old baby")
    assert not is_non_mobile_baby("bruise on a 40 week old baby")  # nine months: crawling
    assert not is_non_mobile_baby("she is 30 weeks and came to antenatal clinic with bruises on her arms")
    assert not is_non_mobile_baby("bruising on her abdomen at the 28-week appointment; she is pregnant")
    assert is_non_mobile_baby("mum is pregnant again and the 6 week old baby has a bruise")


@pytest.mark.parametrize(
    "text, age, non_mobile",
    [
        # Letters that match a number word case-insensitively but that lower() does not turn into it
        # (the long s, a dotted capital I) once raised KeyError and lost the whole analysis.
        ("ſix years old", 6, False),
        ("EİGHT YEARS OLD", 8, False),
        ("a girl of ſeven", 7, False),
        ("a ſix week old baby", 0, True),
        ("٧ years old", 7, False),  # a decimal digit from another script
    ],
)
def test_number_words_in_unusual_letters_are_read_not_fatal(text, age, non_mobile):
    assert read_age(text) == age
    assert is_non_mobile_baby(text) is non_mobile


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("my friend is 12 and shes pregnant", 12),
        ("My daughter's friend told her about a lad from the park. The friend is only 11 herself.", 11),
        ("my mate is 17 and his dad threw him out", 17),
    ],
)
def test_a_friends_age_is_the_childs_a_child_tells_of(text, age):
    assert read_age(text) == age
