"""Units: which unit each quantity carries, and whether two quantities in different units agree.

The lexicon is data (``rules/units.yaml``, ``kind: units``): Chinese and English unit words and
symbols mapped to pint units, with the units pint lacks (亩, 斤, 里) defined there. A user's own
``rules/units.yaml`` extends it: an entry with the same ``id`` replaces the shipped one.

A unit is found right after a quantity (20万平方米, "200,000 square meters", "1,100 kilometers of
pipelines") or, for English currency symbols, before it (US$5 million, RMB 3 billion); per-unit
forms (元/吨, "yuan per ton") are one unit built from two. Conversions come from a table of
(dimension, factor to the base unit) per unit, computed with pint once per lexicon and only when
two different units meet: most pairs carry the same unit on both sides, and pint is slow to load.
Currencies are compared by code (rates change); 万元 and 亿元 are yuan scaled.

Values agree when the Chinese value, converted into the English unit, rounds to the English
value at the precision the English gives (200公顷 = 2 square kilometers = about 494 acres).
"""

from __future__ import annotations

import bisect
import heapq
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from qa.datapacks import DataPackError, load_yaml, shown, yaml_kind
from qa.lang.numbers.quantity import Quantity

__all__ = [
    "Lexicon",
    "Unit",
    "UnitFileError",
    "UnitMention",
    "activate",
    "active_lexicon",
    "converts",
    "load_lexicon",
    "shown_in_common_unit",
    "unit_after",
]

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


_KEYS = frozenset({"id", "pint", "currency", "factor", "symbol", "zh", "en", "define", "ambiguous", "note"})


def _read_entries(paths: Iterable[Path]) -> list[tuple[dict, str]]:
    entries: dict[str, tuple[dict, str]] = {}
    for path in paths:
        if yaml_kind(path) != "units":  # other packs (patterns, glossaries) are not parsed here
            continue
        data = load_yaml(path)
        if not isinstance(data, dict) or data.get("kind") != "units":
            continue
        units = data.get("units")
        if not isinstance(units, list):
            raise UnitFileError(f"{shown(path)}: `units` must be a list")
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


def _word_pattern(words: Iterable[str], case_sensitive: Iterable[str]) -> str:
    exact = set(case_sensitive)
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        body = r"[\s-]?".join(re.escape(piece) for piece in word.split(" "))  # square meters, square-meter
        parts.append(body if word in exact else f"(?i:{body})")
    return "|".join(parts) or "(?!)"


def _spaced(word: str) -> str:
    """square-meter, square  meter → square meter: the lexicon's words are looked up in this form."""
    return " ".join(word.replace("-", " ").split()) if " " in word or "-" in word[1:] else word


def _case_sensitive(word: str) -> bool:
    """Symbols (m, t, kW, MW) are matched as written; words (Meters, YUAN) in any case."""
    return len(word) <= 2 or any(char.isupper() for char in word[1:])


def load_lexicon(paths: Iterable[Path]) -> Lexicon:
    """The lexicon from units files in order (shipped first, then the user's)."""
    paths = list(paths)
    units: dict[str, Unit] = {}
    zh_words: dict[str, tuple[str, ...]] = {}
    en_words: dict[str, tuple[str, ...]] = {}
    definitions: list[str] = []
    for entry, where in _read_entries(paths):
        unit_id = str(entry["id"])
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
            unit_id, str(entry.get("symbol") or unit_id), str(entry.get("pint") or ""), currency, factor, ambiguous
        )
        definitions.extend(_strings(entry.get("define"), where))
        for word in _strings(entry.get("zh"), where):
            zh_words[word] = (*zh_words.get(word, ()), unit_id)
        for word in _strings(entry.get("en"), where):
            folded = _spaced(word) if _case_sensitive(word) else _spaced(word).lower()
            en_words[folded] = (*en_words.get(folded, ()), unit_id)
    zh_pattern = re.compile(
        r"(?:[多余来许几]|以上|左右)?\s?(" + _word_pattern(zh_words, zh_words) + ")"
        r"(?:(?:/|每)(" + _word_pattern(zh_words, zh_words) + "))?"
    )
    en_cs = [word for word in en_words if _case_sensitive(word)]
    en_alternatives = _word_pattern(en_words, en_cs)
    en_pattern = re.compile(
        r"[\s\u00a0-]?(?:of\s)?(" + en_alternatives + r")(?![A-Za-z0-9²³])'?"
        r"(?:(?:\s?/\s?|\s(?:per|an?|each)\s)(" + en_alternatives + r")(?![A-Za-z0-9²³]))?"
    )
    key = tuple((str(path), path.stat().st_mtime_ns) for path in paths)
    starts = frozenset(word[0] for word in zh_words) | frozenset("多余来许几以左")
    return Lexicon(units, zh_words, en_words, tuple(definitions), zh_pattern, en_pattern, key, starts)


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


