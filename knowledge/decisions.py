"""Decision tables in GoRules JDM format, evaluated in plain Python.

A document's decisions.jdm.json is a JDM graph that the GoRules editor opens: one decision table
per question the engine asks of the facts (`level`, `urgency`, `routes`), each with the `collect`
hit policy so that every rule that applies is reported, never just the first (row order cannot hide
a rule). Every cell is a zen expression in which `$` stands for the column's field, and every row
names its reason and the guidance behind it.

zen-engine validates the graph and every cell when a document loads, and stays the reference: the
documents use a small part of zen's language (comparisons, `and`/`or`/`not`, `contains`, `in [...]`,
`min([...])` and `+`), and each table is compiled once into one Python function of those cells, so a
decision costs microseconds rather than a zen call per table (the engine also compiles the three
tables of a set into one function, from the same cells: DecisionTables.conditions). A cell outside that part is refused
when the document loads. tests/knowledge/test_decisions.py checks on random facts that every table
of every document gives exactly the rows and outputs zen's own evaluation of the table gives.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
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
        "neglect_signs",
        "indicator_urgency", "indicator_routes", "level", "urgency",
    }
)  # fmt: skip
_STRING = re.compile(r"'[^']*'|\"[^\"]*\"")


@dataclass(frozen=True)
class Row:
    id: str
    index: int
    outputs: tuple[tuple[str, Any], ...]  # (field, _Constant or _Expression)
    description: str


@dataclass(frozen=True)
class Table:
    name: str
    rows: tuple[Row, ...]
    holds: Callable[[dict[str, Any]], list[int]]  # facts by field -> indices of the rows that hold
    content: dict  # the table node as written, for the equivalence test and the editor

    def output(self, field: str) -> tuple[Any, ...]:
        """Per row, the evaluator of one output field (None where the row leaves it empty)."""
        cache = self.__dict__.setdefault("_outputs", {})
        if field not in cache:
            cache[field] = tuple(dict(row.outputs).get(field) for row in self.rows)
        return cache[field]

    def __post_init__(self) -> None:
        # A row's trace entry is built once here: whole for a row whose outputs are all literals (the
        # same entry every time it fires), as a template to copy and fill in for the others.
        entries = []
        for row in self.rows:
            entry = {"table": self.name, "rule": row.id, "row": row.index + 1}
            dynamic = []
            for name, out in row.outputs:
                entry[name] = out.value if isinstance(out, _Constant) else None
                if not isinstance(out, _Constant):
                    dynamic.append((name, out.evaluate))
            entries.append((entry, tuple(dynamic)))
        object.__setattr__(self, "_entries", tuple(entries))

    def entry(self, index: int) -> dict[str, Any]:
        """Row `index`'s trace entry as fired() gives it: whole for a literal-only row (shared: read it,
        never change it), with None for each output that reads the facts otherwise."""
        return self._entries[index][0]

    def fired(self, facts: dict[str, Any]) -> list[dict[str, Any]]:
        """Every row that holds, in row order, as its trace entry: table, rule id, row number (from 1)
        and the row's outputs. Entries of literal-only rows are shared: read them, never change them."""
        entries = self._entries
        fired = []
        for index in self.holds(facts):
            entry, dynamic = entries[index]
            if dynamic:
                entry = entry.copy()  # keeps the outputs' order: a key set again stays where it was
                for name, evaluate in dynamic:
                    entry[name] = evaluate(facts)
            fired.append(entry)
        return fired

    def evaluate(self, facts: dict[str, Any]) -> list[tuple[Row, dict[str, Any]]]:
        """Every row that holds, with its outputs, in row order. `facts` maps each column's field
        (`answers.<id>` included, see flat_facts) to its value; a field left out is null."""
        rows = self.rows
        return [(rows[i], {name: expr.evaluate(facts) for name, expr in rows[i].outputs}) for i in self.holds(facts)]


