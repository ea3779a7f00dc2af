"""Footnote numbers of running text, code indexes, and a pair's markers read across its two sides."""

from __future__ import annotations

import pytest

from qa.lang.markers import blank_markers, find_markers, pair_markers


def markers(text: str, lang: str = "en") -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.form) for m in find_markers(text, lang)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # un-dev-zhen and issue #16: UN English writes the footnote number after the punctuation
        ("the report of the Advisory Committee on Administrative and Budgetary Questions,3 and requests", "en", "3"),
        ("1. Takes note of the report of the Secretary-General;4", "en", "4"),
        ("the programme of work for 2015;2", "en", "2"),
        ("37. All Conference documentation will be available on the Conference website.3", "en", "3"),
        ("Overview of financial resources, 2013-2014 7", "en", "7"),
        ("1. 表示注意到秘书长的报告；4", "zh", "4"),
    ],
)
def test_running_text_footnote_numbers_are_markers(text, lang, expected):
    assert markers(text, lang) == [(expected, "running")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("items 4,5 and 6", "en"),
        ("a total of 1,000 staff", "en"),
        ("in 2015, 2 delegations", "en"),
        ("No.1 Middle School", "en"),
        ("see fig.3 below", "en"),
        ("version 1.2", "en"),
        ("captured in September 2014.42", "en"),  # a decimal, not a year and a footnote
        ("Total 17 2013 7", "en"),  # a table row
        ("然后，我关闭了所有应用程序，20 分钟后又看到了广告。", "zh"),  # wmt-zhen-refs: Chinese spaces its numbers
        ("增加了，3个", "zh"),
    ],
)
def test_running_look_alikes_are_not_markers(text, lang):
    assert markers(text, lang) == []


@pytest.mark.parametrize(
    "text",
    [
        "worker[0]",
        "set values[0] to 1",
        "declare an int[10] array",
        "a byte[4] buffer",
        "x[1] + y[2]",
        "a[1][2]",
        "v[3]=0",
        "arr_2[3]",
        "myArray[2]",
        "obj.items[2]",
        "the `args[1]` value",
    ],
)
def test_code_indexes_are_not_markers(text):
    assert markers(text) == []


def test_a_word_with_a_bracket_is_still_a_marker():
    assert markers("in seven aspects[16] and") == [("[16]", "bracketed")]
    assert markers("虽然第7[6]条草案", "zh") == [("[6]", "bracketed")]  # un-dev-zhen: renumbered draft article


def test_running_markers_after_a_word_stay_numbers_the_others_are_blanked():
    # after a comma or semicolon the number extractors keep a soft number (qa.lang.numbers.codes): the
    # other language's footnote glued to its word (报告3第27段) still matches it
    text = "Questions,3 and requests"
    assert blank_markers(text, "en") == text
    assert blank_markers("for 2015;2", "en") == "for 2015; "
    assert blank_markers("resources, 2013-2014 7", "en") == "resources, 2013-2014  "


def _shown(text: str, found) -> list[str]:
    return [text[m.start : m.end] for m in found]


@pytest.mark.parametrize(
    ("zh", "en", "zh_expected", "en_expected"),
    [
        # un-dev-zhen: one footnote, glued to the Chinese word and after the English comma
        ("回顾咨询委员会报告3第27段", "Recalls paragraph 27 of the report of the Committee,3 and", ["3"], ["3"]),
        # seeds/003 with superscripts: ¹ after a number is the marker the Chinese has
        ("包括轨道交通101线、22号线等重大项目¹。", "including subway lines M101 and 22¹.", ["¹"], ["¹"]),
        # code and names copied into both languages (tests/fixtures/catalogues/drf-zh_Hans.po:15-16)
        ("声明一个 int[10] 数组。", "Declare an int[10] array.", [], []),
        ("认证字符串base64编码错误。", "Credentials not correctly base64 encoded.", [], []),
        ("支持 IPv6。", "with ipv6 support", [], []),
        # an editor's bracket in both languages
        ("但在条款草案[第18条]中表述得更加明确。", "brought out in article [18] of the draft code.", [], []),
        # wmt-zhen-mt: the English's emphasis, mangled in the Chinese
        ("它是 * loud*。", "that is *loud*.", [], []),
    ],
)
def test_pair_markers_read_each_side_with_the_other(zh, en, zh_expected, en_expected):
    zh_found, en_found = pair_markers(zh, en)
    assert (_shown(zh, zh_found), _shown(en, en_found)) == (zh_expected, en_expected)


def test_a_number_after_a_comma_that_the_other_side_counts_is_a_number():
    # wmt-zhen-mt: a lost space after a comma, the Chinese counts the cases
    zh = "新增确诊病例中，5例为本地社区病例，4例为输入病例。"
    en = "of the new confirmed cases, 5 are local community cases,4 are imported cases."
    assert markers(en) == [("4", "running")]
    assert pair_markers(zh, en) == ([], [])


def test_a_citation_the_other_side_lacks_stays_a_marker():
    # wmt-zhen-mt: the Chinese's 2% is no editor's bracket for the English citation [2]
    zh = "类阿片新型精神活性物质仅占2%,但到2018年，这一数字己上升至9%。"
    en = "accounted for only 2% in 2014, but this figure rose to 9% by 2018 [2]."
    assert _shown(en, pair_markers(zh, en)[1]) == ["[2]"]
