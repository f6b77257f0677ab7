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
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from pydantic import BaseModel

from knowledge.contract import (
    AssessmentRequest,
    AssessmentResponse,
    ConsentAdvice,
    DocumentRef,
    MatchedIndicator,
    QuestionOut,
    RouteOut,
)
from knowledge.decisions import DecisionTables, _Constant, _define, _Expression
from knowledge.loader import ThresholdDocument, load_document
from knowledge.schema import Audience, Consent, Indicator, ReporterRole, Route, Urgency

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
# The category whose level-2 signs the tables count one by one: several of them together are the
# "persistent failure to meet a child's basic needs" of the definition (001_587524bd8325dec7.txt
# lines 317-343), where other needs count by the area of the child's life they touch.
NEGLECT = "neglect"
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
    # The urgency's rank and the routes' values, as question ranking compares verdicts by them.
    rank: int = field(default=0, compare=False, repr=False)
    route_values: frozenset[str] = field(default=frozenset(), compare=False, repr=False)

    def weight(self) -> tuple[int, int, int]:
        return (self.urgency.rank, self.level, len(self.routes))


M = TypeVar("M", bound=BaseModel)
# BaseModel's own slots, set as model_construct sets them (the descriptors are cheaper to call than
# object.__setattr__, which looks them up every time).
_new = object.__new__
_set_attribute = object.__setattr__
_set_dict = vars(BaseModel)["__dict__"].__set__
_set_fields_set = BaseModel.__pydantic_fields_set__.__set__
_set_extra = BaseModel.__pydantic_extra__.__set__
_set_private = BaseModel.__pydantic_private__.__set__


def _built(model: type[M], values: dict[str, Any]) -> M:
    """The model validation would give for `values`, built without validating them again: only for
    values the engine made itself from a validated request and a checked document, with every field
    given in the model's field order (so `model_fields_set` is every field, as validation sets it).
    test_engine_response checks such responses against validated ones."""
    built = _new(model)
    _set_dict(built, values)
    _set_fields_set(built, set(values))
    _set_extra(built, None)
    _set_private(built, None)
    return built


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
    answers = request.answers
    mask = book.mask(evidence)
    features = book.features(mask)
    prefix = _prefix(doc.decisions, role, age, answers, involved)
    outcome = _run_tables(doc.decisions, prefix + features)
    audience, reader = _AUDIENCES[role]
    ordered = sorted(evidence, key=book.position.__getitem__)
    # Built from what the engine made (see _built); words the analyser read from the narrative are
    # validated as the contract says, the way every part was before.
    trusted = analysis is None
    wording = _wording_of(book, outcome, role in _DSL_SETTINGS, reader)
    return (_built if trusted else _validated)(
        AssessmentResponse,
        {
            "level": outcome.level,
            "level_name": book.level_names[outcome.level],
            "urgency": outcome.urgency,
            "routes": list(outcome.routes),
            "indicators": _matched(book, evidence, ordered, reader, trusted),
            "rationale": _rationale(book, outcome, ordered, reader, described=not trusted),
            "next_steps": list(wording.steps),
            "questions": _questions(doc, book, evidence, mask, answers, prefix, outcome, reader, not trusted),
            "consent": _consent(book, outcome, evidence, reader),
            "route_advice": [_built(RouteOut, fields.copy()) for fields in wording.route_advice],
            "audience": audience,
            "child_age_years": age,
            "involved": list(involved),
            "threshold_document": _built(DocumentRef, {"id": book.doc_id, "version": book.doc_version}),
            # Copies: the response never shares the cached verdict's entries (test_engine_ranking).
            "trace": list(map(dict.copy, outcome.trace)),
        },
    )


def _validated(model: type[M], values: dict[str, Any]) -> M:
    return model(**values)


def audience_for(role: str) -> Audience:
    if role == "child":
        return Audience.child
    return Audience.public if role in _PUBLIC_ROLES else Audience.professional


# By role: the audience, and its value, by which the words are looked up (a str key is a fast one).
_AUDIENCES = {role.value: (audience_for(role.value), audience_for(role.value).value) for role in ReporterRole}


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
    book = _book(doc)
    features = book.features(book.mask(evidence))
    return _run_tables(doc.decisions, _prefix(doc.decisions, role, age, answers, involved) + features)


_NO_ONE: frozenset[str] = frozenset()