def flat_facts(context: dict[str, Any]) -> dict[str, Any]:
    """A zen context ({"answers": {...}, ...}) as the compiled tables read it: one key per field."""
    facts = {key: value for key, value in context.items() if key != "answers"}
    for key, value in (context.get("answers") or {}).items():
        facts[f"answers.{key}"] = value
    return facts


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
        object.__setattr__(self, "read_tags", self._tested("tags"))
        object.__setattr__(self, "read_routes", self._tested("indicator_routes"))

    def _tested(self, field: str) -> frozenset[str] | None:
        """The values a set-valued field is only ever tested for with `contains($, 'x')`, or None when
        some cell reads the field any other way (then the engine must give the whole set)."""
        found: set[str] = set()
        name = re.compile(rf"(?<![\w.]){re.escape(field)}(?![\w.])")
        for table in self.tables.values():
            for column in table.content["inputs"]:
                for rule in table.content["rules"]:
                    cell = rule.get(column["id"]) or ""
                    bare = _STRING.sub("''", cell)
                    if column["field"] == field:
                        found.update(re.findall(r"contains\(\$,\s*'([^']*)'\)", cell))
                        if "$" in re.sub(r"contains\(\$,\s*''\)", "", bare):
                            return None
                    if name.search(bare):
                        return None
            for row in table.rows:
                for _, expr in row.outputs:
                    if isinstance(expr, _Expression) and name.search(_STRING.sub("''", expr.source)):
                        return None
        return frozenset(found)

    def conditions(self, fields: dict[str, str]) -> dict[str, tuple[str, ...]]:
        """Every table's row conditions as Python expressions over one set of locals, named in
        `fields` (field -> name, filled in as met): for code that runs the tables in one function.
        The cells were checked when the tables loaded."""
        found = {}
        for name, table in self.tables.items():
            inputs = {column["id"]: column["field"] for column in table.content["inputs"]}
            found[name] = tuple(
                _condition(f"{self.path}: table {name}", rule.get("_id", f"#{index + 1}"), rule, inputs, fields)
                for index, rule in enumerate(table.content["rules"])
            )
        return found

    def expression(self, cell: str, fields: dict[str, str]) -> str:
        """An output cell (an _Expression's source) as a Python expression over the same locals."""
        return _Cell(cell, fields, dollar=None).compile(f"{self.path}: output {cell!r}")

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
    fields: dict[str, str] = {}  # field -> local name in the compiled function
    rows, conditions = [], []
    for index, rule in enumerate(content["rules"]):
        rule_id = rule.get("_id", f"#{index + 1}")
        rows_condition = _condition(where, rule_id, rule, inputs, fields, check=True)
        compiled_outputs = []
        for column_id, field in outputs.items():
            cell = (rule.get(column_id) or "").strip()
            if cell:
                _check_expression(where, rule_id, cell)
                compiled_outputs.append(
                    (
                        field,
                        _Constant.of(cell) or _Expression.of(cell, f"{where} rule {rule_id}: field {field}").folded(),
                    )
                )
        rows.append(Row(rule_id, index, tuple(compiled_outputs), rule.get("description", "")))
        conditions.append(rows_condition)
    lines = ["def holds(_f):"]
    lines += [f"    {name} = _f.get({field!r})" for field, name in fields.items()]
    lines.append("    _r = []")
    for index, condition in enumerate(conditions):
        # As in zen's tables, a cell that cannot be evaluated (null < 13) means the row does not hold.
        lines += [
            "    try:",
            f"        if {condition}:",
            f"            _r.append({index})",
            "    except TypeError:",
            "        pass",
        ]
    lines.append("    return _r")
    return Table(name=node["name"], rows=tuple(rows), holds=_define("\n".join(lines), "holds"), content=content)


