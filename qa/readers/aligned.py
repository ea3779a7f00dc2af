"""Two line-aligned files, as MT corpora are stored: line N of the Chinese file
is translated by line N of the English file (``qa check --zh a.zh --en a.en``).

Each side's segments carry their own file's path, so a finding on the English
points into the English file. A line blank on both sides is skipped; a line with
text on one side only is unpaired (ALN001 / ALN002), as is every line past the
end of the shorter file.
"""

from __future__ import annotations

from pathlib import Path

from qa.model import Document, Pair, Segment, Side
from qa.readers.errors import InputError


def pair_lines(zh_path: str, zh_lines: list[str], en_path: str, en_lines: list[str]) -> Document:
    pairs: list[Pair] = []
    unpaired: list[Segment] = []
    for number in range(1, max(len(zh_lines), len(en_lines)) + 1):
        zh_text = zh_lines[number - 1] if number <= len(zh_lines) else ""
        en_text = en_lines[number - 1] if number <= len(en_lines) else ""
        zh = Segment("zh", zh_text, (0,), (number,), (1,), (), zh_path)
        en = Segment("en", en_text, (0,), (number,), (1,), (), en_path)
        if zh_text.strip() and en_text.strip():
            pairs.append(Pair(zh, en, len(pairs)))
        elif zh_text.strip():
            unpaired.append(zh)
        elif en_text.strip():
            unpaired.append(en)
    return Document(zh_path, tuple(pairs), (), tuple(unpaired), None, max(len(zh_lines), len(en_lines)))


def read_aligned(zh_file: Path, en_file: Path, *, encoding: str | None = None) -> Document:
    """Read a --zh/--en pair of files; InputError names the file at fault."""
    from qa.readers import display_path, read_lines

    sides: dict[Side, tuple[str, list[str]]] = {}
    for side, file in (("zh", zh_file), ("en", en_file)):
        sides[side] = (display_path(file), read_lines(file, encoding=encoding))
    document = pair_lines(*sides["zh"], *sides["en"])
    if not document.pairs:
        raise InputError(f"no line has text in both files (English: {sides['en'][0]})", sides["zh"][0])
    return document
