from __future__ import annotations

from qa.readers import read_text


def test_pairs_and_columns():
    document = read_text("x.tsv", "zh\ten\n3.5亿元\t350 million yuan\n\t\n新开工300个\t\n", suffix=".tsv")
    assert len(document.pairs) == 1
    pair = document.pairs[0]
    assert (pair.zh.text, pair.en.text) == ("3.5亿元", "350 million yuan")
    assert pair.zh.locate(0) == (2, 1)
    assert pair.en.locate(0) == (2, len("3.5亿元\t") + 1)
    assert [(s.lang, s.line, s.text) for s in document.unpaired] == [("zh", 4, "新开工300个")]


def test_swapped_columns_are_detected():
    text = "Fellow Deputies,\t各位代表!\nII Major Tasks for 2024\t二、2024年重点任务\n"
    document = read_text("x.tsv", text, suffix=".tsv")
    assert (document.pairs[0].zh.text, document.pairs[0].en.text) == ("各位代表!", "Fellow Deputies,")
    assert document.pairs[0].en.locate(0) == (1, 1)


def test_line_without_tab_is_unpaired_by_script():
    document = read_text("x.tsv", "各位代表!\tFellow Deputies,\nOnly English here\n", suffix=".tsv")
    assert [(s.lang, s.line) for s in document.unpaired] == [("en", 2)]
