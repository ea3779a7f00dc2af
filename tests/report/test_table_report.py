"""The table reporter, as a translator sees it in a terminal, a pipe and a narrow window."""

from __future__ import annotations

import io
import itertools
import re

import pytest
from rich.cells import cell_len
from rich.console import Console

from qa.report import get_reporter
from qa.report.table import head, hyphen_lines, plain_wide_table, printable, wide_table, window

ANSI = re.compile(r"\x1b\[[0-9;]*m")
ANSI_COLOUR = re.compile(r"\x1b\[(?:[0-9;]*;)?3[0-9](?:;[0-9;]*)?m")
FILES = ["seeds/000_cfa7fe55d91506c5.txt", "seeds/001_b861343cc44b4dc6.txt", "seeds/003_69f7e5b1796ec52c.txt"]


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def plain_environment(monkeypatch):
    """Rich reads these; a developer's or CI's settings must not change the outcome."""
    for variable in ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "COLUMNS", "TERM"):
        monkeypatch.delenv(variable, raising=False)


def cut_cells(line: str, start: int, end: int) -> str:
    """The characters of ``line`` that start in terminal cells ``start:end`` (a hanzi takes two)."""
    kept, position = [], 0
    for char in line:
        if start <= position < end:
            kept.append(char)
        position += cell_len(char)
    return "".join(kept)


def column(output: str, header: str, next_header: str) -> str:
    """The text of one column of the first wide table in ``output``, wrapped lines joined by spaces."""
    lines = output.splitlines()
    header_index = next(index for index, line in enumerate(lines) if line.startswith("line:col"))
    header_line = lines[header_index]
    start, end = header_line.index(f" {header} ") + 1, header_line.index(f" {next_header} ") + 1
    body = itertools.takewhile(bool, lines[header_index + 2 :])
    return " ".join(" ".join(cut_cells(line, start, end) for line in body).split())


def render(findings, rules, stream=None, **options) -> str:
    stream = stream or io.StringIO()
    get_reporter("table", files=FILES, **options).emit(findings, rules, stream)
    return stream.getvalue()


def test_wide_table_groups_by_file_and_shows_every_field(findings, rules):
    output = render(findings, rules, width=120)
    lines = output.splitlines()
    # a heading per file, in order, each once
    assert lines.count("seeds/000_cfa7fe55d91506c5.txt") == 1
    assert lines.count("seeds/001_b861343cc44b4dc6.txt") == 1
    assert lines.index("seeds/000_cfa7fe55d91506c5.txt") < lines.index("seeds/001_b861343cc44b4dc6.txt")
    row = next(line for line in lines if "NUM001" in line)
    assert re.search(r"\b20:4\s+error\s+NUM001\b", row)
    assert "17:23" in output and "warning" in output and "TXT002" in output
    assert "40:31" in output and "note" in output and "FN001" in output
    assert "number-missing" in output
    messages = column(output, "message", "zh")
    assert "6.1万 (= 61,000) has no match in English; English has 16,000 suggestion: write 61,000" in messages
    assert "missing space after full stop" in messages
    # no colour on a pipe, so the span is marked
    assert "⟦6.1万⟧" in output and "⟦renewal.We⟧" in output
    assert not ANSI.search(output)
    assert lines[-1] == "3 findings: 1 error, 1 warning, 1 note in 2 of 3 files"
    assert all(len(line) <= 120 for line in lines)
    assert not any(line.endswith(" ") for line in lines)


def test_the_other_side_is_shown_around_the_same_place(findings, rules):
    output = render(findings, rules, width=200)
    row = next(line for line in output.splitlines() if "NUM001" in line)
    assert "再解决⟦6.1万⟧套房产证办理历史遗留难题。" in row
    assert "We will resolve problems in obtaining" in row  # the English from its start, as the span is
    row = next(line for line in output.splitlines() if "TXT002" in line)
    assert "深入开展城市更新行动。落实城市更新" in row  # the Chinese from where the English is
    assert "Further advance urban ⟦renewal.We⟧ will" in row


def test_stacked_layout_when_narrow_keeps_every_word(findings, rules):
    output = render(findings, rules, width=60)
    lines = output.splitlines()
    assert "line:col" not in output  # no table header
    assert any(re.fullmatch(r"\s*20:4 error NUM001 number-missing", line) for line in lines)
    flat = " ".join(output.split())
    assert "6.1万 (= 61,000) has no match in English; English has 16,000" in flat
    assert "suggestion: write 61,000" in flat
    assert re.search(r"^\s*zh .*⟦6\.1万⟧套房产证", output, re.MULTILINE)
    assert re.search(r"^\s*en .*⟦renewal\.We⟧", output, re.MULTILINE)
    assert all(len(line) <= 60 for line in lines)


