"""The PO syntax check agrees with msgfmt (GNU gettext) on line soup of PO statements: what msgfmt
rejects, qa rejects; what msgfmt accepts, qa's check accepts. Skipped where msgfmt is not installed.

Two things msgfmt accepts qa rejects on purpose, and the strategies leave out: a backslash at the end
of a line continuing a string on the next, and a comment after a string (``msgid "a" # note``).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from qa.readers import InputError
from qa.readers.po import check_syntax

PROFILE = settings.get_profile("qa-property")
MSGFMT = shutil.which("msgfmt")
pytestmark = pytest.mark.skipif(MSGFMT is None, reason="msgfmt (gettext) is not installed")

_PIECES = [*'ab中 "\\ntx0178?', "\\n", '\\"', "\\\\", "\\x4e", "\\101"]
_CONTENT = st.lists(st.sampled_from(_PIECES), max_size=8).map("".join)
_STRING = st.one_of(_CONTENT.map(lambda text: f'"{text}"'), _CONTENT.map(lambda text: f'"{text}'))
_KEYWORD = st.sampled_from(["msgctxt", "msgid", "msgid", "msgid_plural", "msgstr", "msgstr", "msgstr[0]", "msgstr[1]"])
_LINE = st.one_of(
    st.builds(lambda keyword, space, string: f"{keyword}{space}{string}", _KEYWORD, st.sampled_from([" ", "  ", "\t"]),
              _STRING),
    _STRING,
    st.sampled_from(["", "# comment", "#, fuzzy", "#. extracted", "#: src/a.c:1", "  "]),
)
_PREFIX = st.sampled_from(["", "", "", "", "#~ ", "#| "])
_LINES = st.lists(st.builds(str.__add__, _PREFIX, _LINE), max_size=10)


def msgfmt_accepts(text: str) -> bool:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.po"
        path.write_text(text, encoding="utf-8")
        result = subprocess.run([MSGFMT, "-o", str(Path(folder) / "t.mo"), str(path)], capture_output=True)
        return result.returncode == 0


def qa_accepts(lines: list[str]) -> bool:
    try:
        check_syntax(lines)
    except InputError:
        return False
    return True


HEADER = ['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"', ""]


@PROFILE
@given(_LINES)
def test_agrees_with_msgfmt(lines: list[str]):
    assume(not any(line.endswith("\\") for line in lines))
    lines = HEADER + lines
    assert qa_accepts(lines) == msgfmt_accepts("\n".join(lines) + "\n"), "\n".join(lines)