def _may_start_zh_unit(text: str, end: int, starts: frozenset[str]) -> bool:
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
        if not _may_start_zh_unit(text, quantity.end, lexicon.zh_starts):
            return None
        match = lexicon.zh_pattern.match(text, quantity.end)
        if match is None:
            return None
        second = lexicon.zh_units(match.group(2)) if match.group(2) else ()
        return _mention(lexicon.zh_units(match.group(1)), second, match.start(1), match.end())
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


# -- conversions -------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _registry():
    """One pint registry per run; loaded only when two different units meet.

    pint keeps its parsed definitions in the user's cache folder. With no writable
    home (a container run with --user, HOME=/, a read-only XDG_CACHE_HOME) making or
    writing that folder fails: the definitions are then parsed afresh, with no cache.
    """
    import pint
    import platformdirs  # pint's own dependency, which it uses for ":auto:"

    try:
        folder = platformdirs.user_cache_path(appname="pint", appauthor=False)
    except RuntimeError:  # no HOME and no account (a container's --user)
        folder = None
    # relative where "~" is not known: it would be "~/.cache/pint" in the working folder
    if folder is not None and folder.is_absolute():
        try:
            return pint.UnitRegistry(cache_folder=folder)
        except OSError:
            pass
    return pint.UnitRegistry(cache_folder=None)


@lru_cache(maxsize=8)
def conversion_table(lexicon: Lexicon) -> dict[str, tuple[str, float]]:
    """Every unit of the lexicon → (dimension, factor to the base unit), computed with pint once."""
    table: dict[str, tuple[str, float]] = {}
    registry = None
    for unit in lexicon.units.values():
        if unit.currency:
            table[unit.id] = (f"[currency {unit.currency}]", float(unit.factor))
            continue
        if registry is None:
            registry = _registry()
            for definition in lexicon.definitions:
                try:
                    registry.define(definition)
                except Exception:
                    pass
        try:
            base = registry.Quantity(unit.pint).to_base_units()  # "10000 * tonne" is a quantity, not a unit
        except Exception as error:
            raise UnitFileError(f"unit {unit.id}: pint cannot read {unit.pint!r}: {error}") from None
        table[unit.id] = (str(base.dimensionality), float(base.magnitude) * float(unit.factor))
    return table


def dimension(lexicon: Lexicon, unit: Unit) -> tuple[str, float]:
    """(dimension, factor to the base unit) of a unit or a rate."""
    if unit.currency and unit.per is None:
        return f"[currency {unit.currency}]", float(unit.factor)
    table = conversion_table(lexicon)
    head = table[unit.id] if not unit.currency else (f"[currency {unit.currency}]", float(unit.factor))
    if unit.per is None:
        return head
    tail = dimension(lexicon, unit.per)
    return f"{head[0]} / ({tail[0]})", head[1] / tail[1]


def same_unit(a: Unit, b: Unit) -> bool:
    return a.key == b.key


def _quantum(quantity: Quantity) -> Decimal:
    quantum = quantity.quantum
    if quantity.approx and quantity.value:
        # "about 500 acres" is good to 100 acres, but "over 1,000 kilograms" is not 500 kg
        normal = quantity.value.normalize()
        place = Decimal(1).scaleb(normal.as_tuple().exponent)  # type: ignore[arg-type]
        quantum = max(quantum, min(place, abs(quantity.value) / 5))
    return quantum


