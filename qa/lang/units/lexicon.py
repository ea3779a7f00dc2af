"""The unit lexicon (``rules/units.yaml``, ``kind: units``) and the units found with quantities.

Chinese and English unit words and symbols are mapped to pint units, with the units pint lacks
(亩, 斤, 里) defined there. A user's own ``rules/units.yaml`` extends it: an entry with the same
``id`` replaces the shipped one.

A unit is found right after a quantity (20万平方米, "200,000 square meters", "1,100 kilometers of
pipelines") or, for English currency symbols, before it (US$5 million, RMB 3 billion); per-unit
forms (元/吨, "yuan per ton") are one unit built from two.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from qa.datapacks import DataPackError, kind_entries, shown
from qa.lang.numbers.quantity import Quantity

#: Kinds of quantity that carry a unit (not percentages, dates, ordinals).
UNIT_KINDS = frozenset({"cardinal", "range", "fraction"})
#: Dimensions where a translator rewords freely ("5年来" → "over the past five years"): UNIT003 skips them.
LOOSE_DIMENSIONS = frozenset({"[time]"})


class UnitFileError(DataPackError):
    """A units file that cannot be read: names the file and the entry."""


@dataclass(frozen=True)
class Unit:
    """One unit of the lexicon; ``per`` makes it a rate (元/吨 is yuan per tonne)."""

    id: str
    symbol: str
    pint: str = ""
    currency: str = ""
    factor: Decimal = Decimal(1)  # currency scale: 万元 = 10,000 yuan
    #: other currencies a symbol may stand for ("$": US, Australian, Hong Kong … dollars)
    ambiguous: tuple[str, ...] = ()
    per: Unit | None = None
    #: the units it may also be in a Traditional Chinese text (元: the local dollar, NT$ or HK$)
    traditional: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return self.id if self.per is None else f"{self.id}/{self.per.id}"

    @property
    def shown(self) -> str:
        return self.symbol if self.per is None else f"{self.symbol}/{self.per.symbol}"

    @property
    def currency_code(self) -> str:
        return self.currency if self.per is None else ""


@dataclass(frozen=True)
class UnitMention:
    """A unit found with a quantity: the unit and where its text is."""

    unit: Unit
    start: int
    end: int
    #: every unit the words may name (度: kWh or degrees), the first being ``unit``
    alternatives: tuple[Unit, ...] = ()

    @property
    def units(self) -> tuple[Unit, ...]:
        return self.alternatives or (self.unit,)


_DOLLARS = ("USD", "AUD", "HKD", "TWD", "CAD", "SGD")


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one lexicon per run
class Lexicon:
    units: dict[str, Unit]
    zh_words: dict[str, tuple[str, ...]]  # word → the ids of the units it names
    en_words: dict[str, tuple[str, ...]]  # lowercase word (case-insensitive ones) or exact symbol → unit ids
    definitions: tuple[str, ...]  # pint definitions of units pint lacks
    zh_pattern: re.Pattern = field(compare=False)
    en_pattern: re.Pattern = field(compare=False)
    key: tuple = ()
    #: characters a Chinese unit (or the approximation word before it) can start with: the cheap pre-check
    zh_starts: frozenset[str] = frozenset()
    #: unit id → the Chinese words near a number that say a word naming several units means this one
    #: (用电32度 is 32 kWh, 气温32度 32 °C)
    zh_contexts: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False)

    def en_units(self, word: str) -> tuple[Unit, ...]:
        word = _spaced(word)
        ids = self.en_words.get(word) or self.en_words.get(word.lower()) or ()
        return tuple(self.units[unit_id] for unit_id in ids if unit_id in self.units)

    def zh_units(self, word: str) -> tuple[Unit, ...]:
        return tuple(self.units[unit_id] for unit_id in self.zh_words.get(word, ()) if unit_id in self.units)

    def en_unit(self, word: str) -> Unit | None:
        found = self.en_units(word)
        return found[0] if found else None


def _strings(value: object, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(item, str | int | float) for item in value):
        return tuple(str(item) for item in value)
    raise UnitFileError(f"{where}: must be a list of words")


_KEYS = frozenset(
    {"id", "pint", "currency", "factor", "symbol", "zh", "en", "define", "ambiguous", "traditional", "note"}
    | {"zh_context"}
)


def _read_entries(paths: Iterable[Path]) -> list[tuple[dict, str]]:
    entries: dict[str, tuple[dict, str]] = {}
    for path, units in kind_entries(paths, "units", "units", UnitFileError):
        for number, entry in enumerate(units, start=1):
            where = f"{shown(path)}: units[{number}]"
            if not isinstance(entry, dict) or "id" not in entry:
                raise UnitFileError(f"{where}: needs an id")
            unknown = set(entry) - _KEYS
            if unknown:
                raise UnitFileError(f"{where}: unknown key {sorted(unknown)[0]!r}")
            if not (entry.get("pint") or entry.get("currency")):
                raise UnitFileError(f"{where}: needs pint (a pint unit) or currency (a code)")
            entries[str(entry["id"])] = (entry, where)  # a later file replaces a shipped unit with the same id
    return list(entries.values())


def word_pattern(words: Iterable[str], case_sensitive: Iterable[str]) -> str:
    exact = set(case_sensitive)
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        body = r"[\s-]?".join(re.escape(piece) for piece in word.split(" "))  # square meters, square-meter
        parts.append(body if word in exact else f"(?i:{body})")
    return "|".join(parts) or "(?!)"


def _spaced(word: str) -> str:
    """square-meter, square  meter → square meter: the lexicon's words are looked up in this form."""
    return " ".join(word.replace("-", " ").split()) if " " in word or "-" in word[1:] else word


