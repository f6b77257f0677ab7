"""Reading a document's indicators straight from its files, for benches and the corpus scorer.

The loader checks a whole document (decision tables included); these tools only need the
indicators, and must work while the catalogue is still being written.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from knowledge.loader import read_yaml
from knowledge.schema import Indicator

DOCUMENTS = Path(__file__).resolve().parents[1] / "documents"


# Consent advice from the least to the most cautious (the engine gives the most cautious of the
# categories present).
CONSENT_ORDER = ("seek", "inform", "do_not_seek")


@lru_cache(maxsize=1)
def category_consent() -> dict[str, str]:
    """Each category's consent advice, the most cautious any document gives it. The analyser asks
    this before it drops one reading for another; it is handed indicators, not their document, so
    it reads every document's."""
    advice: dict[str, str] = {}
    for path in sorted(DOCUMENTS.glob("*/document.yml")):
        for category in (read_yaml(path) or {}).get("categories") or ():
            given = category.get("consent", CONSENT_ORDER[-1])
            advice[category["id"]] = max(given, advice.get(category["id"], given), key=CONSENT_ORDER.index)
    return advice


def read_indicators(document_id: str = "england") -> list[Indicator]:
    indicators: list[Indicator] = []
    for path in sorted((DOCUMENTS / document_id / "indicators").glob("*.yml")):
        indicators.extend(Indicator.model_validate(raw) for raw in read_yaml(path) or [])
    return indicators
