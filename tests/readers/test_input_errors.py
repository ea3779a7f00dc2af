"""Every kind of unreadable input gives one line naming the file, and exit code 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from qa.readers import ALL_SUFFIXES, InputError, expand_paths, read_path

PAIR = "各位代表!\nFellow Deputies,\n"


def run_qa(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "qa", *args], cwd=cwd, capture_output=True, text=True)


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.txt", b"", "file is empty"),
        ("blank.txt", b"  \n\n", "file is empty"),
        ("binary.txt", b"\x00\x01\x02PNG\x00\x00" * 50, "binary file"),
        ("bad.txt", "各位代表!\n".encode() + b"\xff\xfe\xfa\x80\x81" * 3 + b"\n", "cannot decode"),
        ("nopairs.txt", "只有中文。\n还是中文。\n".encode(), "no zh/en pairs"),
        ("english.tsv", b"only english\tstill english\n", "no zh/en pairs"),
        ("image.png", b"\x89PNG", "unsupported file type"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, name: str, content: bytes, problem: str):
    (tmp_path / name).write_bytes(content)
    with pytest.raises(InputError) as raised:
        read_path(tmp_path / name)
    assert problem in str(raised.value)
    result = run_qa("check", name, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == f"qa: error: {name}: {raised.value.message}"
    assert "Traceback" not in result.stderr


def test_missing_file_and_empty_directory(tmp_path: Path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.md").write_text("nothing to check")
    result = run_qa("check", "missing.txt", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (2, "qa: error: missing.txt: no such file or directory\n")
    result = run_qa("check", "empty", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == f"qa: error: empty: no {', '.join(ALL_SUFFIXES)} files in this directory\n"


def test_directories_recurse_by_suffix_and_skip_hidden(tmp_path: Path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    for path in ("a/one.txt", "a/b/two.tsv", "a/b/skip.md", ".git/three.txt"):
        (tmp_path / path).write_text(PAIR)
    assert [p.relative_to(tmp_path).as_posix() for p in expand_paths([tmp_path])] == ["a/b/two.tsv", "a/one.txt"]


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("utf-8", b""), ("utf-8-sig", b""), ("utf-16", b""), ("gb18030", b""), ("big5", b"")],
)
def test_encodings_are_detected(tmp_path: Path, encoding: str, prefix: bytes):
    text = "政府工作報告\r\nREPORT ON THE WORK OF THE GOVERNMENT\r\n各位代表!\r\nFellow Deputies,\r\n"
    path = tmp_path / "report.txt"
    path.write_bytes(prefix + text.encode(encoding))
    document = read_path(path)
    assert [(p.zh.text, p.en.text, p.zh.line, p.en.line) for p in document.pairs] == [
        ("政府工作報告", "REPORT ON THE WORK OF THE GOVERNMENT", 1, 2),
        ("各位代表!", "Fellow Deputies,", 3, 4),
    ]


def test_gb18030_simplified_seed_round_trip(tmp_path: Path, seed_000: Path):
    path = tmp_path / "seed.txt"
    path.write_bytes(seed_000.read_text(encoding="utf-8").encode("gb18030"))
    assert read_path(path).pairs == read_path(seed_000).pairs.__class__(
        p for p in read_path(path).pairs
    )
    assert len(read_path(path).pairs) == 31
    assert read_path(path).pairs[0].zh.text == read_path(seed_000).pairs[0].zh.text


def test_big5_traditional_seed(tmp_path: Path, seed_003: Path):
    path = tmp_path / "seed.txt"
    original = seed_003.read_text(encoding="utf-8")
    path.write_bytes(original.encode("big5", errors="replace"))
    document = read_path(path)
    assert len(document.pairs) == 11
    assert document.pairs[2].zh.text == "著力做好以下十一個方面工作:"


def test_forced_encoding(tmp_path: Path):
    path = tmp_path / "x.txt"
    path.write_bytes(PAIR.encode("gb18030"))
    assert read_path(path, encoding="gb18030").pairs[0].zh.text == "各位代表!"
    with pytest.raises(InputError, match="cannot decode as utf-8"):
        read_path(path, encoding="utf-8")
    with pytest.raises(InputError, match="unknown encoding"):
        read_path(path, encoding="klingon")
    result = run_qa("check", "x.txt", "--encoding", "utf-8", cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.startswith("qa: error: x.txt: cannot decode as utf-8")
