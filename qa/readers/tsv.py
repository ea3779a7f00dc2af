"""Tab-separated pairs: ``zh<TAB>en`` per line.

A header line naming the columns (zh/en, source/target, chinese/english) is
skipped. If the Chinese is in the second column of most lines, the columns are
swapped for the whole file. A line with one side empty or no tab is unpaired
text (ALN001 / ALN002), not an error.
"""

from __future__ import annotations

import regex

from qa.model import Document, Pair, Segment

_HAN = regex.compile(r"\p{Han}")
_HEADER_WORDS = {
    "zh",
    "en",
    "cn",
    "source",
    "target",
    "src",
    "tgt",
    "chinese",
    "english",
    "zh-cn",
    "en-us",
    "中文",
    "英文",
}


def _is_header(columns: list[str]) -> bool:
    return len(columns) >= 2 and all(cell.strip().lower() in _HEADER_WORDS for cell in columns[:2])


def read_tsv(path: str, lines: list[str]) -> Document:
    rows = [line.split("\t") for line in lines]
    start = 1 if rows and _is_header(rows[0]) else 0
    sample = rows[start : start + 200]
    second_is_zh = sum(1 for row in sample if len(row) > 1 and _HAN.search(row[1]) and not _HAN.search(row[0]))
    swapped = second_is_zh > len(sample) / 2
    zh_col, en_col = (1, 0) if swapped else (0, 1)

    pairs: list[Pair] = []
    unpaired: list[Segment] = []
    source = "zh" if zh_col < en_col else "en"  # the first column is the source
    for number in range(start, len(rows)):
        row = rows[number]
        line_number = number + 1
        if len(row) == 1:  # no tab: the line's script says which side it is
            if row[0].strip():
                lang = "zh" if _HAN.search(row[0]) else "en"
                unpaired.append(Segment.on_line(lang, row[0], line_number))
            continue
        first_column_end = len(row[0]) + 1  # the tab after the first column
        columns = (1, first_column_end + 1)
        zh_text, en_text = row[zh_col], row[en_col]
        zh = Segment.on_line("zh", zh_text, line_number, columns[zh_col])
        en = Segment.on_line("en", en_text, line_number, columns[en_col])
        has_zh, has_en = not zh_text.isspace() and zh_text != "", not en_text.isspace() and en_text != ""
        if has_zh and has_en:
            pairs.append(Pair.of(zh, en, len(pairs), source))
        elif has_zh:
            unpaired.append(zh)
        elif has_en:
            unpaired.append(en)
    return Document(path, tuple(pairs), (), tuple(unpaired), None, len(lines))
