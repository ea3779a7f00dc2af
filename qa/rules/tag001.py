"""TAG001 tag-mismatch: inline tags or placeholders missing, added or out of order between zh and en."""

from __future__ import annotations

import bisect
from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import regex

from qa.lang.placeholders import MARKUP, PLACEHOLDER, placeholder_key
from qa.lang.placeholders.icu import Argument, Branch, icu_arguments
from qa.lang.placeholders.markup import Tag, html_tags, markup_names
from qa.model import Hit, Pair, Segment, Side, elide
from qa.rules import Rule, register

_SIDE_NAMES = {"zh": "Chinese", "en": "English"}
_CLOSERS = {"ept": "bpt", "ec": "sc"}  # closing kinds that are not "/" + the opening kind
#: ICU branches for one count or an exact value: the count (#) may be written out ("one item", 一个)
_EXACT_CATEGORIES = ("zero", "one", "two")

#: Where an item sits: () outside any ICU argument, else the (argument key, selector) of each
#: enclosing branch, outermost first: (("{count, plural}", "other"),).
Path = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class _Item:
    key: str
    text: str
    start: int
    end: int
    path: Path = ()


def _items(segment: Segment, scan_placeholders: bool, markup: set[str], tags: list[Tag]) -> list[_Item]:
    """The segment's inline tags (kept out of its text by the XLIFF/TMX/PO/CSV readers), the
    placeholders still written in its text (plain .txt/.tsv files: ``scan_placeholders``) and its
    HTML tags whose names are ``markup``, in order."""
    items = [
        _Item(placeholder_key(tag.key) if tag.key == tag.text else tag.key, tag.text, tag.offset, tag.offset + 1)
        for tag in segment.tags
    ]
    text = segment.text
    if scan_placeholders and ("%" in text or "{" in text):  # else no placeholder can be there: skip the regex
        items += [_Item(placeholder_key(m.group()), m.group(), m.start(), m.end()) for m in PLACEHOLDER.finditer(text)]
    if markup:
        items += [_Item(tag.key, tag.text, tag.start, tag.end) for tag in tags if tag.name in markup]
    return sorted(items, key=lambda item: item.start)


def _icu(segment: Segment) -> tuple[list[Argument], set[int]]:
    """The segment's ICU plural/select arguments, at offsets of its text, and the offsets of the
    "placeholders" that are a branch's own braces (``female {She}``: ``{She}`` is no argument).

    A reader may have made a one-word branch such as ``{She}`` a tag, so the arguments are read
    from the text with such tags written back, and their offsets mapped onto the segment's text."""
    text = segment.text
    braces = [tag for tag in segment.tags if tag.text.startswith("{") and tag.key == tag.text]
    if "{" not in text:
        return [], set()
    restored, expansions, position = [], [], 0  # expansions: (restored start, restored end, mark offset)
    length = 0
    for tag in braces:
        restored.append(text[position : tag.offset])
        length += tag.offset - position
        expansions.append((length, length + len(tag.text), tag.offset))
        restored.append(tag.text)
        length += len(tag.text)
        position = tag.offset + 1
    restored.append(text[position:])
    full = "".join(restored)
    arguments = icu_arguments(full)
    if not arguments:
        return [], set()
    starts = [start for start, _, _ in expansions]

    # restored offsets past an expansion move back by the characters its tag text added
    added = []
    total = 0
    for start, end, _ in expansions:
        total += end - start - 1
        added.append(total)

    def to_segment(offset: int) -> int:
        index = bisect.bisect_right(starts, offset) - 1
        if index < 0:
            return offset
        _, end, mark = expansions[index]
        if offset < end:
            return mark
        return offset - added[index]

    spans = {(start, end): mark for start, end, mark in expansions}
    dropped: set[int] = set()

    def convert(argument: Argument) -> Argument:
        branches = []
        for branch in argument.branches:
            brace = (branch.start - 1, branch.end + 1)
            dropped.add(spans[brace] if brace in spans else to_segment(brace[0]))
            branches.append(
                Branch(
                    branch.selector,
                    to_segment(branch.start),
                    to_segment(branch.end),
                    [convert(inner) for inner in branch.arguments],
                )
            )
        head = full[argument.start : argument.head_end]
        return Argument(
            argument.name,
            argument.kind,
            to_segment(argument.start),
            to_segment(argument.end),
            to_segment(argument.start) + len(head),
            branches,
        )

    return [convert(argument) for argument in arguments], dropped


