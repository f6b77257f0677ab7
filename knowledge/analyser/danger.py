"""Language that says the danger is happening now, which must give a 999 answer on its own."""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Span

from knowledge.analyser import cues
from knowledge.analyser.phrases import PhraseIndex
from knowledge.analyser.pipeline import norm_set, words

NOW = [
    ("right", "now"),
    # someone coming: "he's on his way now", "hes outside now" -- with harm around
    ("on", "his", "way"),
    ("on", "her", "way"),
    ("on", "their", "way"),
    ("outside", "now"),
    ("happen", "now"),
    ("at", "the", "moment"),
    ("as", "we", "speak"),
    ("as", "i", "type"),
    ("about", "to"),
    ("go", "to", "-", "now"),
    ("this", "minute"),
]
HARM = {
    "hit",
    "hurt",
    "punch",
    "kick",
    "beat",
    "strangle",
    "choke",
    "stab",
    "knife",
    "weapon",
    "gun",
    "kill",
    "attack",
    "fight",
    "scream",
    "drive",
    "drunk",
    "overdose",
    "pill",
    "tablet",
    "blood",
    "bleed",
    "unconscious",
    "breathe",
    "danger",
    "threaten",
    "jump",
    "bridge",
    "lock",
    "trap",
    "abuse",
    "rape",
    "smash",
    "fire",
    "take",
    "scared",
    "hide",
    "hiding",
    "snatch",
    "grab",
    "run",
    "throw",
    "batter",
    "cut",
    # a small child out alone by water or traffic: "wandering by himself beside the canal right now"
    "wander",
    "wandering",
    "edge",  # "standing right at the edge of the canal on his own right now"
}
# Phrases that are danger now on their own, whatever the tense words around them.
ALONE = [
    ("take", "a", "packet"),
    ("have", "a", "machete"),
    ("brandish",),
    ("take", "an", "overdose"),
    ("have", "take", "an", "overdose"),
    ("overdose",),
    ("not", "breathe"),
    ("unconscious",),
    ("go", "to", "kill"),
    ("have", "a", "knife"),
    ("have", "a", "gun"),
    ("drive", "off", "with"),
    ("in", "danger"),
    ("take", "pill"),
    ("take", "a", "lot", "of"),
    # swallowed pills, tablets, a battery, bleach: not "swallowed a button" last year
    ("swallow", "pill"),
    ("swallow", "tablet"),
    ("swallow", "battery"),
    ("swallow", "magnet"),
    ("swallow", "bleach"),
    ("swallow", "medicine"),
    ("swallow", "paracetamol"),
    ("swallow", "load"),
    ("swallow", "lot"),
    ("swallow", "packet"),
    ("bleed", "heavily"),
    ("stop", "breathe"),
    # a child's plea passed on as it came: "mum im scared pls come"
    ("scared", "please", "come"),
    # an adult shut in with a child, out of reach: "locked herself in the bathroom with him"
    ("lock", "herself", "in", "with"),
    ("lock", "himself", "in", "with"),
    ("lock", "herself", "in", "the", "-", "with"),
    ("lock", "himself", "in", "the", "-", "with"),
    ("barricade", "herself", "in"),
    ("barricade", "himself", "in"),
]

# "Last month", "last year": the sentence places what happened in a period that is over. ("Last
# night" is not one: a child who did not come home last night may be missing now.)
OVER = {"week", "weekend", "month", "year", "summer", "winter", "spring", "autumn", "term", "christmas", "easter"}
# "Squeezed my neck till I couldn't breathe": what someone could not do is told once it is over;
# "I can't breathe" is now.
TOLD_AFTER = {"could"}
# Any of these in the sentence and it is (also) about now, whatever period it names.
STILL_NOW = {"now", "still", "again", "tonight", "today", "currently", "ongoing"}


DANGER_MATCHES = "danger_matches"


def danger_matcher(norm: Callable[[str], str]) -> Callable[[Doc], list[tuple[str, int, int]]]:
    # The words that say "now" are read as written ("about to", not "about 5 to 10"); a "-" in one
    # marks where a word may stand ("going to ... now").
    strict, loose = PhraseIndex(max_gap=0), PhraseIndex(max_gap=1)
    for key, phrases in (("alone", ALONE), ("now", NOW)):
        for phrase in phrases:
            index = strict if key == "now" and "-" not in phrase else loose
            index.add(key, [norm(w) for w in phrase if w != "-"])
    strict.prepare()
    loose.prepare()

    def matches(doc: Doc) -> list[tuple[str, int, int]]:
        # read twice for some narratives (read_danger, treated_overdose): matched once per doc
        found = doc.user_data.get(DANGER_MATCHES)
        if found is None:
            found = doc.user_data[DANGER_MATCHES] = strict(doc) + loose(doc)
        return found

    return matches