def _prefix(
    decisions: DecisionTables,
    role: str,
    age: int | None,
    answers: dict[str, bool | None],
    involved: tuple[str, ...] | frozenset[str],
) -> tuple:
    """The part of the key that the indicators do not change."""
    answered = tuple([(key, answers[key]) for key in decisions.answer_keys if key in answers]) if answers else ()
    return (role, age, answered, frozenset(involved) if involved else _NO_ONE)


def _facts(key: tuple) -> dict[str, Any]:
    """The facts a key stands for, by field as the tables read them: what _chain reads from the key
    itself (the tests' reference for it)."""
    role, age, answers, involved, tags, level_max, dims_l2, dims_l3, sides_l3, neglect_signs, urgency_value, routes = (
        key
    )
    facts: dict[str, Any] = {
        "role": role,
        "age": age,
        "involved": involved,
        "tags": tags,
        "level_max": level_max,
        "dims_l2": dims_l2,
        "dims_l3": dims_l3,
        "sides_l3": sides_l3,
        "neglect_signs": neglect_signs,
        "indicator_urgency": urgency_value,
        "indicator_routes": routes,
    }
    for question_id, answer in answers:
        facts["answers." + question_id] = answer
    return facts


_SKIP = object()  # a row that gives no value for the output


def _outputs(decisions: DecisionTables) -> tuple[tuple, tuple, tuple]:
    """Per row of the level, urgency and routes tables, what _verdict's chain reads: a literal cell's value
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
    chain = decisions.__dict__.get("_engine_chain")
    if chain is None:
        chain = _chain(decisions)
        object.__setattr__(decisions, "_engine_chain", chain)  # frozen dataclass: a cache, not a field
    return chain(key)


_PLAIN = (str, int, float, bool, type(None))  # literals that compare and hash without a TypeError

# Where each fact is in a key, as _facts reads it (the answers, at 2, are read by question id).
_KEY_POSITIONS = {
    name: position
    for position, name in enumerate(
        ("role", "age", None, "involved", "tags", "level_max", "dims_l2", "dims_l3", "sides_l3", "neglect_signs")
        + ("indicator_urgency", "indicator_routes")
    )
    if name
}


def _chain(decisions: DecisionTables, traced: bool = False) -> Callable[[tuple], tuple]:
    """The level, urgency and routes tables as one function of a key, compiled once per table set.

    Untraced, it gives what _verdict worked out row by row from the tables' holds() and outputs:
    (urgency rank, level, routes). Traced, it gives what _run_tables worked out from the tables'
    fired() entries: (urgency rank, level, route values, trace), the level and urgency taken from
    the entries as they were. Either way each row's cells are kept as they are (a cell that cannot
    be evaluated fails its row), each fact is read once, and there is no facts dict or list of rows
    in between; a later table reads the level and urgency the earlier ones gave."""
    fields: dict[str, str] = {}
    conditions = decisions.conditions(fields)
    outputs = dict(zip(("level", "urgency", "routes"), _outputs(decisions), strict=True))
    tables = {name: decisions.tables[name] for name in outputs}
    # Every output cell that reads the facts, compiled before any code is written (then `fields`
    # names every fact some cell reads), each as _number(cell) would give it, written out.
    compiled = {
        id(out): f"(_n if type(_n := ({decisions.expression(out.source, fields)})) is not float"
        " or not _n.is_integer() else int(_n))"
        for table in tables.values()
        for row in table.rows
        for _, out in row.outputs
        if type(out) is _Expression
    }
    names: dict[str, Any] = dict(
        _SKIP=_SKIP, _RANK=_RANK, _URGENCIES=_URGENCIES, _VALUE_BY_RANK=_VALUE_BY_RANK, _RANK_OF_VALUE=_RANK_OF_VALUE
    )
    body: list[str] = []

    def name_of(value: Any) -> str:
        name = f"_c{len(names)}"
        names[name] = value
        return name

    def verdict_action(table: str, out: Any) -> list[str]:
        if out is _SKIP:
            return []
        cell = compiled[id(out)] if type(out) is _Expression else None
        if table == "routes":
            return [f"_found.add({cell or name_of(out)})"]
        if cell is None:  # a literal, worked out when the tables loaded
            variable = "level" if table == "level" else "rank"
            return [f"if {out!r} > {variable}:", f"    {variable} = {out!r}"]
        if table == "level":
            return [
                f"_v = {cell}",
                "if _v is not None:",
                "    _v = int(_v)",
                "    if _v > level:",
                "        level = _v",
            ]
        return [f"_v = _RANK.get(_URGENCIES.get({cell}), _SKIP)", "if _v is not _SKIP and _v > rank:", "    rank = _v"]

    def traced_action(table: str, index: int) -> tuple[list[str], bool]:
        """The lines that add a fired row's entry to the trace and take its output; and whether they
        are plain enough (a literal-only row, its output an int or str) to sit in the row's try."""
        entry = tables[table].entry(index)
        dynamic = [(name, out) for name, out in tables[table].rows[index].outputs if type(out) is _Expression]
        if not dynamic:
            value = entry.get({"level": "level", "urgency": "urgency", "routes": "route"}[table])
            add = f"_t.append({name_of(entry)})"
            if table == "level" and (value is None or type(value) is int):
                return ([add] if value is None else [add, f"if {value!r} > level:", f"    level = {value!r}"]), True
            if table == "urgency" and (value is None or type(value) is str):
                found = _RANK_OF_VALUE.get(value, 0)
                return [add, f"if {found!r} > rank:", f"    rank = {found!r}"], True
            if table == "routes" and "route" in entry and type(value) in _PLAIN:
                return [add, f"_found.add({name_of(value)})"], True
        lines = [f"_o = {name_of(entry)}"]
        if dynamic:  # a copy keeps the outputs' order: a key set again stays where it was
            lines[0] += ".copy()"
            lines += [f"_o[{name!r}] = {compiled[id(out)]}" for name, out in dynamic]
        lines.append("_t.append(_o)")
        if table == "level":
            return [*lines, "if _o.get('level') is not None:", "    level = max(level, int(_o['level']))"], False
        if table == "urgency":
            return [*lines, "_v = _RANK_OF_VALUE.get(_o.get('urgency'), 0)", "if _v > rank:", "    rank = _v"], False
        return [*lines, "_found.add(_o['route'])"], False

    for table, rows in outputs.items():
        for index, (condition, out) in enumerate(zip(conditions[table], rows, strict=True)):
            if traced:
                action, plain = traced_action(table, index)
            else:
                action, plain = verdict_action(table, out), out is _SKIP or type(out) in _PLAIN
            if plain:
                # A literal's action cannot raise the TypeError that fails a row: it may sit in the try.
                body.extend(["    try:", f"        if {condition}:"])
                body.extend(f"            {line}" for line in action or ["pass"])
                body.extend(["    except TypeError:", "        pass"])
                continue
            body.extend(["    _h = False", "    try:", f"        if {condition}:", "            _h = True"])
            body.extend(["    except TypeError:", "        pass"])
            if action:
                body.append("    if _h:")
                body.extend(f"        {line}" for line in action)
        if table == "level" and "level" in fields:
            body.append(f"    {fields['level']} = level")
        if table == "urgency" and "urgency" in fields:
            body.append(f"    {fields['urgency']} = _VALUE_BY_RANK[rank]")

    # The facts are read first but written last, when every cell has named the ones it reads.
    head = ["def chain(_k):"]
    if any(name.startswith("answers.") for name in fields):
        head.append("    _a = dict(_k[2])")
    for name, local in fields.items():
        if name in _KEY_POSITIONS:
            head.append(f"    {local} = _k[{_KEY_POSITIONS[name]}]")
        elif name.startswith("answers."):
            head.append(f"    {local} = _a.get({name.split('.', 1)[1]!r})")
        else:
            head.append(f"    {local} = None")  # level and urgency until their tables have run; else unknown
    head += ["    level = 1", "    rank = 0", "    _found = set()", "    _t = []"]
    result = "(rank, level, _found, _t)" if traced else "(rank, level, frozenset(_found))"
    return _define("\n".join([*head, *body, f"    return {result}"]), "chain", names)