def _placed(items: list[_Item], arguments: list[Argument], text: str) -> tuple[list[_Item], set[Path]]:
    """The items with the ICU branch each sits in (its ``path``), each argument as an item of the
    branch around it, the ``#`` of plural branches; and every branch's path (empty ones too)."""
    if not arguments:
        return items, set()
    branches: list[tuple[int, int, Path, list[tuple[int, int]], bool]] = []  # in order of start
    extra: list[_Item] = []

    def walk(argument: Argument, outer: Path) -> None:
        head = text[argument.start : argument.head_end].rstrip()
        extra.append(_Item(argument.key, head, argument.start, argument.start + len(head), outer))
        counted = argument.kind != "select"  # plural and selectordinal print their count where # is
        for branch in argument.branches:
            path = (*outer, (argument.key, branch.selector))
            nested = [(inner.start, inner.end) for inner in branch.arguments]
            branches.append((branch.start, branch.end, path, nested, counted))
            for inner in branch.arguments:
                walk(inner, path)

    for argument in arguments:
        walk(argument, ())
    placed: list[_Item] = []
    open_branches: list[tuple[int, Path]] = []  # (end, path) of the branches around the item
    pending = iter(branches)
    upcoming = next(pending, None)
    for item in items:
        while upcoming is not None and upcoming[0] <= item.start:
            while open_branches and open_branches[-1][0] <= upcoming[0]:
                open_branches.pop()
            open_branches.append((upcoming[1], upcoming[2]))
            upcoming = next(pending, None)
        while open_branches and open_branches[-1][0] <= item.start:
            open_branches.pop()
        placed.append(_Item(item.key, item.text, item.start, item.end, open_branches[-1][1]) if open_branches else item)
    for start, end, path, nested, counted in branches:
        if counted:
            placed += [_Item("#", "#", offset, offset + 1, path) for offset in _hashes(text, start, end, nested)]
    return sorted(placed + extra, key=lambda item: item.start), {branch[2] for branch in branches}


def _hashes(text: str, start: int, end: int, nested: list[tuple[int, int]]) -> Iterator[int]:
    """Offsets of # in text[start:end] outside the nested arguments (their # is their own count)."""
    position = start
    for nested_start, nested_end in [*nested, (end, end)]:
        offset = text.find("#", position, nested_start)
        while offset >= 0:
            yield offset
            offset = text.find("#", offset + 1, nested_start)
        position = nested_end


@cache  # compiled on first use: only printf placeholders ask
def _printf_arg() -> regex.Pattern[str]:
    return regex.compile(
        r"%(?:([1-9]\d*)\$)?[-+ #0']*(?:\d+|(\*)(?:\d+\$)?)?(?:\.(?:\d+|(\*)(?:\d+\$)?))?"
        r"(?:<PRI([diouxX])\w*>|(?:hh|h|ll|l|L|q|j|z|t)?([diouxXeEfFgGaAcsp@]))"
    )


def _by_argument(items: list[_Item]) -> list[_Item]:
    """printf placeholders keyed by the argument they print, when the side numbers any (%2$s): an
    unnumbered one takes the next argument, so %d … %s and %2$s … %1$d print the same values;
    %i is %d, and flags and widths (%1$03d) do not change which value is printed."""
    keyed, position = [], 0
    for item in items:
        match = _printf_arg().fullmatch(item.key)
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
    """%s, %d, %<PRIuMAX>, Python's {}: filled in order, so their order is the argument order (%1$s,
    {0}, %(name)s and Ruby's %{name}, %<name>s are not)."""
    if key == "{}":
        return True
    if not key.startswith("%") or key[1:2].isdigit() or key[1:2] in ("(", "{"):
        return False
    return not key.startswith("%<") or key.startswith("%<PRI")