# An overdose told without the word: taking or swallowing a quantity of a medicine ("took all my mums
# paracetamol, like 20"), but not a dose ("took 2 paracetamol for her headache").
TAKE = {"take", "swallow", "down", "neck"}
MEDICINE = {"paracetamol", "pill", "tablet", "med", "meds", "medicine", "medication", "ibuprofen", "painkiller",
            "aspirin", "antidepressant", "codeine", "co-codamol", "sleeping", "sertraline", "fluoxetine",
            "citalopram", "amitriptyline", "diazepam", "tramadol", "propranolol", "insulin"}  # fmt: skip
QUANTITY = {"all", "whole", "load", "loads", "lot", "lots", "packet", "pack", "box", "bottle", "handful", "strip"}
MANY_IN_WORDS = {"five", "six", "seven", "eight", "nine", "ten", "twelve", "fifteen", "twenty", "thirty", "forty"}
OVERDOSE_SPAN = 9  # tokens from the taking verb to the medicine ("swallowed a whole bottle of her nan's tablets")
# A child told to be in hospital care already ("admitted following OD", "shes in hospital now", "home
# from hospital", "woke up in hospital", "medically fit"): an overdose there is being treated, which
# the catalogue reads as a recent attempt, not a call to 999. Going there is not: "take her to A&E".
TREATED = re.compile(
    r"\b(?:admitted|in (?:the )?(?:hospital|hosp|a&e)|from (?:the )?hospital|on (?:the|a) (?:\w+ )?ward"
    r"|paeds ward|medically (?:stable|fit)|(?:was|been|got|were) (?:taken|rushed) to (?:hospital|a&e)"
    r"|(?:had|went) to (?:go to )?hospital|stomach pumped|pumped (?:my|her|his) stomach)\b",
    re.I,
)
# Care told as an earlier episode's: "she was in hospital last year for the same thing".
EARLIER_CARE = re.compile(
    r"[^,.;]*?\b(?:last (?:year|summer|winter|spring|autumn|christmas|time)|(?:years?|months) ago|before"
    r"|previously|in the past|same thing)\b",
    re.I,
)
OVERDOSE_NORMS = MEDICINE | {"overdose", "swallow", "packet"}
MANY = 5  # tablets taken at once that are more than a dose

# A baby or child shut in a car in the heat (heatstroke kills within minutes), as a passer-by tells it
# ("Hot day, 31 degrees. There's a baby in a car, windows shut. He's gone floppy."): the child in the
# sentence that names the car, left or shut in or collapsing there or in the next one, and the heat
# anywhere around. "The kids slept in the car on a hot day" is not it, nor "it was hot so we left
# early. The kids were in the car."
CHILD = {"baby", "babies", "toddler", "child", "kid", "kids", "infant", "little", "newborn", "son", "daughter"}
VEHICLE = {"car", "van"}
HEAT = {"boil", "boiling", "hot", "heat", "sweltering", "roast", "roasting", "bake", "baking"}
SHUT_IN = {
    "leave",
    "left",
    "alone",
    "lock",
    "locked",
    "shut",
    "nobody",
    "unattended",
    "floppy",
    "unresponsive",
    "quiet",
}


# Hiding or shut in from someone, told as going on, with harm around: "im hiding under my bed please
# help", "Children hiding upstairs" beside a man brandishing a knife, "me n mum r locked in the
# bedroom" as he says he'll kill them, "they are barricaded in the bedroom". Not hiding things
# ("hiding food under her bed"), nor a time gone by ("I was hiding under the bed").
HIDING = {"hiding", "barricaded", "locked"}
HIDING_PLACES = {"in", "under", "upstairs", "downstairs", "behind", "from", "inside"}
NOT_NOW = {"was", "were", "been", "used", "would", "when", "found"}


def read_danger(doc: Doc, matcher: Callable[[Doc], list[tuple[str, int, int]]]) -> Span | None:
    """The words that say the danger is now, or None."""
    overdose = _overdose(doc)
    if overdose is not None and treated(doc, overdose.start):
        overdose = None
    return _danger_words(doc, matcher) or overdose or _child_in_hot_car(doc) or _hiding_now(doc)


def treated_overdose(doc: Doc, matcher: Callable[[Doc], list[tuple[str, int, int]]]) -> Span | None:
    """The words of an overdose told beside the child's hospital care, which read_danger passes over:
    the concern is still there, no longer a danger now."""
    spans = [_overdose(doc)] + [
        doc[start:end]
        for key, start, end in matcher(doc)
        if key == "alone" and _names_an_overdose(doc, start, end) and _counts(doc, start, end)
    ]
    return next((span for span in spans if span is not None and treated(doc, span.start)), None)


