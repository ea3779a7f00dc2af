"""Accuracy of the number rules (NUM001-NUM003) on real clean pairs and on defects made from them.

Clean input: the seeds (seeds/*.txt, read by the txt reader) and either the WMT human
reference pairs (../shared/corpora/wmt-zhen-refs.tsv.gz, ``--corpus refs``, the default) or
the official UN pairs (../shared/corpora/un-dev-zhen.tsv.gz, ``--corpus un``). For every clean pair the
rules pass, each English number that matches a hard Chinese quantity is damaged in
turn: a digit changed, the value scaled ×10, ÷10 or ×10⁴, or the number dropped
(numbers whose value the pair states more than once are left alone: dropping one
mention of a repeated value loses nothing).
Recall is the share of damaged pairs that get an error-level NUM finding; the clean
rate is the share of clean pairs that get one (ideally none).

    python benchmarks/numbers_accuracy.py [--corpus refs|un] [--refs PATH] [--limit N] [--show N]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpora import REFS, UN, ref_pairs, seed_pairs  # noqa: E402  (benchmarks/corpora.py)

from qa.lang.comparison import compare_quantities  # noqa: E402
from qa.lang.numbers.quantity import Quantity  # noqa: E402
from qa.model import Pair, Segment  # noqa: E402
from qa.rules import all_rules  # noqa: E402

NUM_CODES = ("NUM001", "NUM002", "NUM003")
DEFECTS = ("change", "scale x10", "scale /10", "scale x10^4", "drop")


def num_findings(zh: str, en: str) -> list[tuple[str, str, str]]:
    """(code, severity, message) of every NUM finding on one pair, running the rules directly."""
    pair = Pair(Segment.from_lines("zh", [(1, 1, zh)]), Segment.from_lines("en", [(2, 1, en)]))
    rules = all_rules()
    found = []
    for code in NUM_CODES:
        rule = rules[code]()
        for hit in rule.check(pair):
            text = (zh if hit.side == "zh" else en)[hit.start : hit.end]
            found.append((code, rule.severity, f"{text!r}: {hit.message}"))
    return found


def _render(quantity: Quantity, value: Decimal) -> str:
    """The English number rewritten with a new value, in the style it was written."""
    text = quantity.text
    scale = re.search(r"\s?(hundred|thousand|million|billion|trillion)s?\b|(bn|mn|[kmb])\b", text)
    factors = {"hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
               "bn": 10**9, "mn": 10**6, "k": 10**3, "m": 10**6, "b": 10**9}  # fmt: skip
    digits = re.search(r"[0-9][0-9,. ]*[0-9]|[0-9]", text)
    assert digits is not None
    if (scale and "m" != (scale.group(2) or "")) or (scale and quantity.unit):
        value = value / factors[(scale.group(1) or scale.group(2)).lower()]
    if value == value.to_integral_value():
        number = int(value)
        new = f"{number:,}" if "," in digits.group() or (number >= 10000 and quantity.kind != "year") else str(number)
    else:
        new = f"{value.normalize():f}"
    return text[: digits.start()] + new + text[digits.end() :]


def _changed(quantity: Quantity, rng: random.Random) -> str:
    text = quantity.text
    positions = [i for i, char in enumerate(text) if char.isdigit()]
    index = rng.choice(positions)
    old = int(text[index])
    new = (old + rng.randint(1, 8)) % 10
    if index == positions[0] and new == 0:
        new = 1 if old != 1 else 2
    return text[:index] + str(new) + text[index + 1 :]


def damaged(en: str, quantity: Quantity, defect: str, rng: random.Random) -> str | None:
    digits_only = not quantity.spelled and quantity.kind in ("cardinal", "percent", "percentage_point", "ordinal")
    if defect == "drop":
        start, end = quantity.start, quantity.end
        return (en[:start].rstrip() + " " + en[end:].lstrip()).strip()
    if not digits_only and not (defect == "change" and quantity.kind == "year" and not quantity.spelled):
        return None
    if defect == "change":
        replacement = _changed(quantity, rng)
    else:
        factor = {"scale x10": Decimal(10), "scale /10": Decimal("0.1"), "scale x10^4": Decimal(10000)}[defect]
        if quantity.kind == "ordinal" or (defect == "scale /10" and quantity.value < 10):
            return None
        replacement = _render(quantity, quantity.value * factor)
    if replacement == quantity.text:
        return None
    return en[: quantity.start] + replacement + en[quantity.end :]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", choices=("refs", "un"), default="refs", help="WMT references or UN dev set")
    parser.add_argument("--refs", type=Path, default=None, help="the corpus file (default: the chosen corpus)")
    parser.add_argument("--limit", type=int, default=None, help="read only the first N reference pairs")
    parser.add_argument("--show", type=int, default=0, help="print N clean-pair findings and N misses per defect")
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    rng = random.Random(options.seed)

    started = time.perf_counter()
    path = options.refs or {"refs": REFS, "un": UN}[options.corpus]
    corpora = {"seeds": list(seed_pairs()), options.corpus: list(ref_pairs(path, options.limit, options.corpus))}
    clean_rows = []
    flagged_examples: list[str] = []
    attempts: Counter[str] = Counter()
    caught: Counter[str] = Counter()
    expected_rule: Counter[str] = Counter()
    misses: dict[str, list[str]] = {defect: [] for defect in DEFECTS}
    for corpus, pairs in corpora.items():
        flagged = 0
        by_code: Counter[str] = Counter()
        with_numbers = 0
        for source, zh, en in pairs:
            findings = [f for f in num_findings(zh, en) if f[1] == "error"]
            comparison = compare_quantities(zh, en)
            with_numbers += bool(comparison.zh or comparison.en)  # a Chinese quantity, or a hard English one
            if findings:
                flagged += 1
                by_code.update(code for code, _, _ in findings)
                flagged_examples.append(f"{source}\n  zh: {zh[:300]}\n  en: {en[:300]}\n  " + "\n  ".join(
                    f"{code} {message}" for code, _, message in findings))  # fmt: skip
                continue
            values = Counter(q.value for q in comparison.zh + comparison.en)
            for zh_quantity, en_quantity in comparison.matched:
                # a value the pair states twice is not lost when one mention goes: damage unique values only
                if values[en_quantity.value] > 2 or values[zh_quantity.value] > 2:
                    continue
                if not zh_quantity.hard or en[en_quantity.start : en_quantity.end] != en_quantity.text:
                    continue
                for defect in DEFECTS:
                    bad = damaged(en, en_quantity, defect, rng)
                    if bad is None:
                        continue
                    attempts[defect] += 1
                    result = [f for f in num_findings(zh, bad) if f[1] == "error"]
                    if result:
                        caught[defect] += 1
                        codes = {code for code, _, _ in result}
                        want = "NUM001" if defect == "drop" else "NUM003"
                        expected_rule[defect] += want in codes
                    elif len(misses[defect]) < options.show:
                        misses[defect].append(f"{source} [{en_quantity.text}]\n  zh: {zh[:200]}\n  en: {bad[:200]}")
        clean_rows.append((corpus, len(pairs), with_numbers, flagged, by_code))
    elapsed = time.perf_counter() - started

    print("Clean pairs flagged (error-level NUM findings)")
    print(f"{'corpus':<8} {'pairs':>7} {'w/ numbers':>10} {'flagged':>8} {'rate':>7}  by rule")
    for corpus, count, with_numbers, flagged, by_code in clean_rows:
        rate = flagged / count if count else 0
        codes = ", ".join(f"{code} {n}" for code, n in sorted(by_code.items()))
        print(f"{corpus:<8} {count:>7} {with_numbers:>10} {flagged:>8} {rate:>7.2%}  {codes}")
    print()
    print("Recall on damaged English numbers (clean pairs the rules pass, one defect at a time)")
    print(f"{'defect':<13} {'pairs':>7} {'caught':>7} {'recall':>7} {'by expected rule':>17}")
    for defect in DEFECTS:
        total = attempts[defect]
        recall = caught[defect] / total if total else 0
        right = expected_rule[defect] / total if total else 0
        print(f"{defect:<13} {total:>7} {caught[defect]:>7} {recall:>7.2%} {right:>17.2%}")
    print(f"\n({elapsed:.1f} s)")
    if options.show:
        print("\nClean-pair findings:")
        for example in flagged_examples[: options.show]:
            print(example)
        for defect, examples in misses.items():
            if examples:
                print(f"\nMissed ({defect}):")
                print("\n".join(examples))


if __name__ == "__main__":
    main()
