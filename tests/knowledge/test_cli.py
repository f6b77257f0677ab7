import json
import subprocess
import sys

from knowledge.contract import AssessmentResponse


def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "knowledge", *args], input=stdin, capture_output=True, text=True)


def test_assess_prints_the_contract_response_for_a_json_case(tmp_path):
    case = tmp_path / "case.json"
    case.write_text(
        json.dumps({"reporter_role": "teacher", "child_age_years": 7, "answers": {"immediate_danger": True}})
    )
    result = cli("assess", str(case))
    assert result.returncode == 0, result.stderr
    response = AssessmentResponse.model_validate_json(result.stdout)
    assert response.urgency.value == "emergency"
    assert response.threshold_document.id == "england"


def test_assess_reads_standard_input_and_honours_the_named_document():
    result = cli("assess", "-", stdin=json.dumps({"reporter_role": "public", "threshold_document": "set"}))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["threshold_document"]["id"] == "set"


def test_bad_input_names_the_field_and_fails():
    result = cli("assess", "-", stdin=json.dumps({"reporter_role": "teacher", "child_age_years": 30}))
    assert result.returncode == 2
    assert "child_age_years" in result.stderr
    result = cli("assess", "-", stdin=json.dumps({"reporter_role": "teacher", "indicators": ["no_such_thing"]}))
    assert result.returncode == 2
    assert "indicators.0" in result.stderr and "no_such_thing" in result.stderr


def test_check_loads_every_document():
    result = cli("check")
    assert result.returncode == 0, result.stderr
    assert "england" in result.stdout and "set" in result.stdout
