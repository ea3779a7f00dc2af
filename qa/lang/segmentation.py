"""Chinese word segmentation: jieba without its HMM, on an index of its dictionary kept on disk.

jieba reads its whole dictionary (350,000 words and their prefixes: about a second) before its
first cut, and qa cuts only a few short windows in a run (三成 or 变成, 十六世纪 or 十六进制, a
doubled word). So jieba's own Tokenizer here looks its words up in an SQLite index of the same
dictionary, built once from what jieba itself loads (words, frequencies, total, and posseg's
parts of speech) and kept in the user's cache folder: the same words, so the same segmentation
(tests/lang/test_segmentation.py holds it to jieba's), for a few milliseconds. Where there is
no cache folder to write, jieba loads its dictionary as it always does.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite3

#: The index's layout; a new one gets a new file name.
_SCHEMA = 1
#: Words looked up and remembered per process before the memory is emptied (a bound for huge inputs).
_REMEMBERED = 500_000
_UNSEEN = object()


class _IndexedWords:
    """jieba's ``FREQ`` (word or prefix → frequency, 0 for a prefix that is no word) read from the
    index one word at a time, as jieba's ``get_DAG`` and ``calc`` ask; also the parts of speech."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._connection: sqlite3.Connection | None = None
        self._pid = 0
        self._frequencies: dict[str, int | None] = {}
        self._tags: dict[str, str | None] = {}

    def _query(self, sql: str, word: str):
        if self._connection is None or self._pid != os.getpid():  # a forked worker opens its own
            import sqlite3

            self._connection = sqlite3.connect(f"{self.path.as_uri()}?mode=ro", uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._connection.execute(sql, (word,)).fetchone()

    def frequency(self, word: str) -> int | None:
        known = self._frequencies.get(word, _UNSEEN)
        if known is _UNSEEN:
            if len(self._frequencies) >= _REMEMBERED:
                self._frequencies.clear()
            row = self._query("SELECT freq FROM words WHERE word = ?", word)
            known = self._frequencies[word] = None if row is None else row[0]
        return known  # type: ignore[return-value]

    def tag(self, word: str) -> str | None:
        known = self._tags.get(word, _UNSEEN)
        if known is _UNSEEN:
            if len(self._tags) >= _REMEMBERED:
                self._tags.clear()
            row = self._query("SELECT tag FROM words WHERE word = ?", word)
            known = self._tags[word] = None if row is None else row[0]
        return known  # type: ignore[return-value]

    # the mapping jieba's Tokenizer reads
    def __contains__(self, word: str) -> bool:
        return self.frequency(word) is not None

    def __getitem__(self, word: str) -> int:
        found = self.frequency(word)
        if found is None:
            raise KeyError(word)
        return found

    def get(self, word: str, default=None):
        found = self.frequency(word)
        return default if found is None else found


class _IndexedTags:
    """posseg's ``word_tag_tab`` (word → part of speech) as a lookup in the index."""

    def __init__(self, words: _IndexedWords) -> None:
        self._words = words

    def get(self, word: str, default=None):
        found = self._words.tag(word)
        return default if found is None else found


def _jieba():
    import jieba

    jieba.setLogLevel(60)  # jieba logs its dictionary loading on stderr
    return jieba


def _index_path() -> Path | None:
    """Where the index of this jieba's dictionary is kept: per jieba version and dictionary file."""
    from qa.lang.terms.fold import cache_folder

    folder = cache_folder()
    if folder is None:
        return None
    jieba = _jieba()
    dictionary = Path(jieba.__file__).with_name("dict.txt")  # jieba.DEFAULT_DICT_NAME, what jieba.dt reads
    try:
        stat = dictionary.stat()
    except OSError:
        return None
    return folder / f"jieba-{jieba.__version__}-{stat.st_size}-{int(stat.st_mtime)}-v{_SCHEMA}.sqlite"


def _build_index(path: Path) -> bool:
    """Write the index from the dictionary jieba loads itself (its FREQ, total and posseg's tags),
    atomically: a temporary file renamed into place. False where the folder cannot be written."""
    import sqlite3

    jieba = _jieba()
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    import jieba.posseg

    tags = jieba.posseg.POSTokenizer(tokenizer).word_tag_tab
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.parent / f".{path.name}.{os.urandom(4).hex()}.tmp"
        # O_EXCL: never write through something another process put there; mode 0666 less the umask
        os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666))
    except OSError:
        return False
    try:
        connection = sqlite3.connect(temporary)
        with connection:
            connection.execute("CREATE TABLE words (word TEXT PRIMARY KEY, freq INTEGER NOT NULL, tag TEXT)"
                               " WITHOUT ROWID")  # fmt: skip
            connection.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)")
            connection.executemany(
                "INSERT INTO words VALUES (?, ?, ?)",
                ((word, freq, tags.get(word)) for word, freq in tokenizer.FREQ.items()),
            )
            connection.execute("INSERT INTO meta VALUES ('total', ?)", (tokenizer.total,))
        connection.close()
        os.replace(temporary, path)
        return True
    except (OSError, sqlite3.Error):
        try:
            os.unlink(temporary)
        except OSError:
            pass
        return False


@lru_cache(maxsize=1)
def _segmenter():
    """jieba's Tokenizer on the index, or jieba's own (its dictionary loaded) where there is none."""
    import sqlite3

    jieba = _jieba()
    path = _index_path()
    if path is not None and (path.exists() or _build_index(path)):
        try:
            words = _IndexedWords(path)
            connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
            try:
                (total,) = connection.execute("SELECT value FROM meta WHERE key = 'total'").fetchone()
            finally:
                connection.close()
            tokenizer = jieba.Tokenizer()
            tokenizer.FREQ, tokenizer.total, tokenizer.initialized = words, total, True
            return tokenizer, _IndexedTags(words)
        except (sqlite3.Error, TypeError):
            pass  # a damaged index: jieba's own loading below
    import jieba.posseg

    jieba.dt.initialize()
    return jieba.dt, jieba.posseg.dt.word_tag_tab


def cut(text: str) -> Iterator[str]:
    """The words of ``text`` as ``jieba.cut(text, HMM=False)`` gives them."""
    return _segmenter()[0].cut(text, HMM=False)


def word_tag(word: str) -> str | None:
    """The part of speech jieba's dictionary gives ``word`` (posseg's table), or None."""
    return _segmenter()[1].get(word)


def prepare() -> None:
    """Build or open the index now, before worker processes fork (each opens its own connection)."""
    _segmenter()
