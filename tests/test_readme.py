"""The README stays true: its rule table is the registry, its commands exist and run.

Refresh the rule table on purpose: QA_UPDATE_README=1 python -m pytest tests/test_readme.py
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main

from qa.cli import app
from qa.rules import all_rules

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
START, END = "<!-- rules:start -->", "<!-- rules:end -->"
FENCE = re.compile(r"^```(\w+)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def rules_table() -> str:
    rows = ["| code | name | severity | summary |", "| --- | --- | --- | --- |"]
    for code, rule in all_rules().items():
        severity = rule.severity if rule.default_enabled else f"{rule.severity}, off (select it)"
        rows.append(f"| {code} | `{rule.name}` | {severity} | {rule.summary()} |")
    return "\n".join(rows)


def test_rule_table_matches_registry():
    text = README.read_text(encoding="utf-8")
    head, rest = text.split(START)
    _, tail = rest.split(END)
    expected = f"{head}{START}\n{rules_table()}\n{END}{tail}"
    if os.environ.get("QA_UPDATE_README"):
        README.write_text(expected, encoding="utf-8")
    assert text == expected, "README rule table is out of date: QA_UPDATE_README=1 pytest tests/test_readme.py"


def qa_command_lines() -> list[list[str]]:
    lines = []
    for language, body in FENCE.findall(README.read_text(encoding="utf-8")):
        if language not in ("sh", "console"):
            continue
        for line in body.splitlines():
            line = line.removeprefix("$ ").split("  #")[0].strip()
            if line.startswith("qa ") and "translations/" not in line:  # CI examples: tests/ci/test_docs.py
                lines.append(shlex.split(line)[1:])
    return lines


def test_every_check_option_is_documented():
    command = typer.main.get_command(app).get_command(None, "check")  # type: ignore[attr-defined]
    text = README.read_text(encoding="utf-8")
    for param in command.params:
        for option in param.opts:
            if option.startswith("--") and option != "--help":
                assert option in text, f"qa check {option} is not in the README"


@pytest.mark.parametrize("argv", qa_command_lines(), ids=lambda argv: " ".join(argv))
def test_readme_commands_run(argv: list[str], tmp_path: Path):
    """Every `qa ...` line in the README runs from the repository root without a usage or input error."""
    if argv[0] == "baseline":  # write elsewhere: the committed baseline stays as it is
        argv = [arg if arg != ".qa-baseline.json" else str(tmp_path / "baseline.json") for arg in argv]
    written = ("findings.json", "qa.sarif", "glossary.tsv", "report.html", "findings.parquet", "clean.tsv.gz",
               "rejected.tsv.gz")
    argv = [arg if arg not in written else str(tmp_path / arg) for arg in argv]
    if "--since" in argv and subprocess.run(["git", "rev-parse", "HEAD~1"], cwd=ROOT, capture_output=True).returncode:
        pytest.skip("no HEAD~1 in this checkout")
    result = subprocess.run([sys.executable, "-m", "qa", *argv], cwd=ROOT, capture_output=True, text=True)
    if argv[:1] == ["check"] and "missing.txt" in argv:
        assert result.returncode == 2 and result.stderr == "qa: error: missing.txt: no such file or directory\n"
        return
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
