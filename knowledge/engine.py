"""The decision engine: what is known about a child -> level, urgency, routes, with reasons.

Facts come from three places and take one path: indicators ticked directly, indicators the text
analyser found in the narrative, and answers to the document's questions. The decision tables
(knowledge/decisions.py) then turn derived features into level, urgency and routes; level and
urgency are the highest any rule gives, so adding a concern can never lower them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from knowledge.contract import (
    AssessmentRequest,
    AssessmentResponse,
)
from knowledge.decisions import DecisionTables, _Constant, _Expression
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
_RANK = {u: u.rank for u in Urgency}
_BY_RANK = {u.rank: u for u in Urgency}
_VALUE_BY_RANK = {u.rank: u.value for u in Urgency}
_RANK_OF_VALUE = {u.value: u.rank for u in Urgency}  # enum .value is a descriptor call; this is a dict read
_ROUTE_VALUES = tuple((route, route.value) for route in ROUTE_ORDER)
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
    # The rationale's last sentences (why the level was raised, why the urgency), the same for every
    # audience: worked out once per verdict, with it.
    because: tuple[str, ...] = field(default=(), compare=False)
    # Next steps by (document, DSL setting?, audience), filled in by _next_steps: they depend on
    # nothing else, and live and die with the cached verdict.
    steps: dict[tuple, tuple[str, ...]] = field(default_factory=dict, compare=False, repr=False)

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
    role = request.reporter_role.value
    book = _book(doc)
    facts = book.sum(evidence)
    prefix = _prefix(doc.decisions, role, age, request.answers, involved)
    outcome = _run_tables(doc.decisions, prefix + facts.features)
    audience = audience_for(role)
    ordered = sorted(evidence.values(), key=_evidence_order)
    # The parts are plain dicts of each part's fields: validating the whole answer in one call builds
    # every part model in pydantic-core, cheaper than one Python-level model call per part.
    return AssessmentResponse(
        level=outcome.level,
        level_name=doc.levels[outcome.level].name,
        urgency=outcome.urgency,
        routes=list(outcome.routes),
        indicators=[_matched(book, item, audience) for item in ordered],
        rationale=_rationale(book, outcome, ordered, audience),
        next_steps=_next_steps(doc, outcome, role, audience),
        questions=_questions(doc, book, evidence, facts, request.answers, prefix, outcome, audience),
        consent=_consent(doc, outcome, evidence, audience),
        route_advice=[book.route_out[audience][route] for route in outcome.routes],
        audience=audience,
        child_age_years=age,
        involved=list(involved),
        threshold_document={"id": doc.id, "version": doc.version},
        # Validation copies each entry (pydantic builds a new dict for dict[str, Any]), so the
        # response never shares the cached verdict's entries; test_engine_ranking checks it.
        trace=list(outcome.trace),
    )


def audience_for(role: str) -> Audience:
    if role == "child":
        return Audience.child
    return Audience.public if role in _PUBLIC_ROLES else Audience.professional


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
    features = _book(doc).sum(evidence).features
    return _run_tables(doc.decisions, _prefix(doc.decisions, role, age, answers, involved) + features)


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


_SKIP = object()  # a row that gives no value for the output


def _outputs(decisions: DecisionTables) -> tuple[tuple, tuple, tuple]:
    """Per row of the level, urgency and routes tables, what _verdict reads: a literal cell's value
    worked out once (the level as an int, the urgency as its rank, the route as written), _SKIP for
    an empty cell or a literal that gives nothing, and the cell itself when it reads the facts."""
    found = decisions.__dict__.get("_engine_outputs")
    if found is None:

        def read(table: str, output: str, convert: Callable[[Any], Any]) -> tuple:
            cells = decisions.tables[table].output(output)
            return tuple(
                _SKIP if cell is None else convert(cell.value) if isinstance(cell, _Constant) else cell
                for cell in cells
            )

        found = (
            read("level", "level", lambda value: _SKIP if value is None else int(value)),
            read("urgency", "urgency", lambda value: _RANK.get(_URGENCIES.get(value), _SKIP)),
            read("routes", "route", lambda value: value),
        )
        object.__setattr__(decisions, "_engine_outputs", found)  # frozen dataclass: a cache, not a field
    return found


@lru_cache(maxsize=8192)
def _verdict(decisions: DecisionTables, key: tuple) -> tuple[int, int, frozenset[str]]:
    """(urgency rank, level, routes) alone, for the what-if decisions of question ranking: the same
    rows and outputs as _run_tables, without building a trace nobody reads."""
    facts = _facts(key)
    tables = decisions.tables
    levels, urgencies, routes = _outputs(decisions)
    level = 1
    for index in tables["level"].holds(facts):
        value = levels[index]
        if type(value) is _Expression:
            value = value.evaluate(facts)
            value = _SKIP if value is None else int(value)
        if value is not _SKIP and value > level:
            level = value
    facts["level"] = level
    rank = 0
    for index in tables["urgency"].holds(facts):
        value = urgencies[index]
        if type(value) is _Expression:
            value = _RANK.get(_URGENCIES.get(value.evaluate(facts)), _SKIP)
        if value is not _SKIP and value > rank:
            rank = value
    facts["urgency"] = _VALUE_BY_RANK[rank]
    found = set()
    for index in tables["routes"].holds(facts):
        value = routes[index]
        if value is not _SKIP:
            found.add(value.evaluate(facts) if type(value) is _Expression else value)
    return (rank, level, frozenset(found))


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
    for out in tables["level"].fired(facts):
        trace.append(out)
        if out.get("level") is not None:
            level = max(level, int(out["level"]))
    # Urgency rules may depend on the level (an unborn baby at level 4), never the other way round.
    facts["level"] = level
    rank = 0
    for out in tables["urgency"].fired(facts):
        trace.append(out)
        candidate = _RANK_OF_VALUE.get(out.get("urgency"), 0)  # by the value: a str key is a fast one
        if candidate > rank:
            rank = candidate
    facts["urgency"] = _VALUE_BY_RANK[rank]
    routes = tables["routes"].fired(facts)
    trace.extend(routes)
    found = {out["route"] for out in routes}
    routes_out = tuple(route for route, value in _ROUTE_VALUES if value in found)
    urgency = _BY_RANK[rank]
    return Outcome(
        level=level,
        urgency=urgency,
        routes=routes_out,
        level_max=level_max,
        trace=tuple(trace),
        because=_because(level, level_max, urgency, trace),
    )


def _because(level: int, level_max: int, urgency: Urgency, trace: list[dict[str, Any]]) -> tuple[str, ...]:
    parts = []
    reasons = [row["reason"] for row in trace if row["table"] == "level" and row.get("level") == level]
    if level > level_max:
        parts.append(
            f"The level is raised from {level_max} to {level} because {reasons[-1] if reasons else 'of the rules'}."
            " When a case sits between two levels, we give the higher one."
        )
    urgency_reasons = [
        row["reason"] for row in trace if row["table"] == "urgency" and row.get("urgency") == urgency.value
    ]
    if urgency is not Urgency.standard and urgency_reasons:
        parts.append(f"Urgency is {urgency.value} because {urgency_reasons[-1]}.")
    return tuple(parts)


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
    ticked = _book(doc).ticked
    for position, indicator_id in enumerate(request.indicators):
        item = ticked.get(indicator_id)
        if item is None:
            raise InvalidRequest(f"indicators.{position}", f"unknown indicator '{indicator_id}' in document '{doc.id}'")
        evidence.setdefault(indicator_id, item)
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


def _matched(book: _Book, item: Evidence, audience: Audience) -> dict[str, Any]:
    """MatchedIndicator's fields."""
    return {
        **book.matched[audience][item.indicator.id],
        "evidence": item.text,
        "start": item.start,
        "end": item.end,
        "confidence": item.confidence,
    }


