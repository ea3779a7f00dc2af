"""The corpus formats (qa/readers/stream.py): the seeds' real pairs written as .tsv.gz, .tsv.zst,
.jsonl (plain and compressed) and .parquet read as the same pairs, and give the same findings, as
the .tsv; bad input is one error naming the file and the line."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import zstandard

from qa.config import discover_config
from qa.engine import Engine
from qa.readers import InputError, NotBilingualError, expand_paths, file_suffix, read_path
from qa.readers.stream import PairStream, is_streamable, iter_pair_chunks, pair_count

ROOT = Path(__file__).resolve().parents[2]
SOURCES = (ROOT / "seeds" / "000_cfa7fe55d91506c5.txt", ROOT / "examples" / "defects.txt")


def seed_rows() -> list[tuple[str, str]]:
    """The real pairs of a seed and of the defects example, plus one Chinese line without its
    English (unpaired, ALN001)."""
    rows = [
        (pair.zh.text.replace("\n", " "), pair.en.text.replace("\n", " "))
        for source in SOURCES
        for pair in read_path(source).pairs
    ]
    rows.insert(5, ("新开工300个", ""))
    return rows


def write_formats(folder: Path, rows: list[tuple[str, str]]) -> dict[str, Path]:
    tsv = "".join(f"{zh}\t{en}\n" for zh, en in rows).encode()
    jsonl = "".join(json.dumps({"zh": zh, "en": en}, ensure_ascii=False) + "\n" for zh, en in rows).encode()
    paths = {suffix: folder / f"seed{suffix}" for suffix in
             (".tsv", ".tsv.gz", ".tsv.zst", ".jsonl", ".jsonl.gz", ".jsonl.zst", ".parquet")}
    paths[".tsv"].write_bytes(tsv)
    paths[".tsv.gz"].write_bytes(gzip.compress(tsv))
    # two zstd frames: a file made by appending runs of a compressor reads through
    half = len(tsv) // 2
    cut = tsv.index(b"\n", half) + 1
    compressor = zstandard.ZstdCompressor()
    paths[".tsv.zst"].write_bytes(compressor.compress(tsv[:cut]) + compressor.compress(tsv[cut:]))
    paths[".jsonl"].write_bytes(jsonl)
    paths[".jsonl.gz"].write_bytes(gzip.compress(jsonl))
    paths[".jsonl.zst"].write_bytes(compressor.compress(jsonl))
    table = pa.table({"zh": [zh for zh, _ in rows], "en": [en or None for _, en in rows]})
    pq.write_table(table, paths[".parquet"], row_group_size=7)  # several row groups
    return paths


@pytest.fixture(scope="module")
def formats(tmp_path_factory) -> dict[str, Path]:
    return write_formats(tmp_path_factory.mktemp("formats"), seed_rows())


def shown(findings) -> list[tuple]:
    """What a user sees of each finding, but the column (a JSON value starts after its key)."""
    return [(f.code, f.location.line, f.message, f.evidence.side, f.evidence.start, f.evidence.end, f.fingerprint)
            for f in findings]


def test_double_suffixes_name_the_format(tmp_path: Path):
    assert [file_suffix(Path(name)) for name in ("a.tsv.gz", "B.JSONL.ZST", "c.parquet", "d.tsv", "e.txt", "f.gz")] \
        == [".tsv.gz", ".jsonl.zst", ".parquet", ".tsv", ".txt", ".gz"]
    assert is_streamable(Path("corpus.jsonl.gz")) and not is_streamable(Path("report.txt"))
    for name in ("one.tsv.gz", "two.parquet", "skip.csv.gz", "three.jsonl"):
        (tmp_path / name).write_bytes(b"")
    assert [path.name for path in expand_paths([tmp_path])] == ["one.tsv.gz", "three.jsonl", "two.parquet"]


def test_every_format_yields_the_tsv_readers_pairs(formats):
    expected = read_path(formats[".tsv"])
    for suffix, path in formats.items():
        chunks = list(iter_pair_chunks(path, chunk_pairs=10))
        assert len(chunks) == -(-len(expected.pairs) // 10) if suffix != ".parquet" else len(chunks) > 1
        pairs = [pair for chunk in chunks for pair in chunk]
        assert [(p.zh.text, p.en.text, p.index, p.zh.line, p.en.line, p.source) for p in pairs] == [
            (p.zh.text, p.en.text, p.index, p.zh.line, p.en.line, p.source) for p in expected.pairs
        ], suffix
        if suffix.startswith(".tsv"):
            assert pairs == list(expected.pairs), suffix  # the very same Pair, columns and all
        document = read_path(path)
        assert [(s.lang, s.line, s.text) for s in document.unpaired] == [("zh", 6, "新开工300个")]
    assert pair_count(formats[".jsonl.zst"]) == len(expected.pairs)


def test_json_lines_columns_point_at_the_value(formats):
    pair = next(iter_pair_chunks(formats[".jsonl"]))[0]
    line = formats[".jsonl"].read_text(encoding="utf-8").splitlines()[0]
    assert line[pair.zh.columns[0] - 1 :].startswith(pair.zh.text)
    assert line[pair.en.columns[0] - 1 :].startswith(pair.en.text)


def test_every_format_gives_the_same_findings(formats):
    engine = Engine.from_config(discover_config(None))
    expected = shown(engine.check(read_path(formats[".tsv"])))
    assert {code for code, *_ in expected} >= {"ALN001", "CON001", "TXT002"}  # the seed has real defects
    for suffix, path in formats.items():
        assert shown(engine.check(read_path(path))) == expected, suffix


def test_source_and_columns_apply(tmp_path: Path, formats):
    pairs = next(iter_pair_chunks(formats[".parquet"], source="en"))
    assert {pair.source for pair in pairs} == {"en"}
    assert read_path(formats[".tsv.gz"], source="en").pairs[0].target == "zh"
    renamed = tmp_path / "renamed.jsonl"
    renamed.write_text(json.dumps({"中文": "各位代表!", "English": "Fellow Deputies,"}, ensure_ascii=False) + "\n")
    (pair,) = next(iter_pair_chunks(renamed, columns=("中文", "English")))
    assert (pair.zh.text, pair.en.text) == ("各位代表!", "Fellow Deputies,")
    table = tmp_path / "renamed.parquet"
    pq.write_table(pa.table({"id": [7], "src": ["各位代表!"], "tgt": ["Fellow Deputies,"]}), table)
    assert read_path(table, columns=("src", "tgt")).pairs[0].en.text == "Fellow Deputies,"


def cut(data: bytes, fraction: float) -> bytes:
    return data[: int(len(data) * fraction)]


def corrupt(data: bytes, at: int) -> bytes:
    return data[:at] + b"\x00" * 64 + data[at + 64 :]


@pytest.fixture(scope="module")
def big_rows() -> list[tuple[str, str]]:
    """Enough real pairs that a compressed file spans several read blocks."""
    return seed_rows() * 40


@pytest.mark.parametrize(
    ("name", "make", "problem"),
    [
        ("bad.jsonl", lambda rows: b'{"zh": "\xe5\x90\x84", "en": "x"}\n{"zh": "a", "en": oops}\n',
         "line 2: invalid JSON: expecting value (column 19)"),
        ("missing.jsonl", lambda rows: '{"zh": "各位", "en": "x"}\n{"zh": "代表", "english": "y"}\n'.encode(),
         "line 2: no 'en' field (fields: 'zh', 'english'); name them with --columns ZH,EN"),
        ("number.jsonl", lambda rows: b'{"zh": "\xe5\x90\x84", "en": 5}\n',
         "line 1: field 'en' is int, expected a string"),
        ("list.jsonl", lambda rows: b"[1, 2]\n", "line 1: expected a JSON object with 'zh' and 'en' fields, got list"),
        ("cut.tsv.gz", lambda rows: cut(gzip.compress("".join(f"{z}\t{e}\n" for z, e in rows).encode()), 0.6),
         "the gzip stream ends early (a truncated file)"),
        ("cut.jsonl.zst", lambda rows: cut(zstandard.ZstdCompressor().compress(
            "".join(json.dumps({"zh": z, "en": e}) + "\n" for z, e in rows).encode()), 0.6),
         "the zstd stream ends early (a truncated file)"),
        ("bad.tsv.zst", lambda rows: corrupt(zstandard.ZstdCompressor().compress(
            "".join(f"{z}\t{e}\n" for z, e in rows).encode()), 3000), "corrupt zstd data"),
        ("plain.tsv.gz", lambda rows: b"\xe5\x90\x84\tx\n", "line 1: corrupt gzip data: not a gzipped file"),
        ("cut.parquet", None, "not a Parquet file, or a truncated one"),
        ("columns.parquet", None, "no column 'zh' (columns: 'id', 'text'); name them with --columns ZH,EN"),
        ("empty.jsonl.gz", lambda rows: gzip.compress(b"\n\n"), "file is empty"),
    ],
)
def test_bad_input_names_the_file_and_line(tmp_path: Path, monkeypatch, big_rows, name: str, make, problem: str):
    monkeypatch.chdir(tmp_path)
    path = Path(name)
    if name == "cut.parquet":
        pq.write_table(pa.table({"zh": [z for z, _ in big_rows], "en": [e for _, e in big_rows]}), path)
        path.write_bytes(cut(path.read_bytes(), 0.5))
    elif name == "columns.parquet":
        pq.write_table(pa.table({"id": [1], "text": ["各位代表"]}), path)
    else:
        path.write_bytes(make(big_rows))
    with pytest.raises(InputError) as raised:
        for _ in iter_pair_chunks(path, chunk_pairs=50):
            pass
    message = raised.value.message
    assert problem.lower() in message.lower()
    assert raised.value.path == name
    if name == "cut.tsv.gz":  # the line reached: past the first block, before the end
        line = int(message.split(":")[0].removeprefix("line "))
        assert 1 < line <= len(big_rows)
    result = subprocess.run([sys.executable, "-m", "qa", "check", name], cwd=tmp_path, capture_output=True, text=True)
    assert (result.returncode, result.stderr) == (2, f"qa: error: {name}: {message}\n")


def test_a_file_without_chinese_is_not_bilingual_at_its_end(tmp_path: Path):
    path = tmp_path / "english.jsonl"
    path.write_text('{"zh": "only English", "en": "still English"}\n' * 30)
    stream = PairStream(path, chunk_pairs=10)
    chunks = []
    with pytest.raises(NotBilingualError, match="no zh/en pairs"):
        for chunk in stream:
            chunks.append(chunk)
    assert len(chunks) == 3 and stream.line_count == 30
    walked = subprocess.run([sys.executable, "-m", "qa", "check", "."], cwd=tmp_path, capture_output=True, text=True)
    assert walked.returncode == 2 and "qa: skipped english.jsonl: no zh/en pairs" in walked.stderr


def test_legacy_encodings_and_line_breaks_as_the_tsv_reader(tmp_path: Path):
    text = "各位代表!\tFellow Deputies,\r\n\r\n二、2024年重点任务\tII Major Tasks for 2024\r一些\tsome\n"
    for encoding in ("gb18030", "utf-16", "utf-8-sig"):
        path = tmp_path / f"legacy-{encoding}.tsv.gz"
        path.write_bytes(gzip.compress(text.encode(encoding)))
        plain = tmp_path / f"legacy-{encoding}.tsv"
        plain.write_bytes(text.encode(encoding))
        expected = read_path(plain)
        document = read_path(path)
        assert document.pairs == expected.pairs and document.line_count == expected.line_count == 4, encoding
