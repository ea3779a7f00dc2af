from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from qa.datapacks import DataPackError, kind_entries, shown
from qa.model import Hit, Pair
from qa.rules import Rule, register


@dataclass(frozen=True)
class PairPattern:
    """One data rule of kind ``pattern``: when the Chinese matches ``zh``, the English must match ``en``."""

    id: str
    zh: regex.Pattern
    en: regex.Pattern
    rendering: str  # what the message names as expected
    source: str


class PatternFileError(DataPackError):
    pass


def _compile(pattern: str, flags: int):
    """The standard library's re searches these simple patterns several times faster than the
    regex module; patterns only the regex module understands (\\p{Han}, …) still work."""
    try:
        return re.compile(pattern, flags)
    except re.error:
        return regex.compile(pattern, flags)


def load_patterns(paths) -> list[PairPattern]:
    patterns: dict[str, PairPattern] = {}
    for path, entries in kind_entries(paths, "pattern", "patterns", PatternFileError):
        for number, entry in enumerate(entries, start=1):
            where = f"{shown(path)}: patterns[{number}]"
            if not isinstance(entry, dict) or not {"id", "zh", "en"} <= entry.keys():
                raise PatternFileError(f"{where}: needs id, zh and en")
            unknown = set(entry) - {"id", "zh", "en", "rendering", "note"}
            if unknown:
                raise PatternFileError(f"{where}: unknown key {sorted(unknown)[0]!r}")
            try:
                zh = _compile(str(entry["zh"]), 0)
                en = _compile(str(entry["en"]), re.IGNORECASE)
            except regex.error as error:
                raise PatternFileError(f"{where}: bad regular expression: {error}") from None
            # a later file (the user's) replaces a shipped pattern with the same id
            patterns[str(entry["id"])] = PairPattern(
                str(entry["id"]), zh, en, str(entry.get("rendering", entry["en"])), str(path.name)
            )
    return list(patterns.values())


@register
class RequiredRendering(Rule):
    """An expression whose rendering is fixed by a data rule is rendered otherwise.

    Official documents translate set expressions one way; a reader who sees two
    renderings assumes two things. Data rules of ``kind: pattern`` (YAML files in
    the shipped ``rules/`` pack, a ``rules/`` folder beside your config file, or
    ``rule-paths``) say: when the Chinese matches ``zh``, the English must match
    ``en`` (a regular expression, case-insensitive). Reported on the Chinese
    expression.

    **Fails:** 深刻领悟习近平新时代中国特色社会主义思想 / ``study Xi Jinping's thinking on socialism``

    **Passes:** 以习近平新时代中国特色社会主义思想为指导 / ``seek guidance from Xi Jinping Thought on
    Socialism with Chinese Characteristics for a New Era``

    Options: a pattern file is ``kind: pattern`` with a list ``patterns`` of entries with
    ``id``, ``zh``, ``en`` and optional ``rendering`` (shown in the message) and ``note``.
    A user's entry with the same ``id`` replaces the shipped one.
    """

    code = "TERM006"
    name = "required-rendering"
    severity = "warning"
    pure = True

    _patterns: list[PairPattern] | None = None

    @property
    def patterns(self) -> list[PairPattern]:
        if self._patterns is None:
            self._patterns = load_patterns(self.context.data_files("*.yaml", "*.yml"))
        return self._patterns

    def check(self, pair: Pair) -> Iterator[Hit]:
        for pattern in self.patterns:
            match = pattern.zh.search(pair.zh.text)
            if match and not pattern.en.search(pair.en.text):
                yield Hit(
                    "zh",
                    match.start(),
                    match.end(),
                    f"{match.group(0)} must be rendered as \"{pattern.rendering}\"",
                    suggestion=f"use \"{pattern.rendering}\" ({pattern.source}: {pattern.id})",
                    key=pattern.id,
                )
