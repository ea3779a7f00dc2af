"""gettext PO catalogues (``.po``), parsed with polib.

Each translated entry gives one pair, ``msgid`` with ``msgstr`` (and, for plural
entries, ``msgid_plural`` with ``msgstr[1]`` when there is one). The header's
``Language`` names the target language; the source is ``X-Source-Language`` when
given, else the other of zh and en (gettext catalogues are written from their
source strings). Without a ``Language`` header the scripts decide. Untranslated
and obsolete (``#~``) entries are skipped; fuzzy ones are checked.

Positions come from the file: polib gives the line an entry starts on, and the
string literals after ``msgid``/``msgstr`` are read from there, every escape
(``\\n``, ``\\"``) a character at its backslash. A translator comment
``# qa: ignore NUM001`` silences those rules for the entry.
"""

from __future__ import annotations

import re

import polib
import regex

from qa.model import TAG_MARK, Document, Pair, Segment, Side
from qa.readers.errors import InputError, NotBilingualError
from qa.readers.languages import SUPPORTED_CODES, require_sides, side_of, suppressions
from qa.readers.pieces import SegmentBuilder

_HAN = regex.compile(r"\p{Han}")
_KEYWORD = re.compile(r"^\s*(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+\"")
_LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"\s*$')
_ESCAPE = re.compile(r"\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)")
_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}


def read_po(path: str, lines: list[str]) -> Document:
    try:
        catalogue = polib.pofile("\n".join(lines) + "\n", wrapwidth=0)
    except (OSError, ValueError) as error:
        raise InputError(f"not a valid PO file: {error}") from None
    entries = [entry for entry in catalogue if not entry.obsolete and entry.msgid and entry.translated()]
    source_side, target_side = _sides(catalogue, entries)
    pairs: list[Pair] = []
    for entry in entries:
        literals = _literals(lines, (entry.linenum or 1) - 1)
        suppress = suppressions(entry.tcomment)
        plural = entry.msgid_plural and entry.msgstr_plural
        targets = (
            [("msgstr[0]", entry.msgstr_plural.get(0, "")), ("msgstr[1]", entry.msgstr_plural.get(1, ""))]
            if plural
            else [("msgstr", entry.msgstr)]
        )
        sources = [("msgid", entry.msgid), ("msgid_plural", entry.msgid_plural)]
        for (source_key, source_text), (target_key, target_text) in zip(sources, targets, strict=False):
            if not source_text.strip() or not target_text.strip():
                continue
            source = _segment(source_side, source_text, literals.get(source_key), entry.linenum or 1)
            target = _segment(target_side, target_text, literals.get(target_key), entry.linenum or 1)
            zh, en = (source, target) if source_side == "zh" else (target, source)
            pairs.append(Pair(zh, en, len(pairs), suppress))
    if not pairs:
        raise NotBilingualError("no translated entries: no msgid has a non-empty msgstr")
    return Document(path, tuple(pairs), (), (), None, len(lines))


def _sides(catalogue: polib.POFile, entries: list[polib.POEntry]) -> tuple[Side, Side]:
    target = catalogue.metadata.get("Language", "").strip()
    source = catalogue.metadata.get("X-Source-Language", "").strip()
    if target and side_of(target) is None:
        raise NotBilingualError(
            f"the catalogue's Language is {target}; qa checks Chinese/English pairs ({SUPPORTED_CODES})"
        )
    if target and not source:
        source = "en" if side_of(target) == "zh" else "zh"
    if not target:  # no header: the entries' scripts decide
        sample = entries[:200]
        han_targets = sum(1 for entry in sample if _HAN.search(entry.msgstr or ""))
        han_sources = sum(1 for entry in sample if _HAN.search(entry.msgid))
        if han_targets > len(sample) / 2:
            source, target = source or "en", "zh"
        elif han_sources > len(sample) / 2:
            source, target = source or "zh", "en"
        else:
            raise NotBilingualError("the PO header names no Language and the entries are not Chinese/English")
    return require_sides(source, target, what="the catalogue's")


def _literals(lines: list[str], start: int) -> dict[str, list[tuple[int, int, str]]]:
    """The string literals of an entry from its first line: keyword → [(line, column, raw content)]."""
    found: dict[str, list[tuple[int, int, str]]] = {}
    current: list[tuple[int, int, str]] | None = None
    for index in range(start, len(lines)):
        line = lines[index]
        stripped = line.strip()
        keyword = _KEYWORD.match(line)
        if keyword:
            current = found.setdefault(keyword.group(1), [])
        elif stripped.startswith('"') and current is not None:
            pass
        elif stripped.startswith("#") and current is None:
            continue
        elif found:
            break  # a blank line, a comment or the next entry
        else:
            continue
        literal = _LITERAL.search(line, keyword.end() - 1 if keyword else line.index('"'))
        if literal and current is not None:
            current.append((index + 1, literal.start(1) + 1, literal.group(1)))
    return found


def _segment(side: Side, text: str, literals: list[tuple[int, int, str]] | None, entry_line: int) -> Segment:
    """The string's segment with positions; at the entry's line if its literals cannot be matched."""
    if literals:
        builder = SegmentBuilder(side, literals[0][0], literals[0][1])
        for line, column, content in literals:
            position = 0
            for escape in _ESCAPE.finditer(content):
                builder.add_text(content[position : escape.start()], line, column + position)
                builder.add_char(_unescape(escape.group(1)), line, column + escape.start())
                position = escape.end()
            builder.add_text(content[position:], line, column + position)
        if _restored(builder) == text:
            return builder.build()
    builder = SegmentBuilder(side, entry_line, 1)
    builder.add_text(text.replace("\n", " "), entry_line, 1)
    return builder.build()


def _restored(builder: SegmentBuilder) -> str:
    """The builder's text with its placeholders back in place of their marks."""
    first, *rest = builder.text.split(TAG_MARK)
    return first + "".join(tag.text + part for tag, part in zip(builder.tags, rest, strict=False))


def _unescape(escape: str) -> str:
    if escape in _SIMPLE_ESCAPES:
        return _SIMPLE_ESCAPES[escape]
    if escape.startswith("x"):
        return chr(int(escape[1:], 16))
    if escape.isdigit():
        return chr(int(escape, 8))
    return escape
