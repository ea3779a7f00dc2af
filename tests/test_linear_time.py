"""Every rule family runs in linear time, and numbers of any size are handled.

A megabyte line that repeats what a family's rules look for (digits, 万, footnote markers,
spaces, punctuation, Chinese left in the English…) must be checked, and its findings written
as JSON, well within a generous bound: a rule that slices, searches or lowercases the text
around every candidate, or compares every quantity with every other, takes minutes here (TXT002
took 41 s on 256 KB of "a.B,c", the footnote blanking 82 s on 4 MB). benchmarks/linear_time.py
times the same at 1 and 4 MB.
"""

from __future__ import annotations

import gc
import io
import subprocess
import sys
import time
from pathlib import Path

import pytest

from qa.config import Config
from qa.engine import Engine
from qa.readers import read_text
from qa.report import get_reporter

ROOT = Path(__file__).resolve().parent.parent
MB = 1 << 20
BOUND_SECONDS = 10.0

#: (family, Chinese unit, English unit): each repeated to a line of about a megabyte.
HOSTILE = [
    ("NUM", "编号1234567890，3万5千亿，", "No. 1234567890, a hundred the third between 3 and 4 "),
    ("NUM", "2024年3月5日，3至4%，", "March 5, 2024, 3-4%, "),
    ("UNIT", "5公里3千克5美元", "5 km 3 kg $5 US$5 "),
    ("FN", "我们将推出[1]注*重点**面积m²¹", "We will launch[1] aspects16 note* bold** word¹ "),
    # read across the pair: running-text numbers, numbers glued between hanzi, code, editors' brackets, emphasis
    ("FN", "报告3第[第18条]int[10]它是 * loud*项目¹", "Committee,3 and article [18] int[10] x[1]= *loud* 22¹ and "),
    ("TERM", "中华人民共和国", "中华人民共和国 abcdefghij"),
    ("TXT", "中文。", "a  b . c\u00a0\u00a0d\u200b a.B,c"),
    ("ALN", "中华人民共和国", ""),  # Chinese without English: one unpaired megabyte
    ("TAG", "%s{0}（【《", "%s {0} ([{<"),
    (
        "TAG",
        "{n, plural, other {# 个 {x}}}",
        "{n, plural, one {# a {x}} other {# b {y}}} {m, select, x {{y}} other {z}} ",
    ),
    ("TAG", "{n, select, " + " ".join(f"s{i} {{x}}" for i in range(50)) + " other {y}} ", "{n, select, other {{a}#}} "),
]


_ZH_FILLER = "推进经济社会高质量发展。"
_EN_FILLER = "and promote high-quality economic and social development. "
_IDS = [f"{family}-{number}" for number, (family, *_) in enumerate(HOSTILE)]


def _checked_and_written(family: str, zh: str, en: str) -> float:
    """Seconds to check one pair with the family's rules and write the findings as JSON, as the CLI
    does it (the cyclic garbage collector paused)."""
    document = read_text("hostile.tsv", f"{zh}\t{en}\n", ".tsv")
    engine = Engine.from_config(Config(), select=[family])
    enabled = gc.isenabled()
    gc.disable()
    try:
        started = time.perf_counter()
        findings = engine.check(document)
        get_reporter("json", files=["hostile.tsv"], version="0").emit(findings, engine.rules, io.StringIO())
        return time.perf_counter() - started
    finally:
        if enabled:
            gc.enable()


@pytest.mark.parametrize(("family", "zh_unit", "en_unit"), HOSTILE, ids=_IDS)
def test_a_megabyte_line_of_triggers_is_checked_in_linear_time(family, zh_unit, en_unit):
    # ordinary words between the triggers: a quadratic rule still reads the whole line at each of
    # tens of thousands of places, and the test does not spend its time making findings
    zh_unit, en_unit = zh_unit + _ZH_FILLER, en_unit and en_unit + _EN_FILLER
    times = MB // (len(zh_unit.encode()) + len(en_unit.encode()))
    seconds = _checked_and_written(family, zh_unit * times, en_unit * times)
    assert seconds < BOUND_SECONDS, f"{family}: {seconds:.1f} s for a 1 MB line"


def test_a_megabyte_string_of_html_in_a_catalogue_is_checked_in_linear_time():
    # PO strings are read for HTML markup (TAG001 compares tags and their href): links changed and
    # tags dropped by the thousand, and an unclosed tag's attributes
    zh, en = '<a href="x">y</a><b>推进发展。<a b="', '<a href="z">y</a><br/><strong>a</strong> and development. <a b c '
    times = MB // (len(zh.encode()) + len(en.encode()))
    quoted = {side: (text * times).replace('"', '\\"') for side, text in (("zh", zh), ("en", en))}
    entry = f'msgid "{quoted["en"]}"\nmsgstr "{quoted["zh"]}"\n'
    document = read_text("hostile.po", 'msgid ""\nmsgstr ""\n"Language: zh_CN\\n"\n\n#, c-format\n' + entry, ".po")
    engine = Engine.from_config(Config(), select=["TAG"])
    started = time.perf_counter()
    findings = engine.check(document)
    assert time.perf_counter() - started < BOUND_SECONDS
    assert {finding.message.split(":")[0] for finding in findings} >= {"href changed"}


def _qa(tmp_path: Path, content: str, *args: str) -> subprocess.CompletedProcess:
    path = tmp_path / "huge.tsv"
    path.write_text(content, encoding="utf-8")
    command = [sys.executable, "-m", "qa", "check", str(path), "--format", "json", *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_a_number_longer_than_decimal_precision_is_a_finding_not_a_traceback(tmp_path):
    import json

    result = _qa(tmp_path, "编号1000000000000000000000000000000000000000。\tIt takes about 90 minutes.\n")
    assert "Traceback" not in result.stderr and result.returncode == 1
    findings = json.loads(result.stdout)["findings"]
    assert [(f["code"], f["evidence"]["text"]) for f in findings] == [("NUM003", "90")]
    assert findings[0]["message"] == (
        "1000000000000000000000000000000000000000 has no match in English; English has 90"
    )


@pytest.mark.parametrize(
    "pair",
    [
        f"编号{'9' * 5000}。\tNo. {'9' * 5000}.\n",  # past int()'s 4,300 digits
        f"编号{'1' * 100_000}。\tIt takes about 90 minutes.\n",
        f"{'亿' * 200_000}元\tabout 1e999999 dollars\n",  # 10**1,600,000: past the decimal context's exponents
        f"{'3万5千亿' * 100_000}\t{'30,000 million ' * 1000}\n",
        f"约1万亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿元\t{'9' * 200} trillion dollars and 1e999999 thousand\n",
    ],
    ids=["5000-digits", "100000-digits", "yi-run", "wan-yi-run", "huge-scales"],
)
def test_numbers_of_any_size_are_handled(tmp_path, pair):
    result = _qa(tmp_path, pair, "--select", "NUM,UNIT")
    assert result.returncode in (0, 1), result.stderr[-2000:]
    assert "Traceback" not in result.stderr