def clear_caches() -> None:
    """Forget every cached verdict, and the words worked out for one (for benchmarks that must pay
    for each decision)."""
    _run_tables.cache_clear()
    _verdict.cache_clear()
    _WORDING.clear()


@lru_cache(maxsize=8192)
def _run_tables(decisions: DecisionTables, key: tuple) -> Outcome:
    """The tables' verdict on one set of features; cached because it is a pure function of them."""
    chain = decisions.__dict__.get("_engine_traced")
    if chain is None:
        chain = _chain(decisions, traced=True)
        object.__setattr__(decisions, "_engine_traced", chain)  # frozen dataclass: a cache, not a field
    # Urgency rules may depend on the level (an unborn baby at level 4), never the other way round.
    rank, level, found, trace = chain(key)
    routes_out = _ROUTES_OF.get(frozenset(found))
    if routes_out is None:
        routes_out = _routes_of(found)
    # Built as Outcome(...) would build it, field by field in order, without the frozen dataclass's
    # object.__setattr__ per field: one is made for every case the verdict cache has not seen.
    outcome = _new(Outcome)
    _set_attribute(
        outcome,
        "__dict__",
        {
            "level": level,
            "urgency": _BY_RANK[rank],
            "routes": routes_out[0],
            "level_max": key[5],
            "trace": tuple(trace),
            "because": _because(level, key[5], rank, trace),
            "rank": rank,
            "route_values": routes_out[1],
        },
    )
    return outcome


