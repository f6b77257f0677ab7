"""Reading rules found by the team's own vignettes (tests/knowledge/team_vignettes.yaml), checked on
the real England catalogue: each was a general gap, not a case."""

from __future__ import annotations

import pytest

from knowledge import AssessmentRequest, assess
from knowledge.analyser import Analyser
from knowledge.analyser.catalogue import read_indicators
from knowledge.analyser.corpus import dev_examples


@pytest.fixture(scope="module")
def analyser() -> Analyser:
    return Analyser(read_indicators("england"), examples=dev_examples())


def found(analyser: Analyser, text: str) -> set[str]:
    return {f.indicator_id for f in analyser.analyse(text).findings}


def test_fgm_told_in_the_past_is_known_fgm_now(analyser):
    # FGM once done stays done: the mandatory report applies whenever it is learned of.
    assert "fgm_known" in found(analyser, 'she disclosed that she was "cut" in Somalia when she was small')
    assert "fgm_known" in found(analyser, "she was cut years ago")
    # ...while an ordinary harm told as past is still history
    assert "physical_abuse_disclosure" not in found(analyser, "her father hit her years ago when she was small")


@pytest.mark.parametrize(
    "text",
    ["when i was little my uncle touched me", "years ago my stepdad raped me", "he sexually abused me when i was 7"],
)
def test_sexual_abuse_told_as_past_is_still_a_concern(analyser, text):
    # Non-recent abuse is in scope (001_587524bd8325dec7.txt lines 726-732): whoever did it may be
    # near children now, so the disclosure counts whenever it happened.
    assert found(analyser, text) & {"sexual_abuse_disclosure", "intrafamilial_sexual_abuse"}


def test_a_hyphen_inside_a_word_does_not_break_a_phrase(analyser):
    assert "radicalisation_extremist_views" in found(analyser, "his older brother is in a far-right group")


def test_a_notes_bracketed_age_does_not_break_a_phrase(analyser):
    assert "teen_relationship_violence" in found(analyser, "Student disclosed boyfriend (17) slaps her")
    # brackets around words are still a break
    assert "teen_relationship_violence" not in found(analyser, "Student disclosed boyfriend (ex) slaps her")


def test_a_guess_from_similar_words_is_never_an_emergency(analyser):
    result = analyser.analyse("we live by the road and she walks to school on her own")
    assert not result.immediate_danger
    assert "child_alone_at_risk_now" not in {f.indicator_id for f in result.findings}
    # words that say now still are
    assert analyser.analyse("a toddler is wandering on his own by the road right now").immediate_danger


def test_staff_posting_pictures_of_children_is_about_an_adult_who_works_with_them(analyser):
    text = "a dinner lady at our school has been posting photos of the children on her Facebook"
    assert "adult_working_with_children" in analyser.analyse(text).involved
    assert "adult_working_with_children" not in analyser.analyse("I shared my worries with her teacher").involved


def test_dealt_with_is_not_drug_dealing(analyser):
    assert "cce_drug_running" not in found(analyser, "we have dealt with the boys involved")
    assert "cce_drug_running" in found(analyser, "he has been dealing drugs for older boys")


def test_a_reassuring_sentence_is_not_guessed_to_be_a_concern(analyser):
    assert found(analyser, "her mum knows and is supporting her with the midwife") == set()
    assert found(analyser, "dad is very affectionate with them") == set()


def test_a_parent_is_not_the_child_by_a_hyphen_or_a_name(analyser):
    # "step-dad" alone names a person, not sexual abuse
    assert "intrafamilial_sexual_abuse" not in found(analyser, "her step-dad hit her")
    assert "intrafamilial_sexual_abuse" not in found(analyser, "her mums boyfriend shouts at her")


def test_a_pregnancy_named_without_the_word_pregnant_keeps_its_pre_birth_reading(analyser):
    assert "unborn_parental_vulnerability" in found(analyser, "expectant mother smokes cannabis daily")


def test_a_reading_by_resemblance_in_a_pregnancy_is_the_unborn_babys(analyser):
    # the fallback reads the second sentence as children removed; the first says it is a pregnancy
    readings = found(analyser, "Booked at 26/40. Both of her older boys became subject to adoption orders last spring.")
    assert "unborn_previous_children_removed" in readings and "previous_children_removed" not in readings, readings


def test_two_words_are_read_either_way_round_only_when_neither_is_a_person_or_a_number(analyser):
    assert "cce_cash_phones" not in found(analyser, "she is on her phone till 2 in the morning")
    assert "cce_cash_phones" in found(analyser, "he has 2 phones and a lot of cash")
    assert "domestic_violence_in_home" not in found(analyser, "i help my mum alot coz she hurt her back at work")


def test_everyday_words_are_not_grave_concerns(analyser):
    assert "suicidal_plan" not in found(analyser, "key worker has agreed a plan with the parents")
    assert "bite_mark" not in found(analyser, "the toddler has bitten other children this week")
    # No grave word in it: the words lists never read it as violence between adults. The fallback
    # may guess so from the sentence as a whole (who "he" is, it cannot tell; the higher reading).
    words_only = Analyser(read_indicators("england"))
    assert "domestic_violence_in_home" not in found(words_only, "at home he throws things when he gets angry")
    assert "missing_single_episode" not in found(analyser, "it is the first time he has been in any trouble")


def test_blood_or_a_torn_frenulum_on_a_baby_who_cannot_roll_is_an_injury(analyser):
    text = "baby is 11 weeks, not rolling, dried blood at his mouth and the frenulum is torn"
    assert "injury_non_mobile_baby" in found(analyser, text)


def test_a_foster_carer_is_an_adult_who_works_with_children(analyser):
    result = analyser.analyse("my foster dad grabbed me round the neck last night")
    assert "adult_working_with_children" in result.involved
    assert "strangulation_or_suffocation" in {f.indicator_id for f in result.findings}


def test_a_name_tied_to_a_role_brings_the_role(analyser):
    text = 'he pointed and said "Jan smack" - Jan is the foster carer'
    assert "adult_working_with_children" in analyser.analyse(text).involved
    assert (
        "adult_working_with_children" not in analyser.analyse("Jan is the foster carer and says he is settled").involved
    )


def test_a_teacher_called_by_a_title_works_with_children_where_children_are_taught(analyser):
    # Children name their teachers and nursery staff "Miss Jade", "sir", "Mr D".
    result = analyser.analyse('she came home from nursery and said "Miss Jade squeezed me"')
    assert "adult_working_with_children" in result.involved
    staff = [f for f in result.findings if f.indicator_id == "staff_physical_harm"]
    assert [f.evidence for f in staff] == ["Miss Jade squeezed"]
    assert "adult_working_with_children" in analyser.analyse("at school sir shoved him into the wall").involved
    # "miss" as a verb, and a titled neighbour in a narrative with no school in it
    assert (
        "adult_working_with_children" not in analyser.analyse("i miss jade she was my best friend at school").involved
    )
    assert "adult_working_with_children" not in analyser.analyse("Mr Jones next door shouted at the kids").involved


def test_what_the_adult_who_works_with_children_did_names_the_staff_concern(analyser):
    # Read from the staff concerns' own words ("teacher squeezed his"), not from a list of who x what.
    assert "staff_physical_harm" in found(analyser, "the caretaker slapped him across the face")
    assert "staff_emotional_harm" in found(analyser, "the dinner lady humiliates him in front of everyone")
    # Messaging alone is a boundary concern: "sexual messages from teacher" names what was sent, not a
    # staff sexual abuse act of messaging.
    messaging = found(analyser, "the youth worker has been messaging her")
    assert messaging & analyser.staff_set and "staff_sexual_abuse" not in messaging
    # Nothing said of what they did: the general staff concern, at the lowest staff level.
    assert analyser.staff_general in found(analyser, "the tutor made him stay behind alone after class")


def test_a_person_named_after_the_adult_who_works_with_children_is_who_acted(analyser):
    # The staff member is who was told, or a note's header; mum is who did it.
    for text in ["Jasmine told TA at breakfast club 'mummy hits me'", "Y6 teacher: Freya reports mum calls her stupid"]:
        result = analyser.analyse(text)
        assert "adult_working_with_children" not in result.involved
        assert not {f.indicator_id for f in result.findings} & analyser.staff_set


