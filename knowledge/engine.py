"""The decision engine: what is known about a child -> level, urgency, routes, with reasons.

Facts come from three places and take one path: indicators ticked directly, indicators the text
analyser found in the narrative, and answers to the document's questions. The decision tables
(knowledge/decisions.py) then turn derived features into level, urgency and routes; level and
urgency are the highest any rule gives, so adding a concern can never lower them.
"""

from __future__ import annotations

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
_URGENCY_VALUE = {u: u.value for u in Urgency}
_RANK = {u: u.rank for u in Urgency}
_BY_RANK = {u.rank: u for u in Urgency}
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
        trace=[dict(row) for row in outcome.trace],
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
            urgency=_BY_RANK[max(_RANK[i.urgency] for i in items)],
            tags=frozenset(tag for i in items for tag in i.tags),
            routes=frozenset(route.value for i in items for route in i.routes),
            l2_domains=frozenset(i.domain for i in items if i.level >= 2),
            l3_domains=frozenset(i.domain for i in items if i.level >= 3),
        )

    def merge(self, other: Profile) -> Profile:
        return Profile(
            level_max=max(self.level_max, other.level_max),
            urgency=other.urgency if _RANK[other.urgency] > _RANK[self.urgency] else self.urgency,
            tags=self.tags | other.tags,
            routes=self.routes | other.routes,
            l2_domains=self.l2_domains | other.l2_domains,
            l3_domains=self.l3_domains | other.l3_domains,
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
    return _run_tables(doc.decisions, _key(doc.decisions, profile, role, age, answers, involved))


def _key(
    decisions: DecisionTables,
    profile: Profile,
    role: str,
    age: int | None,
    answers: dict[str, bool | None],
    involved: tuple[str, ...] | frozenset[str],
) -> tuple:
    """Only what the tables read goes into the key, so equal facts share one verdict."""
    return _prefix(decisions, role, age, answers, involved) + _features(decisions, profile)


def _prefix(
    decisions: DecisionTables,
    role: str,
    age: int | None,
    answers: dict[str, bool | None],
    involved: tuple[str, ...] | frozenset[str],
) -> tuple:
    """The part of the key that the indicators do not change."""
    answered = tuple((key, answers[key]) for key in decisions.answer_keys if key in answers)
    return (role, age, answered, frozenset(involved))


def _features(decisions: DecisionTables, profile: Profile) -> tuple:
    read_tags, read_routes = decisions.read_tags, decisions.read_routes
    l3 = profile.l3_domains
    return (
        profile.tags if read_tags is None else profile.tags & read_tags,
        profile.level_max,
        len(profile.l2_domains),
        len(l3),
        len({domain.split(".", 1)[0] for domain in l3}) if l3 else 0,
        _URGENCY_VALUE[profile.urgency],
        profile.routes if read_routes is None else profile.routes & read_routes,
    )


def _facts(key: tuple) -> dict[str, Any]:
    role, age, answers, involved, tags, level_max, dims_l2, dims_l3, sides_l3, urgency_value, routes = key
    facts: dict[str, Any] = {
        "role": role,
        "age": age,
        "involved": involved,
        "tags": tags,
        "level_max": level_max,
        "dims_l2": dims_l2,
        "dims_l3": dims_l3,
        "sides_l3": sides_l3,
        "indicator_urgency": urgency_value,
        "indicator_routes": routes,
    }
    for question_id, answer in answers:
        facts["answers." + question_id] = answer
    return facts


@lru_cache(maxsize=8192)
def _verdict(decisions: DecisionTables, key: tuple) -> tuple[int, int, frozenset[str]]:
    """(urgency rank, level, routes) alone, for the what-if decisions of question ranking: the same
    rows as _run_tables, without building a trace nobody reads."""
    facts = _facts(key)
    tables = decisions.tables
    level = 1
    table = tables["level"]
    outputs = table.output("level")
    for index in table.holds(facts):
        expr = outputs[index]
        if expr is not None:
            value = expr.evaluate(facts)
            if value is not None:
                level = max(level, int(value))
    facts["level"] = level
    rank = 0
    table = tables["urgency"]
    outputs = table.output("urgency")
    for index in table.holds(facts):
        expr = outputs[index]
        candidate = _URGENCIES.get(expr.evaluate(facts)) if expr is not None else None
        if candidate is not None and _RANK[candidate] > rank:
            rank = _RANK[candidate]
    facts["urgency"] = _BY_RANK[rank].value
    table = tables["routes"]
    outputs = table.output("route")
    found = frozenset(outputs[index].evaluate(facts) for index in table.holds(facts) if outputs[index] is not None)
    return (rank, level, found)


def clear_caches() -> None:
    """Forget every cached verdict (for benchmarks that must pay for each decision)."""
    _run_tables.cache_clear()
    _verdict.cache_clear()


@lru_cache(maxsize=8192)
def _run_tables(decisions: DecisionTables, key: tuple) -> Outcome:
    """The tables' verdict on one set of features; cached because it is a pure function of them."""
    facts = _facts(key)
    level_max = key[5]
    tables = decisions.tables
    trace: list[dict[str, Any]] = []

    level = 1
    for out in _run(tables["level"], facts, trace):
        if out.get("level") is not None:
            level = max(level, int(out["level"]))
    # Urgency rules may depend on the level (an unborn baby at level 4), never the other way round.
    facts["level"] = level
    urgency = Urgency.standard
    for out in _run(tables["urgency"], facts, trace):
        candidate = _URGENCIES.get(out.get("urgency"))
        if candidate is not None and candidate.rank > urgency.rank:
            urgency = candidate
    facts["urgency"] = urgency.value
    found = {out["route"] for out in _run(tables["routes"], facts, trace)}
    routes_out = tuple(route for route in ROUTE_ORDER if route.value in found)
    return Outcome(level=level, urgency=urgency, routes=routes_out, level_max=level_max, trace=tuple(trace))


def _run(table, facts: dict[str, Any], trace: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The outputs of every row that holds, each also recorded in the trace."""
    outputs = []
    for row, out in table.evaluate(facts):
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


@dataclass(frozen=True)
class _Plan:
    """What one question could change, worked out once per loaded document."""

    order: int
    id: str
    first: bool
    standing: bool
    confirms: tuple[str, ...]
    rules_out: tuple[str, ...]
    ask_when: frozenset[str]
    yes: Profile  # the features its confirmed indicators bring (a union, so adding them twice is harmless)


_PLANS: dict[DecisionTables, tuple[_Plan, ...]] = {}


def _plans(doc: ThresholdDocument) -> tuple[_Plan, ...]:
    plans = _PLANS.get(doc.decisions)
    if plans is None:
        plans = tuple(
            _Plan(
                order=order,
                id=question.id,
                first=question.always_first,
                standing=question.standing,
                confirms=tuple(question.confirms),
                rules_out=tuple(question.rules_out),
                ask_when=frozenset(question.ask_when),
                yes=Profile.of(doc.indicators[i] for i in question.confirms),
            )
            for order, question in enumerate(doc.questions.values())
        )
        _PLANS[doc.decisions] = plans
    return plans


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
    answers = request.answers
    decisions = doc.decisions
    profile = Profile.of(item.indicator for item in evidence.values())
    prefix = _prefix(decisions, role, age, answers, involved)
    base_key = prefix + _features(decisions, profile)
    current = (outcome.urgency.rank, outcome.level, frozenset(route.value for route in outcome.routes))
    ranked: list[tuple[int, int, int, int, int, str]] = []
    for plan in _plans(doc):
        if plan.id in answers:
            continue
        if plan.first or plan.standing:
            if any(i not in evidence for i in plan.confirms):
                ranked.append((0 if plan.first else 1, 0, 0, 0, plan.order, plan.id))
            continue
        if plan.ask_when and not present.intersection(plan.ask_when):
            continue
        keys = [prefix + _features(decisions, profile.merge(plan.yes))]
        removable = [i for i in plan.rules_out if i in evidence and evidence[i].origin == "text"]
        if removable:
            no = Profile.of(item.indicator for key, item in evidence.items() if key not in removable)
            keys.append(prefix + _features(decisions, no))
        best = (0, 0, 0)
        for key in keys:
            if key != base_key:  # equal features are an equal verdict: nothing to run
                best = max(best, _change(current, _verdict(decisions, key)))
        if best > (0, 0, 0):
            urgency, level, routes = best
            ranked.append((2, -urgency, -level, -routes, plan.order, plan.id))
    ranked.sort()
    return [
        QuestionOut(id=qid, text=getattr(doc.questions[qid].text, audience.value)) for *_, qid in ranked[:MAX_QUESTIONS]
    ]


def _change(current: tuple[int, int, frozenset[str]], other: tuple[int, int, frozenset[str]]) -> tuple[int, int, int]:
    return (abs(other[0] - current[0]), abs(other[1] - current[1]), len(other[2] ^ current[2]))
