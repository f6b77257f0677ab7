"""Narrative-only assessment of the vignettes (role, age and narrative; never the answers): the
public ones and the team's own (tests/knowledge/team_vignettes.yaml)."""

from __future__ import annotations

import pytest

from knowledge.analyser.vignettes import CASE_SETS, judge, load_cases


@pytest.fixture(scope="module", params=sorted(CASE_SETS))
def verdicts(request):
    return [judge(case) for case in load_cases(CASE_SETS[request.param])]


def test_no_case_is_under_triaged(verdicts):
    assert [v.case for v in verdicts if v.under_triage] == []


def test_every_expected_route_is_given(verdicts):
    assert [(v.case, v.missing_routes) for v in verdicts if v.missing_routes] == []


def test_the_level_is_acceptable_for_at_least_90_percent_of_cases(verdicts):
    wrong = [(v.case, v.response.level, v.levels) for v in verdicts if not v.level_ok]
    assert len(verdicts) - len(wrong) >= 0.9 * len(verdicts), wrong
