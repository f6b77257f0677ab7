"""Gapped phrase matching: the catalogue's words as word sequences that may have a few words between.

spaCy's Matcher can say this ({"OP": "{0,3}"} between words), but with hundreds of such patterns it
tries every pattern at every token and falls far below the speed goal. Here each pattern is indexed
by its first word, so a narrative only tries the patterns whose first word it contains.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from spacy.tokens import Doc

from knowledge.analyser.pipeline import words

Element = str | frozenset[str]  # one norm, or any of a class of norms (pronouns)


@dataclass(frozen=True)
class Phrase:
    key: str  # the indicator id
    elements: tuple[Element, ...]

    @property
    def required(self) -> frozenset[str]:
        """The single words the phrase cannot match without."""
        return frozenset(e for e in self.elements if isinstance(e, str))


class PhraseIndex:
    def __init__(
        self,
        max_gap: int,
        tight: frozenset[str] = frozenset(),
        fillers: frozenset[str] = frozenset(),
        clause_words: frozenset[str] = frozenset(),
    ) -> None:
        """tight: words after which the gap holds only fillers ("not cared for" is not "doesnt have to
        care for", "not looked after" is not "havent slept for months looking after").
        clause_words: words that open another clause, which a gap never crosses ("told her teacher
        that her stepdad hits her" is no "teacher hits")."""
        self.max_gap = max_gap
        self.tight = tight
        self.fillers = fillers
        self.clause_words = clause_words
        self.by_first: dict[str, list[tuple[Phrase, frozenset[str]]]] = defaultdict(list)

    def add(self, key: str, elements: list[Element]) -> None:
        # A leading pronoun is optional ("her mental health is stable" = "mum's mental health is
        # stable") unless the phrase would be left with one word ("he smells").
        while len(elements) > 2 and not isinstance(elements[0], str):
            elements = elements[1:]
        if not elements:
            return
        phrase = Phrase(key, tuple(elements))
        # A class of words as the first element ("he smells") is indexed under each of its words.
        for first in [elements[0]] if isinstance(elements[0], str) else sorted(elements[0]):
            self.by_first[first].append((phrase, phrase.required))

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        return [(phrase.key, start, end) for phrase, start, end in self.matches(doc)]

    def matches(self, doc: Doc) -> list[tuple[Phrase, int, int]]:
        """Every match with the phrase that made it (which words were the pattern's, which the gap's)."""
        norms, _, punct = words(doc)
        present = set(norms)
        found = []
        for i, norm in enumerate(norms):
            for phrase, required in self.by_first.get(norm, ()):
                # A phrase one of whose words is nowhere in the text is not walked at all.
                if not required <= present:
                    continue
                path = self._rest(norms, punct, phrase.elements, 1, i + 1)
                if path is not None:
                    found.append((phrase, i, path[-1] + 1 if path else i + 1))
        return found

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
        element = elements[k]
        tight = isinstance(elements[k - 1], str) and elements[k - 1] in self.tight
        for j in range(at, min(at + self.max_gap + 1, len(norms))):
            if j > at and (
                punct[j - 1] or norms[j - 1] in self.clause_words or (tight and norms[j - 1] not in self.fillers)
            ):
                return None  # a gap never crosses punctuation or into another clause
            norm = norms[j]
            if norm == element if isinstance(element, str) else norm in element:
                rest = self._rest(norms, punct, elements, k + 1, j + 1)
                if rest is not None:
                    return (j, *rest)
        return None
