"""The table reporter: what a translator reads in the terminal.

Findings are grouped under a heading per file. A wide console gets one table row per
finding (position, severity, rule, message and suggestion, the zh and en excerpts); a
console narrower than ``STACKED_BELOW`` columns gets the same fields stacked, one finding
after another, so that nothing is cut off. The offending span is highlighted in its
excerpt; where the output has no styles at all (a pipe, a file) it is marked ⟦like this⟧
instead, so the span is still visible.

Only this module imports Rich, and only ``get_reporter("table")`` imports this module.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from itertools import groupby
from typing import TYPE_CHECKING, TextIO

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from qa.model import TAG_MARK, Evidence, Finding
from qa.report import Reporter, rule_name, summarise, summary_line

if TYPE_CHECKING:
    from qa.rules.base import Rule

#: Consoles narrower than this get the stacked layout.
STACKED_BELOW = 100
#: Width used when the stream is not a terminal and COLUMNS is not set.
DEFAULT_WIDTH = 120
#: Terminal cells of context shown for each side of a pair (a hanzi takes two).
EXCERPT_CELLS = 40
ELLIPSIS = "…"
#: Rule names longer than this wrap after a hyphen in the wide table.
NAME_CELLS = 16
#: Marks around the span when the output carries no styles.
SPAN_OPEN, SPAN_CLOSE = "⟦", "⟧"

SEVERITY_STYLES = {"error": "bold red", "warning": "yellow", "note": "cyan"}

# Trailing spaces Rich pads lines with, possibly followed by style resets.
_TRAILING_SPACES = re.compile(r" +((?:\x1b\[[0-9;]*m)*)$", re.MULTILINE)


class TableReporter(Reporter):
    """``width`` and ``color`` override what the stream suggests (tests, ``--color``):
    ``color=None`` colours a terminal unless NO_COLOR is set (Rich also honours FORCE_COLOR),
    ``True`` always, ``False`` never."""

    def __init__(self, *, width: int | None = None, color: bool | None = None, **options) -> None:
        super().__init__(**options)
        self.width = width
        self.color = color

    def emit(self, findings: Sequence[Finding], rules: Mapping[str, type[Rule]], stream: TextIO) -> None:
        console = Console(
            file=stream,
            width=self.width or console_width(stream),
            force_terminal=self.color,
            no_color=None if self.color is None else not self.color,  # an explicit choice beats NO_COLOR
            highlight=False,
            markup=False,
            emoji=False,
            soft_wrap=False,
        )
        marks_span = console.color_system is None or not console.is_terminal
        layout = stacked if console.width < STACKED_BELOW else wide_table
        with console.capture() as capture:
            for path, file_findings in groupby(findings, key=lambda finding: finding.location.path):
                console.print(Text(path, style="bold underline"))
                console.print(layout(list(file_findings), rules, marks_span))
                console.print()
            console.print(Text(summary_line(summarise(findings, self.files, self.suppressed)), style="bold"))
        # Rich pads every line to the table's width; trailing spaces only get in the way of
        # diffs and golden files.
        stream.write(_TRAILING_SPACES.sub(r"\1", capture.get()))


def console_width(stream: TextIO) -> int:
    """The terminal's width when writing to one that knows it, else $COLUMNS, else ``DEFAULT_WIDTH``.

    A pseudo-terminal nobody sized (``script -qc "qa check …"`` run from a CI runner) reports
    0 columns: that is no width, and Rich would print nothing at all in it."""
    try:
        if stream.isatty():
            columns = os.get_terminal_size(stream.fileno()).columns
            if columns > 0:
                return columns
    except (AttributeError, OSError, ValueError):
        pass
    try:
        return max(int(os.environ.get("COLUMNS", "")), 20)
    except ValueError:
        return DEFAULT_WIDTH


# -- layouts --------------------------------------------------------------------------


def wide_table(findings: Sequence[Finding], rules: Mapping[str, type[Rule]], marks_span: bool) -> Table:
    table = Table(
        box=box.SIMPLE_HEAD, expand=True, pad_edge=False, show_edge=False, collapse_padding=True, header_style="bold"
    )
    table.add_column("line:col", justify="right", no_wrap=True)
    table.add_column("severity", no_wrap=True)
    table.add_column("rule", no_wrap=True)
    table.add_column("message", ratio=3, overflow="fold")
    table.add_column("zh", ratio=3, overflow="fold")
    table.add_column("en", ratio=3, overflow="fold")
    for finding in findings:
        rule = Text(finding.code)
        name = rule_name(finding, rules)
        if name:
            rule.append("\n" + "\n".join(hyphen_lines(name, NAME_CELLS)), style="dim")
        zh, en = excerpts(finding, marks_span)
        table.add_row(position(finding), severity(finding), rule, message(finding), zh, en)
    return table


def stacked(findings: Sequence[Finding], rules: Mapping[str, type[Rule]], marks_span: bool) -> RenderableType:
    """One block per finding: a heading line, then the message, suggestion and excerpts
    under it, each wrapping within the console."""
    blocks: list[RenderableType] = []
    for finding in findings:
        heading = Text.assemble(position(finding), " ", severity(finding), " ", finding.code)
        name = rule_name(finding, rules)
        if name:
            heading.append(" " + name, style="dim")
        details = Table.grid(padding=(0, 1))
        details.add_column(no_wrap=True, style="dim")
        details.add_column(overflow="fold")
        details.add_row("", message(finding))
        zh, en = excerpts(finding, marks_span)
        details.add_row("zh", zh)
        details.add_row("en", en)
        blocks.append(Group(heading, Padding(details, (0, 0, 0, 2))))
    return Padding(Group(*blocks), (0, 0, 0, 2))


def hyphen_lines(name: str, cells: int) -> list[str]:
    """A kebab-case name in lines of at most ``cells`` (unless one word is longer), broken
    after hyphens: Rich only breaks at spaces, and a long name would widen the column."""
    lines = [""]
    for word in re.findall(r"[^-]+-?|-", name):
        if lines[-1] and cell_len(lines[-1] + word.rstrip("-")) > cells:
            lines.append("")
        lines[-1] += word
    return lines


# -- cells ------------------------------------------------------------------------------


def position(finding: Finding) -> Text:
    return Text(f"{finding.location.line}:{finding.location.column}")


def severity(finding: Finding) -> Text:
    return Text(finding.severity, style=SEVERITY_STYLES.get(finding.severity, ""))


def message(finding: Finding) -> Text:
    text = Text(finding.message)
    if finding.suggestion:
        text.append("\nsuggestion: ", style="dim")
        text.append(finding.suggestion, style="green")
    return text


def excerpts(finding: Finding, marks_span: bool) -> tuple[Text, Text]:
    """The (zh, en) excerpts: a window around the span on its side, the start of the other."""
    evidence = finding.evidence
    span_style = f"{SEVERITY_STYLES.get(finding.severity, '')} bold underline".strip()
    around_span = span_excerpt(evidence, span_style, marks_span)
    other_side = Text(head(printable(evidence.en if evidence.side == "zh" else evidence.zh), EXCERPT_CELLS))
    return (around_span, other_side) if evidence.side == "zh" else (other_side, around_span)


def span_excerpt(evidence: Evidence, span_style: str, marks_span: bool, cells: int = EXCERPT_CELLS) -> Text:
    text = printable(evidence.zh if evidence.side == "zh" else evidence.en)
    start = min(max(evidence.start, 0), len(text))
    end = min(max(evidence.end, start), len(text))
    before, span, after = window(text, start, end, cells)
    excerpt = Text(before)
    excerpt.append(f"{SPAN_OPEN}{span}{SPAN_CLOSE}" if marks_span else span, style=span_style)
    excerpt.append(after)
    return excerpt


def window(text: str, start: int, end: int, cells: int) -> tuple[str, str, str]:
    """``text[start:end]`` with about ``cells`` terminal cells of context shared between
    both sides, as (before, span, after); ``…`` stands for what was cut."""
    span = text[start:end]
    if cell_len(span) >= cells:
        shown = head(span, cells)
        return (ELLIPSIS if start > 0 else ""), shown, (ELLIPSIS if end < len(text) else "")
    spare = cells - cell_len(span)
    left = _reach_left(text, start, spare // 2)
    right = _reach_right(text, end, spare - cell_len(text[left:start]))
    left = _reach_left(text, start, spare - cell_len(text[end:right]))  # give the left what the right left over
    before = (ELLIPSIS if left > 0 else "") + text[left:start]
    after = text[end:right] + (ELLIPSIS if right < len(text) else "")
    return before, span, after


def head(text: str, cells: int) -> str:
    """The start of ``text`` in at most ``cells`` cells, with ``…`` if it was cut."""
    if cell_len(text) <= cells:
        return text
    return text[: _reach_right(text, 0, cells - 1)] + ELLIPSIS


def _reach_left(text: str, start: int, cells: int) -> int:
    """The smallest index such that ``text[index:start]`` fits in ``cells``."""
    index, used = start, 0
    while index > 0 and used + cell_len(text[index - 1]) <= cells:
        index -= 1
        used += cell_len(text[index])
    return index


def _reach_right(text: str, end: int, cells: int) -> int:
    """The largest index such that ``text[end:index]`` fits in ``cells``."""
    index, used = end, 0
    while index < len(text) and used + cell_len(text[index]) <= cells:
        used += cell_len(text[index])
        index += 1
    return index


#: How the table shows where an inline tag or placeholder was (``TAG_MARK``, U+FFFC, which
#: terminals draw as a box with letters in it or not at all): one narrow character, so offsets hold.
TAG_SHOWN = "\u25ab"  # ▫ WHITE SMALL SQUARE


#: the characters of categories Cc, Zl and Zp
_NOT_PRINTED = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


@lru_cache(maxsize=64)  # every finding of a pair shows the same texts: a 3 MB line was redone per finding
def printable(text: str) -> str:
    """Line breaks, tabs and other control characters as single spaces, so offsets still hold;
    an inline tag's place as ▫."""
    return _NOT_PRINTED.sub(" ", text).replace(TAG_MARK, TAG_SHOWN)
