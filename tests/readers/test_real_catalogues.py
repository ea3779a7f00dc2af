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
