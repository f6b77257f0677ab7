"""Reading a document's indicators straight from its files, for benches and the corpus scorer.

The loader checks a whole document (decision tables included); these tools only need the
indicators, and must work while the catalogue is still being written.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from knowledge.schema import Indicator

DOCUMENTS = Path(__file__).resolve().parents[1] / "documents"


def read_indicators(document_id: str = "england") -> list[Indicator]:
    indicators: list[Indicator] = []
    for path in sorted((DOCUMENTS / document_id / "indicators").glob("*.yml")):
        indicators.extend(Indicator.model_validate(raw) for raw in yaml.safe_load(path.read_text()) or [])
    return indicators