def converts(lexicon: Lexicon, zh: Quantity, zh_unit: Unit, en: Quantity, en_unit: Unit) -> bool:
    """The Chinese value in its unit rounds to the English value in the English unit.

    The tolerance follows the English rounding (494 acres: ±0.5 acre; about 500 acres: ±50)
    and the Chinese precision (20万平方米 is given to 10,000 m²), plus a little for factors
    that are themselves rounded (a mu is 666.67 m²).
    """
    if same_unit(zh_unit, en_unit):
        return zh.value == en.value
    if zh_unit.currency or en_unit.currency:
        if zh_unit.currency != en_unit.currency or zh_unit.per or en_unit.per:
            return False
    zh_dimension, zh_factor = dimension(lexicon, zh_unit)
    en_dimension, en_factor = dimension(lexicon, en_unit)
    if zh_dimension != en_dimension or "kelvin" in zh_unit.pint.lower() or "celsius" in zh_unit.pint.lower():
        return False
    ratio = zh_factor / en_factor
    expected = float(zh.value) * ratio
    if not math.isfinite(expected):
        return False  # a number past a float's range (亿亿亿…) is no conversion of anything
    tolerance = max(float(_quantum(en)) / 2, float(zh.quantum) * ratio / 2, abs(expected) * 0.002)
    if abs(expected - float(en.value)) <= tolerance * 1.0001:
        return True
    if zh.high is not None and en.high is not None:
        return abs(float(zh.high) * ratio - float(en.high)) <= tolerance * 1.0001
    return False


# -- showing values in one unit --------------------------------------------------------------------------

#: Units a message may show a dimension in, smallest first (names as in the shipped lexicon).
_DISPLAY = {
    "[length]": (("m", 1.0), ("km", 1e3)),
    "[length] ** 2": (("m²", 1.0), ("km²", 1e6)),
    "[length] ** 3": (("m³", 1.0),),
    "[mass]": (("kg", 1.0), ("t", 1e3)),
    "[length] ** 2 * [mass] / [time] ** 3": (("kW", 1e3), ("MW", 1e6)),
    "[length] ** 2 * [mass] / [time] ** 2": (("kWh", 3.6e6), ("MWh", 3.6e9)),
    "[time]": (("s", 1.0), ("min", 60.0), ("h", 3600.0), ("days", 86400.0)),
    "[length] / [time]": (("km/h", 1 / 3.6),),
}


def _number(value: float) -> str:
    if value == 0:
        return "0"
    if abs(value) >= 100:
        return f"{round(value):,}"
    text = f"{value:.3g}" if abs(value) >= 1 else f"{value:.2g}"
    if "e" in text:
        return f"{value:,.2f}"
    return text


def shown_in_common_unit(lexicon: Lexicon, values: tuple[float, float], units: tuple[Unit, Unit]) -> tuple[str, str]:
    """Both values in one unit for a message: 200 ha and 200 acres → ("2 km²", "0.81 km²")."""
    dims = [dimension(lexicon, unit) for unit in units]
    base = [value * factor for value, (_, factor) in zip(values, dims, strict=True)]
    choices = _DISPLAY.get(dims[0][0])
    if not choices or dims[0][0] != dims[1][0]:
        return tuple(f"{_number(value)} {unit.shown}" for value, unit in zip(values, units, strict=True))  # type: ignore[return-value]
    largest = max(abs(value) for value in base)
    symbol, factor = choices[0]
    for candidate, candidate_factor in choices:
        if largest / candidate_factor >= 1:
            symbol, factor = candidate, candidate_factor
    return tuple(f"{_number(value / factor)} {symbol}" for value in base)  # type: ignore[return-value]


# -- what the UNIT rules report --------------------------------------------------------------------------


@dataclass(frozen=True)
class UnitFinding:
    """One pair of quantities whose units disagree (or a unit lost in the English)."""

    kind: str  # "dimension", "scale", "currency", "ambiguous", "missing"
    zh: Quantity
    en: Quantity
    zh_unit: UnitMention | None
    en_unit: UnitMention | None


_MAY_HAVE_ZH_UNIT = re.compile(r"[^\x00-\u2fff]")  # a quantity needs a CJK character after it to have a unit


