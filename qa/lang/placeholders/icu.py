"""ICU MessageFormat plural and select arguments: ``{count, plural, one {# item} other {# items}}``.

A plural or select argument is not a placeholder to count: its branches are alternatives, and a
language keeps the categories it has (Chinese has only ``other``, so ``{count, plural, other
{# 个项目}}`` renders ``one {# item} other {# items}``). ``icu_arguments(text)`` finds them with
their branches, nested ones too, so TAG001 can compare the argument (name and kind) and, branch by
branch, what each prints. Apostrophes quote as ICU has them (``'{'`` is a literal brace, ``''`` an
apostrophe). Linear in the text's length: one pass; a malformed argument ends the search.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

#: the opening of a plural/select argument, ``{count, plural,`` (Angular: ``{VAR_PLURAL, plural,``)
_OPENING = regex.compile(r"\{\s*([A-Za-z_][\w.-]*|\d+)\s*,\s*(plural|selectordinal|select)\s*,\s*")
_OFFSET = regex.compile(r"offset\s*:\s*\d+\s*")
_SELECTOR = regex.compile(r"(=\s*-?\d+(?:\.\d+)?|[A-Za-z_][\w-]*)\s*\{")
_SPACE = regex.compile(r"\s*")
_KINDS = ("plural", "selectordinal", "select")
_MAX_DEPTH = 16  # deeper nesting is not a message a translator writes: not read as ICU


@dataclass
class Branch:
    """One branch of an argument: its selector (``one``, ``other``, ``=0``) and where its content is."""

    selector: str
    start: int  # just after its "{"
    end: int  # at its "}"
    arguments: list[Argument] = field(default_factory=list)  # nested plural/select arguments


@dataclass
class Argument:
    """A plural, selectordinal or select argument: ``{count, plural, …}`` from ``start`` to ``end``."""

    name: str
    kind: str
    start: int
    end: int
    head_end: int  # after "{count, plural, "
    branches: list[Branch] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{{{self.name}, {self.kind}}}"


class _Malformed(Exception):
    pass


def icu_arguments(text: str) -> list[Argument]:
    """The top-level plural/select arguments of ``text``, in order (none in ordinary prose)."""
    if "{" not in text or not any(kind in text for kind in _KINDS):
        return []
    found: list[Argument] = []
    position = 0
    while True:
        match = _OPENING.search(text, position)
        if match is None:
            return found
        try:
            argument, position = _argument(text, match, 0)
        except _Malformed:
            return found
        found.append(argument)


def _argument(text: str, opening: regex.Match[str], depth: int) -> tuple[Argument, int]:
    if depth > _MAX_DEPTH:
        raise _Malformed
    argument = Argument(opening.group(1), opening.group(2), opening.start(), opening.start(), opening.end())
    position = opening.end()
    offset = _OFFSET.match(text, position) if argument.kind != "select" else None
    if offset is not None:
        position = offset.end()
    while True:
        position = _SPACE.match(text, position).end()
        if position >= len(text):
            raise _Malformed
        if text[position] == "}":
            if not argument.branches:
                raise _Malformed
            argument.end = position + 1
            return argument, position + 1
        selector = _SELECTOR.match(text, position)
        if selector is None:
            raise _Malformed
        branch = Branch(regex.sub(r"\s+", "", selector.group(1)), selector.end(), selector.end())
        position = _content(text, selector.end(), branch, depth)
        argument.branches.append(branch)


def _content(text: str, position: int, branch: Branch, depth: int) -> int:
    """Read a branch's content from ``position`` to its closing brace; return the offset after it."""
    level = 0  # simple arguments ({name}) and other braces inside the content
    length = len(text)
    while position < length:
        char = text[position]
        if char == "'" and position + 1 < length and text[position + 1] in "{}#|'":
            if text[position + 1] == "'":
                position += 2
                continue
            closing = text.find("'", position + 1)
            if closing < 0:
                raise _Malformed
            position = closing + 1
            continue
        if char == "{":
            nested = _OPENING.match(text, position)
            if nested is not None:
                argument, position = _argument(text, nested, depth + 1)
                branch.arguments.append(argument)
                continue
            level += 1
        elif char == "}":
            if level == 0:
                branch.end = position
                return position + 1
            level -= 1
        position += 1
    raise _Malformed
