"""User checks (kind: check data files): a team's own rules, documented and selected like built-in ones."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

CHECKS = r"""kind: check
checks:
  - code: HOUSE001
    name: percentage-points
    severity: error
    summary: 个百分点 is written "percentage points" in English.
    source: '(\d+(?:\.\d+)?)个百分点'
    require: '\1 percentage points?'
    direction: zh-en
  - code: HOUSE002
    name: no-per-cent-for-points
    literal: 个百分点
    forbid: '\bper ?cent\b'
"""
# seeds-style pairs (Beijing government work reports): a rate given in points, rendered two ways
REPORT = (
    "城镇调查失业率下降0.6个百分点。\n"
    "The surveyed urban unemployment rate fell by 0.6 percent.\n"
    "居民收入增长2个百分点。\n"
    "Resident income growth rose by 2 percentage points.\n"
)


def run_qa(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "qa", *args], cwd=cwd, capture_output=True, text=True)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "qa.toml").write_text("", encoding="utf-8")
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "house.yaml").write_text(CHECKS, encoding="utf-8")
    (tmp_path / "report.txt").write_text(REPORT, encoding="utf-8")
    return tmp_path


def test_a_check_reports_what_its_patterns_say(project: Path):
    result = run_qa("check", "report.txt", "--select", "HOUSE", "--format", "json", cwd=project)
    assert result.returncode == 1, result.stderr
    found = [(f["code"], f["severity"], f["line"], f["evidence"]["text"], f["message"]) for f in
             json.loads(result.stdout)["findings"]]
    assert found == [
        ("HOUSE001", "error", 1, "0.6个百分点", "0.6个百分点: the english has no match for 0.6 percentage points?"),
        ("HOUSE002", "warning", 2, "percent", "percent is what HOUSE002 forbids for 个百分点"),
    ]


def test_a_check_is_documented_and_selected_like_a_rule(project: Path):
    shown = run_qa("rule", "HOUSE001", cwd=project)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("HOUSE001 percentage-points (error)\n\n个百分点 is written")
    assert "rules/house.yaml" in shown.stdout
    listed = run_qa("rules", cwd=project)
    assert "HOUSE002" in listed.stdout and "no-per-cent-for-points" in listed.stdout
    ignored = run_qa("check", "report.txt", "--ignore", "percentage-points", "--format", "json", cwd=project)
    assert "HOUSE001" not in {f["code"] for f in json.loads(ignored.stdout)["findings"]}


def test_direction_limits_a_check(project: Path):
    (project / "strings.tsv").write_text("en\tzh\n2 percent\t2个百分点\n", encoding="utf-8")
    result = run_qa("check", "strings.tsv", "--select", "HOUSE001", "--format", "json", cwd=project)
    assert json.loads(result.stdout)["findings"] == []  # an en→zh pair: HOUSE001 is zh-en only


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("  - code: NUM001\n    literal: x\n    require: y\n", "checks[1]: code NUM001 is a built-in rule's"),
        ("  - code: house1\n    literal: x\n    require: y\n", "checks[1]: code must be capitals and three digits"),
        ("  - code: HOUSE003\n    source: '(个'\n    require: y\n", "checks[1]: bad regular expression"),
        ("  - code: HOUSE003\n    literal: x\n", "checks[1]: give require, forbid or both"),
        ("  - code: HOUSE003\n    literal: x\n    require: y\n    colour: red\n", "unknown key 'colour'"),
    ],
)
def test_a_bad_check_is_one_line_exit_2(tmp_path: Path, entry: str, message: str):
    (tmp_path / "qa.toml").write_text("", encoding="utf-8")
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "house.yaml").write_text("kind: check\nchecks:\n" + entry, encoding="utf-8")
    (tmp_path / "report.txt").write_text(REPORT, encoding="utf-8")
    for command in (("check", "report.txt"), ("rules",)):
        result = run_qa(*command, cwd=tmp_path)
        assert result.returncode == 2, result.stdout
        assert message in result.stderr and result.stderr.count("\n") == 1, result.stderr
        assert result.stderr.startswith("qa: error: rules/house.yaml: ")
