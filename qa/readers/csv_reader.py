"""CSV exports (``.csv``): one pair per row, the zh and en columns named by the header.

The header names the columns: a language code (zh, zh-CN, en-US…), a language
name (Chinese, English, 中文, 英文), the direction (source/target, src/tgt: the
source column may be either language, so the column whose cells hold Chinese
in most rows is the zh one), or whatever ``--columns ZH,EN`` names.
Other columns (ids, comments, status) are ignored, except that a column named
``note``, ``notes`` or ``comment`` may carry ``qa: ignore CODE``. The delimiter
(comma, semicolon or tab) is sniffed. Rows are parsed by the standard ``csv``
module; positions come from a scan of the same row, so a quoted field that
runs over lines keeps each line's position and a doubled quote ("") is one
character at its first quote.
"""

from __future__ import annotations

import csv

import regex

from qa.model import Document, Pair, Segment, Side
from qa.readers.errors import InputError, NotBilingualError
from qa.readers.languages import side_of, suppressions
from qa.readers.pieces import LineIndex, SegmentBuilder

_NAMES: dict[str, Side] = {
    "chinese": "zh",
    "中文": "zh",
    "汉语": "zh",
    "zh_text": "zh",
    "english": "en",
    "英文": "en",
    "英语": "en",
    "en_text": "en",
}
_NOTE_COLUMNS = ("note", "notes", "comment", "comments", "备注")
_SOURCE_NAMES = frozenset({"source", "src"})
_TARGET_NAMES = frozenset({"target", "tgt"})
_HAN = regex.compile(r"\p{Han}")


def _column_side(name: str) -> Side | None:
    cleaned = name.strip().lower()
    return _NAMES.get(cleaned) or side_of(cleaned if cleaned.replace("-", "").replace("_", "").isalpha() else None)


