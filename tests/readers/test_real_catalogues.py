"""Real published catalogues (tests/fixtures/catalogues, licences in its README): qa is quiet on
them as their translators wrote them, says what it skipped, and finds a defect put back in."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qa.cli import app
from qa.readers import read_path

CATALOGUES = Path(__file__).resolve().parent.parent / "fixtures" / "catalogues"
FILES = sorted(p.name for p in CATALOGUES.iterdir() if p.suffix in (".po", ".xlf", ".xliff"))


def check(path: Path, *, notes: bool = False) -> tuple[list[dict], str]:
    """(findings, stderr) of `qa check PATH --format json`; notes (house style: TXT006's ASCII
    parentheses, which published catalogues often keep) only when asked for."""
    result = CliRunner().invoke(app, ["check", str(path), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    findings = json.loads(result.stdout)["findings"]
    return [f for f in findings if notes or f["severity"] != "note"], result.stderr


def test_five_kinds_of_catalogue_are_here():
    assert FILES == [
        "angular-autowp-zh-CN.xlf",
        "cockpit-zh_CN.po",
        "drf-zh_Hans.po",
        "git-zh_CN.po",
        "xcode-loop-zh-Hans.xliff",
    ]


@pytest.mark.parametrize("name", FILES)
def test_a_published_catalogue_gives_no_finding(name: str):
    findings, _ = check(CATALOGUES / name)
    assert [(f["code"], f["line"], f["message"]) for f in findings] == []


def test_house_style_is_a_note():
    findings, _ = check(CATALOGUES / "angular-autowp-zh-CN.xlf", notes=True)
    assert [(f["code"], f["severity"], f["line"], f["message"]) for f in findings] == [
        ("TXT006", "note", 149, "half-width parentheses around chinese text: (用于选择)")
    ]


@pytest.mark.parametrize("name", FILES)
def test_english_is_the_source_of_every_pair(name: str):
    document = read_path(CATALOGUES / name)
    assert document.pairs
    assert {pair.source for pair in document.pairs} == {"en"}
    assert {pair.target for pair in document.pairs} == {"zh"}


def test_untranslated_units_are_counted_and_said():
    # two Angular units are state="needs-translation" with the English copied into the target
    document = read_path(CATALOGUES / "angular-autowp-zh-CN.xlf")
    assert document.skipped == (("untranslated", 2),)
    _, stderr = check(CATALOGUES / "angular-autowp-zh-CN.xlf")
    assert "angular-autowp-zh-CN.xlf: skipped 2 untranslated units" in stderr


def put_back(tmp_path: Path, name: str, old: str, new: str) -> tuple[Path, int]:
    """A copy of a catalogue with one defect put back; the line it is on."""
    text = (CATALOGUES / name).read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not once in {name}"
    line = text[: text.index(old)].count("\n") + 1
    path = tmp_path / name
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path, line


def findings_at(path: Path) -> list[tuple[str, str]]:
    findings, _ = check(path)
    return [(f["code"], f["evidence"]["text"]) for f in findings]


def test_a_dropped_positional_placeholder_is_found(tmp_path: Path):
    path, _ = put_back(tmp_path, "git-zh_CN.po", 'msgstr "在 %2$s 中无此路径 %1$s"', 'msgstr "在 %2$s 中无此路径"')
    findings, _ = check(path)
    assert [f["code"] for f in findings] == ["TAG001"], findings
    assert findings[0]["message"] == "%s in the English is missing from the Chinese"  # msgid: "no such path %s in %s"


def test_positional_placeholders_in_another_order_pass():
    text = (CATALOGUES / "git-zh_CN.po").read_text(encoding="utf-8")
    assert re.search(r'msgstr "[^"]*%2\$s[^"]*%1\$s', text)  # the excerpt holds reordered arguments
    findings, _ = check(CATALOGUES / "git-zh_CN.po")
    assert not [f for f in findings if f["code"] == "TAG001"]


def test_a_dropped_tag_is_found(tmp_path: Path):
    path, _ = put_back(
        tmp_path,
        "angular-autowp-zh-CN.xlf",
        '<target state="translated"> 滑动<x id="INTERPOLATION"/> 的<x id="INTERPOLATION_1"/> </target>',
        '<target state="translated"> 滑动<x id="INTERPOLATION"/> 的 </target>',
    )
    found = findings_at(path)
    assert [code for code, _ in found] == ["TAG001"], found


def test_an_english_target_copied_from_the_source_is_found(tmp_path: Path):
    text = (CATALOGUES / "xcode-loop-zh-Hans.xliff").read_text(encoding="utf-8")
    source = "Run alongside G5 app"
    assert f"<source>{source}</source>" in text
    path, line = put_back(
        tmp_path, "xcode-loop-zh-Hans.xliff", "<target>与G5 App同时使用</target>", f"<target>{source}</target>"
    )
    findings, _ = check(path)
    assert [(f["code"], f["line"], f["evidence"]["text"]) for f in findings] == [("TERM005", line, source)]


def test_a_wrong_number_is_found(tmp_path: Path):
    # "the vehicle must have at least 3 photos" / 车辆至少有3张图片, with the 3 made a 5
    path, line = put_back(tmp_path, "angular-autowp-zh-CN.xlf", "车辆至少有3张图片", "车辆至少有5张图片")
    findings, _ = check(path)
    assert [(f["code"], f["line"], f["evidence"]["text"]) for f in findings] == [("NUM003", line, "5")]


def test_an_icu_plural_with_only_the_other_branch_passes(tmp_path: Path):
    # Chinese has one plural category: dropping the "one" branch is a correct translation
    old = '{VAR_PLURAL, plural, one {<x id="INTERPOLATION"/> 个主题} other {<x id="INTERPOLATION"/> 个主题}}</target>'
    path, _ = put_back(
        tmp_path,
        "angular-autowp-zh-CN.xlf",
        old,
        '{VAR_PLURAL, plural, other {<x id="INTERPOLATION"/> 个主题}}</target>',
    )
    assert findings_at(path) == []


def test_an_interpolation_dropped_from_an_icu_branch_is_found(tmp_path: Path):
    old = '{VAR_PLURAL, plural, one {<x id="INTERPOLATION"/> 个评论} other {<x id="INTERPOLATION"/> 个评论}}'
    path, _ = put_back(tmp_path, "angular-autowp-zh-CN.xlf", old, "{VAR_PLURAL, plural, one {一个评论} other {个评论}}")
    findings, _ = check(path)
    assert [(f["code"], f["message"]) for f in findings] == [
        (
            "TAG001",
            "<x id=\"INTERPOLATION\"/> in the English 'one' branch of {VAR_PLURAL, plural} is missing from the "
            "Chinese 'one' branch",
        ),
        (
            "TAG001",
            "<x id=\"INTERPOLATION\"/> in the English 'other' branch of {VAR_PLURAL, plural} is missing from the "
            "Chinese 'other' branch",
        ),
    ]


def test_po_format_flags_say_how_placeholders_are_written():
    document = read_path(CATALOGUES / "git-zh_CN.po")
    flagged = {syntax for pair in document.pairs for syntax in pair.syntaxes}
    assert "c" in flagged and "html" in flagged
    for name in ("angular-autowp-zh-CN.xlf", "xcode-loop-zh-Hans.xliff"):
        assert {pair.syntaxes for pair in read_path(CATALOGUES / name).pairs} == {("html",)}


def test_a_dollar_placeholder_is_compared_only_where_the_entry_says_javascript_format(tmp_path: Path):
    path, _ = put_back(tmp_path, "cockpit-zh_CN.po", 'msgstr "无法改变 $0 的大小"', 'msgstr "无法改变大小"')
    assert findings_at(path) == []  # cockpit's catalogue flags no entry: $0 is not known to be a placeholder
    text = path.read_text(encoding="utf-8").replace(
        'msgid "$0 can not be resized"\n', '#, javascript-format\nmsgid "$0 can not be resized"\n'
    )
    path.write_text(text, encoding="utf-8")
    findings, _ = check(path)
    assert [(f["code"], f["message"]) for f in findings] == [
        ("TAG001", "$0 in the English is missing from the Chinese")
    ]


@pytest.mark.parametrize(
    ("target", "found"),
    [
        ("手动剂量：&lt;b&gt;%1$@&lt;/b&gt; %2$@", []),
        ("%2$@ &lt;b&gt;%1$@&lt;/b&gt;：手动剂量", []),  # moved with the word order
        ("手动剂量：%1$@ %2$@", [("TAG001", "<b>…</b> in the English is missing from the Chinese")]),
    ],
)
def test_html_escaped_in_xliff_text_is_compared(tmp_path: Path, target: str, found: list):
    # Loop's "Manual Dose: <b>%1$@</b> %2$@" (escaped in the XLIFF text; untranslated in the catalogue)
    path, _ = put_back(
        tmp_path,
        "xcode-loop-zh-Hans.xliff",
        "<source>Required</source>\n        <target>需要</target>",
        f"<source>Manual Dose: &lt;b&gt;%1$@&lt;/b&gt; %2$@</source>\n        <target>{target}</target>",
    )
    findings, _ = check(path)
    assert [(f["code"], f["message"]) for f in findings] == found