def case_sensitive(word: str) -> bool:
    """Symbols (m, t, kW, MW) are matched as written; words (Meters, YUAN) in any case."""
    return len(word) <= 2 or any(char.isupper() for char in word[1:])


def load_lexicon(paths: Iterable[Path]) -> Lexicon:
    """The lexicon from units files in order (shipped first, then the user's)."""
    paths = list(paths)
    units: dict[str, Unit] = {}
    zh_words: dict[str, tuple[str, ...]] = {}
    en_words: dict[str, tuple[str, ...]] = {}
    definitions: list[str] = []
    contexts: dict[str, tuple[str, ...]] = {}
    for entry, where in _read_entries(paths):
        unit_id = str(entry["id"])
        if entry.get("zh_context"):
            contexts[unit_id] = _strings(entry["zh_context"], where)
        try:
            factor = Decimal(str(entry.get("factor", 1)))
        except ArithmeticError:
            raise UnitFileError(f"{where}: factor must be a number") from None
        currency = str(entry.get("currency") or "")
        ambiguous: tuple[str, ...] = ()
        if entry.get("ambiguous"):
            listed = entry["ambiguous"]
            ambiguous = _strings(listed, where) if isinstance(listed, list) else _DOLLARS
        units[unit_id] = Unit(
            unit_id,
            str(entry.get("symbol") or unit_id),
            str(entry.get("pint") or ""),
            currency,
            factor,
            ambiguous,
            traditional=_strings(entry.get("traditional"), where),
        )
        definitions.extend(_strings(entry.get("define"), where))
        for word in _strings(entry.get("zh"), where):
            zh_words[word] = (*zh_words.get(word, ()), unit_id)
        for word in _strings(entry.get("en"), where):
            folded = _spaced(word) if case_sensitive(word) else _spaced(word).lower()
            en_words[folded] = (*en_words.get(folded, ()), unit_id)
    zh_pattern = re.compile(
        r"(?:[多余来许几]|以上|左右)?\s?(" + word_pattern(zh_words, zh_words) + ")"
        r"(?:(?:/|每)(" + word_pattern(zh_words, zh_words) + "))?"
    )
    en_cs = [word for word in en_words if case_sensitive(word)]
    en_alternatives = word_pattern(en_words, en_cs)
    en_pattern = re.compile(
        r"[\s\u00a0-]?(?:of\s)?(" + en_alternatives + r")(?![A-Za-z0-9²³])'?"
        r"(?:(?:\s?/\s?|\s(?:per|an?|each)\s)(" + en_alternatives + r")(?![A-Za-z0-9²³]))?"
    )
    key = tuple((str(path), path.stat().st_mtime_ns) for path in paths)
    starts = frozenset(word[0] for word in zh_words) | frozenset("多余来许几以左")
    return Lexicon(units, zh_words, en_words, tuple(definitions), zh_pattern, en_pattern, key, starts, contexts)


# -- the lexicon of this run ---------------------------------------------------------------------

_ACTIVE_FILES: list[tuple[Path, ...]] = []
_ACTIVE_LEXICON: list[Lexicon] = []


def unit_files(paths: Iterable[Path]) -> tuple[Path, ...]:
    """The ``kind: units`` files among data files (a cheap look at each file's head)."""
    found = []
    for path in dict.fromkeys(paths):
        try:
            head = path.read_text(encoding="utf-8", errors="replace")[:4096]
        except OSError:
            continue
        if re.search(r"(?m)^kind:\s*['\"]?units\b", head):
            found.append(path)
    return tuple(found)