def test_what_came_from_an_adult_who_works_with_children_is_what_they_did(analyser):
    # what was sent, named before who it came from, a few words back
    text = "she showed me Instagram DMs from one of our PE staff"
    assert "adult_working_with_children" in analyser.analyse(text).involved
    assert "adult_working_with_children" not in analyser.analyse("she showed me her DMs and told our PE staff").involved


def test_pictures_of_children_in_the_shower_are_sexual_images(analyser):
    assert "sexual_images_of_child_made" in found(analyser, "he took photos of them in the shower on camp")


def test_drivers_and_group_leaders_work_with_children_but_a_gang_leader_does_not(analyser):
    assert "adult_working_with_children" in analyser.analyse("the minibus driver slapped him").involved
    assert "adult_working_with_children" in analyser.analyse("the leader hits them with a ruler").involved
    assert "adult_working_with_children" not in analyser.analyse("the gang leader hits him").involved


def test_case_note_shorthand_for_time(analyser):
    # "yr" is "year": history reads it as it reads the word
    assert found(analyser, "dad hit her 2 yrs ago") == found(analyser, "dad hit her 2 years ago")


def test_ordinary_words_that_sound_grave(analyser):
    assert "persistent_belittling" not in found(analyser, "he came home in tears saying he's useless at chess")
    assert "persistent_belittling" in found(analyser, "my mum calls me useless every day")
    assert "missing_repeatedly" not in found(analyser, "first ever missing episode, found within two hours")
    assert "forced_marriage_early_signs" not in found(analyser, "mum is still engaged with the drug service")
    assert "radicalisation_violence_planned" not in found(analyser, "panic attacks at school gate")


def test_rolling_eyes_are_an_emergency_only_when_they_roll_back(analyser):
    # "eyes rolling" written either way round was "rolls her eyes", a teenager's everyday scorn
    assert not analyser.analyse("she lives in her room and rolls her eyes at everything I say").immediate_danger
    assert analyser.analyse("he collapsed and his eyes are rolling back").immediate_danger
    assert analyser.analyse("the baby has gone floppy and her eyes are rolling").immediate_danger


def test_the_passive_reads_who_hit_whom(analyser):
    assert "physical_abuse_disclosure" in found(analyser, "he was hit by his dad last night")
    assert "child_to_parent_violence" not in found(analyser, "he was hit by his dad last night")
    assert "domestic_violence_in_home" in found(analyser, "dad hits mum when he is drunk")
    assert "domestic_violence_in_home" in found(analyser, "my mum got battered by her boyfriend")
    assert "physical_abuse_disclosure" not in found(analyser, "my mum got battered by her boyfriend")
    # only the passives made from the words give way to an adult subject, not the words' own
    assert "community_harassment_hate" in found(analyser, "mum is being harassed by neighbours every night")


def test_now_words_are_read_as_written(analyser):
    # "about to" says now; "kids about 5 to 10" does not
    assert not analyser.analyse("there are kids about 5 to 10 playing on bikes in the field").immediate_danger
    assert analyser.analyse("he is about to hit her with a bottle").immediate_danger


def test_a_swallowed_button_last_year_is_not_an_overdose_now(analyser):
    assert not analyser.analyse("third attendance this year (fell off sofa, swallowed a button)").immediate_danger
    assert analyser.analyse("my little brother just swallowed a battery").immediate_danger


def test_a_child_well_presented_did_not_witness_violence(analyser):
    assert "child_witnessed_domestic_violence" not in found(
        analyser, "child well presented, interacting nicely with mum"
    )
    assert "child_witnessed_domestic_violence" in found(analyser, "the children were present when dad hit mum")


def test_an_aside_about_the_person_does_not_hide_what_they_did(analyser):
    text = "one of the volunteer coaches, who is in his 40s, has been sending him messages late at night"
    assert "adult_working_with_children" in analyser.analyse(text).involved


def test_words_that_only_look_like_a_concern(analyser):
    assert "police_called_domestic_abuse" not in found(analyser, "he not come home so I call police, they find him")
    assert "fgm_risk_imminent" not in found(analyser, "the girls look clean and fed")
    assert "persistent_absence" not in found(analyser, "kids always smiley and off to school on time")


def test_a_foster_lady_is_a_foster_carer(analyser):
    text = "he tell me the foster lady she hit him with slipper on his legs"
    assert "adult_working_with_children" in analyser.analyse(text).involved


def test_an_injury_to_a_child_the_text_gives_an_age_of_one_or_more_is_not_a_non_mobile_babys(analyser):
    text = "Jayden (3) has been with this foster carer 5 months; we saw a bruise on his bottom"
    assert "injury_non_mobile_baby" not in found(analyser, text)
    assert "injury_non_mobile_baby" in found(analyser, "a 5 month old with a bruise on his cheek")


def test_a_baby_born_already_is_not_unborn(analyser):
    text = "mum of 6 month old on methadone, baby had NAS treatment at birth, she used heroin on top twice"
    assert "unborn_parental_substance_misuse_significant" not in found(analyser, text)


def test_a_babys_centile_line_is_not_a_county_line(analyser):
    assert "cce_drug_running" not in found(analyser, "he's growing fine and the health visitor says he's on his line")


def test_a_colleague_is_an_adult_who_works_with_children(analyser):
    text = "one of my staff says she saw a colleague pinch a 2 year old on the hand"
    assert "adult_working_with_children" in analyser.analyse(text).involved


def test_a_looked_after_childs_auntie_is_a_foster_carer(analyser):
    text = 'he is in foster care and told us "Auntie Carol hit my bum with the big spoon"'
    assert "adult_working_with_children" in analyser.analyse(text).involved
    assert "adult_working_with_children" not in analyser.analyse("my auntie hit me").involved


def test_put_out_of_the_house_is_not_struck(analyser):
    assert "physical_abuse_disclosure" not in found(analyser, "mum kicked me out again and says shes done with me")
    assert "abandoned_or_excluded_from_home" in found(analyser, "mum kicked me out again and says shes done with me")
    assert "physical_abuse_disclosure" in found(analyser, "my dad kicks me when hes angry")


@pytest.mark.parametrize(
    "text",
    [
        "what does honour based abuse mean",
        "what are the signs a kid is being used to sell drugs",
        "would my daughter count as a young carer if she helps with her brother sometimes",
    ],
)
def test_a_question_about_what_a_concern_means_reports_nothing(analyser, text):
    assert found(analyser, text) == set()


def test_a_child_asking_whether_it_counts_still_discloses(analyser):
    # read as being hit with an object, which carries everything the disclosure's reading does
    assert "hit_with_object" in found(analyser, "does it count as abuse if my dad hits me with a belt")


def test_wed_is_the_verb_not_we_would(analyser):
    assert "forced_marriage" in found(analyser, "her parents have arranged for her to wed a man in pakistan")


@pytest.mark.parametrize(
    "text",
    ["she told her teacher that her stepdad hits her", "she told the teacher that her uncle touches her"],
)
def test_a_phrase_never_reaches_into_another_clause(analyser, text):
    # The teacher is who she told, not who hurt her: no allegation against staff (LADO) from the
    # words of two clauses, while the family member's harm is still read.
    result = found(analyser, text)
    assert not {i for i in result if i.startswith("staff_")}
    assert result & {"physical_abuse_disclosure", "intrafamilial_sexual_abuse"}


@pytest.mark.parametrize(
    "text",
    [
        "They play out on their bikes till nine. Is that neglect?",
        "he sends her messages every night. would that count as grooming?",
    ],
)
def test_asking_what_to_call_it_reports_nothing(analyser, text):
    # The facts told before the question carry the concern; the name asked about is not a finding.
    assert not found(analyser, text) & {"neglect_early_signs_multiple", "online_grooming"}


@pytest.mark.parametrize(
    "text",
    ["is it abuse if my dad hits me?", "is that normal, he has bruises on his back?"],
)
def test_a_question_that_tells_a_fact_still_reads_it(analyser, text):
    assert found(analyser, text)


def test_a_one_to_one_assistant_is_an_adult_working_with_children(analyser):
    result = analyser.analyse("his 1:1, Mrs D, calls him thick and makes him sit under her desk")
    assert "adult_working_with_children" in result.involved


