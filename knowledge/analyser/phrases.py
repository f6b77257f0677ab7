"""Gapped phrase matching: the catalogue's words as word sequences that may have a few words between.

spaCy's Matcher can say this ({"OP": "{0,3}"} between words), but with hundreds of such patterns it
tries every pattern at every token and falls far below the speed goal. Here each pattern is indexed
by its first word, so a narrative only tries the patterns whose first word it contains -- and
filed under its rarest word too, so the patterns one of whose words the narrative lacks are never
looked at, though they share a common first word ("not", "no") with hundreds of others.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc

from knowledge.analyser.pipeline import norm_set, words

Element = str | frozenset[str]  # one norm, or any of a class of norms (pronouns)


@dataclass(frozen=True)
class Phrase:
    key: str  # the indicator id
    elements: tuple[Element, ...]

    @cached_property
    def required(self) -> frozenset[str]:
        """The single words the phrase cannot match without."""
        return frozenset(e for e in self.elements if isinstance(e, str))


Entry = tuple[int, str, Phrase]  # a phrase's place in the order added, the first word it is filed by


class PhraseIndex:
    def __init__(
        self,
        max_gap: int,
        tight: frozenset[str] = frozenset(),
        fillers: frozenset[str] = frozenset(),
        clause_words: frozenset[str] = frozenset(),
        people: frozenset[str] = frozenset(),
    ) -> None:
        """tight: words after which the gap holds only fillers ("not cared for" is not "doesnt have to
        care for", "not looked after" is not "havent slept for months looking after").
        clause_words: words that open another clause, which a gap never crosses ("told her teacher
        that her stepdad hits her" is no "teacher hits").
        people: words naming a person, which a gap before a pronoun never holds: the person named is
        who the words are about ("the teacher called mum about his reading" is no "teacher called him")."""
        self.max_gap = max_gap
        self.tight = tight
        self.fillers = fillers
        self.clause_words = clause_words
        self.people = people
        # Every (first word, phrase) in the order added: a match's order among those starting at the
        # same word is the order its phrase was added.
        self.entries: list[tuple[str, Phrase]] = []
        self.phrases: set[Phrase] = set()
        self._filed: dict[str | None, list[tuple[frozenset[str], list[Entry]]]] | None = None

    def add(self, key: str, elements: list[Element]) -> None:
        # A leading pronoun is optional ("her mental health is stable" = "mum's mental health is
        # stable") unless the phrase would be left with one word ("he smells").
        while len(elements) > 2 and not isinstance(elements[0], str):
            elements = elements[1:]
        if not elements:
            return
        phrase = Phrase(key, tuple(elements))
        # Words that read the same once normalised ("hit her", "hits her"; "mum", "mother") would
        # only be walked, matched and checked again, to the same end.
        if phrase in self.phrases:
            return
        self.phrases.add(phrase)
        # A class of words as the first element ("he smells") is indexed under each of its words.
        for first in [elements[0]] if isinstance(elements[0], str) else sorted(elements[0]):
            self.entries.append((first, phrase))
        self._filed = None  # filed again, with the new phrase's words counted, before the next match

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        return [(phrase.key, start, end) for phrase, start, end in self.matches(doc)]

    def matches(self, doc: Doc) -> list[tuple[Phrase, int, int]]:
        """Every match with the phrase that made it (which words were the pattern's, which the gap's)."""
        walkable = self._walkable(norm_set(doc))
        if not walkable:
            return []
        norms, _, punct = words(doc)
        found = []
        for i, norm in enumerate(norms):
            phrases = walkable.get(norm)
            if phrases:
                for phrase in phrases:
                    path = self._rest(norms, punct, phrase.elements, 1, i + 1)
                    if path is not None:
                        found.append((phrase, i, path[-1] + 1 if path else i + 1))
        return found

    def _walkable(self, present: set[str]) -> dict[str, list[Phrase]]:
        """The phrases all of whose words are in the text, by first word, each word's in the order
        added. A phrase one of whose words is nowhere in the text is not walked at all; only those
        filed under a word of the text are looked at."""
        filed = self._filed
        if filed is None:
            filed = self._filed = self._file_by_rarest()
        passing = [entry for _, entries in filed.get(None, ()) for entry in entries]
        for word in present & filed.keys():
            for required, entries in filed[word]:
                if required <= present:
                    passing.extend(entries)
        passing.sort()  # into the order added (no two entries share a place)
        walkable: dict[str, list[Phrase]] = defaultdict(list)
        for _, first, phrase in passing:
            walkable[first].append(phrase)
        return walkable

    def prepare(self) -> None:
        """File the phrases for matching now, once the last is added, so that the first match does
        not wait for it."""
        self._filed = self._file_by_rarest()

    def _file_by_rarest(self) -> dict[str | None, list[tuple[frozenset[str], list[Entry]]]]:
        """Each entry, with its place in the order added, filed under the word it needs that the
        fewest entries need (None: it needs none), beside the entries there that need the same words,
        so those are checked once."""
        counts = Counter(word for _, phrase in self.entries for word in phrase.required)
        by_required: dict[frozenset[str], list[Entry]] = defaultdict(list)
        for order, (first, phrase) in enumerate(self.entries):
            by_required[phrase.required].append((order, first, phrase))
        filed: dict[str | None, list[tuple[frozenset[str], list[Entry]]]] = defaultdict(list)
        for required, entries in by_required.items():
            rarest = min(required, key=lambda word: (counts[word], word)) if required else None
            filed[rarest].append((required, entries))
        return dict(filed)

    def own_words(self, doc: Doc, phrase: Phrase, start: int) -> tuple[int, ...]:
        """The positions of the words a match of `phrase` at `start` took from the pattern (not its gaps)."""
        norms, _, punct = words(doc)
        path = self._rest(norms, punct, phrase.elements, 1, start + 1)
        return () if path is None else (start, *path)

    def _rest(
        self, norms: list[str], punct: list[bool], elements: tuple[Element, ...], k: int, at: int
    ) -> tuple[int, ...] | None:
        """Where the words of the shortest match of elements[k:] are, starting at most max_gap words
        after `at` (None: no match)."""
        if k == len(elements):
            return ()
        element, previous = elements[k], elements[k - 1]
        single = isinstance(element, str)
        tight = isinstance(previous, str) and previous in self.tight
        end = at + self.max_gap + 1
        if end > len(norms):  # not min(): this runs for every phrase tried at every word
            end = len(norms)
        for j in range(at, end):
            if j > at:
                gap = norms[j - 1]
                if (
                    punct[j - 1]
                    or gap in self.clause_words
                    or (tight and gap not in self.fillers)
                    or (not single and gap in self.people)
                ):
                    return None  # a gap never crosses punctuation or into another clause
            norm = norms[j]
            if norm == element if single else norm in element:
                rest = self._rest(norms, punct, elements, k + 1, j + 1)
                if rest is not None:
                    return (j, *rest)
        return None
