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
    "zh", "en", "cn", "source", "target", "src", "tgt", "chinese", "english", "zh-cn", "en-us", "中文", "英文",
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
    for number in range(start, len(rows)):
        row = rows[number]
        line_number = number + 1
        if not "".join(row).strip():
            continue
        columns = [len("\t".join(row[:i])) + (1 if i else 0) + 1 for i in range(len(row))]
        zh_text = row[zh_col] if len(row) > zh_col else ""
        en_text = row[en_col] if len(row) > en_col else ""
        if len(row) == 1:  # no tab: the line's script says which side it is
            zh_text, en_text = (row[0], "") if _HAN.search(row[0]) else ("", row[0])
            columns = [1, 1]
        zh = Segment("zh", zh_text, (0,), (line_number,), (columns[zh_col],))
        en = Segment("en", en_text, (0,), (line_number,), (columns[en_col],))
        if zh_text.strip() and en_text.strip():
            pairs.append(Pair(zh, en, len(pairs)))
        elif zh_text.strip():
            unpaired.append(zh)
        else:
            unpaired.append(en)
    return Document(path, tuple(pairs), (), tuple(unpaired), None, len(lines))