def read_csv(path: str, lines: list[str], columns: tuple[str, str] | None = None) -> Document:
    text = "\n".join(lines) + "\n"
    try:
        dialect = csv.Sniffer().sniff(text[:8192], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    fields = list(_scan(text, dialect.delimiter))
    try:
        # the file's lines, not str.splitlines(): that also breaks at form feeds, U+2028…, which _scan keeps
        rows = list(csv.reader((line + "\n" for line in lines), delimiter=dialect.delimiter, strict=True))
    except csv.Error as error:
        raise InputError(f"not valid CSV: {error}") from None
    if not rows:
        raise NotBilingualError("file is empty")
    header = rows[0]
    zh_col, en_col = _columns(header, columns, rows[1:])
    note_cols = [number for number, name in enumerate(header) if name.strip().lower() in _NOTE_COLUMNS]
    source = _source_side(header, zh_col, en_col)
    pairs: list[Pair] = []
    for number, row in enumerate(rows[1:], start=1):
        row_fields = fields[number] if number < len(fields) else []
        zh = _segment("zh", row, row_fields, zh_col)
        en = _segment("en", row, row_fields, en_col)
        if zh.text.strip() and en.text.strip():
            notes = [row[col] for col in note_cols if col < len(row)]
            pairs.append(Pair(zh, en, len(pairs), suppressions(*notes), source))
    if not pairs:
        raise NotBilingualError("no row has both a Chinese and an English cell")
    return Document(path, tuple(pairs), (), (), None, len(lines))


def _columns(header: list[str], columns: tuple[str, str] | None, rows: list[list[str]]) -> tuple[int, int]:
    names = [cell.strip() for cell in header]
    if columns is not None:
        positions = []
        for wanted in columns:
            matching = [number for number, name in enumerate(names) if name.lower() == wanted.strip().lower()]
            if not matching:
                raise InputError(f"--columns: no column named {wanted!r} (header: {_shown(names)})")
            positions.append(matching[0])
        return positions[0], positions[1]
    sides = [_column_side(name) for name in names]
    if "zh" in sides and "en" in sides:
        return sides.index("zh"), sides.index("en")
    lowered = [name.lower() for name in names]
    source = next((number for number, name in enumerate(lowered) if name in _SOURCE_NAMES), None)
    target = next((number for number, name in enumerate(lowered) if name in _TARGET_NAMES), None)
    if source is not None and target is not None:
        return _by_script(source, target, rows)
    raise NotBilingualError(
        f"cannot tell the Chinese and English columns from the header ({_shown(names)}); "
        "name them zh and en (or zh-CN, en-US, Chinese, English, source and target) or use --columns ZH,EN"
    )


def _source_side(header: list[str], zh_col: int, en_col: int) -> Side:
    """The pairs' source: the column the header names source (src), else the first of the two."""
    names = [name.strip().lower() for name in header]
    for column, side in ((zh_col, "zh"), (en_col, "en")):
        if column < len(names) and names[column] in _SOURCE_NAMES:
            return side
    return "zh" if zh_col < en_col else "en"


def _by_script(source: int, target: int, rows: list[list[str]]) -> tuple[int, int]:
    """(zh, en) columns of a source/target header: the source is Chinese unless the target column
    holds Chinese where the source does not in most of the first 200 rows with both cells (an en→zh file)."""
    sample = [row for row in rows if max(source, target) < len(row) and row[source].strip() and row[target].strip()]
    sample = sample[:200]
    target_is_zh = sum(1 for row in sample if _HAN.search(row[target]) and not _HAN.search(row[source]))
    return (target, source) if target_is_zh > len(sample) / 2 else (source, target)


def _shown(names: list[str]) -> str:
    """A header in a message: its first ten names, each cut at 30 characters (the first row of a file
    that is no CSV export may be a whole paragraph)."""
    shown = [name if len(name) <= 30 else name[:30] + "…" for name in names[:10]]
    return ", ".join(shown + (["…"] if len(names) > 10 else []))


def _segment(side: Side, row: list[str], fields: list[tuple[int, int, list[tuple[int, str]]]], column: int) -> Segment:
    value = row[column] if column < len(row) else ""
    if column < len(fields):
        line, col, parts = fields[column]
        builder = SegmentBuilder(side, line, col)
        for (part_line, part_col), chunk in parts:
            if chunk == '"':
                builder.add_char(chunk, part_line, part_col)
            else:
                builder.add_text(chunk, part_line, part_col)
        restored = builder.text
        if restored.count("\ufffc") == len(builder.tags):
            first, *rest = restored.split("\ufffc")
            restored = first + "".join(tag.text + part for tag, part in zip(builder.tags, rest, strict=False))
        if restored == value:
            return builder.build()
    # the scan and the csv module read the field differently (text after a closing quote): the field's start
    line, col = fields[column][:2] if column < len(fields) else (1, 1)
    builder = SegmentBuilder(side, line, col)
    builder.add_unmapped(value, line, col)
    return builder.build()


def _scan(text: str, delimiter: str):
    """Rows of fields as (line, column, [((line, column), chunk)]) — where each field's text sits."""
    index = LineIndex(text)
    position, length = 0, len(text)
    while position < length:
        row = []
        while True:
            start = position
            chunks: list[tuple[tuple[int, int], str]] = []
            if position < length and text[position] == '"':
                position += 1
                run = position
                while position < length:
                    if text[position] == '"':
                        if position + 1 < length and text[position + 1] == '"':
                            chunks.append((index.position(run), text[run:position]))
                            chunks.append((index.position(position), '"'))
                            position += 2
                            run = position
                            continue
                        break
                    position += 1
                chunks.append((index.position(run), text[run:position]))
                position += 1  # the closing quote
                while position < length and text[position] not in (delimiter, "\n"):
                    position += 1  # text after a closing quote: csv keeps it, rare enough to not map
                field_start = start + 1
            else:
                run = position
                while position < length and text[position] not in (delimiter, "\n"):
                    position += 1
                chunks.append((index.position(run), text[run:position]))
                field_start = start
            row.append((*index.position(field_start), [chunk for chunk in chunks if chunk[1]]))
            if position < length and text[position] == delimiter:
                position += 1
                continue
            position += 1  # the newline
            break
        yield row
