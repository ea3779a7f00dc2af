"""qa check --fix / --diff: safe fixes applied in the file, and nothing else in it changed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_cfa7fe55d91506c5.txt"

PO = (
    'msgid ""\nmsgstr ""\n"Language: zh_CN\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    '#: src/form.c:10\nmsgid "Name cannot be empty."\nmsgstr "名称不能为空."\n\n'
    '#: src/form.c:12\nmsgid "Active:"\nmsgstr "活跃:"\n\n'
    '#: src/form.c:14\nmsgid "Say \\"hi\\"."\nmsgstr "说\\"你好\\"。"\n'
)
# A zh→en catalogue whose English holds a tab written as the escape \t: the file does not write the
# finding's text (a tab) where it points, so the fix is left for a person.
PO_ZH_EN = (
    'msgid ""\nmsgstr ""\n"Language: en\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    'msgid "名称\\t值"\nmsgstr "Name\\tvalue"\n'
)
XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en" target-language="zh-CN" datatype="plaintext" original="app">
    <body>
      <trans-unit id="1"><source>Active:</source><target state="translated">活跃:</target></trans-unit>
      <trans-unit id="2"><source>Tom &amp; Jerry.</source>
        <target state="translated">汤姆&amp;杰瑞 。</target></trans-unit>
    </body>
  </file>
</xliff>
"""


def run_qa(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "qa", *args], cwd=cwd, capture_output=True, text=True)


def test_fix_changes_only_the_fixed_span_and_reports_the_rest(tmp_path: Path):
    original = SEED.read_bytes().replace(b"\n", b"\r\n")  # CRLF line ends survive too
    (tmp_path / "report.txt").write_bytes(original)
    result = run_qa("check", "report.txt", "--fix", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "qa: fixed 1 finding in 1 file\n"
    assert json.loads(result.stdout)["findings"] == []  # TXT002 conduct.We was the seed's one finding
    assert (tmp_path / "report.txt").read_bytes() == original.replace(b"conduct.We", b"conduct. We")


def test_fix_keeps_the_files_encoding(tmp_path: Path):
    text = "强化作风建设。\nImprove our work conduct.We will earnestly implement the decisions.\n"
    (tmp_path / "report.txt").write_bytes(text.encode("gb18030"))
    run_qa("check", "report.txt", "--fix", cwd=tmp_path)
    assert (tmp_path / "report.txt").read_bytes() == text.replace("conduct.We", "conduct. We").encode("gb18030")


def test_fix_in_a_po_catalogue_leaves_escaped_text_to_a_person(tmp_path: Path):
    (tmp_path / "zh_CN.po").write_text(PO, encoding="utf-8")
    result = run_qa("check", "zh_CN.po", "--fix", "--format", "json", cwd=tmp_path)
    assert result.stderr == "qa: fixed 2 findings in 1 file\n", result.stderr
    fixed = PO.replace('msgstr "名称不能为空."', 'msgstr "名称不能为空。"').replace('msgstr "活跃:"', 'msgstr "活跃："')
    assert (tmp_path / "zh_CN.po").read_text(encoding="utf-8") == fixed
    assert json.loads(result.stdout)["findings"] == []  # an escape before the span does not hinder it
    (tmp_path / "en.po").write_text(PO_ZH_EN, encoding="utf-8")
    escaped = run_qa("check", "en.po", "--fix", "--format", "json", cwd=tmp_path)
    assert escaped.stderr == ""
    assert [(f["code"], f["line"]) for f in json.loads(escaped.stdout)["findings"]] == [("TXT003", 7)]
    assert (tmp_path / "en.po").read_text(encoding="utf-8") == PO_ZH_EN


def test_fix_in_xliff_and_entities(tmp_path: Path):
    (tmp_path / "app.xlf").write_text(XLIFF, encoding="utf-8")
    result = run_qa("check", "app.xlf", "--fix", "--format", "json", cwd=tmp_path)
    assert result.stderr.startswith("qa: fixed 2 findings in 1 file\n"), result.stderr
    expected = XLIFF.replace(">活跃:<", ">活跃：<").replace("杰瑞 。", "杰瑞。")
    assert (tmp_path / "app.xlf").read_text(encoding="utf-8") == expected


def test_diff_prints_the_change_and_writes_nothing(tmp_path: Path):
    (tmp_path / "zh_CN.po").write_text(PO, encoding="utf-8")
    result = run_qa("check", "zh_CN.po", "--diff", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.startswith("--- a/zh_CN.po\n+++ b/zh_CN.po\n")
    assert '-msgstr "名称不能为空."\n+msgstr "名称不能为空。"\n' in result.stdout
    assert result.stderr == "qa: 2 findings in 1 file can be fixed (--fix)\n"
    assert (tmp_path / "zh_CN.po").read_text(encoding="utf-8") == PO
    (tmp_path / "clean.txt").write_text("各位代表!\nFellow Deputies,\n", encoding="utf-8")
    clean = run_qa("check", "clean.txt", "--diff", cwd=tmp_path)
    assert (clean.returncode, clean.stdout, clean.stderr) == (0, "", "qa: nothing to fix\n")