# The routes the routes table gave -> (the routes in ROUTE_ORDER, their values); a few dozen at most.
_ROUTES_OF: dict[frozenset, tuple[tuple[Route, ...], frozenset[str]]] = {}


def _routes_of(found: set) -> tuple[tuple[Route, ...], frozenset[str]]:
    routes = tuple(route for route, value in _ROUTE_VALUES if value in found)
    result = (routes, frozenset(route.value for route in routes))
    if len(_ROUTES_OF) < 1024:
        _ROUTES_OF[frozenset(found)] = result
    return result


def _because(level: int, level_max: int, rank: int, trace: list[dict[str, Any]]) -> tuple[str, ...]:
    parts = []
    reasons = [row["reason"] for row in trace if row["table"] == "level" and row.get("level") == level]
    if level > level_max:
        parts.append(
            f"The level is raised from {level_max} to {level} because {reasons[-1] if reasons else 'of the rules'}."
            " When a case sits between two levels, we give the higher one."
        )
    urgency = _VALUE_BY_RANK[rank]
    urgency_reasons = [row["reason"] for row in trace if row["table"] == "urgency" and row.get("urgency") == urgency]
    if rank and urgency_reasons:  # not standard
        parts.append(f"Urgency is {urgency} because {urgency_reasons[-1]}.")
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
    book = _book(doc)
    ticked = book.ticked
    for position, indicator_id in enumerate(request.indicators):
        item = ticked.get(indicator_id)
        if item is None:
            raise InvalidRequest(f"indicators.{position}", f"unknown indicator '{indicator_id}' in document '{doc.id}'")
        if indicator_id not in evidence:
            evidence[indicator_id] = item
    for question_id, answer in request.answers.items():
        question = doc.questions.get(question_id)
        if question is None:
            raise InvalidRequest(f"answers.{question_id}", f"unknown question in document '{doc.id}'")
        if answer is True:
            for item in book.answered[question_id]:
                evidence.setdefault(item.indicator.id, item)
        elif answer is False:
            for indicator_id in question.rules_out:
                item = evidence.get(indicator_id)
                # An explicit answer outweighs a reading of the text, but never for danger now:
                # a "no" cannot talk the service out of a 999 the person's own words called for.
                if item is not None and item.origin == "text" and item.indicator.urgency is not Urgency.emergency:
                    del evidence[indicator_id]
    return evidence


def _wording(indicator: Indicator, audience: Audience) -> str:
    return indicator.professional if audience is Audience.professional else indicator.plain


def _cite(indicator: Indicator) -> str:
    return "; ".join(f"{source.file} {source.where}" for source in indicator.source)


def _matched(
    book: _Book, evidence: dict[str, Evidence], ordered: list[str], reader: str, trusted: bool
) -> list[MatchedIndicator] | list[dict[str, Any]]:
    """The matched indicators in `ordered`: models when trusted, MatchedIndicator's fields otherwise."""
    ticked, matched = book.ticked, book.matched[reader]
    found: list[Any] = []
    for indicator_id in ordered:
        item = evidence[indicator_id]
        fields = matched[indicator_id]
        if item is ticked[indicator_id]:
            values = fields.copy()  # the words of a ticked indicator are the same every time
        else:
            values = {
                "id": fields["id"],
                "level": fields["level"],
                "category": fields["category"],
                "domain": fields["domain"],
                "description": fields["description"],
                "evidence": item.text,
                "source": fields["source"],
                "start": item.start,
                "end": item.end,
                "confidence": item.confidence,
            }
        found.append(_built(MatchedIndicator, values) if trusted else values)
    return found