def unit_findings(comparison, lexicon: Lexicon, zh_text: str, en_text: str) -> tuple[UnitFinding, ...]:
    """Units of the matched quantities of a pair, compared (``qa.lang.comparison.compare_units`` caches it)."""
    matched = comparison.matched
    if not matched:
        return ()
    starts = lexicon.zh_starts
    if not any(z.kind in UNIT_KINDS and _may_start_zh_unit(zh_text, z.end, starts) for z, _ in matched):
        return ()  # no unit after any matched Chinese number: most pairs stop here
    findings: list[UnitFinding] = []
    for zh_quantity, en_quantity in matched:
        if zh_quantity.kind not in UNIT_KINDS or en_quantity.kind not in UNIT_KINDS:
            continue
        zh_mention = unit_after(lexicon, "zh", zh_text, zh_quantity)
        en_mention = unit_after(lexicon, "en", en_text, en_quantity)
        if zh_mention is None or zh_quantity.magnitude or en_quantity.magnitude:
            continue  # 上万元 ↔ "tens of thousands of dollars": an order of magnitude, loosely said
        if en_mention is None:
            if en_quantity.unit or not zh_quantity.hard or not en_quantity.hard:
                continue  # a unit the lexicon does not know (¥), or a loose count
            findings.append(UnitFinding("missing", zh_quantity, en_quantity, zh_mention, None))
            continue
        kind = ""
        for zh_unit, en_unit in _candidates(zh_mention, en_mention):
            kind = (
                "" if same_unit(zh_unit, en_unit) else _difference(lexicon, zh_quantity, zh_unit, en_quantity, en_unit)
            )
            if not kind:
                break
        if kind and not (zh_quantity.hard or en_quantity.hard) and _repeated(comparison.zh, zh_quantity):
            continue  # 两年 … 两个月 ↔ "two months every two years": the same small count twice may pair up crosswise
        if kind:
            findings.append(UnitFinding(kind, zh_quantity, en_quantity, zh_mention, en_mention))
    return tuple(findings)


def _repeated(quantities: tuple[Quantity, ...], quantity: Quantity) -> bool:
    return sum(1 for other in quantities if other.value == quantity.value) > 1


def _heads(a: Unit, b: Unit) -> tuple[Unit, Unit]:
    """A rate on one side only (80元 … 每天 ↔ "80 yuan per day"): the "per" is said elsewhere; compare the heads."""
    if (a.per is None) != (b.per is None):
        return replace(a, per=None), replace(b, per=None)
    return a, b


def _candidates(zh: UnitMention, en: UnitMention) -> list[tuple[Unit, Unit]]:
    return [_heads(a, b) for a in zh.units for b in en.units]


def _difference(lexicon: Lexicon, zh: Quantity, zh_unit: Unit, en: Quantity, en_unit: Unit) -> str:
    if zh_unit.currency_code and en_unit.currency_code:
        if zh_unit.currency_code == en_unit.currency_code:
            return "" if converts(lexicon, zh, zh_unit, en, en_unit) else "scale"
        if zh_unit.currency_code in en_unit.ambiguous:
            return "ambiguous"
        return "currency"
    if converts(lexicon, zh, zh_unit, en, en_unit):
        return ""
    zh_dimension = dimension(lexicon, zh_unit)[0]
    en_dimension = dimension(lexicon, en_unit)[0]
    if en_dimension.startswith(zh_dimension + " / ") or zh_dimension.startswith(en_dimension + " / "):
        return ""  # 时速145公里 ↔ "145 kph": the "per hour" is said by another word
    return "scale" if zh_dimension == en_dimension else "dimension"


def loose(lexicon: Lexicon, unit: Unit) -> bool:
    """A unit translators reword or drop freely (years, days): UNIT003 does not ask for it."""
    if unit.currency or unit.per is not None:
        return False
    return unit.pint in ("year", "month", "week", "day", "hour", "minute", "second")


