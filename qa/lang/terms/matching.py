"""Finding an English rendering in text: case-insensitive, on word boundaries, tolerant of plurals,
-ing/-ed forms, possessives, hyphen/space/no-space variants (sub-center, sub center, subcenter) and
British spellings (centre, organise, labour).

``rendering_pattern`` says what matches, and ``find_rendering`` finds the same word by word,
without compiling a pattern per rendering.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import regex

#: What may stand between two words of a rendering: nothing (subcenter), spaces, hyphens,
#: dashes, a comma, a slash or an apostrophe (Xiong'an, Xiongan, Xiong’an).
_SEPARATOR = r"[\s\-\u2010\u2011\u2013,/'\u2019]*"
_WORD = regex.compile(r"[^\W_]+")


def _word_parts(word: str, last: bool) -> tuple[str, str]:
    """(stem, variant) of one word of a rendering: the lower-case letters every spelling the
    pattern accepts starts with, and the pattern of the spelling variants of its ending."""
    lower = word.lower()
    if len(lower) > 3 and lower.endswith("re") and lower[-3] not in "aeiou":
        stem, variant = lower[:-2], "(?:re|er)"  # centre / center
    elif len(lower) > 3 and lower.endswith("er") and lower[-3] not in "aeiou":
        stem, variant = lower[:-2], "(?:er|re)"
    elif lower.endswith(("ize", "ise")) and len(lower) > 4:
        stem, variant = lower[:-3], "i[sz]e"
    elif lower.endswith(("ization", "isation")):
        stem, variant = lower[:-7], "i[sz]ation"
    elif len(lower) > 4 and lower.endswith("our"):
        stem, variant = lower[:-3], "ou?r"  # labour / labor
    elif len(lower) > 4 and lower.endswith("or") and lower[-3] not in "aeiou":
        stem, variant = lower[:-2], "ou?r"
    else:
        stem, variant = lower, ""
    if last and len(lower) > 2 and lower.endswith("y") and lower[-2] not in "aeiou":
        stem, variant = lower[:-1], "(?:y|ies)"  # city / cities
    return stem, variant


#: After the last word: a plural, -ing/-ed form, possessive.
_LAST_SUFFIX = r"(?:e?s|ing|e?d)?(?:['\u2019]s?)?"


def _end(words: list[str]) -> str:
    # A footnote marker may be glued to the last word ("seven aspects16"): after a final
    # letter only another letter ends the match; after a final digit, any word character.
    return r"(?![^\W\d_])" if words[-1][-1].isalpha() else r"(?![^\W_])"


@lru_cache(maxsize=65536)
def rendering_pattern(rendering: str) -> re.Pattern | None:
    """The tolerant, case-insensitive pattern of an English rendering (None if it has no words).

    What ``find_rendering`` accepts; it runs this pattern itself only on the rare text whose
    lower-case form has another length (it matches word by word on the lower-case text).
    """
    words = _WORD.findall(rendering)
    if not words:
        return None
    parts = [_word_parts(word, index == len(words) - 1) for index, word in enumerate(words)]
    body = _SEPARATOR.join(regex.escape(stem) + variant for stem, variant in parts) + _LAST_SUFFIX
    # the standard library's re: compiling is several times faster than the regex module's
    return re.compile(rf"(?<![^\W_]){body}{_end(words)}", re.IGNORECASE)


class _Probe(NamedTuple):
    """What finding one rendering in a lower-case English text takes, worked out once per rendering."""

    #: Lower-case letters every match contains, the stem of each word: spelling variants only
    #: change a word's ending (centre / center, city / cities), so a text without them has no match.
    stems: tuple[str, ...]
    #: The rendering in lower case, when it can be found verbatim (starts and ends with a letter or digit).
    plain: str
    #: Per word: its stem and the matcher of what may follow the stem (the spelling variants of
    #: the word's ending; after the last word also the plural, possessive and the word's end), or None.
    words: tuple[tuple[str, re.Pattern | None], ...]
    #: The first word has a stem to look for (not all ending, as "ization" is).
    anchored: bool


_PROBES: dict[str, _Probe] = {}
_SEPARATOR_RUN = re.compile(_SEPARATOR)
_TAILS: dict[str, re.Pattern] = {}


def _tail(pattern: str) -> re.Pattern:
    compiled = _TAILS.get(pattern)
    if compiled is None:
        compiled = _TAILS[pattern] = re.compile(pattern)
    return compiled


def _probe(rendering: str) -> _Probe:
    words = _WORD.findall(rendering)
    parts = [_word_parts(word, index == len(words) - 1) for index, word in enumerate(words)]
    plain = rendering.lower()
    if not plain or not plain[0].isalnum() or not plain[-1].isalnum():
        plain = ""
    matchers = []
    for index, (stem, variant) in enumerate(parts):
        if index == len(parts) - 1:
            # a few dozen distinct tails in any glossary: compiled once each, shared by all renderings
            matchers.append((stem, _tail(variant + _LAST_SUFFIX + _end(words))))
        else:
            matchers.append((stem, _tail(variant) if variant else None))
    stems = tuple(stem for stem, _ in parts if stem)
    probe = _PROBES[rendering] = _Probe(stems, plain, tuple(matchers), bool(parts and parts[0][0]))
    return probe


#: The last English text looked at, its lower-case form, and the renderings already looked for in it:
#: TERM002, TERM003 and TERM004 ask about the same renderings in the same pair, one after another.
_last_english: tuple[str, str, dict[str, tuple[int, int] | None]] = ("", "", {})


def find_rendering(rendering: str, english: str) -> tuple[int, int] | None:
    """Where a rendering occurs in the English, or None."""
    global _last_english
    if _last_english[0] is not english:
        _last_english = (english, english.lower(), {})
    _, lower, known = _last_english
    if rendering in known:
        return known[rendering]
    span = known[rendering] = _find_rendering(rendering, english, lower)
    return span


def _find_rendering(rendering: str, english: str, lower: str) -> tuple[int, int] | None:
    probe = _PROBES.get(rendering) or _probe(rendering)
    if not probe.words:
        return None
    if len(lower) == len(english):
        if probe.words[0][0]:
            return _locate(probe, lower)
        exact = _verbatim(probe.plain, lower) if probe.plain else None
        if exact is not None:
            return exact
    # lower-casing changed offsets (rare letters), or the first word is all ending ("ization"):
    # the case-insensitive pattern, where the text holds every stem
    for stem in probe.stems:
        if stem not in lower:
            return None
    match = rendering_pattern(rendering).search(english)  # type: ignore[union-attr]
    return (match.start(), match.end()) if match else None


def _locate(probe: _Probe, lower: str) -> tuple[int, int] | None:
    """Where the rendering occurs in a lower-case text of the original's length: written as in the
    glossary if it is, else the first tolerant match."""
    if probe.plain:
        exact = _verbatim(probe.plain, lower)
        if exact is not None:
            return exact
    # substring tests in C rule out most renderings: a match holds the stem of every word
    for stem in probe.stems:
        if stem not in lower:
            return None
    return _tolerant(probe.words, lower)


def _verbatim(plain: str, lower: str) -> tuple[int, int] | None:
    """The rendering written as in the glossary (any case), as whole words, with nothing glued
    after it that the tolerant match would take in (a plural, a possessive): else None."""
    position = lower.find(plain)
    while position >= 0:
        end = position + len(plain)
        before = lower[position - 1] if position else " "
        after = lower[end] if end < len(lower) else " "
        if not before.isalnum() and before != "_" and not after.isalnum() and after not in "'’-‐‑":
            return position, end
        position = lower.find(plain, position + 1)
    return None


def _tolerant(words: tuple[tuple[str, re.Pattern | None], ...], lower: str) -> tuple[int, int] | None:
    """The first match of the rendering's words in the lower-case text, as ``rendering_pattern`` finds it.

    Word by word, without a pattern of its own to compile (compiling costs ~0.3 ms a rendering, and a
    large glossary meets tens of thousands): each match starts where the first word's stem does, after
    no letter or digit; separators and word stems never share a character, so no step has to be undone.
    """
    first = words[0][0]
    position = lower.find(first)
    while position >= 0:
        if not position or not lower[position - 1].isalnum():
            at = position
            for index, (stem, tail) in enumerate(words):
                if index:
                    at = _SEPARATOR_RUN.match(lower, at).end()  # type: ignore[union-attr]
                    if not lower.startswith(stem, at):
                        break
                at += len(stem)
                if tail is not None:
                    ending = tail.match(lower, at)
                    if ending is None:
                        break
                    at = ending.end()
            else:
                return position, at
        position = lower.find(first, position + 1)
    return None


# -- the glossary ---------------------------------------------------------------------------
