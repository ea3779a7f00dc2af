"""Traditional Chinese folded to Simplified, one character for one, with a table built from OpenCC's t2s.

A Simplified glossary so matches a Traditional document and the other way round; offsets
are unchanged. The table is built on first use and cached in the user's cache folder.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def traditional_to_simplified_table() -> dict[int, str]:
    """One-character Traditional→Simplified mappings of OpenCC t2s, for str.translate.

    Built once from the CJK blocks, one character per line so that OpenCC's phrase
    tables cannot change the length: folding keeps every offset.
    """
    cached = _read_fold_cache()
    if cached is not None:
        return cached
    import opencc

    converter = opencc.OpenCC("t2s")
    ranges = (range(0x3400, 0x4DC0), range(0x4E00, 0xA000), range(0xF900, 0xFB00))
    characters = [chr(code) for block in ranges for code in block]
    converted = converter.convert("\n".join(characters)).split("\n")
    if len(converted) != len(characters):  # should not happen; fall back to no folding
        return {}
    table = {ord(old): new for old, new in zip(characters, converted, strict=True) if old != new and len(new) == 1}
    _write_fold_cache(table)
    return table


def _fold_cache_path() -> Path | None:
    """Where the table is kept between runs (it takes OpenCC ~50 ms to build): per installed OpenCC,
    told by its module file's size and time (found without importing OpenCC, or importlib.metadata)."""
    from importlib.util import find_spec

    try:
        spec = find_spec("opencc")
        stat = os.stat(spec.origin) if spec is not None and spec.origin else None
    except (ImportError, ValueError, OSError):
        return None
    folder = cache_folder()
    if stat is None or folder is None:
        return None
    return folder / f"opencc-t2s-{stat.st_size}-{stat.st_mtime_ns}.json"


def cache_folder() -> Path | None:
    """qa's folder in the user's cache folder (``$XDG_CACHE_HOME/qa``, ``~/.cache/qa``), or None
    where there is none to name: no home, no account, a relative ``XDG_CACHE_HOME``."""
    try:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    except RuntimeError:  # no HOME and no account (a container's --user): no cache
        return None
    if not base.is_absolute():  # a relative XDG_CACHE_HOME is to be ignored, and "~" was not known
        return None
    return base / "qa"


def _read_fold_cache() -> dict[int, str] | None:
    import json

    path = _fold_cache_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8")) if path else None
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not data:
        return None
    return {int(code): new for code, new in data.items()}


def _write_fold_cache(table: dict[int, str]) -> None:
    """As every file qa writes (qa/output.py: atomically, with the umask's mode, never renaming
    over a device or link), and silently not at all where the cache folder is not writable."""
    import json

    from qa.output import OutputError, write_text

    path = _fold_cache_path()
    if path is None or not table:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_text(path, json.dumps({str(code): new for code, new in table.items()}, ensure_ascii=False), "cache")
    except (OSError, OutputError):
        return


@lru_cache(maxsize=1)
def _traditional_characters() -> re.Pattern:
    # the standard library's re, not regex: it matches a large character set with a bitmap, far faster
    table = traditional_to_simplified_table()
    return re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(table)) + "]")


def fold_chinese(text: str) -> str:
    """Text with Traditional characters replaced by Simplified ones, same length."""
    # most texts are Simplified: a search in C is cheaper than translating every text
    if _traditional_characters().search(text) is None:
        return text
    return text.translate(traditional_to_simplified_table())


# -- English renderings --------------------------------------------------------------------
