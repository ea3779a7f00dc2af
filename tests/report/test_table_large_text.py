"""The table on a pair with a very long line (found by benchmarks/hostile_inputs.py): a 100,000-character
English line with hundreds of findings took 21 s, as each finding made the whole text printable again."""

from __future__ import annotations

import io
import unicodedata

from qa.config import Config
from qa.engine import Engine
from qa.model import TAG_MARK
from qa.readers import read_text
from qa.readers.aligned import pair_lines
from qa.report.table import TAG_SHOWN, TableReporter, printable


def test_printable_is_the_same_for_every_character():
    every = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF)
    expected = "".join(
        " " if unicodedata.category(char) in ("Cc", "Zl", "Zp") else TAG_SHOWN if char == TAG_MARK else char
        for char in every
    )
    assert printable(every) == expected


def test_the_findings_of_a_long_line_make_its_text_printable_once():
    sentence = "We aim to create 260,000 new urban jobs and finish Subway Line 12 by 2024. "
    document = read_text("long.txt", "政府工作报告\n" + sentence * 200)  # 15,000 characters, 600 numbers
    findings = Engine.from_config(Config()).check(document)
    assert len(findings) > 500
    printable.cache_clear()
    TableReporter(files=["long.txt"]).emit(findings, {}, io.StringIO())
    assert printable.cache_info().misses == 2  # the Chinese and the English (was: twice per finding)


def test_a_long_chinese_run_in_the_english_is_quoted_by_its_start_and_end():
    # a 700,000-character msgstr in the English column: TERM001's message held all of it, and the
    # table took 12 s to wrap it
    document = pair_lines("a.zh", ["中文。"], "a.en", ["Text " + "中" * 5000 + "文 end."])
    (finding,) = [f for f in Engine.from_config(Config()).check(document) if f.code == "TERM001"]
    assert finding.message == f'chinese text "{"中" * 20}…{"中" * 19}文" left in the english'
    assert (finding.location.column, finding.location.end_column) == (6, 5007)
