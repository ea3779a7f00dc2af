"""Per-file ignores: ``[tool.qa.per-file-ignores]`` turns rules off for files matching a glob.

::

    [tool.qa.per-file-ignores]
    "legacy/*.txt" = ["TXT"]          # code prefixes, codes and names, as --ignore takes
    "glossary.tsv" = ["TERM001"]      # no "/": matches the file name in any folder
    "**/drafts/**" = ["ALL"]

Globs are matched against the file's path relative to the folder of the config file
that defines them (the working directory when there is none), with ``/`` separators.
``*`` and ``?`` match across ``/`` (as in ruff's per-file-ignores), so ``legacy/*``
covers sub-folders too; ``**/`` at the start also matches no folder at all. A pattern
with no ``/`` matches the file name alone.

Findings removed this way are not counted as suppressed: like ``ignore``, the rule is
simply off for those files (the baseline and inline comments are what "suppressed"
counts).
"""

from __future__ import annotations

import fnmatch
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from qa.config import Config, ConfigError
from qa.model import Finding
from qa.rules import Rule


@dataclass(frozen=True)
class PerFileIgnores:
    root: Path
    patterns: tuple[tuple[str, frozenset[str]], ...]  # (glob, rule codes it turns off)

    @classmethod
    def from_config(cls, config: Config, registry: Mapping[str, type[Rule]]) -> PerFileIgnores:
        from qa.engine import rule_matches

        where = f"{config.label} per-file-ignores"
        patterns = []
        for pattern, selectors in config.per_file_ignores:
            codes: set[str] = set()
            for selector in selectors:
                matched = {
                    code for code, rule in registry.items() if selector.upper() == "ALL" or rule_matches(rule, selector)
                }
                if not matched:
                    raise ConfigError(f"{where}.{pattern!r}: unknown rule {selector!r} (see `qa rules`)")
                codes |= matched
            patterns.append((pattern.replace("\\", "/"), frozenset(codes)))
        root = config.path.parent if config.path is not None else Path.cwd()
        return cls(root, tuple(patterns))

    def codes_for(self, path: str) -> frozenset[str]:
        """The rule codes turned off for the file at ``path`` (as displayed: relative to the
        working directory, or absolute)."""
        if not self.patterns:
            return frozenset()
        resolved = Path(path).resolve()
        try:
            relative = resolved.relative_to(self.root.resolve()).as_posix()
        except ValueError:
            relative = resolved.as_posix()
        name = PurePosixPath(relative).name
        codes: set[str] = set()
        for pattern, pattern_codes in self.patterns:
            if _glob_matches(pattern, relative, name):
                codes |= pattern_codes
        return frozenset(codes)

    def apply(self, findings: Sequence[Finding]) -> list[Finding]:
        by_path: dict[str, frozenset[str]] = {}
        kept = []
        for finding in findings:
            path = finding.location.path
            if path not in by_path:
                by_path[path] = self.codes_for(path)
            if finding.code not in by_path[path]:
                kept.append(finding)
        return kept


def _glob_matches(pattern: str, relative: str, name: str) -> bool:
    pattern = pattern.removeprefix("./")
    if pattern.endswith("/"):  # a folder: everything below it
        pattern += "*"
    if "/" not in pattern:
        return fnmatch.fnmatchcase(name, pattern)
    if fnmatch.fnmatchcase(relative, pattern):
        return True
    return pattern.startswith("**/") and fnmatch.fnmatchcase(relative, pattern[3:])
