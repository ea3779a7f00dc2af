"""The GitHub Actions reporter: one workflow command per finding, so that findings show as
annotations on the pull request's diff, then a plain summary line for the log.

Escaping follows the Actions runner (``toolkit/packages/core/src/command.ts``): in the
message ``%``, CR and LF are percent-encoded; property values also encode ``:`` and ``,``,
which would otherwise end the value.

``file=`` is the path from the repository root (qa/report/locations.py), which is how GitHub
places an annotation on the diff, whatever folder qa ran in.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, TextIO

from qa.model import Finding
from qa.report import Reporter, message_with_suggestion, plural, rule_name, summarise, summary_line
from qa.report.locations import repository_path

if TYPE_CHECKING:
    from qa.rules.base import Rule

#: SARIF-style severities to workflow command names.
COMMANDS = {"error": "error", "warning": "warning", "note": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(Reporter):
    def emit(self, findings: Sequence[Finding], rules: Mapping[str, type[Rule]], stream: TextIO) -> None:
        rooted: dict[str, str] = {}
        for finding in findings:
            path = finding.location.path
            if path not in rooted:
                rooted[path] = repository_path(path)
            stream.write(annotation(finding, rules, rooted[path]) + "\n")
        stream.write(summary_line(summarise(findings, self.files, self.suppressed)) + "\n")


def annotation(finding: Finding, rules: Mapping[str, type[Rule]], path: str | None = None) -> str:
    """One workflow command; ``path`` is the file from the repository root (default: as shown)."""
    location = finding.location
    title = " ".join(part for part in (finding.code, rule_name(finding, rules)) if part)
    properties = {
        "file": (path or location.path).replace("\\", "/"),
        "line": str(location.line),
        "col": str(location.column),
        "endLine": str(location.end_line),
        "endColumn": str(location.end_column),
        "title": title,
    }
    rendered = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    command = COMMANDS.get(finding.severity, "warning")
    text = message_with_suggestion(finding)
    if finding.related:  # the findings it explains (qa/fold.py): one annotation, one line for them
        explained = "; ".join(
            f"{item.code} {item.location.line}:{item.location.column} {item.message}" for item in finding.related
        )
        text += f"\nalso explains {plural(len(finding.related), 'finding')}: {explained}"
    return f"::{command} {rendered}::{escape_data(text)}"
