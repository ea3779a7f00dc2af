"""Language codes of bilingual formats, and the ``qa: ignore`` notes they may carry."""

from __future__ import annotations

import re

from qa.model import Side
from qa.readers.errors import NotBilingualError

# Primary subtags (BCP 47 / ISO 639-1, -2 and -3) that mean Chinese or English.
# cmn is Mandarin; zho/chi and eng are the three-letter codes older TMX files use.
_PRIMARY_SIDES: dict[str, Side] = {"zh": "zh", "zho": "zh", "chi": "zh", "cmn": "zh", "en": "en", "eng": "en"}

SUPPORTED_CODES = "zh, zh-CN, zh-Hans, zh-TW, zh-Hant, cmn / en, en-US, en-GB"


def side_of(code: str | None) -> Side | None:
    """'zh-Hans' → 'zh', 'en_US' → 'en', 'fr-FR' or None → None."""
    if not code:
        return None
    primary = code.strip().replace("_", "-").split("-", 1)[0].lower()
    return _PRIMARY_SIDES.get(primary)


def require_sides(source: str | None, target: str | None, what: str = "the file's") -> tuple[Side, Side]:
    """The sides of a source and a target language; InputError unless one is zh and the other en."""
    sides = side_of(source), side_of(target)
    if set(sides) != {"zh", "en"}:
        raise NotBilingualError(
            f"{what} languages are {source or '(none)'} and {target or '(none)'}; "
            f"qa checks Chinese/English pairs ({SUPPORTED_CODES})"
        )
    return sides  # type: ignore[return-value]


_IGNORE_NOTE = re.compile(r"\bqa\s*:\s*ignore\b[\s:=]*((?:[A-Za-z][\w-]*)(?:\s*,\s*[A-Za-z][\w-]*)*)", re.IGNORECASE)


def suppressions(*notes: str | None) -> tuple[str, ...]:
    """Rule selectors named by ``qa: ignore NUM001, TXT`` in notes, in order, without repeats."""
    found: list[str] = []
    for note in notes:
        for match in _IGNORE_NOTE.finditer(note or ""):
            found.extend(selector.strip() for selector in match.group(1).split(","))
    return tuple(dict.fromkeys(found))