def _hiding_now(doc: Doc) -> Span | None:
    norms, lowers, _ = words(doc)
    if HIDING.isdisjoint(lowers):
        return None
    for k, lower in enumerate(lowers):
        # where, or that it is going on: "hiding under my bed", "where Jack (8) is hiding; police en route"
        place = k + 1 < len(lowers) and lowers[k + 1] in HIDING_PLACES
        going_on = k > 0 and norms[k - 1] == "be" and (k + 1 == len(lowers) or doc[k + 1].is_punct)
        if lower not in HIDING or not (place or going_on) or not NOT_NOW.isdisjoint(lowers[max(0, k - 2) : k]):
            continue
        start, end = _around(doc, k)
        harm = (set(norms[start:end]) | set(lowers[start:end])) - {norms[k], lower}
        if not HARM.isdisjoint(harm) and _counts(doc, k, k + 2):
            return doc[k : k + 2]
    return None


def _overdose(doc: Doc) -> Span | None:
    if TAKE.isdisjoint(norm_set(doc)):  # most narratives: read on every one, so turned down at once
        return None
    norms, lowers, _ = words(doc)
    for i, norm in enumerate(norms):
        # "admitted Saturday after taking 30 sertraline": what came after it has happened too
        if norm not in TAKE or (i and lowers[i - 1] == "after"):
            continue
        sent_end = cues.sentence(doc, i)[1]
        for j in range(i + 1, min(i + OVERDOSE_SPAN + 1, sent_end)):
            if norms[j] in MEDICINE or lowers[j] in MEDICINE:
                said = norms[i + 1 : min(j + 5, sent_end)]
                if any(_many(w) for w in said) and _counts(doc, i, j + 1):
                    return doc[i : j + 1]
                break
    return None


def _many(word: str) -> bool:
    return word in QUANTITY or word in MANY_IN_WORDS or (word.isdecimal() and int(word) >= MANY)


def _child_in_hot_car(doc: Doc) -> Span | None:
    if VEHICLE.isdisjoint(norm_set(doc)):
        return None
    norms, lowers, _ = words(doc)

    def said(a: int, b: int) -> set[str]:
        return set(norms[a:b]) | set(lowers[a:b])

    for i, norm in enumerate(norms):
        if norm not in VEHICLE:
            continue
        start, end = cues.sentence(doc, i)
        after = cues.sentence(doc, end)[1] if end < len(doc) else end
        around = _around(doc, i)
        if (
            not CHILD.isdisjoint(said(start, end))
            and not SHUT_IN.isdisjoint(said(start, after))
            and not HEAT.isdisjoint(said(*around))
            and _counts(doc, i, i + 1)
        ):
            return doc[i : i + 1]
    return None


def _danger_words(doc: Doc, matcher: Callable[[Doc], list[tuple[str, int, int]]]) -> Span | None:
    norms, lowers, _ = words(doc)
    for key, start, end in matcher(doc):
        if not _counts(doc, start, end) or (start and lowers[start - 1] in TOLD_AFTER):
            continue
        if key == "alone":
            if _names_an_overdose(doc, start, end) and treated(doc, start):
                continue
            return doc[start:end]
        # "It's happening now." often follows the sentence that says what is happening.
        sent_start, sent_end = _around(doc, start)
        if not HARM.isdisjoint(norms[sent_start:sent_end]) or not HARM.isdisjoint(lowers[sent_start:sent_end]):
            return doc[start:end]
    return None


def _names_an_overdose(doc: Doc, start: int, end: int) -> bool:
    return not OVERDOSE_NORMS.isdisjoint(words(doc)[0][start:end])


def treated(doc: Doc, i: int) -> bool:
    """Whether the sentence holding token i, or one beside it, tells the child is in hospital care."""
    start, end = _around(doc, i)
    text = doc[start:end].text
    return any(EARLIER_CARE.match(text, care.end()) is None for care in TREATED.finditer(text))


def _around(doc: Doc, i: int) -> tuple[int, int]:
    """The start and end of the sentence holding token i together with the sentences either side."""
    start, end = cues.sentence(doc, i)
    if start > 0:
        start = cues.sentence(doc, start - 1)[0]
    if end < len(doc):
        end = cues.sentence(doc, end)[1]
    return start, end


def _counts(doc: Doc, start: int, end: int) -> bool:
    return not (
        cues.negated(doc, start, end)
        or cues.hypothetical(doc, start, end)
        or cues.historical(doc, start, end)
        or told_as_over(doc, start)
    )


def told_as_over(doc: Doc, i: int) -> bool:
    """Whether the sentence holding token i says it happened "last month" (a period that is over)
    and nothing in it says now."""
    sent_start, sent_end = cues.sentence(doc, i)
    norms = words(doc)[0][sent_start:sent_end]
    if STILL_NOW & set(norms):
        return False
    return any(a == "last" and b in OVER for a, b in zip(norms, norms[1:], strict=False))