def _rationale(book: _Book, outcome: Outcome, ordered: list[str], reader: str, described: bool) -> str:
    """`ordered` is the evidence's indicator ids, most serious first (see _Book.position); `described`:
    the worry was told in words."""
    if ordered:
        seen = book.seen[reader]
        parts = [
            book.level_heads[reader][outcome.level],
            "What we saw: " + "; ".join(seen[i] for i in ordered[:5]) + ".",
        ]
    elif described:
        # No level head saying the needs are met: words that matched nothing may tell of harm in a
        # way the analyser does not know, and reassurance the service cannot give is never given
        # (safety rule 3).
        parts = [NOT_MATCHED[reader]]
    else:
        parts = [
            book.level_heads[reader][outcome.level],
            "Nothing described so far points to a need beyond what universal services give.",
        ]
    parts.extend(outcome.because)
    return " ".join(parts)


class _Wording(NamedTuple):
    steps: tuple[str, ...]
    route_advice: tuple[dict[str, Any], ...]  # RouteOut's fields, copied per response


# A verdict's words, by (book, routes, level, urgency rank, DSL setting?, audience): a handful per
# document, so different cases with the same verdict share them. Kept small and cleared with the verdicts.
_WORDING: dict[tuple, _Wording] = {}


def _wording_of(book: _Book, outcome: Outcome, dsl: bool, reader: str) -> _Wording:
    key = (book, outcome.route_values, outcome.level, outcome.rank, dsl, reader)
    found = _WORDING.get(key)
    if found is None:
        if len(_WORDING) >= 4096:
            _WORDING.clear()
        route_out = book.route_out[reader]
        found = _WORDING[key] = _Wording(
            tuple(_steps(book.doc, outcome, dsl, reader)), tuple(route_out[route] for route in outcome.routes)
        )
    return found


def _steps(doc: ThresholdDocument, outcome: Outcome, dsl: bool, reader: str) -> list[str]:
    steps: list[str] = []
    wording = doc.meta.next_steps

    def add(key: str) -> None:
        text = getattr(wording[key], reader) if key in wording else ""
        if text and text not in steps:
            steps.append(text)

    if Route.emergency_services in outcome.routes:
        steps.append(getattr(doc.routes[Route.emergency_services].how, reader))
    if dsl:
        add(
            "speak_to_dsl_now"
            if outcome.level >= 3 or outcome.urgency is not Urgency.standard
            else "speak_to_safeguarding_lead"
        )
    for route in outcome.routes:
        if route is not Route.emergency_services:
            text = getattr(doc.routes[route].how, reader)
            if text not in steps:
                steps.append(text)
    if outcome.level >= 3:
        add("listen_do_not_investigate")
    add("record")
    if reader == "child":
        add("trusted_adult")
    add("childline")
    if outcome.level < 4:
        add("if_you_suspect_harm")
    add("keep_watching")
    return steps


def _consent(book: _Book, outcome: Outcome, evidence: dict[str, Evidence], reader: str) -> ConsentAdvice:
    consent = book.consent  # by indicator: its category's advice (by value) and reason
    withheld_reason: str | None = None
    withheld = inform = False
    for indicator_id in evidence:
        advice, reason = consent[indicator_id]
        if advice == "do_not_seek":
            if not withheld:
                withheld, withheld_reason = True, reason
        elif advice == "inform":
            inform = True
    if withheld:
        advice = "do_not_seek"
    elif outcome.level == 4 or inform:
        advice = "inform"
    else:
        advice = "seek"
    text = book.consent_text[reader][advice]
    if withheld and withheld_reason and reader == "professional":
        text = f"{text} {withheld_reason}"
    return _built(ConsentAdvice, {"advice": _CONSENTS[advice], "text": text})


_CONSENTS = {advice.value: advice for advice in Consent}


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


class _Sum(NamedTuple):
    """A set of evidence as one bit mask (see _Book), and the decision features it gives."""

    mask: int
    features: tuple


class _Plan(NamedTuple):
    """What one question could change, worked out once per loaded document."""

    order: int
    id: str
    kind: int  # 0 asked first (immediate danger), 1 standing or screening, 2 asked when its answer could change the outcome
    confirms: frozenset[str]
    rules_out: tuple[str, ...]
    yes: int  # what its confirmed indicators bring, as a mask (see _Book)


