"""Readers turn files into Documents. One module per format, chosen by suffix."""

from __future__ import annotations

import dataclasses
import importlib
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import regex

from qa.model import Document, Side
from qa.readers.decoding import decode, split_lines
from qa.readers.errors import InputError, NotBilingualError
from qa.readers.stream import STREAM_SUFFIXES
from qa.readers.tsv import read_tsv
from qa.readers.txt import read_txt

__all__ = [
    "ALL_SUFFIXES",
    "LINE_SUFFIXES",
    "READERS",
    "STREAM_SUFFIXES",
    "SUFFIXES",
    "InputError",
    "NotBilingualError",
    "decode_lines",
    "display_path",
    "expand_paths",
    "file_suffix",
    "read_data",
    "read_lines",
    "read_path",
    "read_text",
    "with_source",
]


def _lazy(module: str, function: str) -> Callable[..., Document]:
    """A reader imported on first use, so lxml and polib load only for the files that need them."""

    def reader(*args, **kwargs) -> Document:
        return getattr(importlib.import_module(f"qa.readers.{module}"), function)(*args, **kwargs)

    reader.__name__ = function
    return reader


READERS: dict[str, Callable[[str, list[str]], Document]] = {
    ".txt": read_txt,
    ".tsv": read_tsv,
    ".csv": _lazy("csv_reader", "read_csv"),
    ".po": _lazy("po", "read_po"),
    ".tmx": _lazy("tmx", "read_tmx"),
    ".xlf": _lazy("xliff", "read_xliff"),
    ".xliff": _lazy("xliff", "read_xliff"),
    ".sdlxliff": _lazy("xliff", "read_xliff"),
}
SUFFIXES = tuple(READERS)
_XML_SUFFIXES = frozenset({".tmx", ".xlf", ".xliff", ".sdlxliff"})
#: Formats without metadata saying which language was translated from: their direction is the
#: reader's (the first line or column is the source) unless ``--source`` / ``[tool.qa] source``
#: says otherwise. Catalogues (PO, XLIFF, TMX) declare theirs and keep it.
LINE_SUFFIXES = frozenset({".txt", ".tsv", ".csv"})
#: Every suffix qa check reads: the formats above, and the corpus formats read a chunk at a time
#: (qa/readers/stream.py: .tsv.gz, .tsv.zst, .jsonl[.gz|.zst], .parquet), line formats too.
ALL_SUFFIXES = tuple(dict.fromkeys((*SUFFIXES, *STREAM_SUFFIXES)))
_HAN = regex.compile(r"\p{Han}")


_KNOWN = frozenset(ALL_SUFFIXES)


def file_suffix(path: Path) -> str:
    """The suffix that names ``path``'s format: a double one for a compressed corpus (".tsv.gz",
    ".jsonl.zst"), else the last one, lower-cased."""
    from qa.readers.stream import stream_suffix

    return stream_suffix(path) or path.suffix.lower()


def display_path(path: Path) -> str:
    """The path as the user should see it: relative to the working directory when below it."""
    try:
        relative = path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path.as_posix()
    return relative.as_posix()


def expand_paths(paths: list[Path]) -> Iterator[Path]:
    """Files to check: files as given, directories searched recursively by suffix."""
    for path in paths:
        if path.is_dir():
            found = sorted(
                candidate
                for candidate in path.rglob("*")
                if file_suffix(candidate) in _KNOWN
                and candidate.is_file()
                and not any(part.startswith(".") for part in candidate.relative_to(path).parts)
            )
            if not found:
                raise InputError(f"no {', '.join(ALL_SUFFIXES)} files in this directory", display_path(path))
            yield from found
        elif path.exists() or path.is_symlink():
            yield path
        else:
            raise InputError("no such file or directory", display_path(path))


def read_text(name: str, text: str, suffix: str = ".txt") -> Document:
    """A Document from text already in memory (tests, stdin)."""
    return READERS[suffix](name, split_lines(text))


