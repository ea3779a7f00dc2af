"""CON001/CON002 on catalogues: units told apart by msgctxt, menu access keys, opt-in CON002."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from qa.cli import app
from qa.engine import select_rules

# After Loop's zh-Hans.xliff (LoopKit/LoopTranslations), as a PO catalogue (which cannot repeat a
# msgid in one context): "Delete CGM" and "Delete CGM." are one source translated two ways, one of
# them 趋势 ("Trend", the translation of the line above); a msgctxt makes another unit.
PO = """msgid ""
msgstr ""
"Language: zh_CN\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Delete CGM"
msgstr "删除CGM"

msgid "Trend"
msgstr "趋势"

msgid "Delete CGM."
msgstr "趋势"

msgctxt "button"
msgid "Delete CGM"
msgstr "删除CGM数据源"

msgid "&File"
msgstr "文件(&F)"

msgid "_File"
msgstr "文件"
"""


def run(tmp_path: Path, *args: str) -> list[tuple[str, int, str]]:
    (tmp_path / "zh_CN.po").write_text(PO, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(tmp_path / "zh_CN.po"), "--format", "json", *args])
    assert result.exit_code in (0, 1), result.output
    return [(f["code"], f["line"], f["message"]) for f in json.loads(result.stdout)["findings"]]


def test_the_same_source_translated_two_ways_in_one_context(tmp_path: Path):
    assert run(tmp_path, "--select", "CON001") == [
        ("CON001", 13, '"Delete CGM" is translated 2 ways: "删除CGM" (line 7), "趋势" (line 13)')
    ]


def test_one_translation_for_two_sources_is_opt_in(tmp_path: Path):
    assert "CON002" not in select_rules()
    assert "CON002" in select_rules(["CON"]) and "CON002" in select_rules(["ALL"])
    assert [code for code, *_ in run(tmp_path)].count("CON002") == 0
    assert run(tmp_path, "--select", "CON002") == [
        ("CON002", 13, '"趋势" translates 2 different sources: "Trend" (line 9), "Delete CGM." (line 12)')
    ]


def test_scope_run_compares_every_file_of_the_run(tmp_path: Path, monkeypatch):
    # a translation memory split over two files (wmt-zhen-refs.tsv.gz dialogue lines)
    (tmp_path / "a.tsv").write_text("zh\ten\n你好！\tHello!\n进入主屏幕。\tGo to your home screen.\n", encoding="utf-8")
    (tmp_path / "b.tsv").write_text("zh\ten\n你好！\tHi!\n", encoding="utf-8")

    def findings(*args: str) -> list[tuple[str, int, str]]:
        result = CliRunner().invoke(app, ["check", "a.tsv", "b.tsv", "--select", "CON001", "--format", "json", *args])
        assert result.exit_code in (0, 1), result.output
        return [(f["path"], f["line"], f["message"]) for f in json.loads(result.stdout)["findings"]]

    monkeypatch.chdir(tmp_path)
    assert findings() == []  # each file alone is consistent
    (tmp_path / "qa.toml").write_text('[rule-options.CON001]\nscope = "run"\n', encoding="utf-8")
    assert findings() == [("b.tsv", 2, '"你好！" is translated 2 ways: "Hello!" (a.tsv:2), "Hi!" (b.tsv:2)')]


def test_messages_quote_placeholders_as_the_file_writes_them(tmp_path: Path):
    # django-rest-framework zh_Hans django.po (BSD-3-Clause): one translation for a singular and a plural
    po = (
        'msgid ""\nmsgstr ""\n"Language: zh_Hans\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '#, python-brace-format\nmsgid "Expected available in {wait} second."\nmsgstr "预计 {wait} 秒后可用。"\n\n'
        '#, python-brace-format\nmsgid "Expected available in {wait} seconds."\nmsgstr "预计 {wait} 秒后可用。"\n'
    )
    (tmp_path / "django.po").write_text(po, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(tmp_path / "django.po"), "--select", "CON002", "--format", "json"])
    (finding,) = json.loads(result.stdout)["findings"]
    assert finding["message"] == (
        '"预计 {wait} 秒后可用。" translates 2 different sources: "Expected available in {wait} second." (line 7), '
        '"Expected available in {wait} seconds." (line 11)'
    )
