"""`[tool.qa.per-file-ignores]`: rules off for files matching a glob."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.config import Config
from qa.ignores import PerFileIgnores
from qa.rules import all_rules
from tests.ci.conftest import SEED, json_findings, replace_once, run_qa


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for folder in ("legacy/old", "new"):
        (tmp_path / folder).mkdir(parents=True)
        report = tmp_path / folder / "report.txt"
        report.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
        replace_once(report, "change Beijing's governance model", "change Beijing's 治理 model")
    return tmp_path


def codes_by_path(project: Path, cwd: Path | None = None) -> dict[str, set[str]]:
    result: dict[str, set[str]] = {}
    for finding in json_findings(run_qa("check", ".", "-f", "json", cwd=cwd or project)):
        result.setdefault(finding["path"], set()).add(finding["code"])
    return result


def test_per_file_ignores_in_pyproject(project: Path):
    (project / "pyproject.toml").write_text(
        '[tool.qa.per-file-ignores]\n"legacy/*" = ["TERM", "missing-space-after-punctuation"]\n', encoding="utf-8"
    )
    codes = codes_by_path(project)
    assert "TERM001" in codes["new/report.txt"]
    assert "TERM001" not in codes.get("legacy/old/report.txt", set())
    assert "TXT002" not in codes.get("legacy/old/report.txt", set())
    # globs are relative to the config file, not to the working directory
    codes = codes_by_path(project, cwd=project / "new")
    assert "TERM001" in codes["report.txt"]


def test_per_file_ignores_in_qa_toml_by_file_name(project: Path):
    (project / "qa.toml").write_text('[per-file-ignores]\n"report.txt" = ["ALL"]\n', encoding="utf-8")
    result = run_qa("check", ".", "-f", "json", cwd=project)
    assert result.returncode == 0 and json_findings(result) == []


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[per-file-ignores]\n"*.txt" = ["NUM999"]\n', "qa.toml per-file-ignores.'*.txt': unknown rule 'NUM999'"),
        ('[per-file-ignores]\n"*.txt" = [1]\n', "qa.toml: per-file-ignores.'*.txt': expected a list of strings"),
        ('per-file-ignores = ["x"]\n', "qa.toml: per-file-ignores: expected a table"),
    ],
)
def test_bad_per_file_ignores_exit_2(project: Path, toml: str, message: str):
    (project / "qa.toml").write_text(toml, encoding="utf-8")
    result = run_qa("check", ".", cwd=project)
    assert result.returncode == 2 and message in result.stderr, result.stderr


@pytest.mark.parametrize(
    ("pattern", "path", "matches"),
    [
        ("legacy/*", "legacy/a.txt", True),
        ("legacy/*", "legacy/sub/a.txt", True),  # * crosses folders, as in ruff
        ("legacy/", "legacy/sub/a.txt", True),
        ("*.tsv", "deep/er/glossary.tsv", True),  # no "/": the file name anywhere
        ("*.tsv", "report.txt", False),
        ("**/drafts/*", "drafts/a.txt", True),
        ("**/drafts/*", "x/drafts/a.txt", True),
        ("./new/*.txt", "new/a.txt", True),
        ("new/*.txt", "legacy/new/a.txt", False),
    ],
)
def test_glob_semantics(tmp_path: Path, pattern: str, path: str, matches: bool):
    config = Config(path=tmp_path / "qa.toml", per_file_ignores=((pattern, ("TERM001",)),))
    ignores = PerFileIgnores.from_config(config, all_rules())
    assert (ignores.codes_for(str(tmp_path / path)) == {"TERM001"}) is matches
