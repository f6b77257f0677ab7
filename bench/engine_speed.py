"""Facts-only assessments per second on the full catalogue, and a document's load time.

    .venv/bin/python bench/engine_speed.py [document-id] [--seconds N]

Cases are random (fixed seed) mixes of 0-6 indicators from the whole catalogue, random roles, ages
and answers, so the figure covers the decision tables, the question ranking and the response.
It runs in one process, so it measures one core.
"""

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from knowledge import AssessmentRequest, assess  # noqa: E402
from knowledge.engine import Evidence, clear_caches, decide  # noqa: E402
from knowledge.loader import DOCUMENTS_DIR, read_document  # noqa: E402
from knowledge.schema import ReporterRole  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("document", nargs="?", default="england")
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()

    loads = []
    for _ in range(5):
        started = time.perf_counter()
        doc = read_document(DOCUMENTS_DIR / args.document)
        loads.append(time.perf_counter() - started)
    print(f"document {doc.id} {doc.version}: {len(doc.indicators)} indicators, {len(doc.questions)} questions")
    print(f"load time: median {statistics.median(loads) * 1000:.1f} ms over {len(loads)} loads")

    rng = random.Random(20261122)
    ids = sorted(doc.indicators)
    requests = [
        AssessmentRequest(
            reporter_role=rng.choice(list(ReporterRole)),
            child_age_years=rng.choice([None, -1, *range(18)]),
            indicators=rng.sample(ids, rng.randint(0, 6)),
            answers=rng.choice([{}, {"immediate_danger": False}, {"immediate_danger": True}]),
        )
        for _ in range(20_000)
    ]
    for request in requests[:200]:  # warm up
        assess(request, document=doc)
    # Every verdict cache is cleared before each pass over the 20,000 cases, so a repeat of the list
    # cannot be served from memory.
    clear_caches()
    done, started = 0, time.perf_counter()
    while time.perf_counter() - started < args.seconds:
        assess(requests[done % len(requests)], document=doc)
        done += 1
        if done % len(requests) == 0:
            clear_caches()
    elapsed = time.perf_counter() - started
    print(
        "facts-only assessments (full response, question ranking included; caches cleared each pass):"
        f" {done / elapsed:,.0f} per second on one core"
    )

    # The decision alone: features and the three tables, with the verdict cache cleared so every case
    # pays for its table evaluation.
    evidence = [{i: Evidence(doc.indicators[i], "", "ticked") for i in r.indicators} for r in requests]
    clear_caches()
    done, started = 0, time.perf_counter()
    while time.perf_counter() - started < args.seconds:
        request = requests[done % len(requests)]
        decide(
            doc,
            evidence[done % len(requests)],
            role=request.reporter_role.value,
            age=request.child_age_years,
            answers=request.answers,
        )
        done += 1
        if done % len(requests) == 0:
            clear_caches()
    elapsed = time.perf_counter() - started
    print(f"decisions (level, urgency, routes; cache cleared each pass): {done / elapsed:,.0f} per second on one core")


if __name__ == "__main__":
    main()
