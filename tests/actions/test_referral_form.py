"""The referral form: what may be skipped, the read-back, and filing only on the API's confirmation."""

from __future__ import annotations

import hashlib

import pytest
from rasa_sdk.events import SlotSet
from trackers import tracker

from actions.referral_form import NOT_GIVEN, ActionFileReferral, ActionReferralSummary, ValidateReferralForm

pytestmark = pytest.mark.asyncio

KEY = hashlib.sha256(b"chat-teacher-11700000042.25").hexdigest()


@pytest.mark.parametrize("skip", ["skip", "Don't know", "idk", "rather not say", "anonymous"])
async def test_the_public_may_stay_anonymous(dispatcher, skip):
    state = tracker("tracker_confirmed_referral", audience="public")
    form = ValidateReferralForm()
    assert form.validate_referral_referrer_name(skip, dispatcher, state, {}) == {"referral_referrer_name": NOT_GIVEN}
    assert form.validate_referral_referrer_contact(skip, dispatcher, state, {}) == {
        "referral_referrer_contact": NOT_GIVEN
    }
    assert dispatcher.messages == []


async def test_professionals_may_not_refer_anonymously(dispatcher):
    state = tracker("tracker_confirmed_referral")
    result = ValidateReferralForm().validate_referral_referrer_name("skip", dispatcher, state, {})

    assert result == {"referral_referrer_name": None}
    assert "cannot refer anonymously" in dispatcher.messages[0]["text"]


async def test_only_professionals_are_asked_for_their_organisation_and_may_not_skip_it(dispatcher):
    form = ValidateReferralForm()
    slots = ["referral_child_name", "referral_referrer_name", "referral_referrer_organisation"]
    professional = tracker("tracker_confirmed_referral")
    assert await form.required_slots(slots, dispatcher, professional, {}) == slots
    public = tracker("tracker_confirmed_referral", audience="public")
    assert await form.required_slots(slots, dispatcher, public, {}) == slots[:2]
    assert form.validate_referral_referrer_organisation("skip", dispatcher, professional, {}) == {
        "referral_referrer_organisation": None
    }


async def test_the_child_must_be_findable_by_name_or_place(dispatcher):
    form = ValidateReferralForm()
    no_name = tracker("tracker_confirmed_referral", referral_child_name=NOT_GIVEN)
    assert form.validate_referral_child_location("skip", dispatcher, no_name, {}) == {"referral_child_location": None}
    named = tracker("tracker_confirmed_referral")
    assert form.validate_referral_child_location("skip", dispatcher, named, {}) == {
        "referral_child_location": NOT_GIVEN
    }
    assert form.validate_referral_child_name("  Amy   Example ", dispatcher, named, {}) == {
        "referral_child_name": "Amy Example"
    }


async def test_summary_is_read_back_before_sending(dispatcher):
    events = await ActionReferralSummary().run(dispatcher, tracker("tracker_confirmed_referral"), {})

    assert events == [SlotSet("stage", "confirm")]
    text = dispatcher.messages[0]["text"]
    for expected in ("Amy Example", "Example Primary School", "Sam Teacher", "sam@example.org", "Shall I send it now?"):
        assert expected in text


async def test_filed_referral_gives_reference_and_deadline(api, dispatcher):
    events = await ActionFileReferral().run(dispatcher, tracker("tracker_confirmed_referral"), {})

    assert events == [SlotSet("referral_reference", "MASH-2026-00001"), SlotSet("stage", "done")]
    body, key = api.referral_requests[0]
    assert key == KEY
    assert body["children"] == [{"name": "Amy Example", "where_now": "Example Primary School"}]
    assert body["referrer"] == {
        "role": "teacher",
        "name": "Sam Teacher",
        "organisation": "Example Primary School",
        "email": "sam@example.org",
        "anonymous": False,
    }
    assert body["answers"] == {"injury_visible": True, "under_one": None}
    assert body["concern"]
    text = dispatcher.messages[0]["text"]
    assert "MASH-2026-00001" in text and "Tuesday 24 November, 17:00" in text


async def test_confirming_twice_files_once(api, dispatcher):
    await ActionFileReferral().run(dispatcher, tracker("tracker_confirmed_referral"), {})
    await ActionFileReferral().run(dispatcher, tracker("tracker_confirmed_referral"), {})

    assert {key for _, key in api.referral_requests} == {KEY}
    assert len(api.references) == 1


@pytest.mark.parametrize("status", [500, 422])
async def test_a_refused_referral_is_never_called_sent(api, dispatcher, status):
    api.referral_status = status
    events = await ActionFileReferral().run(dispatcher, tracker("tracker_confirmed_referral"), {})

    assert events == [SlotSet("stage", "confirm")]
    text = dispatcher.messages[0]["text"]
    assert "NOT been sent" in text and "0300 000 0000" in text
    assert "has been sent" not in text


async def test_unreachable_api_is_never_called_sent(api_down, dispatcher):
    events = await ActionFileReferral().run(dispatcher, tracker("tracker_confirmed_referral"), {})

    assert events == [SlotSet("stage", "confirm")]
    assert "NOT been sent" in dispatcher.messages[0]["text"]
