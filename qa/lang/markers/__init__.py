"""Footnote markers and note labels: footnotes.py finds markers in text (and blanks them for the
number extractors), running.py the footnote numbers of running text (``Committee,9 and``), across.py
reads a pair's two sides with each other, labels.py reads the labels notes define, notes.py places
markers in a document."""

from qa.lang.markers.across import pair_markers, unmatched_markers
from qa.lang.markers.footnotes import UNAMBIGUOUS_FORMS, Marker, blank_markers, find_candidates, find_markers
from qa.lang.markers.labels import label_key, note_keys, note_label, note_label_span
from qa.lang.markers.notes import PlacedMarker, document_markers, has_notes_section

__all__ = [
    "UNAMBIGUOUS_FORMS",
    "Marker",
    "PlacedMarker",
    "blank_markers",
    "document_markers",
    "find_candidates",
    "find_markers",
    "has_notes_section",
    "label_key",
    "note_keys",
    "note_label",
    "note_label_span",
    "pair_markers",
    "unmatched_markers",
]
