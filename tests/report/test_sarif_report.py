"""The SARIF reporter: valid SARIF 2.1.0 that points every result at the right rule."""

from __future__ import annotations

import io
import json
from pathlib import Path

import jsonschema
import pytest
import sarif_kit
from sarif_kit.validate import validation_errors

from qa.report import get_reporter
from qa.report.sarif import artifact_location

ROOT = Path(__file__).resolve().parents[2]
SARIF_SCHEMA = json.loads((Path(sarif_kit.__file__).parent / "schema" / "sarif-2.1.0.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft7Validator(SARIF_SCHEMA)
FILES = ["seeds/000_cfa7fe55d91506c5.txt", "seeds/001_b861343cc44b4dc6.txt"]


@pytest.fixture(autouse=True)
def _in_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    """Paths are made relative to the repository root found from the working directory."""
    monkeypatch.chdir(ROOT)


def render(findings, rules, files=FILES, **options) -> dict:
    stream = io.StringIO()
    get_reporter("sarif", files=files, version="0.1.0", **options).emit(findings, rules, stream)
    output = stream.getvalue()
    assert output.endswith("}\n")
    log = json.loads(output)
    errors = [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in VALIDATOR.iter_errors(log)]
    assert errors == []
    assert validation_errors(log) == []  # sarif-kit's own check (draft 4, as the schema declares)
    return log


def test_zero_findings_is_a_valid_log_documenting_the_rules(rules):
    log = render([], rules)
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    assert run["results"] == []
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["tool"]["driver"]["name"] == "qa" and run["tool"]["driver"]["version"] == "0.1.0"
    assert [rule["id"] for rule in run["tool"]["driver"]["rules"]] == ["FN001", "NUM001", "TXT002"]


def test_zero_findings_and_zero_rules():
    log = render([], {}, files=[])
    assert log["runs"][0]["results"] == [] and log["runs"][0]["tool"]["driver"]["rules"] == []


def test_rules_are_built_from_the_docstrings(rules):
    driver = render([], rules)["runs"][0]["tool"]["driver"]
    number = next(rule for rule in driver["rules"] if rule["id"] == "NUM001")
    assert number["name"] == "number-missing"
    assert number["shortDescription"] == {"text": "A Chinese number has no English counterpart."}
    assert number["fullDescription"]["text"].startswith("A number dropped or changed in translation")
    assert number["help"]["text"] == rules["NUM001"].doc()
    assert "**Fails:** 6.1万套 / another 16,000 units." in number["help"]["markdown"]
    assert number["defaultConfiguration"] == {"level": "error"}
    space = next(rule for rule in driver["rules"] if rule["id"] == "TXT002")
    # a one-line docstring: the summary serves as the full description
    assert space["fullDescription"] == {"text": "No space after a full stop in English."}
    assert space["defaultConfiguration"] == {"level": "warning"}


def test_results_point_at_their_rule_and_place(findings, rules):
    run = render(findings, rules)["runs"][0]
    driver_rules = run["tool"]["driver"]["rules"]
    assert [result["ruleId"] for result in run["results"]] == ["TXT002", "NUM001", "FN001"]
    for result in run["results"]:
        assert driver_rules[result["ruleIndex"]]["id"] == result["ruleId"]
    number = run["results"][1]
    assert number["level"] == "error"
    assert number["message"]["text"] == (
        "6.1万 (= 61,000) has no match in English; English has 16,000 (suggestion: write 61,000)"
    )
    (location,) = number["locations"]
    assert location["physicalLocation"]["artifactLocation"] == {
        "uri": "seeds/000_cfa7fe55d91506c5.txt",
        "uriBaseId": "%SRCROOT%",
        "index": 0,
    }
    assert location["physicalLocation"]["region"] == {
        "startLine": 20,
        "startColumn": 4,
        "endLine": 20,
        "endColumn": 8,
        "snippet": {"text": "6.1万"},
    }
    assert number["partialFingerprints"] == {"qaFingerprint/v1": findings[1].fingerprint}
    assert number["properties"]["suggestion"] == "write 61,000"
    assert [result["level"] for result in run["results"]] == ["warning", "error", "note"]


def test_artifacts_list_the_checked_files(findings, rules):
    run = render(findings, rules, files=[*FILES, "seeds/003_69f7e5b1796ec52c.txt"])["runs"][0]
    assert [artifact["location"]["uri"] for artifact in run["artifacts"]] == [
        "seeds/000_cfa7fe55d91506c5.txt",
        "seeds/001_b861343cc44b4dc6.txt",
        "seeds/003_69f7e5b1796ec52c.txt",
    ]
    for result in run["results"]:
        location = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert run["artifacts"][location["index"]]["location"]["uri"] == location["uri"]


def test_unicode_paths_and_messages(make_finding, rules):
    finding = make_finding(
        "NUM001",
        "number-missing",
        "error",
        "百分之四十 (= 40%) has no match in English; “quoted” text",
        zh="增长百分之四十。",
        en="It grew by 14%.",
        side="zh",
        span="百分之四十",
        path="报告/2023 年 政府工作报告.txt",
        line=3,
        suggestion="write 40%",
    )
    log = render([finding], rules, files=[])
    result = log["runs"][0]["results"][0]
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "%E6%8A%A5%E5%91%8A/2023%20%E5%B9%B4%20%E6%94%BF%E5%BA%9C%E5%B7%A5%E4%BD%9C%E6%8A%A5%E5%91%8A.txt"
    assert result["message"]["text"].startswith("百分之四十 (= 40%) has no match in English; “quoted” text")


def test_a_finding_of_an_unselected_rule_still_gives_a_valid_log(make_finding, rules):
    finding = make_finding(
        "UNIT001",
        "unit-mismatch",
        "warning",
        "平方米 (square metre) is rendered as square feet",
        zh="20万平方米",
        en="200,000 square feet",
        side="en",
        span="square feet",
    )
    run = render([finding], rules, files=[])["runs"][0]
    driver_rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in driver_rules] == ["FN001", "NUM001", "TXT002", "UNIT001"]
    assert driver_rules[run["results"][0]["ruleIndex"]] == {
        "id": "UNIT001",
        "name": "unit-mismatch",
        "shortDescription": {"text": "unit-mismatch"},
    }


def test_output_is_deterministic(findings, rules):
    assert render(findings, rules) == render(findings, rules)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("seeds/a.txt", {"uri": "seeds/a.txt", "uriBaseId": "%SRCROOT%"}),
        ("./seeds/a.txt", {"uri": "seeds/a.txt", "uriBaseId": "%SRCROOT%"}),
        ("docs\\a b.txt", {"uri": "docs/a%20b.txt", "uriBaseId": "%SRCROOT%"}),
        ("c:note.txt", {"uri": "c%3Anote.txt", "uriBaseId": "%SRCROOT%"}),
        ("/tmp/报告.txt", {"uri": "file:///tmp/%E6%8A%A5%E5%91%8A.txt"}),
        ("C:\\work\\a#1.txt", {"uri": "file:///C:/work/a%231.txt"}),
    ],
)
def test_artifact_locations_are_uris(path, expected):
    assert artifact_location(path) == expected


