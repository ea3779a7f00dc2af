"""Throughput of the TERM rules and of glossary matching, with the starter and a 10,000-term glossary.

Reads the MT corpus (zh<TAB>en, gzip) and builds a 10,000-term glossary the way a team
would start one: `qa terms extract` over its translations (the reference corpus and the MT
corpus together, terms in at least 3 distinct sources, up to three renderings each). It reports
pairs/s of: the whole `qa check` run with that glossary (a subprocess, as a user runs it,
with the number of findings per pair), the engine with the default rule set and with the
TERM rules alone, and the Chinese matchers this project considered (the two-character
scan in qa.lang.terms, Aho-Corasick from pyahocorasick if installed, jieba with the
glossary as a user dictionary). Target: the whole `qa check` at 10,000 pairs/s or more on one
core (`--jobs 1`); the run on every core (`--jobs 0`, the default) is reported beside it.

    python benchmarks/terms_throughput.py [--corpus ../shared/corpora/wmt-zhen-mt.tsv.gz]
        [--refs ../shared/corpora/wmt-zhen-refs.tsv.gz] [--terms 10000] [--min-count 3] [--pairs N]
        [--repeat 3] [--glossary FILE]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from qa.config import Config
from qa.datapacks import shipped_dir
from qa.engine import Engine
from qa.lang.terms.extract import extract_terms, format_glossary_tsv
from qa.lang.terms.index import _GLOSSARIES, Glossary, load_glossary
from qa.parallel import available_cores
from qa.readers import read_text
from qa.rules import RuleContext

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import report_cli, time_cli

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"


def read_pairs(path: Path, limit: int | None) -> list[tuple[str, str]]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        lines = [line.rstrip("\n") for line in handle]
    pairs = [tuple(line.split("\t")[:2]) for line in lines if "\t" in line]
    return pairs[:limit] if limit else pairs  # type: ignore[return-value]


def timed(label: str, pairs: int, function) -> float:
    start = time.perf_counter()
    result = function()
    seconds = time.perf_counter() - start
    print(f"  {label:<58} {seconds:7.2f} s  {pairs / seconds:>9,.0f} pairs/s")
    return result


def count_findings(pairs: list[tuple[str, str]], project: Path) -> Counter[str]:
    """Findings by rule code of `qa check` run in ``project`` (with its glossary)."""
    tsv = project / "pairs.tsv"
    tsv.write_text("".join(f"{zh}\t{en}\n" for zh, en in pairs), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "qa", "check", str(tsv), "-f", "json", "--jobs", "1"],
        cwd=project, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    tsv.unlink()
    lines = result.stdout.split("\n")  # one finding a line (JSON escapes newlines inside strings)
    return Counter(json.loads(line.rstrip(","))["code"] for line in lines if line.startswith("    {"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=CORPORA / "wmt-zhen-mt.tsv.gz")
    parser.add_argument("--refs", type=Path, default=CORPORA / "wmt-zhen-refs.tsv.gz")
    parser.add_argument("--terms", type=int, default=10000)
    parser.add_argument("--pairs", type=int, default=None, help="only the first N pairs of the corpus")
    parser.add_argument("--min-count", type=int, default=3, help="terms in fewer distinct sources are not extracted")
    parser.add_argument("--repeat", type=int, default=3, help="runs of qa check (best and median are reported)")
    parser.add_argument("--glossary", type=Path, default=None, help="use this glossary instead of extracting one")
    args = parser.parse_args()

    pairs = read_pairs(args.corpus, args.pairs)
    text = "\n".join(f"{zh}\t{en}" for zh, en in pairs) + "\n"
    document = read_text(args.corpus.name.removesuffix(".gz"), text, ".tsv")
    count = len(document.pairs)
    print(f"{args.corpus.name}: {count:,} pairs")

    with tempfile.TemporaryDirectory() as folder:
        pack = Path(folder) / "rules"
        pack.mkdir()
        (Path(folder) / "qa.toml").write_text("", encoding="utf-8")  # the project whose rules/ holds the glossary
        glossary_path = pack / "glossary-big.tsv"
        start = time.perf_counter()
        if args.glossary is not None:
            glossary_path.write_text(args.glossary.read_text(encoding="utf-8"), encoding="utf-8")
        else:
            translations = read_pairs(args.refs, None) + pairs
            candidates = extract_terms(translations, top=args.terms, min_count=args.min_count)
            glossary_path.write_text(format_glossary_tsv(candidates), encoding="utf-8")
        big = load_glossary([glossary_path])
        renderings = sum(len(entry.renderings) for entry in big.entries.values())
        print(
            f"{len(big):,}-term glossary ({renderings:,} renderings) from "
            f"{args.glossary or args.refs.name + ' + ' + args.corpus.name} in {time.perf_counter() - start:.1f} s"
        )
        big_context = RuleContext(data_dirs=(shipped_dir(), pack))

        print("qa check, as a user runs it (--jobs 1: one core; --jobs 0: every core from 20,000 pairs):")
        report_cli("default rules, starter glossary, one core", count, time_cli(pairs, args.repeat))
        big_runs = time_cli(pairs, args.repeat, cwd=Path(folder))
        report_cli(f"default rules, + {len(big):,}-term glossary, one core", count, big_runs)
        cores = available_cores()
        starter_every_core = time_cli(pairs, args.repeat, jobs=0)
        report_cli(f"default rules, starter glossary, --jobs 0 ({cores} cores)", count, starter_every_core)
        every_core = time_cli(pairs, args.repeat, cwd=Path(folder), jobs=0)
        report_cli(f"default rules, + {len(big):,}-term glossary, --jobs 0 ({cores} cores)", count, every_core)
        findings = count_findings(pairs, Path(folder))
        total = sum(findings.values())
        top = ", ".join(f"{code} {number:,}" for code, number in findings.most_common(4))
        print(f"  findings with the {len(big):,}-term glossary: {total:,} ({total / count:.2f} per pair; {top})")

        print("engine (reading excluded):")
        for label, select, context in (
            ("default rules, starter glossary", [], None),
            ("TERM rules, starter glossary", ["TERM"], None),
            (f"default rules, starter + {len(big):,}-term glossary", [], big_context),
            (f"TERM rules, starter + {len(big):,}-term glossary", ["TERM"], big_context),
        ):
            _GLOSSARIES.clear()  # each run loads its glossary afresh: no matches remembered from the run before
            engine = Engine.from_config(Config(), select=select)
            if context is not None:
                engine.context = context
            timed(label, count, lambda engine=engine: engine.check(document))

        chinese = [pair.zh.text for pair in document.pairs]
        print(f"matching the Chinese side only, {len(big):,} terms:")
        fresh = Glossary(dict(big.entries))
        timed("two-character scan (qa.lang.terms)", count, lambda: [fresh.find(t) for t in chinese])
        try:
            import ahocorasick
        except ImportError:
            print("  pyahocorasick not installed: skipped")
        else:
            from qa.lang.terms import TermMatch, fold_chinese

            automaton = ahocorasick.Automaton()
            for term, entry in big.entries.items():
                automaton.add_word(term, (len(term), entry))
            automaton.make_automaton()
            timed(
                "Aho-Corasick (pyahocorasick iter_long)",
                count,
                lambda: [
                    [TermMatch(e, end - n + 1, end + 1) for end, (n, e) in automaton.iter_long(fold_chinese(t))]
                    for t in chinese
                ],
            )
        import jieba

        jieba.setLogLevel(60)
        tokenizer = jieba.Tokenizer()
        user_dictionary = Path(folder) / "user.dict"
        user_dictionary.write_text("".join(f"{term} 100000\n" for term in big.entries), encoding="utf-8")
        tokenizer.initialize()
        tokenizer.load_userdict(str(user_dictionary))
        sample = chinese[: min(len(chinese), 20000)]
        terms = big.entries
        timed(
            f"jieba with a user dictionary (first {len(sample):,} pairs)",
            len(sample),
            lambda: [[word for word in tokenizer.cut(t, HMM=False) if word in terms] for t in sample],
        )


if __name__ == "__main__":
    main()
