"""A pair's footnote markers, each language read with the other: what one side alone cannot tell.

* The same footnote number in marker positions on both sides is one marker. A number glued to
  Chinese text (``报告3第27段``), a superscript after a number (``22¹``) or a capitalised word
  (``Hebei11``) is a marker only if a note defines it, or if the other language holds a marker
  with its number that nothing else on this side answers: ``报告3第27段`` / ``Questions,3 and``,
  ``重大项目¹`` / ``lines M101 and 22¹``.
* Code and names are copied, footnotes are not: a number glued to an ASCII name, bare or in
  brackets, that the other side writes the same way (``int[10]``, ``base64`` in both) is part of
  the name.
* An editor's bracket is translated as one: a bracketed number set off by a space (``article
  [18]``) that answers no marker of the other side, whose own square brackets hold that number
  (``[第18条]``), is the editor's number, not a note's.
* A number after a comma inside the text (``cases,4 are imported``) that the other side writes
  as a number (``4例为输入病例``) is that number, its space lost.
* Markup is copied too: a ``*`` that the other side uses as emphasis (``*loud*``) marks no note
  (``它是 * loud*。``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from typing import Literal

from qa.lang.markers.footnotes import Marker, emphasis_run, find_candidates, find_markers

__all__ = ["pair_markers"]

#: An ASCII name and the digits glued to it: base64, Mate60.
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
#: An ASCII name with a bracketed number glued to it: int[10], worker[2].
_INDEXED = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)[\[［](\d{1,3})[\]］]")
_DIGITS = re.compile(r"(?<![0-9])[0-9]{1,3}(?![0-9])")
#: A short stretch in square brackets holding a number: [第18条], [article 18].
_BRACKETED_NUMBER = re.compile(r"[\[［][^\[\]［］]{0,12}?(?<![0-9])([0-9]{1,3})(?![0-9])[^\[\]［］]{0,12}[\]］]")


def pair_markers(zh: str, en: str, labels: Collection[str] | None = None) -> tuple[list[Marker], list[Marker]]:
    """The footnote markers of a pair's Chinese and English, each side read with the other."""
    zh_markers = find_markers(zh, "zh", labels)
    en_markers = find_markers(en, "en", labels)
    if not zh_markers and not en_markers:
        return zh_markers, en_markers
    zh_markers, en_markers = _without_code(zh, zh_markers, en), _without_code(en, en_markers, zh)
    zh_markers, en_markers = _without_emphasis(zh_markers, zh, en), _without_emphasis(en_markers, en, zh)
    zh_markers = _without_editorial(zh, zh_markers, en, en_markers)
    en_markers = _without_editorial(en, en_markers, zh, zh_markers)
    zh_markers = _confirmed(zh, "zh", zh_markers, en_markers)
    en_markers = _confirmed(en, "en", en_markers, zh_markers)
    zh_markers, en_markers = (
        _without_counts(zh, zh_markers, en, en_markers),
        _without_counts(en, en_markers, zh, zh_markers),
    )
    return zh_markers, en_markers


def unmatched_markers(markers: list[Marker], other: list[Marker]) -> list[Marker]:
    """Markers of one side, in order, whose key ``other`` does not carry (as often)."""
    available = Counter(marker.key for marker in other)
    left = []
    for marker in markers:
        if available[marker.key] > 0:
            available[marker.key] -= 1
        else:
            left.append(marker)
    return left


def _without_code(text: str, markers: list[Marker], other: str) -> list[Marker]:
    """Drop the markers glued to an ASCII name that the other side copies with them: int[10], base64."""
    glued = [m for m in markers if m.form in ("bracketed", "glued") and m.start > 0 and text[m.start - 1].isascii()]
    if not glued:
        return markers
    copied: set[str] | None = None
    code = set()
    for marker in glued:
        name = _name_before(text, marker.start)
        if not name:
            continue
        if copied is None:  # once per pair, and only when a marker is glued to a name
            copied = {f"{name}[{number}]".lower() for name, number in _INDEXED.findall(other)}
            copied.update(name.lower() for name in _NAME.findall(other))
        written = text[marker.start : marker.end] if marker.form == "glued" else f"[{marker.number}]"
        if (name + written).lower() in copied:  # IPv6 for ipv6 too
            code.add(marker)
    return [m for m in markers if m not in code] if code else markers


def _name_before(text: str, start: int) -> str:
    index, floor = start, max(0, start - 64)
    while index > floor and (text[index - 1].isascii() and (text[index - 1].isalnum() or text[index - 1] == "_")):
        index -= 1
    return text[index:start]


def _without_emphasis(markers: list[Marker], text: str, other: str) -> list[Marker]:
    runs = {text[m.start : m.end] for m in markers if m.form == "symbol" and text[m.start] == "*"}
    emphasis = {run for run in runs if emphasis_run(other, run)}
    if not emphasis:
        return markers
    return [m for m in markers if not (m.form == "symbol" and text[m.start : m.end] in emphasis)]


def _without_editorial(text: str, markers: list[Marker], other: str, other_markers: list[Marker]) -> list[Marker]:
    spaced = [
        m
        for m in markers
        if m.form == "bracketed" and m.number is not None and m.start > 0 and text[m.start - 1] in " \u00a0\u3000"
    ]
    if not spaced:
        return markers
    unanswered = set(unmatched_markers(spaced, other_markers))
    if not unanswered:
        return markers
    numbers = {int(match.group(1)) for match in _BRACKETED_NUMBER.finditer(other)}
    editorial = {m for m in unanswered if m.number in numbers}
    return [m for m in markers if m not in editorial] if editorial else markers


def _without_counts(text: str, markers: list[Marker], other: str, other_markers: list[Marker]) -> list[Marker]:
    """Drop a number after a comma inside the text ("local cases,4 are imported") that answers no marker of
    the other side, which writes that number as a number (4例为输入病例): a missing space, not a note."""
    inside = [m for m in markers if m.form == "running" and text[m.start - 1] in ",，"]
    if inside:
        visible_end = len(text.rstrip())
        inside = [m for m in inside if m.end < visible_end]
    if not inside:
        return markers
    unanswered = set(unmatched_markers(inside, other_markers))
    if not unanswered:
        return markers
    runs = [(match.start(), match.end()) for match in _DIGITS.finditer(other)]
    numbers = {int(other[start:end]) for start, end in _outside(runs, other_markers)}
    counts = {m for m in unanswered if m.number in numbers}
    return [m for m in markers if m not in counts] if counts else markers


def _outside(spans: list[tuple[int, int]], markers: list[Marker]) -> list[tuple[int, int]]:
    """The spans (in order) that overlap no marker (in order): one forward pass over both."""
    kept, index = [], 0
    for start, end in spans:
        while index < len(markers) and markers[index].end <= start:
            index += 1
        if index == len(markers) or end <= markers[index].start:
            kept.append((start, end))
    return kept


def _confirmed(text: str, lang: Literal["zh", "en"], markers: list[Marker], other: list[Marker]) -> list[Marker]:
    """``markers`` with the weak candidates that answer an unanswered numbered marker of the other side."""
    wanted = Counter(m.number for m in unmatched_markers(other, markers) if m.number is not None)
    if not wanted:
        return markers
    added = []
    candidates = {(c.start, c.end): c for c in find_candidates(text, lang) if wanted[c.number] > 0}
    for span in _outside(list(candidates), markers):
        candidate = candidates[span]
        if wanted[candidate.number] > 0:
            wanted[candidate.number] -= 1
            added.append(candidate)
    if not added:
        return markers
    return sorted(markers + added, key=lambda m: m.start)