def reconcile(comparison, lexicon: Lexicon, zh_text: str, en_text: str):
    """Move pairs that differ only by a correct conversion (200公顷 ↔ 2 km²) to the matched pairs.

    Called by qa.lang.comparison when both sides have unmatched quantities, so that NUM
    rules do not report a converted value as a wrong one.
    """
    zh_left = list(comparison.zh_missing) + [z for z, _ in comparison.mistranslated]
    en_left = list(comparison.en_extra) + [e for _, e in comparison.mistranslated]
    zh_units = [(q, unit_after(lexicon, "zh", zh_text, q)) for q in zh_left]
    zh_units = [(q, mention) for q, mention in zh_units if mention is not None]
    if not zh_units:
        return comparison
    converted: list[tuple[Quantity, Quantity]] = []
    used: set[int] = set()
    if len(zh_units) * len(en_left) > _SCAN_LIMIT:
        _convert_indexed(lexicon, zh_units, en_left, en_text, converted, used)
    for zh_quantity, zh_mention in () if len(zh_units) * len(en_left) > _SCAN_LIMIT else zh_units:
        for en_quantity in en_left:
            if id(en_quantity) in used:
                continue
            en_mention = unit_after(lexicon, "en", en_text, en_quantity)
            if en_mention is None:
                continue
            if any(
                not same_unit(zh_unit, en_unit) and converts(lexicon, zh_quantity, zh_unit, en_quantity, en_unit)
                for zh_unit, en_unit in _candidates(zh_mention, en_mention)
            ):
                converted.append((zh_quantity, en_quantity))
                used.add(id(en_quantity))
                used.add(id(zh_quantity))
                break
    if not converted:
        return comparison
    # a mistranslated pair one of whose quantities was a conversion leaves the other one alone
    orphans = [(z, e) for z, e in comparison.mistranslated if (id(z) in used) != (id(e) in used)]
    return replace(
        comparison,
        matched=comparison.matched + tuple(converted),
        zh_missing=tuple(q for q in comparison.zh_missing if id(q) not in used)
        + tuple(z for z, _ in orphans if id(z) not in used and z.hard),
        en_extra=tuple(q for q in comparison.en_extra if id(q) not in used)
        + tuple(e for _, e in orphans if id(e) not in used and e.hard),
        mistranslated=tuple((z, e) for z, e in comparison.mistranslated if id(z) not in used and id(e) not in used),
    )


#: Above this many (Chinese, English) pairs, reconcile finds the English quantities a Chinese one
#: may be a conversion of by their units rather than by trying each (see _convert_indexed).
_SCAN_LIMIT = 4096


def _may_convert(lexicon: Lexicon, zh_unit: Unit, en_unit: Unit) -> bool:
    """Whether a value in ``zh_unit`` can be a conversion into ``en_unit`` (what reconcile asks of a
    candidate pair, and converts of the units alone)."""
    zh_unit, en_unit = _heads(zh_unit, en_unit)
    if same_unit(zh_unit, en_unit):
        return False
    if zh_unit.currency or en_unit.currency:
        if zh_unit.currency != en_unit.currency or zh_unit.per or en_unit.per:
            return False
    if dimension(lexicon, zh_unit)[0] != dimension(lexicon, en_unit)[0]:
        return False
    return "kelvin" not in zh_unit.pint.lower() and "celsius" not in zh_unit.pint.lower()


class _UnitValues:
    """The English quantities in one unit, by value: those with one (value, quantum, approximation)
    convert alike, and are kept together, each a heap of places in en_left."""

    def __init__(self) -> None:
        self.heaps: dict[tuple, list[int]] = {}
        self.values: list[tuple[float, tuple]] = []  # (value, signature), sorted once filled
        self.widest = 0.0  # the largest tolerance any of them gives (half its quantum)

    def add(self, quantity: Quantity, index: int) -> None:
        signature = (quantity.value, quantity.quantum, bool(quantity.approx))
        heap = self.heaps.get(signature)
        if heap is None:
            heap = self.heaps[signature] = []
            self.values.append((float(quantity.value), signature))
            self.widest = max(self.widest, float(_quantum(quantity)) / 2)
        heap.append(index)  # in order: a heap already

    def near(self, low: float, high: float) -> list[tuple]:
        """The signatures whose value is in [low, high]."""
        values = self.values
        found = []
        for place in range(bisect.bisect_left(values, (low,)), len(values)):
            value, signature = values[place]
            if value > high:
                break
            found.append(signature)
        return found


