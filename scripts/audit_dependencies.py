"""pip-audit over both locks, with the reviewed findings in docs/safety/pip-audit-reviewed.yml.

    scripts/audit-dependencies

Exit 0: every locked package was audited and every known vulnerability is reviewed there.
Exit 1: a known vulnerability nobody has reviewed (or a reviewed one that is gone: take it off).
Exit 3: packages could not be audited. pip-audit prints "No known vulnerabilities found" even when it
reached no vulnerability database at all (it marks each package skipped), so a skipped package is
reported here as not audited, never as clean. On the development machines PyPI's JSON API and
osv.dev are out of reach, so this is the answer there; run it where they are reachable.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
LOCKS = [ROOT / "requirements" / "app.lock", ROOT / "requirements" / "rasa.lock"]
REVIEWED = ROOT / "docs" / "safety" / "pip-audit-reviewed.yml"


def audit(lock: Path) -> dict:
    run = subprocess.run(
        [sys.executable, "-m", "pip_audit", "-r", str(lock), "--no-deps", "--disable-pip", "--progress-spinner", "off",
         "-f", "json"],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    if not run.stdout.strip():
        raise SystemExit(f"pip-audit gave no report for {lock.name}: {run.stderr.strip()[-500:]}")
    return json.loads(run.stdout)


def judge(reports: dict[str, dict], reviewed: list[dict]) -> tuple[int, list[str]]:
    """(exit code, lines to print) for pip-audit's JSON reports, one per lock."""
    lines, skipped, unreviewed = [], 0, []
    known = {(entry["package"], entry["id"]) for entry in reviewed}
    found = set()
    for lock, report in reports.items():
        dependencies = report["dependencies"]
        not_audited = [d for d in dependencies if d.get("skip_reason")]
        skipped += len(not_audited)
        lines.append(f"{lock}: {len(dependencies) - len(not_audited)} of {len(dependencies)} packages audited")
        for dependency in dependencies:
            for vulnerability in dependency.get("vulns", []):
                finding = (dependency["name"], vulnerability["id"])
                found.add(finding)
                if finding not in known:
                    unreviewed.append(f"{dependency['name']} {dependency['version']}: {vulnerability['id']} "
                                      f"(fixed in {', '.join(vulnerability['fix_versions']) or 'no release'})")  # fmt: skip
    stale = sorted(known - found) if not skipped else []
    lines += [f"not reviewed: {line}" for line in unreviewed]
    lines += [f"reviewed but no longer reported (remove it): {package} {vid}" for package, vid in stale]
    if unreviewed or stale:
        return 1, lines
    if skipped:
        lines.append(f"{skipped} packages could not be audited: no vulnerability database was reachable")
        return 3, lines
    return 0, lines + ["no unreviewed known vulnerabilities"]


def main() -> int:
    reviewed = (yaml.safe_load(REVIEWED.read_text()) or {}).get("findings") or []
    code, lines = judge({lock.name: audit(lock) for lock in LOCKS}, reviewed)
    print("\n".join(lines))
    return code


if __name__ == "__main__":
    sys.exit(main())
