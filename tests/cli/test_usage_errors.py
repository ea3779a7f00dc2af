"""Bad input on the command line is one line, `qa: error: …`, exit code 2: never Click's
three-line usage block, never a traceback, never a run that silently checks nothing or everything."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_cli import DEFECTIVE, run_qa


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "report.txt").write_text(DEFECTIVE, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("check", "report.txt", "--jobs", "abc"),
            "invalid value for '--jobs' / '-j': 'abc' is not a valid integer (see `qa check --help`)",
        ),
        (
            ("baseline", "report.txt", "-j", "many"),
            "invalid value for '--jobs' / '-j': 'many' is not a valid integer (see `qa baseline --help`)",
        ),
        (("terms", "extract"), "missing argument 'PATHS...' (see `qa terms extract --help`)"),
        (
            ("terms", "extract", "report.txt", "--top", "ten"),
            "invalid value for '--top': 'ten' is not a valid integer (see `qa terms extract --help`)",
        ),
        (("chek", "report.txt"), "no such command 'chek'. Did you mean 'check'? (see `qa --help`)"),
        (("terms", "extrct"), "no such command 'extrct'. Did you mean 'extract'? (see `qa terms --help`)"),
        (("check", "report.txt", "--format"), "option '--format' requires an argument"),
        (("rule",), "missing argument 'CODE' (see `qa rule --help`)"),
        (
            ("check", "report.txt", "--select", "NUM", "--ignore", "NUM"),
            "no rules left to check: --select NUM --ignore NUM select nothing (see `qa rules`)",
        ),
        (
            ("check", "report.txt", "--select", "ALN001", "--ignore", "chinese-without-english"),
            "no rules left to check: --select ALN001 --ignore chinese-without-english select nothing (see `qa rules`)",
        ),
        (("check", "report.txt", "--select", ""), "--select: expected rule codes, code prefixes or names, got ''"),
        (
            ("check", "report.txt", "--select", " , "),
            "--select: expected rule codes, code prefixes or names, got ' , '",
        ),
        (("check", "report.txt", "--ignore", ""), "--ignore: expected rule codes, code prefixes or names, got ''"),
        (("baseline", "report.txt", "--select", ""), "--select: expected rule codes, code prefixes or names, got ''"),
    ],
)
def test_bad_command_line_is_one_line(project: Path, args: tuple[str, ...], message: str):
    result = run_qa(*args, cwd=project)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", f"qa: error: {message}\n")


def test_unknown_option_is_one_line_with_the_suggestion(project: Path):
    result = run_qa("check", "report.txt", "--selct", "NUM", cwd=project)
    assert result.returncode == 2
    assert result.stderr.startswith("qa: error: no such option '--selct'") and "'--select'" in result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.count("Did you mean") == 1


def test_config_that_selects_nothing_is_a_usage_error(project: Path):
    (project / "qa.toml").write_text('select = ["NUM"]\nignore = ["NUM"]\n', encoding="utf-8")
    result = run_qa("check", "report.txt", cwd=project)
    assert (result.returncode, result.stderr) == (
        2, "qa: error: no rules left to check: the config's select and ignore select nothing (see `qa rules`)\n"
    )


def test_no_command_still_prints_the_help(project: Path):
    result = run_qa(cwd=project)
    assert result.returncode == 2
    assert result.stderr.startswith("Usage: qa [OPTIONS] COMMAND [ARGS]...") and "check" in result.stderr


def test_help_and_version_exit_0(project: Path):
    assert run_qa("check", "--help", cwd=project).returncode == 0
    assert run_qa("terms", "extract", "-h", cwd=project).returncode == 0
    assert run_qa("-V", cwd=project).returncode == 0


def test_rule_option_error_names_the_config_file(project: Path):
    (project / "pyproject.toml").write_text("[tool.qa.rule-options.TERM005]\nmin-share = 'half'\n", encoding="utf-8")
    result = run_qa("check", "report.txt", cwd=project)
    assert (result.returncode, result.stderr) == (
        2, "qa: error: pyproject.toml [tool.qa] rule-options.TERM005: could not convert string to float: 'half'\n"
    )
