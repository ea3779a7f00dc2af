"""Calibration of ALN003 (length-mismatch) on published translations.

Prints, for the WMT human references and the UN dev set, the distribution of English words per
Chinese character (qa.lang.sentences) over pairs of 20 characters or more, and how many pairs the
default thresholds (0.3-2, three sentences against one) report.

    python benchmarks/omission.py [--limit N]
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpora import REFS, UN, ref_pairs  # noqa: E402  (benchmarks/corpora.py)

from qa.lang.sentences import en_length, en_sentences, zh_length, zh_sentences  # noqa: E402


def at(ratios: list[float], share: float) -> float:
    return ratios[min(len(ratios) - 1, math.floor(share * len(ratios)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    for name, path in (("WMT refs", REFS), ("UN dev", UN)):
        ratios, low, high, sentences, pairs = [], 0, 0, 0, 0
        for _, zh, en in ref_pairs(path, args.limit, name):
            pairs += 1
            characters = zh_length(zh)
            if characters < 20 or not en.strip():
                continue
            ratio = en_length(en) / characters
            ratios.append(ratio)
            low += ratio < 0.3
            high += ratio > 2.0
            if not (ratio < 0.3 or ratio > 2.0):
                counts = zh_sentences(zh), en_sentences(en)
                sentences += min(counts) == 1 and max(counts) >= 3
        ratios.sort()
        print(
            f"{name}: {pairs} pairs, {len(ratios)} measured; words per character median {at(ratios, 0.5):.3f}, "
            f"1%-99% {at(ratios, 0.01):.3f}-{at(ratios, 0.99):.3f}, "
            f"0.1%-99.9% {at(ratios, 0.001):.3f}-{at(ratios, 0.999):.3f}; "
            f"reported: {low} shorter, {high} longer, {sentences} by sentences "
            f"({(low + high + sentences) / pairs:.2%} of pairs)"
        )


if __name__ == "__main__":
    main()