def read_lines(path: Path, *, encoding: str | None = None, xml: bool = False) -> list[str]:
    """A file's decoded lines. Raises InputError naming the file for anything unreadable.

    For XML the encoding its declaration names is used (GB2312, Big5, UTF-16…)
    unless ``encoding`` overrides it.
    """
    return decode_lines(display_path(path), _file_bytes(path), encoding=encoding, xml=xml)


def _file_bytes(path: Path) -> bytes:
    name = display_path(path)
    try:
        if not path.is_file():
            raise InputError("not a regular file", name)
        return path.read_bytes()
    except PermissionError:
        raise InputError("permission denied", name) from None
    except OSError as error:
        raise InputError(error.strerror or str(error), name) from None


def decode_lines(name: str, data: bytes, *, encoding: str | None = None, xml: bool = False) -> list[str]:
    """The decoded lines of a file's bytes (see read_lines); InputError names ``name``."""
    if not data or data.isspace():  # strip() would copy a large file to learn the same
        raise NotBilingualError("file is empty", name)
    if xml and not encoding:
        encoding = _declared_encoding(data)
    try:
        text, _ = decode(data, encoding)
    except InputError as error:
        raise InputError(error.message, name) from None
    if not text or text.isspace():
        raise NotBilingualError("file is empty", name)
    return split_lines(text)


_XML_DECLARATION = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")


def _declared_encoding(data: bytes) -> str | None:
    """The encoding an XML declaration names, if the bytes are ASCII-compatible enough to read it."""
    match = _XML_DECLARATION.match(data[:200].removeprefix(b"\xef\xbb\xbf"))
    if match is None:
        return None
    name = match.group(1).decode("ascii").lower()
    if name.startswith("utf-16") or name.startswith("utf-32"):
        return None  # the BOM tells these; ASCII bytes here mean the declaration is wrong
    return "gb18030" if name in ("gb2312", "gbk") else name  # GB18030 is the superset legacy files need


def read_path(
    path: Path,
    *,
    encoding: str | None = None,
    format: str | None = None,
    columns: tuple[str, str] | None = None,
    source: Side | None = None,
) -> Document:
    """Read one file. Raises InputError naming the file for anything unreadable.

    ``columns`` names the Chinese and English columns of a CSV file (--columns); ``source``
    the language a line format's pairs were translated from (--source), which catalogues
    (PO, XLIFF, TMX) declare themselves.
    """
    name = display_path(path)
    suffix = f".{format.lstrip('.')}" if format else file_suffix(path)
    if suffix not in READERS and suffix in STREAM_SUFFIXES:  # a compressed TSV, JSON Lines, Parquet
        from qa.readers.stream import read_document

        return read_document(path, name=name, suffix=suffix, source=source, columns=columns, encoding=encoding)
    if suffix not in READERS:
        supported = ", ".join(ALL_SUFFIXES)
        raise InputError(f"unsupported file type {path.suffix or '(none)'!r}; supported: {supported}", name)
    return read_data(name, _file_bytes(path), suffix, encoding=encoding, columns=columns, source=source)


def with_source(document: Document, source: Side | None) -> Document:
    """``document`` with every pair translated from ``source`` (None: as read)."""
    if source is None or all(pair.source == source for pair in document.pairs):
        return document
    return dataclasses.replace(document, pairs=tuple(pair.with_source(source) for pair in document.pairs))


def read_data(
    name: str,
    data: bytes,
    suffix: str,
    *,
    encoding: str | None = None,
    columns: tuple[str, str] | None = None,
    source: Side | None = None,
) -> Document:
    """A file's bytes read as ``suffix`` (".po"…), as read_path does once it has them (fuzzing, tests)."""
    reader = READERS[suffix]
    lines = decode_lines(name, data, encoding=encoding, xml=suffix in _XML_SUFFIXES)
    try:
        document = reader(name, lines, columns=columns) if suffix == ".csv" and columns else reader(name, lines)
    except InputError as error:
        if error.path is None:
            raise type(error)(error.message, name) from None
        raise
    if not any(_HAN.search(pair.zh.text) for pair in document.pairs):
        raise NotBilingualError("no zh/en pairs found (expected Chinese lines followed by their English lines)", name)
    return with_source(document, source) if suffix in LINE_SUFFIXES else document
