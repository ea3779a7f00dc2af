"""Footnote markers and note labels in Chinese and English text.

A footnote marker is the small label that sends the reader to a note: ``aspects16``
(a number glued to a word after a text export lost the superscript),
``"…clusters"11``, ``[16]``, ``①``, ``¹⁶``, ``*``, ``†``, ``注1``, ``ᵃ``, ``[a]``.
Markers are found before numbers (qa.lang numbers excludes their spans), so a
false marker hides a real number and a missed one becomes a false number: the
finder is precise rather than eager.

Look-alikes are told apart by position and form, not by a list of words:

* a number glued to a word is a marker only when the word ends in a lowercase
  letter, contains a vowel (``km2``, ``m2``, ``mp3`` are units and codes), has no
  inner capital (``iPhone15``) and no digit or ``/ . _ @`` inside its token
  (``H1N1``, ``v1.2``, URLs), and the number is followed by a space, punctuation
  or the end (``16th``, ``PM2.5``, ``COVID-19`` and ``5G`` fail one of these);
* a capitalised word (``Mate60``, ``Hebei11``), a number glued to Chinese text and
  a bare ``注1`` are *weak* forms: markers only when the document's notes define
  that label;
* ``①`` that opens a list item (at the start or after punctuation, followed by
  text) is an enumeration, not a marker; ``¹``/``²`` after a number or a unit
  (``10⁶``, ``m²``) is an exponent;
* ``*`` runs used as emphasis (an opening ``*word``) are markup;
* a bracketed number glued to a code name (``x[1]``, ``arr_2[3]``, ``myArray[2]``, ``a[1][2]``,
  ``v[3]=0``) indexes it, and no marker is numbered 0 (``values[0]``);
* a number right after punctuation is a marker in the shapes of running text only
  (``Committee,9 and``, ``for 2015;2``, ``website.3``, a title's ``2013-2014 7``: qa.lang.markers.running).

What one side cannot tell, the pair can: qa.lang.markers.across reads the two sides together.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from qa.lang.markers.labels import CIRCLED_CHARS, SUPERSCRIPT_DIGITS, SUPERSCRIPT_LETTERS, label_key
from qa.lang.markers.running import running_form, soft_in_numbers, title_end_marker

__all__ = ["UNAMBIGUOUS_FORMS", "Marker", "blank_markers", "emphasis_run", "find_candidates", "find_markers"]

#: How a marker is written ("running": a number after punctuation or closing a title, qa.lang.markers.running).
MarkerForm = Literal["glued", "bracketed", "circled", "superscript", "symbol", "note-word", "letter", "running"]


@dataclass(frozen=True)
class Marker:
    """A footnote marker: ``text[start:end]`` is the marker itself (the ``16`` of ``aspects16``).

    ``label`` is the marker as written without brackets or the 注 prefix ("16", "①",
    "¹⁶", "*", "a"); ``number`` is its value when it is a number in any script, so
    that ``①``, ``[1]`` and ``¹`` compare equal; ``key`` is what notes are matched on.
    """

    start: int
    end: int
    label: str
    form: MarkerForm
    number: int | None = None

    @property
    def key(self) -> str:
        return str(self.number) if self.number is not None else self.label.lower()


_CLOSERS = "\"'”’」』)）]】》〉"
_OPENERS = "“‘「『(（[【《〈"
_VOWELS = frozenset("aeiouyAEIOUY")
#: Token characters that make a glued number part of an identifier (H1N1, v1.2, a/b2, x_1).
_IDENTIFIER_CHARS = frozenset("0123456789/._@=#\\:+")

# One pass finds every candidate; each is then judged by its context. The character
# classes are filled in below so the pattern stays readable.
_CANDIDATES = re.compile(
    r"""
      (?P<bracketed>[\[［](?:注|Note\s?)?(?P<inner>\d{1,3}|[a-z]|[CIRCLED])[\]］])
    | (?P<zhu_paren>[(（]注(?P<zhu_inner>\d{1,2}|[CIRCLED])[)）])
    | (?P<circled>[CIRCLED])
    | (?P<superscript>[SUPERDIGITS]{1,3})
    | (?P<supletter>[SUPERLETTERS])
    | (?P<symbol>\*{1,3}|[†‡]{1,2})
    | (?P<zhu>注(?P<zhu_number>\d{1,2}))
    | (?P<glued>[0-9]+)
    """.replace("CIRCLED", CIRCLED_CHARS)
    .replace("SUPERDIGITS", SUPERSCRIPT_DIGITS)
    .replace("SUPERLETTERS", SUPERSCRIPT_LETTERS),
    re.VERBOSE,
)
# Cheap pre-check: most segments have no digit, symbol or bracket right after a non-space.
_MAYBE = re.compile(
    # one character class: a plain class search is fast, a class with context is not
    r"[0-9SUPERDIGITS*†‡\[［(（注CIRCLEDSUPERLETTERS]".replace("CIRCLED", CIRCLED_CHARS)
    .replace("SUPERDIGITS", SUPERSCRIPT_DIGITS)
    .replace("SUPERLETTERS", SUPERSCRIPT_LETTERS)
)
#: In Chinese without the notes' labels a plain digit starts no marker: a number glued to Chinese
#: text is at most a weak marker (福祉16), which counts only when the notes define its label.
_MAYBE_NOT_DIGIT = re.compile(_MAYBE.pattern.replace("0-9", "", 1))
#: What a glued number may follow (see _glued_strength): a letter, a hanzi or a closing quote or bracket.
_GLUE_BEFORE = re.compile(r"[A-Za-z\u3400-\u9fff\uf900-\ufaff" + re.escape(_CLOSERS) + "]")
#: The punctuation a running-text footnote number follows (qa.lang.markers.running).
_RUNNING_AFTER = frozenset(",;.，；。")
#: Chinese without notes: a digit after its punctuation may still be a running-text marker (报告；4).
_ZH_RUNNING_MAYBE = re.compile(r"[,;，；。][1-9]")
#: The element types of C-family arrays: int[10] declares ten of them, it sends to no note. Types that are
#: English words a sentence may end on (long, short, double, float, string) are left out: "was long[3]."
_ARRAY_TYPES = frozenset(
    "int uint ulong ushort char byte sbyte bool boolean str "
    "int8 int16 int32 int64 uint8 uint16 uint32 uint64 float32 float64".split()
)
#: What follows an index in code: another index, an assignment, a call, a member (a[1][2], x[1]=, a[1].b).
_CODE_AFTER = frozenset("[=(")


def _is_cjk(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


def _ends_clean(text: str, end: int) -> bool:
    """The marker is followed by a space, punctuation or the end, not by more of a word or number."""
    if end >= len(text):
        return True
    follower = text[end]
    if follower.isspace() or follower in _CLOSERS:
        return True
    if follower in ".,，、;；:：!！?？。":
        # "PM2.5", "a1,000", "1:2": a digit after the punctuation makes it one number
        return not (end + 1 < len(text) and text[end + 1].isdecimal())
    if follower in "—–…":
        return True
    return False


#: The last whitespace character of a stretch of text (re's \s is str.isspace()).
_LAST_SPACE = re.compile(r".*\s", re.DOTALL)


class _TokenStarts:
    """Where the token (run of non-space characters) that ends at a position begins, for positions
    asked in increasing order: each stretch of text is searched once, so a text with a hundred
    thousand markers in one token (aspects16aspects16…) is read once, not once per marker."""

    __slots__ = ("begin", "scanned", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.scanned = 0  # text[:scanned] has been searched; its last whitespace ends at begin
        self.begin = 0

    def __call__(self, start: int) -> int:
        if start < self.scanned:  # asked out of order: search from the start again
            self.scanned = self.begin = 0
        last = _LAST_SPACE.match(self.text, self.scanned, start)
        if last is not None:
            self.begin = last.end()
        self.scanned = start
        return self.begin


def _word_before(token: str) -> str:
    """The trailing letters of ``token`` (the word a marker is glued to)."""
    index = len(token)
    while index > 0 and token[index - 1].isascii() and token[index - 1].isalpha():
        index -= 1
    return token[index:]


def _looks_like_unit_or_code(word: str, token: str) -> bool:
    """Single letters and words without a vowel (x, y, km, mp) or tokens with digits/separators are units,
    variables and identifiers."""
    if len(word) < 2 or not any(char in _VOWELS for char in word):
        return True
    head = token[: len(token) - len(word)]
    # an apostrophe or hyphen joins words ("well-being"); quotes/brackets open them
    head = head.lstrip(_OPENERS + "'\"-")
    return any(char in _IDENTIFIER_CHARS for char in head.replace("'", "").replace("-", ""))


def _preceded_by_number(text: str, start: int, token: str) -> bool:
    """A number (optionally a space) before ``start``: the word in between is a unit (``200 km²``).

    ``token`` is the token that ends at ``start``."""
    word = _word_before(token)
    before = token[: len(token) - len(word)]
    if before:
        return before[-1].isdecimal()
    index = start - len(word) - 1
    if index >= 0 and text[index] == " ":
        index -= 1  # one space between; after two or more the number is not the unit's
    return index >= 0 and text[index].isdecimal()


def _glued_strength(text: str, start: int, end: int, lang: str, tokens: _TokenStarts) -> str | None:
    """'strong', 'weak' (a marker only if the notes define it) or None for a number glued at ``start``."""
    if not _ends_clean(text, end):
        return None
    before = text[start - 1]
    if before in _CLOSERS:
        # "…clusters"11, (see above)16: a closing quote or bracket closing some text
        if start < 2 or text[start - 2].isspace() or text[start - 2].isdecimal():
            return None
        # Chinese puts numbers right after brackets and titles (《编年史》13 部, （年）5): weak there
        return "strong" if lang == "en" and end - start < 3 else "weak"
    if _is_cjk(before):
        return "weak"
    if not (before.isascii() and before.isalpha()):
        return None
    token = text[tokens(start) : start]
    word = _word_before(token)
    if _looks_like_unit_or_code(word, token) or _preceded_by_number(text, start, token):
        return None
    if not before.islower():
        return None  # M101, CO2, G20, A4: capitals end codes and names
    if any(char.isupper() for char in word[1:]):
        return "weak"  # iPhone15, eVTOL2: inner capitals name products
    if word[0].isupper():
        return "weak"  # Mate60, Hebei11: names take numbers too
    if end - start == 3 or lang == "zh":
        # cpe210: notes rarely run past 99, model numbers often do; user26 in Chinese text is a name
        return "weak"
    return "strong"


#: Characters around a ``*`` that make it part of a glob, a regular expression or markup (``**/*.docx``,
#: ``<.*?>``, ``<l5>read*</l5>``).
_GLOB_BEFORE = frozenset("/\\(<>[{|?+")
_GLOB_AFTER = frozenset("/?)<>]}|+\\")


def _symbol_is_marker(text: str, start: int, end: int, run: str, emphasis: dict[str, bool]) -> bool:
    """Whether a ``*`` / ``†`` run marks a note. ``emphasis`` remembers, per run, whether the text uses
    it as emphasis markup (the answer is the text's, not the place's)."""
    if start == 0 or text[start - 1].isspace():
        return False  # a bullet or an opening emphasis
    if end < len(text) and (text[end].isalnum() and not _is_cjk(text[end])):
        return False  # 3*4, a*b, **bold**text
    if text[end : end + 2].strip()[:1].isdecimal():
        return False  # 6 g* 3: a product
    after = text[end : end + 1]
    if (
        text[start - 1] in _GLOB_BEFORE
        or (after and after in _GLOB_AFTER)
        or (after == "." and text[end + 1 : end + 2].isalnum())
    ):
        return False  # **/*.docx, *.xhtml, <.*?>: a glob or a regular expression, not a note
    if end < len(text) and _is_cjk(text[start - 1]) and _is_cjk(text[end]):
        return False  # 多米尼克*拉布: Chinese writes the name dot of transliterations so
    if run.startswith("*"):
        if run not in emphasis:
            emphasis[run] = emphasis_run(text, run)
        return not emphasis[run]
    return True


def emphasis_run(text: str, run: str) -> bool:
    """Whether the text uses a ``*`` run as emphasis: it opens somewhere, followed by a word (*大*, **bold**)."""
    if text.count(run) - text.count(run + "*") < 2:
        return False  # emphasis needs a pair
    return re.search(r"(?<!\*)" + re.escape(run) + r"(?=[^\s*.,;:!?，。；：！？、)）])", text) is not None


def _circled_is_marker(text: str, start: int) -> bool:
    """① opening a list item (start, after a space or punctuation, then text) enumerates; otherwise it marks."""
    at_item_start = start == 0 or text[start - 1].isspace() or text[start - 1] in ";；:：,，、。.(（" + CIRCLED_CHARS
    if not at_item_start:
        return True
    follower = text[start + 1] if start + 1 < len(text) else ""
    return follower == "" or follower in "。.,，;；、)）]"


def find_markers(text: str, lang: Literal["zh", "en"], labels: Collection[str] | None = None) -> list[Marker]:
    """Footnote markers in ``text``, in order.

    ``labels`` are the labels the document's notes define (in any form: "16", "①",
    "[1]"); with them, weak forms (``Hebei11``, ``福祉16``, bare ``注1``) count when
    they name a defined note. Without them only forms unambiguous by position count.
    """
    if not (_MAYBE if labels or lang == "en" else _MAYBE_NOT_DIGIT).search(text) and not (
        lang == "zh" and _ZH_RUNNING_MAYBE.search(text)
    ):
        return []
    if not labels:  # no notes: NUM and FN rules ask about the same segment, compute once
        return list(_find_markers_cached(text, lang))
    return _find_markers(text, lang, labels)


@lru_cache(maxsize=1 << 17)  # large: FN001's document pass comes after every pair was checked
def _find_markers_cached(text: str, lang: Literal["zh", "en"]) -> tuple[Marker, ...]:
    return tuple(_find_markers(text, lang, None))


def find_candidates(text: str, lang: Literal["zh", "en"]) -> list[Marker]:
    """Every marker ``text`` may hold: its markers and the weak forms no note confirms (福祉16, Hebei11,
    注1), a superscript after a number (``22¹``) and a number glued between hanzi (报告3第27段).

    Only the other language can confirm one: the same footnote number in a marker position there
    (qa.lang.markers.across)."""
    if not _MAYBE.search(text):
        return []
    return _find_markers(text, lang, None, candidates=True)


def _find_markers(
    text: str, lang: Literal["zh", "en"], labels: Collection[str] | None, candidates: bool = False
) -> list[Marker]:
    keys = None if labels is None else frozenset(label_key(label) for label in labels)

    def defined(label: str) -> bool:
        return candidates or (keys is not None and label_key(label) in keys)

    markers: list[Marker] = []
    covered = 0
    tokens = _TokenStarts(text)
    emphasis: dict[str, bool] = {}
    first_visible = -1  # where the text's first non-space character is, once needed
    visible_end = -1  # where its trailing whitespace starts, once needed
    code_end = -1  # where the last bracketed index of code ends
    for first in _MAYBE.finditer(text):
        # try the full pattern only where a candidate can start: much faster than finditer over it
        if first.start() < covered:
            continue
        match = _CANDIDATES.match(text, first.start())
        if match is None:
            continue
        kind = match.lastgroup
        start, end = match.span()
        covered = end
        marker: Marker | None = None
        if kind == "bracketed":
            inner = match.group("inner")
            if inner.isascii() and inner.isalpha():
                # look[s] forward, [a] mother: editors insert letters in brackets too
                if defined(inner):
                    marker = _marker(start, end, inner, "letter")
            else:
                if first_visible < 0:
                    first_visible = len(text) - len(text.lstrip())
                # "［2］是的" at the start of a segment labels it (a speaker, an item, a note) rather than refers
                if start == code_end or _indexes_code(text, start, end):
                    code_end = end  # a[1][2]: an index that follows an index
                elif start > first_visible:
                    marker = _marker(start, end, inner, "bracketed")
        elif kind == "zhu_paren":
            inner = match.group("zhu_inner")
            marker = _marker(start, end, inner, "note-word")
        elif kind == "circled":
            if _circled_is_marker(text, start):
                marker = _marker(start, end, match.group(), "circled")
        elif kind == "superscript":
            if start > 0 and not text[start - 1].isspace() and (candidates or not text[start - 1].isdecimal()):
                token = text[tokens(start) : start]
                word = _word_before(token)
                unit = bool(word) and (_looks_like_unit_or_code(word, token) or _preceded_by_number(text, start, token))
                if not unit or candidates:
                    marker = _marker(start, end, match.group(), "superscript")
        elif kind == "supletter":
            if start > 0 and not text[start - 1].isspace() and not text[start - 1].isdecimal():
                token = text[tokens(start) : start]
                word = _word_before(token)
                if not word or not _looks_like_unit_or_code(word, token):
                    marker = _marker(start, end, match.group(), "letter")
        elif kind == "symbol":
            run = match.group()
            # Chinese web text masks words with ** (对于不善于下厨的**是神器): weak there
            weak = lang == "zh" and run.startswith("**")
            if _symbol_is_marker(text, start, end, run, emphasis) and (not weak or defined(run)):
                marker = _marker(start, end, match.group(), "symbol")
        elif kind == "zhu":
            number = match.group("zhu_number")
            # 关注1个, 注12号: a bare 注N is a reference only when a note defines it and no word follows
            follows_word = end < len(text) and (_is_cjk(text[end]) or text[end].isalnum())
            if defined(number) and not follows_word:
                marker = _marker(start, end, number, "note-word")
        elif kind == "glued":
            if start > 0 and text[start - 1] in _RUNNING_AFTER:
                if visible_end < 0:
                    visible_end = len(text.rstrip())
                if running_form(text, start, end, lang, visible_end):
                    marker = _marker(start, end, match.group(), "running")
            elif end - start > 3 or start == 0 or not _GLUE_BEFORE.match(text, start - 1):
                continue
            else:
                strength = _glued_strength(text, start, end, lang, tokens)
                if strength is None and candidates and end - start < 3:
                    strength = _between_hanzi(text, start, end)
                if strength == "strong" or (strength == "weak" and defined(match.group())):
                    marker = _marker(start, end, match.group(), "glued")
        if marker is not None and marker.number != 0:  # notes are numbered from 1: [0] indexes
            markers.append(marker)
    if lang == "en" and text[-1:].isdecimal():
        title = title_end_marker(text)
        if title is not None and (not markers or markers[-1].end <= title[0]):
            markers.append(_marker(*title, text[title[0] : title[1]], "running"))
    return _without_series(text, markers)


def _between_hanzi(text: str, start: int, end: int) -> str | None:
    """'weak' for digits glued between hanzi or after a closing bracket and before a hanzi (报告3第27段)."""
    before = text[start - 1]
    if end < len(text) and _is_cjk(text[end]) and (_is_cjk(before) or before in _CLOSERS):
        return "weak"
    return None


def _indexes_code(text: str, start: int, end: int) -> bool:
    """A bracketed number glued to a code name indexes it: x[1], arr_2[3], myArray[1], obj.values[2],
    and whatever is followed by another index, an assignment, a call or a member (a[1][2], v[1]=0)."""
    before = text[start - 1] if start else ""
    if not (before.isascii() and (before.isalnum() or before == "_")):
        return False  # "clusters"[1], 9%[2], planning.[23]
    if end < len(text) and (text[end] in _CODE_AFTER or (text[end] == "." and text[end + 1 : end + 2].isalnum())):
        return True
    # the name the bracket is glued to: ASCII letters, digits and underscores (a bounded look back)
    index, floor = start, max(0, start - 64)
    while index > floor and ((text[index - 1].isascii() and text[index - 1].isalnum()) or text[index - 1] == "_"):
        index -= 1
    name = text[index:start]
    if not any(char.isalpha() or char == "_" for char in name):
        return False  # 第7[6]条, in 2018[2]: a number, then the marker
    if index > 0 and text[index - 1] in "._>$@`":
        return True  # obj.values[1], self->x[2], $a[1], `args[1]`
    if name.lower() in _ARRAY_TYPES:
        return True  # int[10], byte[4]: an array type
    return (
        len(name) < 2
        or "_" in name
        or any(char.isdecimal() for char in name)
        or any(char.isupper() for char in name[1:])
    )


def _without_series(text: str, markers: list[Marker]) -> list[Marker]:
    """Drop glued numbers that number a series of one word (chip1, chip2): identifiers, not notes."""
    glued = [marker for marker in markers if marker.form == "glued"]
    if len(glued) < 2:
        return markers
    tokens = _TokenStarts(text)
    words = [_word_before(text[tokens(marker.start) : marker.start]).lower() for marker in glued]
    counts = Counter(words)
    repeated = {word for word in words if word and counts[word] > 1}
    if not repeated:
        return markers
    series = {marker for marker, word in zip(glued, words, strict=True) if word in repeated}
    return [marker for marker in markers if marker not in series]


def _marker(start: int, end: int, label: str, form: MarkerForm) -> Marker:
    key = label_key(label)
    return Marker(start, end, label, form, int(key) if key.isdecimal() else None)


#: Forms that are footnote markers whatever the document defines: [1], ①, ¹, (注1).
UNAMBIGUOUS_FORMS: frozenset[str] = frozenset({"bracketed", "circled", "superscript", "note-word"})


def blank_markers(text: str, lang: Literal["zh", "en"]) -> str:
    """The text with its footnote markers replaced by spaces (same length), so that number
    extraction never reads ``aspects16`` or ``[16]`` as a number."""
    # the comma and semicolon forms stay soft numbers instead (qa.lang.markers.running)
    markers = [m for m in find_markers(text, lang) if m.form != "running" or not soft_in_numbers(text, m.start)]
    if not markers:
        return text
    pieces = []
    end = 0
    for marker in markers:  # joined once: a string rebuilt per marker made this quadratic
        pieces += (text[end : marker.start], " " * (marker.end - marker.start))
        end = marker.end
    pieces.append(text[end:])
    return "".join(pieces)
