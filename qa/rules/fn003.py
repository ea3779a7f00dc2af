"""FN003 footnote-note-unused: a note that no marker refers to."""

from __future__ import annotations

from collections.abc import Iterator

from qa.lang.markers import document_markers, label_key, note_label, note_label_span
from qa.model import Document, Hit
from qa.rules import Rule, register


@register
class FootnoteNoteUnused(Rule):
    """A note in the notes section that no marker in the text refers to.

    The note explains something the reader is never sent to: its marker was
    dropped from the text, or renumbered so that it points elsewhere. Markers in
    either language count, in pairs and in unpaired text, so a note referred to
    only from the English (the seeds' ``aspects16``) is used. Lines of the notes
    section that define no label (a credit line such as 英文:北京外办, a note's
    second paragraph) are not notes to refer to.

    Reported at the note's text, where its definition starts.

    **Fails:** the note ``[17]In this context, a better life means…`` when the
    text reads ``…a better life in five areas.`` (the 17 was dropped).

    **Passes:** the same note with the text ``…a better life in five areas17.``
    """

    code = "FN003"
    name = "footnote-note-unused"
    severity = "warning"

    def finish(self, document: Document) -> Iterator[Hit]:
        if not document.notes:
            return
        referred = {item.marker.key for item in document_markers(document)}
        for note in document.notes:
            label = note_label(note)
            if not label or label_key(label) in referred:
                continue
            text = note.segment.text
            start, end = note_label_span(note)
            if end == 0:
                end = len(text.split("\n", 1)[0])  # the reader cut the label off: point at the definition
            yield Hit(
                note.segment.lang,
                start,
                end,
                f"note {label} is not referred to by any marker",
                suggestion=f"add the marker {label_key(label)} where the noted phrase is, or remove the note",
                key=label_key(label),
                segment=note.segment,
            )
