"""The text analyser: reads a worry in the reporter's own words and finds the indicators in it.

A blank English spaCy pipeline (lookup lemmas, sentence splitting) with matchers generated from the
indicator catalogue's `words`, so adding words to an indicator needs no code here.
"""

from knowledge.analyser.analyser import Analyser
from knowledge.analyser.model import Analysis, Finding

__all__ = ["Analyser", "Analysis", "Finding"]
