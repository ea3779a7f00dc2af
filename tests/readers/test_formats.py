"""XLIFF, SDLXLIFF, TMX, PO, CSV and line-aligned files give the findings the .txt gives.

The fixtures (tests/fixtures/formats, written by make_fixtures.py) hold the same
seed pairs, some edited to carry defects, in each format's real export shape.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from qa.config import Config
from qa.engine import Engine
from qa.model import TAG_MARK, Finding
from qa.readers import read_path
from qa.readers.aligned import read_aligned

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "formats"
FORMATS = ["report.xlf", "report.sdlxliff", "report-2.0.xlf", "report.tmx", "report.po", "report.csv"]


def findings(document) -> list[Finding]:
    return Engine.from_config(Config()).check(document)


def code_and_message(found: list[Finding]) -> Counter:
    return Counter((f.code, f.message) for f in found if f.code != "TAG001")


@pytest.fixture(scope="module")
def txt_findings() -> list[Finding]:
    return findings(read_path(FIXTURES / "pairs.txt"))


def test_the_txt_pairs_have_findings_of_several_rules(txt_findings):
    assert {f.code for f in txt_findings} == {"NUM003", "TXT001", "TXT002", "TXT003", "TERM001"}


#: The formats whose fixture is written zh→en, as the .txt is; report-2.0.xlf is en→zh (srcLang en-US).
ZH_SOURCE = [name for name in FORMATS if name != "report-2.0.xlf"]


@pytest.mark.parametrize("name", ZH_SOURCE)
def test_same_findings_as_txt(name: str, txt_findings):
    document = read_path(FIXTURES / name)
    assert len(document.pairs) == 7
    assert {pair.source for pair in document.pairs} == {"zh"}
    assert code_and_message(findings(document)) == code_and_message(txt_findings)


def test_an_en_to_zh_file_is_judged_on_its_chinese(txt_findings):
    """The same pairs with English as the source: the English is not checked as a translation
    (no TXT001-003, no TERM001), the wrong year is named in the Chinese, and the Chinese's ASCII
    commas (the seeds write 条例,…) are TXT004, its ASCII-bracketed list numbers (十) TXT006 and its
    headings without the English's full stop TXT009 now that the Chinese is the translation."""
    document = read_path(FIXTURES / "report-2.0.xlf")
    assert {pair.source for pair in document.pairs} == {"en"}
    found = [f for f in findings(document) if f.code != "TAG001"]
    assert {f.code for f in found} == {"NUM003", "TXT004", "TXT006", "TXT009"}
    assert sorted(f.message for f in found if f.code == "TXT006") == [
        "half-width parentheses around chinese text: (十)",
        "half-width parentheses around chinese text: (十一)",
    ]
    (wrong_year,) = [f for f in found if f.code == "NUM003"]
    assert (wrong_year.evidence.side, wrong_year.evidence.text) == ("zh", "2023年")
    assert wrong_year.message == "2024 has no match in Chinese; Chinese has 2023年 (= 2023)"
    assert all(f.evidence.side == "zh" for f in found)


@pytest.mark.parametrize("name", FORMATS)
def test_findings_point_at_the_text_in_the_file(name: str):
    lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
    found = findings(read_path(FIXTURES / name))
    checked = 0
    for finding in found:
        text = finding.evidence.text
        if not text or TAG_MARK in text or "&" in text:
            continue
        line = lines[finding.location.line - 1]
        start = finding.location.column - 1
        assert line[start : start + len(text)] == text, (finding.code, finding.message, line)
        checked += 1
    assert checked >= 5


@pytest.mark.parametrize(("name", "line", "column"), [("report.xlf", 13, 22), ("report.tmx", 16, 15)])
def test_inline_tags_are_not_text_and_a_lost_tag_is_tag001(name: str, line: int, column: int):
    document = read_path(FIXTURES / name)
    heading = document.pairs[0]
    assert heading.zh.text.strip(TAG_MARK) == "二、2024年重点任务"
    assert [tag.key for tag in heading.en.tags] in (["g#1", "/g#1"], ["bpt#1", "ept#1"])
    tag_findings = [f for f in findings(document) if f.code == "TAG001"]
    assert [(f.evidence.side, f.location.line, f.location.column) for f in tag_findings] == [("zh", line, column)]
    assert "missing from the English" in tag_findings[0].message


def test_sdlxliff_segments_pair_by_mrk_mid():
    document = read_path(FIXTURES / "report.sdlxliff")
    assert [pair.en.text[:14] for pair in document.pairs[1:3]] == ["Fellow Deputie", "II Work Plan f"]
    # two segments of one paragraph sit on one line, the second after the first
    assert document.pairs[1].en.line == document.pairs[2].en.line
    assert document.pairs[2].en.columns[0] > document.pairs[1].en.columns[0]


def test_xliff20_english_source_chinese_target():
    document = read_path(FIXTURES / "report-2.0.xlf")
    pair = document.pairs[1]
    assert (pair.zh.text, pair.en.text) == ("各位代表!", "Fellow Deputies," + TAG_MARK)  # <ph id="2"/> in the source
    assert pair.en.line < pair.zh.line  # <source> (English) comes first


def test_po_wrapped_literals_keep_each_line(tmp_path: Path):
    document = read_path(FIXTURES / "report.po")
    pair = document.pairs[6]  # "conduct.We": msgstr wrapped over several literals
    offset = pair.en.text.index("conduct.We")
    line, column = pair.en.locate(offset)
    assert (
        (FIXTURES / "report.po")
        .read_text(encoding="utf-8")
        .splitlines()[line - 1][column - 1 :]
        .startswith("conduct.We")
    )


def test_line_aligned_pair_points_into_each_file():
    document = read_aligned(FIXTURES / "report.zh.txt", FIXTURES / "report.en.txt")
    found = findings(document)
    assert code_and_message(found) == code_and_message(findings(read_path(FIXTURES / "pairs.txt")))
    paths = {(f.evidence.side, f.location.path.rsplit("/", 1)[-1]) for f in found}
    assert ("en", "report.en.txt") in paths
    assert all(path == f"report.{side}.txt" for side, path in paths)
    double_space = next(f for f in found if f.code == "TXT003")
    assert double_space.location.line == 5
