"""How scripts/audit-dependencies judges pip-audit's reports (its JSON format as pip-audit 2 writes it).

The judgement is what can go wrong silently: pip-audit says "No known vulnerabilities found" when it
reached no database at all, so a package it skipped must count as not audited, never as clean.
"""

import yaml

from scripts.audit_dependencies import REVIEWED, judge

SKIPPED = {
    "name": "aiohttp",
    "version": "3.9.5",
    "skip_reason": "Dependency not found on PyPI and could not be audited",
}
CLEAN = {"name": "fastapi", "version": "0.165.0", "vulns": []}
VULNERABLE = {
    "name": "aiohttp",
    "version": "3.9.5",
    "vulns": [{"id": "GHSA-xxxx-yyyy-zzzz", "fix_versions": ["3.10.11"], "aliases": [], "description": "..."}],
}
REVIEW = {"package": "aiohttp", "id": "GHSA-xxxx-yyyy-zzzz", "reachable": False, "reason": "...", "reviewed": "..."}


def test_an_unreachable_database_is_not_audited_not_clean():
    code, lines = judge({"app.lock": {"dependencies": [SKIPPED, CLEAN]}}, [])
    assert code == 3
    assert "app.lock: 1 of 2 packages audited" in lines
    assert any("could not be audited" in line for line in lines)


def test_an_unreviewed_vulnerability_fails_and_is_named():
    code, lines = judge({"rasa.lock": {"dependencies": [VULNERABLE, CLEAN]}}, [])
    assert code == 1
    assert "not reviewed: aiohttp 3.9.5: GHSA-xxxx-yyyy-zzzz (fixed in 3.10.11)" in lines


def test_a_reviewed_vulnerability_passes_and_a_stale_review_fails():
    assert judge({"rasa.lock": {"dependencies": [VULNERABLE, CLEAN]}}, [REVIEW])[0] == 0
    code, lines = judge({"rasa.lock": {"dependencies": [CLEAN]}}, [REVIEW])
    assert code == 1 and any("no longer reported" in line for line in lines)


def test_every_reviewed_entry_says_why_and_who():
    for entry in yaml.safe_load(REVIEWED.read_text())["findings"]:
        assert {"package", "id", "reachable", "reason", "reviewed"} <= set(entry), entry