def test_a_number_followed_by_months_is_a_duration_not_an_age(analyser):
    assert "sexual_activity_with_adult" not in found(analyser, "she has a new partner of 18 months")
    assert "sexual_activity_with_adult" in found(analyser, "she is 14 and her partner is 18 years old")


@pytest.mark.parametrize(
    "text",
    ["Mum disclosed domestic abuse from her ex, which ended 3 years ago.", "dad hit her, but that stopped years ago"],
)
def test_a_concern_said_to_have_ended_in_the_past_is_history(analyser, text):
    assert not found(analyser, text) & {"domestic_violence_in_home", "physical_abuse_disclosure"}


def test_a_concern_that_stopped_and_started_again_is_now(analyser):
    text = "dad hits her, which stopped for a while but he started again last week"
    assert "physical_abuse_disclosure" in found(analyser, text)


def test_a_gap_before_a_pronoun_never_holds_the_person_the_words_are_about(analyser):
    # "teacher called them" matched "teacher called mum about his": the one called was mum
    assert "staff_emotional_harm" not in found(analyser, "The teacher called mum about his reading.")
    assert "staff_emotional_harm" in found(analyser, "the teacher called him thick in front of the class")


def test_road_traffic_is_not_trafficking(analyser):
    assert not found(analyser, "He was playing football on the field away from the traffic.") & {
        "trafficking_brought_to_uk"
    }
    assert "trafficking_brought_to_uk" in found(analyser, "She was trafficked into the UK from Albania.")


def test_a_concern_told_by_what_is_missing_is_still_guessed(analyser):
    # no pattern reads it: the similarity fallback does, though "no" is in the sentence
    text = "My sister looks after her autistic son round the clock with no break, she's at the end of her rope"
    assert found(analyser, text) & {"parent_carer_exhausted", "kinship_carer_struggling"}


def test_a_negation_rules_out_the_words_of_its_clause(analyser):
    assert not found(analyser, "mum does not have any mental health problems")
    assert not found(analyser, "the children are never left home alone")


def test_a_house_number_does_not_end_a_sentence(analyser):
    doc = analyser.parse("We rang about the couple at no. 12 because of shouting. No. He is fine.")
    assert [s.text for s in doc.sents] == [
        "We rang about the couple at no. 12 because of shouting.",
        "No.",
        "He is fine.",
    ]


def test_a_pregnancy_however_told_is_raised_by_the_girls_age():
    def level(age: int, text: str) -> int:
        return assess(AssessmentRequest(reporter_role="child", child_age_years=age, narrative=text)).level

    told = "my period is 2 months late. i did a test and its positive."
    assert level(12, told) == 4  # under 13: sexual activity with a child under 13
    assert level(14, told) == 3


@pytest.mark.parametrize(
    "text, level",
    [
        # a stranger grooming a boy with gifts and errands: criminal exploitation
        ("a man at the park keeps giving my son vapes and asks him to carry bags", 4),
        # a parent gone, the children on their own
        ("my mum hasnt come home since friday and im looking after my little sisters", 4),
        # told in a child's words, with ages
        ("my mum goes out at nite and me and my little brother are home on are own hes 5 and im 7", 4),
        ("she's only 14 and she's just told us she's expecting", 3),
        ("Aisha (14) says she has a boyfriend 'Jay' aged 23 who she stays with some weekends", 4),
    ],
)
def test_plain_words_of_a_grave_concern_are_read_at_its_level(analyser, text, level):
    assert max((analyser.indicators[i].level for i in found(analyser, text)), default=0) == level, text


def test_a_pregnant_girlfriend_hit_by_her_partner_is_abuse_in_pregnancy(analyser):
    for text in [
        "my big sister is having a baby and her boyfriend shoved her into the wall",
        "shes 6 months pregnant and her boyfriend keeps shoving her about",
    ]:
        assert "domestic_abuse_in_pregnancy" in found(analyser, text), text
    assert "domestic_abuse_in_pregnancy" not in found(analyser, "my sister's boyfriend keeps hitting her")


@pytest.mark.parametrize(
    "text",
    [
        "my sister is pregnant and shes hearing voices telling her the baby is cursed",
        "Booking 30/40, schizophrenia, stopped her tablets, hearing voices",
        "im 7 months pregnant and ive started hearing voices again",
    ],
)
def test_the_state_of_someone_said_to_be_pregnant_is_the_parent_to_bes_not_a_childs(analyser, text):
    readings = found(analyser, text)
    assert "child_mental_ill_health" not in readings, text
    assert "unborn_parental_mental_illness_significant" in readings, text


@pytest.mark.parametrize(
    "text",
    [
        # a girl whose age is told under 18 is a child, pregnant or not
        "my daughter is 14 and pregnant and has been self harming",
        # a child named after the pregnancy is who the words are about
        "mum is pregnant and my brother has been self harming",
    ],
)
def test_a_childs_state_told_beside_a_pregnancy_stays_the_childs(analyser, text):
    assert "self_harm_superficial_supported" in found(analyser, text), text


def test_a_reflexive_stands_for_whoever_the_subject_is(analyser):
    # the words list says "cutting herself", "hurting himself"; the child says it of herself
    for text in ["i keep cutting myself", "ive been hurting myself again", "they keep cutting themselves"]:
        assert "self_harm_superficial_supported" in found(analyser, text), text
    # after "by" the reflexive says who, not what is done: playing alone is not being left alone
    assert "young_child_left_alone" not in found(analyser, "she plays by herself at break")


@pytest.mark.parametrize(
    "text, reading, not_reading",
    [
        # under 16: a child shut out of home, not a homeless 16-17 year old nor a family
        (
            "Mason (14) says mum locked him out after a row and he slept in the stairwell, nowhere to go tonight",
            "abandoned_or_excluded_from_home",
            "homeless_16_17_tonight",
        ),
        # 16 or 17: the homelessness the guidance names for that age, not a second reading beside it
        (
            "im 17 and my dad just kicked me out, got nowhere to sleep tonight",
            "homeless_16_17_tonight",
            "abandoned_or_excluded_from_home",
        ),
    ],
)
def test_nowhere_to_sleep_tonight_is_read_by_the_childs_age(analyser, text, reading, not_reading):
    readings = found(analyser, text)
    assert reading in readings and not_reading not in readings, (text, readings)


def test_what_someone_could_not_do_is_told_once_it_is_over(analyser):
    # "couldn't breathe" tells of a strangling that has stopped: grave, but no call to 999 by itself
    for text in [
        "my uncle put his arm round my neck and squeezed till i couldnt breathe",
        "Y6 pupil says mum's partner held a pillow over her face until she couldn't breathe.",
    ]:
        analysis = analyser.analyse(text)
        assert not analysis.immediate_danger, text
        assert "strangulation_or_suffocation" in {f.indicator_id for f in analysis.findings}, text
    for text in ["he has his hands round her neck and she cant breathe", "my son is not breathing"]:
        assert analyser.analyse(text).immediate_danger, text


@pytest.mark.parametrize(
    "text",
    [
        "my mate took a whole packet of paracetamol on sunday and shes in hospital now on a drip",
        "Ward round: Leah (15) admitted overnight after an OD of 30 sertraline, medically fit today.",
        "i swallowed loads of my nans tablets last week n woke up in hospital",
    ],
)
def test_an_overdose_already_in_hospital_care_is_a_recent_attempt_not_a_danger_now(analyser, text):
    # the catalogue defines the two by it: "just taken" is an emergency, "now treated" a recent attempt
    analysis = analyser.analyse(text)
    assert not analysis.immediate_danger, text
    readings = {f.indicator_id for f in analysis.findings}
    assert "suicide_attempt_recent" in readings and "overdose_taken" not in readings, (text, readings)


@pytest.mark.parametrize(
    "text",
    [
        "she has taken a packet of pills, should i take her to a&e",
        "he took an overdose an hour ago and wont let me call an ambulance",
        "my sister swallowed a load of tablets, she was in hospital last year for the same thing",
    ],
)
def test_an_overdose_not_yet_treated_is_a_danger_now(analyser, text):
    assert analyser.analyse(text).immediate_danger, text