def _convert_indexed(
    lexicon: Lexicon,
    zh_units: list[tuple[Quantity, UnitMention]],
    en_left: list[Quantity],
    en_text: str,
    converted: list[tuple[Quantity, Quantity]],
    used: set[int],
) -> None:
    """reconcile's pairing for many quantities, with the same result: each Chinese quantity takes the
    first English one left that is its conversion, looked for only among the English quantities in
    a unit it can convert into and with a value near the converted one (the tolerance of converts,
    at its widest); ranges, which may convert by their upper ends, are tried one by one."""
    by_unit: dict[Unit, _UnitValues] = {}
    ranges: list[int] = []
    mentions: dict[int, UnitMention] = {}
    for index, quantity in enumerate(en_left):
        mention = unit_after(lexicon, "en", en_text, quantity)
        if mention is None:
            continue
        mentions[index] = mention
        if quantity.high is not None:
            ranges.append(index)
            continue
        for unit in mention.units:
            by_unit.setdefault(unit, _UnitValues()).add(quantity, index)
    for values in by_unit.values():
        values.values.sort()
    ratios: dict[tuple[Unit, Unit], float | None] = {}  # zh unit → en unit factor, None if it cannot convert

    def converting(zh_quantity: Quantity, zh_mention: UnitMention, index: int) -> bool:
        return any(
            not same_unit(zh_unit, en_unit) and converts(lexicon, zh_quantity, zh_unit, en_left[index], en_unit)
            for zh_unit, en_unit in _candidates(zh_mention, mentions[index])
        )

    first_range = 0  # the first range not taken
    for zh_quantity, zh_mention in zh_units:
        best = None
        for en_unit, values in by_unit.items():
            for zh_unit in zh_mention.units:
                key = (zh_unit, en_unit)
                if key not in ratios:
                    heads = _heads(zh_unit, en_unit)
                    ratios[key] = (
                        dimension(lexicon, heads[0])[1] / dimension(lexicon, heads[1])[1]
                        if _may_convert(lexicon, zh_unit, en_unit)
                        else None
                    )
                ratio = ratios[key]
                if ratio is None:
                    continue
                expected = float(zh_quantity.value) * ratio
                if not math.isfinite(expected):
                    continue
                # converts' tolerance at its widest for these units, and a little for float rounding
                reach = max(values.widest, float(zh_quantity.quantum) * ratio / 2, abs(expected) * 0.002) * 1.0002
                for signature in values.near(expected - reach, expected + reach):
                    heap = values.heaps[signature]
                    while heap and id(en_left[heap[0]]) in used:
                        heapq.heappop(heap)
                    if heap and (best is None or heap[0] < best) and converting(zh_quantity, zh_mention, heap[0]):
                        best = heap[0]
        while first_range < len(ranges) and id(en_left[ranges[first_range]]) in used:
            first_range += 1
        for place in range(first_range, len(ranges)):
            index = ranges[place]
            if best is not None and index > best:
                break
            if id(en_left[index]) not in used and converting(zh_quantity, zh_mention, index):
                best = index
                break
        if best is not None:
            en_quantity = en_left[best]
            converted.append((zh_quantity, en_quantity))
            used.add(id(en_quantity))
            used.add(id(zh_quantity))


# -- the words of messages ----------------------------------------------------------------------------


def zh_span(finding: UnitFinding) -> tuple[int, int]:
    end = finding.zh_unit.end if finding.zh_unit else finding.zh.end
    return finding.zh.start, max(end, finding.zh.end)


def en_span(finding: UnitFinding) -> tuple[int, int]:
    if finding.en_unit is None:
        return finding.en.start, finding.en.end
    return min(finding.en.start, finding.en_unit.start), max(finding.en.end, finding.en_unit.end)


def unit_context(rule) -> None:
    """What every UNIT rule does first: use the units files of its run."""
    context = rule.context
    activate(context.data_files("*.yaml", "*.yml") if context.data_dirs else None)


@lru_cache(maxsize=256)
def _words_of(lexicon: Lexicon, unit_id: str, currency: str) -> re.Pattern:
    words = [
        word
        for word, others in lexicon.en_words.items()
        for other in others
        if other == unit_id or (currency and lexicon.units[other].currency == currency)
    ]
    return re.compile(
        r"(?<![A-Za-z])(?:" + _word_pattern(words, [w for w in words if _case_sensitive(w)]) + ")(?![A-Za-z])"
    )


def mentions_unit(lexicon: Lexicon, en_text: str, unit: Unit) -> bool:
    """The English names the unit (or, for money, the currency) somewhere: it may stand before the number."""
    return _words_of(lexicon, unit.id, unit.currency).search(en_text) is not None
