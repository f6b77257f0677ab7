"""Any text at all gets an analysis, never an exception: a narrative is whatever someone typed.

A number word spelt with the long s ("ſix years old") once raised KeyError from the age reader, and a
superscript digit ("she is ¹4 and pregnant") ValueError, each losing the whole assessment; this walks text built from the catalogue's own words, the age reader's
words in unusual letters and arbitrary Unicode.
"""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from knowledge.analyser import Analyser
from knowledge.loader import available_documents, load_document

# Words the age, danger and people readers look for, some in letters that only match them
# case-insensitively, and characters that are easy to mishandle.
TRICKY = [
    *("ſix", "ſeven", "EİGHT", "fİve", "ſixteen", "٧", "𝟕", "12", "a", "an", "year", "years", "yrs", "old"),
    *("y/o", "yo", "wk", "weeks", "months", "mo", "aged", "of", "girl", "boy", "pregnant", "year 6", "(9)"),
    *("no", "not", "never", "hasn't", "what if", "used to", "years ago", "right now", "mum", "stepdad", "coach"),
    *("'s", "’", "—", "\u200b", "\n\n", "!!!", "...", "ﬁ", "ß", "ǅ", "\x00", "\t", "😢"),
    # a digit str.isdigit() accepts and int() refuses ("¹4") once raised ValueError from the age reader
    *("¹4", "²", "(¹4)", "pregnant", "boyfriend", "punched her"),
]


@cache
def _analyser(document_id: str) -> Analyser:
    return Analyser.for_document(load_document(document_id))


@cache
def _words(document_id: str) -> list[str]:
    doc = load_document(document_id)
    return sorted({w for i in doc.indicators.values() for phrase in i.words for w in phrase.split()})


@pytest.mark.parametrize("document_id", available_documents())
def test_any_text_is_analysed_without_error(document_id):
    analyser = _analyser(document_id)
    word = st.one_of(st.sampled_from(_words(document_id)), st.sampled_from(TRICKY), st.text(min_size=1, max_size=6))

    @settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(word, max_size=40), st.sampled_from([" ", "", "\n"]))
    def check(words, separator):
        text = separator.join(words)
        analysis = analyser.analyse(text)
        for finding in analysis.findings:
            if finding.start == finding.end == 0:
                continue  # drawn from the narrative as a whole (the staff rule), not from one span
            assert 0 <= finding.start < finding.end <= len(text)
            assert finding.evidence == text[finding.start : finding.end]

    check()


@pytest.mark.parametrize(
    "text", ["she is ¹4 and pregnant", "Kyle (¹4) punched her", "she's 14 and her boyfriend is ²5", "took ²0 tablets"]
)
def test_a_digit_int_refuses_is_no_number(text):
    assert _analyser("england").analyse(text) is not None
