"""Markers placed in a document: every footnote marker of its pairs and unpaired text, judged with its notes."""

from __future__ import annotations

from dataclasses import dataclass

from qa.lang.markers.across import pair_markers
from qa.lang.markers.footnotes import Marker, find_markers
from qa.lang.markers.labels import note_keys
from qa.model import Document, Pair, Segment, Side

__all__ = ["PlacedMarker", "document_markers", "has_notes_section"]


@dataclass(frozen=True)
class PlacedMarker:
    """A marker found in a document: in which segment (and pair, if any) and which language."""

    marker: Marker
    segment: Segment
    pair: Pair | None

    @property
    def side(self) -> Side:
        return self.segment.lang

    @property
    def position(self) -> tuple[int, int]:
        return self.segment.locate(self.marker.start)


_last_document: tuple[Document, tuple[PlacedMarker, ...]] | None = None


def document_markers(document: Document) -> tuple[PlacedMarker, ...]:
    """Every marker of a document's pairs and unpaired text, in file order, judged with its notes.

    The FN rules all need this; the last document's result is kept so that it is
    computed once per document rather than once per rule.
    """
    global _last_document
    if _last_document is not None and _last_document[0] is document:
        return _last_document[1]
    labels = note_keys(document.notes)
    placed: list[PlacedMarker] = []
    for pair in document.pairs:
        zh_found, en_found = pair_markers(pair.zh.text, pair.en.text, labels)  # each side read with the other
        placed.extend(PlacedMarker(m, pair.zh, pair) for m in zh_found)
        placed.extend(PlacedMarker(m, pair.en, pair) for m in en_found)
    for segment in document.unpaired:
        placed.extend(PlacedMarker(m, segment, None) for m in find_markers(segment.text, segment.lang, labels))
    placed.sort(key=lambda item: (*item.position, item.side))
    result = tuple(placed)
    _last_document = (document, result)
    return result


def has_notes_section(document: Document) -> bool:
    """Whether the document has a notes section at all (a heading, or any note)."""
    return bool(document.notes) or document.notes_heading_line is not None
