"""Inputs the fuzzer (benchmarks/fuzz) found crashing a reader, minimised: each now reads or gives an InputError."""

from __future__ import annotations

import pytest

from qa.readers import InputError, read_data


@pytest.mark.parametrize(
    ("suffix", "data"),
    [
        # an octal-looking escape that is not one: int("8", 8) raised ValueError
        (".po", 'msgid ""\nmsgstr "Language: zh\\n"\n\nmsgid "a\\8"\nmsgstr "中"\n'.encode()),
        (".po", 'msgid ""\nmsgstr "Language: zh\\n"\n\nmsgid "a\\٣"\nmsgstr "中"\n'.encode()),
        # a <unit> inside a <source> (well-formed, not valid) emptied the unit being read: IndexError
        (
            ".xlf",
            b'<xliff version="2.0" srcLang="en" trgLang="zh"><file><unit id="1"><segment>'
            b'<source>a<unit id="2"/></source><target>\xe4\xb8\xad</target></segment></unit></file></xliff>',
        ),
    ],
)
def test_reads_or_input_error(suffix: str, data: bytes):
    try:
        document = read_data("fuzz" + suffix, data, suffix)
    except InputError as error:
        assert error.path == "fuzz" + suffix
    else:
        assert document.pairs