def test_colour_on_a_terminal_highlights_severity_and_span(findings, rules):
    output = render(findings, rules, stream=FakeTerminal(), width=120)
    assert ANSI_COLOUR.search(output)
    assert "⟦" not in output  # the style marks the span
    plain = ANSI.sub("", output)
    assert "6.1万" in plain and "20:4" in plain
    span_style = re.search(r"(\x1b\[[0-9;]*m)6\.1万\x1b\[0m", output)
    assert span_style and "4" in span_style.group(1).split("[")[1]  # underlined


def test_no_color_keeps_emphasis_but_drops_colour(findings, rules, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    output = render(findings, rules, stream=FakeTerminal(), width=120)
    assert not ANSI_COLOUR.search(output)
    assert re.search(r"\x1b\[[0-9;]*m6\.1万\x1b\[0m", output)  # still bold/underlined


def test_color_false_writes_plain_text_even_to_a_terminal(findings, rules):
    output = render(findings, rules, stream=FakeTerminal(), width=120, color=False)
    assert not ANSI.search(output)
    assert "⟦6.1万⟧" in output


def test_width_comes_from_columns_when_not_a_terminal(findings, rules, monkeypatch):
    monkeypatch.setenv("COLUMNS", "70")
    output = render(findings, rules)
    assert "line:col" not in output
    assert max(len(line) for line in output.splitlines()) <= 70


def test_width_defaults_to_120_when_not_a_terminal(findings, rules):
    output = render(findings, rules)
    assert "line:col" in output
    assert max(len(line) for line in output.splitlines()) == 120  # the header rule spans the width


def test_no_findings_prints_only_the_summary(rules):
    assert render([], rules, width=120) == "no findings in 3 files\n"


def test_suppressed_count_is_mentioned(findings, rules):
    output = render(findings[:1], rules, width=120, suppressed=5)
    assert output.splitlines()[-1] == "1 finding: 1 warning in 1 of 3 files (5 suppressed)"


def test_markup_and_newlines_in_texts_are_shown_literally(make_finding, rules):
    finding = make_finding(
        "TXT002",
        "missing-space",
        "warning",
        "[bold]x[/bold] :smile: is odd",
        zh="第一行\n第二行",
        en="first line\nsecond [red]line[/red]",
        side="en",
        span="[red]line[/red]",
    )
    output = render([finding], rules, width=200)
    assert "[bold]x[/bold] :smile: is odd" in output
    assert "first line second ⟦[red]line[/red]⟧" in output
    assert "第一行 第二行" in output


def test_window_keeps_about_forty_cells_around_the_span():
    text = "a" * 100 + "SPAN" + "b" * 100
    before, span, after = window(text, 100, 104, 40)
    assert span == "SPAN"
    assert before == "…" + "a" * 18 and after == "b" * 18 + "…"


def test_window_gives_unused_context_to_the_other_side():
    before, span, after = window("SPAN" + "b" * 100, 0, 4, 40)
    assert (before, span) == ("", "SPAN") and after == "b" * 36 + "…"
    before, span, after = window("a" * 100 + "SPAN", 100, 104, 40)
    assert before == "…" + "a" * 36 and after == ""


def test_window_counts_hanzi_as_two_cells():
    before, span, after = window("前" * 50 + "6.1万" + "后" * 50, 50, 54, 40)
    assert (before, span, after) == ("…" + "前" * 8, "6.1万", "后" * 9 + "…")


def test_long_span_is_cut_with_an_ellipsis():
    before, span, after = window("x" + "y" * 100 + "z", 1, 101, 40)
    assert (before, span, after) == ("…", "y" * 39 + "…", "…")


def test_head_and_printable():
    assert head("short", 40) == "short"
    assert head("汉字" * 30, 10) == "汉字汉字…"
    assert printable("a\nb\tc\r\u2028d") == "a b c  d"


def test_long_rule_names_wrap_after_hyphens():
    assert hyphen_lines("number-missing", 16) == ["number-missing"]
    assert hyphen_lines("missing-space-after-punctuation", 16) == ["missing-space-", "after-", "punctuation"]
    assert hyphen_lines("unbreakablenamethatislong", 16) == ["unbreakablenamethatislong"]


def test_color_true_beats_no_color(findings, rules, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    assert ANSI_COLOUR.search(render(findings, rules, width=120, color=True))


def test_an_inline_tag_is_shown_as_its_own_text(tmp_path):
    """An XLIFF <x/> stands in the text as U+FFFC, which terminals draw as a box of letters: the table
    shows the tag as the file writes it."""
    from typer.testing import CliRunner

    from qa.cli import app

    xliff = tmp_path / "tags.xlf"
    xliff.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="zh-CN" '
        'target-language="en" datatype="plaintext" original="r"><body>'
        '<trans-unit id="1"><source>新开工<x id="1"/>300个</source><target>launch <x id="1"/>200 projects</target>'
        "</trans-unit></body></file></xliff>\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["check", str(xliff), "--select", "NUM"], env={"COLUMNS": "160"})
    assert result.exit_code == 1
    assert "\ufffc" not in result.output and "▫" not in result.output
    assert '新开工<x id="1"/>⟦300⟧个' in result.output
    assert 'launch <x id="1"/>⟦200⟧ projects' in result.output
    assert printable("a\ufffcb") == "a▫b"


def test_past_the_full_rows_each_finding_takes_one_line(findings, rules):
    # the first finding a table row, the other two one line each, under their files' headings
    output = render(findings, rules, width=120, full_rows=1)
    lines = output.splitlines()
    assert re.search(r"\b20:4\s+error\s+NUM001\b", next(line for line in lines if "NUM001" in line))
    assert "the other 2 findings one line each" in output
    compact = [line for line in lines if re.match(r"\s+\d+:\d+\s+(warning|note)\s", line)]
    assert len(compact) == 2
    assert re.match(r"\s+17:23\s+warning\s+TXT002\s+missing space after full stop", compact[0])
    assert re.match(r"\s+40:31\s+note\s+FN001\s", compact[1])
    assert lines.index("seeds/001_b861343cc44b4dc6.txt") < lines.index(compact[1])
    assert lines[-1] == "3 findings: 1 error, 1 warning, 1 note in 2 of 3 files"
    assert not ANSI.search(output)
    # coloured on a terminal, as in the table
    coloured = render(findings, rules, stream=FakeTerminal(), width=120, full_rows=1)
    assert ANSI_COLOUR.search(next(line for line in coloured.splitlines() if "TXT002" in line))


def test_full_rows_is_per_run_not_per_file(findings, rules):
    output = render(findings, rules, width=120, full_rows=2)
    assert output.count("one line each") == 1 and "the other finding one line each" in output
    assert render(findings, rules, width=120, full_rows=3).count("one line each") == 0


def test_at_a_terminal_a_compact_line_is_cut_to_its_width(make_finding, rules):
    message = "“一些话” is translated 2 ways: " + "词语 " * 80
    long = [
        make_finding("CON001", "inconsistent-translation", "warning", message,
                     zh="一些话", en="some words", side="en", span="some words", line=line)
        for line in (3, 9)
    ]  # fmt: skip
    output = ANSI.sub("", render(long, rules, stream=FakeTerminal(), width=100, full_rows=1))
    compact = [line for line in output.splitlines() if re.match(r"\s+9:\d+\s+warning\s+CON001", line)]
    assert len(compact) == 1 and cell_len(compact[0]) <= 100 and compact[0].endswith("…")
    piped = render(long, rules, width=100, full_rows=1)
    assert any(line.rstrip().endswith("词语") for line in piped.splitlines() if re.match(r"\s+9:", line))


def rich_and_plain(findings, rules, width: int) -> tuple[str, str | None]:
    """The wide table as Rich's Table lays it out (less the spaces it ends its lines with) and as
    ``plain_wide_table`` writes it, unstyled."""
    console = Console(file=io.StringIO(), width=width, highlight=False, markup=False, emoji=False, soft_wrap=False)
    with console.capture() as capture:
        console.print(wide_table(findings, rules, True, width))
    return re.sub(" +$", "", capture.get(), flags=re.MULTILINE), plain_wide_table(findings, rules, True, console)


def awkward_findings(make_finding) -> list:
    """Texts that exercise Rich's wrapping: a word longer than its column, hanzi at an odd cell, tabs,
    markup-like brackets, a control character, a long rule name, an empty side, a six-digit line."""
    long_word = "x" * 150
    return [
        make_finding("NUM001", "number-missing", "error", f"{long_word} has no match", zh="一二三" * 40,
                     en=f"the {long_word} end", side="en", span=long_word, line=123456, suggestion="write 61,000"),
        make_finding("TXT002", "a-very-long-rule-name-that-wraps-after-hyphens", "warning", "tab\there [bold]x[/]\x07",
                     zh="深入开展城市更新行动。" * 9, en="Further advance urban renewal.We " * 8, side="zh",
                     span="城市更新", line=7),
        make_finding("FN001", "footnote-undefined", "note", "marker 16 has no note", zh="", en="principle16.",
                     side="en", span="16", line=8, suggestion='replace with ", " — “a quoted text here”'),
    ]  # fmt: skip


@pytest.mark.parametrize("width", [110, 111, 120, 137, 200, 251])
def test_the_plain_wide_table_is_richs_layout(findings, make_finding, rules, width):
    for shown in (findings, findings[:1], awkward_findings(make_finding)):
        rich, plain = rich_and_plain(shown, rules, width)
        assert plain == rich


def test_the_plain_wide_table_leaves_joiners_to_rich(make_finding, rules):
    """Rich measures a zero-width joiner or a variation selector per styled piece of a line."""
    joined = make_finding("TXT002", "missing-space", "warning", "👩\u200d💻 and ❤\ufe0f", zh="中文", en="x.Y",
                          side="en", span="x.Y")  # fmt: skip
    assert rich_and_plain([joined], rules, 120)[1] is None
    assert "👩" in render([joined], rules, width=120)
