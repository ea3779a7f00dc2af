"""The pre-commit hook for real: this repository's `.pre-commit-hooks.yaml` installed by
`pre-commit` into a throwaway repository, rejecting a bad commit and accepting the fix.

pre-commit builds the hook's environment with pip from a snapshot of this checkout (the
working tree as it is, so uncommitted work is tested too), pulling the dependencies from
PyPI: the one thing these tests need from the network. The environment is built once per
session (about a minute the first time, seconds with a warm pip cache).

The README's pre-commit snippets run here as written, with the snapshot's path and commit put in
for `/path/to/qa` and `COMMIT`: the README cannot show a configuration that does not work.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pre_commit", reason="pre-commit is not installed: the hook cannot be run for real")

from qa.rules import all_rules
from tests.ci.conftest import GIT_ENV, ROOT, commit_all, git, init_repo, needs_git
from tests.ci.test_precommit_readme import filled_in, readme_configs

pytestmark = [needs_git, pytest.mark.slow]

#: What `pip install .` needs to build the package (see pyproject.toml).
PACKAGE_FILES = ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "qa", "rules")

# seeds/000_cfa7fe55d91506c5.txt:20-21, cut to two pairs; 6.1万 = 61,000.
TITLE = "加强城市精细化管理。\nAdvance precision governance of Beijing.\n"
HOUSING_ZH = "深化接诉即办“每月一题”机制,以更多小切口改革破解高频民生问题,再解决6.1万套房产证办理历史遗留难题。\n"
HOUSING_EN = (
    "We will resolve problems in obtaining property ownership certificates due to legacy issues "
    "for another {} units of housing.\n"
)


def snapshot(destination: Path) -> str:
    """This checkout's package files, committed in a new repository: the hook's `repo` and `rev`.
    (`pre-commit try-repo` would miss files git does not track yet.)"""
    init_repo(destination)
    for name in PACKAGE_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(source, destination / name)
    return commit_all(destination, "snapshot")


@pytest.fixture(scope="session")
def hook_source(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, Path]:
    """(repository, revision, PRE_COMMIT_HOME) shared by the tests, so the hook environment is built once."""
    folder = tmp_path_factory.mktemp("hook")
    revision = snapshot(folder / "qa-repo")
    return folder / "qa-repo", revision, folder / "pre-commit-home"


@pytest.fixture
def project(tmp_path: Path, hook_source: tuple[Path, str, Path]) -> Path:
    repository, revision, _ = hook_source
    folder = init_repo(tmp_path / "translations")
    (folder / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {repository.as_posix()}\n    rev: {revision}\n    hooks:\n      - id: qa\n",
        encoding="utf-8",
    )
    result = pre_commit("install", cwd=folder, hook_source=hook_source)
    assert result.returncode == 0, result.stdout + result.stderr
    commit_all(folder, "pre-commit config")
    return folder


def environment(hook_source: tuple[Path, str, Path]) -> dict[str, str]:
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(hook_source[2]), "PRE_COMMIT_COLOR": "never"}
    env.pop("PYTHONPATH", None)  # the hook must run the installed package, not this checkout
    return env


def pre_commit(*args: str, cwd: Path, hook_source: tuple[Path, str, Path]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args], cwd=cwd, capture_output=True, text=True,
        env=environment(hook_source),
    )


def commit(folder: Path, hook_source: tuple[Path, str, Path], message: str) -> subprocess.CompletedProcess:
    """`git commit` through the installed hook (the first call builds the hook environment)."""
    git("add", "-A", cwd=folder)
    return subprocess.run(
        ["git", "commit", "-m", message], cwd=folder, capture_output=True, text=True, env=environment(hook_source),
        timeout=900,
    )


def head_message(folder: Path) -> str:
    return git("log", "-1", "--format=%s", cwd=folder).stdout.strip()


def test_commit_with_untranslated_chinese_is_rejected_then_fix_passes(project, hook_source):
    report = project / "report.txt"
    report.write_text(TITLE.replace("governance", "治理") + HOUSING_ZH + HOUSING_EN.format("61,000"), encoding="utf-8")
    rejected = commit(project, hook_source, "bad translation")
    output = rejected.stdout + rejected.stderr
    assert rejected.returncode != 0, output
    assert "TERM001" in output and "治理" in output and "report.txt" in output
    assert head_message(project) == "pre-commit config"  # nothing was committed
    report.write_text(TITLE + HOUSING_ZH + HOUSING_EN.format("61,000"), encoding="utf-8")
    accepted = commit(project, hook_source, "fixed translation")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert head_message(project) == "fixed translation"


@pytest.mark.skipif(
    not any(code.startswith("NUM") for code in all_rules()), reason="no number rule (NUM001-003) is registered yet"
)
def test_commit_with_a_wrong_number_is_rejected_then_fix_passes(project, hook_source):
    """The issue's own scenario: 6.1万 translated as 16,000 instead of 61,000."""
    report = project / "report.txt"
    report.write_text(TITLE + HOUSING_ZH + HOUSING_EN.format("16,000"), encoding="utf-8")
    rejected = commit(project, hook_source, "wrong number")
    output = rejected.stdout + rejected.stderr
    assert rejected.returncode != 0, output
    assert "qa (zh/en translation QA)" in output and "Failed" in output
    assert "NUM00" in output and "6.1万" in output and "16,000" in output  # the finding, with its values
    assert head_message(project) == "pre-commit config"
    report.write_text(TITLE + HOUSING_ZH + HOUSING_EN.format("61,000"), encoding="utf-8")
    accepted = commit(project, hook_source, "right number")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert "Passed" in accepted.stdout + accepted.stderr
    assert head_message(project) == "right number"


