"""The interleaved .txt reader on the real seeds and on the layouts they show."""

from __future__ import annotations

from pathlib import Path

from qa.readers import read_path, read_text

ROOT = Path(__file__).resolve().parents[2]


def test_seed_000_pairs_and_their_lines(seed_000: Path):
    document = read_path(seed_000)
    assert len(document.pairs) == 31
    title = document.pairs[0]
    # the 4-line Chinese title block pairs with the 4-line English title block
    assert (title.zh.line, title.zh.end_line, title.en.line, title.en.end_line) == (2, 5, 6, 9)
    assert title.zh.text.split("\n")[0] == "政 府 工 作 报 告"
    assert title.en.text.split("\n")[-1] == "Yin Yong, Acting Mayor of Beijing"
    # a Chinese paragraph whose English runs over two lines is one pair
    last = document.pairs[-1]
    assert (last.zh.line, last.en.line, last.en.end_line) == (68, 69, 70)
    assert last.en.text.startswith("Fellow Deputies,\nAs we embark")
    assert document.unpaired == ()


def test_seed_000_notes_are_not_pairs(seed_000: Path):
    document = read_path(seed_000)
    assert document.notes_heading_line == 71
    assert [(note.label, note.segment.line, note.segment.columns[0]) for note in document.notes] == [
        ("16", 72, 5),
        ("17", 73, 5),
        ("", 74, 1),  # the credit line 英文:北京外办 defines nothing
    ]
    assert document.notes[0].segment.text.startswith("The seven aspects are childcare")
    assert all(pair.zh.line < 71 for pair in document.pairs)


def test_seed_003_traditional_script(seed_003: Path):
    document = read_path(seed_003)
    assert len(document.pairs) == 11
    assert document.pairs[2].zh.text == "著力做好以下十一個方面工作:"
    assert document.pairs[2].en.text == "Going forward, we will focus on the following 11 tasks."
    assert [(note.label, note.segment.line) for note in document.notes] == [("11", 30)]


def test_character_positions_map_to_file_lines_and_columns(seed_000: Path):
    document = read_path(seed_000)
    title = document.pairs[0]
    offset = title.en.text.index("Sixteenth")
    assert title.en.locate(offset) == (7, 1 + "Delivered at the First Session of the ".__len__())
    offset = title.zh.text.index("第十六届")
    assert title.zh.locate(offset) == (3, 1 + "——2023年1月15日在北京市".__len__())


def test_chinese_line_quoting_english_stays_chinese():
    document = read_text("x.txt", "对新冠病毒感染实施“乙类乙管”,COVID-19 管理。\nCOVID-19 management was downgraded.\n")
    assert len(document.pairs) == 1
    assert document.pairs[0].zh.text.startswith("对新冠")


def test_timestamp_and_blank_lines_belong_to_no_run():
    document = read_text("x.txt", "2023-01-29 16:08\n\n各位代表!\n\nFellow Deputies,\n")
    assert [(p.zh.line, p.en.line) for p in document.pairs] == [(3, 5)]


def test_unpaired_runs():
    document = read_text("x.txt", "Stray English line\n各位代表!\nFellow Deputies,\n奋楫扬帆启新航。\n")
    assert [(s.lang, s.line) for s in document.unpaired] == [("en", 1), ("zh", 4)]
    assert len(document.pairs) == 1


def test_note_label_forms():
    text = "中文。\nEnglish.\nNotes:\n① circled\n1. numbered\n* starred\n注2:中文注\n¹ superscript\n"
    document = read_text("x.txt", text)
    assert [note.label for note in document.notes] == ["①", "1", "*", "2", "1"]
    assert document.notes[0].segment.text == "circled"


def test_english_line_with_chinese_left_in_it_stays_english():
    document = read_text("x.txt", "新华社发 商海春 作\nPublished by 新华社 Author: Shang Haichun\n")
    assert [(p.zh.line, p.en.line) for p in document.pairs] == [(1, 2)]
