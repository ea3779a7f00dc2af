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


def test_xml_error_is_one_line():
    # libxml2's message for a NUL in a tag ends with a newline: the error printed over two lines
    # (the NUL past the first 8 KiB, where a file is judged binary)
    data = b'<?xml version="1.0"?>\n<tmx version="1.4">' + b" " * 9000 + b'\n<\x00tu/></tmx>\n'
    with pytest.raises(InputError) as raised:
        read_data("fuzz.tmx", data, ".tmx")
    assert str(raised.value) == (
        "fuzz.tmx: not well-formed XML at line 3: Invalid character: Char 0x0 out of allowed range"
    )


def test_csv_rows_break_at_line_ends_only():
    # a form feed in a cell: str.splitlines() broke the row there, the scan of positions did not,
    # so every cell after it pointed at line 1, column 1 (the header)
    data = "id,zh,en\n1,\f加强城市管理,Improve urban management\n".encode()
    pair = read_data("fuzz.csv", data, ".csv").pairs[0]
    assert (pair.zh.text, pair.zh.line, pair.zh.columns[0]) == ("\f加强城市管理", 2, 3)
    assert (pair.en.text, pair.en.line, pair.en.columns[0]) == ("Improve urban management", 2, 11)



def test_an_error_quoting_the_file_is_one_printable_line():
    # found by benchmarks/hostile_inputs.py: a CSV header holding U+2028 and ESC was quoted as it was,
    # so the error ran over three lines and could drive the terminal
    data = "a\u2028b\x1b[31m,c\u3000d\n中文,English\n".encode()
    with pytest.raises(InputError) as raised:
        read_data("fuzz.csv", data, ".csv")
    message = str(raised.value)
    assert message.isprintable(), message
    assert "a\\u2028b\\x1b[31m, c\\u3000d" in message


def test_a_long_header_is_cut_in_the_message():
    data = (",".join(f"column {n} " + "x" * 50 for n in range(40)) + "\n中文,English\n").encode()
    with pytest.raises(InputError) as raised:
        read_data("fuzz.csv", data, ".csv")
    assert len(str(raised.value)) < 600