def test_breaking_a_bone_told_as_a_threat_is_the_threat_not_a_fracture(analyser):
    readings = found(analyser, "his mum screams that she will break his arm if he doesnt shut up")
    assert "threats_to_child" in readings and "fracture_unexplained" not in readings, readings
    # done, not threatened: the fracture stays
    assert "fracture_unexplained" in found(analyser, "the x-ray showed his arm was broken and mum cant say how")


def test_sex_with_a_childs_adult_partner_is_sex_with_an_adult_read_once(analyser):
    for text in ["im 14 and my boyfriend is 21, weve slept together loads", "my bf is 25 n were sleepin together"]:
        readings = found(analyser, text)
        assert "sexual_activity_with_adult" in readings, (text, readings)
        assert "cse_older_boyfriend" not in readings and "sexual_activity_under_16_peer" not in readings, readings
    # at 16 sex with an 18 year old is no offence in itself: read as the older boyfriend, not as this
    assert "sexual_activity_with_adult" not in found(analyser, "im 16 and my boyfriend is 19, weve slept together")


def test_nobody_else_to_look_after_them_is_nobody_to_look_after_them(analyser):
    text = (
        "mums been taken off in an ambulance and the kids are sat in my kitchen, theres nobody else to look after them"
    )
    assert "child_without_carer" in found(analyser, text)


@pytest.mark.parametrize(
    "text",
    [
        "her two little boys are home on their own",
        "the little ones are in the flat on their own with nobody",
        "the young children are home alone every night",
    ],
)
def test_little_children_on_their_own_at_home_are_young_children_left_alone(analyser, text):
    # no age is told, but "little" and "young" tell a child too young to be left
    assert "young_child_left_alone" in found(analyser, text), text


@pytest.mark.parametrize(
    "text",
    [
        "the teenagers are home on their own tonight",  # no sign of a young child
        "she leaves him alone with the little ones",  # someone left with the children
    ],
)
def test_children_alone_not_told_as_young_or_with_someone_is_not_a_young_child_left_alone(analyser, text):
    assert "young_child_left_alone" not in found(analyser, text), text


@pytest.mark.parametrize(
    "text",
    [
        "Police: mum arrested 22:30, only carer. Leo (5) and Poppy (2) home alone",
        "the ambulance took their mum away and the two little ones are in the house on their own",
        "dad was rushed to hospital and his kids are home alone, theyre 6 and 8",
    ],
)
def test_a_child_alone_because_the_carer_was_taken_has_nobody_to_care_for_them(analyser, text):
    readings = found(analyser, text)
    assert "child_without_carer" in readings and "young_child_left_alone" not in readings, (text, readings)


def test_a_childs_own_hospital_visit_is_no_carer_taken(analyser):
    text = "the baby has been to hospital twice after falls and she still leaves him alone in the bath"
    readings = found(analyser, text)
    assert "young_child_left_alone" in readings and "child_without_carer" not in readings, readings


@pytest.mark.parametrize(
    "text",
    [
        "my mate in year 6 said she did it with her bf at the weekend and shes 11",
        "Yr 7 pupil Mia (12) told TA she 'had sex' at the weekend",
        "she is only 11 and has been going all the way with a boy from the park",
        "my friend has been doing sexual stuff with a lad from the park. the friend is only 11 herself",
    ],
)
def test_words_of_a_sexual_act_by_a_child_under_13_are_sexual_activity_under_13(analyser, text):
    assert "sexual_activity_under_13" in found(analyser, text), text


@pytest.mark.parametrize(
    "text",
    [
        "she is 11 and says she has never had sex",  # denied
        "my 7 year old still sleeps with her mum most nights",  # sleeping beside a parent
        "the 9 year old keeps doing sex jokes in class",  # talk, not an act
        "she is 15 and had sex with her boyfriend",  # not under 13
    ],
)
def test_no_sexual_act_by_a_child_under_13_is_not_sexual_activity_under_13(analyser, text):
    assert "sexual_activity_under_13" not in found(analyser, text), text


def test_a_sexual_act_the_words_read_as_abuse_is_not_also_read_as_under_13_activity(analyser):
    readings = found(analyser, "my 8 year old says mums boyfriend makes him watch videos of them having sex")
    assert "exposed_to_pornography_or_sex" in readings and "sexual_activity_under_13" not in readings, readings


@pytest.mark.parametrize(
    "text",
    [
        "If a 12-year-old told you they'd had sex with someone, would you have to report it?",
        "If a 16-year-old turned up at youth club saying they'd nowhere to sleep that night, who would we ring?",
        "Is it normal if a 5 year old has tantrums at home, or should I mention it to school?",
    ],
)
def test_a_question_about_a_child_of_some_age_is_about_any_child(analyser, text):
    # "if a 12-year-old..." asks about any child of that age, as "if a child..." does
    assert found(analyser, text) == set(), text


@pytest.mark.parametrize(
    "text",
    [
        "my little sister went out on her bike hours ago and she aint back and its dark",
        "My son's been gone five hours, he's autistic, he's not answering his phone",
        "my friend's daughter hasn't come home and it's nearly midnight, nobody knows where she is",
    ],
)
def test_a_child_still_gone_with_the_worry_of_now_is_missing_now(analyser, text):
    analysis = analyser.analyse(text)
    assert "missing_child_at_risk_now" in {f.indicator_id for f in analysis.findings}, text
    assert analysis.immediate_danger, text


@pytest.mark.parametrize(
    "text",
    [
        "my mum went out 3 days ago and hasnt come back, im scared",  # an adult gone
        "im looking after my sister tonight, i dont know where he is",  # he is not the sister
        "my brother aint back yet from footy, is that normal",  # no sign of worry
        "she hasnt come home and its dark, oh wait she just walked in",  # back
        "if my daughter isnt home by midnight should i ring the police?",  # a question of what if
        "my daughter hasnt been in school for a month and im worried",  # school, not gone
    ],
)
def test_no_child_still_gone_is_not_missing_now(analyser, text):
    assert "missing_child_at_risk_now" not in found(analyser, text), text


@pytest.mark.parametrize(
    "text",
    [
        "my boy didnt come home from football and wasnt answering, we rang round everyone, then he walked in at ten",
        "Sam (12) did not return from school on Monday; located by police at 21:00 at a cousin's, unharmed.",
        "she never turned up after youth club and her phone was dead, the police came, then she got home at 11",
    ],
)
def test_a_child_gone_and_then_back_is_a_missing_episode_not_missing_now(analyser, text):
    analysis = analyser.analyse(text)
    readings = {f.indicator_id for f in analysis.findings}
    assert "missing_single_episode" in readings and "missing_child_at_risk_now" not in readings, readings
    assert not analysis.immediate_danger, text


@pytest.mark.parametrize(
    "text",
    [
        "my son didnt get in till gone midnight on friday, first time ever, hes fine now",
        "she did not come back until the police brought her home at 2am",
    ],
)
def test_a_child_not_back_until_late_was_gone_and_back(analyser, text):
    # the negation in "didn't come in till" is the late return's own, not a denial of it
    assert "missing_single_episode" in found(analyser, text), text


@pytest.mark.parametrize(
    "text",
    [
        "my dad didnt come home till 3am and he was drunk and shouting",
        "his dad still not home from work and we havent heard from him",
        "Police: mum arrested at 21:00, the two children alone at the flat, dad whereabouts unknown.",
    ],
)
def test_an_adult_gone_is_no_missing_child(analyser, text):
    analysis = analyser.analyse(text)
    assert analyser.missing.isdisjoint(f.indicator_id for f in analysis.findings), analysis.findings
    assert not analysis.immediate_danger, text


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("my son hasnt come home and its dark, his phone is off", "missing_child_at_risk_now"),
        # the carer rang; the child named between did not return
        ("Carer rang 08:10: Jess (15) did not return last night, no contact since.", "missing_overnight"),
    ],
)
def test_a_child_gone_is_still_read_beside_the_adult_who_tells_it(analyser, text, reading):
    assert reading in found(analyser, text), text


