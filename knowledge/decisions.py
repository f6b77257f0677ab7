"""Decision tables in GoRules JDM format, evaluated with zen-engine's expression language.

A document's decisions.jdm.json is a JDM graph that the GoRules editor opens: one decision table
per question the engine asks of the facts (`level`, `urgency`, `routes`), each with the `collect`
hit policy so that every rule that applies is reported, never just the first (row order cannot hide
a rule). Every cell is a zen expression in which `$` stands for the column's field, and every row
names its reason and the guidance behind it.

zen's whole-graph evaluation costs about 200 µs a call from Python; the engine needs far less, so
each table is compiled once into a single zen expression that returns which rows hold. zen still
parses and evaluates every cell; tests/knowledge/test_decisions.py checks that this gives the same
rows as zen's own evaluation of each table.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import zen

from knowledge.errors import DocumentError

TABLE_ORDER = ("level", "urgency", "routes")
# The facts the engine gives the tables (knowledge/engine.py); a column may read these, or
# answers.<question id>. level and urgency are the level and urgency tables' verdicts, for the tables after them.
FEATURES = frozenset(
    {
        "role", "age", "involved", "tags", "level_max", "dims_l2", "dims_l3", "sides_l3",
        "indicator_urgency", "indicator_routes", "level", "urgency",
    }
)  # fmt: skip
_STRING = re.compile(r"'[^']*'|\"[^\"]*\"")


@dataclass(frozen=True)
class Row:
    id: str
    index: int
    outputs: tuple[tuple[str, Any], ...]  # (field, compiled zen expression)
    description: str


@dataclass(frozen=True)
class Table:
    name: str
    rows: tuple[Row, ...]
    conditions: Any  # compiled zen expression returning one boolean per row
    content: dict  # the table node as written, for the equivalence test and the editor

    def evaluate(self, context_json: str) -> list[tuple[Row, dict[str, Any]]]:
        """Every row that holds, with its outputs, in row order."""
        return [
            (row, {name: expr.evaluate(context_json) for name, expr in row.outputs})
            for row, holds in zip(self.rows, self.conditions.evaluate(context_json), strict=True)
            if holds
        ]


@dataclass(frozen=True, eq=False)  # hashed by identity: the engine caches verdicts per loaded table set
class DecisionTables:
    tables: dict[str, Table]
    path: Path

    @property
    def answer_keys(self) -> frozenset[str]:
        """The question ids whose answers some table reads."""
        return self._answer_keys

    def __post_init__(self) -> None:
        fields = {column["field"] for table in self.tables.values() for column in table.content["inputs"]}
        keys = frozenset(field.split(".", 1)[1] for field in fields if field.startswith("answers."))
        object.__setattr__(self, "_answer_keys", keys)

    @classmethod
    def from_file(cls, path: Path) -> DecisionTables:
        try:
            graph = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as error:
            raise DocumentError(f"{path}: not valid JSON: {error}") from error
        try:
            zen.ZenEngine().create_decision(json.dumps(graph)).validate()
        except Exception as error:  # zen raises its own RuntimeError subclasses
            raise DocumentError(f"{path}: zen-engine rejects the graph: {error}") from error
        tables = {}
        for node in graph.get("nodes", []):
            if node.get("type") == "decisionTableNode":
                tables[node["name"]] = _compile_table(path, node)
        missing = [name for name in TABLE_ORDER if name not in tables]
        if missing:
            raise DocumentError(f"{path}: field nodes: missing decision tables {missing}")
        return cls(tables=tables, path=path)

    def check(self, route_ids: set[str], tags: frozenset[str], question_ids: set[str]) -> list[str]:
        """Cross-checks against the document: fields, tags and routes the rows name must exist."""
        problems = []
        for table in self.tables.values():
            for column in table.content["inputs"]:
                field = column["field"]
                known = field.split(".", 1)[1] in question_ids if field.startswith("answers.") else field in FEATURES
                if not known:
                    problems.append(
                        f"{self.path}: {table.name} column {column['id']}: field {field}: not a fact the engine gives"
                    )
            tag_columns = [column["id"] for column in table.content["inputs"] if column["field"] == "tags"]
            for rule in table.content["rules"]:
                for column_id in tag_columns:
                    for tag in re.findall(r"contains\(\$,\s*'([a-z_]+)'\)", rule.get(column_id) or ""):
                        if tag not in tags:
                            problems.append(
                                f"{self.path}: {table.name} rule {rule['_id']}: tag '{tag}' is on no indicator"
                            )
        for row in self.tables["routes"].rows:
            for name, expr in row.outputs:
                if name == "route":
                    value = expr.evaluate({})
                    if value not in route_ids:
                        problems.append(f"{self.path}: routes rule {row.id}: field route: unknown route '{value}'")
        return problems


def _compile_table(path: Path, node: dict) -> Table:
    content = node["content"]
    where = f"{path}: table {node['name']}"
    if content.get("hitPolicy") != "collect":
        raise DocumentError(f"{where}: field hitPolicy: must be 'collect' so that no rule is hidden by row order")
    inputs = {column["id"]: column["field"] for column in content["inputs"]}
    outputs = {column["id"]: column["field"] for column in content["outputs"]}
    rows, conditions = [], []
    for index, rule in enumerate(content["rules"]):
        rule_id = rule.get("_id", f"#{index + 1}")
        parts = []
        for column_id, field in inputs.items():
            cell = (rule.get(column_id) or "").strip()
            if not cell:
                continue
            if "$" not in _STRING.sub("", cell):
                raise DocumentError(
                    f"{where} rule {rule_id}: field {field}: write the test with $ (e.g. '$ >= 3'), got {cell!r}"
                )
            parts.append("(" + _substitute(cell, field) + ")")
        condition = " and ".join(parts) or "true"
        _check_expression(where, rule_id, condition)
        compiled_outputs = []
        for column_id, field in outputs.items():
            cell = (rule.get(column_id) or "").strip()
            if cell:
                _check_expression(where, rule_id, cell)
                compiled_outputs.append((field, _Constant.of(cell) or zen.compile_expression(cell)))
        rows.append(Row(rule_id, index, tuple(compiled_outputs), rule.get("description", "")))
        conditions.append(condition)
    combined = zen.compile_expression("[" + ", ".join(conditions) + "]")
    return Table(name=node["name"], rows=tuple(rows), conditions=combined, content=content)


@dataclass(frozen=True)
class _Constant:
    """An output cell that is a plain literal: evaluated once when the table loads, not per call."""

    value: Any

    @classmethod
    def of(cls, cell: str) -> _Constant | None:
        try:
            return cls(json.loads(cell))
        except ValueError:
            return None

    def evaluate(self, _context: Any = None) -> Any:
        return self.value


def _substitute(cell: str, field: str) -> str:
    """Replace `$` by the column's field everywhere outside string literals."""
    pieces, last = [], 0
    for literal in _STRING.finditer(cell):
        pieces.append(cell[last : literal.start()].replace("$", field))
        pieces.append(literal.group())
        last = literal.end()
    pieces.append(cell[last:].replace("$", field))
    return "".join(pieces)


def _check_expression(where: str, rule_id: str, expression: str) -> None:
    problem = zen.validate_expression(expression)
    if problem:
        raise DocumentError(f"{where} rule {rule_id}: {problem['type']} in {expression!r}: {problem['source']}")
