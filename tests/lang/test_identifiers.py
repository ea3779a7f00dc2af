"""Codes compared verbatim: document symbols, standards, model codes, resolution numbers."""

from __future__ import annotations

import time

import pytest

from qa.lang.identifiers import identifier_spans, shape


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("A-400 and NF-5, S-356, GLF-4", ["A-400", "NF-5", "S-356", "GLF-4"]),
        ("see A/RES/70/1 and S/2015/123.", ["A/RES/70/1", "S/2015/123"]),
        ("document E/CN.4/2005/L.10.", ["E/CN.4/2005/L.10"]),
        ("GB/T 7714 和 GB/T7714", ["GB/T 7714", "GB/T 7714"]),
        ("ISO 9001:2015", ["ISO 9001:2015"]),
        ("Boeing 737 和 波音737", ["Boeing 737", "Boeing 737"]),
        ("空客A320 and Airbus A320", ["Airbus A320", "Airbus A320"]),
        ("第2118(2013)号决议", ["2118 (2013)"]),
        ("resolution 2118 (2013)", ["2118 (2013)"]),
        ("第２１１８（２０１３）号决议", ["2118 (2013)"]),
        ("Ａ－４００", ["A-400"]),
        ("COVID\u201319 and F\u201116", ["COVID-19", "F-16"]),
        ("N/A, UN/DESA, km/h, Page2, 2015-2016, 5G", []),
        ("推进经济社会高质量发展。", []),
    ],
)
def test_codes_are_found_with_their_normalised_text(text, codes):
    assert [code for _, _, code in identifier_spans(text)] == codes


def test_a_span_covers_the_code_as_written():
    text = "安全理事会第2118(2013)号决议"
    ((start, end, _),) = identifier_spans(text)
    assert text[start:end] == "2118(2013)"


def test_a_near_code_has_the_same_shape():
    assert shape("A-400") == shape("A-40") == "A-#"
    assert shape("GB/T 7714") != shape("GB/T 7714-2015")


@pytest.mark.parametrize("unit", ["A-1 S/2015/1 ", "AAAAAAA/", "ISO 9 GB/T 1 ", "Boeing 7 (2013) ", "A/" * 10])
def test_a_megabyte_of_code_like_text_is_read_in_linear_time(unit):
    text = unit * ((1 << 20) // len(unit))
    started = time.perf_counter()
    identifier_spans(text)
    assert time.perf_counter() - started < 5.0