class _Book:
    """The parts of one loaded document the engine reads on every assessment, worked out once.

    What an indicator brings to the decision features is one int, a bit mask, and a set of evidence
    is the OR of its indicators' masks; from low bits to high: the level and the urgency rank as
    thermometer codes (level 3 sets three bits, so the OR of two levels is the higher one), the tags
    and routes the tables read, the domains at level 2 or above, those at level 3 or above, the sides
    (child, parenting, family) of the latter, the neglect indicators at level 2 or above (one bit
    each, so that several signs of neglect count as several), and last the questions the indicator's
    category and tags make askable (ask_when). Adding what a question's "yes" brings is then one OR, and whether it
    changes anything the tables read is one comparison."""

    def __init__(self, doc: ThresholdDocument) -> None:
        decisions = doc.decisions
        read_tags, read_routes = decisions.read_tags, decisions.read_routes
        indicators = list(doc.indicators.values())
        self.doc = doc
        self.doc_id, self.doc_version = doc.id, doc.version
        tags = sorted({t for i in indicators for t in i.tags if read_tags is None or t in read_tags})
        routes = sorted(
            {r.value for i in indicators for r in i.routes if read_routes is None or r.value in read_routes}
        )
        domains = sorted({i.domain for i in indicators})
        sides = sorted({d.split(".", 1)[0] for d in domains})
        neglect = sorted(i.id for i in indicators if i.category == NEGLECT and i.level >= 2)
        questions = list(doc.questions.values())
        offset = 0

        def span(names: list[str]) -> tuple[int, dict[str, int]]:
            nonlocal offset
            start, offset = offset, offset + len(names)
            return start, {name: 1 << (start + n) for n, name in enumerate(names)}

        self.level_at, _ = span(["1", "2", "3", "4"])
        self.rank_at, _ = span(["0", "1", "2"])
        (self.tags_at, tag_bit), (self.routes_at, route_bit) = span(tags), span(routes)
        (self.l2_at, l2_bit), (self.l3_at, l3_bit), (self.sides_at, side_bit), (self.neglect_at, neglect_bit) = (
            span(domains),
            span(domains),
            span(sides),
            span(neglect),
        )
        self.questions_at = offset
        self.key_bits = (1 << offset) - 1  # all but the questions: what the features are made of
        self.tag_names, self.route_names = tags, routes
        self.tags_mask, self.routes_mask = (1 << len(tags)) - 1, (1 << len(routes)) - 1
        self.l2_mask, self.sides_mask = (1 << len(domains)) - 1, (1 << len(sides)) - 1
        self.neglect_mask = (1 << len(neglect)) - 1
        self.tag_sets: dict[int, frozenset[str]] = {}  # tag bits -> the set the tables read, as met
        self.route_sets: dict[int, frozenset[str]] = {}
        self.nothing = self._thermometer(1, 0)  # no evidence: level 1, standard
        self.features = self._features()

        self.masks: dict[str, int] = {}
        for indicator in indicators:
            mask = self._thermometer(indicator.level, indicator.urgency.rank)
            mask |= _bits(tag_bit, indicator.tags) | _bits(route_bit, (r.value for r in indicator.routes))
            if indicator.level >= 2:
                mask |= l2_bit[indicator.domain]
            if indicator.level >= 3:
                mask |= l3_bit[indicator.domain] | side_bit[indicator.domain.split(".", 1)[0]]
            mask |= neglect_bit.get(indicator.id, 0)
            present = {*indicator.tags, indicator.category}
            for order, question in enumerate(questions):
                if present.intersection(question.ask_when):
                    mask |= 1 << (self.questions_at + order)
            self.masks[indicator.id] = mask
        # Most serious first (level, then urgency, then id): the evidence sorts on an int.
        self.position = {
            indicator.id: position for position, indicator in enumerate(sorted(indicators, key=_indicator_order))
        }
        # A ticked indicator's evidence is the same every time (and immutable): made once; so is a "yes".
        self.ticked = {
            indicator.id: Evidence(indicator, "ticked by the reporter", "ticked") for indicator in indicators
        }
        self.answered = {
            question.id: tuple(
                Evidence(doc.indicators[i], f"answered yes: {question.text.professional}", "answer")
                for i in question.confirms
            )
            for question in questions
        }
        self.plans = tuple(
            _Plan(
                order=order,
                id=question.id,
                kind=0 if question.always_first else 1 if question.standing or question.screening else 2,
                confirms=frozenset(question.confirms),
                rules_out=tuple(question.rules_out),
                yes=_bits(self.masks, question.confirms),
            )
            for order, question in enumerate(questions)
        )
        # Questions that may be asked whatever the case holds, as bits above questions_at, and those
        # asked only while words were given and nothing is a concern yet.
        question_bit = {q.id: 1 << (self.questions_at + n) for n, q in enumerate(questions)}
        self.always = _bits(
            question_bit,
            (q.id for q in questions if q.always_first or q.standing or not (q.ask_when or q.screening)),
        )
        self.screening = _bits(question_bit, (q.id for q in questions if q.screening))
        self.screening_ids = frozenset(q.id for q in questions if q.screening)

        # The response's words, per audience (by its value): what an indicator, a route, a level,
        # a question and the consent advice read as.
        readers = [audience.value for audience in Audience]
        self.matched = {
            audience.value: {
                indicator.id: {
                    "id": indicator.id,
                    "level": indicator.level,
                    "category": indicator.category,
                    "domain": indicator.domain,
                    "description": _wording(indicator, audience),
                    "evidence": "ticked by the reporter",  # a ticked indicator's, see self.ticked
                    "source": _cite(indicator),
                    "start": None,
                    "end": None,
                    "confidence": 1.0,
                }
                for indicator in indicators
            }
            for audience in Audience
        }
        self.seen = {
            audience.value: {
                indicator.id: f"{_wording(indicator, audience)} (level {indicator.level})" for indicator in indicators
            }
            for audience in Audience
        }
        self.level_names = {number: level.name for number, level in doc.levels.items()}
        self.level_heads = {
            audience.value: {
                number: f"Level {number}, {level.name}: "
                + (level.professional if audience is Audience.professional else level.plain)
                for number, level in doc.levels.items()
            }
            for audience in Audience
        }
        self.route_out = {
            audience.value: {route: _route_fields(doc, route, audience) for route in doc.routes}
            for audience in Audience
        }
        self.questions = {reader: {q.id: getattr(q.text, reader) for q in questions} for reader in readers}
        self.consent = {
            i.id: (doc.categories[i.category].consent.value, doc.categories[i.category].consent_reason)
            for i in indicators
        }
        self.consent_text = {
            reader: {advice.value: getattr(text, reader) for advice, text in doc.meta.consent_text.items()}
            for reader in readers
        }

    def _thermometer(self, level: int, rank: int) -> int:
        return ((1 << level) - 1) << self.level_at | ((1 << (rank + 1)) - 1) << self.rank_at

    def mask(self, evidence: Iterable[str]) -> int:
        """The OR of the masks of these indicators (a dict of evidence gives its indicator ids)."""
        masks, mask = self.masks, self.nothing
        for indicator_id in evidence:
            mask |= masks[indicator_id]
        return mask

    def _features(self) -> Callable[[int], tuple]:
        """features(mask): the indicator part of the key (see _prefix for the rest), only what the
        tables read, so equal facts share one verdict. A closure: it runs several times a case."""
        level_at, rank_at, tags_at, routes_at = self.level_at, self.rank_at, self.tags_at, self.routes_at
        l2_at, l3_at, sides_at, neglect_at, neglect_mask = (
            self.l2_at,
            self.l3_at,
            self.sides_at,
            self.neglect_at,
            self.neglect_mask,
        )
        tags_mask, routes_mask, domains_mask, sides_mask = (
            self.tags_mask,
            self.routes_mask,
            self.l2_mask,
            self.sides_mask,
        )
        tag_sets, route_sets, tag_names, route_names = self.tag_sets, self.route_sets, self.tag_names, self.route_names
        decoded, urgency = self._decoded, _VALUE_BY_RANK

        def features(mask: int) -> tuple:
            tag_bits = (mask >> tags_at) & tags_mask
            tags = tag_sets.get(tag_bits)
            if tags is None:
                tags = decoded(tag_sets, tag_names, tag_bits)
            route_bits = (mask >> routes_at) & routes_mask
            routes = route_sets.get(route_bits)
            if routes is None:
                routes = decoded(route_sets, route_names, route_bits)
            return (
                tags,
                ((mask >> level_at) & 15).bit_length(),
                ((mask >> l2_at) & domains_mask).bit_count(),
                ((mask >> l3_at) & domains_mask).bit_count(),
                ((mask >> sides_at) & sides_mask).bit_count(),
                ((mask >> neglect_at) & neglect_mask).bit_count(),
                urgency[((mask >> rank_at) & 7).bit_length() - 1],
                routes,
            )

        return features

    @staticmethod
    def _decoded(sets: dict[int, frozenset[str]], names: list[str], bits: int) -> frozenset[str]:
        # One frozenset per combination met, so a key's sets are shared and their hashes kept; the
        # combinations are few, but a bound keeps a stream of odd requests from growing it for ever.
        if len(sets) >= 4096:
            sets.clear()
        found = sets[bits] = frozenset(name for n, name in enumerate(names) if bits >> n & 1)
        return found

    def sum(self, evidence: dict[str, Evidence]) -> _Sum:
        mask = self.mask(evidence)
        return _Sum(mask, self.features(mask))


