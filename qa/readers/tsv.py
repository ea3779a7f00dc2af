"""Tab-separated pairs: ``zh<TAB>en`` per line.

A header line naming the columns (zh/en, source/target, chinese/english) is
skipped. If the Chinese is in the second column of most lines, the columns are
swapped for the whole file. A line with one side empty or no tab is unpaired
text (ALN001 / ALN002), not an error.

``TsvLayout`` is the line → Pair code, shared by ``read_tsv`` (a file in memory) and the
streaming reader (``qa.readers.stream``: the same pairs, a chunk of lines at a time).
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
#: Lines after the header whose columns say which one holds the Chinese.
SAMPLE_LINES = 200


def _is_header(columns: list[str]) -> bool:
    return len(columns) >= 2 and all(cell.strip().lower() in _HEADER_WORDS for cell in columns[:2])


class TsvLayout:
    """How a TSV file's lines become pairs: whether its first line is a header, which column holds
    the Chinese, and the index the next pair gets. Decided from the file's first
    ``SAMPLE_LINES + 1`` lines (``from_head``), then applied to every line in order (``read``)."""

    __slots__ = ("en_col", "next_index", "source", "start", "zh_col")

    def __init__(self, start: int, swapped: bool) -> None:
        self.start = start  # lines to skip at the top of the file: 1 for a header
        self.zh_col, self.en_col = (1, 0) if swapped else (0, 1)
        self.source = "zh" if self.zh_col < self.en_col else "en"  # the first column is the source
        self.next_index = 0

    @classmethod
    def from_head(cls, head: list[str]) -> TsvLayout:
        """The layout of a file whose first lines (at least ``SAMPLE_LINES + 1``, or all) are ``head``."""
        rows = [line.split("\t") for line in head[: SAMPLE_LINES + 1]]
        start = 1 if rows and _is_header(rows[0]) else 0
        sample = rows[start : start + SAMPLE_LINES]
        second_is_zh = sum(1 for row in sample if len(row) > 1 and _HAN.search(row[1]) and not _HAN.search(row[0]))
        return cls(start, second_is_zh > len(sample) / 2)

    def read(self, lines: list[str], first_line: int, pairs: list[Pair], unpaired: list[Segment]) -> None:
        """Append the pairs and the unpaired segments of ``lines`` (file lines ``first_line``, …) to
        ``pairs`` and ``unpaired``; the header, if ``lines`` starts the file, is skipped."""
        zh_col, en_col, source = self.zh_col, self.en_col, self.source
        index = self.next_index
        on_line, pair_of = Segment.on_line, Pair.of
        skip = self.start - (first_line - 1)
        line_number = first_line - 1
        for line in lines:
            line_number += 1
            if skip > 0:
                skip -= 1
                continue
            row = line.split("\t")
            if len(row) == 1:  # no tab: the line's script says which side it is
                if row[0].strip():
                    lang = "zh" if _HAN.search(row[0]) else "en"
                    unpaired.append(on_line(lang, row[0], line_number))
                continue
            first_column_end = len(row[0]) + 1  # the tab after the first column
            columns = (1, first_column_end + 1)
            zh_text, en_text = row[zh_col], row[en_col]
            zh = on_line("zh", zh_text, line_number, columns[zh_col])
            en = on_line("en", en_text, line_number, columns[en_col])
            has_zh, has_en = not zh_text.isspace() and zh_text != "", not en_text.isspace() and en_text != ""
            if has_zh and has_en:
                pairs.append(pair_of(zh, en, index, source))
                index += 1
            elif has_zh:
                unpaired.append(zh)
            elif has_en:
                unpaired.append(en)
        self.next_index = index


def read_tsv(path: str, lines: list[str]) -> Document:
    pairs: list[Pair] = []
    unpaired: list[Segment] = []
    TsvLayout.from_head(lines).read(lines, 1, pairs, unpaired)
    return Document(path, tuple(pairs), (), tuple(unpaired), None, len(lines))
