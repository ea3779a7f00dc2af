"""Baselines on a real report: `qa baseline`, `qa check --baseline`, and fingerprints that
survive moves, insertions and reformatting but not a changed pair."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from qa.baseline import load, save
from qa.output import OutputError
from tests.ci.conftest import SEED, json_findings, replace_once, run_qa

# seeds/000 line 15 with "governance" left in Chinese: a TERM001 error that stays whatever the
# number rules decide about the seed.
UNTRANSLATED = ("change Beijing's governance model", "change Beijing's 治理 model")


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "report.txt"
    path.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    replace_once(path, *UNTRANSLATED)
    return path


def lines_of(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def write_lines(path: Path, lines: list[str], newline: str = "\n") -> None:
    path.write_bytes(newline.join(lines).encode("utf-8"))


def index_of(lines: list[str], prefix: str) -> int:
    (index,) = [number for number, line in enumerate(lines) if line.startswith(prefix)]
    return index


def baseline_check(report: Path) -> tuple[list[dict], dict, str]:
    """`qa check --baseline`: the new findings, the JSON summary and stderr."""
    result = run_qa("check", report.name, "--baseline", ".qa-baseline.json", "-f", "json", cwd=report.parent)
    assert result.returncode in (0, 1), result.stderr
    data = json.loads(result.stdout)
    return data["findings"], data["summary"], result.stderr


def record(report: Path) -> list[dict]:
    result = run_qa("baseline", report.name, cwd=report.parent)
    assert result.returncode == 0, result.stderr
    return json.loads((report.parent / ".qa-baseline.json").read_text(encoding="utf-8"))["findings"]


def test_baseline_records_every_finding_and_check_reports_none(report: Path):
    findings = json_findings(run_qa("check", report.name, "-f", "json", cwd=report.parent))
    entries = record(report)
    assert "TERM001" in {f["code"] for f in findings}
    assert sorted((e["code"], e["fingerprint"]) for e in entries) == sorted(
        (f["code"], f["fingerprint"]) for f in findings
    )
    new, summary, stderr = baseline_check(report)
    assert new == [] and summary["suppressed"] == len(findings)
    assert stderr == ""
    result = run_qa("check", report.name, "--baseline", ".qa-baseline.json", cwd=report.parent)
    assert result.returncode == 0
    assert f"({len(findings)} suppressed)" in result.stdout


def test_baseline_file_is_sorted_stable_and_has_no_line_numbers(report: Path):
    entries = record(report)
    assert entries == sorted(entries, key=lambda e: (e["path"], e["code"], e["fingerprint"]))
    assert all(set(entry) == {"path", "code", "fingerprint", "message"} for entry in entries)
    assert {entry["path"] for entry in entries} == {"report.txt"}
    first = (report.parent / ".qa-baseline.json").read_bytes()
    # moving a paragraph and reflowing another change line numbers, not the baseline
    lines = lines_of(report)
    moved = lines[index_of(lines, "践行") : index_of(lines, "践行") + 2]
    del lines[index_of(lines, "践行") : index_of(lines, "践行") + 2]
    at = index_of(lines, "加强政治建设")
    lines[at:at] = moved
    write_lines(report, lines)
    record(report)
    assert (report.parent / ".qa-baseline.json").read_bytes() == first
    assert first.endswith(b"\n") and json.loads(first)["version"] == 1


@pytest.mark.parametrize("edit", ["move", "insert", "reflow", "crlf-and-trailing-spaces", "delete-elsewhere"])
def test_fingerprints_survive(report: Path, edit: str):
    """Every baselined finding is still recognised after the edit: nothing stale, nothing new
    except findings about the edit itself (trailing spaces are a TXT003 finding of their own)."""
    record(report)
    lines = lines_of(report)
    start = index_of(lines, "践行")  # the pair with the untranslated word
    newline = "\n"
    if edit == "move":  # the defective pair moves 45 lines down
        pair = lines[start : start + 2]
        del lines[start : start + 2]
        at = index_of(lines, "加强政治建设")
        lines[at:at] = pair
    elif edit == "insert":  # new pairs above (from seeds/001)
        lines[start:start] = ["各位代表!", "Fellow Deputies,", "奋楫扬帆启新航。", "Set sail on a new voyage."]
    elif edit == "reflow":  # the English of the defective pair wrapped onto two lines
        english = lines[start + 1]
        cut = english.index(" ", 60)
        lines[start + 1 : start + 2] = [english[:cut], english[cut + 1 :]]
    elif edit == "crlf-and-trailing-spaces":
        lines = [line + "  " if line else line for line in lines]
        newline = "\r\n"
    elif edit == "delete-elsewhere":  # a pair without findings removed
        at = index_of(lines, "深入开展城市更新行动")
        del lines[at : at + 2]
    write_lines(report, lines, newline)
    new, summary, stderr = baseline_check(report)
    assert stderr == ""  # no stale entries
    assert {f["code"] for f in new} <= ({"TXT003"} if edit == "crlf-and-trailing-spaces" else set())
    if edit == "insert":
        assert summary["suppressed"] >= 1


def test_changed_pair_text_is_new_and_old_entry_is_stale(report: Path):
    record(report)
    # the same mistake, but the sentence around it was edited: a different pair, so a new finding
    replace_once(report, "change Beijing's 治理 model", "reform Beijing's 治理 model")
    new, _, stderr = baseline_check(report)
    assert [(f["code"], f["evidence"]["text"]) for f in new] == [("TERM001", "治理")]
    assert "1 baseline entry in .qa-baseline.json no longer occurs (fixed" in stderr
    assert 'report.txt: TERM001 chinese text "治理"' in stderr
    result = run_qa("check", report.name, "--baseline", ".qa-baseline.json", "--strict-baseline", cwd=report.parent)
    assert result.returncode == 1 and "qa: error: 1 baseline entry" in result.stderr


def test_fixed_finding_is_stale_and_strict_baseline_fails(report: Path):
    record(report)
    replace_once(report, "change Beijing's 治理 model", "change Beijing's governance model")
    new, _, stderr = baseline_check(report)
    assert new == [] and "qa: warning: 1 baseline entry" in stderr
    lenient = run_qa("check", report.name, "--baseline", ".qa-baseline.json", cwd=report.parent)
    strict = run_qa("check", report.name, "--baseline", ".qa-baseline.json", "--strict-baseline", cwd=report.parent)
    assert (lenient.returncode, strict.returncode) == (0, 1)
    record(report)  # regenerating drops the fixed entry
    strict = run_qa("check", report.name, "--baseline", ".qa-baseline.json", "--strict-baseline", cwd=report.parent)
    assert strict.returncode == 0 and strict.stderr == ""


def test_a_copy_of_a_baselined_defect_is_new(report: Path):
    """Occurrences count: pasting the defective pair a second time adds a finding."""
    record(report)
    lines = lines_of(report)
    start = index_of(lines, "践行")
    lines[start:start] = lines[start : start + 2]
    write_lines(report, lines)
    new, _, _ = baseline_check(report)
    assert [f["code"] for f in new] == ["TERM001"]


def test_only_checked_files_and_selected_rules_make_entries_stale(report: Path):
    other = report.parent / "other.txt"
    other.write_text(report.read_text(encoding="utf-8"), encoding="utf-8")
    assert run_qa("baseline", ".", cwd=report.parent).returncode == 0
    for args in (["report.txt"], [".", "--select", "TERM001"]):
        result = run_qa("check", *args, "--baseline", ".qa-baseline.json", "--strict-baseline", cwd=report.parent)
        assert (result.returncode, result.stderr) == (0, "")


def test_baseline_paths_are_relative_to_the_baseline_file(report: Path):
    sub = report.parent / "sub"
    sub.mkdir()
    assert run_qa("baseline", "../report.txt", "-o", "../.qa-baseline.json", cwd=sub).returncode == 0
    new, summary, stderr = baseline_check(report)  # used from the parent folder
    assert new == [] and stderr == "" and summary["suppressed"] > 0
    result = run_qa("check", "../report.txt", "--baseline", "../.qa-baseline.json", "--strict-baseline", cwd=sub)
    assert (result.returncode, result.stderr) == (0, "")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "baseline file not found"),
        ("{", "not valid JSON"),
        ('{"version": 9, "findings": []}', "unsupported baseline version 9"),
        ('{"version": 1, "findings": [{"path": 1}]}', "entry 1 needs string fields"),
        ("[]", "not a qa baseline"),
    ],
)
def test_bad_baseline_is_one_line_exit_2(report: Path, content: str | None, message: str):
    if content is not None:
        (report.parent / "b.json").write_text(content, encoding="utf-8")
    result = run_qa("check", report.name, "--baseline", "b.json", cwd=report.parent)
    assert result.returncode == 2
    assert result.stderr.startswith("qa: error: b.json: ") and message in result.stderr
    assert result.stderr.count("\n") == 1


def test_strict_baseline_needs_a_baseline(report: Path):
    result = run_qa("check", report.name, "--strict-baseline", cwd=report.parent)
    assert result.returncode == 2 and result.stderr == "qa: error: --strict-baseline needs --baseline FILE\n"


def test_write_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A failed write leaves the old baseline as it was and no temp file behind."""
    target = tmp_path / ".qa-baseline.json"
    save([], target)
    before = target.read_bytes()
    assert load(target).entries == ()

    def broken_replace(source, destination):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OutputError, match="no space left on device"):
        save([], target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [".qa-baseline.json"]


def test_output_folder_must_exist(tmp_path: Path):
    with pytest.raises(OutputError, match="does not exist"):
        save([], tmp_path / "missing" / "b.json")


def test_baseline_of_line_aligned_files(tmp_path: Path):
    """`qa baseline --zh --en` records what `qa check --zh --en` finds, and the check then passes."""
    (tmp_path / "report.zh.txt").write_text("新开工300个。\n启动危旧楼房改建20万平方米。\n", encoding="utf-8")
    (tmp_path / "report.en.txt").write_text(
        "We will start 200 projects.\nWe will renovate 200,000 square meters.\n", encoding="utf-8"
    )
    aligned = ("--zh", "report.zh.txt", "--en", "report.en.txt")
    findings = json_findings(run_qa("check", *aligned, "-f", "json", cwd=tmp_path))
    assert [(f["code"], f["line"]) for f in findings] == [("NUM003", 1)]
    result = run_qa("baseline", *aligned, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    entries = json.loads((tmp_path / ".qa-baseline.json").read_text(encoding="utf-8"))["findings"]
    assert [e["code"] for e in entries] == ["NUM003"]
    assert run_qa("check", *aligned, "--baseline", ".qa-baseline.json", cwd=tmp_path).returncode == 0


def test_baseline_needs_files_or_an_aligned_pair(tmp_path: Path):
    result = run_qa("baseline", cwd=tmp_path)
    assert result.returncode == 2 and "no files to check" in result.stderr


def test_stale_entries_are_counted_in_agreement(report: Path):
    """1 entry no longer occurs; 2 entries no longer occur."""
    text = report.read_text(encoding="utf-8")
    record(report)
    report.write_text(text.replace(UNTRANSLATED[1], UNTRANSLATED[0]), encoding="utf-8")  # the TERM001 fixed
    _, _, stderr = baseline_check(report)
    assert stderr.startswith("qa: warning: 1 baseline entry in .qa-baseline.json no longer occurs (fixed, or the")
    entries = json.loads((report.parent / ".qa-baseline.json").read_text(encoding="utf-8"))
    entries["findings"].append({**entries["findings"][0], "fingerprint": "0" * 16})  # one more that cannot match
    (report.parent / ".qa-baseline.json").write_text(json.dumps(entries), encoding="utf-8")
    _, _, stderr = baseline_check(report)
    assert stderr.startswith("qa: warning: 2 baseline entries in .qa-baseline.json no longer occur (fixed, or the")
