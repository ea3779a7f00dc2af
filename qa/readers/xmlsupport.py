"""Hardened, streaming XML for the XLIFF and TMX readers, with exact text positions.

lxml parses (libxml2: fast, maintained, streaming with ``iterparse``) with entity
expansion, DTD loading and network access off and libxml2's size limits on. A
file that declares entities is refused outright: entity declarations are how
billion-laughs (exponential expansion) and XXE (reading local files or URLs)
attacks work, and no CAT tool's export needs them.

lxml reports only the line an element's start tag ends on, so the segment
positions come from the raw text: the element's start tag is found from that
line, and its content is walked token by token (text, entities, CDATA, inline
tags), every character keeping its file line and column.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from lxml import etree

from qa.model import Segment, Side
from qa.readers.errors import InputError
from qa.readers.pieces import LineIndex, SegmentBuilder

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

_ROOT_START = re.compile(r"<[A-Za-z_]")  # the first start tag: everything before it is the prolog
_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}
_TOKEN = re.compile(
    r"(?P<comment><!--.*?-->)"
    r"|<!\[CDATA\[(?P<cdata>.*?)\]\]>"
    r"|(?P<pi><\?.*?\?>)"
    r"|</(?P<end>[^\s>]+)\s*>"
    r"|<(?P<start>[^\s/>!?]+)(?:[^>\"']|\"[^\"]*\"|'[^']*')*?/?>"
    r"|&(?P<entity>#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*);"
    r"|(?P<text>[^<&]+)",
    re.DOTALL,
)
_START_TAG_END = re.compile(r"(?:[^>\"']|\"[^\"]*\"|'[^']*')*?(/?)>", re.DOTALL)


def local_name(element: etree._Element) -> str:
    tag = element.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""  # "{namespace}target" → "target"


def iterparse(text: str, events: tuple[str, ...] = ("start", "end")) -> Iterator[tuple[str, etree._Element]]:
    """Hardened streaming parse; syntax errors and entity declarations become InputError."""
    root = _ROOT_START.search(text)
    if "<!ENTITY" in text[: root.start() if root else len(text)].upper():
        raise InputError(
            "the file declares XML entities (<!ENTITY>); refused: entity declarations are how "
            "billion-laughs and external-entity (XXE) attacks work, and translation files do not need them"
        )
    parser = etree.iterparse(
        io.BytesIO(text.encode("utf-8")),
        events=events,
        encoding="utf-8",  # the text is already decoded; its declaration may name another encoding
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        huge_tree=False,
        remove_comments=False,
    )
    try:
        yield from parser
    except etree.XMLSyntaxError as error:
        line = getattr(error, "lineno", None) or (error.position[0] if error.position else 0)
        message = str(error.msg if hasattr(error, "msg") else error).split(", line")[0]
        message = " ".join(message.split())  # libxml2 may end it with a newline: the error is one line
        raise InputError(f"not well-formed XML at line {line}: {message}") from None


def release(element: etree._Element) -> None:
    """Free a processed element and its earlier siblings so memory stays flat on huge files."""
    element.clear(keep_tail=True)
    parent = element.getparent()
    while parent is not None and element.getprevious() is not None:
        del parent[0]


@dataclass(frozen=True)
class InlineRules:
    """How a format's inline elements count: text, tags or neither (local names)."""

    paired: frozenset[str]  # start and end are tags, content is text: <g>, <pc>
    code: frozenset[str]  # the whole element is one tag, content is native code: <ph>, <bpt>, <ept>, <it>
    empty: frozenset[str]  # empty placeholders: <x/>, <bx/>, <ex/>, <sc/>, <ec/>
    # anything else (<mrk>, <hi>, unknown extensions) is transparent: its content is text


def tag_key(name: str, element: etree._Element | None) -> str:
    """What must match on the other side: the kind and the id (or the native code)."""
    if element is None:
        return name
    ident = next(
        (element.get(attribute) for attribute in ("x", "id", "rid", "i", "startRef") if element.get(attribute)), None
    )
    if ident is None and name in ("ph", "it", "ut", "bpt", "ept"):
        ident = "".join(element.itertext()).strip()
    return f"{name}#{ident}" if ident else name


