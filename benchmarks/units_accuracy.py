"""Accuracy of the unit rules (UNIT001-UNIT004) on real clean pairs and on unit swaps made from them.

Clean input: the seeds (seeds/*.txt) and the WMT human reference pairs
(../shared/corpora/wmt-zhen-refs.tsv.gz, ``--corpus refs``, the default) or the official UN
pairs (../shared/corpora/un-dev-zhen.tsv.gz, ``--corpus un``). The clean rate is the share of
clean pairs with any UNIT finding (target ≤ 1%). Then, in every clean pair where a matched
number carries the same unit on both sides, the English unit is swapped, one kind at a time:
the slips translators make (percent ↔ percentage points, hours ↔ minutes, months ↔ weeks,
hectares ↔ acres, tonnes ↔ kilograms, one currency for another: yuan, dollars, euros), and
any other unit of the same dimension (square meters → square feet, kilometers → meters) or
of another dimension (kilometers → kilograms). Recall is the share of swapped pairs that get
a UNIT or NUM finding (target ≥ 95% per kind).

    python benchmarks/units_accuracy.py [--corpus refs|un] [--refs PATH] [--limit N] [--show N]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpora import REFS, UN, ref_pairs, seed_pairs  # noqa: E402  (benchmarks/corpora.py)

from qa.lang.comparison import compare_quantities  # noqa: E402
from qa.lang.units import active_lexicon, dimension, unit_after  # noqa: E402
from qa.model import Pair, Segment  # noqa: E402
from qa.rules import all_rules  # noqa: E402

UNIT_CODES = tuple(code for code in sorted(all_rules()) if code.startswith("UNIT"))
SWAPS = (
    "percent → points",
    "points → percent",
    "hours ↔ minutes",
    "months ↔ weeks",
    "hectares ↔ acres",
    "tonnes ↔ kilograms",
    "other currency",
    "same dimension",
    "other dimension",
)
#: The slips, by the English unit's id: (kind, what it becomes).
SLIPS = {
    "hour": ("hours ↔ minutes", "minutes"),
    "minute": ("hours ↔ minutes", "hours"),
    "month": ("months ↔ weeks", "weeks"),
    "week": ("months ↔ weeks", "months"),
    "hectare": ("hectares ↔ acres", "acres"),
    "acre": ("hectares ↔ acres", "hectares"),
    "tonne": ("tonnes ↔ kilograms", "kilograms"),
    "kilogram": ("tonnes ↔ kilograms", "tonnes"),
}
PERCENT = re.compile(r"\s?(?:%|percent\b|per cent\b)")
POINTS = re.compile(r"\s?percentage[\s-]points?\b")
#: What an English unit is swapped for, by the dimension it has: (same dimension, other dimension).
SAME = {
    "[length]": ("meters", "kilometers", "miles"),
    "[length] ** 2": ("square feet", "square kilometers", "hectares"),
    "[length] ** 3": ("liters", "cubic meters", "milliliters"),
    "[mass]": ("kilograms", "tonnes", "grams"),
    "[time]": ("hours", "days", "minutes"),
}
OTHER = {
    "[length] ** 3": "kilometers",
    "[length]": "kilograms",
    "[mass]": "kilometers",
    "[length] ** 2": "tonnes",
    "[time]": "kilometers",
}
CURRENCY = {"CNY": "US dollars", "USD": "yuan", "EUR": "yuan", "GBP": "euros", "HKD": "yuan", "AUD": "euros"}
#: The same, written before the number (US$5, RMB 3 billion, £40).
CURRENCY_BEFORE = {"CNY": "US$", "USD": "RMB ", "EUR": "£", "GBP": "€", "HKD": "RMB ", "AUD": "€"}


def unit_findings(rules, zh: str, en: str) -> list[tuple[str, str]]:
    pair = Pair(Segment.from_lines("zh", [(1, 1, zh)]), Segment.from_lines("en", [(2, 1, en)]))
    found = []
    for rule in rules:
        for hit in rule.check(pair):
            found.append((rule.code, f"{(zh if hit.side == 'zh' else en)[hit.start : hit.end]!r}: {hit.message}"))
    return found


def swaps(zh: str, en: str) -> Iterator[tuple[str, str, str]]:
    """(kind, swapped English, what was swapped) for each matched number with the same unit on both sides."""
    lexicon = active_lexicon()
    for zh_quantity, en_quantity in compare_quantities(zh, en).matched:
        if zh_quantity.kind == en_quantity.kind and zh_quantity.kind in ("percent", "percentage_point"):
            percent = zh_quantity.kind == "percent"
            found = (PERCENT if percent else POINTS).search(en, en_quantity.start, en_quantity.end + 2)
            if found:
                kind, word = ("percent → points", " percentage points") if percent else ("points → percent", "%")
                yield kind, en[: found.start()] + word + en[found.end() :], found.group()
            continue
        zh_unit = unit_after(lexicon, "zh", zh, zh_quantity)
        en_unit = unit_after(lexicon, "en", en, en_quantity)
        if zh_unit is None or en_unit is None or en_unit.unit.per is not None:
            continue
        unit = en_unit.unit
        before, after = en[: en_unit.start], en[en_unit.end :]
        if unit.currency:
            if zh_unit.unit.currency != unit.currency and not unit.ambiguous:
                continue
            before_number = en_unit.start < en_quantity.start + 1
            target = (CURRENCY_BEFORE if before_number else CURRENCY).get(zh_unit.unit.currency)
            if target:
                yield "other currency", before + target + after, en[en_unit.start : en_unit.end]
            continue
        dim = dimension(lexicon, unit)[0]
        if dim not in SAME:
            continue
        slip = SLIPS.get(unit.id)
        if slip and zh_unit.unit.id == unit.id:
            yield slip[0], before + slip[1] + after, en[en_unit.start : en_unit.end]
        taken = {unit.id, zh_unit.unit.id}
        same = next(word for word in SAME[dim] if lexicon.en_units(word)[0].id not in taken)
        yield "same dimension", before + same + after, en[en_unit.start : en_unit.end]
        yield "other dimension", before + OTHER[dim] + after, en[en_unit.start : en_unit.end]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", choices=("refs", "un"), default="refs", help="WMT references or UN dev set")
    parser.add_argument("--refs", type=Path, default=None, help="the corpus file (default: the chosen corpus)")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--show", type=int, default=0, help="print N clean-pair findings and N misses per kind")
    options = parser.parse_args()
    rules = [all_rules()[code]() for code in UNIT_CODES]
    num_rules = [all_rules()[code]() for code in ("NUM001", "NUM002", "NUM003")]

    started = time.perf_counter()
    path = options.refs or {"refs": REFS, "un": UN}[options.corpus]
    corpora = {"seeds": list(seed_pairs()), options.corpus: list(ref_pairs(path, options.limit, options.corpus))}
    attempts: Counter[str] = Counter()
    caught: Counter[str] = Counter()
    misses: dict[str, list[str]] = {kind: [] for kind in SWAPS}
    flagged_examples: list[str] = []
    print(f"{'corpus':<8} {'pairs':>7} {'w/ units':>9} {'flagged':>8} {'rate':>7}  by rule")
    for corpus, pairs in corpora.items():
        flagged = with_units = 0
        by_code: Counter[str] = Counter()
        for source, zh, en in pairs:
            findings = unit_findings(rules, zh, en)
            candidates = list(swaps(zh, en))
            with_units += bool(candidates)
            if findings:
                flagged += 1
                by_code.update(code for code, _ in findings)
                flagged_examples.append(f"{source}\n  zh: {zh[:240]}\n  en: {en[:240]}\n  " + "\n  ".join(
                    f"{code} {message}" for code, message in findings))  # fmt: skip
                continue
            for kind, bad, old in candidates:
                attempts[kind] += 1
                result = unit_findings(rules, zh, bad) or unit_findings(num_rules, zh, bad)
                if result:
                    caught[kind] += 1
                elif len(misses[kind]) < options.show:
                    misses[kind].append(f"{source} [{old}]\n  zh: {zh[:200]}\n  en: {bad[:200]}")
        rate = flagged / len(pairs) if pairs else 0
        codes = ", ".join(f"{code} {n}" for code, n in sorted(by_code.items()))
        print(f"{corpus:<8} {len(pairs):>7} {with_units:>9} {flagged:>8} {rate:>7.2%}  {codes}")
    print()
    print("Recall on swapped English units (any UNIT or NUM finding)")
    print(f"{'swap':<20} {'pairs':>7} {'caught':>7} {'recall':>7}")
    for kind in SWAPS:
        total = attempts[kind]
        print(f"{kind:<20} {total:>7} {caught[kind]:>7} {caught[kind] / total if total else 0:>7.2%}")
    print(f"\n({time.perf_counter() - started:.1f} s)")
    if options.show:
        print("\nClean-pair findings:")
        print("\n".join(flagged_examples[: options.show]))
        for kind, examples in misses.items():
            if examples:
                print(f"\nMissed ({kind}):")
                print("\n".join(examples))


if __name__ == "__main__":
    main()