def test_try_repo_runs_the_hook_on_named_files(tmp_path, hook_source):
    """`pre-commit try-repo`, as a user tries the hook before adding it to their config."""
    repository, revision, _ = hook_source
    folder = init_repo(tmp_path / "trial")
    (folder / "report.txt").write_text(TITLE.replace("governance", "治理"), encoding="utf-8")
    git("add", "-A", cwd=folder)
    # try-repo builds the environment again in a temporary store (pip's own cache keeps that quick)
    result = pre_commit(
        "try-repo", str(repository), "qa", "--ref", revision, "--files", "report.txt", cwd=folder,
        hook_source=hook_source,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "TERM001" in result.stdout


# -- the README's snippets, run as written (with the clone's path and commit filled in) ---------


# report.txt: the title's "governance" left in Chinese (TERM001). table.csv: a clean en→zh CSV whose
# header names the direction, not the languages. notes.csv: a data table, no translation.
# The title only: the housing pair has glossary terms, whose warnings are not what these tests are about.
DEFECT = {"report.txt": TITLE.replace("governance", "治理")}
CLEAN = {
    "clean.txt": TITLE,
    "table.csv": "source,target\nAdvance precision governance of Beijing.,加强城市精细化管理。\n",
}
SKIPPED = {"notes.csv": "id,value\n1,42\n"}


@pytest.mark.parametrize("form", ["clone", "local"])
def test_readme_snippet_runs_as_written(tmp_path, hook_source, form):
    repository, revision, _ = hook_source
    configs = readme_configs()
    (snippet,) = [config for config in configs[:2] if ("repo: local" in config) == (form == "local")]
    folder = init_repo(tmp_path / "translations")
    (folder / ".pre-commit-config.yaml").write_text(filled_in(snippet, repository, revision), encoding="utf-8")
    for name, text in {**DEFECT, **CLEAN, **SKIPPED}.items():
        (folder / name).write_text(text, encoding="utf-8")
    git("add", "-A", cwd=folder)  # staged, not committed

    failed = pre_commit("run", "--all-files", cwd=folder, hook_source=hook_source)
    output = failed.stdout + failed.stderr
    assert failed.returncode == 1, output
    assert "qa (zh/en translation QA)" in output and "Failed" in output
    assert "report.txt" in output and "TERM001" in output and "治理" in output
    assert "1 finding: 1 error in 1 of 3 files" in output  # report.txt, clean.txt and table.csv were read
    assert "qa: skipped notes.csv" in output and "table.csv" not in output

    passed = pre_commit("run", "--files", *CLEAN, *SKIPPED, cwd=folder, hook_source=hook_source)
    output = passed.stdout + passed.stderr
    assert passed.returncode == 0, output
    assert "Passed" in output
    assert "no findings in 2 files" in output  # clean.txt and table.csv were read and checked
    # verbose: a file passed over says so even when the hook passes
    assert "qa: skipped notes.csv: cannot tell the Chinese and English columns" in output
