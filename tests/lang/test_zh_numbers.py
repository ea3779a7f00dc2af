"""Chinese number extraction: values, kinds, spans, hardness."""

from __future__ import annotations

from decimal import Decimal

import pytest

from qa.lang.numbers.zh import parse_zh_numeral, zh_quantities


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("6.1万", 61000), ("20万", 200000), ("2万4801", 24801), ("1.23亿", 123000000), ("3.5万亿", 3500000000000),
        ("三百", 300), ("两千", 2000), ("一百零五", 105), ("二〇二三", 2023), ("十四", 14), ("一百五", 150),
        ("三万五", 35000), ("1,100", 1100), ("三点五", Decimal("3.5")),
    ],
)  # fmt: skip
def test_parse_numeral(numeral, value):
    parsed = parse_zh_numeral(numeral)
    assert parsed is not None and parsed[0] == value


def test_parse_agrees_with_cn2an():
    import cn2an

    for numeral in ("三百", "两千", "一百零五", "二〇二三", "十四", "一百五", "6.1万", "2万4801", "壹佰贰拾"):
        normalised = numeral.replace("壹", "一").replace("佰", "百").replace("贰", "二").replace("拾", "十")
        assert parse_zh_numeral(normalised)[0] == Decimal(str(cn2an.cn2an(numeral, "smart")))


def test_not_numbers_two_digit_pairs():
    assert parse_zh_numeral("五一") is None
    assert parse_zh_numeral("万一") is None


def shown(text):
    return [(q.text, q.kind, q.value, q.hard) for q in zh_quantities(text)]


def test_seed_sentence():
    text = "启动危旧楼房改建和简易楼腾退20万平方米,老旧小区综合整治新开工300个、完工100个"
    quantities = zh_quantities(text)
    assert [(q.text, q.value, q.unit, q.measure) for q in quantities] == [
        ("20万", 200000, "平方米", ""),
        ("300", 300, "", "个"),
        ("100", 100, "", "个"),
    ]
    assert text[quantities[0].start : quantities[0].end] == "20万"


def test_date_is_one_quantity():
    (date, ordinal) = zh_quantities("——2023年1月15日在北京市第十六届")
    assert date.kind == "date" and date.date == (2023, 1, 15) and date.text == "2023年1月15日"
    assert ordinal.kind == "ordinal" and ordinal.value == 16 and ordinal.text == "第十六" and ordinal.hard


def test_traditional_and_full_width():
    assert shown("第十六屆、兩千、萬人、１，１００") == [
        ("第十六", "ordinal", 16, True),
        ("兩千", "cardinal", 2000, True),
        ("萬", "cardinal", 10000, False),
        ("１，１００", "cardinal", 1100, True),
    ]


def test_words_are_not_quantities():
    assert zh_quantities("一体化、统一、进一步、一网通办、之一、一些、十分重要、千万不要、百姓") == []


def test_soft_counts_and_enumerators():
    assert shown("(八)增强“四个意识”") == [("(八)", "ordinal", 8, False), ("四", "cardinal", 4, False)]
    assert shown("一是加强, 二是推进") == [("一是", "ordinal", 1, False), ("二是", "ordinal", 2, False)]


def test_percentages_fractions_ranges():
    kinds = shown("增长百分之四十,提高3个百分点,三成,三分之一,3至5年,5%")
    assert [(text, kind) for text, kind, _, _ in kinds] == [
        ("百分之四十", "percent"),
        ("3个百分点", "percentage_point"),
        ("三成", "percent"),
        ("三分之一", "fraction"),
        ("3至5", "range"),
        ("5%", "percent"),
    ]
    assert kinds[2][2] == 30


def test_approximations_and_magnitudes():
    quantities = zh_quantities("超过38万人, 千亿级产业集群, 数十万人")
    assert quantities[0].approx == "超过" and quantities[0].value == 380000
    assert quantities[1].magnitude and quantities[1].value == 10**11 and quantities[1].hard
    assert quantities[2].magnitude and quantities[2].value == 10**5


def test_identifiers_and_markers():
    quantities = zh_quantities("G20峰会 PM2.5 COVID-19 5G")
    assert all(q.identifier and not q.hard for q in quantities)


def test_fourteenth_five_year_plan():
    # the plan's number, written with the plan's 五: one ordinal, not 十四 and a lone 五
    assert shown("“十四五”规划") == [("十四五", "ordinal", 14, True)]
    assert shown("十三五时期") == [("十三五", "ordinal", 13, True)]
    assert shown("三五成群") == []  # not a plan
