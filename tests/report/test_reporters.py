"""The reporter registry and the summary line every text format ends with."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from qa.report import FORMATS, Reporter, get_reporter, summarise, summary_line

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name", FORMATS)
def test_every_format_has_a_reporter(name):
    reporter = get_reporter(name, files=["a.txt"], suppressed=1, version="9.9")
    assert isinstance(reporter, Reporter)
    assert (reporter.files, reporter.suppressed, reporter.version) == (("a.txt",), 1, "9.9")


def test_unknown_format_is_a_value_error_naming_the_choices():
    with pytest.raises(ValueError, match=r"unknown output format 'xml'.*table, json, sarif, github"):
        get_reporter("xml")


def test_only_the_table_reporter_imports_rich():
    code = (
        "import sys\n"
        "from qa.report import get_reporter\n"
        "for name in ('json', 'sarif', 'github'):\n"
        "    get_reporter(name)\n"
        "assert 'rich' not in sys.modules, 'rich imported'\n"
        "get_reporter('table')\n"
        "assert 'rich' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, check=True)


def test_summary_counts_severities_and_files(findings):
    summary = summarise(findings, files=["seeds/000_cfa7fe55d91506c5.txt", "seeds/001_b861343cc44b4dc6.txt"])
    assert (summary.files, summary.findings, summary.error, summary.warning, summary.note) == (2, 3, 1, 1, 1)
    assert summary_line(summary) == "3 findings: 1 error, 1 warning, 1 note in 2 files"


def test_summary_names_files_without_findings_and_suppressed(findings):
    summary = summarise(findings[:1], files=["a.txt", "b.txt", findings[0].location.path], suppressed=4)
    assert summary_line(summary) == "1 finding: 1 warning in 1 of 3 files (4 suppressed)"


def test_summary_without_findings():
    assert summary_line(summarise([], files=["a.txt", "b.txt", "c.txt"])) == "no findings in 3 files"
    assert summary_line(summarise([], files=["a.txt"], suppressed=2)) == "no findings in 1 file (2 suppressed)"


def test_a_path_with_findings_counts_as_checked(findings):
    assert summarise(findings, files=[]).files == 2
