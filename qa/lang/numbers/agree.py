"""Whether two quantities say the same thing: equal values, a rounding (12.36亿 ↔ 1.24 billion), an
approximation to its last digit, an order of magnitude, the same date, the same time of day, a range."""

from __future__ import annotations

from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

from qa.lang.numbers.quantity import Quantity

__all__ = ["values_agree"]


def _last_digit_place(value: Decimal) -> Decimal:
    """10 ** (position of the last non-zero digit): 380000 → 10000, 6.1 → 0.1."""
    if not value:
        return Decimal(1)
    normal = value.normalize()
    return Decimal(1).scaleb(normal.as_tuple().exponent)  # type: ignore[arg-type]


def _rounds_to(fine: Decimal, coarse: Decimal, quantum: Decimal) -> bool:
    if quantum <= 0:
        return fine == coarse
    return _rounded(fine, quantum) == coarse


def _rounded(value: Decimal, quantum: Decimal) -> Decimal:
    """``value`` rounded (half up) to a multiple of ``quantum`` (> 0)."""
    try:
        return (value / quantum).quantize(Decimal(1), rounding=ROUND_HALF_UP) * quantum
    except InvalidOperation:
        # more digits than the context's precision (a 40-digit number to the unit): with as many as it takes
        with localcontext() as context:
            context.prec = max(context.prec, value.adjusted() - quantum.adjusted() + 3)
            return (value / quantum).quantize(Decimal(1), rounding=ROUND_HALF_UP) * quantum


def _order(value: Decimal) -> int:
    return value.adjusted() if value else 0


def _numbers_agree(a: Quantity, b: Quantity, tolerant: bool) -> bool:
    if a.value == b.value:
        return True
    if not tolerant:
        return False
    if a.kind == "fraction" or b.kind == "fraction":
        ratio = a.value * 100 if a.kind == "fraction" and b.kind == "percent" else a.value
        other = b.value * 100 if b.kind == "fraction" and a.kind == "percent" else b.value
        return abs(ratio - other) <= Decimal("0.001") * max(abs(ratio), abs(other), Decimal(1))
    if a.magnitude or b.magnitude:
        # 千亿级 ↔ over 100 billion; 数十万 ↔ hundreds of thousands
        return bool(a.value and b.value) and _order(a.value) == _order(b.value)
    if a.kind == "multiple" or b.kind == "multiple":
        # 增长1倍 is "doubled": the count of times may be read either way
        return abs(a.value - b.value) == 1
    # a is the Chinese quantity, b the English one: the translation may round the source
    # (12.36亿 → 1.24 billion, 1.98亿 → about 200 million) but not be more precise than it
    quantum = b.quantum
    if b.approx:
        quantum = max(quantum, _last_digit_place(b.value))
    return quantum > a.quantum and _rounds_to(a.value, b.value, quantum)


def _dates_agree(a: Quantity, b: Quantity) -> bool:
    if a.kind == "month" or b.kind == "month":
        month_a = a.date[1] if a.date else int(a.value)
        month_b = b.date[1] if b.date else int(b.value)
        both_months = a.kind == b.kind == "month"
        return month_a == month_b and (both_months or (a.date or b.date or (None, None, None))[2] is None)
    assert a.date is not None and b.date is not None
    shared = False
    for index, (part_a, part_b) in enumerate(zip(a.date, b.date, strict=True)):
        if part_a is not None and part_b is not None:
            if part_a != part_b:
                return False
            shared = True
        elif index == 2 and (part_a is None) != (part_b is None):
            return False  # a day on one side only: a different (or a truncated) date
    return shared


def _times_agree(a: Quantity, b: Quantity) -> bool:
    if a.kind == b.kind == "time":
        return a.value % 720 == b.value % 720
    time, other = (a, b) if a.kind == "time" else (b, a)
    hours = int(time.value) // 60
    return other.value in (hours, hours % 12, int(time.value) % 60)


#: Kinds compared by their own rules; any other two quantities compare as numbers.
_SPECIAL_KINDS = frozenset({"date", "month", "time", "range"})


def values_agree(a: Quantity, b: Quantity, tolerant: bool = True) -> bool:
    """Whether two quantities (any sides, any order) say the same thing."""
    if a.kind not in _SPECIAL_KINDS and b.kind not in _SPECIAL_KINDS:  # the common case, first
        return a.value == b.value or (tolerant and _numbers_agree(a, b, tolerant))
    a_calendar = a.kind in ("date", "month")
    b_calendar = b.kind in ("date", "month")
    if a_calendar or b_calendar:
        return a_calendar and b_calendar and _dates_agree(a, b)
    if a.kind == "time" or b.kind == "time":
        return _times_agree(a, b)
    if a.kind == "range" or b.kind == "range":
        if a.kind != b.kind or a.high is None or b.high is None:
            return False
        low_a, low_b = replace(a, kind="cardinal"), replace(b, kind="cardinal")
        high_a, high_b = replace(low_a, value=a.high), replace(low_b, value=b.high)
        return _numbers_agree(low_a, low_b, tolerant) and _numbers_agree(high_a, high_b, tolerant)
    return _numbers_agree(a, b, tolerant)


def _exactly(a: Quantity, b: Quantity) -> bool:
    return values_agree(a, b, tolerant=False)


def _plain(quantity: Quantity) -> bool:
    """A quantity that agrees with another plain one by value alone (equal or, tolerantly, rounded to
    the English quantum): no date, month, time or range, no fraction, multiple or order of magnitude."""
    return (
        quantity.kind not in _SPECIAL_KINDS
        and quantity.kind not in ("fraction", "multiple")
        and not (quantity.magnitude)
    )


def _english_quantum(quantity: Quantity) -> Decimal:
    """The precision a tolerant comparison gives an English quantity (see _numbers_agree)."""
    if quantity.approx:
        return max(quantity.quantum, _last_digit_place(quantity.value))
    return quantity.quantum
