"""Throughput of the TERM rules and of glossary matching, with the starter and a 10,000-term glossary.

Reads the MT corpus (zh<TAB>en, gzip), builds a 10,000-term glossary by `qa terms extract`
over the reference corpus, and reports pairs/s of: the whole default rule set, the TERM
rules alone, and the Chinese matchers this project considered (the dict-of-prefix scan in
qa.lang.glossary, Aho-Corasick from pyahocorasick if installed, jieba with the glossary as
a user dictionary). Target: the whole `qa check` at 10,000 pairs/s or more.

    python benchmarks/terms_throughput.py [--corpus ../shared/corpora/wmt-zhen-mt.tsv.gz]
        [--refs ../shared/corpora/wmt-zhen-refs.tsv.gz] [--terms 10000] [--pairs N]
"""

from __future__ import annotations

import argparse
import gzip
import tempfile
import time
from pathlib import Path

from qa.config import Config
from qa.datapacks import shipped_dir
from qa.engine import Engine
from qa.lang.glossary import Glossary, load_glossary
from qa.lang.term_extract import extract_terms, format_glossary_tsv
from qa.readers import read_text
from qa.rules import RuleContext

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=CORPORA / "wmt-zhen-mt.tsv.gz")
    parser.add_argument("--refs", type=Path, default=CORPORA / "wmt-zhen-refs.tsv.gz")
    parser.add_argument("--terms", type=int, default=10000)
    parser.add_argument("--pairs", type=int, default=None, help="only the first N pairs of the corpus")
    args = parser.parse_args()

    pairs = read_pairs(args.corpus, args.pairs)
    text = "\n".join(f"{zh}\t{en}" for zh, en in pairs) + "\n"
    document = read_text(args.corpus.name.removesuffix(".gz"), text, ".tsv")
    count = len(document.pairs)
    print(f"{args.corpus.name}: {count:,} pairs")

    with tempfile.TemporaryDirectory() as folder:
        refs = read_pairs(args.refs, None)
        start = time.perf_counter()
        candidates = extract_terms(refs, top=args.terms, min_count=1)
        glossary_path = Path(folder) / "glossary-big.tsv"
        glossary_path.write_text(format_glossary_tsv(candidates), encoding="utf-8")
        big = load_glossary([glossary_path])
        print(f"{len(big):,}-term glossary from {args.refs.name} in {time.perf_counter() - start:.1f} s")
        big_context = RuleContext(data_dirs=(shipped_dir(), Path(folder)))

        print("engine (reading excluded):")
        for label, select, context in (
            ("default rules, starter glossary", [], None),
            ("TERM rules, starter glossary", ["TERM"], None),
            (f"default rules, starter + {len(big):,}-term glossary", [], big_context),
            (f"TERM rules, starter + {len(big):,}-term glossary", ["TERM"], big_context),
        ):
            engine = Engine.from_config(Config(), select=select)
            if context is not None:
                engine.context = context
            timed(label, count, lambda engine=engine: engine.check(document))

        chinese = [pair.zh.text for pair in document.pairs]
        print(f"matching the Chinese side only, {len(big):,} terms:")
        fresh = Glossary(dict(big.entries))
        timed("dict-of-prefix scan (qa.lang.glossary)", count, lambda: [fresh.find(t) for t in chinese])
        try:
            import ahocorasick
        except ImportError:
            print("  pyahocorasick not installed: skipped")
        else:
            from qa.lang.glossary import TermMatch, fold_chinese

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
