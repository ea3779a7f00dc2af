"""Format readers on hostile, foreign and annotated input: one clear error or the right pairs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from qa.config import Config
from qa.engine import Engine
from qa.readers import InputError, read_path

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<tmx version="1.4"><header srclang="zh-CN"/><body>
<tu><tuv xml:lang="zh-CN"><seg>各位代表!&lol9;</seg></tuv><tuv xml:lang="en-US"><seg>Fellow Deputies,</seg></tuv></tu>
</body></tmx>
"""
XXE = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="x" source-language="zh-CN" target-language="en-US" datatype="plaintext"><body>
<trans-unit id="1"><source>各位代表!</source><target>&xxe;</target></trans-unit>
</body></file></xliff>
"""


def xliff(source_lang: str, target_lang: str, units: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        f'<file original="r.docx" source-language="{source_lang}" target-language="{target_lang}" datatype="plaintext">'
        f"<body>\n{units}</body></file></xliff>\n"
    )


UNIT = (
    '<trans-unit id="1"><source>强化作风建设。</source><target>Improve our work  conduct.</target>{note}</trans-unit>\n'
)


def run_qa(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "qa", *args], cwd=cwd, capture_output=True, text=True)


@pytest.mark.parametrize(("name", "content"), [("bomb.tmx", BILLION_LAUGHS), ("xxe.xlf", XXE)])
def test_entity_attacks_are_refused_with_one_line(tmp_path: Path, name: str, content: str):
    (tmp_path / name).write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match="declares XML entities"):
        read_path(tmp_path / name)
    result = run_qa("check", name, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith(f"qa: error: {name}: the file declares XML entities")
    assert "root:" not in result.stdout + result.stderr  # nothing of /etc/passwd


def test_a_doctype_without_entities_is_fine(tmp_path: Path):
    text = (
        BILLION_LAUGHS.split("<!DOCTYPE")[0] + '<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n' + BILLION_LAUGHS.split("]>\n")[1]
    )
    (tmp_path / "ok.tmx").write_text(text.replace("&lol9;", ""), encoding="utf-8")
    assert len(read_path(tmp_path / "ok.tmx").pairs) == 1


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("fr.xlf", xliff("fr-FR", "de-DE", UNIT.format(note="")), "languages are fr-FR and de-DE"),
        ("ja.xlf", xliff("zh-CN", "ja-JP", UNIT.format(note="")), "languages are zh-CN and ja-JP"),
        ("broken.xlf", xliff("zh-CN", "en-US", UNIT.format(note="")).replace("</target>", ""), "not well-formed XML"),
        ("notxliff.xlf", "<?xml version='1.0'?><html><body/></html>", "not an XLIFF file"),
        (
            "empty.xlf",
            xliff("zh-CN", "en-US", '<trans-unit id="1"><source>你好</source><target/></trans-unit>'),
            "no translated units",
        ),
        (
            "fr.tmx",
            '<tmx version="1.4"><header srclang="fr"/><body><tu><tuv xml:lang="fr"><seg>Bonjour</seg></tuv>'
            '<tuv xml:lang="de"><seg>Hallo</seg></tuv></tu></body></tmx>',
            "languages: fr, de",
        ),
        ("fr.po", 'msgid ""\nmsgstr ""\n"Language: fr\\n"\n\nmsgid "Hello"\nmsgstr "Bonjour"\n', "Language is fr"),
        ("cols.csv", "id,orig,text\n1,各位代表!,Fellow Deputies,\n", "cannot tell the Chinese and English columns"),
    ],
)
def test_foreign_or_broken_files_are_one_line_errors(tmp_path: Path, name: str, content: str, problem: str):
    (tmp_path / name).write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_path(tmp_path / name)
    assert problem in str(raised.value)
    result = run_qa("check", name, cwd=tmp_path)
    assert (result.returncode, result.stderr) == (2, f"qa: error: {name}: {raised.value.message}\n")


@pytest.mark.parametrize("code", ["zh", "zh-CN", "zh-Hans", "zh-TW", "zh-Hant", "cmn", "zh_CN"])
def test_chinese_language_codes(tmp_path: Path, code: str):
    (tmp_path / "r.xlf").write_text(xliff(code, "en-GB", UNIT.format(note="")), encoding="utf-8")
    pair = read_path(tmp_path / "r.xlf").pairs[0]
    assert (pair.zh.text, pair.en.text) == ("强化作风建设。", "Improve our work  conduct.")


def codes(path: Path) -> list[str]:
    return [f.code for f in Engine.from_config(Config()).check(read_path(path))]


@pytest.mark.parametrize("selector", ["TXT003", "TXT", "whitespace", "TXT001, TXT003"])
def test_xliff_note_suppresses_rules_for_its_unit(tmp_path: Path, selector: str):
    (tmp_path / "plain.xlf").write_text(xliff("zh-CN", "en-US", UNIT.format(note="")), encoding="utf-8")
    note = f"<note>Client style: two spaces kept. qa: ignore {selector}</note>"
    (tmp_path / "noted.xlf").write_text(xliff("zh-CN", "en-US", UNIT.format(note=note)), encoding="utf-8")
    assert codes(tmp_path / "plain.xlf") == ["TXT003"]
    engine = Engine.from_config(Config())
    assert engine.check(read_path(tmp_path / "noted.xlf")) == []
    assert engine.suppressed == {"TXT003": 1}


def test_po_translator_comment_suppresses_only_its_entry(tmp_path: Path):
    po = (
        'msgid ""\nmsgstr ""\n"Language: en\\n"\n"X-Source-Language: zh_CN\\n"\n\n'
        '# qa: ignore TXT003\nmsgid "强化作风建设。"\nmsgstr "Improve our work  conduct."\n\n'
        'msgid "各位代表!"\nmsgstr "Fellow  Deputies,"\n'
    )
    (tmp_path / "r.po").write_text(po, encoding="utf-8")
    found = Engine.from_config(Config()).check(read_path(tmp_path / "r.po"))
    assert [(f.code, f.location.line, f.location.column) for f in found] == [("TXT003", 11, 15)]


def test_tmx_with_three_languages_pairs_zh_and_en(tmp_path: Path):
    tmx = (
        '<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="en-US"/><body>\n<tu>\n'
        '<tuv xml:lang="en-US"><seg>Fellow Deputies,</seg></tuv>\n'
        '<tuv xml:lang="fr-FR"><seg>Chers députés,</seg></tuv>\n'
        '<tuv xml:lang="zh-Hant"><seg>各位代表!</seg></tuv>\n</tu>\n</body></tmx>\n'
    )
    (tmp_path / "r.tmx").write_text(tmx, encoding="utf-8")
    pair = read_path(tmp_path / "r.tmx").pairs[0]
    assert (pair.zh.text, pair.zh.line, pair.zh.columns[0], pair.en.line) == ("各位代表!", 6, 30, 4)


def test_xml_declared_legacy_encoding(tmp_path: Path):
    text = xliff("zh-CN", "en-US", UNIT.format(note="")).replace('encoding="UTF-8"', 'encoding="GB2312"')
    (tmp_path / "gb.xlf").write_bytes(text.encode("gb18030"))
    assert read_path(tmp_path / "gb.xlf").pairs[0].zh.text == "强化作风建设。"


def test_csv_columns_option_and_positions(tmp_path: Path):
    (tmp_path / "r.csv").write_text('编号,原文,译文\n1,各位代表!,"Fellow  ""Deputies"","\n', encoding="utf-8")
    result = run_qa("check", "r.csv", cwd=tmp_path)
    assert result.returncode == 2 and "--columns" in result.stderr
    result = run_qa("check", "r.csv", "--columns", "原文,译文", "--format", "github", cwd=tmp_path)
    assert result.returncode == 0, result.stderr  # TXT003 is a warning
    assert "file=r.csv,line=2,col=16" in result.stdout
    result = run_qa("check", "r.csv", "--columns", "原文", cwd=tmp_path)
    assert result.returncode == 2 and "expected two column names" in result.stderr


def test_cli_line_aligned_pair(tmp_path: Path):
    (tmp_path / "a.zh").write_text("各位代表!\n强化作风建设。\n", encoding="utf-8")
    (tmp_path / "a.en").write_text("Fellow Deputies,\nImprove our work  conduct.\n", encoding="utf-8")
    result = run_qa("check", "--zh", "a.zh", "--en", "a.en", "--format", "github", cwd=tmp_path)
    assert "file=a.en,line=2,col=17" in result.stdout, result.stdout + result.stderr
    result = run_qa("check", "--zh", "a.zh", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (
        2,
        "qa: error: --zh and --en go together: --zh a.zh.txt --en a.en.txt\n",
    )
    result = run_qa("check", "--zh", "a.zh", "--en", "missing.en", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (2, "qa: error: missing.en: not a regular file\n")


def test_a_note_that_silences_nothing_is_reported_as_stale(tmp_path: Path):
    """Like a stale baseline entry: the finding it was written for is gone, so the note should go too."""
    po = (
        'msgid ""\nmsgstr ""\n"Language: en\\n"\n"X-Source-Language: zh_CN\\n"\n\n'
        '# qa: ignore TXT003\nmsgid "强化作风建设。"\nmsgstr "Improve our work  conduct."\n\n'
        '# qa: ignore NUM001\nmsgid "各位代表!"\nmsgstr "Fellow Deputies,"\n'
    )
    (tmp_path / "r.po").write_text(po, encoding="utf-8")
    result = run_qa("check", "r.po", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "1 `qa: ignore` note silences nothing" in result.stderr
    assert "r.po:11: qa: ignore NUM001" in result.stderr
    assert "TXT003" not in result.stderr  # that note silences a finding
    # a note about a rule that was not run is not judged
    assert "qa: ignore" not in run_qa("check", "r.po", "--select", "TXT", cwd=tmp_path).stderr
