"""XLIFF 1.2 (``.xlf``, ``.xliff``, Trados ``.sdlxliff``) and XLIFF 2.x.

Each translation unit gives one pair per segment: in XLIFF 1.2 the ``<source>``
and ``<target>`` of a ``<trans-unit>``, or, where the unit is segmented (Trados
``<seg-source>``), each ``<mrk mtype="seg" mid="N">`` of the source with the
target's marker of the same ``mid``; in XLIFF 2.x each ``<segment>`` of a
``<unit>``. The file's languages (``source-language``/``target-language`` of each
``<file>``, ``srcLang``/``trgLang`` of 2.x) decide which side is Chinese; a
target's own ``xml:lang`` stands in when ``target-language`` is missing.

The source language is the source of every pair (``Pair.source``); a file that names
no target language takes the other of zh and en (an English source has a Chinese
target), and one that names neither reads the source text's script.
Catalogue states (docs/formats.md): a unit whose state says it is not translated yet
(1.2 ``new``, ``needs-translation``; 2.x ``initial``) is skipped, even when a tool filled
its target with the source, and so is a unit without a target or with an empty one;
both are counted as untranslated in ``Document.skipped``. A unit whose state says it
is translated (``translated``, ``final``, ``signed-off``, 2.x ``reviewed``) is checked
even when its target is empty, so TERM005 reports it; review states
(``needs-review-translation``…) are checked. ``translate="no"`` units and
``<alt-trans>`` proposals are skipped. A
``<note>`` containing ``qa: ignore CODE`` silences those rules for the unit.

Inline elements are tags; placeholders written in the text (Xcode's ``%1$@``, ``%d``, ``{0}``)
are the safe common set, and HTML escaped in the text (``&lt;strong&gt;``) is markup
(``Pair.syntaxes``); ICU plural and select arguments (Angular's ``{VAR_PLURAL, plural, …}``) are
compared by TAG001 wherever they are written.
"""

from __future__ import annotations

from collections import Counter

import regex

from qa.lang.placeholders import MARKUP
from qa.model import Document, Pair, Segment
from qa.readers.errors import InputError, NotBilingualError
from qa.readers.languages import require_sides, side_of, suppressions
from qa.readers.xmlsupport import XML_LANG, InlineRules, RawText, iterparse, local_name, release

INLINE = InlineRules(
    paired=frozenset({"g", "pc"}),
    code=frozenset({"ph", "bpt", "ept", "it"}),
    empty=frozenset({"x", "bx", "ex", "sc", "ec"}),
)
_LOCATED = frozenset({"source", "target", "seg-source"})
_UNIT_PARENTS = frozenset({"trans-unit", "segment"})
_UNTRANSLATED_STATES = frozenset({"new", "needs-translation", "initial"})
_TRANSLATED_STATES = frozenset({"translated", "final", "signed-off", "reviewed"})
_HAN = regex.compile(r"\p{Han}")


def _target_language(source_lang: str | None, element) -> str | None:
    """What stands in for a missing target-language: the other of zh and en."""
    side = side_of(source_lang)
    if side is None and not source_lang:
        side = "zh" if _HAN.search("".join(element.itertext())) else "en"
        return "en" if side == "zh" else "zh"
    return {"zh": "en", "en": "zh"}.get(side or "")


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
    states: list[str | None] = []  # per segment of the current unit: the state of its target
    skipped: Counter[str] = Counter()
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
                unit, states, notes, segmented = [], [], [], False
            elif name == "segment":
                unit.append(({}, {}))
                states.append(element.get("state"))
            continue
        if name in _LOCATED:
            parent = element.getparent()
            if parent is None or local_name(parent) not in _UNIT_PARENTS:
                raw.locate(element)  # an <alt-trans> proposal: keep the search in step, skip it
                continue
            if not unit:  # a 1.2 trans-unit has no <segment>; nor has a <unit> nested in a <source> (not valid)
                unit.append(({}, {}))
                states.append(None)
            sources, targets = unit[-1]
            source_lang, target_lang = languages
            if name == "target" and not target_lang:
                target_lang = element.get(XML_LANG)
            if not target_lang:
                target_lang = _target_language(source_lang, element)
            if not source_lang:
                source_lang = "en" if side_of(target_lang) == "zh" else "zh"
            source_side, target_side = require_sides(source_lang, target_lang)
            if name == "source" and not segmented:
                sources.update(raw.segment(element, source_side, INLINE))
            elif name == "seg-source":
                segmented = True
                sources.clear()
                sources.update(raw.segment(element, source_side, INLINE, split=_segment_marker))
            elif name == "target":
                states[-1] = element.get("state") or states[-1]
                targets.update(raw.segment(element, target_side, INLINE, split=_segment_marker if segmented else None))
        elif name == "note":
            notes.append("".join(element.itertext()))
        elif name in ("trans-unit", "unit"):
            if element.get("translate") != "no":
                suppress = suppressions(*notes)
                for (sources, targets), state in zip(unit, states, strict=True):
                    for key, source in sources.items():
                        target = targets.get(key)
                        if not source.text.strip():
                            continue
                        claimed = state in _TRANSLATED_STATES
                        if state in _UNTRANSLATED_STATES or target is None or not (target.text.strip() or claimed):
                            skipped["untranslated"] += 1
                            continue
                        pairs.append(_pair(source, target, len(pairs), suppress))
            unit = []
            release(element)
    if not pairs:
        if all(languages):
            require_sides(*languages)
        raise NotBilingualError("no translated units: no unit has both a source and a non-empty target")
    return Document(path, tuple(pairs), (), (), None, len(lines), tuple(skipped.items()))


def _pair(source: Segment, target: Segment, index: int, suppress: tuple[str, ...]) -> Pair:
    zh, en = (source, target) if source.lang == "zh" else (target, source)
    return Pair(zh, en, index, suppress, source.lang, (MARKUP,))
