"""TMX 1.4 translation memories (``.tmx``).

Each ``<tu>`` gives one pair: its Chinese ``<tuv>`` and its English ``<tuv>``,
told apart by ``xml:lang`` (``lang`` in TMX 1.1). A memory may hold more
languages; units without both a Chinese and an English variant are skipped, and
a memory with no such unit is an error naming the languages it has. Inline
``<bpt>``, ``<ept>``, ``<it>``, ``<ph>`` and ``<ut>`` hold native code, not text;
``<hi>`` is transparent. A ``<note>`` of the unit containing ``qa: ignore CODE``
silences those rules for the unit.
"""

from __future__ import annotations

from qa.model import Document, Pair, Segment
from qa.readers.errors import InputError, NotBilingualError
from qa.readers.languages import SUPPORTED_CODES, side_of, suppressions
from qa.readers.xmlsupport import XML_LANG, InlineRules, RawText, iterparse, local_name, release

INLINE = InlineRules(
    paired=frozenset(),
    code=frozenset({"bpt", "ept", "it", "ph", "ut"}),
    empty=frozenset(),
)


def read_tmx(path: str, lines: list[str]) -> Document:
    raw = RawText("\n".join(lines))
    pairs: list[Pair] = []
    languages: dict[str, None] = {}
    variants: dict[str, Segment] = {}
    notes: list[str] = []
    root_seen = False
    header_source = tu_source = None
    for event, element in iterparse(raw.text):
        name = local_name(element)
        if event == "start":
            if not root_seen:
                root_seen = True
                if name != "tmx":
                    raise InputError(f"not a TMX file: the root element is <{name}>, not <tmx>")
            elif name == "header":
                header_source = side_of(element.get("srclang"))
            elif name == "tu":
                variants, notes = {}, []
                tu_source = side_of(element.get("srclang")) or header_source
            continue
        if name == "seg":
            variant = element.getparent()
            code = variant.get(XML_LANG) or variant.get("lang") if variant is not None else None
            languages[code or "(none)"] = None
            side = side_of(code)
            if side is None or side in variants:
                raw.locate(element)  # another language, or a second zh variant: keep the search in step
                continue
            variants[side] = raw.segment(element, side, INLINE)[None]
        elif name == "note" and element.getparent() is not None and local_name(element.getparent()) == "tu":
            notes.append("".join(element.itertext()))
        elif name == "tu":
            zh, en = variants.get("zh"), variants.get("en")
            if zh is not None and en is not None and zh.text.strip() and en.text.strip():
                source = tu_source or next(iter(variants))  # srclang "*all*" or none: the first variant
                pairs.append(Pair(zh, en, len(pairs), suppressions(*notes), source))
            release(element)
    if not pairs:
        found = ", ".join(languages) or "none"
        raise NotBilingualError(
            f"no unit has both a Chinese and an English variant (languages: {found}; "
            f"qa checks Chinese/English pairs: {SUPPORTED_CODES})"
        )
    return Document(path, tuple(pairs), (), (), None, len(lines))
