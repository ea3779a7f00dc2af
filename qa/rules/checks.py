"""User checks: a team's own rules written as data (``kind: check``), like Xbench checklists.

A YAML file in the project's ``rules/`` folder (beside its config) or a ``rule-paths`` folder:

.. code-block:: yaml

    kind: check
    checks:
      - code: HOUSE001                       # two or more capitals and three digits, not a built-in code
        name: percentage-points              # optional, kebab-case (default: the code, lower-case)
        severity: warning                    # error | warning | note (default warning)
        summary: 个百分点 is written "percentage points" in English.
        source: '(\\d+(?:\\.\\d+)?)个百分点'      # a regular expression on the source (or literal: …)
        require: '\\1 percentage points?'     # the target must match; \\1 is what the source's group 1 read
        forbid: '\\1 ?(?:%|per ?cent\\b)'    # the target must not match (either or both)
        direction: zh-en                     # optional: only pairs translated so (zh-en or en-zh)
        case-sensitive: false                # the target patterns (default false)

Each check becomes a rule with its own code: ``qa rules`` lists it, ``qa rule HOUSE001`` prints
it, ``--select``/``--ignore``/``[tool.qa.severity]`` take it. A ``require`` miss is reported on
the source's match, a ``forbid`` match on the target's. Back-references in ``require`` and
``forbid`` are filled with the source match's groups, escaped (``\\1``, ``\\g<name>``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import regex

from qa.datapacks import DataPackError, kind_entries, shown
from qa.model import Hit, Pair, Severity, elide
from qa.rules.base import Rule

_CODE = re.compile(r"[A-Z]{2,8}[0-9]{3}")
_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
_KEYS = frozenset(
    {"code", "name", "severity", "summary", "message", "source", "literal", "require", "forbid", "direction",
     "case-sensitive", "note"}
)  # fmt: skip
_BACKREFERENCE = re.compile(r"\\(\d{1,2})|\\g<(\w+)>")
_SIDE_NAMES = {"zh": "chinese", "en": "english"}


class CheckFileError(DataPackError):
    pass


class UserCheck(Rule):
    """Base of the rules made from ``kind: check`` data files (one subclass per check)."""

    user_check: ClassVar[bool] = True
    pure: ClassVar[bool] = True
    severity: ClassVar[Severity] = "warning"
    source_pattern: ClassVar[regex.Pattern[str]]
    require: ClassVar[str | None] = None
    forbid: ClassVar[str | None] = None
    direction: ClassVar[str | None] = None
    flags: ClassVar[int] = regex.IGNORECASE
    message: ClassVar[str | None] = None
    origin: ClassVar[str] = ""

    def check(self, pair: Pair) -> Iterator[Hit]:
        if self.direction is not None and self.direction != f"{pair.source}-{pair.target}":
            return
        source, target = pair.source, pair.target
        target_text = pair.side(target).text
        for match in self.source_pattern.finditer(pair.side(source).text):
            if match.end() == match.start():
                continue
            said = f"{self.message} ({elide(match.group())})" if self.message else None
            if self.require is not None and _compiled(self.require, match, self.flags).search(target_text) is None:
                wanted = elide(_filled(self.require, match))
                yield Hit(
                    source,
                    match.start(),
                    match.end(),
                    said or f"{elide(match.group())}: the {_SIDE_NAMES[target]} has no match for {wanted}",
                    suggestion=f"follow {self.code} ({self.origin})",
                    key=match.group(),
                )
            if self.forbid is not None:
                for found in _compiled(self.forbid, match, self.flags).finditer(target_text):
                    if found.end() > found.start():
                        yield Hit(
                            target,
                            found.start(),
                            found.end(),
                            said or f"{elide(found.group())} is what {self.code} forbids for {elide(match.group())}",
                            suggestion=f"follow {self.code} ({self.origin})",
                            key=f"forbid:{match.group()}:{found.group()}",
                        )


_PATTERNS: dict[tuple[str, tuple, int], regex.Pattern[str]] = {}


def _group(match: regex.Match[str], reference: re.Match[str]) -> str:
    number, name = reference.groups()
    try:
        return (match.group(int(number)) if number else match.group(name)) or ""
    except IndexError:  # no such group: the check's author wrote one too many
        return ""


def _filled(pattern: str, match: regex.Match[str]) -> str:
    """The pattern as a message shows it: back-references replaced by what they read."""
    return _BACKREFERENCE.sub(lambda reference: _group(match, reference), pattern)


def _compiled(pattern: str, match: regex.Match[str], flags: int) -> regex.Pattern[str]:
    """``pattern`` with its back-references filled from the source match, compiled once per fill."""
    groups = match.groups()
    key = (pattern, groups, flags)
    compiled = _PATTERNS.get(key)
    if compiled is None:
        if len(_PATTERNS) > 10_000:
            _PATTERNS.clear()
        filled = _BACKREFERENCE.sub(lambda reference: regex.escape(_group(match, reference)), pattern)
        compiled = _PATTERNS[key] = regex.compile(filled, flags)
    return compiled


def load_checks(paths: list[Path]) -> dict[str, type[UserCheck]]:
    """The check rules of every ``kind: check`` file, by code; errors name the file and entry."""
    from qa.rules import all_rules

    builtins = {code for code, rule in all_rules(user=False).items()}
    checks: dict[str, type[UserCheck]] = {}
    for path, entries in kind_entries(paths, "check", "checks", CheckFileError):
        for number, entry in enumerate(entries, start=1):
            where = f"{shown(path)}: checks[{number}]"
            rule = _check_rule(entry, where, f"{shown(path)}")
            if rule.code in builtins:
                raise CheckFileError(f"{where}: code {rule.code} is a built-in rule's")
            if rule.code in checks:
                raise CheckFileError(f"{where}: code {rule.code} is used twice")
            checks[rule.code] = rule
    return checks


def _check_rule(entry: Any, where: str, origin: str) -> type[UserCheck]:
    if not isinstance(entry, dict):
        raise CheckFileError(f"{where}: expected a table with code, source and require or forbid")
    unknown = set(entry) - _KEYS
    if unknown:
        raise CheckFileError(f"{where}: unknown key {sorted(unknown)[0]!r}")
    code = str(entry.get("code", ""))
    if not _CODE.fullmatch(code):
        raise CheckFileError(f"{where}: code must be capitals and three digits (HOUSE001), got {code!r}")
    name = str(entry.get("name", code.lower()))
    if not _NAME.fullmatch(name):
        raise CheckFileError(f"{where}: name must be kebab-case (percentage-points), got {name!r}")
    severity = entry.get("severity", "warning")
    if severity not in ("error", "warning", "note"):
        raise CheckFileError(f"{where}: severity must be error, warning or note, got {severity!r}")
    if ("source" in entry) == ("literal" in entry):
        raise CheckFileError(f"{where}: give one of source (a regular expression) and literal")
    if "require" not in entry and "forbid" not in entry:
        raise CheckFileError(f"{where}: give require, forbid or both")
    direction = entry.get("direction")
    if direction not in (None, "zh-en", "en-zh"):
        raise CheckFileError(f"{where}: direction must be zh-en or en-zh, got {direction!r}")
    sensitive = entry.get("case-sensitive", False)
    if not isinstance(sensitive, bool):
        raise CheckFileError(f"{where}: case-sensitive must be true or false")
    flags = 0 if sensitive else regex.IGNORECASE
    try:
        source = regex.compile(regex.escape(str(entry["literal"])) if "literal" in entry else str(entry["source"]))
        for key in ("require", "forbid"):
            if key in entry:  # compiled with empty groups: a syntax check before any pair is read
                regex.compile(_BACKREFERENCE.sub("", str(entry[key])), flags)
    except regex.error as error:
        raise CheckFileError(f"{where}: bad regular expression: {error}") from None
    summary = str(entry.get("summary") or f"A check of this project: {name}.").strip()
    patterns = [f"source ``{entry.get('source', entry.get('literal'))}``"]
    patterns += [f"{key} ``{entry[key]}``" for key in ("require", "forbid") if key in entry]
    doc = (
        f"{summary}\n\nA user check defined in {origin}: {', '.join(patterns)}"
        f"{f' (only {direction} pairs)' if direction else ''}."
        f"{chr(10) * 2 + str(entry['note']) if entry.get('note') else ''}"
    )
    attributes = {
        "__doc__": doc,
        "__module__": __name__,
        "code": code,
        "name": name,
        "severity": severity,
        "source_pattern": source,
        "require": str(entry["require"]) if "require" in entry else None,
        "forbid": str(entry["forbid"]) if "forbid" in entry else None,
        "direction": direction,
        "flags": flags,
        "message": str(entry["message"]) if entry.get("message") else None,
        "origin": origin,
    }
    return type(f"UserCheck{code}", (UserCheck,), attributes)
