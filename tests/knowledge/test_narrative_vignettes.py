"""Narrative-only assessment of the public vignettes (role, age and narrative; never the answers)."""

from __future__ import annotations

import pytest

from knowledge.analyser.vignettes import judge, load_cases


@pytest.fixture(scope="module")
def verdicts():
    return [judge(case) for case in load_cases()]


def test_no_case_is_under_triaged(verdicts):
    assert [v.case for v in verdicts if v.under_triage] == []


def test_every_expected_route_is_given(verdicts):
    assert [(v.case, v.missing_routes) for v in verdicts if v.missing_routes] == []


def test_the_level_is_acceptable_for_at_least_90_percent_of_cases(verdicts):
    wrong = [(v.case, v.response.level, v.levels) for v in verdicts if not v.level_ok]
    assert len(verdicts) - len(wrong) >= 0.9 * len(verdicts), wrong
