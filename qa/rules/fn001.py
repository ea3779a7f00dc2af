"""FN001 footnote-marker-mismatch: a pair's Chinese and English carry different footnote markers."""

from __future__ import annotations

import re
from collections.abc import Iterator

from qa.lang.markers import (
    UNAMBIGUOUS_FORMS,
    Marker,
    document_markers,
    has_notes_section,
    pair_markers,
    unmatched_markers,
)
from qa.model import Document, Hit, Pair, Side
from qa.rules import Rule, register

_LANGUAGE = {"zh": "chinese", "en": "english"}
#: Markers written as plain digits, the trace of a superscript an export lost (aspects16, Committee,9): the other
#: language's export may have lost every one, and a number glued to a name may be the name's.
_SUPERSCRIPT_TRACES = frozenset({"glued", "running"})
_DIGIT_RUNS = re.compile(r"(?<![0-9])[0-9]{1,3}(?![0-9])")


@register
class FootnoteMarkerMismatch(Rule):
    """A footnote marker in one language of a pair is missing or different in the other.

    A marker sends the reader to a note; when the translation drops it or writes
    another one (① becomes [2]), the reader of one language lands on the wrong
    note or on none. Markers compare by number, so ①, [1], ¹ and a glued 1 agree, and
    each side is read with the other: the same footnote number in marker positions is
    one marker (``报告3第27段`` / ``Questions,3 and``, UN English's footnote after the
    comma), while code copied into both (``int[10]``) and an editor's bracket
    (``[第18条]`` / ``article [18]``) are none.

    A marker of the source written as a character of its own that the translation lost
    is reported whatever its form (``临时议程*`` / ``provisional agenda``, ``公报①`` /
    ``The communique``). Plain digits are another matter: they are what a superscript
    becomes when a text export loses it, and exports often lose superscripts in one
    language only: the seeds' Chinese carries no markers at all while the English reads
    ``seven aspects16``. So a marker the other language lacks is reported, when it is a
    translation's marker or a source's plain digits, only when that other language does
    carry markers elsewhere in the same document; a language that never carries one has
    lost them all, and that is not a per-pair error. In a document without a notes section (most TSV files)
    only markers unambiguous by form (``[1]``, ``①``, ``¹``) count for this, since
    ``refund*`` or ``user26`` may be no marker at all. When both sides of a pair carry
    markers, every difference is reported.

    **Fails:** ``推进“六链五群”①建设。`` / ``Advance the "six chains and five clusters"[2].``
    (marker ① is [2] in English); ``公报①`` / ``The communique``.

    **Passes:** ``推进“六链五群”①建设。`` / ``Advance the "six chains and five clusters"[1].``;
    and in the seeds, ``紧扣“七有”要求`` / ``in seven aspects16`` in a document whose
    Chinese has no markers.
    """

    code = "FN001"
    name = "footnote-marker-mismatch"
    pure = True

    def check(self, pair: Pair) -> Iterator[Hit]:
        # Without the document's notes, markers are found by form and position, each side read with the other.
        zh_markers, en_markers = pair_markers(pair.zh.text, pair.en.text)
        if not zh_markers and not en_markers:
            return
        if not zh_markers or not en_markers:
            if zh_markers if pair.source == "zh" else en_markers:
                # a source's marker written as a character of its own is lost in the translation, whatever its
                # form; plain digits (aspects16, Committee,9) are the trace of a superscript, which the
                # translation's export may have lost everywhere: finish() judges them with the document
                source = pair.source
                text = pair.side(source).text
                yield from (
                    self._missing(source, marker, text)
                    for marker in zh_markers or en_markers
                    if marker.form not in _SUPERSCRIPT_TRACES
                )
            return  # a translation's marker the source lacks is judged with the whole document in finish()
        zh_left = unmatched_markers(zh_markers, en_markers)
        en_left = unmatched_markers(en_markers, zh_markers)
        for zh_marker, en_marker in zip(zh_left, en_left, strict=False):
            yield Hit(
                "en",
                en_marker.start,
                en_marker.end,
                f"footnote marker {pair.en.text[en_marker.start : en_marker.end]} in english is "
                f"{pair.zh.text[zh_marker.start : zh_marker.end]} in chinese",
                suggestion=f"make both markers refer to the same note ({zh_marker.label} or {en_marker.label})",
            )
        for side, markers, text in (
            ("zh", zh_left[len(en_left) :], pair.zh.text),
            ("en", en_left[len(zh_left) :], pair.en.text),
        ):
            yield from (self._missing(side, marker, text) for marker in markers)

    #: The languages carrying markers in the whole file when ``finish`` sees a part of it at a time (a file
    #: read in chunks: qa/streaming.py); None: those of the document ``finish`` sees.
    file_languages: frozenset[Side] | None = None

    @staticmethod
    def languages_with_markers(placed, with_notes: bool) -> set[Side]:
        """The languages whose pairs show that they keep their markers: any marker when the document has
        notes; with no notes to confirm them, only markers unambiguous by form ([1], ①, ¹)."""
        return {
            item.side
            for item in placed
            if item.pair is not None and (with_notes or item.marker.form in UNAMBIGUOUS_FORMS)
        }

    def finish(self, document: Document) -> Iterator[Hit]:
        placed = document_markers(document)
        with_notes = has_notes_section(document)
        languages_with_markers = (
            self.languages_with_markers(placed, with_notes) if self.file_languages is None else self.file_languages
        )
        by_pair: dict[int, dict[Side, list]] = {}
        for item in placed:
            if item.pair is not None:
                by_pair.setdefault(item.pair.index, {"zh": [], "en": []})[item.side].append(item)
        for sides in by_pair.values():
            if sides["zh"] and sides["en"]:
                continue  # both sides carry markers: check() compared them
            items = sides["zh"] or sides["en"]
            pair, side = items[0].pair, items[0].side
            if side == pair.source:
                # check() reported the source's markers written as characters, found without the notes
                found = pair_markers(pair.zh.text, pair.en.text)[0 if side == "zh" else 1]
                reported = {(marker.start, marker.end) for marker in found if marker.form not in _SUPERSCRIPT_TRACES}
                items = [item for item in items if (item.marker.start, item.marker.end) not in reported]
                if items:
                    kept = set(map(int, _DIGIT_RUNS.findall(pair.side(pair.target).text)))
                    # python3 / Python 3: digits the translation keeps as a number are the name's
                    items = [
                        item
                        for item in items
                        if item.marker.form not in _SUPERSCRIPT_TRACES or item.marker.number not in kept
                    ]
            if not items:
                continue
            if len(languages_with_markers) < 2:
                continue  # the other language carries no marker anywhere: its markers were lost as a whole
            if not with_notes:
                items = [item for item in items if item.marker.form in UNAMBIGUOUS_FORMS]
            for item in items:
                hit = self._missing(item.side, item.marker, item.segment.text)
                yield Hit(hit.side, hit.start, hit.end, hit.message, hit.suggestion, pair=item.pair)

    @staticmethod
    def _missing(side: Side, marker: Marker, text: str) -> Hit:
        other: Side = "en" if side == "zh" else "zh"
        written = text[marker.start : marker.end]
        return Hit(
            side,
            marker.start,
            marker.end,
            f"footnote marker {written} in {_LANGUAGE[side]} has no marker in {_LANGUAGE[other]}",
            suggestion=f"add the marker to the {_LANGUAGE[other]} where the noted phrase is",
        )
