"""Third-party rules arrive through the `qa.rules` entry-point group and behave like built-in ones."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PLUGIN = '''
from qa.model import Hit
from qa.rules import Rule


class DateStyle(Rule):
    """Dates in the English use the house style "15 January 2023".

    **Fails:** 2023年1月15日 / January 15th, 2023
    **Passes:** 2023年1月15日 / 15 January 2023
    """

    code = "HOUSE001"
    name = "date-style"
    severity = "warning"

    def check(self, pair):
        position = pair.en.text.find("January 15th")
        if position >= 0:
            yield Hit("en", position, position + len("January 15th"), "date not in house style")
'''


def install_plugin(site: Path, module: str, entry: str) -> None:
    (site / f"{module}.py").write_text(PLUGIN, encoding="utf-8")
    info = site / "qa_house_rules-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: qa-house-rules\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(f"[qa.rules]\nhouse-style = {entry}\n")


def run(site: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), str(ROOT)])}
    return subprocess.run([sys.executable, "-m", "qa", *args], cwd=cwd, env=env, capture_output=True, text=True)


def test_entry_point_rule_is_registered_and_runs(tmp_path: Path):
    site = tmp_path / "site"
    site.mkdir()
    install_plugin(site, "qa_house_rules", "qa_house_rules:DateStyle")
    (tmp_path / "report.txt").write_text(
        "——2023年1月15日在北京市第十六届\nPeople's Congress on January 15th, 2023\n", encoding="utf-8"
    )
    listed = run(site, "rules", cwd=tmp_path)
    assert "HOUSE001" in listed.stdout and "date-style" in listed.stdout
    result = run(site, "check", "report.txt", "--select", "HOUSE", "-f", "json", cwd=tmp_path)
    findings = json.loads(result.stdout)["findings"]
    assert [(f["code"], f["line"], f["column"], f["evidence"]["text"]) for f in findings] == [
        ("HOUSE001", 2, 22, "January 15th")
    ]
    assert run(site, "rule", "date-style", cwd=tmp_path).stdout.startswith("HOUSE001 date-style (warning)")


def test_broken_plugin_is_one_line_exit_2(tmp_path: Path):
    site = tmp_path / "site"
    site.mkdir()
    install_plugin(site, "qa_house_rules", "qa_house_rules:Missing")
    (tmp_path / "report.txt").write_text("各位代表!\nFellow Deputies,\n", encoding="utf-8")
    result = run(site, "check", "report.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("qa: error: plugin rule 'house-style' failed to load")
    assert "Traceback" not in result.stderr