def _rationale(book: _Book, outcome: Outcome, ordered: list[Evidence], audience: Audience) -> str:
    """`ordered` is the evidence in _evidence_order."""
    parts = [book.level_heads[audience][outcome.level]]
    if not ordered:
        parts.append("Nothing described so far points to a need beyond what universal services give.")
    else:
        seen = book.seen[audience]
        parts.append("What we saw: " + "; ".join(seen[e.indicator.id] for e in ordered[:5]) + ".")
    parts.extend(outcome.because)
    return " ".join(parts)


def _next_steps(doc: ThresholdDocument, outcome: Outcome, role: str, audience: Audience) -> list[str]:
    # The document is in the key: a local document may share its parent's tables, hence verdicts.
    key = (_book(doc), role in _DSL_SETTINGS, audience)
    known = outcome.steps.get(key)
    if known is None:
        known = outcome.steps[key] = tuple(_steps(doc, outcome, role, audience))
    return list(known)


def _steps(doc: ThresholdDocument, outcome: Outcome, role: str, audience: Audience) -> list[str]:
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
) -> dict[str, Any]:
    """ConsentAdvice's fields."""
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
    return {"advice": advice, "text": text}


def _route_fields(doc: ThresholdDocument, route: Route, audience: Audience) -> dict[str, Any]:
    """A route's advice as RouteOut's fields (built once per document, see _Book)."""
    advice = doc.routes[route]
    contact = doc.contacts.get(advice.contact) if advice.contact else None
    return dict(
        route=route,
        title=advice.title,
        how=getattr(advice.how, audience.value),
        timescale=advice.timescale,
        contact_name=contact.name if contact else None,
        contact_phone=contact.phone if contact else None,
        contact_is_placeholder=contact.placeholder if contact else False,
    )