def _bits(bit: dict[str, int], names: Iterable[str]) -> int:
    found = 0
    for name in names:
        found |= bit.get(name, 0)
    return found


def _indicator_order(indicator: Indicator) -> tuple[int, int, str]:
    return (-indicator.level, -indicator.urgency.rank, indicator.id)


def _book(doc: ThresholdDocument) -> _Book:
    # Kept on the document itself, so a reloaded document (or a local one sharing its parent's
    # tables) gets its own; the dataclass is frozen, hence object.__setattr__.
    book = doc.__dict__.get("_engine_book")
    if book is None:
        book = _Book(doc)
        object.__setattr__(doc, "_engine_book", book)
    return book


_NO_CHANGE = (0, 0, 0)
# Said, by reader, when words were given and nothing in them, the ticks or the answers is a concern.
NOT_MATCHED = {
    "professional": (
        "Nothing in the words used matched a sign of need in this guidance. That is not a finding that the"
        " child is safe: if you suspect the child is suffering or likely to suffer significant harm, refer"
        " to the front door anyway."
    ),
    "public": (
        "I could not match what you told me to the signs of need in this guidance. That does not mean the"
        " child is safe: if you think the child is being harmed, tell children's services anyway."
    ),
    "child": (
        "I could not understand everything you told me, and that does not mean you are safe. Please tell"
        " a grown-up you trust, or Childline."
    ),
}


