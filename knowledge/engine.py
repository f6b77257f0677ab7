"""The decision engine: what is known about a child -> level, urgency, routes, with reasons.

Facts come from three places and take one path: indicators ticked directly, indicators the text
analyser found in the narrative, and answers to the document's questions. The decision tables
(knowledge/decisions.py) then turn derived features into level, urgency and routes; level and
urgency are the highest any rule gives, so adding a concern can never lower them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from knowledge.contract import (
    AssessmentRequest,
    AssessmentResponse,
    ConsentAdvice,
    DocumentRef,
    MatchedIndicator,
    QuestionOut,
    RouteOut,
)
from knowledge.decisions import DecisionTables
from knowledge.loader import ThresholdDocument, load_document
from knowledge.schema import Audience, Consent, Indicator, Route, Urgency

if TYPE_CHECKING:
    from knowledge.analyser import Analysis

MAX_QUESTIONS = 3
ROUTE_ORDER = (
    Route.emergency_services,
    Route.mash_referral,
    Route.lado,
    Route.police_fgm_report,
    Route.nrm,
    Route.prevent,
    Route.private_fostering_notification,
    Route.police,
    Route.early_help,
    Route.universal,
)
_URGENCIES = {u.value: u for u in Urgency}
_PUBLIC_ROLES = {"public", "parent"}
# Roles whose first step is their setting's designated safeguarding lead.
_DSL_SETTINGS = {"teacher", "nursery", "youth_worker", "school_nurse"}


class InvalidRequest(ValueError):
    """The request names something the threshold document does not know."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(f"{field_name}: {message}")
        self.field = field_name
        self.message = message


@dataclass(frozen=True)
class Evidence:
    indicator: Indicator
    text: str
    origin: str  # "text", "ticked" or "answer"
    start: int | None = None
    end: int | None = None
    confidence: float = 1.0


@dataclass(frozen=True)
class Outcome:
    level: int
    urgency: Urgency
    routes: tuple[Route, ...]
    level_max: int
    trace: tuple[dict[str, Any], ...] = field(default=(), compare=False)

    def weight(self) -> tuple[int, int, int]:
        return (self.urgency.rank, self.level, len(self.routes))


def assess(
    request: AssessmentRequest,
    *,
    document: ThresholdDocument | None = None,
    analysis: Analysis | None = None,
) -> AssessmentResponse:
    """Assess one request against its threshold document (the deployment's default when not named)."""
    doc = document or load_document(request.threshold_document)
    if analysis is None and request.narrative.strip():
        # spaCy loads only when there is text to read, so facts-only callers stay light.
        from knowledge.analyser import Analyser

        analysis = Analyser.for_document(doc).analyse(request.narrative)
    age = request.child_age_years
    if age is None and analysis is not None:
        age = analysis.child_age_years
    involved = tuple(analysis.involved) if analysis else ()
    evidence = _gather(doc, request, analysis)
    outcome = decide(
        doc, evidence, role=request.reporter_role.value, age=age, answers=request.answers, involved=involved
    )
    audience = audience_for(request.reporter_role.value)
    return AssessmentResponse(
        level=outcome.level,
        level_name=doc.levels[outcome.level].name,
        urgency=outcome.urgency,
        routes=list(outcome.routes),
        indicators=[_matched(doc, item, audience) for item in sorted(evidence.values(), key=_evidence_order)],
        rationale=_rationale(doc, outcome, evidence, audience),
        next_steps=_next_steps(doc, outcome, request.reporter_role.value, audience),
        questions=_questions(doc, evidence, request, age, involved, outcome, audience),
        consent=_consent(doc, outcome, evidence, audience),
        route_advice=[_route_out(doc, route, audience) for route in outcome.routes],
        audience=audience,
        child_age_years=age,
        involved=list(involved),
        threshold_document=DocumentRef(id=doc.id, version=doc.version),
        trace=list(outcome.trace),
    )


def audience_for(role: str) -> Audience:
    if role == "child":
        return Audience.child
    return Audience.public if role in _PUBLIC_ROLES else Audience.professional


