"""Leading paragraph and list numbers: where they are and what they are worth."""

from __future__ import annotations

import time

import pytest

from qa.lang.paragraphs import is_word_label, leading_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("13. The Committee", (0, 3, "13")),
        ("10. 委员会商定", (0, 3, "10")),
        ("(a) the", (0, 3, "1")),
        ("a) the", (0, 2, "1")),
        ("18A.128 The requirements", (0, 7, "18A.128")),
        ("㈡ 关于", (0, 1, "2")),
        ("(二) 关于", (0, 3, "2")),
        ("（二）关于", (0, 3, "2")),
        ("二、总体要求", (0, 2, "2")),
        ("1.2.3 Scope", (0, 5, "1.2.3")),
        ("IV. Conclusions", (0, 3, "4")),
        ("A. Introduction", (0, 2, "1")),
        ("(iv) The", (0, 4, "4")),
        ("(c) the", (0, 3, "3")),
        ("13\tThe Committee", (0, 2, "13")),
        ("1、【酒厂直营】", (0, 2, "1")),
        ("1, The packing is undamaged.", (0, 2, "1")),
        ("1，你退货。", (0, 2, "1")),
        ("1)Go to your Home screen.", (0, 2, "1")),
        ("  12. Indented", (2, 5, "12")),
        ("II Work Plan for the Next Five Years", (0, 2, "2")),
        ("Eighth, we will continue", (0, 6, "8")),
        ("第八，我们将", (0, 2, "8")),
    ],
)
def test_a_label_opening_a_segment_is_found_and_valued(text, expected):
    assert leading_number(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2015年是联合国成立七十周年。",
        "10 people came.",
        "3.5% growth",
        "1.2 million people",
        "2015 was a good year.",
        "3.5万人",
        "12月3日",
        "3 December 2015",
        "13 Tested Positive",
        "1.5 Inch wide",
        "10 到 15 分钟",
        "J. K. Rowling",
        "U.S. officials",
        "Mr. Smith",
        "1, 2 and 3",
        "IV.G. Evaluation",
        "(USA) said",
        "II was",
        "I Work",
        "Sixty, as",
        "",
    ],
)
def test_a_quantity_or_a_name_opening_a_segment_is_no_label(text):
    assert leading_number(text) is None


def test_chinese_and_english_styles_of_the_same_place_compare_equal():
    texts = ("(b) x", "㈡ 关于", "(二) 关于", "二、关于", "II. X", "2. X", "B. X")
    labels = {leading_number(text)[2] for text in texts}
    assert labels == {"2"}


def test_only_the_start_of_a_long_segment_is_read():
    text = "1. " + "委员会" * 300_000
    started = time.perf_counter()
    for _ in range(1000):
        assert leading_number(text) == (0, 2, "1")
    assert time.perf_counter() - started < 1.0


def test_an_item_numbered_in_words_is_a_word_label():
    assert is_word_label("Eighth") and is_word_label("第八")
    assert not is_word_label("II") and not is_word_label("(八)") and not is_word_label("XVIII")
