"""`qa check --since REV`: only pairs whose lines changed since a git revision."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from qa.changes import changed_lines
from tests.ci.conftest import SEED, commit_all, init_repo, json_findings, needs_git, replace_once, run_qa

pytestmark = needs_git


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose one commit holds seeds/000 with an old defect (untranslated 治理)."""
    folder = init_repo(tmp_path / "repo")
    (folder / "docs").mkdir()
    report = folder / "docs" / "report.txt"
    report.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    replace_once(report, "change Beijing's governance model", "change Beijing's 治理 model")
    commit_all(folder, "old translation")
    return folder


def codes_since(repo: Path, *args: str, cwd: Path | None = None) -> list[tuple[str, int]]:
    # TERM001 only: the defects planted here are untranslated words, and the seed's other findings
    # (numbers, spacing) follow the rules' evolution, not this feature's
    findings = json_findings(
        run_qa("check", *args, "--since", "HEAD", "--select", "TERM001", "-f", "json", cwd=cwd or repo)
    )
    return [(f["code"], f["line"]) for f in findings]


def test_nothing_changed_nothing_reported(repo: Path):
    assert json_findings(run_qa("check", "docs", "-f", "json", cwd=repo))  # old findings exist...
    assert codes_since(repo, "docs") == []  # ...but nothing changed


def test_only_the_changed_pair_is_checked(repo: Path):
    report = repo / "docs" / "report.txt"
    # a new mistake in the English of another pair (line 19): reported; the old one (line 15) is not
    replace_once(report, "Ensure comprehensive management", "Ensure 综合 management")
    assert codes_since(repo, "docs") == [("TERM001", 19)]


def test_editing_one_side_rechecks_the_pair(repo: Path):
    report = repo / "docs" / "report.txt"
    # the Chinese of the old defect's pair is edited: the whole pair is re-checked
    replace_once(report, "践行“人民城市人民建", "践行“人民城市人民来建")
    assert codes_since(repo, "docs") == [("TERM001", 15)]


def test_committed_changes_count_against_an_older_revision(repo: Path):
    report = repo / "docs" / "report.txt"
    replace_once(report, "Ensure comprehensive management", "Ensure 综合 management")
    commit_all(repo, "new translation")
    findings = json_findings(run_qa("check", "docs", "--since", "HEAD~1", "--select", "TERM", "-f", "json", cwd=repo))
    assert [(f["code"], f["line"]) for f in findings] == [("TERM001", 19)]
    assert codes_since(repo, "docs") == []


def test_a_pure_deletion_checks_nothing(repo: Path):
    report = repo / "docs" / "report.txt"
    lines = report.read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("深入开展城市更新行动"))
    del lines[start : start + 2]
    report.write_text("\n".join(lines), encoding="utf-8")
    assert codes_since(repo, "docs") == []


def test_untracked_file_is_all_new(repo: Path):
    shutil.copy(repo / "docs" / "report.txt", repo / "docs" / "new.txt")
    codes = codes_since(repo, "docs/new.txt")
    assert ("TERM001", 15) in codes


def test_from_a_subfolder_and_with_a_baseline(repo: Path):
    report = repo / "docs" / "report.txt"
    assert run_qa("baseline", "docs", cwd=repo).returncode == 0
    replace_once(report, "Ensure comprehensive management", "Ensure 综合 management")
    assert codes_since(repo, "report.txt", cwd=repo / "docs") == [("TERM001", 19)]
    result = run_qa("check", "docs", "--since", "HEAD", "--baseline", ".qa-baseline.json", "-f", "json", cwd=repo)
    assert ("TERM001", 19) in [(f["code"], f["line"]) for f in json_findings(result)]
    assert ("TERM001", 15) not in [(f["code"], f["line"]) for f in json_findings(result)]


def test_unknown_revision_is_one_line_exit_2(repo: Path):
    result = run_qa("check", "docs", "--since", "no-such-branch", cwd=repo)
    assert result.returncode == 2
    assert result.stderr.startswith("qa: error: --since: unknown revision 'no-such-branch'")
    assert result.stderr.count("\n") == 1
    result = run_qa("check", "docs", "--since", "--output=x", cwd=repo)  # not an option smuggled into git
    assert result.returncode == 2


def test_not_a_git_repository_is_one_line_exit_2(tmp_path: Path):
    folder = tmp_path / "plain"
    folder.mkdir()
    (folder / "report.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    ceiling = {"GIT_CEILING_DIRECTORIES": str(tmp_path)}  # even if the temp folder is inside a repository
    result = run_qa("check", "report.txt", "--since", "HEAD", cwd=folder, env_extra=ceiling)
    assert result.returncode == 2
    assert result.stderr.startswith("qa: error: --since: ") and "is not in a git repository" in result.stderr
    assert result.stderr.count("\n") == 1


def test_changed_lines_parses_hunks(repo: Path, monkeypatch: pytest.MonkeyPatch):
    report = repo / "docs" / "report.txt"
    replace_once(report, "Ensure comprehensive management", "Ensure 综合 management")
    monkeypatch.chdir(repo)
    changes = changed_lines("HEAD", [Path("docs")])
    assert changes.for_path(report) == frozenset({19})
    assert changes.touches(report)


def test_line_aligned_files_count_changes_in_either_file(tmp_path: Path):
    """--zh/--en with --since: a pair is re-checked when its line changed in either file."""
    folder = init_repo(tmp_path / "aligned")
    zh, en = folder / "r.zh.txt", folder / "r.en.txt"
    zh.write_text("推进治理现代化。\n强化综合管理。\n加强作风建设。\n", encoding="utf-8")
    en.write_text(
        "Modernise 治理.\nStrengthen comprehensive management.\nImprove our work conduct.\n", encoding="utf-8"
    )
    commit_all(folder, "aligned translation with an old defect on line 1")
    aligned = ("--zh", "r.zh.txt", "--en", "r.en.txt")
    assert codes_since(folder, *aligned) == []
    en.write_text(
        "Modernise 治理.\nStrengthen 综合 management.\nImprove our work conduct.\n", encoding="utf-8"
    )
    assert codes_since(folder, *aligned) == [("TERM001", 2)]
    zh.write_text("推进治理体系现代化。\n强化综合管理。\n加强作风建设。\n", encoding="utf-8")
    assert codes_since(folder, *aligned) == [("TERM001", 1), ("TERM001", 2)]
