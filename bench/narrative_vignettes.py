"""Narrative-only assessment of every vignette, and the figures the issue asks for.

    .venv/bin/python bench/narrative_vignettes.py [--cases public|team | --file cases.yaml] [--verbose | --figures-only]

public: shared/vignettes/public.yaml; team: tests/knowledge/team_vignettes.yaml (the team's own cases);
unseen_dev, unseen_heldout, unseen_dev2, unseen_heldout2, unseen_dev3, unseen_heldout3:
tests/knowledge/unseen_vignettes/ (writers who never saw the analyser);
--file: any file in the same format. --figures-only prints no case, not even its id, so that a held-out
set (unseen_heldout, unseen_heldout2, unseen_heldout3) can be scored without being read.

Each case goes in with reporter_role, child_age_years and narrative only (no answers). Goals:
level within the acceptable set for >= 90 % of cases, no under-triage, every expected route present.
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from knowledge.analyser.vignettes import CASE_SETS, UNSEEN_SETS, judge, load_cases  # noqa: E402


def main() -> None:
    case_sets = CASE_SETS | UNSEEN_SETS
    parser = argparse.ArgumentParser()
    parser.add_argument("--verbose", action="store_true", help="print the indicators found for every case")
    parser.add_argument("--cases", default="public", choices=sorted(case_sets))
    parser.add_argument("--file", type=Path, help="a vignette file in the format of shared/vignettes/public.yaml")
    parser.add_argument("--figures-only", action="store_true", help="print the totals only, no case")
    args = parser.parse_args()
    verdicts = [judge(case) for case in load_cases(args.file or case_sets[args.cases])]
    for v in verdicts:
        bad = not v.level_ok or v.under_triage or v.missing_routes
        if (bad or args.verbose) and not args.figures_only:
            flags = []
            if not v.level_ok:
                flags.append("LEVEL")
            if v.under_triage:
                flags.append("UNDER-TRIAGE")
            if v.missing_routes:
                flags.append(f"MISSING {v.missing_routes}")
            r = v.response
            print(
                f"{v.case}: level {r.level} (want {list(v.levels)}), urgency {r.urgency.value} (want {v.urgency.value}), "
                f"routes {[x.value for x in r.routes]} (want {list(v.routes)}) {' '.join(flags)}"
            )
            print(f"    age {r.child_age_years}, involved {r.involved}")
            for item in r.indicators:
                print(f"    - {item.id} (L{item.level}) <- {item.evidence!r}")
    n = len(verdicts)
    level_ok = sum(v.level_ok for v in verdicts)
    under = [v.case for v in verdicts if v.under_triage]
    missing = [v.case for v in verdicts if v.missing_routes]
    print(f"\ncases: {n}")
    print(f"level within the acceptable set: {level_ok}/{n} = {level_ok / n:.1%} (goal >= 90%)")
    print(f"under-triage: {len(under)}{'' if args.figures_only else f' {under}'} (goal 0)")
    print(f"cases missing an expected route: {len(missing)}{'' if args.figures_only else f' {missing}'} (goal 0)")


if __name__ == "__main__":
    main()
