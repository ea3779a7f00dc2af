"""Unit tests of TERM001 and TXT001–TXT003 beyond the case files: suggestions,
multi-line segments and the shared script tables."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from qa.lang.scripts import ascii_counterpart, han_runs
from qa.model import Hit, Pair, Segment
from qa.rules.term001 import UntranslatedChinese
from qa.rules.txt001 import FullwidthPunctuation
from qa.rules.txt002 import MissingSpaceAfterPunctuation
from qa.rules.txt003 import Whitespace


def pair_of(en_lines: list[str], zh: str = "强化作风建设。") -> Pair:
    en = Segment.from_lines("en", [(2 + number, 1, line) for number, line in enumerate(en_lines)])
    return Pair(Segment.from_lines("zh", [(1, 1, zh)]), en)


def hits(rule, *en_lines: str) -> list[Hit]:
    return list(rule.check(pair_of(list(en_lines))))


def test_han_runs_merge_interior_punctuation_and_spaces():
    text = "Acting Mayor 殷 勇, see “北京外办”公众号. US倡议424.4 million"
    assert [text[start:end] for start, end in han_runs(text)] == ["殷 勇", "北京外办”公众号", "倡议"]


def test_a_lone_separator_bar_is_not_chinese_text():
    assert list(han_runs("Media+丨Beijing")) == []
    assert ascii_counterpart("丨") == "|"


def test_curly_quotes_dashes_and_ellipsis_have_no_ascii_counterpart():
    assert [ascii_counterpart(char) for char in "“”‘’—…·"] == [None] * 7


def test_term001_allowed_option():
    from qa.rules.base import RuleContext

    rule = UntranslatedChinese(RuleContext(options={"allowed": ["福"]}))
    assert hits(rule, "the character 福 means fortune") == []
    assert len(hits(UntranslatedChinese(), "the character 福 means fortune")) == 1


def test_txt001_suggestion_restores_the_space_the_full_width_mark_carried():
    (comma,) = hits(FullwidthPunctuation(), "Five，recently, I saw")
    assert comma.suggestion == 'replace with ", "'
    (number,) = hits(FullwidthPunctuation(), "It costs ２０２３ yuan")
    assert number.message == 'full-width "２０２３" in the english (ascii "2023")'
    (space,) = hits(FullwidthPunctuation(), "General Secretary \u3000 's instructions")
    assert space.suggestion == "delete it"


def test_txt002_offsets_and_suggestion_on_a_second_line():
    pair = pair_of(["Improve our work", "conduct.We will act."])
    (hit,) = MissingSpaceAfterPunctuation().check(pair)
    assert pair.en.text[hit.start : hit.end] == "conduct.We"
    assert pair.en.locate(hit.start) == (3, 1)
    assert hit.suggestion == "insert a space: conduct. We"


def test_txt002_puts_the_space_on_the_right_side_of_a_quote():
    (closing,) = hits(MissingSpaceAfterPunctuation(), 'He said "we have a human touch."This touch matters.')
    assert closing.suggestion == 'insert a space: touch." This'
    (opening,) = hits(MissingSpaceAfterPunctuation(), 'He said,"The cost is rising."')
    assert opening.suggestion == 'insert a space: said, "The'


def test_txt003_line_joins_are_not_whitespace_but_line_edges_are():
    wrapped = ("Delivered at the First Session of the Sixteenth Beijing Municipal", "People's Congress")
    assert hits(Whitespace(), *wrapped) == []
    found = hits(Whitespace(), "Improve our work conduct. ", " We will act.")
    assert [hit.message for hit in found] == [
        'trailing space in "conduct. "',
        'leading space in " We"',
    ]


prose_word = st.text(alphabet=st.characters(min_codepoint=ord("a"), max_codepoint=ord("z")), min_size=1, max_size=8)
prose = st.lists(prose_word, min_size=1, max_size=12).map(lambda words: " ".join(words).capitalize() + ".")


@given(st.lists(prose, min_size=1, max_size=4))
def test_well_formed_english_gives_no_text_finding(sentences):
    text = " ".join(sentences)
    for rule in (UntranslatedChinese(), FullwidthPunctuation(), MissingSpaceAfterPunctuation(), Whitespace()):
        assert hits(rule, text) == []
