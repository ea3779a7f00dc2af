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
from itertools import groupby, pairwise
from typing import TYPE_CHECKING, TextIO

from rich import box
from rich._ratio import ratio_distribute
from rich._wrap import divide_line
from rich.cells import cell_len, set_cell_size
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from qa.model import TAG_MARK, Evidence, Finding, Side
from qa.report import Reporter, Summary, rule_name, summarise, summary_line

if TYPE_CHECKING:
    from qa.rules.base import Rule

#: Consoles narrower than this get the stacked layout: below it the message column of the
#: wide table is too narrow to read (a TERM002 message took 14 lines at 100 columns).
STACKED_BELOW = 110
#: Width used when the stream is not a terminal and COLUMNS is not set.
DEFAULT_WIDTH = 120
#: Terminal cells of context shown for each side of a pair at least (a hanzi takes two).
EXCERPT_CELLS = 40
#: Lines of its column an excerpt may take in the wide table.
EXCERPT_LINES = 3
ELLIPSIS = "…"
#: Rule names longer than this wrap after a hyphen in the wide table.
NAME_CELLS = 16
#: Marks around the span when the output carries no styles.
SPAN_OPEN, SPAN_CLOSE = "⟦", "⟧"

SEVERITY_STYLES = {"error": "bold red", "warning": "yellow", "note": "cyan"}
#: Findings of a run shown as table rows (or stacked blocks) with their excerpts; the others get one
#: line each. Rich lays a row out in about 2 ms, so 200,000 rows took minutes; nobody reads that
#: many in a terminal, and every other format (json, html, sarif) holds them all with their texts.
FULL_ROWS = 1000

# Trailing spaces Rich pads lines with, possibly followed by style resets.
_TRAILING_SPACES = re.compile(r" +((?:\x1b\[[0-9;]*m)*)$", re.MULTILINE)


class TableReporter(Reporter):
    """``width`` and ``color`` override what the stream suggests (tests, ``--color``):
    ``color=None`` colours a terminal unless NO_COLOR is set (Rich also honours FORCE_COLOR),
    ``True`` always, ``False`` never."""

    def __init__(
        self, *, width: int | None = None, color: bool | None = None, full_rows: int = FULL_ROWS, **options
    ) -> None:
        super().__init__(**options)
        self.width = width
        self.color = color
        self.full_rows = full_rows

    def emit(
        self,
        findings: Sequence[Finding],
        rules: Mapping[str, type[Rule]],
        stream: TextIO,
        summary: Summary | None = None,
    ) -> None:
        """``summary``: the run's counts when ``findings`` are only the first of its findings (a corpus
        checked a chunk at a time shows the first ``qa.streaming.TABLE_LIMIT``); a line then says so."""
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
        full = self.full_rows
        for path, file_findings in groupby(findings, key=lambda finding: finding.location.path):
            file_findings = list(file_findings)
            shown, rest = file_findings[: max(full, 0)], file_findings[max(full, 0) :]
            with console.capture() as capture:
                console.print(Text(path, style="bold underline"))
                rows = None
                if shown and layout is wide_table and console.color_system is None:
                    rows = plain_wide_table(shown, rules, marks_span, console)
                if shown and rows is None:
                    console.print(layout(shown, rules, marks_span, console.width))
            # Rich pads every line to the table's width; trailing spaces only get in the way of
            # diffs and golden files (plain_wide_table leaves none).
            text = _TRAILING_SPACES.sub(r"\1", capture.get()) + (rows or "")
            if rest and full >= 0:
                with console.capture() as capture:
                    console.print(Text(compact_notice(len(findings) - self.full_rows), style="dim"))
                text += _TRAILING_SPACES.sub(r"\1", capture.get())
                full = -1  # said once
            stream.write(text)
            if rest:
                stream.write(compact_lines(rest, console))
            stream.write("\n")
            full -= len(shown)
        with console.capture() as capture:
            if summary is not None and summary.findings > len(findings):
                console.print(Text(
                    f"showing the first {len(findings):,} of {summary.findings:,} findings; "
                    "--format json or sarif -o FILE reports all of them", style="bold"))  # fmt: skip
            summary = summary or summarise(findings, self.files, self.suppressed)
            console.print(Text(summary_line(summary), style="bold"))
        stream.write(_TRAILING_SPACES.sub(r"\1", capture.get()))


