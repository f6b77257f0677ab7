"""Language that says the danger is happening now, which must give a 999 answer on its own."""

from __future__ import annotations

from spacy.tokens import Doc

from knowledge.analyser import cues

NOW = [
    ("right", "now"),
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
}
# Phrases that are danger now on their own, whatever the tense words around them.
ALONE = [
    ("take", "a", "packet"),
    ("take", "an", "overdose"),
    ("have", "take", "an", "overdose"),
    ("overdose",),
    ("not", "breathe"),
    ("unconscious",),
    ("go", "to", "kill"),
    ("threaten", "to", "kill"),
    ("have", "a", "knife"),
    ("with", "a", "knife"),
    ("have", "a", "gun"),
    ("drive", "off", "with"),
    ("in", "danger"),
    ("kill", "himself"),
    ("kill", "herself"),
    ("kill", "myself"),
    ("end", "my", "life"),
    ("take", "pill"),
    ("take", "a", "lot", "of"),
    ("swallow",),
    ("bleed", "heavily"),
    ("stop", "breathe"),
]


def _seq_at(norms: list[str], lowers: list[str], i: int, seq: tuple[str, ...]) -> bool:
    if i + len(seq) > len(norms):
        return False
    return all(s == "-" or s == norms[i + k] or s == lowers[i + k] for k, s in enumerate(seq))


def read_danger(doc: Doc) -> bool:
    norms = [t.norm_ for t in doc]
    lowers = [t.lower_ for t in doc]
    for sent in doc.sents:
        for i in range(sent.start, sent.end):
            for seq in ALONE:
                if _seq_at(norms, lowers, i, seq) and _counts(doc, i, i + len(seq)):
                    return True
            for seq in NOW:
                if (
                    _seq_at(norms, lowers, i, seq)
                    and _counts(doc, i, i + len(seq))
                    and any(norms[j] in HARM or lowers[j] in HARM for j in range(sent.start, sent.end))
                ):
                    return True
    return False


def _counts(doc: Doc, start: int, end: int) -> bool:
    span = doc[start:end]
    return not (cues.negated(doc, span) or cues.hypothetical(doc, span) or cues.historical(doc, span))
