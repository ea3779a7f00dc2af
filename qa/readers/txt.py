"""Interleaved bilingual text, as in the seeds.

A run of Chinese lines followed by a run of English lines is one pair: the 4-line
title block pairs with the 4-line English title block, and a paragraph whose
English wraps over two lines is one pair. A line is Chinese when Han characters
dominate it (a Chinese line quoting "COVID-19" stays Chinese) and English when Latin
letters do (see ``line_language``); blank lines and lines with neither (a timestamp
such as ``2023-01-29 16:08``) do not belong to any run and do not break one.

A notes heading (注释: / 注釋: / 注: / Notes / Footnotes) starts the notes
section: every line after it is a note, not a pair. A note that starts with a
label (``[16]``, ``①``, ``1.``, ``*``, ``注1``) defines that label; other lines
of the section (a credit line such as 英文:北京外办) are notes with no label.
"""

from __future__ import annotations

import regex

from qa.model import Document, Note, Pair, Segment, Side

_HAN = regex.compile(r"\p{Han}")
_LATIN = regex.compile(r"\p{Latin}")
NOTES_HEADING = regex.compile(
    r"^\s*(?:注释|注釋|注解|注|附注|附註|尾注|脚注|腳註|Notes?|NOTES?|Footnotes?|FOOTNOTES?)\s*[:：]?\s*$"
)
_NOTE_LABEL = regex.compile(
    r"^\s*(?:\[(?P<bracket>[^\]\s]{1,8})\]|(?P<circled>[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf])"
    r"|注(?P<zhu>\d{1,3})\s*[:：]?|(?P<stars>\*{1,4}|†|‡)|(?P<number>\d{1,3})[.、)）]"
    r"|(?P<super>[\u00b9\u00b2\u00b3\u2070-\u2079]+))\s*"
)
_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def line_language(line: str) -> Side | None:
    """Chinese or English by script. A Han character weighs about as much as three Latin
    letters (a Chinese word is one or two characters, an English one five letters), so a
    Chinese line quoting "COVID-19" stays Chinese and an English line with a Chinese
    name left in it (``Published by 新华社``) stays English, where TERM001 finds it."""
    han = len(_HAN.findall(line))
    latin = len(_LATIN.findall(line))
    if han and han * 3 >= latin:
        return "zh"
    if latin:
        return "en"
    return None


def parse_note(line_number: int, line: str) -> Note:
    match = _NOTE_LABEL.match(line)
    if not match:
        return Note("", Segment.from_lines(line_language(line) or "en", [(line_number, 1, line)]))
    label = next(value for value in match.groupdict().values() if value)
    if match.group("super"):
        label = label.translate(_SUPERSCRIPT_DIGITS)
    body = line[match.end() :]
    lang = line_language(body) or "en"
    return Note(label, Segment.from_lines(lang, [(line_number, match.end() + 1, body)]))


def read_txt(path: str, lines: list[str]) -> Document:
    runs: list[tuple[Side, list[tuple[int, int, str]]]] = []
    notes: list[Note] = []
    notes_heading: int | None = None
    for number, line in enumerate(lines, start=1):
        if notes_heading is not None:
            if line.strip():
                notes.append(parse_note(number, line))
            continue
        if NOTES_HEADING.match(line):
            notes_heading = number
            continue
        lang = line_language(line)
        if lang is None:
            continue
        if runs and runs[-1][0] == lang:
            runs[-1][1].append((number, 1, line))
        else:
            runs.append((lang, [(number, 1, line)]))

    pairs: list[Pair] = []
    unpaired: list[Segment] = []
    index = 0
    while index < len(runs):
        lang, pieces = runs[index]
        if lang == "zh" and index + 1 < len(runs):
            zh = Segment.from_lines("zh", pieces)
            en = Segment.from_lines("en", runs[index + 1][1])
            pairs.append(Pair(zh, en, len(pairs)))
            index += 2
            continue
        unpaired.append(Segment.from_lines(lang, pieces))
        index += 1
    return Document(path, tuple(pairs), tuple(notes), tuple(unpaired), notes_heading, len(lines))
