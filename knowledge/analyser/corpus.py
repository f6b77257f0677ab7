"""The labelled corpus (knowledge/corpus/*.yml) and its scores against the analyser.

Each record: text, labels (the indicator the sentence is about), also (neighbouring grades of the
same concern, e.g. the early-sign and the significant-harm indicator of one risk area, where the
sentence alone cannot tell which grade applies), form (positive, negated, hypothetical, historical)
and split (dev: used to write the words lists; heldout: never looked at while writing them;
validation: the latest rounds of fresh text, on which to choose between two ways of reading, never
written into the words lists nor learnt from, so that the held-out split is never used to choose; a
round joins dev once a newer one takes its place).
The held-out split has two parts: sentences written beside the dev ones by the same writers, and
round 4 (round4_heldout.yml), written by writers who never saw the words lists (FRESH_PART).

Scoring: a positive sentence is a true positive when any of labels + also is found (counted for its
label), a false negative when none is; anything found outside labels + also is a false positive.

A sentence labelled with a danger-now concern also accepts what the danger question confirms, which
the engine adds whenever the analyser hears danger now.

Some concerns are in the catalogue twice, under two categories, with the same level, urgency and
meaning (SAME_CONCERN); a sentence about one is equally about the other, whichever the writer of the
sentence picked, so each pair is scored as one concern in every split.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from knowledge.analyser.analyser import Analyser
from knowledge.loader import read_yaml
from knowledge.schema import Urgency

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
FRESH_PART = "round4_heldout"
SAME_CONCERN = (
    frozenset({"child_low_mood_anxiety", "low_mood_anxiety"}),
    frozenset({"parental_conflict_frequent", "parental_conflict_no_violence"}),
    frozenset({"child_rejected_scapegoated", "scapegoated_child"}),
    frozenset({"pregnancy_under_16", "unborn_mother_under_16"}),
    # beyond parental control names "a child hitting or threatening them" in its own wording
    frozenset({"beyond_parental_control", "child_to_parent_violence"}),
)


def same_concern(ids: frozenset[str]) -> frozenset[str]:
    """ids with the other half of every SAME_CONCERN pair one of them belongs to."""
    return ids.union(*(pair for pair in SAME_CONCERN if pair & ids))


@dataclass(frozen=True)
class Example:
    text: str
    labels: frozenset[str]
    also: frozenset[str]
    form: str
    split: str
    source: str = ""  # the corpus file it came from


@dataclass
class Scores:
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    errors: list[tuple[Example, set[str], set[str]]] = field(default_factory=list)
    # What the advice would be, sentence by sentence: a positive sentence's highest level and
    # urgency found against its label's ("below" is under-triage, rule 2), and whether a negated,
    # hypothetical or historical sentence raised anything ("false alarm") or nothing ("quiet").
    grades: Counter = field(default_factory=Counter)

    def micro(self) -> tuple[float, float, float]:
        return _prf(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values()))

    def per_indicator(self, indicator_id: str) -> tuple[float, float, float]:
        return _prf(self.tp[indicator_id], self.fp[indicator_id], self.fn[indicator_id])


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def load_corpus(folder: Path = CORPUS) -> list[Example]:
    examples = []
    for path in sorted(folder.glob("*.yml")):
        for raw in read_yaml(path) or []:
            examples.append(
                Example(
                    text=raw["text"],
                    labels=frozenset(raw.get("labels") or ()),
                    also=frozenset(raw.get("also") or ()),
                    form=raw["form"],
                    split=raw["split"],
                    source=path.stem,
                )
            )
    return examples


def dev_examples(folder: Path = CORPUS) -> dict[str, list[str]]:
    """The dev split's positive sentences by label: what the similarity fallback learns from (the
    held-out split never is)."""
    examples: dict[str, list[str]] = {}
    for example in load_corpus(folder):
        if example.split == "dev" and example.form == "positive":
            for label in example.labels:
                examples.setdefault(label, []).append(example.text)
    return examples


def score(analyser: Analyser, examples: list[Example], danger_confirms: frozenset[str] = frozenset()) -> Scores:
    """danger_confirms: what the engine adds when the words say danger now (the danger question's
    confirms), so that the analyser is scored on what the assessment will hold."""
    scores = Scores()
    for example in examples:
        analysis = analyser.analyse(example.text)
        found = {f.indicator_id for f in analysis.findings}
        if analysis.immediate_danger:
            found |= danger_confirms
        acceptable = same_concern(example.labels | example.also)
        # A sentence about a danger-now concern ("a baby alone in the flat now") is about the danger
        # question's "yes" too, whatever category the concern sits in.
        if any(
            i in analyser.indicators and analyser.indicators[i].urgency == Urgency.emergency for i in example.labels
        ):
            acceptable |= danger_confirms
        hit = bool(found & acceptable)
        for indicator_id in example.labels:
            scores.tp[indicator_id] += hit
        wrong = found - acceptable
        missed = set() if hit else set(example.labels)
        for indicator_id in wrong:
            scores.fp[indicator_id] += 1
        for indicator_id in missed:
            scores.fn[indicator_id] += 1
        if wrong or missed:
            scores.errors.append((example, wrong, missed))
        scores.grades[_grade(analyser, example, found)] += 1
    return scores


def _grade(analyser: Analyser, example: Example, found: set[str]) -> str:
    if not example.labels:
        return "false alarm" if found else "quiet"
    want = _highest(analyser, example.labels)
    got = _highest(analyser, found)
    if got[0] < want[0] or got[1] < want[1]:
        return "below"
    return "above" if got[0] > want[0] else "same"


def _highest(analyser: Analyser, ids: set[str] | frozenset[str]) -> tuple[int, int]:
    """The highest level and the highest urgency rank among the indicators (0, 0 for none)."""
    known = [analyser.indicators[i] for i in ids if i in analyser.indicators]
    return max((i.level for i in known), default=0), max((i.urgency.rank for i in known), default=0)
