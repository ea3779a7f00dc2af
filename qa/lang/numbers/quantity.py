"""The Quantity: one number found in one side of a pair, in a form both languages share.

Chinese and English extractors (qa.lang.numbers.zh, qa.lang.numbers.en) produce
Quantities; the number rules only compare them (qa.lang.numbers.match).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import MAX_EMAX, MIN_EMIN, Context, Decimal, DecimalException, localcontext
from functools import wraps
from typing import Literal, ParamSpec, TypeVar

#: What a number counts. ``date`` carries (year, month, day) in ``date``; ``range`` has ``high``;
#: ``month`` and ``day`` are the parts of a date written alone (一月 / January, 15日 / the 15th).
Kind = Literal[
    "cardinal",
    "ordinal",
    "percent",
    "percentage_point",
    "fraction",
    "multiple",
    "year",
    "date",
    "month",
    "day",
    "range",
    "time",
]

#: Kinds that compare with each other by value; dates, months and days only with their own kind.
NUMERIC_KINDS = frozenset({"cardinal", "ordinal", "fraction", "multiple", "year", "range", "time", "day"})
PERCENT_KINDS = frozenset({"percent", "percentage_point"})
DATE_KINDS = frozenset({"date", "month"})


def family(kind: str) -> str:
    """Kinds that can be a mistranslation of each other: numbers, percentages, calendar dates."""
    if kind in PERCENT_KINDS:
        return "percent"
    if kind in DATE_KINDS:
        return "date"
    return "number"


_ONE = Decimal(1)


@dataclass(frozen=True)
class Quantity:
    """A number as written in one language.

    ``value`` is exact (6.1万 → 61000). ``quantum`` is the precision the writer gave
    (6.1万 → 1000, 61,000 → 1), so that a rounded rendering still matches.
    ``hard`` quantities must appear in the translation; ``soft`` ones (一项, 两个确立,
    list enumerators, "one", "first") may be dropped or rendered as "a" or "both".
    ``approx`` is the approximation word (约, 多, more than) if any; ``magnitude`` marks
    an order of magnitude (千亿级, 数十万, hundreds of thousands) rather than a count.
    """

    value: Decimal
    kind: Kind
    start: int
    end: int
    text: str
    hard: bool = True
    quantum: Decimal = _ONE
    unit: str = ""  # unit text after the number (平方米, square meters, 元); the units rules read it
    measure: str = ""  # the Chinese measure word (个, 项, 部) or English counted noun, if any
    approx: str = ""
    magnitude: bool = False
    high: Decimal | None = None  # upper bound of a range
    date: tuple[int | None, int | None, int | None] | None = None  # (year, month, day) of a date
    enumerator: bool = False  # a list enumerator: (八), 二、, 一是, "Eighth," at the start
    spelled: bool = False  # written in words (三百, twenty-one) rather than digits
    #: a number in an identifier (737NG, G20, Ka-52): never reported, but it may stand for the other side's number
    identifier: bool = False
    #: an English number in parentheses (6,000 mu (400 hectares)): a translator's gloss, never reported
    gloss: bool = False
    parts: tuple[Quantity, ...] = ()  # the ends of a range, compared one by one when the range has no match

    def __init__(
        self,
        value: Decimal,
        kind: Kind,
        start: int,
        end: int,
        text: str,
        hard: bool = True,
        quantum: Decimal = _ONE,
        unit: str = "",
        measure: str = "",
        approx: str = "",
        magnitude: bool = False,
        high: Decimal | None = None,
        date: tuple[int | None, int | None, int | None] | None = None,
        enumerator: bool = False,
        spelled: bool = False,
        identifier: bool = False,
        gloss: bool = False,
        parts: tuple[Quantity, ...] = (),
    ) -> None:
        # What the dataclass would generate, without its object.__setattr__ per field (frozen): the
        # extractors build hundreds of thousands of quantities on a large corpus, and this halves their cost.
        fields = self.__dict__
        fields["value"] = value
        fields["kind"] = kind
        fields["start"] = start
        fields["end"] = end
        fields["text"] = text
        fields["hard"] = hard
        fields["quantum"] = quantum
        fields["unit"] = unit
        fields["measure"] = measure
        fields["approx"] = approx
        fields["magnitude"] = magnitude
        fields["high"] = high
        fields["date"] = date
        fields["enumerator"] = enumerator
        fields["spelled"] = spelled
        fields["identifier"] = identifier
        fields["gloss"] = gloss
        fields["parts"] = parts

    def shown(self) -> str:
        """The value for a message: 61,000, 3.5%, 2023-01-15, 3–5, 19:30."""
        if self.kind == "date" and self.date is not None:
            year, month, day = self.date
            return "-".join(
                part
                for part in (str(year) if year else "", f"{month:02d}" if month else "", f"{day:02d}" if day else "")
                if part
            )
        if self.kind == "range" and self.high is not None:
            return f"{format_value(self.value)}–{format_value(self.high)}"
        suffix = "%" if self.kind == "percent" else " points" if self.kind == "percentage_point" else ""
        if self.kind == "month":
            return f"month {int(self.value)}"
        if self.kind == "time" and self.value == self.value.to_integral_value() and 0 <= self.value < 10**6:
            hours, minutes = divmod(int(self.value), 60)  # a time's value counts minutes after midnight
            return f"{hours:02d}:{minutes:02d}"
        return format_value(self.value) + suffix


#: Numbers from 10**100 on are shown in scientific notation (1.00000e+39 would still be written out):
#: no translation spells them, and int() of a number of a million digits is slow or refused.
_LARGEST_SHOWN_IN_FULL = 99

#: The arithmetic context for numbers of any size: the default one overflows past 10**999999
#: (亿亿亿… multiplies by 10**8 per character, "1e999999 thousand" is 10**1000002).
WIDE_CONTEXT = Context(Emax=MAX_EMAX, Emin=MIN_EMIN)

_P = ParamSpec("_P")
_R = TypeVar("_R")


def any_size(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """Runs ``function`` again in WIDE_CONTEXT when a number's size breaks it in the default context.

    Costs nothing on ordinary numbers; the functions it wraps are pure, so running again is safe."""

    @wraps(function)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            return function(*args, **kwargs)
        except (DecimalException, OverflowError):
            with localcontext(WIDE_CONTEXT):
                return function(*args, **kwargs)

    return wrapper


def format_value(value: Decimal) -> str:
    """61000 → "61,000"; 0.5 → "0.5"; 1/3 → "0.333"; years and small numbers stay plain; 10**39 → "1e+39"."""
    if not value.is_finite() or (value and value.adjusted() > _LARGEST_SHOWN_IN_FULL):
        return format(value, ".6g")
    if value == value.to_integral_value():
        number = int(value)
        if 1000 <= number <= 2999:
            return str(number)  # most four-digit numbers in these texts are years
        return f"{number:,}"
    text = f"{value:,.6f}".rstrip("0").rstrip(".")
    whole, _, fraction = text.partition(".")
    return whole + ("." + fraction[:3] if fraction else "")
