"""XLIFF 1.2 (``.xlf``, ``.xliff``, Trados ``.sdlxliff``) and XLIFF 2.x.

Each translation unit gives one pair per segment: in XLIFF 1.2 the ``<source>``
and ``<target>`` of a ``<trans-unit>``, or, where the unit is segmented (Trados
``<seg-source>``), each ``<mrk mtype="seg" mid="N">`` of the source with the
target's marker of the same ``mid``; in XLIFF 2.x each ``<segment>`` of a
``<unit>``. The file's languages (``source-language``/``target-language`` of each
``<file>``, ``srcLang``/``trgLang`` of 2.x) decide which side is Chinese; a
target's own ``xml:lang`` stands in when ``target-language`` is missing.

Units without a target, or with an empty one, are not yet translated and are
skipped; so are ``translate="no"`` units and ``<alt-trans>`` proposals. A
``<note>`` containing ``qa: ignore CODE`` silences those rules for the unit.
"""

from __future__ import annotations

from qa.model import Document, Pair, Segment
from qa.readers.errors import InputError, NotBilingualError
from qa.readers.languages import require_sides, suppressions
from qa.readers.xmlsupport import XML_LANG, InlineRules, RawText, iterparse, local_name, release

INLINE = InlineRules(
    paired=frozenset({"g", "pc"}),
    code=frozenset({"ph", "bpt", "ept", "it"}),
    empty=frozenset({"x", "bx", "ex", "sc", "ec"}),
)
_LOCATED = frozenset({"source", "target", "seg-source"})
_UNIT_PARENTS = frozenset({"trans-unit", "segment"})


def _segment_marker(element) -> str | None:
    """The key of a Trados segment marker: ``<mrk mtype="seg" mid="3">`` → "3"."""
    if local_name(element) == "mrk" and element.get("mtype") == "seg":
        return element.get("mid") or ""
    return None


def read_xliff(path: str, lines: list[str]) -> Document:
    raw = RawText("\n".join(lines))
    pairs: list[Pair] = []
    version = ""
    languages: tuple[str | None, str | None] = (None, None)
    unit: list[tuple[dict, dict]] = []  # per segment of the current unit: sources, targets by key
    notes: list[str] = []
    segmented = False
    root_seen = False
    for event, element in iterparse(raw.text):
        name = local_name(element)
        if event == "start":
            if not root_seen:
                root_seen = True
                if name != "xliff":
                    raise InputError(f"not an XLIFF file: the root element is <{name}>, not <xliff>")
                version = element.get("version") or "1.2"
                if not version.startswith("1"):
                    languages = (element.get("srcLang"), element.get("trgLang"))
            elif name == "file" and version.startswith("1"):
                languages = (element.get("source-language"), element.get("target-language"))
            elif name in ("trans-unit", "unit"):
                unit, notes, segmented = [], [], False
            elif name == "segment":
                unit.append(({}, {}))
            continue
        if name in _LOCATED:
            parent = element.getparent()
            if parent is None or local_name(parent) not in _UNIT_PARENTS:
                raw.locate(element)  # an <alt-trans> proposal: keep the search in step, skip it
                continue
            if not unit:  # a 1.2 trans-unit has no <segment>; nor has a <unit> nested in a <source> (not valid)
                unit.append(({}, {}))
            sources, targets = unit[-1]
            source_lang, target_lang = languages
            if name == "target" and not target_lang:
                target_lang = element.get(XML_LANG)
            source_side, target_side = require_sides(source_lang, target_lang)
            if name == "source" and not segmented:
                sources.update(raw.segment(element, source_side, INLINE))
            elif name == "seg-source":
                segmented = True
                sources.clear()
                sources.update(raw.segment(element, source_side, INLINE, split=_segment_marker))
            elif name == "target":
                targets.update(raw.segment(element, target_side, INLINE, split=_segment_marker if segmented else None))
        elif name == "note":
            notes.append("".join(element.itertext()))
        elif name in ("trans-unit", "unit"):
            if element.get("translate") != "no":
                suppress = suppressions(*notes)
                for sources, targets in unit:
                    for key, source in sources.items():
                        target = targets.get(key)
                        if target is None or not target.text.strip() or not source.text.strip():
                            continue
                        pairs.append(_pair(source, target, len(pairs), suppress))
            unit = []
            release(element)
    if not pairs:
        if all(languages):
            require_sides(*languages)
        raise NotBilingualError("no translated units: no unit has both a source and a non-empty target")
    return Document(path, tuple(pairs), (), (), None, len(lines))


def _pair(source: Segment, target: Segment, index: int, suppress: tuple[str, ...]) -> Pair:
    zh, en = (source, target) if source.lang == "zh" else (target, source)
    return Pair(zh, en, index, suppress)