def test_a_child_back_only_on_another_day_was_missing_overnight(analyser):
    text = "Ellie (14) was reported missing by her dad on Friday evening; police located her in Hull two days later."
    readings = found(analyser, text)
    assert "missing_overnight" in readings and "missing_single_episode" not in readings, readings


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        # gone again after the return: missing now still
        ("my daughter came back at 2 but now shes gone again, we cant find her", "missing_child_at_risk_now"),
        # an object gone missing is no child gone
        ("he owes some lads for a parcel that went missing and came home with a black eye", None),
        # one of several: left to the words, not read as a single episode
        ("Jade (14) went missing again on Friday, found safe in Leeds on Sunday", "missing_repeatedly"),
        # a denial of going missing
        ("Per his carer, Kyle has not gone missing this year and is back by ten every night.", None),
        # kept in till a time, not gone
        ("he wasnt allowed out till his homework was done, then he came in", None),
    ],
)
def test_a_return_is_an_episode_only_when_a_child_went_and_nothing_after_it_says_gone(analyser, text, reading):
    readings = found(analyser, text)
    assert "missing_single_episode" not in readings, readings
    if reading is not None:
        assert reading in readings, readings


@pytest.mark.parametrize(
    ("text", "graver", "base"),
    [
        (
            "im staying with my mums friend since mum went away, she dont really feed me and i sleep on the settee",
            "private_fostering_concerns",
            "private_fostering_arrangement",
        ),
        (
            "she looks after her disabled mum and is always late and falling asleep in class",
            "young_carer_education_affected",
            "young_carer_some_caring",
        ),
        (
            "My mum's looking after my brother's three kids and she's in her seventies. She's exhausted and can't carry on.",
            "kinship_carer_struggling",
            "kinship_care_needs_support",
        ),
    ],
)
def test_what_the_narrative_adds_to_a_concern_reads_its_graver_grade(analyser, text, graver, base):
    readings = found(analyser, text)
    assert graver in readings and base not in readings, readings


@pytest.mark.parametrize(
    ("text", "base"),
    [
        (
            "ive been living with my best mates family for 2 months cos my dad moved away for work, theyre nice",
            "private_fostering_arrangement",
        ),
        (
            "she lives with her mums friend while mum works abroad, she is well fed and happy",  # fed, not wanting
            "private_fostering_arrangement",
        ),
        ("she helps her mum who has MS but she isn't tired and enjoys her lessons", "young_carer_some_caring"),
    ],
)
def test_a_concern_told_with_nothing_graver_keeps_its_grade(analyser, text, base):
    assert base in found(analyser, text), text


@pytest.mark.parametrize(
    "text",
    [
        "i had my baby 2 months ago and im 17 and i just cant do it, i dont know what to do",
        "My son's 19 and his girlfriend's 18 - they've got a new baby and they're not coping at all.",
        "My friend's daughter is 18 with a new baby and she's really not managing",
    ],
)
def test_a_parent_of_15_to_19_not_coping_with_their_baby_is_a_young_parent_struggling(analyser, text):
    assert "young_parent_struggling" in found(analyser, text), text


@pytest.mark.parametrize(
    "text",
    [
        "im 16 and my mum just had a baby and shes not coping",  # the writer's parent's baby
        "she is 18 with a new baby and is doing brilliantly, not struggling at all",  # denied
        "my niece is nineteen and expecting her first, she hasnt a clue what she needs for the baby",  # pre-birth
        "mum is 34 with a new baby and not coping",  # not a young parent
    ],
)
def test_no_young_parent_not_coping_is_not_a_young_parent_struggling(analyser, text):
    assert "young_parent_struggling" not in found(analyser, text), text


@pytest.mark.parametrize(
    "text", ["my newborn keeps crying and i dont know why", "my baby has been crying for ages, is that colic?"]
)
def test_the_writers_own_baby_crying_is_no_baby_alone(analyser, text):
    analysis = analyser.analyse(text)
    assert "baby_alone_now" not in {f.indicator_id for f in analysis.findings} and not analysis.immediate_danger


def test_the_writers_baby_told_alone_is_a_baby_alone(analyser):
    analysis = analyser.analyse("my baby sister is crying in her cot and nobody is home, mum went out")
    assert "baby_alone_now" in {f.indicator_id for f in analysis.findings} and analysis.immediate_danger


@pytest.mark.parametrize(
    ("text", "graver"),
    [
        (
            "mums depression is really bad again, she just stays in her room n i have to look after my little bro",
            "parent_mental_health_affecting_care",
        ),
        (
            "my mum is sad all the time and stays in bed so i do evrything for my little sis",
            "parent_mental_health_affecting_care",
        ),
        (
            "my dad is always drinking or hungover now and i have to look after my sister most days",
            "parent_substance_misuse_affecting_care",
        ),
    ],
)
def test_a_parents_difficulty_the_children_go_without_care_for_gets_in_the_way_of_care(analyser, text, graver):
    assert graver in found(analyser, text), text


@pytest.mark.parametrize(
    ("text", "base"),
    [
        (
            "my mum has depression and is on tablets, she still does all our tea and gets up with us",
            "parent_mental_health_treated",
        ),
        ("mum drinks wine every night and is grumpy in the mornings", "parent_substance_use_some_impact"),
    ],
)
def test_a_parents_difficulty_told_with_care_kept_up_keeps_its_grade(analyser, text, base):
    assert base in found(analyser, text), text


@pytest.mark.parametrize(
    "text",
    [
        "mum says i gotta be out by the end of the month cos im 16 now",
        "My son's best friend is 17 and his dad's told him he's got to go once his exams finish.",
        "my mum says if i keep going on like this im out, she means it, im 16",
    ],
)
def test_a_16_or_17_year_old_told_to_go_by_a_time_to_come_is_at_risk_of_homelessness(analyser, text):
    assert "homeless_16_17_at_risk" in found(analyser, text), text


@pytest.mark.parametrize(
    "text",
    [
        "im 16 and i have to go to school tomorrow",  # going somewhere, not out
        "shes 17 and has to go to work at 6",
        "mum says i gotta be out by the end of the month, im 13",  # a younger child is another concern
        "my dad never said i have to leave, im 16 and its fine at home",  # denied
    ],
)
def test_going_somewhere_or_a_younger_child_is_no_young_persons_homelessness(analyser, text):
    assert "homeless_16_17_at_risk" not in found(analyser, text), text


@pytest.mark.parametrize(
    "text",
    [
        "my dads outside in his car texting me come out now or else, hes gonna take me n said hell hurt me",
        "ex-partner (non-mol in place) texting he's on his way to collect Poppy (4) 'and you'll never see her again'",
        "There's a man parked by the park calling the little boy over, I think he's going to grab him now",
    ],
)
def test_someone_set_on_taking_a_child_there_now_with_a_threat_is_a_child_about_to_be_taken(analyser, text):
    analysis = analyser.analyse(text)
    assert "child_about_to_be_taken" in {f.indicator_id for f in analysis.findings}, text
    assert analysis.immediate_danger, text


@pytest.mark.parametrize(
    "text",
    [
        "dad is taking me to football tonight, he said ill never guess where we sit",  # taking somewhere
        "my mum is coming to get me, im scared of the dark and its late now",  # no threat
        "he said he would never take her away from her mum",  # denied
    ],
)
def test_taking_a_child_somewhere_or_without_a_threat_is_no_child_about_to_be_taken(analyser, text):
    assert "child_about_to_be_taken" not in found(analyser, text), text


@pytest.mark.parametrize(
    "text",
    [
        "every time i get told off i dont get no dinner and i have to sit on the stairs",
        "her stepmum makes her go without her tea if she gets a bad mark at school",
        "he sends her to bed with nothing to eat almost every night as a punishment",
    ],
)
def test_a_meal_kept_from_a_child_for_what_they_did_is_food_withheld_as_punishment(analyser, text):
    assert "food_withheld_as_punishment" in found(analyser, text), text


@pytest.mark.parametrize(
    "text",
    [
        "she doesnt eat breakfast because she is never hungry, if shes bad at school we talk about it",  # two clauses
        "years ago her dad used to send her to bed without supper as a punishment but that stopped long ago",
        "if he was naughty would they stop his dinner?",  # supposed
    ],
)
def test_a_meal_not_eaten_for_another_reason_or_long_ago_is_no_food_withheld(analyser, text):
    assert "food_withheld_as_punishment" not in found(analyser, text), text


@pytest.mark.parametrize(
    "text",
    [
        "my step mum got investigated before cos they thought she was makin her other kid sick",
        "my mum got investigated when i was little cos the hospital thought she was making my brother ill",
        "years back social services thought she was making her first kid poorly on purpose. Now she's got a new baby.",
    ],
)
def test_a_parent_once_suspected_of_making_a_child_ill_is_a_previous_fii_concern(analyser, text):
    # past by nature: the suspicion told as past is the concern, not its end
    assert "fii_previous_concern" in found(analyser, text), text


