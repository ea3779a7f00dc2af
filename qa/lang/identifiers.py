"""Codes compared verbatim, not as quantities: document symbols, standards, model numbers, resolutions.

Language knowledge only: where the codes in a text are and their normalised text. NUM005
compares the two sides' codes; the number extractors leave their spans out, so ``A-400`` is
never the quantity 400 and the same code on both sides is never a number finding.

Shapes (the text is read with full-width forms as ASCII and unicode dashes as ``-``):

- document symbols: ``A/RES/70/1``, ``S/2015/123``, ``E/CN.4/2005/L.10`` (capitals, a slash, a digit);
- standards: ``GB/T 7714``, ``ISO 9001:2015``, ``IEC 60601-1`` (normalised with one space: ``GB/T7714`` is
  ``GB/T 7714``);
- model and product codes: ``A-400``, ``NF-5``, ``GLF-4``, ``F-16``, ``COVID-19``, ``MH17``, ``A320``;
  a maker's name before a number is part of it, in English: ``Boeing 737``, ``波音737`` and ``Airbus A320``,
  ``空客A320`` are ``Boeing 737`` and ``Airbus A320``, and ``波音737MAX`` is ``Boeing 737 MAX`` (``Boeing 737MAX``);
- resolution numbers with their year: ``第2118(2013)号决议`` and ``resolution 2118 (2013)`` are both
  ``2118 (2013)``: an identifier, since its two numbers are a name, not a count.

A code's *shape* (:func:`shape`) is its text with each run of digits as ``#``: ``A-400`` and ``A-40``
have the same shape, so one is a near miss of the other.
"""

from __future__ import annotations

import re

#: Full-width ASCII to ASCII and unicode dashes to "-" (one character each, so offsets hold).
_NORMALISE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {
    ord(dash): "-" for dash in "\u2010\u2011\u2012\u2013\u2014\u2212\ufe63"
}
#: Makers written before a model number, in Chinese or English, by their English name.
_MAKERS = {"Boeing": "Boeing", "波音": "Boeing", "Airbus": "Airbus", "空客": "Airbus", "空中客车": "Airbus"}
#: What may follow a maker's model number: a series written apart or glued on (737 MAX, 737NG, A320neo).
_MODEL_SUFFIX = r"(?:[ ]?(?:MAX|NG|ER|neo)|[A-Za-z]{0,3})"
_STANDARD_BODIES = r"GB/T|GB/Z|GB|ISO/IEC|ISO|IEC|IEEE|ASTM|ANSI|DIN|JIS|BS|EN|HJ|YY|JT"

_CODE = re.compile(
    rf"""
    (?=[A-Z0-9波空])  # every code starts so: lets the scan skip ahead to such a character
    (?<![A-Za-z0-9/.\-])
    (?:
        (?P<standard>(?:{_STANDARD_BODIES})[ ]?[0-9]{{1,6}}(?:[.\-][0-9]{{1,4}}){{0,3}}(?::[0-9]{{4}})?)
      | (?P<symbol>[A-Z]{{1,6}}(?:/[A-Za-z0-9][A-Za-z0-9.\-]{{0,15}})+)
      | (?P<maker>Boeing|Airbus|波音|空客|空中客车)[ ]?(?P<model>[A-Z]?[0-9]{{3}}(?:-[0-9]{{2,3}})?{_MODEL_SUFFIX})
      | (?P<resolution>[0-9]{{1,4}}[ ]?\([ ]?(?:19|20)[0-9]{{2}}[ ]?\))
      | (?P<model_code>[A-Z][A-Za-z]{{0,4}}-?[0-9]{{1,5}}(?:[.\-][0-9]{{1,4}})?[A-Za-z]{{0,3}})
    )
    (?![A-Za-z0-9])
    """,
    re.VERBOSE,
)
#: The cheap pre-check: every code holds a digit (ASCII, or full-width before normalising).
_PRECHECK = re.compile(r"[0-9\uFF10-\uFF19]")
#: Characters the normalisation changes: only a text holding one is translated (a slow, per-character map).
_NEEDS_NORMALISING = re.compile("[\uFF01-\uFF5E\u2010-\u2012\u2013\u2014\u2212\uFE63]")
_DIGITS = re.compile(r"[0-9]+")
_SPACES = re.compile(r"\s+")


def identifier_spans(text: str) -> list[tuple[int, int, str]]:
    """Spans (start, end) and normalised text of the codes in ``text``, in order. Linear in ``text``."""
    if _PRECHECK.search(text) is None:
        return []
    if _NEEDS_NORMALISING.search(text) is not None:
        text = text.translate(_NORMALISE)  # full-width capitals and digits, and unicode dashes
    spans = []
    for match in _CODE.finditer(text):
        kind = match.lastgroup
        found = match.group(0)
        if kind == "symbol":
            if not any(char.isdigit() for char in found):
                continue  # "N/A", "UN/DESA": a slash without a number is a name
            found = found.rstrip(".-")
            spans.append((match.start(), match.start() + len(found), found))
            continue
        if kind == "standard":
            body = re.match(_STANDARD_BODIES, found)
            assert body is not None
            normalised = f"{body.group(0)} {found[body.end() :].lstrip(' ')}"
        elif kind in ("maker", "model"):
            normalised = f"{_MAKERS[match.group('maker')]} {match.group('model').replace(' ', '')}"
        elif kind == "resolution":
            number, _, year = found.partition("(")
            normalised = f"{number.strip()} ({year.strip(' )')})"
        else:
            if not _is_model_code(found):
                continue
            normalised = found
        spans.append((match.start(), match.end(), normalised))
    return spans


def _is_model_code(found: str) -> bool:
    """``A-400``, ``NF-5``, ``MH17``, ``COVID-19``, ``A320``: not a word with a number glued on (``Page2``)."""
    letters = found[: len(found) - len(found.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"))]
    if "-" in found[: len(letters) + 1]:
        return letters.isupper() or (len(letters) >= 2 and letters[:2].isupper())
    return letters.isupper() or sum(char.isupper() for char in letters) >= 2


def shape(code: str) -> str:
    """A code with each run of digits as ``#`` and spaces squeezed: ``A-400`` → ``A-#``."""
    return _DIGITS.sub("#", _SPACES.sub(" ", code.upper()))


#: A printf conversion: %5d, %-10s, %.3o, %1$s (not 5%-10%, a range of percentages).
_PRINTF = re.compile(r"%(?:[0-9]+\$)?[-+ #0]*[0-9]*(?:\.[0-9]+)?(?:hh|h|ll|l|z|j|t|L)?[diouxXeEfFgGcsp@]")


def in_markup(text: str, start: int, end: int) -> bool:
    """A number that is part of a placeholder or of a tag written as text: the width of %.3o or %-5s, the
    index of {0}, an OmegaT tag <片段0862> or <句段 1183>."""
    if text[start - 1 : start] == "{":
        return True
    percent = text.rfind("%", max(0, start - 4), start)
    if percent >= 0:
        printf = _PRINTF.match(text, percent)
        if printf is not None and printf.end() >= end:
            return True
    if end == len(text) or text[end] == ">":
        opening = text.rfind("<", max(0, start - 8), start)
        name = text[opening + 1 : start] if opening >= 0 else ""
        return bool(name.strip()) and not any(char in "<>" for char in name)  # not the "<" of <5%
    return False
