"""TAG001 tag-mismatch: inline tags or placeholders missing, added or out of order between zh and en."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from qa.lang.placeholders import PLACEHOLDER
from qa.model import Hit, Pair, Segment, Side
from qa.rules import Rule, register

_SIDE_NAMES = {"zh": "Chinese", "en": "English"}
_CLOSERS = {"ept": "bpt", "ec": "sc"}  # closing kinds that are not "/" + the opening kind


@dataclass(frozen=True)
class _Item:
    key: str
    text: str
    start: int
    end: int


def _items(segment: Segment) -> list[_Item]:
    """The segment's inline tags (kept out of its text by the XLIFF/TMX/PO/CSV readers) and the
    placeholders still written in its text (plain .txt/.tsv files), in order."""
    items = [_Item(tag.key, tag.text, tag.offset, tag.offset + 1) for tag in segment.tags]
    text = segment.text
    if "%" not in text and "{" not in text:  # no placeholder can be there: skip the regex
        return items
    items += [_Item(m.group(), m.group(), m.start(), m.end()) for m in PLACEHOLDER.finditer(segment.text)]
    return sorted(items, key=lambda item: item.start)


_PRINTF_ARG = regex.compile(
    r"%(?:([1-9]\d*)\$)?[-+ #0']*(?:\d+|(\*)(?:\d+\$)?)?(?:\.(?:\d+|(\*)(?:\d+\$)?))?"
    r"(?:<PRI([diouxX])\w*>|(?:hh|h|ll|l|L|q|j|z|t)?([diouxXeEfFgGaAcsp@]))"
)


def _by_argument(items: list[_Item]) -> list[_Item]:
    """printf placeholders keyed by the argument they print, when the side numbers any (%2$s): an
    unnumbered one takes the next argument, so %d … %s and %2$s … %1$d print the same values;
    %i is %d, and flags and widths (%1$03d) do not change which value is printed."""
    keyed, position = [], 0
    for item in items:
        match = _PRINTF_ARG.fullmatch(item.key)
        if match is None:
            keyed.append(item)
            continue
        position = int(match.group(1)) if match.group(1) else position + 1
        if not match.group(1):  # an unnumbered * (%*d, %.*s) takes an argument of its own first
            position += bool(match.group(2)) + bool(match.group(3))
        conversion = match.group(4) or match.group(5)
        conversion = "d" if conversion == "i" else conversion
        keyed.append(_Item(f"%{position}${conversion}", item.text, item.start, item.end))
    return keyed


def _is_sequential_placeholder(key: str) -> bool:
    """%s, %d: filled in order, so their order is the argument order (%1$s and {0} are not)."""
    return key.startswith("%") and not key[1:2].isdigit() and not key.startswith("%(")


def _opening_of(key: str) -> str | None:
    if key.startswith("/"):
        return key[1:]
    kind, _, ident = key.partition("#")
    return f"{_CLOSERS[kind]}#{ident}" if kind in _CLOSERS else None


@register
class TagMismatch(Rule):
    """Inline tags or placeholders missing, added or out of order between the Chinese and the English.

    CAT tools carry formatting and fields as inline tags (XLIFF ``<g>``, ``<x/>``,
    ``<ph>``, ``<bpt>``/``<ept>``, TMX ``<bpt>``/``<ept>``/``<ph>``) and software
    strings carry placeholders (``%s``, ``%d``, ``{0}``, ``{name}``). A tag lost in
    translation loses the bold, the link or the footnote it stood for, and a lost
    or extra placeholder crashes the program or prints the wrong value. Tags are
    matched by kind and id; a closing tag before its opening tag, and ``%s``/``%d``
    placeholders in a different order (they are filled in order), are reported
    too. Paired tags and numbered placeholders may move: word order differs.
    A printf placeholder with a position (``%2$s``) prints that argument and an
    unnumbered one the next, so ``%d … %s`` and ``%2$s … %1$d`` match; a dropped
    ``%1$03d`` or ``%1$@`` is reported. Syntax families: ``qa.lang.placeholders``.

    **Fails:** ``'{wb_fpath}' was discarded.`` / ``“”已被舍去。`` (the placeholder is gone)

    **Passes:** ``'{wb_fpath}' was discarded.`` / ``“{wb_fpath}” 已被舍去。``;
    ``Updated %d path from %s`` / ``从 %2$s 更新了 %1$d 个路径``
    """

    code = "TAG001"
    name = "tag-mismatch"
    severity = "error"
    pure = True

    def check(self, pair: Pair) -> Iterator[Hit]:
        sides = {"zh": _items(pair.zh), "en": _items(pair.en)}
        if not sides["zh"] and not sides["en"]:
            return
        if any(_PRINTF_ARG.fullmatch(item.key) and "$" in item.key for items in sides.values() for item in items):
            sides = {side: _by_argument(items) for side, items in sides.items()}
        counts = {side: Counter(item.key for item in items) for side, items in sides.items()}
        unmatched: set[str] = set()
        for side, other in (("zh", "en"), ("en", "zh")):
            surplus = counts[side] - counts[other]
            unmatched.update(surplus)
            for item in reversed(sides[side]):  # the last occurrences are the extra ones
                if surplus[item.key] > 0:
                    surplus[item.key] -= 1
                    yield Hit(
                        side,  # type: ignore[arg-type]
                        item.start,
                        item.end,
                        f"{item.text} in the {_SIDE_NAMES[side]} is missing from the {_SIDE_NAMES[other]}",
                        suggestion=f"add {item.text} to the {_SIDE_NAMES[other]} where it belongs, or remove it here",
                        key=item.key,
                    )
        for side in ("zh", "en"):
            yield from self._closed_before_opened(side, sides[side], unmatched)  # type: ignore[arg-type]
        yield from self._sequential_order(sides, unmatched)

    def _closed_before_opened(self, side: Side, items: list[_Item], unmatched: set[str]) -> Iterator[Hit]:
        opened: Counter[str] = Counter()
        for item in items:
            opening = _opening_of(item.key)
            if opening is None:
                opened[item.key] += 1
            elif opened[opening] > 0:
                opened[opening] -= 1
            elif item.key not in unmatched and opening not in unmatched:
                yield Hit(
                    side,
                    item.start,
                    item.end,
                    f"closing tag {item.text} comes before its opening tag in the {_SIDE_NAMES[side]}",
                    suggestion="put the closing tag after the text it closes",
                    key=item.key,
                )

    def _sequential_order(self, sides: dict[str, list[_Item]], unmatched: set[str]) -> Iterator[Hit]:
        zh = [item for item in sides["zh"] if _is_sequential_placeholder(item.key) and item.key not in unmatched]
        en = [item for item in sides["en"] if _is_sequential_placeholder(item.key) and item.key not in unmatched]
        zh_keys, en_keys = [item.key for item in zh], [item.key for item in en]
        if zh_keys == en_keys:
            return
        first = next(index for index, (a, b) in enumerate(zip(zh_keys, en_keys, strict=False)) if a != b)
        yield Hit(
            "en",
            en[first].start,
            en[first].end,
            f"placeholders in another order: {', '.join(zh_keys)} in the Chinese, {', '.join(en_keys)} in the English",
            suggestion="keep the order, or number them (%1$s, %2$d) so each keeps its argument",
            key=" ".join(en_keys),
        )
