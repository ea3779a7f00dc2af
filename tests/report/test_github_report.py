"""The GitHub Actions reporter: one workflow command per finding, escaped as the runner expects."""

from __future__ import annotations

import io

from qa.report import get_reporter
from qa.report.github import escape_data, escape_property

FILES = ["seeds/000_cfa7fe55d91506c5.txt", "seeds/001_b861343cc44b4dc6.txt"]


def render(findings, rules, **options) -> list[str]:
    stream = io.StringIO()
    get_reporter("github", files=FILES, **options).emit(findings, rules, stream)
    output = stream.getvalue()
    assert output.endswith("\n")
    return output.splitlines()


def test_one_command_per_finding_then_the_summary(findings, rules):
    lines = render(findings, rules, suppressed=1)
    assert lines == [
        "::warning file=seeds/000_cfa7fe55d91506c5.txt,line=17,col=23,endLine=17,endColumn=33,"
        "title=TXT002 missing-space::missing space after full stop",
        "::error file=seeds/000_cfa7fe55d91506c5.txt,line=20,col=4,endLine=20,endColumn=8,"
        "title=NUM001 number-missing::6.1万 (= 61,000) has no match in English; English has 16,000"
        " (suggestion: write 61,000)",
        "::notice file=seeds/001_b861343cc44b4dc6.txt,line=40,col=31,endLine=40,endColumn=33,"
        "title=FN001 footnote-undefined::marker 16 has no note",
        "3 findings: 1 error, 1 warning, 1 note in 2 files (1 suppressed)",
    ]


def test_no_findings_prints_only_the_summary(rules):
    assert render([], rules) == ["no findings in 2 files"]


def test_escaping_in_message_and_properties(make_finding, rules):
    finding = make_finding(
        "NUM001",
        "number-missing",
        "error",
        "50% of 1,100\r\nis 550: check",
        zh="1,100的50%",
        en="50% of 1,100",
        side="en",
        span="1,100",
        path="reports/a,b:c%.txt",
        suggestion="write 1,100",
    )
    (command, _summary) = render([finding], rules)
    properties, message = command.removeprefix("::error ").split("::", 1)
    assert message == "50%25 of 1,100%0D%0Ais 550: check (suggestion: write 1,100)"
    assert properties.startswith("file=reports/a%2Cb%3Ac%25.txt,line=1,")
    assert "\n" not in command and "\r" not in command


def test_escape_functions():
    assert escape_data("100%\na:b,c\r") == "100%25%0Aa:b,c%0D"
    assert escape_property("100%\na:b,c\r") == "100%25%0Aa%3Ab%2Cc%0D"
    assert escape_property("%3A") == "%253A"  # the percent sign first, so escapes are not doubled wrongly


def test_title_falls_back_to_the_rule_name(make_finding, rules):
    finding = make_finding("FN001", "", "note", "marker 3 has no note", zh="中3", en="x3", side="en", span="3")
    (command, _summary) = render([finding], rules)
    assert ",title=FN001 footnote-undefined::" in command
    assert command.startswith("::notice ")
