"""Readers turn files into Documents. One module per format, chosen by suffix."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import regex

from qa.model import Document
from qa.readers.decoding import decode, split_lines
from qa.readers.errors import InputError
from qa.readers.tsv import read_tsv
from qa.readers.txt import read_txt

__all__ = ["READERS", "SUFFIXES", "InputError", "display_path", "expand_paths", "read_path", "read_text"]

READERS: dict[str, Callable[[str, list[str]], Document]] = {".txt": read_txt, ".tsv": read_tsv}
SUFFIXES = tuple(READERS)
_HAN = regex.compile(r"\p{Han}")


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
                if candidate.suffix.lower() in READERS
                and candidate.is_file()
                and not any(part.startswith(".") for part in candidate.relative_to(path).parts)
            )
            if not found:
                raise InputError(f"no {', '.join(SUFFIXES)} files in this directory", display_path(path))
            yield from found
        elif path.exists() or path.is_symlink():
            yield path
        else:
            raise InputError("no such file or directory", display_path(path))


def read_text(name: str, text: str, suffix: str = ".txt") -> Document:
    """A Document from text already in memory (tests, stdin)."""
    return READERS[suffix](name, split_lines(text))


def read_path(path: Path, *, encoding: str | None = None, format: str | None = None) -> Document:
    """Read one file. Raises InputError naming the file for anything unreadable."""
    name = display_path(path)
    suffix = f".{format.lstrip('.')}" if format else path.suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        raise InputError(f"unsupported file type {path.suffix or '(none)'!r}; supported: {', '.join(SUFFIXES)}", name)
    try:
        if not path.is_file():
            raise InputError("not a regular file", name)
        data = path.read_bytes()
    except PermissionError:
        raise InputError("permission denied", name) from None
    except OSError as error:
        raise InputError(error.strerror or str(error), name) from None
    if not data.strip():
        raise InputError("file is empty", name)
    try:
        text, _ = decode(data, encoding)
    except InputError as error:
        raise InputError(error.message, name) from None
    if not text.strip():
        raise InputError("file is empty", name)
    document = reader(name, split_lines(text))
    if not any(_HAN.search(pair.zh.text) for pair in document.pairs):
        raise InputError("no zh/en pairs found (expected Chinese lines followed by their English lines)", name)
    return document