class RawText:
    """The decoded file text, to find elements and walk their content with positions."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.index = LineIndex(text)
        self._cursors: dict[str, int] = {}

    def locate(self, element: etree._Element) -> int | None:
        """Offset just after the name in the element's start tag (``<target|``), or None.

        Elements of one name never nest in these formats and are located in
        document order, so each search starts after the previous one of that name
        and at most a few lines before the line lxml reports (where the tag ends).
        """
        name = local_name(element)
        pattern = re.compile(rf"<(?:[\w.-]+:)?{re.escape(name)}(?=[\s/>])")
        line = element.sourceline or 1
        cursor = self._cursors.get(name, 0)
        limit = self.index.starts[line] if line < len(self.index.starts) else len(self.text)
        match = pattern.search(self.text, cursor, limit)
        if match is None:
            return None
        self._cursors[name] = match.end()
        return match.end()

    def segment(
        self,
        element: etree._Element,
        lang: Side,
        rules: InlineRules,
        split: Callable[[etree._Element], str | None] | None = None,
    ) -> dict[str | None, Segment]:
        """The element's content as segments with file positions.

        Without ``split`` the whole content is one segment, under the key None.
        With it, each descendant for which ``split`` returns a key (SDLXLIFF's
        ``<mrk mtype="seg" mid="1">``) is a segment of its own and text outside
        them is ignored.
        """
        start = self.locate(element)
        expected = etree.tostring(element, method="text", encoding="unicode", with_tail=False)
        if start is not None:
            try:
                return self._walk(element, start, lang, rules, split, expected)
            except _Mismatch:
                pass
        # Could not map this element onto the raw text: keep its text at its line.
        builder = SegmentBuilder(lang, element.sourceline or 1, 1)
        builder.add_unmapped(expected.replace("\n", " "), element.sourceline or 1, 1)
        return {None: builder.build()}

    def _walk(self, element, start, lang, rules, split, expected) -> dict[str | None, Segment]:
        text, position = self.text, self.index.position
        tag_end = _START_TAG_END.match(text, start)
        if tag_end is None:
            raise _Mismatch
        descendants = iter(element.iterdescendants(tag=etree.Element))
        segments: dict[str | None, Segment] = {}
        builder: SegmentBuilder | None = SegmentBuilder(lang, *position(tag_end.end())) if split is None else None
        open_split: list[tuple[int, str]] = []  # (depth, key) of the split element we are inside
        skip_depth: int | None = None  # inside a native-code element: not text
        stack: list[tuple[str, etree._Element | None]] = []
        seen_text: list[str] = []
        offset = tag_end.end()
        if tag_end.group(1):  # <target/>
            return {None: builder.build()} if builder else {}
        while True:
            match = _TOKEN.match(text, offset)
            if match is None:
                raise _Mismatch
            offset = match.end()
            kind = match.lastgroup
            if kind == "text" or kind == "cdata" or kind == "entity":
                if kind == "entity":
                    chunk = _decode_entity(match.group("entity"))
                    at = match.start()
                else:
                    chunk = match.group(kind)
                    at = match.start(kind)
                seen_text.append(chunk)
                if builder is not None and skip_depth is None:
                    if kind == "entity":
                        builder.add_char(chunk, *position(at))
                    else:
                        builder.add_text(chunk, *position(at))
                continue
            if kind in ("comment", "pi"):
                continue
            if kind == "start":
                name = _local(match.group("start"))
                child = next(descendants, None)
                empty = match.group().endswith("/>")
                key = split(child) if split is not None and child is not None and not open_split else None
                if key is not None:
                    builder = SegmentBuilder(lang, *position(match.end()))
                    if empty:
                        segments[key] = builder.build()
                        builder = None
                        continue
                    open_split.append((len(stack), key))
                elif builder is not None and skip_depth is None:
                    if name in rules.code or name in rules.empty:
                        builder.add_tag(
                            _shown(text, match.start(), child), tag_key(name, child), *position(match.start())
                        )
                        if not empty:
                            skip_depth = len(stack)
                    elif name in rules.paired:
                        builder.add_tag(match.group(), tag_key(name, child), *position(match.start()))
                if not empty:
                    stack.append((name, child))
                continue
            # an end tag
            if not stack:
                break  # the element's own end tag
            name, child = stack.pop()
            if skip_depth is not None and len(stack) == skip_depth:
                skip_depth = None
            elif open_split and open_split[-1][0] == len(stack):
                segments[open_split.pop()[1]] = builder.build()  # type: ignore[union-attr]
                builder = None
            elif builder is not None and skip_depth is None and name in rules.paired:
                builder.add_tag(match.group(), "/" + tag_key(name, child), *position(match.start()))
        if "".join(seen_text) != expected:
            raise _Mismatch
        if split is None:
            segments[None] = builder.build()  # type: ignore[union-attr]
        return segments


class _Mismatch(Exception):
    """The raw text walk disagrees with lxml (a construct the walker does not follow)."""


def _local(qualified: str) -> str:
    return qualified.rsplit(":", 1)[-1]


def _decode_entity(name: str) -> str:
    if name.startswith("#x"):
        return chr(int(name[2:], 16))
    if name.startswith("#"):
        return chr(int(name[1:]))
    if name in _ENTITIES:
        return _ENTITIES[name]
    raise InputError(f"undeclared entity &{name}; (entities are not expanded)")


def _shown(text: str, start: int, element: etree._Element | None) -> str:
    """A tag as the file writes it, shortened for messages."""
    end = text.find(">", start) + 1
    shown = text[start:end]
    if element is not None and not shown.endswith("/>"):
        inner = "".join(element.itertext())
        shown += inner[:30] + ("…" if len(inner) > 30 else "")
    return shown