def activate(paths: Iterable[Path] | None) -> None:
    """Use the units files of a run's data folders (the UNIT rules call this with theirs; None: shipped only).

    The number matching (conversions such as 200公顷 ↔ 2 square kilometers) reads the same
    lexicon; qa.lang.comparison keys its per-pair caches by the active lexicon.
    """
    if paths is None:
        from qa.datapacks import shipped_dir

        paths = sorted(shipped_dir().glob("*.yaml"))
    files = unit_files(paths)
    if _ACTIVE_FILES and _ACTIVE_FILES[-1] == files:
        return
    _ACTIVE_FILES[:] = [files]
    _ACTIVE_LEXICON.clear()


def active_lexicon() -> Lexicon:
    if _ACTIVE_LEXICON:
        return _ACTIVE_LEXICON[0]  # asked once per pair: no hashing of paths on the hot path
    if not _ACTIVE_FILES:
        from qa.datapacks import shipped_dir

        _ACTIVE_FILES.append(unit_files(sorted(shipped_dir().glob("*.yaml"))))
    _ACTIVE_LEXICON.append(_lexicon_of(_ACTIVE_FILES[-1]))
    return _ACTIVE_LEXICON[0]


@lru_cache(maxsize=8)
def _lexicon_of(files: tuple[Path, ...]) -> Lexicon:
    return load_lexicon(files)


# -- finding units ---------------------------------------------------------------------------------


def _mention(first: tuple[Unit, ...], second: tuple[Unit, ...], start: int, end: int) -> UnitMention | None:
    if not first:
        return None
    if second:
        first = tuple(replace(unit, per=second[0]) for unit in first)
    return UnitMention(first[0], start, end, first if len(first) > 1 else ())


#: How far before a number (and after its unit) a unit's context word is looked for.
_CONTEXT_BEFORE, _CONTEXT_AFTER = 8, 2


def _by_context(lexicon: Lexicon, units: tuple[Unit, ...], text: str, start: int, end: int) -> tuple[Unit, ...]:
    """Of the units a word may name, those a word nearby points to (用电32度: kWh), else all of them."""
    window = text[max(0, start - _CONTEXT_BEFORE) : start] + " " + text[end : end + _CONTEXT_AFTER]
    cued = tuple(unit for unit in units if any(word in window for word in lexicon.zh_contexts.get(unit.id, ())))
    return cued or units


def may_start_zh_unit(text: str, end: int, starts: frozenset[str]) -> bool:
    """The cheap pre-check before the unit pattern: 20万平方米, 3000多吨, 100 卢比."""
    following = text[end : end + 1]
    if following == " ":
        following = text[end + 1 : end + 2]
    return following in starts


def unit_after(lexicon: Lexicon, side: str, text: str, quantity: Quantity) -> UnitMention | None:
    """The unit of a quantity: after it (20万平方米, 200 hectares, 元/吨), or an English currency before it."""
    if quantity.kind not in UNIT_KINDS or quantity.identifier:
        return None
    if side == "zh":
        if not may_start_zh_unit(text, quantity.end, lexicon.zh_starts):
            return None
        match = lexicon.zh_pattern.match(text, quantity.end)
        if match is None:
            return None
        first = lexicon.zh_units(match.group(1))
        second = lexicon.zh_units(match.group(2)) if match.group(2) else ()
        if second and first and second[0].id == first[0].id:
            # 每周7天每天24小时: 天每天 is no rate (days per day); the 每 begins the next phrase
            second, end = (), match.end(1)
        else:
            end = match.end()
        if len(first) > 1 and lexicon.zh_contexts:
            first = _by_context(lexicon, first, text, quantity.start, end)
        return _mention(first, second, match.start(1), end)
    if quantity.unit and quantity.text.startswith(quantity.unit):
        # a currency the extractor took before the digits: US$5 million, RMB 3 billion
        units = lexicon.en_units(quantity.unit)
        if units:
            per = lexicon.en_pattern.match(text, quantity.end)
            second: tuple[Unit, ...] = ()
            if per and per.group(2) and lexicon.en_units(per.group(1)) == units:
                second = lexicon.en_units(per.group(2))
            return _mention(units, second, quantity.start, quantity.start + len(quantity.unit))
    if quantity.unit == "m" and quantity.text.endswith("m"):
        return _mention(lexicon.en_units("m"), (), quantity.end - 1, quantity.end)
    match = lexicon.en_pattern.match(text, quantity.end)
    if match is None:
        return None
    second = lexicon.en_units(match.group(2)) if match.group(2) else ()
    return _mention(lexicon.en_units(match.group(1)), second, match.start(1), match.end())
