"""CSV headers that name the direction (source/target) rather than the languages: the column that
holds Chinese is the zh side, whichever of the two is the source."""

from __future__ import annotations

import pytest

from qa.readers import NotBilingualError, read_text


def sides(text: str) -> list[tuple[str, str]]:
    return [(pair.zh.text, pair.en.text) for pair in read_text("t.csv", text, ".csv").pairs]


@pytest.mark.parametrize(
    "header",
    ["source,target", "Source,Target", "src,tgt", "SRC;TGT", "id,source,target,note", "source\ttarget"],
)
def test_zh_to_en_direction_headers(header: str):
    delimiter = ";" if ";" in header else "\t" if "\t" in header else ","
    cells = {"source": "你好", "src": "你好", "target": "hello", "tgt": "hello"}
    row = delimiter.join(cells.get(name.lower(), "x") for name in header.split(delimiter))
    assert sides(f"{header}\n{row}\n") == [("你好", "hello")]


def test_en_to_zh_source_is_the_english_column():
    text = "source,target\nhello,你好\ngood morning,早上好\n"
    assert sides(text) == [("你好", "hello"), ("早上好", "good morning")]


def test_positions_follow_the_chosen_columns():
    (pair,) = read_text("t.csv", "source,target\nhello,你好\n", ".csv").pairs
    assert (pair.zh.lines, pair.zh.columns, pair.en.columns) == ((2,), (7,), (1,))


def test_untranslated_target_stays_the_target():
    """A target left in Chinese (copied source) is still the en side: most rows decide the direction."""
    text = "source,target\n你好,hello\n早上好,good morning\n谢谢,谢谢\n"
    assert sides(text)[-1] == ("谢谢", "谢谢")


@pytest.mark.parametrize("header", ["zh,en", "zh-CN,en-US", "en-US,zh-CN", "Chinese,English", "zh_CN,en_GB"])
def test_language_headers_still_name_the_sides(header: str):
    zh_first = header.lower().startswith(("zh", "chinese"))
    row = "你好,hello" if zh_first else "hello,你好"
    assert sides(f"{header}\n{row}\n") == [("你好", "hello")]


def test_unrecognised_header_names_the_accepted_ones():
    with pytest.raises(NotBilingualError, match="source and target"):
        read_text("t.csv", "left,right\n你好,hello\n", ".csv")
