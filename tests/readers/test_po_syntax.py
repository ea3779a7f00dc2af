"""A PO file msgfmt rejects is rejected: exit 2 and one line naming the file and the line at fault.

polib reads some of these silently (an unterminated ``msgstr "abc`` loses its last
character, an invalid escape is kept, a second definition of a message shadows the
first), so qa checks the syntax itself, as msgfmt's grammar has it. Each case was
compared with ``msgfmt -c``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from qa.readers import InputError, read_path

HEADER = 'msgid ""\nmsgstr ""\n"Language: zh_CN\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
TAIL = '\nmsgid "Two"\nmsgstr "二"\n'  # a valid entry after the case, so the file has a pair either way


def po(body: str) -> str:
    return HEADER + body + "\n" + TAIL  # the case starts at line 6


@pytest.mark.parametrize(
    ("body", "line", "problem"),
    [
        ('msgid "Growth"\nmsgstr "增长', 7, "a string with no closing quote"),
        ('msgid "Growth"\nmsgstr "增长"\n"more', 8, "a string with no closing quote"),
        ('msgid "Growth\\"\nmsgstr "增长"', 6, "a string with no closing quote"),
        ('#~ msgid "Old\n#~ msgstr "旧"', 6, "a string with no closing quote"),
        ('#, fuzzy\n#| msgid "Gro\nmsgid "Growth"\nmsgstr "增长"', 7, "a string with no closing quote"),
        ("hello world", 6, "unknown keyword 'hello'"),
        ('msgid "Growth" xyz\nmsgstr "增长"', 6, "'xyz' where a string in double quotes should be"),
        ('msgid "a" # c\nmsgstr "增长"', 6, "'# c' where a string"),
        ('msgid\nmsgstr "增长"', 6, "msgid with no string after it"),
        ('msgid "Gr\\qowth"\nmsgstr "增长"', 6, "invalid escape '\\\\q'"),
        ('msgid "G\\8"\nmsgstr "增长"', 6, "invalid escape '\\\\8'"),
        ('msgid "G\\?"\nmsgstr "增长"', 6, "invalid escape '\\\\?'"),
        ('msgid "Growth"', 6, "missing msgstr section"),
        ('msgid "Growth"\n# comment\nmsgstr "增长"', 6, "missing msgstr section"),
        ('msgstr "增长"', 6, "msgstr with no msgid before it"),
        ('msgid "Growth"\nmsgstr[0] "增长"', 6, "msgstr[N] with no msgid_plural before it"),
        ('msgid "Growth"\nmsgid_plural "Growths"\nmsgstr "增长"', 6, "msgstr after msgid_plural"),
        ('msgctxt "a"\nmsgctxt "b"\nmsgid "Growth"\nmsgstr "增长"', 6, "missing msgid section"),
        ('msgid "Growth"\nmsgstr "增长"\nmsgstr "又"', 8, "msgstr with no msgid before it"),
        ('msgid "Growth"\n#~ msgstr "增长"', 7, "an entry partly obsolete (#~) and partly not"),
        ('msgid "Two"\nmsgstr "增长"', 9, "a second definition of the message (the first is at line 6)"),
        ('#| msgid "Gro"\nmsgstr "增长"', 6, "previous strings (#|) with no msgid after them"),
        ('#| ""\nmsgid "Growth"\nmsgstr "增长"', 6, "a string with no keyword before it"),
        ('#, fuzzy\n"more of the header"', 7, "a string with no keyword before it"),
    ],
)
def test_rejected_like_msgfmt(tmp_path: Path, body: str, line: int, problem: str):
    path = tmp_path / "c.po"
    path.write_text(po(body), encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_path(path)
    assert str(raised.value).startswith(f"{path.as_posix()}: not a valid PO file at line {line}: ")
    assert problem in raised.value.message
    assert "\n" not in str(raised.value)


@pytest.mark.parametrize(
    "body",
    [
        'msgid "Growth"\n\nmsgstr "增长"',  # blank lines inside an entry
        'msgid "Growth"\nmsgstr "增长"\t ',  # trailing white space
        'msgid "G\\x41\\101\\t\\"\\\\"\nmsgstr "增长"',  # every escape msgfmt knows
        'msgctxt "x"\nmsgid "Two"\nmsgstr "二"',  # the same msgid in another context
        '#~ msgid "Two"\n#~ msgstr "二"',  # an obsolete entry may repeat a live one
        '#~| msgid "Tw"\n#~ msgid "Old"\n#~ msgstr "旧"',
        '  msgid "Growth"\n  msgstr "增长"',  # indented
        '#| msgctxt "a"\n#| msgid "Gro"\n#| "wth"\nmsgid "Growth"\nmsgstr "增长"',
        'msgid "Growth"\nmsgid_plural "Growths"\nmsgstr[0] "增长"\nmsgstr[1] "增长"',
    ],
)
def test_accepted_like_msgfmt(tmp_path: Path, body: str):
    path = tmp_path / "c.po"
    path.write_text(po(body), encoding="utf-8")
    assert read_path(path).pairs


def test_unterminated_string_is_exit_2_on_one_line(tmp_path: Path):
    (tmp_path / "c.po").write_text(po('msgid "Growth was 6%"\nmsgstr "增长了6%'), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "qa", "check", "c.po"], cwd=tmp_path, capture_output=True, text=True
    )
    assert result.returncode == 2
    assert result.stderr == (
        "qa: error: c.po: not a valid PO file at line 7: a string with no closing quote (end of line within string)\n"
    )
