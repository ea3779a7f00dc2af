"""Conversions between units (pint) and both values shown in one unit for messages.

Conversions come from a table of (dimension, factor to the base unit) per unit, computed with
pint once per lexicon and only when two different units meet: most pairs carry the same unit on
both sides, and pint is slow to load. Currencies are compared by code (rates change); 万元 and
亿元 are yuan scaled. Values agree when the Chinese value, converted into the English unit,
rounds to the English value at the precision the English gives (200公顷 = 2 square kilometers =
about 494 acres).
"""

from __future__ import annotations

import math
from decimal import Decimal
from functools import lru_cache

from qa.lang.numbers.quantity import Quantity
from qa.lang.units.lexicon import Lexicon, Unit, UnitFileError


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


def rounding_quantum(quantity: Quantity) -> Decimal:
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
    # the 0.2% allowed for factors that are themselves rounded (a mu is 666.67 m²): a currency of one code,
    # a metric prefix (千克 → kg) or a unit named two ways (美元, $) scales by an exact power of ten, so
    # 4 000美元 ↔ $4,005 and 13 730千克 ↔ 13,731 kg are changed digits, not conversions; and, as between
    # numbers without units, the English may round the Chinese but not be more precise than it
    # (2亿美元 ↔ $220 million) unless the Chinese says it is approximate
    exact = bool(zh_unit.currency) or _power_of_ten(ratio)
    slack = abs(expected) * (1e-9 if exact else 0.002)
    zh_precision = 0.0 if exact and not zh.approx else float(zh.quantum) * ratio / 2
    tolerance = max(float(rounding_quantum(en)) / 2, zh_precision, slack)
    if abs(expected - float(en.value)) <= tolerance * 1.0001:
        return True
    if zh.high is not None and en.high is not None:
        return abs(float(zh.high) * ratio - float(en.high)) <= tolerance * 1.0001
    return False


def _power_of_ten(ratio: float) -> bool:
    if ratio <= 0 or not math.isfinite(ratio):
        return False
    exponent = round(math.log10(ratio))
    return abs(ratio / 10.0**exponent - 1) < 1e-9


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