class _Atom(NamedTuple):  # a NamedTuple: built per case, and cheaper to build than a dataclass
    """What some indicators bring to the decision features, with sets cut to what the tables read."""

    level: int
    rank: int
    tags: frozenset[str]
    routes: frozenset[str]
    l2: frozenset[str]  # domains at level 2 or above
    l3: frozenset[str]  # domains at level 3 or above
    present: frozenset[str]  # categories and tags, for questions' ask_when


_EMPTY: frozenset[str] = frozenset()
_NOTHING = _Atom(1, 0, _EMPTY, _EMPTY, _EMPTY, _EMPTY, _EMPTY)  # no evidence: level 1, standard


class _Sum(NamedTuple):
    """The atoms of a set of evidence added up, and the decision features they give."""

    atom: _Atom
    features: tuple


@dataclass(frozen=True, eq=False)  # hashed by identity: candidates() collects them in a set
class _Plan:
    """What one question could change, worked out once per loaded document."""

    order: int
    id: str
    first: bool
    standing: bool
    confirms: tuple[str, ...]
    rules_out: tuple[str, ...]
    ask_when: frozenset[str]
    yes: _Atom  # what its confirmed indicators bring (a union, so adding them twice is harmless)


class _Book:
    """The parts of one loaded document the engine reads on every assessment, worked out once."""

    def __init__(self, doc: ThresholdDocument) -> None:
        decisions = doc.decisions
        read_tags, read_routes = decisions.read_tags, decisions.read_routes
        self.atoms: dict[str, _Atom] = {}
        self.sides: dict[str, str] = {}
        for indicator in doc.indicators.values():
            tags = frozenset(indicator.tags)
            routes = frozenset(route.value for route in indicator.routes)
            domain = frozenset({indicator.domain})
            self.atoms[indicator.id] = _Atom(
                level=indicator.level,
                rank=indicator.urgency.rank,
                tags=tags if read_tags is None else tags & read_tags,
                routes=routes if read_routes is None else routes & read_routes,
                l2=domain if indicator.level >= 2 else frozenset(),
                l3=domain if indicator.level >= 3 else frozenset(),
                present=tags | {indicator.category},
            )
            self.sides[indicator.domain] = indicator.domain.split(".", 1)[0]
        # A ticked indicator's evidence is the same every time (and immutable): made once.
        self.ticked = {
            indicator.id: Evidence(indicator, "ticked by the reporter", "ticked")
            for indicator in doc.indicators.values()
        }
        # The response's words, per audience: what an indicator, a route and a level read as.
        self.matched = {
            audience: {
                indicator.id: dict(
                    id=indicator.id,
                    level=indicator.level,
                    category=indicator.category,
                    domain=indicator.domain,
                    description=_wording(indicator, audience),
                    source=_cite(indicator),
                )
                for indicator in doc.indicators.values()
            }
            for audience in Audience
        }
        self.seen = {
            audience: {
                indicator.id: f"{_wording(indicator, audience)} (level {indicator.level})"
                for indicator in doc.indicators.values()
            }
            for audience in Audience
        }
        self.level_heads = {
            audience: {
                number: f"Level {number}, {level.name}: "
                + (level.professional if audience is Audience.professional else level.plain)
                for number, level in doc.levels.items()
            }
            for audience in Audience
        }
        self.route_out = {
            audience: {route: _route_fields(doc, route, audience) for route in doc.routes} for audience in Audience
        }
        plans = tuple(
            _Plan(
                order=order,
                id=question.id,
                first=question.always_first,
                standing=question.standing,
                confirms=tuple(question.confirms),
                rules_out=tuple(question.rules_out),
                ask_when=frozenset(question.ask_when),
                yes=self._add(self.atoms[i] for i in question.confirms),
            )
            for order, question in enumerate(doc.questions.values())
        )
        # Most questions are asked only when some category or tag is present: index them by it, so
        # a case visits only the questions it could be asked, not the whole list.
        self.always = tuple(plan for plan in plans if plan.first or plan.standing or not plan.ask_when)
        self.when: dict[str, tuple[_Plan, ...]] = {}
        for plan in plans:
            if plan not in self.always:
                for item in plan.ask_when:
                    self.when[item] = (*self.when.get(item, ()), plan)

    def candidates(self, present: frozenset[str]) -> set[_Plan]:
        """The questions whose ask_when a case with these categories and tags meets (in no order)."""
        found = set(self.always)
        when = self.when
        for item in present:
            plans = when.get(item)
            if plans:
                found.update(plans)
        return found

    @staticmethod
    def _add(atoms: Iterable[_Atom]) -> _Atom:
        items = list(atoms)
        if not items:
            return _NOTHING
        if len(items) == 1:
            return items[0]
        level, rank, tags, routes, l2, l3, present = items[0]
        for atom in items[1:]:
            if atom.level > level:
                level = atom.level
            if atom.rank > rank:
                rank = atom.rank
            tags |= atom.tags  # frozensets: each | is a new set, the atoms stay as they are
            routes |= atom.routes
            l2 |= atom.l2
            l3 |= atom.l3
            present |= atom.present
        return _Atom(level, rank, tags, routes, l2, l3, present)

    def features(self, atom: _Atom) -> tuple:
        """The indicator part of the key (see _prefix for the rest): only what the tables read, so
        equal facts share one verdict."""
        l3 = atom.l3
        sides = len({self.sides[domain] for domain in l3}) if l3 else 0
        return (atom.tags, atom.level, len(atom.l2), len(l3), sides, _VALUE_BY_RANK[atom.rank], atom.routes)

    def sum(self, evidence: dict[str, Evidence]) -> _Sum:
        atoms = self.atoms
        atom = self._add([atoms[item.indicator.id] for item in evidence.values()])
        return _Sum(atom, self.features(atom))