def _questions(
    doc: ThresholdDocument,
    book: _Book,
    evidence: dict[str, Evidence],
    mask: int,
    answers: dict[str, bool | None],
    prefix: tuple,
    outcome: Outcome,
    reader: str,
    analysed: bool,
) -> list[QuestionOut]:
    """The questions whose answer could change the outcome, the biggest possible change first.

    A question's "yes" adds its indicators' bits to the case's mask; where that adds nothing the
    tables read (every set already holds them, the level and urgency are already as high) the
    features, hence the verdict, are the case's own, so no what-if decision is run for it."""
    decisions = doc.decisions
    key_bits = book.key_bits
    base = mask & key_bits
    rank, level, route_values = outcome.rank, outcome.level, outcome.route_values
    ranked: list[tuple[int, int, int, int, int, str]] = []
    # Only a "no" to what the text suggested can remove evidence; facts alone hold none.
    text = analysed and any(item.origin == "text" for item in evidence.values())
    plans, features = book.plans, book.features
    # The askable questions as bits, lowest first: visited in the document's order. Words that gave
    # nothing the guidance names are no sign that all is well: the analyser misses wording it has
    # not met, so the screening questions ask about each kind of harm in turn until one is a concern.
    askable = (mask >> book.questions_at) | (book.always >> book.questions_at)
    if analysed and not evidence:
        askable |= book.screening >> book.questions_at
    while askable:
        low = askable & -askable
        askable ^= low
        order, question_id, kind, confirms, rules_out, yes = plans[low.bit_length() - 1]
        if question_id in answers:
            continue
        if kind != 2:
            if not evidence.keys() >= confirms:  # a "yes" would add something
                ranked.append((kind, 0, 0, 0, order, question_id))
            continue
        best = _NO_CHANGE
        both = mask | yes
        if both & key_bits != base:
            other_rank, other_level, other_routes = _verdict(decisions, prefix + features(both))
            best = (abs(other_rank - rank), abs(other_level - level), len(other_routes ^ route_values))
        if text and rules_out:
            removable = [i for i in rules_out if i in evidence and evidence[i].origin == "text"]
            if removable:
                kept = [key for key in evidence if key not in removable]
                key = prefix + features(book.mask(kept))
                if key != prefix + features(mask):  # equal features are an equal verdict: nothing to run
                    other_rank, other_level, other_routes = _verdict(decisions, key)
                    change = (abs(other_rank - rank), abs(other_level - level), len(other_routes ^ route_values))
                    best = max(best, change)
        if best > _NO_CHANGE:
            ranked.append((2, -best[0], -best[1], -best[2], order, question_id))
    ranked.sort()
    texts, screening = book.questions[reader], book.screening_ids
    return [
        _built(QuestionOut, {"id": item[5], "text": texts[item[5]], "screening": item[5] in screening})
        for item in ranked[:MAX_QUESTIONS]
    ]
