"""Precision, recall and F1 per indicator and overall micro-F1 of the analyser on the labelled corpus.

    .venv/bin/python bench/corpus_scores.py [--split heldout|dev|validation|all] [--errors]

The held-out split is never used to write the catalogue's words lists; it is the figure to quote
(goal: micro-F1 >= 0.90). The validation split is where a change of reading is chosen.
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from knowledge.analyser import Analyser  # noqa: E402
from knowledge.analyser.catalogue import read_indicators  # noqa: E402
from knowledge.analyser.corpus import FRESH_PART, dev_examples, load_corpus, score  # noqa: E402
from knowledge.loader import load_document  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", default="heldout", choices=["heldout", "dev", "validation", "all"])
    parser.add_argument("--errors", action="store_true", help="print every sentence scored wrong")
    parser.add_argument("--document", default="england")
    args = parser.parse_args()
    indicators = read_indicators(args.document)
    analyser = Analyser(indicators, examples=dev_examples())
    corpus = load_corpus()
    examples = [e for e in corpus if args.split == "all" or e.split == args.split]
    danger = frozenset(load_document(args.document).questions["immediate_danger"].confirms)
    scores = score(analyser, examples, danger)
    labelled = {i for e in corpus for i in e.labels}
    print(
        f"{len(examples)} sentences ({args.split}); forms: "
        + ", ".join(
            f"{form} {sum(e.form == form for e in examples)}"
            for form in ("positive", "negated", "hypothetical", "historical")
        )
    )
    print(f"{'indicator':48} {'P':>5} {'R':>5} {'F1':>5}  tp fp fn")
    for indicator_id in sorted(labelled | set(scores.fp)):
        p, r, f = scores.per_indicator(indicator_id)
        print(
            f"{indicator_id:48} {p:5.2f} {r:5.2f} {f:5.2f}  "
            f"{scores.tp[indicator_id]:2} {scores.fp[indicator_id]:2} {scores.fn[indicator_id]:2}"
        )
    for split in ("dev", "heldout"):
        covered = {i for e in corpus if e.split == split for i in e.labels}
        print(
            f"indicators with a positive {split} sentence: {len(covered & {i.id for i in indicators})}/{len(indicators)}"
        )
    unlabelled = sorted({i.id for i in indicators} - labelled)
    if unlabelled:
        print(f"indicators with no labelled sentence: {len(unlabelled)}: {', '.join(unlabelled)}")
    p, r, f = scores.micro()
    print(f"micro: precision {p:.3f} recall {r:.3f} F1 {f:.3f} (goal F1 >= 0.90)")
    print(f"  {grades(scores)}")
    if args.split == "heldout":
        for name, part in (
            ("written beside the dev split", [e for e in examples if e.source != FRESH_PART]),
            ("round 4, written without sight of the words", [e for e in examples if e.source == FRESH_PART]),
        ):
            part_scores = score(analyser, part, danger)
            p, r, f = part_scores.micro()
            print(f"  held-out part {name} ({len(part)}): precision {p:.3f} recall {r:.3f} F1 {f:.3f}")
            print(f"    {grades(part_scores)}")
    if args.errors:
        for example, wrong, missed in scores.errors:
            print(f"  [{example.form}] {example.text!r}: wrong {sorted(wrong)} missed {sorted(missed)}")


def grades(scores) -> str:
    """The advice sentence by sentence: the highest level and urgency read against the label's."""
    g = scores.grades
    positive = g["below"] + g["same"] + g["above"]
    other = g["false alarm"] + g["quiet"]
    return (
        f"positive sentences by highest level and urgency read: below the label's {g['below']}/{positive} "
        f"({g['below'] / max(positive, 1):.1%}), same {g['same']}, above {g['above']}; "
        f"negated, hypothetical or historical sentences read as a concern: {g['false alarm']}/{other}"
    )


if __name__ == "__main__":
    main()