@pytest.mark.parametrize(
    "text",
    [
        "he used to make himself sick after meals before he got help",  # the child's own
        "checks show nobody has ever thought mum was making him ill",  # denied
        "what if the hospital thought I was making my son ill before?",  # supposed
    ],
)
def test_no_parent_suspected_of_making_a_child_ill_is_no_previous_fii_concern(analyser, text):
    assert "fii_previous_concern" not in found(analyser, text), text


@pytest.mark.parametrize(
    "text",
    [
        "The boy who works in the chippy never seems to leave. My neighbour saw him bedding down in the back room after they'd shut.",
        "The young girl who cleans at the restaurant seems to live in the back.",
        "i dont go home i just sleep on the mattress upstairs at the restaurant after we close, the boss says its easier",
    ],
)
def test_a_child_sleeping_where_they_work_is_read_in_any_words(analyser, text):
    assert "trafficking_sleeps_at_workplace" in found(analyser, text), text


@pytest.mark.parametrize(
    "text",
    [
        "she's been sleeping with a man in his thirties who works at the chippy",  # another concern
        "he works at the car wash on saturdays and sleeps at home with his mum",  # home, not the workplace
        "checked: nobody sleeps at the takeaway, he works saturday shifts only",  # denied
    ],
)
def test_work_and_sleep_told_apart_is_no_child_sleeping_at_work(analyser, text):
    assert "trafficking_sleeps_at_workplace" not in found(analyser, text), text


@pytest.mark.parametrize(
    "text",
    [
        "when i cry my dad just tells me to go to my room, he never asks why im sad",
        "wen im upset no1 at home notices, they dont care",
        "Ruby (9m) crying for extended periods, F scrolling on phone, no eye contact or comfort offered.",
    ],
)
def test_a_childs_distress_met_with_nothing_is_emotional_needs_unresponded_to(analyser, text):
    assert "emotional_needs_unresponsive" in found(analyser, text), text


@pytest.mark.parametrize(
    "text",
    [
        "when i cry my mum always gives me a cuddle and asks whats wrong",  # a response
        "when he is upset he goes quiet",  # no adult told
    ],
)
def test_a_childs_distress_met_or_no_adult_told_is_not_unresponsiveness(analyser, text):
    assert "emotional_needs_unresponsive" not in found(analyser, text), text


@pytest.mark.parametrize(
    "text",
    [
        "my new friend in class said she came to england with some man n woman who aint her family",
        "A couple turned up with a little girl who isn't theirs. She said people she'd never met before flew her over here.",
        'Grace (12) arrived from Nigeria 3 wks ago with adults she calls "aunty" and "uncle"; no relationship confirmed',
    ],
)
def test_a_child_brought_into_the_country_by_adults_who_are_no_family_is_read_in_any_words(analyser, text):
    assert "trafficking_brought_to_uk" in found(analyser, text), text


@pytest.mark.parametrize(
    "text",
    [
        "she came over from Poland with her mum and dad last year",  # with family
        "he lives with his mum's friend, they're not related, while his mum works in Spain",  # not brought in
    ],
)
def test_a_child_who_came_with_family_or_was_not_brought_in_is_not_read_as_trafficked(analyser, text):
    assert "trafficking_brought_to_uk" not in found(analyser, text), text


@pytest.mark.parametrize(
    "text",
    [
        "i have to wash my mum n do her meds n look after the babies cos theres no one else",
        "Yr 8 Jayden late again; says he showers and dresses Mum every morning and gives her tablets",
        "have to do mums morphine n help her on the toilet before school every day",
    ],
)
def test_a_child_giving_a_parent_intimate_or_medical_care_is_caring_beyond_their_years(analyser, text):
    readings = found(analyser, text)
    assert "young_carer_inappropriate_caring" in readings and "young_carer_some_caring" not in readings, readings


@pytest.mark.parametrize(
    "text",
    [
        "mum gives him his tablets every morning",  # the parent caring for the child
        "i help my mum with the shopping when her back is bad",  # some caring
    ],
)
def test_a_parent_caring_or_a_child_helping_a_little_is_not_caring_beyond_their_years(analyser, text):
    assert "young_carer_inappropriate_caring" not in found(analyser, text), text


@pytest.mark.parametrize(
    "text",
    [
        "I heard his mum tell her little boy she wished he'd never been born and she can't wait to get rid of him",
        "mum told her 'I wish I'd never had you' and 'I don't want you, go and live with your dad'",
        "my mum always says she wishes she never had me",
    ],
)
def test_a_parent_telling_a_child_they_are_not_wanted_is_rejection_in_any_words(analyser, text):
    assert "rejection_unwanted" in found(analyser, text), text


@pytest.mark.parametrize(
    "text",
    [
        "He's a good lad underneath. I don't want him arrested.",
        "everyone would be better off without me",  # the child's own despair
        "she doesn't want him to go to the party",
    ],
)
def test_not_wanting_something_for_a_child_is_no_rejection(analyser, text):
    assert "rejection_unwanted" not in found(analyser, text), text


@pytest.mark.parametrize(
    ("text", "graver"),
    [
        (
            "my mum has learning difficulties and even with the helper ladies my little sister got hurt again",
            "parent_ld_unable_keep_safe",
        ),
        (
            "Josh (13) returned home from care in November; since then mum is drinking again",
            "return_home_breaking_down",
        ),
        (
            # signs as written or as normalised: "worn out" is "wear out"
            "My mum's looking after my brother's three kids and she's in her seventies, she's worn out",
            "kinship_carer_struggling",
        ),
    ],
)
def test_harm_or_things_going_wrong_again_read_the_graver_grade(analyser, text, graver):
    assert graver in found(analyser, text), text


def test_a_child_home_from_care_and_doing_well_keeps_the_lesser_grade(analyser):
    readings = found(analyser, "she went home from foster care in the summer and is settled and happy at school")
    assert "return_home_breaking_down" not in readings, readings


def test_the_graver_grade_read_leaves_no_lesser_grade_of_the_same_concern_beside_it(analyser):
    readings = found(analyser, "my mum has learning difficulties and even with the helpers my sister got hurt again")
    assert "parent_ld_unable_keep_safe" in readings, readings
    assert not {"parent_ld_coping_supported", "parent_ld_needs_support"} & readings, readings


@pytest.mark.parametrize(
    "text",
    [
        "my dad tells the doctors i get seizures but i never have, and now im on tablets for it",
        "Her stepmum insists she has allergies to everything and the GP has put her on a special diet, but I've seen her eat anything at parties and she's fine.",
        "Mother reports nightly fits in Ollie (4) never witnessed by nursery or ward staff; third hospital this year.",
    ],
)
def test_an_illness_told_by_the_carer_and_not_borne_out_is_fabricated(analyser, text):
    assert "fii_fabricated" in found(analyser, text), text


@pytest.mark.parametrize(
    "text",
    [
        "the doctor told us she has asthma but she seems fine to me",  # a doctor's account, not the carer's
        "mum says im ill and took me to the gp, i had a temperature all night",  # borne out
        "mum says im sick but i feel fine so she let me go to school",  # no doctor nor treatment
    ],
)
def test_an_illness_borne_out_or_told_by_a_doctor_is_not_fabricated(analyser, text):
    assert "fii_fabricated" not in found(analyser, text), text


@pytest.mark.parametrize(
    "text",
    [
        "my stepdad mixes something into my squash and afterwards i feel really dizzy and sleepy",
        "Nursery saw mum add powder from an unlabelled pot to Ava's milk; Ava was floppy and sick by lunchtime.",
    ],
)
def test_something_put_in_a_childs_drink_that_makes_them_sick_is_induced_illness(analyser, text):
    assert "fii_induced" in found(analyser, text), text


@pytest.mark.parametrize(
    "text",
    [
        "mum puts calpol in my drink when im poorly",  # a medicine for an illness the child has
        "she puts sugar in my tea and im never sick",  # nothing made the child sick
    ],
)
def test_a_medicine_given_for_an_illness_is_not_induced_illness(analyser, text):
    assert "fii_induced" not in found(analyser, text), text


