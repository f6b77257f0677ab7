import json
import shutil
from pathlib import Path

import pytest
import yaml

from knowledge.cli import SCHEMA_DIR, schemas
from knowledge.errors import DocumentError, UnknownDocument
from knowledge.loader import DOCUMENTS_DIR, available_documents, load_document, read_document
from knowledge.schema import Route


@pytest.fixture
def england_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "england"
    shutil.copytree(DOCUMENTS_DIR / "england", folder)
    return folder


def edit_yaml(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text())
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False))


@pytest.mark.parametrize("document_id", available_documents())
def test_every_shipped_document_loads_with_all_levels_routes_and_standing_questions(document_id):
    doc = load_document(document_id)
    assert sorted(doc.levels) == [1, 2, 3, 4]
    assert set(doc.routes) == set(Route)
    assert {"immediate_danger", "concern_is_about_adult_working_with_children"} <= set(doc.questions)
    for level in doc.levels.values():
        assert level.professional and level.plain
    assert {"front_door", "out_of_hours", "lado", "police_non_emergency", "nspcc", "childline"} <= set(doc.contacts)
    assert doc.contacts["nspcc"].phone == "0808 800 5000"
    assert doc.contacts["childline"].phone == "0800 1111"


def test_at_least_two_documents_ship_and_the_local_one_differs():
    assert {"england", "set"} <= set(available_documents())
    england, local = load_document("england"), load_document("set")
    assert [level.name for level in england.levels.values()] != [level.name for level in local.levels.values()]
    assert england.contacts["front_door"] != local.contacts["front_door"]
    assert england.decisions.tables["level"].content != local.decisions.tables["level"].content


def test_a_misspelt_field_names_the_file_the_entry_and_the_field(england_copy):
    path = next((england_copy / "indicators").glob("*.yml"))
    entries = yaml.safe_load(path.read_text())
    entries[0]["levle"] = 3
    path.write_text(yaml.safe_dump(entries, sort_keys=False))
    with pytest.raises(DocumentError) as caught:
        read_document(england_copy)
    message = str(caught.value)
    assert str(path) in message and f"entry 1 ({entries[0]['id']})" in message and "field levle" in message


def test_a_wrong_value_names_the_field(england_copy):
    path = england_copy / "indicators" / "core.yml"
    edit_yaml(path, lambda entries: entries[0].update(level=7))
    with pytest.raises(DocumentError, match=r"core\.yml: entry 1 \(in_danger_now\): field level"):
        read_document(england_copy)


def test_an_unknown_category_is_named(england_copy):
    edit_yaml(england_copy / "indicators" / "core.yml", lambda entries: entries[0].update(category="nonsense"))
    with pytest.raises(DocumentError, match="in_danger_now: field category: unknown 'nonsense'"):
        read_document(england_copy)


def test_an_unknown_pre_birth_reading_is_named(england_copy):
    edit_yaml(england_copy / "indicators" / "core.yml", lambda entries: entries[0].update(in_pregnancy="nonsense"))
    with pytest.raises(DocumentError, match="in_danger_now: field in_pregnancy: unknown indicator 'nonsense'"):
        read_document(england_copy)


def test_an_unknown_parent_reading_is_named(england_copy):
    edit_yaml(england_copy / "indicators" / "core.yml", lambda entries: entries[0].update(of_a_parent="nonsense"))
    with pytest.raises(DocumentError, match="in_danger_now: field of_a_parent: unknown indicator 'nonsense'"):
        read_document(england_copy)


def test_an_unknown_once_treated_reading_is_named(england_copy):
    edit_yaml(england_copy / "indicators" / "core.yml", lambda entries: entries[0].update(once_treated="nonsense"))
    with pytest.raises(DocumentError, match="in_danger_now: field once_treated: unknown indicator 'nonsense'"):
        read_document(england_copy)


def test_an_unknown_family_reading_is_named(england_copy):
    edit_yaml(england_copy / "indicators" / "core.yml", lambda entries: entries[0].update(for_a_family="nonsense"))
    with pytest.raises(DocumentError, match="in_danger_now: field for_a_family: unknown indicator 'nonsense'"):
        read_document(england_copy)


def test_a_duplicated_indicator_id_is_refused(england_copy):
    path = england_copy / "indicators" / "core.yml"
    edit_yaml(path, lambda entries: entries.append(dict(entries[0])))
    with pytest.raises(DocumentError, match="field id: 'in_danger_now' is already defined"):
        read_document(england_copy)


def test_a_question_confirming_an_unknown_indicator_is_refused(england_copy):
    edit_yaml(england_copy / "questions" / "core.yml", lambda qs: qs[0].update(confirms=["no_such_indicator"]))
    with pytest.raises(DocumentError, match="immediate_danger: field confirms: unknown indicator 'no_such_indicator'"):
        read_document(england_copy)


def test_a_screening_question_with_a_condition_is_refused(england_copy):
    def conditional(questions):
        screen = next(q for q in questions if q.get("screening"))
        screen["ask_when"] = ["neglect"]

    edit_yaml(england_copy / "questions" / "core.yml", conditional)
    with pytest.raises(DocumentError, match="a screening question has no ask_when, standing or always_first"):
        read_document(england_copy)


def test_broken_yaml_is_reported_with_its_file(england_copy):
    (england_copy / "questions" / "core.yml").write_text("- id: [unclosed\n")
    with pytest.raises(DocumentError, match=r"core\.yml: not valid YAML"):
        read_document(england_copy)


def test_a_decision_table_must_collect_and_write_tests_with_dollar(england_copy):
    path = england_copy / "decisions.jdm.json"
    graph = json.loads(path.read_text())
    table = next(node for node in graph["nodes"] if node.get("name") == "level")
    table["content"]["rules"][1]["in_dims_l2"] = ">= 3"
    path.write_text(json.dumps(graph))
    with pytest.raises(
        DocumentError, match=r"table level rule accumulated_needs: field dims_l2: write the test with \$"
    ):
        read_document(england_copy)
    table["content"]["rules"][1]["in_dims_l2"] = "$ >= 3"
    table["content"]["hitPolicy"] = "first"
    path.write_text(json.dumps(graph))
    with pytest.raises(DocumentError, match="field hitPolicy: must be 'collect'"):
        read_document(england_copy)


def test_an_unknown_document_is_a_clear_error():
    with pytest.raises(UnknownDocument, match="no threshold document"):
        load_document("atlantis")


def test_the_published_json_schemas_match_the_models():
    for name, schema in schemas().items():
        assert json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text()) == schema, (
            f"{name}.schema.json is stale: run python -m knowledge schema"
        )


def test_a_table_column_must_read_a_fact_the_engine_gives(england_copy):
    path = england_copy / "decisions.jdm.json"
    graph = json.loads(path.read_text())
    table = next(node for node in graph["nodes"] if node.get("name") == "urgency")
    table["content"]["inputs"][0]["field"] = "postcode"
    path.write_text(json.dumps(graph))
    with pytest.raises(DocumentError, match="field postcode: not a fact the engine gives"):
        read_document(england_copy)
