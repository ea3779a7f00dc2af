"""Footnote markers, the units lexicon and placeholders on any text: no exception, spans that hold."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from qa_strategies import texts

from qa.lang.comparison import compare_units
from qa.lang.markers import blank_markers, find_candidates, find_markers, pair_markers
from qa.lang.numbers.en import en_quantities
from qa.lang.numbers.zh import zh_quantities
from qa.lang.scripts import han_runs
from qa.lang.units import active_lexicon, en_span, unit_after, zh_span
from qa.model import TAG_MARK
from qa.readers.pieces import PLACEHOLDER, LineIndex, SegmentBuilder

PROFILE = settings.get_profile("qa-property")
LABELS = st.one_of(st.none(), st.lists(st.sampled_from(["1", "16", "①", "[2]", "*", "¹", "a", "注1"]), max_size=4))


@PROFILE
@given(texts, st.sampled_from(["zh", "en"]), LABELS)
def test_footnote_markers(text: str, lang: str, labels):
    markers = find_markers(text, lang, labels)
    previous_end = 0
    for marker in markers:
        assert previous_end <= marker.start < marker.end <= len(text), marker
        previous_end = marker.end
        assert marker.label, marker
    blanked = blank_markers(text, lang)
    assert len(blanked) == len(text)


@PROFILE
@given(texts, texts, LABELS)
def test_footnote_markers_of_a_pair(zh: str, en: str, labels):
    # each side read with the other: markers in order, inside their text, and only confirmed ones added
    for text, lang, found in zip((zh, en), ("zh", "en"), pair_markers(zh, en, labels), strict=True):
        previous_end = 0
        for marker in found:
            assert previous_end <= marker.start < marker.end <= len(text), marker
            previous_end = marker.end
        possible = {(m.start, m.end) for m in find_markers(text, lang, labels)}
        possible |= {(m.start, m.end) for m in find_candidates(text, lang)}
        assert {(m.start, m.end) for m in found} <= possible


@PROFILE
@given(texts, texts)
def test_units_of_a_pair(zh: str, en: str):
    for finding in compare_units(zh, en):
        start, end = zh_span(finding)
        assert 0 <= start < end <= len(zh)
        start, end = en_span(finding)
        assert 0 <= start < end <= len(en)
        for mention, text in ((finding.zh_unit, zh), (finding.en_unit, en)):
            if mention is not None:
                assert 0 <= mention.start < mention.end <= len(text), mention


@PROFILE
@given(texts)
def test_unit_after_each_quantity(text: str):
    lexicon = active_lexicon()
    for side, quantities in (("zh", zh_quantities(text)), ("en", en_quantities(text))):
        for quantity in quantities:
            mention = unit_after(lexicon, side, text, quantity)
            if mention is not None:
                assert 0 <= mention.start < mention.end <= len(text), (quantity, mention)
                assert mention.unit in mention.units


@PROFILE
@given(texts)
def test_han_runs(text: str):
    for start, end in han_runs(text):
        assert 0 <= start < end <= len(text)


@PROFILE
@given(texts)
def test_placeholders_are_kept_out_of_the_text_and_put_back(text: str):
    builder = SegmentBuilder("en", 1, 1)
    builder.add_text(text, 1, 1)
    segment = builder.build()
    found = [match.group() for match in PLACEHOLDER.finditer(text)]
    assert [tag.text for tag in segment.tags] == found
    for tag in segment.tags:
        assert segment.text[tag.offset] == TAG_MARK
    if TAG_MARK not in text:
        first, *rest = segment.text.split(TAG_MARK)
        assert first + "".join(tag.text + part for tag, part in zip(segment.tags, rest, strict=True)) == text
    index = LineIndex(text)  # the text as a file: every character, or tag, is located at its place in it
    for offset in range(len(segment.text)):
        assert segment.locate(offset) == index.position(_original_offset(segment, offset)), offset


def _original_offset(segment, offset: int) -> int:
    """Where the character at ``offset`` of the segment's text is in the original text."""
    shift = sum(len(tag.text) - 1 for tag in segment.tags if tag.offset < offset)
    return offset + shift
