"""English number extraction: values, kinds, spans, hardness."""

from __future__ import annotations

from decimal import Decimal

from qa.lang.numbers.en import en_quantities


def shown(text):
    return [(q.text, q.kind, q.value, q.hard) for q in en_quantities(text)]


def test_seed_title():
    text = "Delivered at the First Session of the Sixteenth Beijing Municipal People's Congress on January 15th, 2023"
    first, sixteenth, date = en_quantities(text)
    assert (first.kind, first.value, first.hard) == ("ordinal", 1, False)
    assert (sixteenth.kind, sixteenth.value, sixteenth.hard) == ("ordinal", 16, True)
    assert date.kind == "date" and date.date == (2023, 1, 15) and text[date.start : date.end] == "January 15th, 2023"


def test_number_words_and_scales():
    text = "twenty-one, three hundred and forty-two, a hundred, 1.5 million, 6bn, £10m"
    values = [q.value for q in en_quantities(text)]
    assert values == [21, 342, 100, 1500000, 6000000000, 10000000]


def test_ordinals_and_roman():
    assert shown("16th, Sixty-ninth, Phase II, China IV, I think") == [
        ("16th", "ordinal", 16, True),
        ("Sixty-ninth", "ordinal", 69, True),
        ("II", "ordinal", 2, False),
        ("IV", "ordinal", 4, False),
    ]


def test_percent_and_fractions():
    kinds = [(q.text, q.kind) for q in en_quantities("5 percent, 5 per cent, 5%, 3 percentage points, one third, half")]
    assert kinds == [
        ("5 percent", "percent"),
        ("5 per cent", "percent"),
        ("5%", "percent"),
        ("3 percentage points", "percentage_point"),
        ("one third", "fraction"),
        ("half", "fraction"),
    ]


def test_dates():
    dates = [q.date for q in en_quantities("15 January 2023, January 2023, 2023-01-15, since May 5")]
    assert dates == [(2023, 1, 15), (2023, 1, None), (2023, 1, 15), (None, 5, 5)]


def test_not_numbers():
    quantities = en_quantities("M101, PM2.5, CO2, G20, COVID-19, 5G, in seven aspects16 and")
    assert all(not q.hard for q in quantities)
    assert "16" not in [q.text for q in quantities]


def test_line_twelve_is_a_number():
    assert shown("Line 12") == [("12", "cardinal", 12, True)]


def test_ranges_gloss_and_magnitudes():
    quantities = en_quantities("(2016-2035), 3 to 5 years, 6,000 mu (400 hectares), hundreds of thousands")
    assert quantities[0].kind == "range" and quantities[0].high == 2035
    assert quantities[1].kind == "range" and (quantities[1].value, quantities[1].high) == (3, 5)
    assert quantities[3].gloss and not quantities[3].hard
    assert quantities[4].magnitude and quantities[4].value == Decimal(100000)


def test_approximation_words_are_whole_words():
    (quantity,) = en_quantities("a roundabout 5 miles away")
    assert quantity.approx == ""
    (quantity,) = en_quantities("Moreover 20 people came")
    assert quantity.approx == ""
    (quantity,) = en_quantities("more than 20 people came")
    assert quantity.approx == "more than"


def test_single_letter_grades_are_not_roman_numerals():
    assert en_quantities("a Class C licence") == []
    assert [(q.text, int(q.value)) for q in en_quantities("Phase II of the project")] == [("II", 2)]


def test_impossible_hours():
    assert [(q.text, q.kind) for q in en_quantities("the 25 pm session")] == [("25", "cardinal")]  # a number, no time
    (quantity,) = en_quantities("at 14:40 p.m.")
    assert (quantity.kind, int(quantity.value)) == ("time", 14 * 60 + 40)


def test_a_dotted_capital_i_does_not_hide_the_numbers_after_it():
    # "İ" lower-cases to two characters; the number words after it must still be found, in place
    text = "İstanbul had 5 million visitors and twenty ferries"
    found = [(str(q.value), text[q.start : q.end]) for q in en_quantities(text)]
    assert found == [("5000000", "5 million"), ("20", "twenty")]
