"""Large line-based files read a chunk of pairs at a time, in bounded memory.

``iter_pair_chunks(path)`` yields the pairs of a corpus file in file order, ``chunk_pairs`` at a
time, without holding the file (or its decoded text) in memory:

- ``.tsv``, ``.tsv.gz``, ``.tsv.zst``: ``zh<TAB>en`` lines, read by the TSV reader's own line →
  Pair code (``qa.readers.tsv.TsvLayout``: the header, the swapped columns, the unpaired lines), so
  a pair is exactly the Pair ``read_tsv`` builds for its line;
- ``.jsonl``, ``.jsonl.gz``, ``.jsonl.zst``: one JSON object per line with ``zh`` and ``en`` string
  fields (others named by ``columns``, Chinese first); blank lines are skipped, a null field is an
  empty side, and a line with one side empty is unpaired text as in TSV;
- ``.parquet``: the ``zh`` and ``en`` columns (or ``columns``) of each row, read a batch at a time.

A pair's line is its file line (TSV, JSON Lines) or its 1-based row number (Parquet). Text files
are decoded as ``qa.readers.decoding.decode`` does (a BOM, else UTF-8; ``encoding`` forces one);
since the whole file is never in memory, GB18030 or Big5 is chosen when the first 64 KB are not
UTF-8, and invalid bytes further on are an error naming their line (``--encoding`` then says which).

Bad input is an ``InputError`` naming the file and the line: invalid JSON, a missing field or
column, a corrupt gzip or zstd stream, a truncated Parquet file. A file without a single Chinese
segment is a ``NotBilingualError``, known only at its end (after the last chunk). gzip comes with
Python; zstd (``zstandard``) and Parquet (``pyarrow``) are imported only for their files.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import regex

from qa.model import Document, Pair, Segment, Side
from qa.readers.decoding import _BOMS, _FREQUENT, _han, _looks_binary
from qa.readers.errors import InputError, NotBilingualError
from qa.readers.tsv import SAMPLE_LINES, TsvLayout

__all__ = [
    "STREAM_SUFFIXES",
    "Chunk",
    "PairStream",
    "is_streamable",
    "iter_pair_chunks",
    "pair_count",
    "read_document",
    "stream_suffix",
]

#: The formats read here, by the suffix (or double suffix) that names them.
STREAM_SUFFIXES = (".tsv", ".tsv.gz", ".tsv.zst", ".jsonl", ".jsonl.gz", ".jsonl.zst", ".parquet")
_COMPRESSED = (".gz", ".zst")
_BLOCK = 1 << 16  # bytes read at a time from a text file (an error in a compressed one names the line it reached)
_DETECT = 1 << 16  # bytes that decide UTF-8 or a legacy encoding
_NO_PAIRS = "no zh/en pairs found (expected Chinese lines followed by their English lines)"
_HAN_PAIR = regex.compile(r"\p{Han}")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def stream_suffix(path: Path | str) -> str | None:
    """The streamable format of ``path`` by its name (".tsv.gz", ".parquet"…), or None."""
    name = Path(path).name.lower()
    for suffix in sorted(STREAM_SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix) and len(name) > len(suffix):
            return suffix
    return None


def is_streamable(path: Path | str) -> bool:
    """Whether ``path`` is in one of the formats ``iter_pair_chunks`` reads."""
    return stream_suffix(path) is not None


@dataclass
class Chunk:
    """Consecutive pairs of a file and the unpaired lines among them (ALN001/ALN002), in file order."""

    pairs: list[Pair] = field(default_factory=list)
    unpaired: list[Segment] = field(default_factory=list)


class PairStream:
    """The chunks of one file (iterate once). After the last chunk, ``line_count`` is the file's number
    of lines (Parquet: rows) and ``pairs`` its number of pairs; a file without a single Chinese
    segment raises ``NotBilingualError`` at its end, as ``read_path`` does up front."""

    def __init__(
        self,
        path: Path,
        *,
        chunk_pairs: int = 10_000,
        source: Side | None = None,
        columns: tuple[str, str] | None = None,
        encoding: str | None = None,
        name: str | None = None,
        suffix: str | None = None,
    ) -> None:
        from qa.readers import display_path

        self.path = path
        self.name = name if name is not None else display_path(path)
        self.suffix = suffix or stream_suffix(path)
        if self.suffix not in STREAM_SUFFIXES:
            supported = ", ".join(STREAM_SUFFIXES)
            raise InputError(f"not a streamable file type (supported: {supported})", self.name)
        if chunk_pairs < 1:
            raise ValueError(f"chunk_pairs: expected a positive number, got {chunk_pairs}")
        self.chunk_pairs = chunk_pairs
        self.source = source
        self.columns = columns or ("zh", "en")
        self.encoding = encoding
        self.line_count = 0
        self.pairs = 0
        self._bilingual = False

    def __iter__(self) -> Iterator[Chunk]:
        base = self.suffix.removesuffix(".gz").removesuffix(".zst")
        chunks = self._parquet() if base == ".parquet" else self._text(base)
        for chunk in chunks:
            if self.source is not None:
                chunk.pairs = [pair.with_source(self.source) for pair in chunk.pairs]
            self.pairs += len(chunk.pairs)
            if not self._bilingual:
                self._bilingual = any(_HAN_PAIR.search(pair.zh.text) for pair in chunk.pairs)
            yield chunk
        if not self._bilingual:
            raise NotBilingualError(_NO_PAIRS, self.name)

    # -- text formats -------------------------------------------------------------------------------

    def _text(self, base: str) -> Iterator[Chunk]:
        lines = self._lines()
        if base == ".tsv":
            yield from self._tsv(lines)
        else:
            yield from self._jsonl(lines)

    def _tsv(self, lines: Iterator[tuple[int, list[str]]]) -> Iterator[Chunk]:
        head: list[str] = []
        batches = iter(lines)
        for _, batch in batches:  # the layout needs the first lines of the file
            head.extend(batch)
            if len(head) > SAMPLE_LINES:
                break
        layout = TsvLayout.from_head(head)
        chunk = Chunk()
        layout.read(head, 1, chunk.pairs, chunk.unpaired)
        yield from self._split(chunk)
        for first_line, batch in batches:
            layout.read(batch, first_line, chunk.pairs, chunk.unpaired)
            yield from self._split(chunk)
        if chunk.pairs or chunk.unpaired:
            yield Chunk(chunk.pairs, chunk.unpaired)

    def _split(self, chunk: Chunk) -> Iterator[Chunk]:
        """Whole chunks of ``chunk_pairs`` pairs taken off the front of ``chunk``, which keeps the rest
        (each unpaired line goes with the chunk of the pairs around it)."""
        size = self.chunk_pairs
        while len(chunk.pairs) >= size:
            pairs = chunk.pairs[:size]
            last_line = pairs[-1].zh.lines[0]
            unpaired = [segment for segment in chunk.unpaired if segment.lines[0] < last_line]
            chunk.unpaired = chunk.unpaired[len(unpaired) :]
            chunk.pairs = chunk.pairs[size:]
            yield Chunk(pairs, unpaired)

    def _jsonl(self, lines: Iterator[tuple[int, list[str]]]) -> Iterator[Chunk]:
        zh_field, en_field = self.columns
        chunk = Chunk()
        index = 0
        decoder = json.JSONDecoder()
        on_line, pair_of = Segment.on_line, Pair.of
        for first_line, batch in lines:
            line_number = first_line - 1
            for line in batch:
                line_number += 1
                if not line or line.isspace():
                    continue
                try:
                    record = decoder.decode(line)
                except json.JSONDecodeError as error:
                    raise InputError(
                        f"line {line_number}: invalid JSON: {error.msg.lower()} (column {error.colno})", self.name
                    ) from None
                if not isinstance(record, dict):
                    raise InputError(
                        f"line {line_number}: expected a JSON object with {zh_field!r} and {en_field!r} fields, "
                        f"got {type(record).__name__}",
                        self.name,
                    )
                zh_text = self._field(record, zh_field, line_number, index)
                en_text = self._field(record, en_field, line_number, index)
                zh = on_line("zh", zh_text, line_number, _value_column(line, zh_field, zh_text))
                en = on_line("en", en_text, line_number, _value_column(line, en_field, en_text))
                has_zh, has_en = zh_text != "" and not zh_text.isspace(), en_text != "" and not en_text.isspace()
                if has_zh and has_en:
                    chunk.pairs.append(pair_of(zh, en, index, "zh"))
                    index += 1
                elif has_zh:
                    chunk.unpaired.append(zh)
                elif has_en:
                    chunk.unpaired.append(en)
            yield from self._split(chunk)
        if chunk.pairs or chunk.unpaired:
            yield Chunk(chunk.pairs, chunk.unpaired)

    def _field(self, record: dict, name: str, line_number: int, index: int) -> str:
        if name not in record:
            fields = ", ".join(repr(key) for key in list(record)[:10]) or "none"
            message = f"line {line_number}: no {name!r} field (fields: {fields}); name them with --columns ZH,EN"
            # a first object without it: this file is not a set of zh/en pairs (a walked folder skips it)
            raise (NotBilingualError if index == 0 and not self._bilingual else InputError)(message, self.name)
        value = record[name]
        if value is None:
            return ""
        if not isinstance(value, str):
            raise InputError(
                f"line {line_number}: field {name!r} is {type(value).__name__}, expected a string", self.name
            )
        return value

    def _lines(self) -> Iterator[tuple[int, list[str]]]:
        """Batches of decoded lines, each with the file line of its first, split as
        ``qa.readers.decoding.split_lines`` splits (CRLF, CR, LF)."""
        handle = self._open()
        try:
            yield from self._decoded_lines(handle)
        finally:
            handle.close()

    def _open(self) -> BinaryIO:
        name = self.name
        try:
            if not self.path.is_file():
                raise InputError("not a regular file", name)
            raw = self.path.open("rb")
        except PermissionError:
            raise InputError("permission denied", name) from None
        except OSError as error:
            raise InputError(error.strerror or str(error), name) from None
        if self.suffix.endswith(".gz"):
            import gzip

            return gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[return-value]
        if self.suffix.endswith(".zst"):
            return _ZstdReader(raw)  # type: ignore[return-value]
        return raw

    def _read(self, handle: BinaryIO, size: int, line: int) -> bytes:
        """``size`` bytes (fewer at the end); a corrupt or truncated compressed stream is an error
        naming the line it reached."""
        import zlib

        try:
            return handle.read(size)
        except EOFError:
            raise InputError(
                f"line {line}: the {self._compression()} stream ends early (a truncated file)", self.name
            ) from None
        except (OSError, zlib.error) as error:  # gzip.BadGzipFile is an OSError
            raise InputError(f"line {line}: corrupt {self._compression()} data: {_one_line(error)}", self.name) \
                from None
        except Exception as error:
            if type(error).__name__ == "ZstdError":  # zstandard's, loaded only for .zst files
                raise InputError(f"line {line}: corrupt zstd data: {_one_line(error)}", self.name) from None
            raise

    def _compression(self) -> str:
        return "gzip" if self.suffix.endswith(".gz") else "zstd" if self.suffix.endswith(".zst") else "file"

    def _decoded_lines(self, handle: BinaryIO) -> Iterator[tuple[int, list[str]]]:
        pending = self._read(handle, _DETECT, 1)
        if not pending:
            raise NotBilingualError("file is empty", self.name)
        encoding = self._encoding(pending)
        decoder = codecs.getincrementaldecoder(encoding)()
        line = 1  # the file line the next text starts on
        newlines = 0  # "\n" bytes before ``pending``, for errors in a legacy decode (as decode() counts)
        offset = 0  # bytes before ``pending``
        carry = ""
        after_cr = False  # the last text ended in "\r": a "\n" starting the next is the same break
        started = False  # the BOM (and any U+FEFF after it) is behind
        seen_text = False
        while True:
            final = not pending
            try:
                text = decoder.decode(pending, final)
            except UnicodeDecodeError as error:
                at = newlines + pending[: max(error.start, 0)].count(b"\n") + 1
                raise InputError(
                    f"cannot decode as {encoding}: invalid bytes at line {at} (byte {offset + max(error.start, 0)})"
                    + ("; use --encoding" if self.encoding is None else ""),
                    self.name,
                ) from None
            newlines += pending.count(b"\n")
            offset += len(pending)
            if not started and text:
                text = text.lstrip("\ufeff")
                started = bool(text)
            if after_cr and text.startswith("\n"):
                text = text[1:]
            if text:
                after_cr = text.endswith("\r")
            if not seen_text and text and not text.isspace():
                seen_text = True
            parts = _LINE_BREAK.split(carry + text)
            carry = parts.pop()
            if final:
                if carry:
                    parts.append(carry)
                if parts:
                    yield line, parts
                self.line_count = line - 1 + len(parts)
                break
            if parts:
                yield line, parts
                line += len(parts)
            pending = self._read(handle, _BLOCK, line)
        if not seen_text:
            raise NotBilingualError("file is empty", self.name)

    def _encoding(self, head: bytes) -> str:
        """The encoding of a text file whose first bytes are ``head``: as ``decode`` chooses, from the
        first 64 KB (a legacy one, GB18030 or Big5, by a pass over the whole file)."""
        if self.encoding:
            try:
                codecs.lookup(self.encoding)
            except LookupError:
                raise InputError(f"unknown encoding {self.encoding!r}", self.name) from None
            return self.encoding
        for bom, name in _BOMS:
            if head.startswith(bom):
                return name
        if _looks_binary(head):
            raise InputError("binary file, not text", self.name)
        try:
            codecs.getincrementaldecoder("utf-8")().decode(head, False)
            return "utf-8"
        except UnicodeDecodeError as utf8_error:
            candidates = []
            for name in ("gb18030", "big5"):
                share = self._legacy_share(name)
                if share is not None:
                    candidates.append((share, name))
            if not candidates:
                at = head[: utf8_error.start].count(b"\n") + 1
                raise InputError(
                    f"cannot decode as utf-8: invalid bytes at line {at} (byte {utf8_error.start}); "
                    "not GB18030 or Big5 either (use --encoding)",
                    self.name,
                ) from None
            return max(candidates)[1]

    def _legacy_share(self, encoding: str) -> float | None:
        """The share of frequent characters in the first Chinese text of the whole file decoded as
        ``encoding`` (None: it does not decode), read again from the start."""
        decoder = codecs.getincrementaldecoder(encoding)()
        sample = ""
        handle = self._open()
        try:
            while True:
                data = self._read(handle, _BLOCK, 1)
                try:
                    text = decoder.decode(data, not data)
                except UnicodeDecodeError:
                    return None
                if len(sample) < 20000:
                    sample += text[: 20000 - len(sample)]
                if not data:
                    break
        finally:
            handle.close()
        han = _han().findall(sample)
        return sum(1 for char in han if char in _FREQUENT) / len(han) if han else 0.0

    # -- Parquet ------------------------------------------------------------------------------------

    def _parquet(self) -> Iterator[Chunk]:
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:  # pragma: no cover - a dependency; an installation without it
            raise InputError("reading Parquet needs pyarrow (pip install pyarrow)", self.name) from None
        name = self.name
        zh_column, en_column = self.columns
        try:
            if not self.path.is_file():
                raise InputError("not a regular file", name)
            file = pq.ParquetFile(self.path)
        except PermissionError:
            raise InputError("permission denied", name) from None
        except (pa.ArrowException, OSError) as error:
            raise InputError(f"not a Parquet file, or a truncated one: {_one_line(error)}", name) from None
        present = file.schema_arrow.names
        for column in (zh_column, en_column):
            if column not in present:
                columns = ", ".join(repr(n) for n in present[:10]) or "none"
                raise NotBilingualError(
                    f"no column {column!r} (columns: {columns}); name them with --columns ZH,EN", name
                )
        row = 0
        index = 0
        on_line, pair_of = Segment.on_line, Pair.of
        try:
            with file:
                for batch in file.iter_batches(batch_size=self.chunk_pairs, columns=[zh_column, en_column]):
                    zh_values = batch.column(0).cast(pa.string()).to_pylist()
                    en_values = batch.column(1).cast(pa.string()).to_pylist()
                    chunk = Chunk()
                    for zh_text, en_text in zip(zh_values, en_values, strict=True):
                        row += 1
                        zh_text, en_text = zh_text or "", en_text or ""
                        has_zh, has_en = zh_text.strip() != "", en_text.strip() != ""
                        if has_zh and has_en:
                            chunk.pairs.append(pair_of(on_line("zh", zh_text, row), on_line("en", en_text, row), index))
                            index += 1
                        elif has_zh:
                            chunk.unpaired.append(on_line("zh", zh_text, row))
                        elif has_en:
                            chunk.unpaired.append(on_line("en", en_text, row))
                    self.line_count = row
                    if chunk.pairs or chunk.unpaired:
                        yield chunk
        except (pa.ArrowException, OSError) as error:
            raise InputError(f"row {row + 1}: cannot read the Parquet file: {_one_line(error)}", name) from None


class _ZstdReader:
    """The decompressed bytes of a zstd file, frame after frame, that knows a truncated last frame
    (zstandard's stream reader ends quietly there)."""

    def __init__(self, raw: BinaryIO) -> None:
        import zstandard

        self._raw = raw
        self._new = zstandard.ZstdDecompressor().decompressobj
        self._frame = self._new()
        self._started = False  # bytes of the current frame have been fed

    def read(self, size: int) -> bytes:
        """About ``size`` bytes or fewer, never none before the end (what was read comes back before
        an error further on, so that the error names the line it reached)."""
        out = bytearray()
        while not out:
            data = self._raw.read(_BLOCK // 4)
            if not data:
                if self._started and not self._frame.eof:
                    raise EOFError("zstd frame cut short")
                break
            while data:
                if self._frame.eof:
                    self._frame, self._started = self._new(), False
                out += self._frame.decompress(data)
                self._started = True
                data = self._frame.unused_data if self._frame.eof else b""
        return bytes(out)

    def close(self) -> None:
        self._raw.close()


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())


def _value_column(line: str, field_name: str, text: str) -> int:
    """The 1-based column of a JSON string value's first character in its line, where the line writes
    the value as it is (no escapes); 1 where it does not, so that positions stay inside the line."""
    if not text:
        return 1
    key = f'"{field_name}"'
    at = line.find(key)
    while at >= 0:
        colon = line.find(":", at + len(key))
        if colon < 0:
            break
        quote = colon + 1
        while quote < len(line) and line[quote] in " \t":
            quote += 1
        if quote < len(line) and line.startswith('"' + text + '"', quote) and "\\" not in text:
            return quote + 2
        at = line.find(key, at + 1)
    return 1


def iter_pair_chunks(
    path: Path,
    *,
    chunk_pairs: int = 10_000,
    source: Side | None = None,
    columns: tuple[str, str] | None = None,
    encoding: str | None = None,
) -> Iterator[list[Pair]]:
    """The pairs of a ``.tsv``, ``.tsv.gz``, ``.tsv.zst``, ``.jsonl``, ``.jsonl.gz``, ``.jsonl.zst`` or
    ``.parquet`` file, in file order, at most ``chunk_pairs`` at a time, in bounded memory.

    ``source`` ("zh" or "en") is the language the pairs were translated from (``--source``; by
    default the first TSV column, zh for JSON Lines and Parquet); ``columns`` the JSON fields or
    Parquet columns holding the Chinese and the English (default ``("zh", "en")``); ``encoding``
    forces a text file's encoding. Each Pair is the one ``qa.readers.read_path`` gives for the same
    line or row: its ``index`` counts the file's pairs from 0, its segments sit on the file line
    (TSV, JSON Lines) or the 1-based row (Parquet). Raises ``InputError`` naming the file and the
    line for bad input, ``NotBilingualError`` after the last chunk for a file without Chinese."""
    for chunk in PairStream(path, chunk_pairs=chunk_pairs, source=source, columns=columns, encoding=encoding):
        if chunk.pairs:
            yield chunk.pairs


def pair_count(path: Path, *, columns: tuple[str, str] | None = None, encoding: str | None = None) -> int:
    """How many pairs ``iter_pair_chunks`` yields for ``path`` (read through once, in bounded memory)."""
    stream = PairStream(path, chunk_pairs=50_000, columns=columns, encoding=encoding)
    for _ in stream:
        pass
    return stream.pairs


def read_document(
    path: Path,
    *,
    name: str | None = None,
    suffix: str | None = None,
    source: Side | None = None,
    columns: tuple[str, str] | None = None,
    encoding: str | None = None,
) -> Document:
    """The whole file as one Document (``read_path`` for these formats: ``--fix``, small files)."""
    stream = PairStream(path, chunk_pairs=1 << 30, source=source, columns=columns, encoding=encoding, name=name,
                        suffix=suffix)
    pairs: list[Pair] = []
    unpaired: list[Segment] = []
    for chunk in stream:
        pairs.extend(chunk.pairs)
        unpaired.extend(chunk.unpaired)
    return Document(stream.name, tuple(pairs), (), tuple(unpaired), None, stream.line_count)
