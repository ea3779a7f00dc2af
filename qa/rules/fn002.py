"""FN002 footnote-marker-without-note: a marker that no note defines."""

from __future__ import annotations

from collections.abc import Iterator

from qa.lang.markers import UNAMBIGUOUS_FORMS, document_markers, has_notes_section, note_keys
from qa.model import Document, Hit
from qa.rules import Rule, register


@register
class FootnoteMarkerWithoutNote(Rule):
    """A footnote marker that no note in the notes section defines.

    The reader follows the marker to the notes and finds nothing: the note was
    dropped, or the marker was renumbered (a 16 that should be 17). Markers match
    notes by number, so ``aspects16``, ``[16]`` and ``¹⁶`` are all defined by ``[16]``.

    A document with no notes section at all (most TSV files) is reported only for
    markers unambiguous by form (``[1]``, ``①``, ``¹``, ``（注1）``): a number
    glued to a word or an asterisk there may be a model name or an emphasis, and
    the notes may live in another file, so there it is a warning, not an error. A
    marker found in both languages of one pair is reported once.

    **Fails:** ``…in seven aspects16…`` with the notes ``[17]…`` only.

    **Passes:** ``…in seven aspects16…`` with the notes ``[16]The seven aspects are…``.
    """

    code = "FN002"
    name = "footnote-marker-without-note"

    def finish(self, document: Document) -> Iterator[Hit]:
        defined = note_keys(document.notes)
        with_notes = has_notes_section(document)
        reported: set[tuple[int, str]] = set()
        for item in document_markers(document):
            marker = item.marker
            if marker.key in defined or (not with_notes and marker.form not in UNAMBIGUOUS_FORMS):
                continue
            where = (item.pair.index if item.pair is not None else -1 - item.segment.line, marker.key)
            if where in reported:
                continue
            reported.add(where)
            written = item.segment.text[marker.start : marker.end]
            if with_notes:
                message = f"footnote marker {written} has no note; notes define {_listing(defined)}"
            else:
                message = f"footnote marker {written} has no note: the document has no notes section"
            yield Hit(
                item.side,
                marker.start,
                marker.end,
                message,
                suggestion=f"add a note [{marker.key}] under the notes heading, or fix the marker's number",
                key=marker.key,
                pair=item.pair,
                segment=None if item.pair is not None else item.segment,
                severity=None if with_notes else "warning",  # the notes may be in another file
            )


def _listing(keys: frozenset[str]) -> str:
    if not keys:
        return "nothing"
    ordered = sorted(keys, key=lambda key: (not key.isdecimal(), int(key) if key.isdecimal() else 0, key))
    shown = ", ".join(ordered[:8])
    return shown + (", …" if len(ordered) > 8 else "")