@dataclass(frozen=True)
class Profile:
    """What the decision tables can see of a set of indicators (see decisions.FEATURES)."""

    level_max: int = 1
    urgency: Urgency = Urgency.standard
    tags: frozenset[str] = frozenset()
    routes: frozenset[str] = frozenset()
    l2_domains: frozenset[str] = frozenset()
    l3_domains: frozenset[str] = frozenset()

    @classmethod
    def of(cls, indicators: Iterable[Indicator]) -> Profile:
        items = list(indicators)
        if not items:
            return cls()
        return cls(
            level_max=max(i.level for i in items),
            urgency=max((i.urgency for i in items), key=lambda u: u.rank),
            tags=frozenset(tag for i in items for tag in i.tags),
            routes=frozenset(route.value for i in items for route in i.routes),
            l2_domains=frozenset(i.domain for i in items if i.level >= 2),
            l3_domains=frozenset(i.domain for i in items if i.level >= 3),
        )

    def plus(self, indicator: Indicator) -> Profile:
        return Profile(
            level_max=max(self.level_max, indicator.level),
            urgency=indicator.urgency if indicator.urgency.rank > self.urgency.rank else self.urgency,
            tags=self.tags.union(indicator.tags),
            routes=self.routes.union(route.value for route in indicator.routes),
            l2_domains=self.l2_domains | {indicator.domain} if indicator.level >= 2 else self.l2_domains,
            l3_domains=self.l3_domains | {indicator.domain} if indicator.level >= 3 else self.l3_domains,
        )


def decide(
    doc: ThresholdDocument,
    evidence: dict[str, Evidence],
    *,
    role: str,
    age: int | None,
    answers: dict[str, bool | None],
    involved: tuple[str, ...] = (),
) -> Outcome:
    """Run the decision tables on the features of a set of indicators."""
    return _decide(doc, Profile.of(item.indicator for item in evidence.values()), role, age, answers, involved)


def _decide(
    doc: ThresholdDocument,
    profile: Profile,
    role: str,
    age: int | None,
    answers: dict[str, bool | None],
    involved: tuple[str, ...],
) -> Outcome:
    # Only what the tables read goes into the facts, so equal facts share one cached verdict.
    facts = {
        "role": role,
        "age": age,
        "answers": {key: answers[key] for key in doc.decisions.answer_keys if key in answers},
        "involved": sorted(involved),
        "tags": sorted(profile.tags),
        "level_max": profile.level_max,
        "dims_l2": len(profile.l2_domains),
        "dims_l3": len(profile.l3_domains),
        "sides_l3": len({domain.split(".", 1)[0] for domain in profile.l3_domains}),
        "indicator_urgency": profile.urgency.value,
        "indicator_routes": sorted(profile.routes),
    }
    return _run_tables(doc.decisions, json.dumps(facts), profile.level_max)


@lru_cache(maxsize=8192)
def _run_tables(decisions: DecisionTables, facts_json: str, level_max: int) -> Outcome:
    """The tables' verdict on one set of features; cached because it is a pure function of them."""
    tables = decisions.tables
    trace: list[dict[str, Any]] = []

    level = 1
    for out in _run(tables["level"], facts_json, trace):
        if out.get("level") is not None:
            level = max(level, int(out["level"]))
    # Urgency rules may depend on the level (an unborn baby at level 4), never the other way round.
    with_level = f'{facts_json[:-1]}, "level": {level}}}'
    urgency = Urgency.standard
    for out in _run(tables["urgency"], with_level, trace):
        candidate = _URGENCIES.get(out.get("urgency"))
        if candidate is not None and candidate.rank > urgency.rank:
            urgency = candidate
    found = {
        out["route"] for out in _run(tables["routes"], f'{with_level[:-1]}, "urgency": "{urgency.value}"}}', trace)
    }
    routes = tuple(route for route in ROUTE_ORDER if route.value in found)
    return Outcome(level=level, urgency=urgency, routes=routes, level_max=level_max, trace=tuple(trace))


