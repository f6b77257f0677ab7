"""Narrative-only assessment of the vignettes: what the analyser gives the engine with no answers.

Used by bench/narrative_vignettes.py and tests/knowledge/test_narrative_vignettes.py. Each case is
sent with its reporter role, its age and its narrative, never its `answers` or `expected`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from knowledge import AssessmentRequest, AssessmentResponse, assess
from knowledge.loader import read_yaml
from knowledge.schema import Urgency

# shared/ sits beside the checkout, in development and in CI alike.
VIGNETTES = Path(__file__).resolve().parents[3] / "shared" / "vignettes" / "public.yaml"
# The team's own cases, on topics and in words the public ones do not use.
TEAM_VIGNETTES = Path(__file__).resolve().parents[2] / "tests" / "knowledge" / "team_vignettes.yaml"
# Cases by writers who never saw the analyser (tests/knowledge/unseen_vignettes/README.md): a measure,
# not a test; the held-out half is scored with the totals only.
UNSEEN = Path(__file__).resolve().parents[2] / "tests" / "knowledge" / "unseen_vignettes"
CASE_SETS = {"public": VIGNETTES, "team": TEAM_VIGNETTES}  # the tested ones
UNSEEN_SETS = {
    "unseen_dev": UNSEEN / "dev.yaml",
    "unseen_heldout": UNSEEN / "heldout.yaml",
    "unseen_dev2": UNSEEN / "dev2.yaml",
    "unseen_heldout2": UNSEEN / "heldout2.yaml",
    "unseen_dev3": UNSEEN / "dev3.yaml",
    "unseen_heldout3": UNSEEN / "heldout3.yaml",
}
LEVEL_ROUTES = {"universal", "early_help"}


@dataclass(frozen=True)
class Verdict:
    case: str
    response: AssessmentResponse
    levels: tuple[int, ...]
    urgency: Urgency
    routes: tuple[str, ...]

    @property
    def level_ok(self) -> bool:
        return self.response.level in self.levels

    @property
    def under_triage(self) -> bool:
        lowest = min(self.levels)
        return self.response.urgency.rank < self.urgency.rank or (lowest >= 3 and self.response.level < lowest)

    @property
    def missing_routes(self) -> list[str]:
        """Expected routes the advice left out. `universal` and `early_help` are the answers of the
        levels themselves: a case advised above every expected level (early help given as a referral
        to children's social care) is an over-triage, which the level check counts, not a lost route."""
        given = {r.value for r in self.response.routes}
        above = self.response.level > max(self.levels)
        return [r for r in self.routes if r not in given and not (above and r in LEVEL_ROUTES)]


def load_cases(path: Path = VIGNETTES) -> list[dict]:
    return read_yaml(path)


def judge(case: dict) -> Verdict:
    request = AssessmentRequest(
        reporter_role=case["reporter_role"], child_age_years=case.get("child_age_years"), narrative=case["narrative"]
    )
    expected = case["expected"]
    return Verdict(
        case=case["id"],
        response=assess(request),
        levels=tuple(expected["levels"]),
        urgency=Urgency(expected["urgency"]),
        routes=tuple(expected.get("routes") or ()),
    )