@pytest.mark.parametrize(
    "text",
    [
        "my mum found out im bi and now she wont look at me or talk to me",
        "told my mum and dad im non-binary and they said im going to hell, they wont answer my texts",
    ],
)
def test_a_family_turning_away_from_a_young_persons_identity_is_rejection_for_who_they_are(analyser, text):
    assert "identity_rejected_by_family" in found(analyser, text), text


@pytest.mark.parametrize(
    "text",
    [
        "my mum found out im gay and she said she loves me no matter what",  # accepted
        "my brother came out as bi last year and nobody at home ignores him, theyre all fine",  # denied
        "my dad wont talk to me since i failed my exams, im gay but he doesnt know",  # not told, not found out
    ],
)
def test_a_young_persons_identity_accepted_or_not_told_is_no_rejection(analyser, text):
    assert "identity_rejected_by_family" not in found(analyser, text), text


@pytest.mark.parametrize(
    "text",
    [
        "my girlfriend is pregnant and we havent told anyone or been to the doctors, shes 16",
        "Midwife 29/40: Jade (17) first contact today, no GP registration, not booked until now.",
    ],
)
def test_a_pregnancy_kept_hidden_or_from_antenatal_care_is_concealed(analyser, text):
    assert "unborn_concealed_pregnancy" in found(analyser, text), text


@pytest.mark.parametrize(
    "text",
    [
        "my sister is pregnant and nobody knows who the dad is",  # the father unknown, not the pregnancy
        "she's pregnant and has been to every midwife appointment",  # in antenatal care
        "mum has missed her methadone appts this month",  # no pregnancy told
    ],
)
def test_a_pregnancy_known_and_in_antenatal_care_is_not_concealed(analyser, text):
    assert "unborn_concealed_pregnancy" not in found(analyser, text), text


@pytest.mark.parametrize(
    "text",
    [
        "the health visitor offered mum a family worker but she said no thanks, and the baby's been going downhill",
        "my nan told the family worker to get lost and since then it has gone downhill at home",
    ],
)
def test_help_turned_away_while_things_get_worse_is_early_help_refused_as_needs_escalate(analyser, text):
    assert "early_help_refused_needs_escalating" in found(analyser, text), text


@pytest.mark.parametrize(
    "text",
    [
        "mum said no to the family support worker but things are fine now",  # nothing worse
        "the worker said no to our housing request and the damp has got worse",  # the help said no
    ],
)
def test_help_turned_away_with_nothing_worse_is_the_familys_right(analyser, text):
    assert "early_help_refused_needs_escalating" not in found(analyser, text), text


@pytest.mark.parametrize(
    "text",
    [
        "my mums boyfriend has done time for assault and she lets him look after my baby brother",
        "dads mate was inside for GBH and dad leaves us with him on fridays",
    ],
)
def test_a_violent_adult_left_in_charge_of_the_child_is_an_unsafe_adult(analyser, text):
    assert "unsafe_adults_around_child" in found(analyser, text), text


@pytest.mark.parametrize(
    "text",
    [
        "my uncle was in prison years ago and now works at a garage",  # in charge of no child
        "nan babysits us on saturdays and she is lovely",  # no record
    ],
)
def test_an_adult_with_a_record_not_in_charge_or_a_carer_with_none_is_no_unsafe_adult(analyser, text):
    assert "unsafe_adults_around_child" not in found(analyser, text), text


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        (
            "we keep moving about, this is the sixth move in three years",
            "frequent_moves_instability",
        ),
        (
            "Ruby (3) collected from nursery by 4 different adults this week, none known to staff.",
            "changing_carers_chaotic",
        ),
        (
            "every time mum gets a new fella i get shipped out to stay with random mates of hers",
            "changing_carers_chaotic",
        ),
    ],
)
def test_moves_and_carers_told_again_and_again_are_instability(analyser, text, reading):
    assert reading in found(analyser, text), text


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("we moved house once when i was little", "frequent_moves_instability"),  # once
        ("a naked photo of her was sent round the whole school", "changing_carers_chaotic"),  # a picture
    ],
)
def test_one_move_or_a_picture_passed_round_is_no_instability(analyser, text, reading):
    assert reading not in found(analyser, text), text


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        (
            "Toby (2) hot to touch, floppy and not drinking or eating; dad refused to call 111, said it's teething.",
            "medical_neglect_serious",
        ),
        (
            "his wrist is all swollen and bent since friday and his mum wont take him to a and e",
            "delay_seeking_treatment",
        ),
        (
            "i scalded my arm last week but im not allowed to go to the doctors in case they tell social services",
            "delay_seeking_treatment",
        ),
    ],
)
def test_care_refused_or_hidden_for_a_child_who_needs_it_is_neglect_of_their_health(analyser, text, reading):
    assert reading in found(analyser, text), text


@pytest.mark.parametrize(
    "text",
    [
        "we cant get to the doctors cos theres no bus and my cough keeps coming back",  # kept away by the bus
        "the baby was floppy so mum rang 999 straight away, she wouldnt wait for the gp",  # sought at once
    ],
)
def test_care_out_of_reach_or_sought_is_no_refusal(analyser, text):
    readings = found(analyser, text)
    assert not readings & {"medical_neglect_serious", "delay_seeking_treatment"}, readings


@pytest.mark.parametrize(
    "text",
    [
        "my dad got arrested at 4 and theres no one at home now, im 11 and my brother is 6",
    ],
)
def test_a_parent_taken_away_with_nobody_else_for_the_children_leaves_them_without_a_carer(analyser, text):
    assert "child_without_carer" in found(analyser, text), text


@pytest.mark.parametrize(
    "text",
    [
        "nobody in the family has died, dad was in hospital for his knee and gran helped",  # a denial, with help
        "when i was small mum was in hospital and there was nobody to have me, but nan lives next door now",  # past
    ],
)
def test_a_parent_away_with_someone_there_or_long_ago_leaves_no_child_without_a_carer(analyser, text):
    assert "child_without_carer" not in found(analyser, text), text


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("a girl from insta has my vids and says shell share them on my story if i dont pay 50 quid", "sextortion"),
        (
            "my step dad is hammered again and hes in charge of my little brother tonight",
            "parent_intoxicated_caring_for_child",
        ),
        (
            "we both do nights at the moment so the kids are by themselves for a bit in the evening",
            "parent_work_childcare_gaps",
        ),
    ],
)
def test_a_concern_read_from_its_parts(analyser, text, reading):
    assert reading in found(analyser, text), text


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("nan says if i dont send her the photos from the party shell be sad", "sextortion"),  # no threat to share
        (
            "mum was drunk at the wedding but dad was looking after us",
            "parent_intoxicated_caring_for_child",
        ),  # not in charge
        ("the kids play out on their own most nights till its dark", "parent_work_childcare_gaps"),  # no work told
    ],
)
def test_a_concern_missing_one_of_its_parts_is_not_read(analyser, text, reading):
    assert reading not in found(analyser, text), text


@pytest.mark.parametrize(
    "text",
    [
        "my cousin cant go anywhere without her brothers now and her dad says she'll be engaged by summer",
        "Year 9 girl: uncle drives her to and from school; family keep on about who she will marry.",
    ],
)
def test_a_girl_kept_close_and_pressed_about_marriage_shows_the_early_signs_of_forced_marriage(analyser, text):
    assert "forced_marriage_early_signs" in found(analyser, text), text