def _run(table, facts_json: str, trace: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The outputs of every row that holds, each also recorded in the trace."""
    outputs = []
    for row, out in table.evaluate(facts_json):
        trace.append({"table": table.name, "rule": row.id, "row": row.index + 1, **out})
        outputs.append(out)
    return outputs


def _gather(doc: ThresholdDocument, request: AssessmentRequest, analysis: Analysis | None) -> dict[str, Evidence]:
    evidence: dict[str, Evidence] = {}
    if analysis is not None:
        for finding in analysis.findings:
            indicator = doc.indicators.get(finding.indicator_id)
            if indicator is not None and finding.indicator_id not in evidence:
                evidence[finding.indicator_id] = Evidence(
                    indicator, finding.evidence, "text", finding.start, finding.end, finding.confidence
                )
        if analysis.immediate_danger:
            # Danger-now language is the person's own "yes" to the first question, answered or not.
            for indicator_id in doc.questions["immediate_danger"].confirms:
                evidence.setdefault(
                    indicator_id,
                    Evidence(doc.indicators[indicator_id], "the words describe danger happening now", "text"),
                )
    for position, indicator_id in enumerate(request.indicators):
        indicator = doc.indicators.get(indicator_id)
        if indicator is None:
            raise InvalidRequest(f"indicators.{position}", f"unknown indicator '{indicator_id}' in document '{doc.id}'")
        evidence.setdefault(indicator_id, Evidence(indicator, "ticked by the reporter", "ticked"))
    for question_id, answer in request.answers.items():
        question = doc.questions.get(question_id)
        if question is None:
            raise InvalidRequest(f"answers.{question_id}", f"unknown question in document '{doc.id}'")
        if answer is True:
            for indicator_id in question.confirms:
                evidence.setdefault(
                    indicator_id,
                    Evidence(doc.indicators[indicator_id], f"answered yes: {question.text.professional}", "answer"),
                )
        elif answer is False:
            for indicator_id in question.rules_out:
                item = evidence.get(indicator_id)
                # An explicit answer outweighs a reading of the text, but never for danger now:
                # a "no" cannot talk the service out of a 999 the person's own words called for.
                if item is not None and item.origin == "text" and item.indicator.urgency is not Urgency.emergency:
                    del evidence[indicator_id]
    return evidence


def _evidence_order(item: Evidence) -> tuple[int, int, str]:
    return (-item.indicator.level, -item.indicator.urgency.rank, item.indicator.id)


def _wording(indicator: Indicator, audience: Audience) -> str:
    return indicator.professional if audience is Audience.professional else indicator.plain


def _cite(indicator: Indicator) -> str:
    return "; ".join(f"{source.file} {source.where}" for source in indicator.source)


def _matched(doc: ThresholdDocument, item: Evidence, audience: Audience) -> MatchedIndicator:
    indicator = item.indicator
    return MatchedIndicator(
        id=indicator.id,
        level=indicator.level,
        category=indicator.category,
        domain=indicator.domain,
        description=_wording(indicator, audience),
        evidence=item.text,
        source=_cite(indicator),
        start=item.start,
        end=item.end,
        confidence=item.confidence,
    )


def _rationale(doc: ThresholdDocument, outcome: Outcome, evidence: dict[str, Evidence], audience: Audience) -> str:
    level = doc.levels[outcome.level]
    parts = [
        f"Level {outcome.level}, {level.name}: {level.professional if audience is Audience.professional else level.plain}"
    ]
    if not evidence:
        parts.append("Nothing described so far points to a need beyond what universal services give.")
    else:
        seen = sorted(evidence.values(), key=_evidence_order)[:5]
        parts.append(
            "What we saw: "
            + "; ".join(f"{_wording(e.indicator, audience)} (level {e.indicator.level})" for e in seen)
            + "."
        )
    reasons = [row["reason"] for row in outcome.trace if row["table"] == "level" and row.get("level") == outcome.level]
    if outcome.level > outcome.level_max:
        parts.append(
            f"The level is raised from {outcome.level_max} to {outcome.level} because {reasons[-1] if reasons else 'of the rules'}."
            " When a case sits between two levels, we give the higher one."
        )
    urgency_reasons = [
        row["reason"]
        for row in outcome.trace
        if row["table"] == "urgency" and row.get("urgency") == outcome.urgency.value
    ]
    if outcome.urgency is not Urgency.standard and urgency_reasons:
        parts.append(f"Urgency is {outcome.urgency.value} because {urgency_reasons[-1]}.")
    return " ".join(parts)


def _next_steps(doc: ThresholdDocument, outcome: Outcome, role: str, audience: Audience) -> list[str]:
    steps: list[str] = []
    wording = doc.meta.next_steps

    def add(key: str) -> None:
        text = getattr(wording[key], audience.value) if key in wording else ""
        if text and text not in steps:
            steps.append(text)

    if Route.emergency_services in outcome.routes:
        steps.append(getattr(doc.routes[Route.emergency_services].how, audience.value))
    if role in _DSL_SETTINGS:
        add(
            "speak_to_dsl_now"
            if outcome.level >= 3 or outcome.urgency is not Urgency.standard
            else "speak_to_safeguarding_lead"
        )
    for route in outcome.routes:
        if route is not Route.emergency_services:
            text = getattr(doc.routes[route].how, audience.value)
            if text not in steps:
                steps.append(text)
    if outcome.level >= 3:
        add("listen_do_not_investigate")
    add("record")
    if audience is Audience.child:
        add("trusted_adult")
    add("childline")
    if outcome.level < 4:
        add("if_you_suspect_harm")
    add("keep_watching")
    return steps


def _consent(
    doc: ThresholdDocument, outcome: Outcome, evidence: dict[str, Evidence], audience: Audience
) -> ConsentAdvice:
    categories = [doc.categories[item.indicator.category] for item in evidence.values()]
    withheld = [c for c in categories if c.consent is Consent.do_not_seek]
    if withheld:
        advice = Consent.do_not_seek
    elif outcome.level == 4 or any(c.consent is Consent.inform for c in categories):
        advice = Consent.inform
    else:
        advice = Consent.seek
    text = getattr(doc.meta.consent_text[advice], audience.value)
    if withheld and withheld[0].consent_reason and audience is Audience.professional:
        text = f"{text} {withheld[0].consent_reason}"
    return ConsentAdvice(advice=advice, text=text)


def _route_out(doc: ThresholdDocument, route: Route, audience: Audience) -> RouteOut:
    advice = doc.routes[route]
    contact = doc.contacts.get(advice.contact) if advice.contact else None
    return RouteOut(
        route=route,
        title=advice.title,
        how=getattr(advice.how, audience.value),
        timescale=advice.timescale,
        contact_name=contact.name if contact else None,
        contact_phone=contact.phone if contact else None,
        contact_is_placeholder=contact.placeholder if contact else False,
    )


def _questions(
    doc: ThresholdDocument,
    evidence: dict[str, Evidence],
    request: AssessmentRequest,
    age: int | None,
    involved: tuple[str, ...],
    outcome: Outcome,
    audience: Audience,
) -> list[QuestionOut]:
    """The questions whose answer could change the outcome, the biggest possible change first."""
    present = {item.indicator.category for item in evidence.values()} | {
        t for item in evidence.values() for t in item.indicator.tags
    }
    role = request.reporter_role.value
    profile = Profile.of(item.indicator for item in evidence.values())
    ranked: list[tuple[int, int, int, int, int, str]] = []
    for order, question in enumerate(doc.questions.values()):
        if question.id in request.answers:
            continue
        if question.always_first or question.standing:
            if any(i not in evidence for i in question.confirms):
                ranked.append((0 if question.always_first else 1, 0, 0, 0, order, question.id))
            continue
        if question.ask_when and not present.intersection(question.ask_when):
            continue
        changes = []
        yes = profile
        for indicator_id in question.confirms:
            if indicator_id not in evidence:
                yes = yes.plus(doc.indicators[indicator_id])
        if yes != profile:  # an equal profile is an equal verdict: nothing to run
            changes.append(_decide(doc, yes, role, age, request.answers, involved))
        removable = [i for i in question.rules_out if i in evidence and evidence[i].origin == "text"]
        if removable:
            no = Profile.of(item.indicator for key, item in evidence.items() if key not in removable)
            if no != profile:
                changes.append(_decide(doc, no, role, age, request.answers, involved))
        deltas = [_change(outcome, other) for other in changes]
        if deltas and max(deltas) > (0, 0, 0):
            urgency, level, routes = max(deltas)
            ranked.append((2, -urgency, -level, -routes, order, question.id))
    ranked.sort()
    return [
        QuestionOut(id=qid, text=getattr(doc.questions[qid].text, audience.value)) for *_, qid in ranked[:MAX_QUESTIONS]
    ]


def _change(current: Outcome, other: Outcome) -> tuple[int, int, int]:
    return (
        abs(other.urgency.rank - current.urgency.rank),
        abs(other.level - current.level),
        len(set(other.routes) ^ set(current.routes)),
    )