def _condition(
    where: str, rule_id: str, rule: dict, inputs: dict[str, str], fields: dict[str, str], check: bool = False
) -> str:
    """A row's input cells as one Python condition over locals named in `fields` (field -> name,
    filled in as met); `check` refuses a cell zen would not read the same way."""
    parts = []
    for column_id, field in inputs.items():
        cell = (rule.get(column_id) or "").strip()
        if not cell:
            continue
        if check:
            if "$" not in _STRING.sub("", cell):
                raise DocumentError(
                    f"{where} rule {rule_id}: field {field}: write the test with $ (e.g. '$ >= 3'), got {cell!r}"
                )
            _check_expression(where, rule_id, _substitute(cell, field))
        parts.append(_Cell(cell, fields, dollar=field).compile(f"{where} rule {rule_id}: field {field}"))
    return " and ".join(parts) or "True"


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

    def evaluate(self, _facts: Any = None) -> Any:
        return self.value


@dataclass(frozen=True)
class _Expression:
    """An output cell that reads the facts (e.g. `min([level_max + 1, 4])`), compiled to Python."""

    source: str
    evaluate: Callable[[dict[str, Any]], Any]
    reads_facts: bool = True

    @classmethod
    def of(cls, cell: str, where: str) -> _Expression:
        fields: dict[str, str] = {}
        body = _Cell(cell, fields, dollar=None).compile(where)
        lines = ["def evaluate(_f):"]
        lines += [f"    {name} = _f.get({field!r})" for field, name in fields.items()]
        lines.append(f"    return _number({body})")
        return cls(cell, _define("\n".join(lines), "evaluate"), reads_facts=bool(fields))

    def folded(self) -> _Constant | _Expression:
        """A cell that reads no fact (`''`, `1 + 1`) has one value: worked out once, as a literal's is."""
        if self.reads_facts:
            return self
        try:
            return _Constant(self.evaluate({}))
        except Exception:  # noqa: BLE001 - a cell that fails keeps failing where the row fires, as before
            return self


def _number(value: Any) -> Any:
    # zen's numbers are decimals; a decision's outputs give a whole one back as an int.
    return int(value) if type(value) is float and value.is_integer() else value


def _define(source: str, name: str, names: dict[str, Any] | None = None) -> Callable:
    namespace: dict[str, Any] = {"_number": _number, **(names or {})}
    exec(compile(source, "<decision table>", "exec"), namespace)  # noqa: S102 - source built from parsed cells only
    return namespace[name]


_TOKEN = re.compile(
    r"\s*(?:(?P<string>'[^']*'|\"[^\"]*\")|(?P<number>\d+(?:\.\d+)?)"
    r"|(?P<name>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*|\$)"
    r"|(?P<op>==|!=|<=|>=|<|>|\+|-|\(|\)|\[|\]|,))"
)
_COMPARISONS = {"==", "!=", "<", "<=", ">", ">="}
_LITERALS = {"true": "True", "false": "False", "null": "None"}
_FUNCTIONS = {"contains", "min", "max"}


