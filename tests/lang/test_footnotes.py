"""Footnote markers: every form is found, look-alikes are not, notes' labels compare with markers."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qa.lang.markers import find_markers, label_key, note_label
from qa.model import Note, Segment


def markers(text: str, lang: str = "en", labels=None) -> list[tuple[str, str, int | None]]:
    """(marked text, form, number) of every marker found."""
    return [(text[m.start : m.end], m.form, m.number) for m in find_markers(text, lang, labels)]  # type: ignore[arg-type]


SEED_000_LINE_35 = (
    "Tenth, we will improve people's wellbeing through better social services in seven aspects16 "
    "and meeting public expectations for a better life in five areas17."
)
SEED_003_LINE_26 = (
    'We will work faster to form "six industrial chains and five industrial clusters"11, and lay out '
    "dedicated plans for each industrial chain."
)


def test_seed_markers_glued_to_words_and_quotes():
    assert markers(SEED_000_LINE_35) == [("16", "glued", 16), ("17", "glued", 17)]
    assert markers(SEED_003_LINE_26) == [("11", "glued", 11)]


def test_marker_offsets_are_the_marker_itself():
    (marker,) = find_markers("in seven aspects16 and", "en")
    assert (marker.start, marker.end, marker.label, marker.key) == (16, 18, "16", "16")


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("as reported in 2018 [2].", "en", [("[2]", "bracketed", 2)]),
        ("in seven aspects[16] and", "en", [("[16]", "bracketed", 16)]),
        ("紧扣“七有”①要求和“五性”②需求", "zh", [("①", "circled", 1), ("②", "circled", 2)]),
        ("着力增进民生福祉⑳。", "zh", [("⑳", "circled", 20)]),
        ("in seven aspects¹ and five areas¹⁷.", "en", [("¹", "superscript", 1), ("¹⁷", "superscript", 17)]),
        ("we’ll give you a refund*", "en", [("*", "symbol", None)]),
        ("terms apply** to all", "en", [("**", "symbol", None)]),
        ("the estimate† for 2024", "en", [("†", "symbol", None)]),
        ("着力增进民生福祉（注1）。", "zh", [("（注1）", "note-word", 1)]),
        ("the seven aspectsᵃ and", "en", [("ᵃ", "letter", None)]),
        ("a better life in five areas17.", "en", [("17", "glued", 17)]),
    ],
)
def test_every_marker_form(text, lang, expected):
    assert markers(text, lang) == expected


@pytest.mark.parametrize(
    "text",
    [
        "We will construct major projects, including subway lines M101 and 22.",  # seeds/003 line 24
        "The annual average PM2.5 concentration fell, and CO2 emissions fell.",
        "the G20 summit, COVID-19 and Covid-19 cases, Line 12, in 2023",
        "A4 frame can be hung or stand freely.",  # wmt-zhen-refs
        "Additionally, I lost the 5G service on three occasions.",  # wmt-zhen-refs
        "the H1N1 vaccine, 3D printing, the 16th session, No.1 Middle School",
        "200 m2 of green space, 35 km2, an area of 10⁶ m², x² + y²",
        "Multiple Aspect Ratio Selections - 4x3 or 16x9, anamorphic",  # wmt-zhen-refs
        "droplet chip1,droplet chip2,droplet chip3",  # a series of identifiers
        "version v1.2 of mp3 and h264 files, see example.com/page2",
        "the iPhone15 and Mate60 phones",
        "ok **bold** and *italic* text",
        "6 g* 3, effective",
        "(1) first item; (2) second item",
    ],
)
def test_look_alikes_are_not_markers(text):
    assert markers(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "①加强生态保护;②推进绿色发展。",  # enumeration
        "多米尼克*拉布：政府不能为西班牙检",  # wmt-zhen-mt: * as the name dot
        "对于不善于下厨的**是神器",  # masking
        "莱斯特城（绰号“狐狸”）12 月时稳坐联赛榜第二",  # wmt-zhen-refs: a number after a bracket
        "正如《华盛顿邮报》10 月份报道的那样",  # wmt-zhen-refs
        "［2］是的，因为总的来说",  # a label opening the segment (a speaker)
        "这一数字上升至2018年的9%。关注1个问题",
    ],
)
def test_chinese_look_alikes_are_not_markers(text):
    assert markers(text, "zh") == []


def test_weak_forms_need_the_documents_notes():
    # a capitalised word, a number glued to Chinese, a bare 注N, a bracketed letter
    assert markers("Tianjin and Hebei11 and", "en") == []
    assert markers("Tianjin and Hebei11 and", "en", ["11"]) == [("11", "glued", 11)]
    assert markers("着力增进民生福祉16。", "zh") == []
    assert markers("着力增进民生福祉16。", "zh", ["[16]"]) == [("16", "glued", 16)]
    assert markers("详见注2。", "zh", ["2"]) == [("注2", "note-word", 2)]
    assert markers("the seven aspects[a] and", "en") == []
    assert markers("the seven aspects[a] and", "en", ["a"]) == [("[a]", "letter", None)]


@pytest.mark.parametrize(
    ("label", "key"),
    [("16", "16"), ("[16]", "16"), ("①", "1"), ("¹⁶", "16"), ("注1", "1"), ("01", "1"), ("A", "a"), ("*", "*")],
)
def test_label_keys_compare_across_forms(label, key):
    assert label_key(label) == key


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("①七有:幼有所育、学有所教。", "①"),
        ("1. The seven aspects are childcare.", "1"),
        ("注1:七有。", "1"),
        ("* Estimated figures.", "*"),
        ("英文:北京外办", ""),
        ("In this context, a better life means one that is convenient.", ""),
    ],
)
def test_note_label_reparses_unlabelled_notes(line, label):
    note = Note("", Segment.from_lines("en", [(72, 1, line)]))
    assert note_label(note) == label


def test_reader_label_wins():
    note = Note("16", Segment.from_lines("en", [(72, 5, "The seven aspects are childcare.")]))
    assert note_label(note) == "16"


MARKERISH = st.text(alphabet=st.sampled_from(list("aZ 1.2,3[]()*†①²ᵃ注”\"'-/中文。")), max_size=40)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(MARKERISH, st.text(max_size=40)), lang=st.sampled_from(["zh", "en"]))
def test_markers_are_ordered_spans_inside_the_text(text, lang):
    found = find_markers(text, lang, ["1", "2", "a", "*"])
    assert all(0 <= m.start < m.end <= len(text) for m in found)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))
