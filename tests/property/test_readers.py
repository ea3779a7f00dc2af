"""Every reader, on any bytes: a Document or an InputError (one line, naming the file), never another
exception; and every piece of every segment points at the file's own text."""

from __future__ import annotations

import codecs

from hypothesis import given, settings
from hypothesis import strategies as st
from qa_strategies import ROOT, texts

from qa.model import TAG_MARK, Document, Segment
from qa.readers import SUFFIXES, InputError, decode_lines, read_data
from qa.readers.aligned import pair_lines
from qa.readers.decoding import split_lines

PROFILE = settings.get_profile("qa-property")
XML = (".tmx", ".xlf", ".xliff", ".sdlxliff")

TEMPLATES = {
    ".txt": "{zh}\n{en}\n",
    ".tsv": "zh\ten\n{zh}\t{en}\n",
    ".csv": 'id,zh,en\n1,"{zh}","{en}"\n2,{zh},{en}\n',
    ".po": 'msgid ""\nmsgstr ""\n"Language: zh_CN\\n"\n\n#. {en}\nmsgid "{en}"\nmsgstr "{zh}"\n',
    ".tmx": '<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="en"/><body>\n<tu><tuv xml:lang="en">'
    '<seg>{en}</seg></tuv>\n<tuv xml:lang="zh-CN"><seg>{zh}</seg></tuv></tu></body></tmx>\n',
    ".xlf": '<?xml version="1.0"?>\n<xliff version="1.2"><file source-language="en" target-language="zh">'
    '<body>\n<trans-unit id="1"><source>{en}</source>\n<target>{zh}</target></trans-unit></body></file></xliff>\n',
}
TEMPLATES[".xliff"] = TEMPLATES[".sdlxliff"] = TEMPLATES[".xlf"]
FIXTURES = {
    path.suffix: path.read_bytes()
    for path in sorted((ROOT / "tests" / "fixtures" / "formats").glob("report.*"))
    if path.suffix in SUFFIXES and path.suffixes[-2:-1] != [".en"]
}
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "gb18030", "big5")


def encoded(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace" if encoding == "big5" else "strict")


@st.composite
def mutated(draw, data: bytes) -> bytes:
    """``data`` cut short, with a stretch deleted, or with random bytes let in."""
    start = draw(st.integers(0, len(data)))
    end = draw(st.integers(start, min(len(data), start + 200)))
    how = draw(st.sampled_from(["truncate", "delete", "insert", "replace"]))
    if how == "truncate":
        return data[:start]
    insert = draw(st.binary(max_size=20)) if how != "delete" else b""
    return data[:start] + insert + data[(end if how != "insert" else start) :]


@st.composite
def files(draw) -> tuple[str, bytes]:
    suffix = draw(st.sampled_from(SUFFIXES))
    kind = draw(st.sampled_from(["template", "template", "fixture", "bytes"]))
    if kind == "bytes":
        return suffix, draw(st.binary(max_size=400))
    if kind == "fixture" and suffix in FIXTURES:
        return suffix, draw(mutated(FIXTURES[suffix]))
    text = TEMPLATES[suffix].format(zh=draw(texts), en=draw(texts))
    return suffix, encoded(text, draw(st.sampled_from(ENCODINGS)))


def assert_points_at_file(segment: Segment, lines: list[str]) -> None:
    """Each piece sits inside the file; a piece of two or more characters is the file's text there
    (one character may be a decoded escape, an entity or a tag's mark, at its first character)."""
    assert segment.text.count(TAG_MARK) >= len(segment.tags)
    for tag in segment.tags:
        assert segment.text[tag.offset] == TAG_MARK, (segment, tag)
    ends = [*segment.starts[1:], len(segment.text)]
    for start, end, line, column in zip(segment.starts, ends, segment.lines, segment.columns, strict=True):
        assert 1 <= line <= len(lines), (segment, line)
        assert 1 <= column <= len(lines[line - 1]) + 1, (segment, line, column)
        piece = segment.text[start:end].removesuffix("\n")
        if len(piece) > 1 and TAG_MARK not in piece:
            assert lines[line - 1][column - 1 : column - 1 + len(piece)] == piece, (segment, piece, line, column)


def assert_document_holds(document: Document, lines: list[str]) -> None:
    for pair in document.pairs:
        assert pair.zh.lang == "zh" and pair.en.lang == "en"
        assert_points_at_file(pair.zh, lines)
        assert_points_at_file(pair.en, lines)
    for note in document.notes:
        assert_points_at_file(note.segment, lines) if hasattr(note, "segment") else None
    for segment in document.unpaired:
        assert_points_at_file(segment, lines)


@PROFILE
@given(files())
def test_any_file_reads_or_is_an_input_error(file: tuple[str, bytes]):
    suffix, data = file
    name = f"report{suffix}"
    try:
        document = read_data(name, data, suffix)
    except InputError as error:
        assert error.path == name
        assert "\n" not in str(error) and "\r" not in str(error), str(error)
        return
    assert document.pairs
    assert_document_holds(document, decode_lines(name, data, xml=suffix in XML))


@PROFILE
@given(st.sampled_from(SUFFIXES), st.binary(max_size=600))
def test_random_bytes(suffix: str, data: bytes):
    try:
        read_data(f"report{suffix}", data, suffix)
    except InputError as error:
        assert "\n" not in str(error)


@PROFILE
@given(st.lists(texts, max_size=6), st.lists(texts, max_size=6))
def test_aligned_files(zh_lines: list[str], en_lines: list[str]):
    zh, en = split_lines("\n".join(zh_lines)), split_lines("\n".join(en_lines))
    document = pair_lines("a.zh", zh, "a.en", en)
    for pair in document.pairs:
        assert_points_at_file(pair.zh, zh)
        assert_points_at_file(pair.en, en)
    assert len(document.pairs) + len(document.unpaired) <= max(len(zh), len(en))


@PROFILE
@given(texts, st.sampled_from(ENCODINGS))
def test_every_encoding_decodes_to_the_same_lines(text: str, encoding: str):
    data = encoded(text, encoding)
    try:
        lines = decode_lines("x.txt", data)
    except InputError:
        return  # empty, or binary-looking (control characters)
    if encoding.startswith("utf"):
        assert lines == split_lines(text.lstrip("\ufeff")), (text, encoding)


def test_boms_are_known():
    assert codecs.BOM_UTF8 + "中".encode() == encoded("中", "utf-8-sig")
