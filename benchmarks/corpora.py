"""Clean pairs the accuracy benchmarks damage: the seeds, the WMT human references and the UN dev set."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFS = ROOT.parent / "shared" / "corpora" / "wmt-zhen-refs.tsv.gz"
UN = ROOT.parent / "shared" / "corpora" / "un-dev-zhen.tsv.gz"


def seed_pairs() -> Iterator[tuple[str, str, str]]:
    """(source, zh, en) of every pair of the bundled seeds, read by the .txt reader."""
    from qa.readers import read_path

    for path in sorted((ROOT / "seeds").glob("*.txt")):
        for pair in read_path(path).pairs:
            yield f"{path.name}:{pair.zh.line}", pair.zh.text, pair.en.text


def ref_pairs(path: Path, limit: int | None, name: str = "refs") -> Iterator[tuple[str, str, str]]:
    """(source, zh, en) of a gzip TSV corpus (zh<TAB>en), at most ``limit`` lines."""
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if limit is not None and number > limit:
                return
            zh, _, en = line.rstrip("\n").partition("\t")
            yield f"{name}:{number}", zh, en
