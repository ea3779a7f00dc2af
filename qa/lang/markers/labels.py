"""Note labels: the forms a footnote label takes (①, [1], ¹, 注1, Note 1, *) and their comparable keys.

A marker in the text and the note it sends to match on ``label_key``: ``①``, ``[1]``,
``¹`` and ``注1`` are all "1".
"""

from __future__ import annotations

import re
from collections.abc import Collection

from qa.model import Note

__all__ = [
    "CIRCLED_CHARS",
    "SUPERSCRIPT_DIGITS",
    "SUPERSCRIPT_LETTERS",
    "label_key",
    "note_keys",
    "note_label",
    "note_label_span",
]

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUPERSCRIPT_LETTERS = "ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ"
_SUPERSCRIPT_TO_ASCII = str.maketrans(
    SUPERSCRIPT_DIGITS + SUPERSCRIPT_LETTERS + "０１２３４５６７８９",
    "0123456789" + "abcdefghijklmnoprstuvwxyz" + "0123456789",
)
# ①-⑳, ㉑-㉟, ㊱-㊿, and the dingbat ❶-❿ / ➀-➉ forms.
_CIRCLED = (
    [(chr(0x2460 + i), i + 1) for i in range(20)]
    + [(chr(0x3251 + i), i + 21) for i in range(15)]
    + [(chr(0x32B1 + i), i + 36) for i in range(15)]
    + [(chr(0x2776 + i), i + 1) for i in range(10)]
    + [(chr(0x2780 + i), i + 1) for i in range(10)]
)
_CIRCLED_VALUE = dict(_CIRCLED)
CIRCLED_CHARS = "".join(char for char, _ in _CIRCLED)


def label_key(label: str) -> str:
    """A label in its comparable form: "①", "[1]", "¹", "注1", "Note 1", "01" → "1"; "A" → "a"; "*" stays."""
    text = label.strip().strip("[]［］()（）").strip()
    text = re.sub(r"^(?:注|註|Note\s*)", "", text, flags=re.IGNORECASE).strip().rstrip(".:：、)）")
    if len(text) == 1 and text in _CIRCLED_VALUE:
        return str(_CIRCLED_VALUE[text])
    text = text.translate(_SUPERSCRIPT_TO_ASCII)
    if text.isdecimal():
        return str(int(text))
    return text.lower()


_NOTE_LABEL = re.compile(
    r"""^\s*(?:
        [\[［(（](?:注|註|Note\s?)?(?P<a>\d{1,3}|[a-zA-Z]|[CIRCLED]|\*{1,3}|[†‡])[\]］)）]
      | (?:注|註|Note\s?)(?P<b>\d{1,3}|[CIRCLED])[.:：、\s]?
      | (?P<c>[CIRCLED]|[SUPERDIGITS]{1,3}|\*{1,3}|[†‡]{1,2})
      | (?P<d>\d{1,3})[.:：、)）](?!\d)
    )""".replace("CIRCLED", CIRCLED_CHARS).replace("SUPERDIGITS", SUPERSCRIPT_DIGITS),
    re.VERBOSE | re.IGNORECASE,
)


def note_label(note: Note) -> str:
    """The label a note defines: the reader's ``[label]``, else one re-parsed from the start of its text.

    Covers ``①…``, ``1. …``, ``注1:…``, ``*…``, ``¹…`` and ``(1)…`` definitions that the
    reader's ``[label]`` parse leaves with an empty label. "" when it defines nothing.
    """
    if note.label:
        return note.label
    match = _NOTE_LABEL.match(note.segment.text)
    if match is None:
        return ""
    return next(group for group in match.groups() if group)


def note_label_span(note: Note) -> tuple[int, int]:
    """Where the note's label is in ``note.segment.text`` when it was re-parsed, else (0, 0)."""
    if note.label:
        return 0, 0
    match = _NOTE_LABEL.match(note.segment.text)
    return (match.start(), match.end()) if match else (0, 0)


def note_keys(notes: Collection[Note]) -> frozenset[str]:
    """The comparable keys of every label the notes define."""
    return frozenset(label_key(label) for note in notes if (label := note_label(note)))
