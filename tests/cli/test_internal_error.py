"""A bug in qa reaches the user as one line and exit 3, not a traceback; QA_DEBUG=1 shows it."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa import cli
from qa.engine import Engine


def _broken_check(self, document, *args, **kwargs):
    raise ZeroDivisionError("division by zero")


@pytest.fixture
def report(tmp_path: Path, monkeypatch) -> Path:
    path = tmp_path / "report.txt"
    path.write_text("新增就业6.1万人。\nAdded 61,000 jobs.\n", encoding="utf-8")
    monkeypatch.setattr(Engine, "check", _broken_check)
    monkeypatch.delenv("QA_DEBUG", raising=False)
    return path


def test_internal_error_is_one_line_and_exit_3(report: Path, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["check", str(report), "--format", "json"])
    assert exit_info.value.code == 3
    err = capsys.readouterr().err
    assert err.splitlines() == [
        "qa: internal error: ZeroDivisionError: division by zero",
        "qa: this is a bug in qa; QA_DEBUG=1 shows the traceback to report with the input",
    ]


def test_qa_debug_shows_the_traceback(report: Path, monkeypatch) -> None:
    monkeypatch.setenv("QA_DEBUG", "1")
    with pytest.raises(ZeroDivisionError):
        cli.main(["check", str(report), "--format", "json"])
