"""FN004 footnote-marker-order: markers out of order or repeated in a document."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from qa.lang.markers import (
    PlacedMarker,
    document_markers,
    has_notes_section,
    label_key,
    note_label,
)
from qa.model import Document, Hit, Side
from qa.rules import Rule, register


def _rank(item: PlacedMarker) -> tuple[str, int] | None:
    """The marker's place in its numbering: numbers and letters are numbered apart; symbols are not numbered."""
    marker = item.marker
    if marker.number is not None:
        return "number", marker.number
    if len(marker.key) == 1 and "a" <= marker.key <= "z":
        return "letter", ord(marker.key)
    return None


@register
class FootnoteMarkerOrder(Rule):
    """Footnote markers out of order, or one number used twice, in one language of a document.

    Notes are numbered in the order the text refers to them; a marker lower than
    one before it, or a number used a second time, usually means a renumbering
    went wrong and some marker now points at the wrong note. Each language is
    read on its own, in file order; numbers and letters (a, b, c) are checked
    apart, symbols (``*``, ``†``) not at all. A sequence may start anywhere (an
    excerpt starting at note 16 is fine) and may skip numbers (FN002 and FN003
    report what a gap breaks).

    Numbering that restarts (the notes define the same label twice, as per-page
    ① notes do) is not checked, nor is a document with no notes section: there
    ``[2]`` used again is a citation, and a TSV of unrelated pairs has no order.

    **Fails:** ``…seven aspects17 … five areas16.`` (16 after 17), or
    ``…seven aspects16 … five areas16.`` (16 twice).

    **Passes:** ``…seven aspects16 … five areas17.``
    """

    code = "FN004"
    name = "footnote-marker-order"
    severity = "warning"

    def finish(self, document: Document) -> Iterator[Hit]:
        definitions = Counter(label_key(label) for note in document.notes if (label := note_label(note)))
        if any(count > 1 for count in definitions.values()):
            return  # numbering restarts (per page or per chapter): order is not the document's
        if not has_notes_section(document):
            return  # citations ([2] again) and corpora of unrelated pairs reuse numbers freely
        highest: dict[tuple[Side, str], PlacedMarker] = {}
        first_seen: dict[tuple[Side, str], PlacedMarker] = {}
        for item in document_markers(document):
            rank = _rank(item)
            if rank is None:
                continue
            family, value = rank
            written = item.segment.text[item.marker.start : item.marker.end]
            previous = first_seen.get((item.side, item.marker.key))
            top = highest.get((item.side, family))
            message = None
            if previous is not None:
                line, column = previous.position
                message = f"footnote marker {written} is used again (first at line {line}, column {column})"
                suggestion = "give each reference its own note number, in order"
            elif top is not None and value < _rank(top)[1]:  # type: ignore[index]
                shown = top.segment.text[top.marker.start : top.marker.end]
                message = f"footnote marker {written} comes after {shown}: out of order"
                suggestion = "renumber the markers and their notes in the order of the text"
            else:
                first_seen[(item.side, item.marker.key)] = item
                if top is None or value > _rank(top)[1]:  # type: ignore[index]
                    highest[(item.side, family)] = item
            if message is not None:
                yield Hit(
                    item.side,
                    item.marker.start,
                    item.marker.end,
                    message,
                    suggestion=suggestion,
                    key=item.marker.key,
                    pair=item.pair,
                    segment=None if item.pair is not None else item.segment,
                )
