"""Keyword backstop for immediate danger, run after the intent classifiers.

Safety rule 1: "in danger now" always gives "call 999" at once. A classifier can miss an unusual
phrasing, so plain danger words override whatever intent DIET or the FallbackClassifier chose; the
rule `immediate_danger -> utter_emergency` then fires wherever the conversation is, forms included.
"""

from __future__ import annotations

import re
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.training_data.message import Message

INTENT = "immediate_danger"

# Phrases that say harm is happening or imminent now. Deliberately broad: a false alarm costs one
# extra "call 999" message, a miss could cost a child.
DANGER = re.compile(
    r"\b("
    r"(in|im|i'?m in) danger"
    r"|danger (right )?now"
    r"|immediate(ly)? (danger|risk)"
    r"|(being|getting) (hurt|hit|beaten|attacked|abused|raped) (right |rite )?(now|rn)"
    r"|(hurting|hitting|beating|attacking|strangling|choking) (me|him|her|them|us|my \w+) (right |rite )?(now|rn)"
    r"|(strangling|choking|suffocating) (me|him|her|them|us)"
    r"|going to (kill|hurt|stab|shoot)"
    r"|gonna (kill|hurt|stab)"
    r"|(threatening|threatened) to kill"
    r"|(has|have|got|has got|holding|waving) an? (knife|gun|weapon|machete|blade)"
    r"|(not|isn'?t|is not|isnt) breathing"
    r"|(won'?t|will not|not|isn'?t) (wake|waking) up|gone (floppy|blue)|turning blue"
    r"|unconscious|overdosed?|collapsed"
    r"|swallowed (some |the |a few )?(pills|tablets)"
    r"|(swallowed|taken|took|had) (a (load|lot|handful|packet|bottle|box) of|loads of|lots of|all (of )?(her|his|my|the)) "
    r"(pills|tablets|paracetamol|painkillers)"
    r"|kill (myself|himself|herself)|(going|gonna|about) to jump|end (it all|my life|her life|his life)"
    r"|(house|flat|home) (is )?on fire"
    r"|locked (me|us) in|smashing the (house|place|flat) up"
    r"|about to (drive off|run off|take (her|him|them|the))"
    r"|help me now|please help now|pl[sz] help|help me pl[sz]|(it'?s|this is) an emergency"
    r")\b",
    re.IGNORECASE,
)


# "she doesn't want to die", "he is not in danger", "never threatened to kill": the words turned round.
NEGATION = re.compile(
    r"\b(not|no|never|isn'?t|aren'?t|wasn'?t|doesn'?t|don'?t|didn'?t|won'?t|nobody|no one)\W+(\w+\W+){0,2}$", re.I
)


def mentions_immediate_danger(text: str) -> bool:
    text = text or ""
    return any(not NEGATION.search(text[max(0, m.start() - 40) : m.start()]) for m in DANGER.finditer(text))


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class DangerBackstop(GraphComponent):
    """Sets the intent to immediate_danger when the message holds danger words."""

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> DangerBackstop:
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get("text")
            if text and not text.startswith("/") and mentions_immediate_danger(text):
                intent = {"name": INTENT, "confidence": 1.0}
                message.set("intent", intent, add_to_output=True)
                ranking = [r for r in message.get("intent_ranking", []) if r.get("name") != INTENT]
                message.set("intent_ranking", [intent, *ranking], add_to_output=True)
        return messages
