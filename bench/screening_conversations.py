"""Conversations over the corpus, with and without the screening questions: how often the final
advice falls below the level or urgency of the concern the sentence is about.

    .venv/bin/python bench/screening_conversations.py [corpus-file-stem]   # default round4_heldout

Each positive sentence of the part is the worry told in words; a truthful reporter answers the danger
question and the screening questions from the sentence's label (SCOPE: which concerns a "yes" to each
is true for), "yes" to any other question that confirms the label, and "don't know" to the rest, up
to the bot's five questions (screening ones not counted, as in the bot). Only the figures are printed,
never a sentence, so the held-out part can be measured without being read.
"""

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from knowledge import AssessmentRequest, assess  # noqa: E402
from knowledge.analyser import Analyser  # noqa: E402
from knowledge.analyser.corpus import dev_examples, load_corpus, same_concern  # noqa: E402
from knowledge.loader import load_document  # noqa: E402
from knowledge.schema import Indicator, Urgency  # noqa: E402

MAX_QUESTIONS = 5  # the bot's limit (actions/settings.py)
SCOPE = {
    "screen_hurt_by_adult": lambda i: (
        (i.category == "physical_abuse" and i.id != "physical_frequent_minor_injuries")
        or i.id in {"child_hurt_in_domestic_violence", "staff_physical_harm"}
    ),
    "screen_sexual_harm": lambda i: (
        i.category == "sexual_abuse"
        or i.id
        in {
            "staff_sexual_abuse",
            "cse_sex_in_exchange",
            "sexual_activity_with_adult",
            "sexual_activity_coerced_or_unequal",
            "hsb_abusive",
        }
    ),
    "screen_basic_needs_unmet": lambda i: i.category == "neglect" and i.urgency != Urgency.emergency,
    "screen_afraid_at_home": lambda i: (
        i.id in {"afraid_to_go_home", "threats_to_child", "locked_in_as_punishment", "honour_based_abuse"}
    ),
    "screen_self_harm": lambda i: i.category == "self_harm_suicide",
    "screen_violence_at_home": lambda i: (
        i.category == "domestic_abuse"
        and i.id not in {"past_domestic_abuse_now_safe", "parental_conflict_no_violence", "child_to_parent_violence"}
    ),
    "screen_used_for_crime": lambda i: i.id in {"cce_drug_running", "cce_found_out_of_area"},
    "screen_missing": lambda i: i.category == "missing",
    "screen_nobody_to_care": lambda i: (
        i.id
        in {
            "child_without_carer",
            "homeless_16_17_tonight",
            "family_with_children_roofless",
            "unaccompanied_asylum_seeking_child",
        }
    ),
}


def converse(doc, analyser: Analyser, text: str, labels: list[Indicator], screening: bool):
    """The final assessment and the number of questions asked."""
    acceptable = same_concern(frozenset(i.id for i in labels))
    answers: dict[str, bool | None] = {"immediate_danger": any(i.urgency == Urgency.emergency for i in labels)}
    if not screening:
        answers.update({q.id: None for q in doc.questions.values() if q.screening})
    analysis = analyser.analyse(text)
    asked = counted = 0
    while True:
        request = AssessmentRequest(reporter_role="public", narrative=text, answers=answers)
        response = assess(request, document=doc, analysis=analysis)
        unasked = [q for q in response.questions if q.id not in answers]
        # as the bot does: screening questions are not counted against its limit
        if (
            not unasked
            or response.urgency == Urgency.emergency
            or (counted >= MAX_QUESTIONS and not unasked[0].screening)
        ):
            return response, asked
        question = unasked[0].id
        asked += 1
        counted += not unasked[0].screening
        if question in SCOPE:
            answers[question] = any(SCOPE[question](i) for i in labels)
        else:
            answers[question] = True if set(doc.questions[question].confirms) & acceptable else None


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("part", nargs="?", default="round4_heldout")
    args = parser.parse_args()
    doc = load_document("england")
    missing = set(SCOPE) - {q.id for q in doc.questions.values() if q.screening}
    if missing:
        sys.exit(f"SCOPE names questions the document does not screen with: {sorted(missing)}")
    analyser = Analyser(doc.indicators.values(), examples=dev_examples())
    examples = [e for e in load_corpus() if e.source == args.part and e.form == "positive"]
    if not examples:
        sys.exit(f"no positive sentences in corpus part {args.part!r}")
    for screening in (False, True):
        grades: Counter = Counter()
        asked = []
        for example in examples:
            labels = [doc.indicators[i] for i in sorted(example.labels)]
            response, questions = converse(doc, analyser, example.text, labels, screening)
            level, rank = max(i.level for i in labels), max(i.urgency.rank for i in labels)
            if response.level < level or response.urgency.rank < rank:
                grades["below"] += 1
            else:
                grades["above" if response.level > level else "same"] += 1
            asked.append(questions)
        asked.sort()
        print(
            f"{args.part}, screening {'on' if screening else 'off'}: {len(examples)} sentences, final advice "
            f"below the label {grades['below']} ({grades['below'] / len(examples):.1%}), same {grades['same']}, "
            f"above {grades['above']}; questions median {asked[len(asked) // 2]}, most {asked[-1]}"
        )


if __name__ == "__main__":
    main()
