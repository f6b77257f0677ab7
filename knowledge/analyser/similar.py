"""A fallback for sentences no pattern matched, and a second reading of one a pattern matched in
(the analyser's SIMILAR_BESIDE): the indicator whose own words read most like them.

Trained when the analyser is built (milliseconds, no download): each indicator is a TF-IDF vector of
the content words of its catalogue words and plain wording, and of the corpus sentences labelled
with it in the dev split (never the held-out split). A sentence with no denial, no
hypothetical or history cue and no question mark is compared with every indicator; the best one
counts only at a cosine of SIMILAR_MIN or more, with SHARED_MIN content words in common, most of them
outside the scope of a negation, and with the lowest confidence the analyser gives.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from knowledge.analyser.cues import asks_what_it_means, negated_words, told_as_past, worry_refuted
from knowledge.analyser.pipeline import words

# Chosen by leave-one-out on the dev split only (each dev sentence read by a model trained without
# it). A sentence that shares a single word with the indicator it reads most like ("she has lots of
# friends") was as often wrong as right, so it needs SHARED_MIN words in common; with that, a cosine
# of 0.1 to 0.15 gave the best F1 and each step above it lost more right readings than wrong ones.
SIMILAR_MIN = 0.15
SHARED_MIN = 2
# A word that the texts of an eighth of the indicators or more use ("school", "month", "home") says
# where or when, not which concern: it adds to the cosine but is not counted among the SHARED_MIN.
COMMON_SHARE = 1 / 8
COMMON_MIN = 2  # a small catalogue (tests) has no common words
CONFIDENCE = 0.6
# Words that name who, not what: they say nothing about which concern it is.
NOT_CONTENT = set(STOP_WORDS) | {
    "'s",
    "year",
    "old",
    "mum",
    "dad",
    "child",
    "children",
    "kid",
    "boy",
    "girl",
    "baby",
    "say",
    "tell",
    "get",
    "go",
}
# Everyday verbs and words of time that every kind of report uses: two of them in common ("trying
# to do the right thing", "agreed ... last week") say nothing about which concern it is.
NOT_CONTENT |= {"try", "thing", "agree", "week", "mention", "pick", "sit", "watch", "know", "come", "think", "want"}
NOT_CONTENT |= {"look", "seem", "day", "time", "lot", "bit", "stuff", "way", "right", "really", "start", "let"}
# Any of these in the sentence: leave it to the patterns and the cues. A negation rules out only the
# words in its clause (negated_words): many concerns are told by what is missing ("never a proper
# teatime", "cant brush his teeth"), and "no bruises" rules out bruising, not the rest of the sentence.
# Measured on 992 sentences by writers who never saw the words lists (round 5, while it was the
# validation split), against leaving every sentence with a negation to the patterns: micro-F1 0.645 -> 0.668,
# positive sentences read below their label's level 203 -> 165 of 744, false alarms 57 -> 68 of 248.
CAUTION = {"deny", "denies", "denied"}
CAUTION |= {"if", "ago", "previously", "used", "past", "history", "before", "whether", "worried", "worry"}
CAUTION |= {"younger", "once"}  # "when he was younger", "he went missing once"
# Reassurance: a sentence that says what is going well ("she is eating normally", "the home was
# clean and tidy") shares its words with the concern it rules out, and must not be read as it.
CAUTION |= {"fine", "normal", "normally", "well", "good", "clean", "tidy", "stable", "safe", "happy"}
CAUTION |= {"settled", "ok", "okay", "plenty", "healthy", "thriving", "attending", "date", "lovely", "appropriate"}
CAUTION |= {"nicely", "gaining", "punctual", "loving", "supportive"}
CAUTION |= {"supporting", "affectionate", "praising", "capable", "involved", "playing", "polite", "bike"}
# A check that found nothing: "the drug screen was clear", "reviewed the notes: nothing to suggest".
# Chosen on rounds 12 and 13: false alarms 130 -> 127 of 496, no positive lost ("checked" and
# "confirmed" cost positives: "phone checked daily", "confirmed staying at mum's address").
CAUTION |= {"clear", "reviewed"}
# A finding of nothing said outright: "no concerns about her care", "nothing suggests it affects
# them", "no issues since". Chosen on the validation split: false alarms 288 -> 270 of 992, no
# positive read lower (dev: 582 -> 566 of 2,604, the same).
NOTHING_FOUND = ({"no", "nothing"}, {"concern", "concerns", "suggests", "issues", "problems", "trouble"})


def content(norms: Iterable[str]) -> list[str]:
    return [n for n in norms if n.isalpha() and len(n) > 2 and n not in NOT_CONTENT]


class Similar:
    def __init__(self, documents: dict[str, list[list[str]]]) -> None:
        tf = {key: Counter(w for doc in docs for w in doc) for key, docs in documents.items()}
        tf = {key: counts for key, counts in tf.items() if counts}
        df = Counter(w for counts in tf.values() for w in counts)
        self.idf = {w: math.log((1 + len(tf)) / n) for w, n in df.items()}  # smoothed: never 0
        common = max(COMMON_MIN, COMMON_SHARE * len(tf))
        distinctive = {w for w, n in df.items() if n <= common}
        # Each word's weight in each indicator's unit vector, as arrays over the indicators: a
        # sentence is scored against all of them at once, word by word (it runs on most sentences).
        self.keys = list(tf)
        postings: dict[str, tuple[list[int], list[float]]] = defaultdict(lambda: ([], []))
        for k, counts in enumerate(tf.values()):
            vector = {w: (1 + math.log(n)) * self.idf[w] for w, n in counts.items()}
            length = math.sqrt(sum(x * x for x in vector.values())) or 1.0
            for w, x in vector.items():
                if x:
                    postings[w][0].append(k)
                    postings[w][1].append(x / length)
        self.index = {w: (np.array(ks), np.array(xs)) for w, (ks, xs) in postings.items()}
        # the indicators each distinctive word is in, asked of the best one for every sentence read
        self.used_by = {w: frozenset(postings[w][0]) for w in distinctive}

    @classmethod
    def train(cls, texts: dict[str, list[str]], norms: Callable[[str], list[str]]) -> Similar:
        return cls({key: [content(norms(t)) for t in items] for key, items in texts.items()})

    def best(self, terms: list[str]) -> tuple[str | None, float, set[str]]:
        """The indicator the terms read most like, its cosine, and the distinctive terms it shares."""
        query = {w: self.idf[w] for w in set(terms) if w in self.idf}
        length = math.sqrt(sum(x * x for x in query.values()))
        if not length:
            return None, 0.0, set()
        scores = np.zeros(len(self.keys))
        for w, q in query.items():
            if w in self.index:
                ks, xs = self.index[w]
                scores[ks] += xs * (q / length)
        best = int(scores.argmax())
        if not scores[best]:
            return None, 0.0, set()
        shared = {w for w in query if best in self.used_by.get(w, ())}
        return self.keys[best], float(scores[best]), shared

    def sentences(self, doc: Doc, covered: set[int]) -> list[tuple[str, Span, float]]:
        """(indicator, sentence, score) for each sentence without a finding that reads like one."""
        found = []
        all_norms, all_lowers, _ = words(doc)
        for sent in doc.sents:
            if any(i in covered for i in range(sent.start, sent.end)):
                continue
            norms = all_norms[sent.start : sent.end]
            lowers = set(all_lowers[sent.start : sent.end])
            if (
                "?" in lowers
                or CAUTION & (set(norms) | lowers)
                or told_as_past(doc, sent.start, sent.end)
                or asks_what_it_means(doc, sent.start, sent.end)
                or _nothing_found(all_lowers[sent.start : sent.end], lowers)
                or worry_refuted(doc, sent.start, sent.end)
            ):
                continue
            key, score, shared = self.best(content(norms))
            if key is None or score < SIMILAR_MIN or len(shared) < SHARED_MIN:
                continue
            # Read it only if most of the words it shares with the indicator are not ruled out.
            if 2 * len(shared & negated_words(doc, sent.start, sent.end)) < len(shared):
                found.append((key, sent, score))
        return found


def _nothing_found(lowers: list[str], present: set[str]) -> bool:
    nothing, found = NOTHING_FOUND
    if nothing.isdisjoint(present) or found.isdisjoint(present):  # most sentences: no pair to look for
        return False
    return any(a in nothing and b in found for a, b in zip(lowers, lowers[1:], strict=False))
