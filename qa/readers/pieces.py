"""Building a Segment piece by piece from wherever its text sits in a file.

Structured formats interrupt text with markup: an XML entity (``&amp;``), a PO
escape (``\\n``), a doubled CSV quote or an inline tag. Each run of text that
maps column for column onto the file is one piece of the segment; a decoded
escape is a piece of one character at the escape's position; an inline tag or a
placeholder is a ``TAG_MARK`` at the tag's position plus an ``InlineTag``.
"""

from __future__ import annotations

import bisect
import re

from qa.lang.placeholders import PLACEHOLDER, placeholder_spans
from qa.model import TAG_MARK, InlineTag, Segment, Side

__all__ = ["PLACEHOLDER", "LineIndex", "SegmentBuilder"]


class LineIndex:
    """Offsets in a text ↔ 1-based (line, column)."""

    def __init__(self, text: str) -> None:
        self.starts = [0, *(match.end() for match in re.finditer("\n", text))]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def offset(self, line: int, column: int = 1) -> int:
        return self.starts[line - 1] + column - 1


class SegmentBuilder:
    """Accumulates text, escapes and tags with their file positions; ``build()`` makes the Segment.

    Placeholders in the text become tags: those of ``syntaxes`` (the ones the string's format declares,
    ``qa.lang.placeholders``: a PO entry's ``#, c-format``), else the safe common set ``PLACEHOLDER``."""

    def __init__(
        self, lang: Side, line: int, column: int, path: str | None = None, syntaxes: tuple[str, ...] = ()
    ) -> None:
        self.lang = lang
        self.syntaxes = syntaxes
        self.first = (line, column)  # where an empty segment points
        self.path = path
        self.parts: list[str] = []
        self.length = 0
        self.starts: list[int] = []
        self.lines: list[int] = []
        self.columns: list[int] = []
        self.tags: list[InlineTag] = []

    def _piece(self, text: str, line: int, column: int) -> None:
        if not text:
            return
        self.starts.append(self.length)
        self.lines.append(line)
        self.columns.append(column)
        self.parts.append(text)
        self.length += len(text)

    def add_text(self, text: str, line: int, column: int, placeholders: bool = True) -> None:
        """Text that sits in the file as written from (line, column); may run over lines."""
        position = 0
        for start, end in self._placeholders(text) if placeholders else ():
            self._add_plain(text[position:start], line, column)
            line, column = _advance(text, position, start, line, column)
            self.add_tag(text[start:end], text[start:end], line, column)
            line, column = _advance(text, start, end, line, column)
            position = end
        self._add_plain(text[position:], line, column)

    def _placeholders(self, text: str) -> list[tuple[int, int]]:
        if self.syntaxes:
            return placeholder_spans(text, self.syntaxes)
        return [match.span() for match in PLACEHOLDER.finditer(text)]

    def _add_plain(self, text: str, line: int, column: int) -> None:
        for number, chunk in enumerate(text.split("\n")):
            last = number == text.count("\n")
            self._piece(chunk if last else chunk + "\n", line + number, column if number == 0 else 1)

    def add_unmapped(self, text: str, line: int, column: int) -> None:
        """Text that cannot be mapped character by character onto the file (the parser read it otherwise
        than the scan of the raw text): every character points at (line, column), where its element starts."""
        position = 0
        for start, end in self._placeholders(text):
            for char in text[position:start]:
                self._piece(char, line, column)
            self.add_tag(text[start:end], text[start:end], line, column)
            position = end
        for char in text[position:]:
            self._piece(char, line, column)

    def add_char(self, char: str, line: int, column: int) -> None:
        """One character decoded from an escape or entity written at (line, column)."""
        self._piece(char, line, column)

    def add_tag(self, text: str, key: str, line: int, column: int) -> None:
        self.tags.append(InlineTag(text, key, self.length))
        self._piece(TAG_MARK, line, column)

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def build(self) -> Segment:
        if not self.parts:
            line, column = self.first
            return Segment(self.lang, "", (0,), (line,), (column,), (), self.path)
        return Segment(
            self.lang,
            self.text,
            tuple(self.starts),
            tuple(self.lines),
            tuple(self.columns),
            tuple(self.tags),
            self.path,
        )


def _advance(text: str, start: int, end: int, line: int, column: int) -> tuple[int, int]:
    """The (line, column) of text[end] given that text[start] is at (line, column)."""
    newlines = text.count("\n", start, end)
    if newlines:
        return line + newlines, end - text.rfind("\n", start, end)
    return line, column + end - start