def test_the_schema_check_catches_a_broken_log(findings, rules):
    """Guards the guard: the draft-04 schema under a Draft 7 validator still rejects bad logs."""
    log = render(findings, rules)
    log["runs"][0]["results"][0]["level"] = "fatal"
    log["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    assert len(list(VALIDATOR.iter_errors(log))) == 2


def one_finding(make_finding):
    return make_finding(
        "NUM001", "number-missing", "error", "16 has no match", zh="十六", en="16", side="en", span="16",
        path="report.txt",
    )


def test_paths_are_relative_to_the_repository_root_declared_in_original_uri_base_ids(
    make_finding, rules, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """Run from a subfolder of a repository, on a file in it, one above it and one outside it."""
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    (tmp_path / "repo" / "docs").mkdir()
    monkeypatch.chdir(tmp_path / "repo" / "docs")
    files = ["report.txt", "../notes.txt", f"{tmp_path}/outside.txt"]
    run = render([one_finding(make_finding)], rules, files=files)["runs"][0]
    assert [artifact["location"] for artifact in run["artifacts"]] == [
        {"uri": "docs/report.txt", "uriBaseId": "%SRCROOT%"},
        {"uri": "notes.txt", "uriBaseId": "%SRCROOT%"},
        {"uri": f"file://{tmp_path.as_posix()}/outside.txt"},
    ]
    assert run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "docs/report.txt", "uriBaseId": "%SRCROOT%", "index": 0
    }
    assert list(run["originalUriBaseIds"]) == ["%SRCROOT%"]
    assert "uri" not in run["originalUriBaseIds"]["%SRCROOT%"]  # no absolute path: the same log on every machine


def test_outside_a_repository_the_working_directory_is_the_root(make_finding, rules, tmp_path: Path, monkeypatch):
    if any((folder / ".git").exists() for folder in (tmp_path, *tmp_path.parents)):
        pytest.skip("the temporary folder is inside a git repository")
    monkeypatch.chdir(tmp_path)
    run = render([one_finding(make_finding)], rules, files=["report.txt"])["runs"][0]
    assert run["artifacts"] == [{"location": {"uri": "report.txt", "uriBaseId": "%SRCROOT%"}}]