def compact_notice(count: int) -> str:
    others = f"the other {count:,} findings" if count != 1 else "the other finding"
    return f"  {others} one line each; --format html or json shows every finding with its excerpts"


def compact_lines(findings: Sequence[Finding], console: Console) -> str:
    """One line a finding: position, severity, code and message (suggestion after ``;``), written
    without Rich's layout; the severity styled as in the table where the console has colours. At a
    terminal a line is cut to its width (one line each, aligned); in a pipe or file it is whole."""
    styled = {}
    for level, style in SEVERITY_STYLES.items():
        with console.capture() as capture:
            console.print(Text(f"{level:<7}", style=style), end="")
        styled[level] = capture.get()
    terminal = console.is_terminal  # a property that reads the environment: asked once, not per line
    width = console.width
    pieces: list[str] = []  # the long texts (a CON001 message lists lines) are copied once, by the join
    append = pieces.append
    labels: dict[tuple[str, str], str] = {}  # severity and code, as the line shows them
    for finding in findings:
        location = finding.location
        prefix = "%7d:%-5d " % (location.line, location.column)  # noqa: UP031 (an f-string takes twice as long)
        append(prefix)
        label = labels.get((finding.severity, finding.code))
        if label is None:
            severity = finding.severity
            label = labels[severity, finding.code] = f"{styled.get(severity) or f'{severity:<7}'}  {finding.code:<8} "
        append(label)
        message, suggestion = finding.message, finding.suggestion
        if terminal:
            text = printable(f"{message}; {suggestion}" if suggestion else message)
            append(head(text, max(width - cell_len(prefix) - 7 - cell_len(f"  {finding.code:<8} "), 10)))
        else:  # printable() a character at a time, and only where there is something to change
            append(message if message.isprintable() and TAG_MARK not in message else printable(message))
            if suggestion:
                append("; ")
                append(suggestion if suggestion.isprintable() and TAG_MARK not in suggestion else printable(suggestion))
        append("\n")
    return "".join(pieces)


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


#: The wide table's columns: (header, justify, no_wrap, overflow, ratio); the zh and en headers follow ``sides``.
_WIDE_COLUMNS = (
    ("line:col", "right", True, "ellipsis", None),
    ("severity", "left", True, "ellipsis", None),
    ("rule", "left", True, "ellipsis", None),
    ("message", "left", False, "fold", 5),
    ("", "left", False, "fold", 3),
    ("", "left", False, "fold", 3),
)


def wide_table(
    findings: Sequence[Finding], rules: Mapping[str, type[Rule]], marks_span: bool, width: int = DEFAULT_WIDTH
) -> Table:
    """One row per finding. The message column takes 5 parts of what the fixed columns leave, each
    excerpt 3, and an excerpt gets about ``EXCERPT_LINES`` lines of its column: a wider console
    shows more context, and a row stays a few lines high."""
    table = Table(
        box=box.SIMPLE_HEAD, expand=True, pad_edge=False, show_edge=False, collapse_padding=True, header_style="bold"
    )
    headers, rows = wide_cells(findings, rules, marks_span, width)
    for header, (_, justify, no_wrap, overflow, ratio) in zip(headers, _WIDE_COLUMNS, strict=True):
        if no_wrap:
            table.add_column(header, justify=justify, no_wrap=True)
        else:
            table.add_column(header, ratio=ratio, overflow=overflow)
    for row in rows:
        table.add_row(*row)
    return table


