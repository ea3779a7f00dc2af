"""--source and [tool.qa] source: which side of a line format's pairs is the translation."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# git po/zh_CN.po-style strings exported to a zh-first TSV, translated from English: the
# Chinese is the target, so its ASCII full stop is TXT004 only when qa knows that.
TSV = "zh\ten\n名称不能为空.\tName cannot be empty.\n已选择 3 项\t3 items selected\n"
# A language menu translated into Chinese: the English source names the language in Chinese.
TXT = "简体中文\n简体中文 (Simplified Chinese)\n"
PO = (
    'msgid ""\nmsgstr ""\n"Language: zh_CN\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    'msgid "Name cannot be empty."\nmsgstr "名称不能为空."\n'
)


def run_qa(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "qa", *args], cwd=cwd, capture_output=True, text=True)


def codes(result: subprocess.CompletedProcess) -> list[tuple[str, int, int]]:
    assert result.returncode in (0, 1), result.stderr
    return [(f["code"], f["line"], f["column"]) for f in json.loads(result.stdout)["findings"]]


def test_tsv_first_column_is_the_source_unless_source_says_otherwise(tmp_path: Path) -> None:
    (tmp_path / "strings.tsv").write_text(TSV, encoding="utf-8")
    assert codes(run_qa("check", "strings.tsv", "--format", "json", cwd=tmp_path)) == []
    judged = run_qa("check", "strings.tsv", "--format", "json", "--source", "en", cwd=tmp_path)
    assert codes(judged) == [("TXT004", 2, 7)]


def test_config_source_and_the_option_overriding_it(tmp_path: Path) -> None:
    (tmp_path / "strings.tsv").write_text(TSV, encoding="utf-8")
    (tmp_path / "qa.toml").write_text('source = "en"\n', encoding="utf-8")
    assert codes(run_qa("check", "strings.tsv", "--format", "json", cwd=tmp_path)) == [("TXT004", 2, 7)]
    assert codes(run_qa("check", "strings.tsv", "--format", "json", "--source", "zh", cwd=tmp_path)) == []


def test_txt_english_source_may_hold_chinese(tmp_path: Path) -> None:
    (tmp_path / "menu.txt").write_text(TXT, encoding="utf-8")
    assert [code for code, *_ in codes(run_qa("check", "menu.txt", "--format", "json", cwd=tmp_path))] == ["TERM005"]
    assert codes(run_qa("check", "menu.txt", "--format", "json", "--source", "en", cwd=tmp_path)) == []


def test_aligned_files_take_source(tmp_path: Path) -> None:
    (tmp_path / "zh.txt").write_text("名称不能为空.\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text("Name cannot be empty.\n", encoding="utf-8")
    args = ("check", "--zh", "zh.txt", "--en", "en.txt", "--format", "json")
    assert codes(run_qa(*args, cwd=tmp_path)) == []
    assert codes(run_qa(*args, "--source", "en", cwd=tmp_path)) == [("TXT004", 1, 7)]


def test_catalogues_keep_their_own_direction(tmp_path: Path) -> None:
    (tmp_path / "zh_CN.po").write_text(PO, encoding="utf-8")
    for extra in ((), ("--source", "zh")):
        result = run_qa("check", "zh_CN.po", "--format", "json", *extra, cwd=tmp_path)
        assert [code for code, *_ in codes(result)] == ["TXT004"]


def test_bad_source_is_one_line_exit_2(tmp_path: Path) -> None:
    (tmp_path / "strings.tsv").write_text(TSV, encoding="utf-8")
    result = run_qa("check", "strings.tsv", "--source", "fr", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == "qa: error: --source: expected zh or en, got 'fr'"
    (tmp_path / "qa.toml").write_text('source = "english"\n', encoding="utf-8")
    result = run_qa("check", "strings.tsv", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == "qa: error: qa.toml: source: expected one of zh, en, got 'english'"
