"""The Chinese and English number extractors: never an exception, spans that hold, values that
survive re-formatting (61,000 ↔ 6.1万 ↔ 六万一千, 3.5 billion ↔ 35亿)."""

from __future__ import annotations

from decimal import Decimal

import cn2an
from hypothesis import given, settings
from hypothesis import strategies as st
from qa_strategies import texts

from qa.lang.numbers.en import en_quantities
from qa.lang.numbers.quantity import Quantity
from qa.lang.numbers.zh import zh_quantities

PROFILE = settings.get_profile("qa-property")


def assert_spans_hold(text: str, quantities: list[Quantity]) -> None:
    for quantity in quantities:
        assert 0 <= quantity.start < quantity.end <= len(text), quantity
        assert text[quantity.start : quantity.end] == quantity.text, quantity
        for part in quantity.parts:
            assert quantity.start <= part.start < part.end <= quantity.end, (quantity, part)
            assert text[part.start : part.end] == part.text, part
    starts = [quantity.start for quantity in quantities]
    assert starts == sorted(starts), "quantities in text order"


@PROFILE
@given(texts)
def test_zh_spans_hold(text: str):
    assert_spans_hold(text, zh_quantities(text))


@PROFILE
@given(texts)
def test_en_spans_hold(text: str):
    assert_spans_hold(text, en_quantities(text))


# -- values survive re-formatting -------------------------------------------------------------------

_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen " \
    "seventeen eighteen nineteen".split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES = [(10**9, "billion"), (10**6, "million"), (1000, "thousand")]


def en_words(number: int) -> str:
    """61000 → "sixty-one thousand" (British "and" after hundred, as the seeds' English has it)."""
    for scale, word in _SCALES:
        if number >= scale:
            high, low = divmod(number, scale)
            rest = "" if not low else (" and " if low < 100 else " ") + en_words(low)
            return f"{en_words(high)} {word}{rest}"
    if number >= 100:
        high, low = divmod(number, 100)
        return f"{_ONES[high]} hundred" + (f" and {en_words(low)}" if low else "")
    if number >= 20:
        high, low = divmod(number, 10)
        return _TENS[high] + (f"-{_ONES[low]}" if low else "")
    return _ONES[number]


def scaled(value: Decimal, scale: int) -> str | None:
    """``value`` / ``scale`` as a short decimal (61000 / 10**4 → "6.1"), or None if it is not one."""
    mantissa = value / scale
    if mantissa < 1 or mantissa != mantissa.quantize(Decimal("0.001")):
        return None
    return format(mantissa.normalize(), "f")


def zh_forms(value: Decimal) -> list[str]:
    forms = [format(value, "f")]
    if value == value.to_integral_value():
        number = int(value)
        forms += [f"{number:,}", cn2an.an2cn(str(number))]
    for scale, word in ((10**8, "亿"), (10**4, "万"), (10**12, "万亿")):
        if (shown := scaled(value, scale)) is not None:
            forms.append(shown + word)
    return forms


def en_forms(value: Decimal) -> list[str]:
    forms = [format(value, "f")]
    if value == value.to_integral_value():
        number = int(value)
        forms.append(f"{number:,}")
        if number < 10**12:
            forms.append(en_words(number))
    for scale, word in ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (10**3, "thousand")):
        if (shown := scaled(value, scale)) is not None:
            forms.append(f"{shown} {word}")
    return forms


#: integers from 21 (below, a lone number is often a soft count or an enumerator) to 10^13, and
#: decimals of one to three places; a few round values that scale well (61,000, 3.5 billion)
values = st.one_of(
    st.integers(21, 10**13).map(Decimal),
    st.builds(lambda n, places: Decimal(n).scaleb(-places), st.integers(21, 10**7), st.integers(1, 3)),
    st.builds(lambda n, scale: Decimal(n) * 10**scale, st.integers(11, 999), st.integers(2, 11)),
)


def single_value(quantities: list[Quantity]) -> Decimal | None:
    return quantities[0].value if len(quantities) == 1 else None


@PROFILE
@given(values, st.data())
def test_zh_value_survives_reformatting(value: Decimal, data):
    form = data.draw(st.sampled_from(zh_forms(value)), label="form")
    text = f"全市共有{form}人参加。"
    assert single_value(zh_quantities(text)) == value, (text, zh_quantities(text))


@PROFILE
@given(values, st.data())
def test_en_value_survives_reformatting(value: Decimal, data):
    form = data.draw(st.sampled_from(en_forms(value)), label="form")
    text = f"A total of {form} people took part."
    assert single_value(en_quantities(text)) == value, (text, en_quantities(text))


def test_worked_examples():
    assert {single_value(zh_quantities(f"有{form}人")) for form in ("61,000", "6.1万", "六万一千")} == {61000}
    assert single_value(en_quantities("3.5 billion yuan")) == single_value(zh_quantities("35亿元")) == 35 * 10**8
