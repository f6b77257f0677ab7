"""The danger backstop's words, without a trained model: what must give 999 and what must not.

The model-level check (tests/bot/test_bot.py) proves the component overrides the classifier; this
one keeps the word list honest, including the text-speak and plain words people type in a panic.
"""

from __future__ import annotations

import pytest

from bot.components.danger_backstop import mentions_immediate_danger

NOW = [
    "hes hurting her rite now",
    "pls help hes hitting my mum rn",
    "he's strangling her",
    "he's got a knife and hes shouting at the kids",
    "my stepdad is waving a machete around",
    "my little sister just swallowed a load of pills",
    "my friend says shes taken loads of tablets",
    "she took a handful of paracetamol an hour ago",
    "she's collapsed and wont wake up",
    "the baby has gone floppy and blue",
    "she's standing on the bridge saying she's going to jump",
    "the house is on fire and the kids are still inside",
    "he's locked me in and says he'll hurt me when he gets back",
    "im hiding in my room hes smashing the house up",
    "he's about to drive off with her and he's drunk",
    "Im in danger",
]

NOT_NOW = [
    "I'm worried about the children next door",
    "she takes her tablets every morning",
    "he took his pills to the pharmacy for a review",
    "the baby woke up crying at 3am",
    "he's worried about the fire alarm in the flat",
    "my son plays with a toy knife",
    "she says she doesn't want to die, she just feels better after",
    "he is not in danger now, he is at his nan's",
    "dad has never threatened to kill anyone",
]


@pytest.mark.parametrize("text", NOW)
def test_danger_now_in_plain_and_text_speak_words(text):
    assert mentions_immediate_danger(text)


@pytest.mark.parametrize("text", NOT_NOW)
def test_ordinary_words_are_not_danger(text):
    assert not mentions_immediate_danger(text)
