"""Matching Chinese and English quantities by value."""

from __future__ import annotations

import pytest

from qa.lang.numbers.match import compare_numbers, power_of_ten


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("6.1万人", "61,000 people"),
        ("3.5亿元", "350 million yuan"),
        ("12.36亿元", "1.24 billion yuan"),
        ("约1.98亿度", "about 200 million kwh"),
        ("第十六届", "Sixteenth"),
        ("2023年1月15日", "January 15th, 2023"),
        ("2023年1月15日", "15 January 2023"),
        ("超过38万人", "more than 380,000 people"),
        ("千亿级", "over 100 billion"),
        ("3个百分点", "3 percentage points"),
        ("三成", "30%"),
        ("3至5年", "three to five years"),
        ("12号线", "Line 12"),
        ("（2016年－2035年）", "(2016-2035)"),
    ],
)
def test_matches(zh, en):
    comparison = compare_numbers(zh, en)
    assert not comparison.zh_missing and not comparison.en_extra and not comparison.mistranslated


def test_translation_may_not_be_more_precise_than_source():
    assert compare_numbers("20万平方米", "200,004 square meters").mistranslated


def test_mistranslation_pairs_values():
    comparison = compare_numbers("再解决6.1万套", "for 6,100 homes")
    ((zh, en),) = comparison.mistranslated
    assert zh.value == 61000 and en.value == 6100
    assert power_of_ten(zh.value, en.value) == -1


def test_soft_numbers_may_be_dropped():
    comparison = compare_numbers("增强“四个意识”、做到“两个维护”", "We will uphold the core position.")
    assert not comparison.zh_missing and not comparison.mistranslated


def test_hand_written_initialisers_take_every_field_in_order():
    """Quantity and Hit write their __init__ for speed: it must stay what the dataclass would generate."""
    import dataclasses
    import inspect
    from decimal import Decimal

    from qa.lang.numbers.quantity import Quantity
    from qa.model import Hit

    for cls in (Quantity, Hit):
        parameters = list(inspect.signature(cls.__init__).parameters.values())[1:]
        fields = dataclasses.fields(cls)
        assert [p.name for p in parameters] == [f.name for f in fields]
        for parameter, field in zip(parameters, fields, strict=True):
            expected = inspect.Parameter.empty if field.default is dataclasses.MISSING else field.default
            assert parameter.default == expected, field.name
    quantity = Quantity(Decimal(5), "cardinal", 0, 1, "5", hard=False)
    assert quantity == Quantity(Decimal(5), "cardinal", 0, 1, "5", False)
    assert dataclasses.replace(quantity, hard=True).hard and not quantity.hard
