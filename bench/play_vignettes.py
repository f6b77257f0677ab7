"""Plays each vignette as a simulated referrer through the bot's REST channel and scores the advice.

Needs the whole stack running (Rasa with --enable-api, the action server and the API), e.g.
    scripts/run   # or: rasa run --enable-api; rasa run actions; uvicorn api.main:app
then:
    .venv/bin/python bench/play_vignettes.py [--rasa http://127.0.0.1:5005] [--concurrency 5] [--sweep] [--cases team]

For each case it states the narrative, answers the questions the bot asks from the case's `answers`
(or "I don't know"), then reads the final assessment from the conversation tracker. It prints the
share of cases whose advice is within the expected set, the under-triage count, the median number of
bot questions before the advice, p50/p95 time per turn with N conversations at once, and (--sweep)
the turns per second the stack sustains before p95 passes one second.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import yaml

VIGNETTES = Path(__file__).resolve().parents[2] / "shared" / "vignettes" / "public.yaml"
TEAM_VIGNETTES = Path(__file__).resolve().parents[1] / "tests" / "knowledge" / "team_vignettes.yaml"
URGENCY_RANK = {"standard": 0, "immediate": 1, "emergency": 2}
EMERGENCY_ADVICE = {"level": 4, "urgency": "emergency", "routes": ["emergency_services"]}
ROLE_PAYLOAD = {"public": "/i_am_public", "parent": "/i_am_parent", "child": "/i_am_child"}


@dataclass
class Played:
    case_id: str
    questions: int = 0
    turn_seconds: list[float] = field(default_factory=list)
    assessment: dict | None = None
    error: str | None = None


async def say(client: httpx.AsyncClient, rasa: str, sender: str, text: str, played: Played) -> list[dict]:
    started = time.perf_counter()
    response = await client.post(f"{rasa}/webhooks/rest/webhook", json={"sender": sender, "message": text})
    played.turn_seconds.append(time.perf_counter() - started)
    response.raise_for_status()
    return response.json()


def answer_payload(messages: list[dict], answers: dict) -> str | None:
    """The button payload answering the bot's question, chosen from the case's answers."""
    for message in messages:
        for button in message.get("buttons") or []:
            payload = button["payload"]
            if '"question_id"' not in payload:
                continue
            question_id = json.loads(payload[payload.index("{") :])["question_id"]
            wanted = {True: "/affirm", False: "/deny"}.get(answers.get(question_id), "/dont_know")
            for candidate in message["buttons"]:
                if candidate["payload"].startswith(wanted):
                    return candidate["payload"]
    return None


async def play(client: httpx.AsyncClient, rasa: str, case: dict) -> Played:
    played = Played(case["id"])
    sender = f"vignette-{case['id']}-{uuid.uuid4().hex[:8]}"
    answers = case.get("answers") or {}
    try:
        await say(client, rasa, sender, "hello", played)
        role = case["reporter_role"]
        await say(client, rasa, sender, ROLE_PAYLOAD.get(role, f'/i_am_professional{{"role": "{role}"}}'), played)
        danger = {True: "/affirm", False: "/deny"}.get(answers.get("immediate_danger"), "/dont_know")
        await say(client, rasa, sender, danger, played)
        messages = await say(client, rasa, sender, " ".join(case["narrative"].split()), played)
        for _ in range(12):
            payload = answer_payload(messages, answers)
            if payload is None:
                break
            played.questions += 1
            messages = await say(client, rasa, sender, payload, played)
        tracker = (await client.get(f"{rasa}/conversations/{sender}/tracker")).json()
        played.assessment = tracker.get("slots", {}).get("assessment")
        said_999 = any("Call 999 now" in (m.get("text") or "") for m in messages)
        if played.assessment is None and (tracker.get("slots", {}).get("stage") == "danger" or said_999):
            # Danger now: the bot gives "call 999" at once and asks nothing more (safety rule 1), so there
            # is no assessment to read; that advice is the emergency route at the highest level.
            played.assessment = EMERGENCY_ADVICE
    except (httpx.HTTPError, ValueError) as error:
        played.error = repr(error)
    return played


def verdict(case: dict, assessment: dict | None) -> tuple[bool, bool]:
    """(within the expected set, under-triaged)."""
    expected = case["expected"]
    if not assessment:
        return False, True
    level_ok = assessment["level"] in expected["levels"]
    urgency_ok = URGENCY_RANK[assessment["urgency"]] >= URGENCY_RANK[expected["urgency"]]
    routes_ok = set(expected.get("routes") or []) <= set(assessment.get("routes") or [])
    under = not urgency_ok or (min(expected["levels"]) >= 3 and assessment["level"] < min(expected["levels"]))
    return level_ok and urgency_ok and routes_ok, under


async def run_all(rasa: str, cases: list[dict], concurrency: int) -> tuple[list[Played], float]:
    limit = asyncio.Semaphore(concurrency)
    async with httpx.AsyncClient(timeout=30) as client:

        async def bounded(case: dict) -> Played:
            async with limit:
                return await play(client, rasa, case)

        started = time.perf_counter()
        results = await asyncio.gather(*(bounded(case) for case in cases))
        return results, time.perf_counter() - started


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rasa", default="http://127.0.0.1:5005")
    parser.add_argument("--concurrency", type=int, default=5)
    parser.add_argument("--sweep", action="store_true", help="raise concurrency until p95 passes one second")
    parser.add_argument("--cases", default="public", choices=["public", "team"])
    args = parser.parse_args()
    cases = yaml.safe_load((VIGNETTES if args.cases == "public" else TEAM_VIGNETTES).read_text())

    results, _ = asyncio.run(run_all(args.rasa, cases, args.concurrency))
    by_id = {case["id"]: case for case in cases}
    within = under = 0
    for played in results:
        ok, under_triaged = verdict(by_id[played.case_id], played.assessment)
        within += ok
        under += under_triaged
        if not ok:
            print(
                f"{played.case_id}: got {played.assessment} expected {by_id[played.case_id]['expected']} {played.error or ''}"
            )
    turns = [t for played in results for t in played.turn_seconds]
    print(f"within expected: {within}/{len(cases)}  under-triage: {under}")
    print(f"median bot questions to the advice: {statistics.median(p.questions for p in results)}")
    print(
        f"time per turn with {args.concurrency} at once: p50 {percentile(turns, 0.5) * 1000:.0f} ms, "
        f"p95 {percentile(turns, 0.95) * 1000:.0f} ms over {len(turns)} turns"
    )
    if args.sweep:
        for concurrency in (5, 10, 20, 40, 80):
            results, seconds = asyncio.run(run_all(args.rasa, cases * 2, concurrency))
            turns = [t for played in results for t in played.turn_seconds]
            p95 = percentile(turns, 0.95)
            print(f"concurrency {concurrency}: {len(turns) / seconds:.1f} turns/s, p95 {p95 * 1000:.0f} ms")
            if p95 > 1.0:
                break


if __name__ == "__main__":
    main()