def _branch_name(path: Path) -> str:
    """``'other' branch of {count, plural}`` for messages."""
    key, selector = path[-1]
    return f"{selector!r} branch of {key}"


def _counterpart(path: Path, source_branches: set[Path]) -> Path | None:
    """The source's branch that a translation's branch renders: the same selector at each level, else
    ``other``; None when the source has no such argument."""
    found: Path = ()
    for key, selector in path:
        for candidate in (selector, "other"):
            if (*found, (key, candidate)) in source_branches:
                found = (*found, (key, candidate))
                break
        else:
            return None
    return found


def _opening_of(key: str) -> str | None:
    if key.startswith("</"):
        return "<" + key[2:]
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
    ``%1$03d`` or ``%1$@`` is reported.

    Placeholders are those the pair's format declares (a PO entry's ``#, c-format``,
    ``python-brace-format``, ``qt-format``, ``sh-format``, ``javascript-format``…: ``{name!r:>10}``
    prints ``name``, Qt ``%1`` and cockpit ``$0`` may move, ``${var}`` is ``$var``), else the safe
    common set; ``$0``, ``%1`` and ``${x}`` are text where no flag says otherwise. ICU plural and
    select arguments are compared by argument and branch: each branch of the translation prints what
    the source's branch of that selector prints, or the source's ``other`` (Chinese has only
    ``other``). HTML markup in PO and XLIFF text (``<strong>``, escaped ``&lt;a href="…"&gt;``) is
    compared by tag name in any order, and a changed ``href`` or ``src`` is reported with both
    values. Syntax families: ``qa.lang.placeholders``.

    **Fails:** ``'{wb_fpath}' was discarded.`` / ``“”已被舍去。`` (the placeholder is gone);
    ``{count, plural, one {# item} other {# items}}`` / ``{count, plural, other {个项目}}`` (the
    count dropped from the branch)

    **Passes:** ``'{wb_fpath}' was discarded.`` / ``“{wb_fpath}” 已被舍去。``;
    ``Updated %d path from %s`` / ``从 %2$s 更新了 %1$d 个路径``;
    ``{count, plural, one {# item} other {# items}}`` / ``{count, plural, other {# 个项目}}``
    """

    code = "TAG001"
    name = "tag-mismatch"
    severity = "error"
    pure = True

    def check(self, pair: Pair) -> Iterator[Hit]:
        declared = pair.syntaxes
        zh, en = pair.zh, pair.en
        if not (declared or zh.tags or en.tags):  # most pairs of plain text: nothing to compare
            if "%" not in zh.text and "{" not in zh.text and "%" not in en.text and "{" not in en.text:
                return  # the safe set's placeholders and ICU arguments all need one of them
        scan = not any(syntax != MARKUP for syntax in declared)  # no placeholder syntax declared: the safe set
        html = {"zh": html_tags(pair.zh.text), "en": html_tags(pair.en.text)} if MARKUP in declared else None
        markup = markup_names(html["zh"], html["en"]) if html else set()
        sides = {
            side: _items(pair.side(side), scan, markup, html[side] if html else [])  # type: ignore[arg-type]
            for side in ("zh", "en")
        }
        arguments: dict[str, list[Argument]] = {}
        for side in ("zh", "en"):
            arguments[side], dropped = _icu(pair.side(side))  # type: ignore[arg-type]
            if dropped:
                sides[side] = [item for item in sides[side] if not (item.start in dropped and item.text[:1] == "{")]
        if not any(sides.values()) and not any(arguments.values()):
            return
        if any(_printf_arg().fullmatch(item.key) and "$" in item.key for items in sides.values() for item in items):
            sides = {side: _by_argument(items) for side, items in sides.items()}
        branches: dict[str, set[Path]] = {}
        for side in ("zh", "en"):
            sides[side], branches[side] = _placed(sides[side], arguments[side], pair.side(side).text)  # type: ignore[arg-type]
        nested = {side: [item for item in items if item.path] for side, items in sides.items()}
        sides = {side: [item for item in items if not item.path] for side, items in sides.items()}
        counts = {side: Counter(item.key for item in items) for side, items in sides.items()}
        unmatched: set[str] = set()
        renamed = self._renamed_arguments(sides, counts)
        for side, other in (("zh", "en"), ("en", "zh")):
            surplus = counts[side] - counts[other]
            unmatched.update(surplus)
            # an HTML element dropped whole (<b>…</b>) is one mistake: its opening tag's finding says both
            closed = Counter(
                {f"<{key[2:]}": min(count, surplus[f"<{key[2:]}"]) for key, count in surplus.items() if key[:2] == "</"}
            )
            folded = Counter({f"</{key[1:]}": count for key, count in closed.items()})
            for item in reversed(sides[side]):  # the last occurrences are the extra ones
                if surplus[item.key] > 0:
                    surplus[item.key] -= 1
                    if item.key in renamed:
                        if side == pair.target:
                            yield renamed[item.key]
                        continue
                    if folded[item.key] > 0:
                        folded[item.key] -= 1
                        continue
                    shown = item.text
                    if closed[item.key] > 0:
                        closed[item.key] -= 1
                        shown = f"{item.text}…</{item.key[1:]}"
                    yield Hit(
                        side,  # type: ignore[arg-type]
                        item.start,
                        item.end,
                        f"{shown} in the {_SIDE_NAMES[side]} is missing from the {_SIDE_NAMES[other]}",
                        suggestion=f"add {item.text} to the {_SIDE_NAMES[other]} where it belongs, or remove it here",
                        key=item.key,
                    )
        for side in ("zh", "en"):
            yield from self._closed_before_opened(side, sides[side], unmatched)  # type: ignore[arg-type]
        yield from self._sequential_order(sides, unmatched)
        if html:
            yield from self._changed_links(pair, html, markup)
        if nested["zh"] or nested["en"]:
            yield from self._branches(pair, nested, branches)

    @staticmethod
    def _renamed_arguments(sides: dict[str, list[_Item]], counts: dict[str, Counter[str]]) -> dict[str, Hit]:
        """An ICU argument whose name changed (``{count, plural}`` became ``{num, plural}``): one hit, on
        the Chinese-or-English side that has the new name, keyed by that side's argument."""
        renamed: dict[str, Hit] = {}
        extra = {
            side: [
                item
                for item in items
                if item.key.startswith("{")
                and ", " in item.key
                and counts[side][item.key] > counts["en" if side == "zh" else "zh"][item.key]
            ]
            for side, items in sides.items()
        }
        if len(extra["zh"]) == 1 and len(extra["en"]) == 1:
            zh, en = extra["zh"][0], extra["en"][0]
            if zh.key.rpartition(", ")[2] == en.key.rpartition(", ")[2]:  # same kind: plural and plural
                for item, other, side in ((zh, en, "zh"), (en, zh, "en")):
                    other_side = "en" if side == "zh" else "zh"
                    renamed[item.key] = Hit(
                        side,  # type: ignore[arg-type]
                        item.start,
                        item.end,
                        f"{item.text} in the {_SIDE_NAMES[side]} is {other.text} in the {_SIDE_NAMES[other_side]}",
                        suggestion=f"name it as the {_SIDE_NAMES[other_side]} does: the program passes that name",
                        key=item.key,
                    )
        return renamed

    def _changed_links(self, pair: Pair, html: dict[str, list[Tag]], markup: set[str]) -> Iterator[Hit]:
        """A link address (href, src) that is not the same on both sides: reported on the translation."""
        links = {
            side: [(tag, attribute, value) for tag in tags if tag.name in markup for attribute, value in tag.links]
            for side, tags in html.items()
        }
        target, source = pair.target, pair.source
        left = Counter((tag.name, attribute, value) for tag, attribute, value in links[source])
        left.subtract(Counter((tag.name, attribute, value) for tag, attribute, value in links[target]))
        # the source's addresses the translation has not got, by tag and attribute, in order
        missing: dict[tuple[str, str], deque[str]] = {}
        for tag, attribute, value in links[source]:
            if left[(tag.name, attribute, value)] > 0:
                left[(tag.name, attribute, value)] -= 1
                missing.setdefault((tag.name, attribute), deque()).append(value)
        for tag, attribute, value in links[target]:
            key = (tag.name, attribute, value)
            if left[key] >= 0:
                continue
            left[key] += 1
            was = missing.get((tag.name, attribute))
            if not was:
                continue  # a link the source has not got on such a tag: the tags' count says it
            address = was.popleft()
            yield Hit(
                target,
                tag.start,
                tag.end,
                f"{attribute} changed: {elide(value)} in the {_SIDE_NAMES[target]}, "
                f"{elide(address)} in the {_SIDE_NAMES[source]}",
                suggestion=f"keep the {_SIDE_NAMES[source]}'s address: {elide(address)}",
                key=f"{attribute}={value}",
            )

    def _branches(self, pair: Pair, nested: dict[str, list[_Item]], branches: dict[str, set[Path]]) -> Iterator[Hit]:
        """What each branch of the translation's ICU arguments prints against the source's branch of the
        same selector, or the source's ``other`` (Chinese has only ``other``): a placeholder dropped
        from a branch, or one the source prints in none of the argument's branches."""
        target, source = pair.target, pair.source
        by_path: dict[str, dict[Path, list[_Item]]] = {"zh": {}, "en": {}}
        for side, items in nested.items():
            for item in items:
                by_path[side].setdefault(item.path, []).append(item)
        in_argument: dict[tuple[str, ...], set[str]] = {}  # source: every key printed under an argument
        for path, items in by_path[source].items():
            for depth in range(len(path)):
                argument = tuple(key for key, _ in path[: depth + 1])
                in_argument.setdefault(argument, set()).update(item.key for item in items)
        # many branches of the translation may render one of the source's (other): a hostile message
        # with thousands of each would cost their product, so the comparisons stop at a budget that
        # no message a translator writes comes near
        budget = 8 * (len(nested["zh"]) + len(nested["en"]) + len(branches["zh"]) + len(branches["en"])) + 100_000
        for path in sorted(branches[target] | set(by_path[target])):
            counterpart = _counterpart(path, branches[source])
            if counterpart is None:
                continue  # the argument itself is missing or renamed: reported as such
            items = by_path[target].get(path, [])
            expected = by_path[source].get(counterpart, [])
            budget -= len(items) + len(expected) + len(path)
            if budget < 0:
                return
            have = Counter(item.key for item in items)
            selector = path[-1][1]
            exact = selector in _EXACT_CATEGORIES or selector.startswith("=")
            missing = Counter(item.key for item in expected) - have
            for item in expected:
                if missing[item.key] > 0 and not (exact and item.key == "#"):
                    missing[item.key] -= 1
                    yield Hit(
                        source,
                        item.start,
                        item.end,
                        f"{item.text} in the {_SIDE_NAMES[source]} {_branch_name(counterpart)} is missing from "
                        f"the {_SIDE_NAMES[target]} {selector!r} branch",
                        suggestion=f"add {item.text} to the {_SIDE_NAMES[target]} {path[-1][1]!r} branch",
                        key=f"{item.key} {_branch_name(path)}",
                    )
            known = in_argument.get(tuple(key for key, _ in path), set())
            for item in items:
                if item.key not in known:
                    yield Hit(
                        target,
                        item.start,
                        item.end,
                        f"{item.text} in the {_SIDE_NAMES[target]} {_branch_name(path)} is in no branch of "
                        f"the {_SIDE_NAMES[source]}",
                        suggestion=f"remove {item.text}, or print what the {_SIDE_NAMES[source]} prints",
                        key=f"{item.key} {_branch_name(path)}",
                    )

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
