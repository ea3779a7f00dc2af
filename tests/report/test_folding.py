"""One mistake, one finding (qa/fold.py): a segment whose English is the Chinese copied is one
TERM005 finding, with what it explains folded into it in every format, and --show-all lists all."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from qa.cli import app

COPIED = "乡村振兴，人才是关键。今年完成20万平方米。"


@pytest.fixture
def copied(tmp_path):
    path = tmp_path / "copied.tsv"
    path.write_text(f"一、总则\tI. General\n{COPIED}\t{COPIED}\n", encoding="utf-8")
    return path


def run(*args: str, columns: int = 120):
    return CliRunner().invoke(app, ["check", *args], env={"COLUMNS": str(columns)})


def test_a_copied_segment_is_one_finding_with_the_rest_folded(copied):
    result = run(str(copied), columns=80)  # stacked: the message and the folded line whole
    assert result.exit_code == 1
    assert "TERM005" in result.output
    assert result.output.splitlines()[-1] == "1 finding: 1 error in 1 file (3 folded)"
    assert "folded: NUM001 2:16, TERM001 2:24, TXT001 2:45" in " ".join(result.output.split())


def test_show_all_reports_the_folded_findings_as_findings(copied):
    result = run(str(copied), "--show-all")
    assert result.output.splitlines()[-1] == "4 findings: 3 errors, 1 warning in 1 file"
    for code in ("NUM001", "TERM001", "TERM005", "TXT001"):
        assert code in result.output


def test_json_lists_folded_findings_as_related_with_their_fingerprints(copied):
    folded = json.loads(run(str(copied), "--format", "json").output)
    every = json.loads(run(str(copied), "--format", "json", "--show-all").output)
    (finding,) = folded["findings"]
    assert finding["code"] == "TERM005" and folded["summary"]["folded"] == 3
    assert [item["code"] for item in finding["related"]] == ["NUM001", "TERM001", "TXT001"]
    assert finding["related"][0]["evidence"] == {"side": "zh", "start": 15, "end": 18, "text": "20万"}
    assert {item["fingerprint"] for item in finding["related"]} | {finding["fingerprint"]} == {
        item["fingerprint"] for item in every["findings"]
    }
    assert every["summary"]["folded"] == 0 and "related" not in every["findings"][0]


def test_sarif_and_github_carry_the_folded_findings(copied):
    log = json.loads(run(str(copied), "--format", "sarif").output)
    (result,) = log["runs"][0]["results"]
    assert [location["message"]["text"].split()[0] for location in result["relatedLocations"]] == [
        "NUM001",
        "TERM001",
        "TXT001",
    ]
    assert result["relatedLocations"][0]["physicalLocation"]["region"]["startColumn"] == 16
    annotations = run(str(copied), "--format", "github").output.splitlines()
    assert len(annotations) == 2  # one annotation and the summary
    assert "%0Aalso explains 3 findings: NUM001 2:16 20万 (= 200,000) has no match in English" in annotations[0]


def test_html_lists_the_folded_findings_under_the_finding(copied, tmp_path):
    page = tmp_path / "report.html"
    run(str(copied), "--format", "html", "-o", str(page))
    html = page.read_text(encoding="utf-8")
    assert '<details class="rel"><summary>explains 3 more findings</summary>' in html
    assert "<b>TXT001</b>" in html


def test_folded_findings_do_not_fail_the_gate(tmp_path):
    # a warning folded into a note: with --fail-on warning only the shown note counts
    path = tmp_path / "mostly.tsv"
    path.write_text(f"一、总则\tI. General\n{COPIED}\t{COPIED}\n", encoding="utf-8")
    config = tmp_path / "qa.toml"
    config.write_text('[tool.qa.severity]\nTERM005 = "note"\n', encoding="utf-8")
    assert run(str(path), "--config", str(config), "--fail-on", "warning", "--select", "TERM005,TXT001").exit_code == 0
    shown = run(str(path), "--config", str(config), "--fail-on", "warning", "--select", "TERM005,TXT001", "--show-all")
    assert shown.exit_code == 1


def test_a_pair_without_an_explaining_finding_is_not_folded(tmp_path):
    path = tmp_path / "plain.tsv"
    path.write_text("一、总则\tI. General\n今年完成20万平方米。\tThis year we completed 20,000 square meters.\n")
    result = run(str(path))
    assert "folded" not in result.output and "NUM003" in result.output
