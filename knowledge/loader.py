"""Reads a threshold document from knowledge/documents/<id>/ and checks it before anyone relies on it.

A document is a folder: document.yml (levels, categories, domains, contacts, route advice),
indicators/*.yml and questions/*.yml (lists), decisions.jdm.json (the decision tables). A local
document may `extends:` another: it inherits every entry and replaces those it redefines by id, so an
area only writes what differs. Which document a deployment uses is configuration
(THRESHOLD_DOCUMENT), never code.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from knowledge.decisions import DecisionTables
from knowledge.errors import DocumentError, UnknownDocument, describe
from knowledge.schema import (
    Category,
    Contact,
    Document,
    Domain,
    Indicator,
    Level,
    Question,
    Route,
    RouteAdvice,
)

DOCUMENTS_DIR = Path(__file__).parent / "documents"
DEFAULT_DOCUMENT = "england"

M = TypeVar("M", bound=BaseModel)
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class ThresholdDocument:
    """A loaded, cross-checked document: everything the engine and analyser read, keyed by id."""

    meta: Document
    levels: MappingProxyType[int, Level]
    categories: MappingProxyType[str, Category]
    domains: MappingProxyType[str, Domain]
    indicators: MappingProxyType[str, Indicator]
    questions: MappingProxyType[str, Question]
    contacts: MappingProxyType[str, Contact]
    routes: MappingProxyType[Route, RouteAdvice]
    decisions: DecisionTables
    folder: Path
    tags: frozenset[str] = field(default=frozenset())

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def version(self) -> str:
        return self.meta.version


def default_document_id() -> str:
    return os.environ.get("THRESHOLD_DOCUMENT", DEFAULT_DOCUMENT)


def available_documents() -> list[str]:
    return sorted(p.name for p in DOCUMENTS_DIR.iterdir() if (p / "document.yml").is_file())


@cache
def load_document(document_id: str | None = None) -> ThresholdDocument:
    """Load and check a document once per process; later calls return the same object."""
    return read_document(DOCUMENTS_DIR / (document_id or default_document_id()))


def read_document(folder: Path) -> ThresholdDocument:
    """Read a document folder without caching (for checking a document being edited)."""
    if not (folder / "document.yml").is_file():
        raise UnknownDocument(f"no threshold document at {folder} (known: {', '.join(available_documents())})")
    meta = _validate(Document, read_yaml(folder / "document.yml"), folder / "document.yml")
    parent = read_document(folder.parent / meta.extends) if meta.extends else None

    levels = _merge(parent and parent.levels, meta.levels, key=lambda level: level.number)
    categories = _merge(parent and parent.categories, meta.categories, key=lambda c: c.id)
    domains = _merge(parent and parent.domains, meta.domains, key=lambda d: d.id)
    contacts = _merge(parent and parent.contacts, meta.contacts, key=lambda c: c.id)
    routes = _merge(parent and parent.routes, meta.routes, key=lambda r: r.route)
    indicators = _merge(parent and parent.indicators, _read_list(folder / "indicators", Indicator), key=lambda i: i.id)
    questions = _merge(parent and parent.questions, _read_list(folder / "questions", Question), key=lambda q: q.id)
    indicators = _apply_overrides(indicators, meta.indicator_overrides, folder / "document.yml")

    if parent is not None:
        # A local document keeps the parent's wording for what it does not redefine.
        meta = meta.model_copy(
            update={
                "next_steps": {**parent.meta.next_steps, **meta.next_steps},
                "consent_text": {**parent.meta.consent_text, **meta.consent_text},
                "response_times": meta.response_times or parent.meta.response_times,
            }
        )

    tables_file = folder / "decisions.jdm.json"
    if tables_file.is_file():
        decisions = DecisionTables.from_file(tables_file)
    elif parent is not None:
        decisions = parent.decisions
    else:
        raise DocumentError(f"{tables_file}: missing (every document needs decision tables, or must extend one)")

    document = ThresholdDocument(
        meta=meta,
        levels=MappingProxyType(levels),
        categories=MappingProxyType(categories),
        domains=MappingProxyType(domains),
        indicators=MappingProxyType(indicators),
        questions=MappingProxyType(questions),
        contacts=MappingProxyType(contacts),
        routes=MappingProxyType(routes),
        decisions=decisions,
        folder=folder,
        tags=frozenset(tag for indicator in indicators.values() for tag in indicator.tags),
    )
    _check_references(document)
    return document


def read_yaml(path: Path) -> Any:
    """A YAML file, read with the C loader where available (the corpus alone takes seconds in Python)."""
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=_YAML_LOADER)  # noqa: S506 - a safe loader, in C where available
    except yaml.YAMLError as error:
        raise DocumentError(f"{path}: not valid YAML: {error}") from error


def _validate(model: type[M], raw: Any, path: Path, entry: str | None = None) -> M:
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        raise describe(error, path, entry) from None


def _read_list(folder: Path, model: type[M]) -> list[M]:
    items: list[M] = []
    seen: dict[str, Path] = {}
    for path in sorted(folder.glob("*.yml")):
        raw = read_yaml(path) or []
        if not isinstance(raw, list):
            raise DocumentError(f"{path}: must be a list of entries")
        for index, entry in enumerate(raw):
            label = (
                f"entry {index + 1} ({entry.get('id', 'no id')})" if isinstance(entry, dict) else f"entry {index + 1}"
            )
            item = _validate(model, entry, path, label)
            item_id = item.id  # type: ignore[attr-defined]
            if item_id in seen:
                raise DocumentError(f"{path}: {label}: field id: '{item_id}' is already defined in {seen[item_id]}")
            seen[item_id] = path
            items.append(item)
    return items


def _merge(inherited: Any, own: Iterable[M], key) -> dict:
    merged = dict(inherited or {})
    for item in own:
        merged[key(item)] = item
    return merged


def _apply_overrides(indicators: dict[str, Indicator], overrides: dict[str, dict], path: Path) -> dict[str, Indicator]:
    for indicator_id, changes in overrides.items():
        if indicator_id not in indicators:
            raise DocumentError(f"{path}: indicator_overrides: field {indicator_id}: no such indicator")
        raw = indicators[indicator_id].model_dump(mode="json") | changes
        indicators[indicator_id] = _validate(Indicator, raw, path, f"indicator_overrides.{indicator_id}")
    return indicators


def _check_references(doc: ThresholdDocument) -> None:
    problems: list[str] = []
    where = doc.folder
    if sorted(doc.levels) != [1, 2, 3, 4]:
        problems.append(f"{where}/document.yml: field levels: needs exactly levels 1, 2, 3 and 4")
    for indicator in doc.indicators.values():
        if indicator.category not in doc.categories:
            problems.append(f"{where}/indicators: {indicator.id}: field category: unknown '{indicator.category}'")
        if indicator.domain not in doc.domains:
            problems.append(f"{where}/indicators: {indicator.id}: field domain: unknown '{indicator.domain}'")
        for name in ("in_pregnancy", "of_a_parent", "once_treated", "for_a_family"):
            other = getattr(indicator, name)
            if other is not None and other not in doc.indicators:
                problems.append(f"{where}/indicators: {indicator.id}: field {name}: unknown indicator '{other}'")
    askable = set(doc.categories) | set(doc.tags)
    for question in doc.questions.values():
        for name, ids in (("confirms", question.confirms), ("rules_out", question.rules_out)):
            for indicator_id in ids:
                if indicator_id not in doc.indicators:
                    problems.append(
                        f"{where}/questions: {question.id}: field {name}: unknown indicator '{indicator_id}'"
                    )
        for trigger in question.ask_when:
            if trigger not in askable:
                problems.append(f"{where}/questions: {question.id}: field ask_when: '{trigger}' is no category or tag")
    for required in ("immediate_danger", "concern_is_about_adult_working_with_children"):
        if required not in doc.questions:
            problems.append(f"{where}/questions: question '{required}' must exist")
    for advice in doc.routes.values():
        if advice.contact and advice.contact not in doc.contacts:
            problems.append(
                f"{where}/document.yml: routes.{advice.route.value}: field contact: unknown '{advice.contact}'"
            )
    missing_routes = set(Route) - set(doc.routes)
    if missing_routes:
        problems.append(f"{where}/document.yml: field routes: no advice for {sorted(r.value for r in missing_routes)}")
    problems.extend(
        doc.decisions.check(route_ids={r.value for r in Route}, tags=doc.tags, question_ids=set(doc.questions))
    )
    if problems:
        raise DocumentError("\n".join(problems))
