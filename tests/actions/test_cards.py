"""The structured cards the web chat draws, sent beside the text so other channels still read the advice."""

from __future__ import annotations

import pytest
from trackers import tracker

from actions.assessment import ActionAssess
from actions.referral_form import ActionFileReferral

pytestmark = pytest.mark.asyncio


async def _advice(api, dispatcher, **slots):
    api.assessment["questions"] = []
    await ActionAssess().run(dispatcher, tracker("tracker_teacher_worry", **slots), {})
    return dispatcher.messages[0]


async def test_the_recommendation_card_carries_the_level_reasons_and_routes_of_the_api(api, dispatcher):
    message = await _advice(api, dispatcher)
    card = message["custom"]

    assert card["card"] == "recommendation"
    assert card["text"] == message["text"]  # the page shows the card instead of repeating the words
    assert (card["level"], card["urgency"]) == (3, "immediate")
    assert card["level_name"] == "Complex needs: refer to children's social care"
    assert card["reasons"] == [
        {"description": "The child says an adult hurt them", "source": "hereford_wt2023.md para 4.12"}
    ]
    assert card["routes"][0]["title"] == "Refer to the front door (MASH)"
    assert card["routes"][0]["contact_phone"] == "0300 000 0000"
    assert card["consent"].startswith("Do not tell the parents")
    assert "999" in {contact["phone"] for contact in card["contacts"]}


async def test_a_childs_card_gives_childline_and_no_level(api, dispatcher):
    api.assessment["audience"] = "child"
    card = (await _advice(api, dispatcher, reporter_role="child", audience="child"))["custom"]

    assert "level" not in card and "reasons" not in card
    assert {"0800 1111", "999"} <= {contact["phone"] for contact in card["contacts"]}


async def test_the_filed_card_comes_only_with_the_apis_reference_and_token(api, dispatcher):
    await ActionFileReferral().run(dispatcher, tracker("tracker_confirmed_referral"), {})
    card = dispatcher.messages[0]["custom"]

    assert card["card"] == "referral_filed"
    assert card["reference"] == "MASH-2026-00001"
    assert card["status_token"] == "tok"
    assert card["acknowledge_by"] == "Tuesday 24 November, 17:00"


async def test_no_filed_card_when_the_api_refuses(api, dispatcher):
    api.referral_status = 500
    await ActionFileReferral().run(dispatcher, tracker("tracker_confirmed_referral"), {})

    assert [message.get("custom") for message in dispatcher.messages] == [{}]  # the dispatcher's "no card"
    assert "NOT been sent" in dispatcher.messages[0]["text"]