@pytest.mark.parametrize(
    "text",
    [
        "she isnt allowed out on school nights, her mum is strict about homework",  # no marriage talk
        "mum walks her to and from school since the accident, and mum and dads marriage is fine",  # her parents'
    ],
)
def test_strict_parents_or_a_wedding_alone_are_no_early_sign_of_forced_marriage(analyser, text):
    assert "forced_marriage_early_signs" not in found(analyser, text), text


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("my little brother starts shaking when its time to go back to his dads", "afraid_to_go_home"),
        (
            "mums boyfriend told me if i tell my teacher he'll chuck me out and i'll never see my sister again",
            "threats_to_child",
        ),
        ("since the divorce my mum makes me report back on dads new girlfriend", "parental_conflict_child_in_middle"),
        ("my dad keeps saying if i behave like that again hell get me put in care", "threats_to_child"),
    ],
)
def test_fear_of_home_a_threat_of_loss_and_a_child_used_between_parents_are_read_from_their_parts(
    analyser, text, reading
):
    assert reading in found(analyser, text), text


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("she loves going home and is never scared there", "afraid_to_go_home"),  # denied
        ("my sister is scared to go back to school after the holidays", "afraid_to_go_home"),  # school, not home
        ("What if I tell my parents and they kick me out, where would I go?", "threats_to_child"),  # supposed, not said
    ],
)
def test_no_fear_of_home_nor_a_threat_said_to_the_child_is_not_read(analyser, text, reading):
    assert reading not in found(analyser, text), text


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        (
            "ive been bringing up my sons two girls since he went inside and im shattered, i cant keep going",
            "kinship_carer_struggling",
        ),
        (
            "We've taken on my sister's boy since she went into rehab; he's settled but we could do with some advice on money.",
            "kinship_care_needs_support",
        ),
        ("Leah (13) reported missing x6 since September, found each time in town centre.", "missing_repeatedly"),
    ],
)
def test_kinship_care_and_repeated_missing_are_read_from_their_parts(analyser, text, reading):
    assert reading in found(analyser, text), text


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        (
            "ive had my brothers kids for the weekend and im worn out, cant wait to hand them back",
            "kinship_carer_struggling",
        ),  # babysitting
        ("my phone went missing at school", "missing_repeatedly"),  # no count, no child gone
    ],
)
def test_babysitting_or_a_thing_gone_is_no_kinship_care_nor_repeated_missing(analyser, text, reading):
    assert reading not in found(analyser, text), text


@pytest.mark.parametrize(
    "text",
    [
        "Mason (6) wasn't collected at 3.15 and school couldn't reach mum until 4.30.",
        "my little sister is 4 and nobody came to pick her up from nursery again, the staff had to wait with her",
    ],
)
def test_a_child_nobody_came_for_at_the_end_of_the_day_is_a_lapse_in_supervision(analyser, text):
    assert "supervision_lapses" in found(analyser, text), text


@pytest.mark.parametrize(
    "text",
    [
        "Mason (6) is always collected on time from after-school club by his dad or nan.",
        "Police: dad arrested 14:00, Mason (6) at school with no one to collect him, no family known.",
        "School nurse: Mason (6) has asthma, his inhalers not collected from the pharmacy since June.",
        "what happens if nobody collects him from school on time?",
    ],
)
def test_a_child_collected_or_a_thing_not_collected_is_no_lapse(analyser, text):
    assert "supervision_lapses" not in found(analyser, text), text


@pytest.mark.parametrize(
    "text",
    [
        "Help, my 2 year old just tipped a hot cup of tea all over his chest and the skin is coming off",
        "my daughter knocked the kettle over and the skin on her arm is peeling, shes screaming",
    ],
)
def test_a_scald_with_the_skin_coming_away_needs_treatment_now(analyser, text):
    analysis = analyser.analyse(text)
    assert "serious_injury_needs_treatment_now" in {f.indicator_id for f in analysis.findings}, analysis.findings
    assert analysis.immediate_danger, text


@pytest.mark.parametrize(
    "text",
    [
        "he pulled a pan of boiling water over himself when he was 2, the skin peeled off but it healed well",
        "she spilt hot tea on her hand, its a bit red, no blisters",
        "mum tipped the hot water out of the bath before he got in",
    ],
)
def test_a_scald_long_ago_or_without_such_signs_is_no_emergency(analyser, text):
    assert "serious_injury_needs_treatment_now" not in found(analyser, text), text


@pytest.mark.parametrize(
    "text",
    [
        "i owe these lads 300 cos my bag got nicked and they said theyll cut me if i dont pay by sunday",
        "My grandson owes some men money and they told him they'd batter his mum if he doesn't sort it.",
    ],
)
def test_a_debt_the_child_is_threatened_over_is_read_from_its_parts(analyser, text):
    assert "cce_debt_threats" in found(analyser, text), text


@pytest.mark.parametrize(
    "text",
    [
        "i owe my mate 300 for the ps5, hell want it back by christmas",  # no harm threatened
        "dad owes the council 300 in rent and the letter says they will take him to court",
        "my brother says hell smash my phone if i touch his xbox again",  # no debt
    ],
)
def test_a_debt_with_no_threat_or_a_threat_with_no_debt_is_not_debt_bondage(analyser, text):
    assert "cce_debt_threats" not in found(analyser, text), text


@pytest.mark.parametrize(
    "text",
    [
        "me and ellie did it at hers on friday, were both 14 n no one knows",
        "she did it with her bf at his house, theyre both 15",
    ],
)
def test_two_young_teenagers_doing_it_is_sexual_activity_under_16(analyser, text):
    assert "sexual_activity_under_16_peer" in found(analyser, text), text


@pytest.mark.parametrize(
    "text",
    [
        "me n jake did it for a dare at school, were both 14",
        "me and my brother did it together, the science project, were both 13",
        "me and ellie did it at hers on friday",  # no ages told
    ],
)
def test_doing_it_for_a_dare_or_with_a_brother_or_without_ages_is_not_read_as_sex(analyser, text):
    assert "sexual_activity_under_16_peer" not in found(analyser, text), text


@pytest.mark.parametrize(
    "text",
    [
        "my brother takes a machete with him when he goes out with his mates now",
        "found out my son's got a blade in his hoodie most days, says everyone does",
    ],
)
def test_a_weapon_kept_on_the_child_is_weapon_carrying(analyser, text):
    assert "weapon_carrying" in found(analyser, text), text


@pytest.mark.parametrize(
    "text",
    [
        "she takes a knife with her to cut her apple at lunch",
        "he has never carried a knife on him, his bag was checked and it was clear",
        "he used to carry a blade on him in year 9 but he stopped two years ago",
    ],
)
def test_a_knife_at_home_denied_or_long_ago_is_no_weapon_carrying(analyser, text):
    assert "weapon_carrying" not in found(analyser, text), text


@pytest.mark.parametrize(
    "text",
    [
        "Handover: Evie (6) is now staying with a family friend, her mum having been remanded to HMP Bronzefield.",
        "Transfer: Noah (10) now with his aunt in Hull after mum remanded in custody; new school, wetting the bed.",
    ],
)
def test_a_mother_in_prison_and_the_child_moved_is_the_main_carer_imprisoned(analyser, text):
    readings = found(analyser, text)
    assert "primary_carer_imprisoned" in readings and "parent_in_custody" not in readings, readings


@pytest.mark.parametrize(
    "text",
    [
        "my mum got locked up last year for a few nights but she's home now and we never moved",
        "when the police locked up my mum's ex we moved to a new school to be safe",
    ],
)
def test_a_mother_home_again_or_another_adult_jailed_is_not_the_main_carer_imprisoned(analyser, text):
    assert "primary_carer_imprisoned" not in found(analyser, text), text


@pytest.mark.parametrize(
    "text",
    [
        "mums boyfriend was laying into her in the kitchen and my little brother got thrown against the cupboard",
        "Her partner shoved her while she held the baby and the baby was dropped onto the floor, now in A&E.",
    ],
)
def test_a_child_hurt_in_an_attack_on_their_mother_is_hurt_in_domestic_abuse(analyser, text):
    assert "child_hurt_in_domestic_violence" in found(analyser, text), text


@pytest.mark.parametrize(
    "text",
    [
        "dad went for mum last night, me and my brother hid upstairs and the baby wasn't hurt",
        "my son got hit by a car on the way to school and mum is in bits",
    ],
)
def test_an_attack_no_child_was_hurt_in_or_a_child_hurt_otherwise_is_not_hurt_in_domestic_abuse(analyser, text):
    assert "child_hurt_in_domestic_violence" not in found(analyser, text), text


def test_the_mother_hurt_is_not_a_child_hurt_in_domestic_abuse(analyser):
    text = "her boyfriend hit her last night and she got cut on the glass table, the kids were at their nans"
    assert "child_hurt_in_domestic_violence" not in found(analyser, text), text


def test_all_is_well_negated_in_its_clause_ends_nothing(analyser):
    # "settle" is all being well only where its clause does not deny it
    text = "They have moved house five times in three years and the kids never get a chance to settle."
    assert "frequent_moves_instability" in found(analyser, text), text
