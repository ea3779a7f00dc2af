"""HTML markup written in a string's text: ``<strong>``, ``</a>``, ``<br/>``, ``<a href="…">``.

PO strings hold HTML as text, and XLIFF holds it escaped (``&lt;strong&gt;``, which the reader
decodes): either way the tags are in ``Segment.text``. A tag-shaped word is not always markup:
git's usage strings write ``<file>`` and ``<n>`` for arguments (and translate them, ``<文件>``).
So a tag counts as markup by its name, when that name shows it is markup somewhere in the pair
(``markup_names``): a closing tag, a self-closing tag, a tag with an attribute that has a value
(``<a href="…">``; git's ``<comment string>`` and ``<rev-list 选项>`` have none), or a line break
(``<br>``, ``<hr>``, ``<wbr>``). Linear in the text's length.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import regex

from qa.lang.placeholders import HTML

_ATTRIBUTE = regex.compile(r"""([\w:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>=`]+)))?""")
_NAME = regex.compile(r"</?([A-Za-z][\w:-]*)")
#: the attributes whose values are addresses a translation must keep: a changed one is a broken link
LINK_ATTRIBUTES = ("href", "src")
_BREAKS = frozenset({"br", "hr", "wbr"})


@dataclass(frozen=True)
class Tag:
    """One HTML tag in a text: where, its lower-case name, and its link attributes' values."""

    start: int
    end: int
    text: str
    name: str
    closing: bool
    self_closing: bool
    links: tuple[tuple[str, str], ...]  # (attribute, value) of href/src, in order
    has_attributes: bool  # an attribute with a value (href="…"): "<comment string>" is a placeholder of words

    @property
    def key(self) -> str:
        """What must match on the other side: ``<a>``, ``</a>``; ``<br>``, ``<br/>`` and ``<br />`` alike."""
        return f"</{self.name}>" if self.closing else f"<{self.name}>"


def html_tags(text: str) -> list[Tag]:
    """Every tag-shaped run of ``text`` (markup or not: see ``markup_names``), in order."""
    if "<" not in text:
        return []
    tags = []
    for match in HTML.finditer(text):
        written = match.group()
        name_match = _NAME.match(written)
        name = name_match.group(1)
        inside = written[name_match.end() : -1].rstrip("/").strip()
        links, valued = [], False
        if inside:
            for attribute in _ATTRIBUTE.finditer(inside):
                value = next((group for group in attribute.groups()[1:] if group is not None), None)
                valued = valued or value is not None
                attribute_name = attribute.group(1).lower()
                if attribute_name in LINK_ATTRIBUTES and value is not None:
                    links.append((attribute_name, value))
        tags.append(
            Tag(
                match.start(),
                match.end(),
                written,
                name.lower(),
                written.startswith("</"),
                written.endswith("/>"),
                tuple(links),
                valued,
            )
        )
    return tags


def markup_names(*sides: Iterable[Tag]) -> set[str]:
    """The tag names that are markup in these texts: closed, self-closed, with a valued attribute, or a break."""
    return {
        tag.name
        for tags in sides
        for tag in tags
        if tag.closing or tag.self_closing or tag.has_attributes or tag.name in _BREAKS
    }