def _book(doc: ThresholdDocument) -> _Book:
    # Kept on the document itself, so a reloaded document (or a local one sharing its parent's
    # tables) gets its own; the dataclass is frozen, hence object.__setattr__.
    book = doc.__dict__.get("_engine_book")
    if book is None:
        book = _Book(doc)
        object.__setattr__(doc, "_engine_book", book)
    return book


def _questions(
    doc: ThresholdDocument,
    book: _Book,
    evidence: dict[str, Evidence],
    facts: _Sum,
    answers: dict[str, bool | None],
    prefix: tuple,
    outcome: Outcome,
    audience: Audience,
) -> list[dict[str, str]]:
    """The questions whose answer could change the outcome, the biggest possible change first.

    A question's "yes" adds its indicators' features to the case's; where that adds nothing (every
    set already holds them, the level and urgency are already as high) the features, hence the
    verdict, are the case's own, so no what-if decision is run for it."""
    decisions = doc.decisions
    base = facts.atom
    base_key = prefix + facts.features
    current = (_RANK[outcome.urgency], outcome.level, frozenset(route.value for route in outcome.routes))
    ranked: list[tuple[int, int, int, int, int, str]] = []
    sides = book.sides
    text = any(item.origin == "text" for item in evidence.values())  # only a "no" to those can remove any
    # The ranking sorts on the question's order last, so visiting the candidates in any order is fine.
    for plan in book.candidates(base.present):
        if plan.id in answers:
            continue
        if plan.first or plan.standing:
            if any(i not in evidence for i in plan.confirms):
                ranked.append((0 if plan.first else 1, 0, 0, 0, plan.order, plan.id))
            continue
        best = (0, 0, 0)
        yes = plan.yes
        if not (
            yes.level <= base.level
            and yes.rank <= base.rank
            and yes.tags <= base.tags
            and yes.routes <= base.routes
            and yes.l2 <= base.l2
            and yes.l3 <= base.l3
        ):
            # The features of base + yes, as book.features gives them, without building an _Atom.
            l3 = base.l3 | yes.l3
            features = (
                base.tags | yes.tags,
                base.level if base.level >= yes.level else yes.level,
                len(base.l2 | yes.l2),
                len(l3),
                len({sides[domain] for domain in l3}) if l3 else 0,
                _VALUE_BY_RANK[base.rank if base.rank >= yes.rank else yes.rank],
                base.routes | yes.routes,
            )
            best = _change(current, _verdict(decisions, prefix + features))
        if text and plan.rules_out:
            removable = [i for i in plan.rules_out if i in evidence and evidence[i].origin == "text"]
            if removable:
                kept = {key: item for key, item in evidence.items() if key not in removable}
                key = prefix + book.sum(kept).features
                if key != base_key:  # equal features are an equal verdict: nothing to run
                    best = max(best, _change(current, _verdict(decisions, key)))
        if best > (0, 0, 0):
            urgency, level, routes = best
            ranked.append((2, -urgency, -level, -routes, plan.order, plan.id))
    ranked.sort()
    return [{"id": qid, "text": getattr(doc.questions[qid].text, audience.value)} for *_, qid in ranked[:MAX_QUESTIONS]]


def _change(current: tuple[int, int, frozenset[str]], other: tuple[int, int, frozenset[str]]) -> tuple[int, int, int]:
    return (abs(other[0] - current[0]), abs(other[1] - current[1]), len(other[2] ^ current[2]))