class _Cell:
    """Parses one cell of the part of zen's language the documents use and writes it as Python.

    or := and ('or' and)*; and := not ('and' not)*; not := 'not' not | compare;
    compare := sum (('==' | '!=' | '<' | '<=' | '>' | '>=' | 'in') sum)?; sum := atom (('+' | '-') atom)*;
    atom := number | string | true | false | null | field | '$' | '(' or ')' | '[' list ']'
          | contains(a, b) | min([...]) | max([...])
    Semantics follow zen: `== null` and `== true` are identity tests, `contains(list, x)` is membership
    (a substring test on strings), a missing field is null. A cell that cannot be evaluated (`null < 13`, `contains(null, 'x')`) fails its row, as in zen's tables.
    """

    def __init__(self, cell: str, fields: dict[str, str], dollar: str | None) -> None:
        self.cell, self.fields, self.dollar = cell, fields, dollar
        self.tokens: list[tuple[str, str]] = []
        position = 0
        while position < len(cell.rstrip()):
            match = _TOKEN.match(cell, position)
            if not match or match.end() == position:
                raise self._refuse(f"unexpected text at {cell[position:]!r}")
            kind = match.lastgroup or ""
            self.tokens.append((kind, match.group(kind)))
            position = match.end()
        self.position = 0

    def _refuse(self, why: str) -> DocumentError:
        return DocumentError(f"{{where}}: {why} in {self.cell!r} (the engine evaluates a part of zen's language only)")

    def compile(self, where: str) -> str:
        try:
            code = self._or()
            if self.position != len(self.tokens):
                raise self._refuse(f"unexpected {self.tokens[self.position][1]!r}")
        except DocumentError as error:
            raise DocumentError(str(error).replace("{where}", where)) from None
        return code

    def _peek(self) -> str | None:
        return self.tokens[self.position][1] if self.position < len(self.tokens) else None

    def _take(self, expected: str | None = None) -> tuple[str, str]:
        if self.position >= len(self.tokens):
            raise self._refuse("unexpected end")
        token = self.tokens[self.position]
        if expected is not None and token[1] != expected:
            raise self._refuse(f"expected {expected!r}, got {token[1]!r}")
        self.position += 1
        return token

    def _or(self) -> str:
        parts = [self._and()]
        while self._peek() == "or":
            self._take()
            parts.append(self._and())
        return parts[0] if len(parts) == 1 else "(" + " or ".join(parts) + ")"

    def _and(self) -> str:
        parts = [self._not()]
        while self._peek() == "and":
            self._take()
            parts.append(self._not())
        return parts[0] if len(parts) == 1 else "(" + " and ".join(parts) + ")"

    def _not(self) -> str:
        if self._peek() == "not":
            self._take()
            return f"(not {self._not()})"
        return self._compare()

    def _compare(self) -> str:
        left = self._sum()
        op = self._peek()
        if op in _COMPARISONS:
            self._take()
            right = self._sum()
            if op in ("==", "!=") and (left in _LITERALS.values() or right in _LITERALS.values()):
                return f"({left} {'is' if op == '==' else 'is not'} {right})"
            return f"({left} {op} {right})"
        if op == "in":
            self._take()
            return f"({left} in {self._sum()})"
        return left

    def _sum(self) -> str:
        code = self._atom()
        while self._peek() in ("+", "-"):
            op = self._take()[1]
            code = f"({code} {op} {self._atom()})"
        return code

    def _atom(self) -> str:
        kind, text = self._take()
        if kind == "number" or kind == "string":
            return repr(json.loads(text) if kind == "number" else text[1:-1])
        if text == "-":
            return f"(-{self._atom()})"
        if text == "(":
            code = self._or()
            self._take(")")
            return code
        if text == "[":
            items = []
            while self._peek() != "]":
                items.append(self._or())
                if self._peek() != "]":
                    self._take(",")
            self._take("]")
            return "(" + "".join(f"{item}, " for item in items) + ")"
        if kind != "name":
            raise self._refuse(f"unexpected {text!r}")
        if text in _LITERALS:
            return _LITERALS[text]
        if self._peek() == "(":
            if text not in _FUNCTIONS:
                raise self._refuse(f"function {text}() not supported")
            self._take("(")
            args = [self._or()]
            while self._peek() == ",":
                self._take()
                args.append(self._or())
            self._take(")")
            if text == "contains" and len(args) == 2:
                return f"({args[1]} in {args[0]})"
            if text in ("min", "max") and len(args) == 1:
                return f"{text}({args[0]})"
            raise self._refuse(f"{text}() with {len(args)} arguments")
        if text in ("and", "or", "not", "in"):
            raise self._refuse(f"unexpected {text!r}")
        field = self.dollar if text == "$" else text
        if field is None:
            raise self._refuse("$ outside an input cell")
        return self.fields.setdefault(field, f"v{len(self.fields)}")


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