def wide_cells(
    findings: Sequence[Finding], rules: Mapping[str, type[Rule]], marks_span: bool, width: int
) -> tuple[tuple[str, ...], list[tuple[Text, ...]]]:
    """The wide table's headers and its rows of cells."""
    first, second = sides(findings[0]) if findings else ("zh", "en")
    headers = (*(column[0] for column in _WIDE_COLUMNS[:4]), first, second)
    positions = max((len(position(finding)) for finding in findings), default=8)
    fixed = max(positions, 8) + len("warning") + NAME_CELLS + 10  # and the gaps between six columns
    column_cells = max((width - fixed) * 3 // 11, 10)
    # English wraps at spaces, so a line holds less than its width: leave two thirds of a line spare
    cells = max(column_cells * EXCERPT_LINES - column_cells * 2 // 3, EXCERPT_CELLS)
    rows = []
    for finding in findings:
        rule = Text(finding.code)
        name = rule_name(finding, rules)
        if name:
            rule.append("\n" + "\n".join(hyphen_lines(name, NAME_CELLS)), style="dim")
        shown = excerpts(finding, marks_span, cells)
        rows.append((position(finding), severity(finding), rule, message(finding), *shown))
    return headers, rows


def plain_wide_table(
    findings: Sequence[Finding], rules: Mapping[str, type[Rule]], marks_span: bool, console: Console
) -> str | None:
    """The text ``console.print(wide_table(…))`` writes, less the spaces Rich ends its lines with, where
    the console has no styles (a file, a pipe, ``--color never``), laid out here rather than by Rich's
    Table, which measures and renders every cell through several layers of segments (about 1.5 ms a
    row). The cells are the same Text objects, broken into lines as Rich's ``Text.wrap`` breaks them
    (``_wrap``); the column widths follow Rich's rules for this table (expand, ratios, collapsed
    padding, no edge: each column but the last is followed by one space of padding and the box's
    divider). None where the table would not fit the console: Rich lays that out.
    ``tests/report/test_table_report.py`` holds this equal to Rich's output."""
    headers, rows = wide_cells(findings, rules, marks_span, console.width)
    count = len(_WIDE_COLUMNS)
    padding = [1] * (count - 1) + [0]
    max_width = console.width - (count - 1)  # the dividers
    fixed = []
    for index in range(3):  # measured as Rich does: the longest line of any cell, and the padding
        longest = max(cell_len(line) for row in rows for line in row[index].plain.splitlines() or [""])
        fixed.append(max(longest, cell_len(headers[index])) + padding[index])
    flexible = [(ratio, 1 + pad) for (*_, ratio), pad in zip(_WIDE_COLUMNS, padding, strict=True) if ratio]
    if max_width - sum(fixed) < sum(minimum for _, minimum in flexible):
        return None
    widths = fixed + ratio_distribute(
        max_width - sum(fixed), [ratio for ratio, _ in flexible], [minimum for _, minimum in flexible]
    )
    if sum(widths) != max_width:
        return None
    table_box = box.SIMPLE_HEAD.substitute(console.options, safe=console.safe_box)
    columns = [
        (width - pad, justify, no_wrap, overflow, pad * " ")
        for width, pad, (_, justify, no_wrap, overflow, _) in zip(widths, padding, _WIDE_COLUMNS, strict=True)
    ]
    out: list[str] = []
    if not _plain_row(out, [Text(header) for header in headers], columns, console, table_box.head_vertical, True):
        return None
    out.append(table_box.get_row(widths, "head", edge=False) + "\n")
    for number, row in enumerate(rows, start=1):
        divider = table_box.foot_vertical if number == len(rows) else table_box.mid_vertical
        if not _plain_row(out, row, columns, console, divider, False):
            return None
    return "".join(out)


def _plain_row(
    out: list[str], row: Sequence[Text], columns: Sequence[tuple], console: Console, divider: str, header: bool
) -> bool:
    """One row's lines onto ``out``: each cell wrapped to its column and padded to it, cells aligned at
    the top (a header at the bottom); False if a line came out wider than its column."""
    cells = []
    for text, (inner, justify, no_wrap, overflow, _) in zip(row, columns, strict=True):
        plain = text.plain
        if "\u200d" in plain or "\ufe0f" in plain:
            return False  # a joiner or a variation selector: widths Rich measures per styled piece
        if "\t" in plain:  # Rich's wrap expands tabs
            wrapped = [line.plain for line in text.wrap(console, inner, justify=justify, overflow=overflow, no_wrap=no_wrap)]  # noqa: E501
        else:
            wrapped = _wrap(plain, inner, justify == "right", no_wrap, overflow)
        lines = []
        for line in wrapped:
            used = cell_len(line)
            if used > inner:
                return False
            lines.append(" " * (inner - used) + line if justify == "right" else line + " " * (inner - used))
        cells.append(lines)
    height = max(len(lines) for lines in cells)
    for lines, (inner, *_) in zip(cells, columns, strict=True):
        blank = [" " * inner] * (height - len(lines))
        if header:
            lines[:0] = blank
        else:
            lines.extend(blank)
    for index in range(height):
        line = divider.join(lines[index] + pad for lines, (*_, pad) in zip(cells, columns, strict=True))
        # the trailing spaces emit takes from Rich's lines (an escape code in the text keeps its pattern's say)
        out.append((line.rstrip(" ") if "\x1b" not in line else _TRAILING_SPACES.sub(r"\1", line)) + "\n")
    return True


_TRAILING_WHITESPACE = re.compile(r"\s+$")


def _wrap(plain: str, width: int, right: bool, no_wrap: bool, overflow: str) -> list[str]:
    """The lines of ``Text(plain).wrap(…)`` without their padding, as Rich makes them for a text without
    tabs: each line of the text broken where Rich's ``divide_line`` breaks it, trailing whitespace
    beyond the width dropped (``Text.rstrip_end``), a right-justified line stripped, a line still wider
    than the width cut to it as ``Text.truncate`` cuts (a hanzi that would straddle the edge, the space
    after a word that fills the line); the caller pads."""
    lines = []
    for piece in plain.split("\n"):
        if no_wrap:
            parts = [piece]
        else:
            offsets = divide_line(piece, width, fold=overflow == "fold")
            bounds = [0, *offsets, len(piece)]
            parts = [piece[start:end] for start, end in pairwise(bounds)] if offsets else [piece]
            for index, part in enumerate(parts):
                if len(part) > width and (space := _TRAILING_WHITESPACE.search(part)) is not None:
                    parts[index] = part[: len(part) - min(len(space.group()), len(part) - width)]
        for part in parts:
            if right:
                part = part.rstrip()
            if cell_len(part) > width and overflow == "ellipsis":
                part = set_cell_size(part, width - 1) + ELLIPSIS
            elif cell_len(part) > width:
                part = set_cell_size(part, width)
            lines.append(part)
    return lines


def stacked(
    findings: Sequence[Finding], rules: Mapping[str, type[Rule]], marks_span: bool, width: int = DEFAULT_WIDTH
) -> RenderableType:
    """One block per finding: a heading line, then the message, suggestion and excerpts
    under it, each excerpt one line of the console wide."""
    blocks: list[RenderableType] = []
    cells = max(width - 12, 20)  # the indents, the "zh " label and the ellipses
    for finding in findings:
        heading = Text.assemble(position(finding), " ", severity(finding), " ", finding.code)
        name = rule_name(finding, rules)
        if name:
            heading.append(" " + name, style="dim")
        texts = Table.grid(padding=(0, 1))  # one line each: cut, not wrapped, if the budget was off
        texts.add_column(no_wrap=True, style="dim")
        texts.add_column(no_wrap=True, overflow="ellipsis")
        for side, excerpt in zip(sides(finding), excerpts(finding, marks_span, cells), strict=True):
            if excerpt.plain:  # a note or an unpaired line has one side only
                texts.add_row(side, excerpt)
        blocks.append(Group(heading, Padding(message(finding), (0, 0, 0, 5)), Padding(texts, (0, 0, 0, 2))))
    return Padding(Group(*blocks), (0, 0, 0, 2))


def sides(finding: Finding) -> tuple[Side, Side]:
    """The source side first, the translation second: zh then en for the seeds and reports, en then
    zh for a catalogue translated from English (``Pair.source``)."""
    return ("en", "zh") if finding.evidence.source == "en" else ("zh", "en")


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
        text.append(unbroken_quotes(finding.suggestion), style="green")
    if finding.related:  # what the finding explains (qa/fold.py), in one line: --show-all shows them whole
        places = ", ".join(f"{item.code} {item.location.line}:{item.location.column}" for item in finding.related)
        text.append(f"\nfolded: {places}", style="dim")
    return text


#: A short quoted text: a suggestion's `replace with ", "` must not wrap inside the quotes.
_SHORT_QUOTE = re.compile(r'"[^"\n]{1,24}"|“[^”\n]{1,24}”')


def unbroken_quotes(text: str) -> str:
    """``text`` with the spaces inside short quotes made no-break spaces, which Rich does not wrap at."""
    return _SHORT_QUOTE.sub(lambda match: match.group().replace(" ", "\u00a0"), text)


def excerpts(finding: Finding, marks_span: bool, cells: int = EXCERPT_CELLS) -> tuple[Text, Text]:
    """The excerpts of the pair, in the order of ``sides``: each a window of about ``cells`` cells
    around the span the finding names on that side. The side of the finding's span has it
    highlighted; the other side centres on the span the finding names there (NUM003's Chinese
    number), highlighted too, or else on the place proportional to the span's."""
    evidence = finding.evidence
    span_style = f"{SEVERITY_STYLES.get(finding.severity, '')} bold underline".strip()
    own = side_text(evidence, evidence.side)
    other_side: Side = "en" if evidence.side == "zh" else "zh"
    other = side_text(evidence, other_side)
    shown = {
        evidence.side: excerpt(
            own, tag_texts(evidence, evidence.side), evidence.start, evidence.end, cells, span_style, marks_span
        ),
    }
    if evidence.other_start >= 0:
        shown[other_side] = excerpt(
            other,
            tag_texts(evidence, other_side),
            evidence.other_start,
            evidence.other_end,
            cells,
            span_style,
            marks_span,
        )
    else:
        middle = (evidence.start + evidence.end) // 2 if evidence.start > 0 else 0
        place = round(len(other) * middle / len(own)) if own else 0
        shown[other_side] = excerpt(other, tag_texts(evidence, other_side), place, place, cells, "", False)
    first, second = sides(finding)
    return shown[first], shown[second]


def side_text(evidence: Evidence, side: Side) -> str:
    return evidence.zh if side == "zh" else evidence.en


def tag_texts(evidence: Evidence, side: Side) -> dict[int, str]:
    """Where each inline tag of the side stands in its text, and the tag's own text (``%s``, ``<g id="1">``)."""
    tags = evidence.zh_tags if side == "zh" else evidence.en_tags
    return {tag.offset: tag.text for tag in tags}


def excerpt(
    raw: str, tags: dict[int, str], start: int, end: int, cells: int, span_style: str, marks_span: bool
) -> Text:
    """``raw[start:end]`` in about ``cells`` cells of context; the span styled (and marked when the
    output has no styles), inline tags shown as their own text, dim."""
    text = printable(raw)
    start = min(max(start, 0), len(text))
    end = min(max(end, start), len(text))
    left, span_end, right = window_bounds(text, start, end, cells)
    shown = Text(ELLIPSIS if left > 0 else "")
    _append(shown, raw, text, left, start, tags, "")
    if span_style:
        if marks_span:
            shown.append(SPAN_OPEN, style=span_style)
        _append(shown, raw, text, start, span_end, tags, span_style)
        if span_end < end:
            shown.append(ELLIPSIS, style=span_style)
        if marks_span:
            shown.append(SPAN_CLOSE, style=span_style)
    else:
        _append(shown, raw, text, start, span_end, tags, "")
    _append(shown, raw, text, max(end, span_end), right, tags, "")
    if right < len(text):
        shown.append(ELLIPSIS)
    return shown


def _append(shown: Text, raw: str, text: str, start: int, end: int, tags: dict[int, str], style: str) -> None:
    """``text[start:end]`` onto ``shown``, each inline tag's place (``TAG_MARK`` in ``raw``) as the tag's text."""
    if start >= end:
        return
    if TAG_MARK not in raw[start:end]:
        shown.append(text[start:end], style=style)
        return
    piece = start
    for index in range(start, end):
        if raw[index] == TAG_MARK:
            shown.append(text[piece:index], style=style)
            shown.append(printable(tags.get(index, TAG_SHOWN)), style=f"{style} dim".strip())
            piece = index + 1
    shown.append(text[piece:end], style=style)


def window_bounds(text: str, start: int, end: int, cells: int) -> tuple[int, int, int]:
    """(left, span_end, right): ``text[left:right]`` holds ``text[start:end]`` with about ``cells``
    terminal cells of context shared between both sides; a span longer than that is cut at ``span_end``."""
    if cell_len(text[start:end]) >= cells:
        return start, _reach_right(text, start, cells - 1), end
    spare = cells - cell_len(text[start:end])
    left = _reach_left(text, start, spare // 2)
    right = _reach_right(text, end, spare - cell_len(text[left:start]))
    left = _reach_left(text, start, spare - cell_len(text[end:right]))  # give the left what the right left over
    return left, end, right


def window(text: str, start: int, end: int, cells: int) -> tuple[str, str, str]:
    """``text[start:end]`` with about ``cells`` terminal cells of context shared between
    both sides, as (before, span, after); ``…`` stands for what was cut."""
    left, span_end, right = window_bounds(text, start, end, cells)
    if span_end < end:
        return (ELLIPSIS if start > 0 else ""), text[start:span_end] + ELLIPSIS, (ELLIPSIS if end < len(text) else "")
    before = (ELLIPSIS if left > 0 else "") + text[left:start]
    after = text[end:right] + (ELLIPSIS if right < len(text) else "")
    return before, text[start:end], after


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
